//! `gureum sim` against the worked examples in `../shared/reference/aws-facts.md` (sections 1.8
//! and 2.7), through the real binary and its JSON output.

// Capacity units are exact multiples of one half, so exact float comparison is intended.
#![allow(clippy::float_cmp)]

mod support;

use support::cli::{gureum, sim_json};

/// `gureum sim args… --json` (`args` start with the command).
fn json(args: &[&str]) -> serde_json::Value {
    assert_eq!(args.first(), Some(&"sim"));
    sim_json(args[1], &args[2..])
}

fn units(args: &[&str]) -> (f64, f64) {
    let mut all = vec!["sim", "capacity"];
    all.extend_from_slice(args);
    let v = json(&all);
    assert!(
        v["explanation"].as_array().is_some_and(|e| !e.is_empty()),
        "explanation trail: {v}"
    );
    (
        v["read_units"].as_f64().unwrap(),
        v["write_units"].as_f64().unwrap(),
    )
}

#[test]
fn dynamodb_reads_match_the_worked_examples() {
    // D1, D2
    assert_eq!(
        units(&["--op", "get", "--item", "3500", "--consistency", "strong"]).0,
        1.0
    );
    assert_eq!(
        units(&["--op", "get", "--item", "3500", "--consistency", "eventual"]).0,
        0.5
    );
    // D3
    assert_eq!(
        units(&["--op", "get", "--item", "8KB", "--consistency", "strong"]).0,
        2.0
    );
    assert_eq!(
        units(&["--op", "get", "--item", "8192", "--consistency", "eventual"]).0,
        1.0
    );
    assert_eq!(units(&["--op", "transact-get", "--item", "8KB"]).0, 4.0);
    // GetItem itself has no transactional mode: that is TransactGetItems.
    assert!(
        !gureum(&[
            "sim",
            "capacity",
            "--op",
            "get",
            "--item",
            "8KB",
            "--consistency",
            "transactional"
        ])
        .status
        .success()
    );
    // D4
    assert_eq!(
        units(&["--op", "get", "--item", "10KB", "--consistency", "strong"]).0,
        3.0
    );
    // D7: BatchGetItem rounds each item.
    assert_eq!(
        units(&[
            "--op",
            "batch-get",
            "--item",
            "1.5KB",
            "6.5KB",
            "--consistency",
            "strong"
        ])
        .0,
        3.0
    );
    assert_eq!(
        units(&[
            "--op",
            "batch-get",
            "--item",
            "1.5KB",
            "6.5KB",
            "--consistency",
            "eventual"
        ])
        .0,
        1.5
    );
    // D8: Query rounds once on the sum: 10 items totalling 40.8 KB -> 44 KB.
    let ten: Vec<&str> = std::iter::repeat_n("4178", 10).collect();
    let mut q = vec!["--op", "query", "--consistency", "strong", "--item"];
    q.extend_from_slice(&ten);
    assert_eq!(units(&q).0, 11.0);
    q[3] = "eventual";
    assert_eq!(units(&q).0, 5.5);
}

#[test]
fn dynamodb_writes_match_the_worked_examples() {
    // D12
    for (size, wcu) in [("500", 1.0), ("1024", 1.0), ("1025", 2.0), ("1.6KB", 2.0)] {
        assert_eq!(units(&["--op", "put", "--item", size]).1, wcu, "put {size}");
    }
    // D15, D16
    assert_eq!(units(&["--op", "put", "--item", "3KB"]).1, 3.0);
    assert_eq!(units(&["--op", "transact-write", "--item", "3KB"]).1, 6.0);
    assert_eq!(
        units(&["--op", "transact-write", "--item", "500", "500", "500"]).1,
        6.0
    );
    // UpdateItem is charged on the larger of the before and after images.
    assert_eq!(
        units(&["--op", "update", "--before", "3KB", "--after", "1KB"]).1,
        3.0
    );
    assert_eq!(
        units(&["--op", "update", "--before", "1KB", "--after", "2.5KB"]).1,
        3.0
    );
    // BatchWriteItem rounds per item: 500 B + 3.5 KB = 1 + 4.
    assert_eq!(
        units(&["--op", "batch-write", "--item", "500", "3.5KB"]).1,
        5.0
    );
}

#[test]
fn dynamodb_limits_are_named() {
    let o = gureum(&["sim", "capacity", "--op", "get", "--item", "401KB"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("400 KB") && err.contains("https://docs.aws.amazon.com"),
        "{err}"
    );
    assert!(
        !gureum(&["sim", "capacity", "--op", "fetch", "--item", "1"])
            .status
            .success()
    );
    assert!(
        !gureum(&["sim", "capacity", "--op", "get", "--item", "12XB"])
            .status
            .success()
    );
}

fn lambda(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["sim", "lambda"];
    all.extend_from_slice(args);
    json(&all)
}

fn scenario(toml: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scenario.toml");
    std::fs::write(&path, toml).unwrap();
    let p = path.display().to_string();
    (dir, p)
}

#[test]
fn lambda_json_has_the_documented_fields() {
    let v = lambda(&[
        "--rps",
        "20",
        "--seconds",
        "10",
        "--duration-ms",
        "100",
        "--seed",
        "3",
    ]);
    for key in [
        "events",
        "attempts",
        "cold_starts",
        "throttles",
        "dlq",
        "max_concurrency",
        "p50_ms",
        "p99_ms",
        "cost_usd",
    ] {
        assert!(v[key].is_number(), "{key} missing in {v}");
    }
    let timeline = v["timeline"].as_array().unwrap();
    // Ten seconds of arrivals, plus the seconds in which the last requests finish.
    assert!((10..=12).contains(&timeline.len()), "{}", timeline.len());
    for (i, sec) in timeline.iter().enumerate() {
        assert_eq!(sec["t_s"].as_u64(), Some(i as u64));
        for key in ["busy", "idle", "init"] {
            assert!(sec[key].is_number(), "{key} in {sec}");
        }
    }
    assert_eq!(v["events"].as_u64(), Some(200));
}

#[test]
fn lambda_sync_calls_over_the_limit_get_429() {
    // L12: 15 requests at once against an account limit of 10.
    let (_dir, path) = scenario(
        "rps = 0.0\nseconds = 30\nduration_ms = 5000\naccount_limit = 10\ninvoke = \"sync\"\nbursts = [{ at_s = 0.0, count = 15 }]\n",
    );
    let v = lambda(&["--scenario", &path]);
    assert_eq!(v["events"].as_u64(), Some(15));
    assert_eq!(v["throttles"].as_u64(), Some(5));
    assert_eq!(v["max_concurrency"].as_u64(), Some(10));
}

#[test]
fn lambda_async_failures_retry_twice_then_dlq() {
    // L6: an always-failing async event: 3 attempts (1 + 2 retries), then the DLQ.
    let (_dir, path) = scenario(
        "rps = 0.0\nseconds = 400\nduration_ms = 100\ninvoke = \"async\"\nerror_rate = 1.0\nbursts = [{ at_s = 0.0, count = 1 }]\n",
    );
    let v = lambda(&["--scenario", &path]);
    assert_eq!(v["events"].as_u64(), Some(1));
    assert_eq!(v["attempts"].as_u64(), Some(3));
    assert_eq!(v["dlq"].as_u64(), Some(1));
}

#[test]
fn lambda_runs_are_reproducible_from_a_seed() {
    let args = [
        "--scenario",
        "lambda-cold-start",
        "--seconds",
        "60",
        "--seed",
        "11",
    ];
    assert_eq!(lambda(&args), lambda(&args));
    let other = lambda(&[
        "--scenario",
        "lambda-cold-start",
        "--seconds",
        "60",
        "--seed",
        "12",
    ]);
    assert_ne!(lambda(&args)["events"], serde_json::Value::Null);
    assert_ne!(
        lambda(&args),
        other,
        "a different seed gives different Poisson arrivals"
    );
}

#[test]
fn provisioned_concurrency_removes_cold_starts_at_a_cost() {
    let plain = lambda(&["--scenario", "lambda-cold-start"]);
    let warm = lambda(&["--scenario", "lambda-cold-start", "--provisioned", "6"]);
    let pct =
        |v: &serde_json::Value| v["cold_starts"].as_f64().unwrap() / v["events"].as_f64().unwrap();
    assert!(
        pct(&plain) > 0.01,
        "the preset starts with cold starts: {}",
        pct(&plain)
    );
    assert!(
        pct(&warm) < 0.01,
        "provisioned concurrency removes them: {}",
        pct(&warm)
    );
    assert!(
        warm["cost_usd"].as_f64() > plain["cost_usd"].as_f64(),
        "and costs more"
    );
}

#[test]
fn lambda_invalid_settings_name_the_limit_and_source() {
    let o = gureum(&["sim", "lambda", "--memory-mb", "20000"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("10,240") && err.contains("configuration-memory"),
        "{err}"
    );
    let o = gureum(&["sim", "lambda", "--reserved", "950"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("900"));
    assert_eq!(
        gureum(&["sim", "lambda", "--scenario", "no-such-thing"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn the_capacity_planner_matches_the_worked_example() {
    // D22: 80 strongly consistent reads/s of 3 KB and 100 writes/s of 512 B.
    let v = json(&[
        "sim",
        "plan",
        "--reads-per-second",
        "80",
        "--read-item",
        "3KB",
        "--consistency",
        "strong",
        "--writes-per-second",
        "100",
        "--write-item",
        "512",
    ]);
    assert_eq!(v["rcu"].as_u64(), Some(80));
    assert_eq!(v["wcu"].as_u64(), Some(100));
    let monthly = &v["monthly"];
    assert!(
        monthly["provisioned"].as_f64().unwrap() > 0.0
            && monthly["on_demand"].as_f64().unwrap() > 0.0
    );
    assert!(
        v["prices_taken_on"].is_string(),
        "the price table's date is shown"
    );
}

/// Issue 14: the text output groups its numbers and names their units (a 600-second run at 2
/// requests a second has over a thousand requests and latencies of 1,000 ms and more).
#[test]
fn lambda_text_output_groups_numbers_with_units() {
    for (lang, events, latency) in [
        ("ko", "이벤트", "지연 p50"),
        ("en", "events", "latency p50"),
    ] {
        let o = gureum(&[
            "--lang",
            lang,
            "sim",
            "lambda",
            "--scenario",
            "lambda-cold-start",
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let text = String::from_utf8_lossy(&o.stdout);
        let row = |label: &str| {
            text.lines()
                .find(|l| l.starts_with(label))
                .unwrap_or_else(|| panic!("{label}: {text}"))
                .to_owned()
        };
        let count = row(events);
        assert!(count.contains(','), "{count}");
        let latency = row(latency);
        assert!(
            latency.ends_with(" ms") && latency.contains("1,"),
            "{latency}"
        );
        assert!(row("DLQ").split_whitespace().last().is_some());
    }
}
