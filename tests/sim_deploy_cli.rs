//! `gureum sim deploy` and `gureum sim phoenix` through the real binary: the JSON contract
//! (`outcome`, `rolled_back_at_s`, `shift`, `requests_new`, `errors_new`, `duration_s`), the worked
//! examples of `../shared/reference/aws-facts.md` section 3.6, and exit codes.

mod support;

use serde_json::Value;
use support::cli::{gureum, sim_json};

fn deploy_json(args: &[&str]) -> Value {
    sim_json("deploy", args)
}

fn shift(v: &Value) -> Vec<(u64, f64)> {
    v["shift"]
        .as_array()
        .expect("shift is a list")
        .iter()
        .map(|p| {
            (
                p["t_s"].as_u64().unwrap(),
                p["new_percent"].as_f64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn json_contract_fields() {
    let v = deploy_json(&["--strategy", "Canary10Percent5Minutes"]);
    for field in [
        "outcome",
        "rolled_back_at_s",
        "shift",
        "requests_new",
        "errors_new",
        "duration_s",
        "requests_old",
        "errors_old",
        "detected_at_s",
        "users_affected",
        "reason",
        "explanation",
    ] {
        assert!(v.get(field).is_some(), "missing {field}: {v}");
    }
    assert_eq!(v["outcome"], "succeeded");
    assert!(v["rolled_back_at_s"].is_null());
    assert!(
        v["requests_new"].is_u64(),
        "counts are integers: {}",
        v["requests_new"]
    );
    assert!(v["errors_new"].is_u64());
    assert!(v["duration_s"].is_u64());
    let p = &v["shift"][0];
    assert!(p["t_s"].is_u64() && p["new_percent"].is_number(), "{p}");
}

#[test]
fn t1_canary_10_percent_5_minutes_cli() {
    for name in [
        "Canary10Percent5Minutes",
        "LambdaCanary10Percent5Minutes",
        "CodeDeployDefault.LambdaCanary10Percent5Minutes",
    ] {
        let v = deploy_json(&["--strategy", name]);
        assert_eq!(shift(&v), vec![(0, 10.0), (300, 100.0)], "{name}");
        assert_eq!(v["duration_s"], 300);
        assert_eq!(v["outcome"], "succeeded");
    }
}

#[test]
fn t2_canary_10_percent_10_minutes_alarm_at_3_minutes_cli() {
    let v = deploy_json(&[
        "--strategy",
        "Canary10Percent10Minutes",
        "--new-error-rate",
        "0.3",
        "--bad-from-s",
        "120",
    ]);
    assert_eq!(v["outcome"], "rolled_back");
    assert_eq!(v["reason"], "alarm");
    assert_eq!(v["rolled_back_at_s"], 180);
    assert_eq!(shift(&v).last(), Some(&(180, 0.0)));
}

#[test]
fn t5_alias_weight_3_percent_cli() {
    let v = deploy_json(&["--strategy", "canary:3:30", "--expected"]);
    let step = &v["steps"][0];
    assert!(
        (step["observed_percent"].as_f64().unwrap() - 3.0).abs() < 1e-9,
        "{step}"
    );
}

#[test]
fn canary_reaches_far_fewer_users_than_all_at_once_cli() {
    let users = |s: &str| {
        deploy_json(&[
            "--strategy",
            s,
            "--new-error-rate",
            "30%",
            "--alarm-threshold",
            "5%",
        ])["users_affected"]
            .as_f64()
            .unwrap()
    };
    let (canary, all) = (users("Canary10Percent5Minutes"), users("AllAtOnce"));
    assert!(canary * 50.0 < all, "canary {canary} vs all at once {all}");
}

#[test]
fn hook_failure_rolls_back() {
    let v = deploy_json(&["--strategy", "AllAtOnce", "--hook-fail", "pre"]);
    assert_eq!(v["outcome"], "rolled_back");
    assert_eq!(v["reason"], "pre_traffic_hook");
    assert_eq!(v["requests_new"], 0);
    let v = deploy_json(&["--strategy", "blue-green", "--hook-fail", "post"]);
    assert_eq!(v["reason"], "post_traffic_hook");
    assert_eq!(v["rolled_back_at_s"], 10);
}

#[test]
fn same_seed_same_json() {
    let args = [
        "--strategy",
        "linear:20:1",
        "--new-error-rate",
        "0.2",
        "--rps",
        "3",
        "--seed",
        "9",
    ];
    assert_eq!(deploy_json(&args), deploy_json(&args));
}

#[test]
fn compare_prints_a_table_and_json_rows() {
    let o = gureum(&["sim", "deploy", "--compare", "--new-error-rate", "0.3"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    for needle in [
        "AllAtOnce",
        "Canary10Percent5Minutes",
        "blue-green",
        "롤백(알람)",
        "영향받은 요청",
    ] {
        assert!(out.contains(needle), "{needle}:\n{out}");
    }
    let v = deploy_json(&[
        "--compare",
        "--strategy",
        "AllAtOnce,Canary10Percent5Minutes",
        "--new-error-rate",
        "0.3",
        "--expected",
    ]);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["users_affected"], 60000);
    assert_eq!(rows[1]["users_affected"], 600);
    assert_eq!(rows[1]["outcome"], "rolled_back");
}

#[test]
fn human_output_shows_the_timeline_in_both_languages() {
    let ko = gureum(&[
        "sim",
        "deploy",
        "--strategy",
        "Canary10Percent5Minutes",
        "--new-error-rate",
        "0.3",
    ]);
    let ko = String::from_utf8(ko.stdout).unwrap();
    assert!(
        ko.contains("트래픽 이동") && ko.contains("← 롤백") && ko.contains("롤백됐어요"),
        "{ko}"
    );
    let en = gureum(&["--lang", "en", "sim", "deploy", "--strategy", "AllAtOnce"]);
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(
        en.contains("traffic shift") && en.contains("succeeded"),
        "{en}"
    );
}

#[test]
fn invalid_input_exits_2_naming_the_flag_and_range() {
    let cases: [(&[&str], &[&str]); 8] = [
        (
            &["--strategy", "Canary50Percent"],
            &[
                "--strategy",
                "Canary10Percent5Minutes",
                "Linear10PercentEvery10Minutes",
            ],
        ),
        (
            &["--strategy", "AllAtOnce", "--new-error-rate", "1.5"],
            &["--new-error-rate", "0-1"],
        ),
        (
            &["--strategy", "AllAtOnce", "--old-error-rate", "-0.1"],
            &["--old-error-rate"],
        ),
        (
            &["--strategy", "AllAtOnce", "--rps", "1e9"],
            &["--rps", "0-100000"],
        ),
        (
            &["--strategy", "AllAtOnce", "--alarm-threshold", "2"],
            &["--alarm-threshold", "0-1"],
        ),
        (
            &["--strategy", "AllAtOnce", "--alarm-periods", "0"],
            &["--alarm-periods"],
        ),
        (
            &["--strategy", "AllAtOnce", "--hook-fail", "middle"],
            &["--hook-fail"],
        ),
        (&["--strategy", "canary:0:5"], &["--strategy", "1-99"]),
    ];
    for (args, needles) in cases {
        let mut all = vec!["sim", "deploy"];
        all.extend_from_slice(args);
        let o = gureum(&all);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        for n in needles {
            assert!(err.contains(n), "{args:?}: `{n}` not in {err}");
        }
    }
    let o = gureum(&["sim", "deploy"]);
    assert_eq!(o.status.code(), Some(2), "no strategy");
    assert!(String::from_utf8_lossy(&o.stderr).contains("AllAtOnce"));
}

#[test]
fn scenario_presets_run_by_name() {
    let v = deploy_json(&["--scenario", "deploy-canary"]);
    assert_eq!(v["outcome"], "rolled_back");
    let o = gureum(&["sim", "deploy", "--scenario", "deploy-compare"]);
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("Canary10Percent30Minutes"));
    assert_eq!(
        gureum(&["sim", "deploy", "--scenario", "no-such"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn phoenix_json_and_exit_codes() {
    let o = gureum(&["sim", "phoenix", "--hand-changes", "10", "--json"]);
    assert!(o.status.success());
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["files_lost"], 1200);
    assert_eq!(v["drift_after"], 0);
    assert!(v["drifted_properties"].as_u64().unwrap() > 0);
    let o = gureum(&[
        "sim",
        "phoenix",
        "--uploads-store",
        "s3",
        "--sessions-store",
        "dynamodb",
        "--json",
    ]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (v["files_lost"].as_u64(), v["sessions_lost"].as_u64()),
        (Some(0), Some(0))
    );
    let o = gureum(&["sim", "phoenix", "--servers", "0"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--servers"));
    let o = gureum(&["sim", "phoenix"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("드리프트"));
}
