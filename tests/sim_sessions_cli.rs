//! `gureum sim sessions` through the real binary: the JSON contract, the presets' per-condition
//! challenge, and exit codes.

#![allow(clippy::doc_markdown)] // service names read better bare

mod support;

use serde_json::Value;
use support::cli::{exits_2_naming, gureum, sim_json};

fn json(args: &[&str]) -> Value {
    sim_json("sessions", args)
}

#[test]
fn json_contract_fields() {
    let v = json(&[
        "--store",
        "cookie",
        "--instances",
        "4",
        "--users",
        "50",
        "--duration",
        "120",
    ]);
    for field in [
        "carts_lost",
        "users_affected",
        "users_on_failed_instances",
        "requests",
        "session_reads",
        "p50_ms",
        "p99_ms",
        "cookie_bytes_max",
        "explanation",
        "timeline",
    ] {
        assert!(v.get(field).is_some(), "missing {field}: {v}");
    }
    assert!(v["cookie_bytes_max"].is_u64());
    assert!(v["requests"].is_u64() && v["p99_ms"].is_number());
    let e = &v["explanation"][0];
    assert!(e["ko"].is_string() && e["en"].is_string() && e["rule"].is_string());
    // Other stores have no cookie.
    let v = json(&["--store", "sticky"]);
    assert!(v["cookie_bytes_max"].is_null());
}

/// aws-facts X1/X2 through the CLI: sticky loses the failed server's carts, a shared store none.
#[test]
fn sticky_loses_carts_shared_store_keeps_them() {
    let base = [
        "--instances",
        "4",
        "--users",
        "100",
        "--fail-instance-at",
        "300",
        "--seed",
        "3",
    ];
    let mut sticky = vec!["--store", "sticky"];
    sticky.extend_from_slice(&base);
    let v = json(&sticky);
    assert_eq!(v["users_on_failed_instances"], 25);
    assert!(v["carts_lost"].as_u64().unwrap() > 0);
    let mut shared = vec!["--store", "elasticache"];
    shared.extend_from_slice(&base);
    let v = json(&shared);
    assert_eq!(v["carts_lost"], 0);
    assert_eq!(v["users_affected"], 0);
    assert!(v["session_reads"].as_u64().unwrap() > 0);
}

#[test]
fn same_seed_same_output() {
    let args = [
        "--store",
        "local",
        "--users",
        "30",
        "--duration",
        "60",
        "--seed",
        "9",
    ];
    assert_eq!(json(&args), json(&args));
}

#[test]
fn preset_challenge_lists_each_condition() {
    let v = json(&["--scenario", "sessions-sticky-failure"]);
    let c = &v["challenge"];
    assert_eq!(c["passed"], false);
    let first = &c["conditions"][0];
    assert_eq!(first["id"], "carts_lost");
    assert_eq!(first["passed"], false);
    assert!(first["measured"].as_f64().unwrap() > 0.0);
    assert!(first["label_ko"].is_string() && first["label_en"].is_string());
    let v = json(&[
        "--scenario",
        "sessions-sticky-failure",
        "--store",
        "dynamodb",
    ]);
    assert_eq!(v["challenge"]["passed"], true, "{}", v["challenge"]);
    // The text output names each failed condition with its value.
    let o = gureum(&[
        "--lang",
        "en",
        "sim",
        "sessions",
        "--scenario",
        "sessions-sticky-failure",
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("✗ no cart lost (measured"), "{text}");
    assert!(text.contains("✓ p99 response time"), "{text}");
}

#[test]
fn invalid_settings_exit_2_naming_the_limit() {
    exits_2_naming(
        "sessions",
        &[
            (vec!["--instances", "0"], "1-100"),
            (vec!["--users", "20000"], "1-10000"),
            (
                vec![
                    "--instances",
                    "3",
                    "--scale-in-at",
                    "10",
                    "--scale-in-to",
                    "3",
                ],
                "--scale-in-to",
            ),
            (vec!["--item-bytes", "5000"], "rfc6265"),
            (
                vec!["--scenario", "no-such-preset"],
                "sessions-sticky-failure",
            ),
        ],
    );
    // clap's own usage errors are status 2 too.
    let o = gureum(&["sim", "sessions", "--store", "floppy"]);
    assert_eq!(o.status.code(), Some(2));
}
