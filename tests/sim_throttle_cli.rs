//! `gureum sim throttle` through the real binary: the done-when example, the JSON
//! contract, levels, presets and exit codes. Sources: the API Gateway throttling and quotas pages
//! (aws-facts.md 5.4).

#![allow(clippy::doc_markdown)] // service names read better bare

mod support;

use serde_json::Value;
use support::cli::{exits_2_naming, sim_json};

fn json(args: &[&str]) -> Value {
    sim_json("throttle", args)
}

/// Done when: `sim throttle --rate 100 --burst 200 --rps 150 --duration 10` accepts 1,199-1,200
/// and throttles 300-301 (the bucket empties at 4 s, then 100 a second get through).
#[test]
fn done_when_example() {
    let v = json(&[
        "--rate",
        "100",
        "--burst",
        "200",
        "--rps",
        "150",
        "--duration",
        "10",
    ]);
    let accepted = v["accepted"].as_u64().unwrap();
    let throttled = v["throttled"].as_u64().unwrap();
    assert!((1199..=1200).contains(&accepted), "{accepted}");
    assert!((300..=301).contains(&throttled), "{throttled}");
    assert_eq!(v["requests"], 1500);
    for field in [
        "requests",
        "accepted",
        "throttled",
        "throttled_by",
        "timeline",
        "explanation",
    ] {
        assert!(v.get(field).is_some(), "missing {field}");
    }
    for level in ["usage_plan", "quota", "method", "stage", "account"] {
        assert!(v["throttled_by"][level].is_u64(), "{level}");
    }
    assert_eq!(v["throttled_by"]["account"].as_u64().unwrap(), throttled);
    assert_eq!(v["timeline"].as_array().unwrap().len(), 10);
}

#[test]
fn defaults_are_the_documented_account_limits() {
    let v = json(&["--rps", "12000", "--duration", "5"]);
    assert_eq!(v["account"]["rate"], 10000.0);
    assert_eq!(v["account"]["burst"], 5000.0);
    assert!(v["explanation"].as_array().unwrap().iter().any(|e| {
        e["source"]
            .as_str()
            .is_some_and(|s| s.ends_with("limits.html"))
    }));
}

#[test]
fn usage_plan_and_stage_levels() {
    let v = json(&[
        "--rate",
        "100",
        "--burst",
        "100",
        "--rps",
        "50",
        "--duration",
        "10",
        "--usage-plan",
        "10:10:50",
    ]);
    assert_eq!(v["accepted"], 50);
    assert!(v["throttled_by"]["quota"].as_u64().unwrap() > 0);
    let v = json(&[
        "--rate",
        "100",
        "--burst",
        "100",
        "--rps",
        "50",
        "--duration",
        "10",
        "--stage-limit",
        "20:20",
    ]);
    assert!(v["throttled_by"]["stage"].as_u64().unwrap() > 0);
    let args = [
        "--rps",
        "90",
        "--poisson",
        "--stage-limit",
        "100:5",
        "--seed",
        "3",
        "--duration",
        "30",
    ];
    assert_eq!(json(&args), json(&args));
}

#[test]
fn preset_challenge() {
    let v = json(&["--scenario", "throttle-burst"]);
    assert_eq!(v["challenge"]["passed"], false);
    assert_eq!(
        v["challenge"]["conditions"][0]["measured"].as_f64(),
        v["throttled"].as_f64()
    );
    let v = json(&["--scenario", "throttle-burst", "--rate", "131"]);
    assert_eq!(v["challenge"]["passed"], true, "{}", v["challenge"]);
}

#[test]
fn invalid_settings_exit_2_naming_the_limit() {
    exits_2_naming(
        "throttle",
        &[
            (
                vec!["--rate", "100", "--usage-plan", "200:10"],
                // Korean by default, one language at a time (issue 16): 200 (이백) takes 이.
                "속도 200이 계정 수준 속도",
            ),
            (
                vec!["--rate", "100", "--stage-limit", "150:10"],
                "http-api-throttling",
            ),
            (vec!["--stage-limit", "100"], "RATE:BURST"),
            (vec!["--rps", "0"], "--rps"),
            (vec!["--rps", "100000", "--duration", "3600"], "5000000"),
        ],
    );
}
