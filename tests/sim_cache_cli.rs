//! `gureum sim cache` through the real binary: the JSON contract, the ElastiCache strategies
//! page's behaviours (aws-facts.md 5.3, X8), presets and exit codes.

#![allow(clippy::doc_markdown)] // service names read better bare

mod support;

use serde_json::Value;
use support::cli::{exits_2_naming, sim_json};

fn json(args: &[&str]) -> Value {
    sim_json("cache", args)
}

#[test]
fn json_contract_fields() {
    let v = json(&[
        "--strategy",
        "lazy",
        "--keys",
        "100",
        "--reads-per-second",
        "50",
        "--writes-per-second",
        "1",
    ]);
    for field in [
        "hits",
        "misses",
        "hit_ratio",
        "stale_reads",
        "db_reads",
        "db_writes",
        "cache_writes",
        "unused_cache_writes",
        "evictions",
        "explanation",
        "timeline",
    ] {
        assert!(v.get(field).is_some(), "missing {field}: {v}");
    }
    assert!(v["hits"].is_u64() && v["hit_ratio"].is_number());
}

/// X8 through the CLI: lazy loading without a TTL serves stale values; write-through never does.
#[test]
fn lazy_is_stale_write_through_is_not() {
    let args = [
        "--keys",
        "1",
        "--zipf",
        "0",
        "--reads-per-second",
        "1",
        "--writes-per-second",
        "0.1",
        "--duration",
        "30",
    ];
    let mut lazy = vec!["--strategy", "lazy"];
    lazy.extend_from_slice(&args);
    let v = json(&lazy);
    assert_eq!(v["stale_reads"], 24);
    assert_eq!(v["misses"], 1);
    let mut wt = vec!["--strategy", "write-through"];
    wt.extend_from_slice(&args);
    let v = json(&wt);
    assert_eq!(v["stale_reads"], 0);
    assert_eq!(v["cache_writes"], v["db_writes"]);
}

#[test]
fn node_failure_write_through_misses_until_the_next_write() {
    let base = [
        "--keys",
        "100",
        "--zipf",
        "0",
        "--reads-per-second",
        "100",
        "--writes-per-second",
        "0.5",
        "--node-failure-at",
        "60",
        "--duration",
        "120",
    ];
    let mut lazy = vec!["--strategy", "lazy"];
    lazy.extend_from_slice(&base);
    let mut wt = vec!["--strategy", "write-through"];
    wt.extend_from_slice(&base);
    let after = |v: Value| v["hit_ratio_after_failure"].as_f64().unwrap();
    assert!(after(json(&lazy)) > 0.95);
    assert!(after(json(&wt)) < 0.3);
}

#[test]
fn preset_challenge_and_same_seed() {
    let v = json(&["--scenario", "cache-stale-prices"]);
    assert_eq!(v["challenge"]["passed"], false);
    let v = json(&["--scenario", "cache-stale-prices", "--ttl", "30"]);
    assert_eq!(v["challenge"]["passed"], true, "{}", v["challenge"]);
    let args = ["--keys", "500", "--seed", "4", "--duration", "60"];
    assert_eq!(json(&args), json(&args));
}

#[test]
fn invalid_settings_exit_2_naming_the_limit() {
    exits_2_naming(
        "cache",
        &[
            (vec!["--keys", "0"], "1-1000000"),
            (vec!["--ttl", "0"], "--ttl"),
            (
                vec!["--reads-per-second", "100000", "--duration", "3600"],
                "20000000",
            ),
            (vec!["--node-failure-at", "500"], "0-300"),
            (vec!["--strategy", "write-back"], "write-back"),
        ],
    );
}
