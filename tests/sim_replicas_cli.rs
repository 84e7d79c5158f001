//! `gureum sim replicas` through the real binary: the JSON contract, the documented replica
//! limits (exit 2 naming the limit), failover cases (aws-facts.md 5.2, X3-X7) and presets.

#![allow(clippy::doc_markdown)] // service names read better bare

mod support;

use serde_json::Value;
use support::cli::{exits_2_naming, gureum, sim_json};

fn json(args: &[&str]) -> Value {
    sim_json("replicas", args)
}

#[test]
fn json_contract_fields() {
    let v = json(&[
        "--engine",
        "rds-mysql",
        "--replicas",
        "2",
        "--writes-per-second",
        "10",
        "--reads-per-second",
        "50",
        "--read-after-write",
        "--fail-primary-at",
        "30",
        "--duration",
        "400",
    ]);
    for field in [
        "stale_reads",
        "failover_s",
        "writes_lost",
        "downtime_s",
        "promoted",
        "explanation",
        "timeline",
    ] {
        assert!(v.get(field).is_some(), "missing {field}: {v}");
    }
    assert_eq!(v["promoted"], "read-replica");
    assert!(v["writes_lost"].as_u64().unwrap() > 0);
}

#[test]
fn replicas_beyond_the_limit_exit_2_naming_it() {
    for (engine, n, limit) in [
        ("rds-mysql", "16", "15"),
        ("rds-postgres", "16", "15"),
        ("rds-oracle", "6", "5"),
        ("aurora-mysql", "16", "15"),
    ] {
        let o = gureum(&["sim", "replicas", "--engine", engine, "--replicas", n]);
        assert_eq!(o.status.code(), Some(2), "{engine}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            // Korean by default, one language at a time (issue 16).
            err.contains(&format!("최대 {limit}개")) && err.contains("https://docs"),
            "{err}"
        );
    }
    // Within the limit: a 6th MySQL replica is fine today.
    let v = json(&["--engine", "rds-mysql", "--replicas", "6"]);
    assert_eq!(v["replica_limit"], 15);
}

#[test]
fn multi_az_and_aurora_lose_nothing() {
    let v = json(&[
        "--engine",
        "rds-postgres",
        "--replicas",
        "0",
        "--multi-az",
        "--writes-per-second",
        "50",
        "--reads-per-second",
        "10",
        "--fail-primary-at",
        "30",
        "--duration",
        "300",
    ]);
    assert_eq!(v["promoted"], "standby");
    assert_eq!(v["writes_lost"], 0);
    let t = v["failover_s"].as_f64().unwrap();
    assert!((60.0..=120.0).contains(&t), "{t}");
    let v = json(&[
        "--engine",
        "aurora-postgres",
        "--replicas",
        "1",
        "--writes-per-second",
        "50",
        "--reads-per-second",
        "10",
        "--fail-primary-at",
        "30",
        "--duration",
        "300",
    ]);
    assert_eq!(v["promoted"], "aurora-replica");
    assert!(v["failover_s"].as_f64().unwrap() < 60.0);
    assert_eq!(v["writes_lost"], 0);
}

#[test]
fn preset_challenge_and_same_seed() {
    let v = json(&["--scenario", "replicas-failover"]);
    assert_eq!(v["challenge"]["passed"], false);
    let v = json(&["--scenario", "replicas-failover", "--multi-az"]);
    assert_eq!(v["challenge"]["passed"], true, "{}", v["challenge"]);
    let args = [
        "--replicas",
        "3",
        "--seed",
        "8",
        "--fail-primary-at",
        "10",
        "--duration",
        "60",
    ];
    assert_eq!(json(&args), json(&args));
}

#[test]
fn other_invalid_settings_exit_2() {
    exits_2_naming(
        "replicas",
        &[
            (vec!["--duration", "0"], "1-3600"),
            (vec!["--fail-primary-at", "400"], "0-300"),
            (vec!["--engine", "rds-db2"], "rds-db2"),
        ],
    );
}
