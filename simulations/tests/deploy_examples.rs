//! Worked examples from `shared/reference/aws-facts.md` section 3.6 (T1, T2, T5), the nine
//! predefined Lambda configurations of table 3.2, and the rules of sections 3.1-3.5.

// Percentages and counts here are exact (whole steps, whole requests), so exact float comparison is intended.
#![allow(clippy::float_cmp)]

use simulations::deploy::{
    AlarmMetric, ConfigError, DeployConfig, HookFail, Kind, Outcome, Platform, Reason, Routing,
    Strategy, compare, presets, simulate,
};

/// A strategy from its text (the tests name valid ones).
fn st(text: &str) -> Strategy {
    Strategy::parse(text).unwrap()
}

fn shift(r: &simulations::deploy::DeployResult) -> Vec<(u64, f64)> {
    r.shift.iter().map(|p| (p.t_s, p.new_percent)).collect()
}

/// A release that fails 30% of requests from the start.
fn bad(strategy: &str) -> DeployConfig {
    DeployConfig {
        strategy: st(strategy),
        new_error_rate: 0.3,
        ..DeployConfig::default()
    }
}

// ---- T1: Canary10Percent5Minutes, healthy: t=0 10% new, t=5 min 100% ----

#[test]
fn t1_canary_10_percent_5_minutes() {
    let r = simulate(&DeployConfig {
        strategy: st("Canary10Percent5Minutes"),
        ..DeployConfig::default()
    })
    .unwrap();
    assert_eq!(shift(&r), vec![(0, 10.0), (300, 100.0)]);
    assert_eq!(r.percent_at(0), 10.0);
    assert_eq!(r.percent_at(299), 10.0);
    assert_eq!(r.percent_at(300), 100.0);
    assert_eq!(r.outcome, Outcome::Succeeded);
    assert_eq!(r.rolled_back_at_s, None);
    assert_eq!(r.duration_s, 300);
    assert_eq!(r.users_affected, 0.0, "a healthy release hurts nobody");
    // 100 requests/s for 300 s + 600 s of observation.
    assert_eq!(r.requests_new + r.requests_old, 90_000.0);
}

// ---- T2: Canary10Percent10Minutes, alarm fires at t=3 min: rollback, back to 100% old ----

#[test]
fn t2_canary_10_percent_10_minutes_alarm_at_3_minutes_rolls_back() {
    // The new version turns bad at 2:00, so the 2:00-3:00 period breaches and the alarm fires at 3:00.
    let r = simulate(&DeployConfig {
        bad_from_s: 120,
        ..bad("Canary10Percent10Minutes")
    })
    .unwrap();
    assert_eq!(r.detected_at_s, Some(180));
    assert_eq!(r.outcome, Outcome::RolledBack);
    assert_eq!(r.reason, Some(Reason::Alarm));
    assert_eq!(r.rolled_back_at_s, Some(180));
    assert_eq!(shift(&r), vec![(0, 10.0), (180, 0.0)]);
    assert_eq!(r.duration_s, 180);
    assert!(
        r.periods
            .iter()
            .filter(|p| p.start_s >= 180)
            .all(|p| p.requests_new == 0.0),
        "after the rollback every request goes to the old version"
    );
    assert!(r.explanation.iter().any(|e| e.rule == "deploy.rollback"
        && e.en.contains("new deployment")
        && e.ko.contains("새 배포")));
}

// ---- T5: alias v1 with AdditionalVersionWeights {"2": 0.03}: v2 ~3%, v1 ~97% ----

#[test]
fn t5_alias_weight_3_percent() {
    // A 3% canary held for 30 minutes is an alias with a 0.03 additional version weight.
    let cfg = DeployConfig {
        strategy: st("canary:3:30"),
        ..DeployConfig::default()
    };
    let r = simulate(&cfg).unwrap();
    let first = r.steps[0];
    assert_eq!(first.new_percent, 3.0);
    assert_eq!(first.requests, 180_000.0);
    // Binomial(180,000, 0.03): the standard deviation is 0.04 percentage points.
    assert!((first.observed_percent - 3.0).abs() < 0.2, "{first:?}");
    let exact = simulate(&DeployConfig {
        routing: Routing::Expected,
        ..cfg.clone()
    })
    .unwrap();
    assert!((exact.steps[0].observed_percent - 3.0).abs() < 1e-9);
    assert!((exact.steps[0].requests_new - 5_400.0).abs() < 1e-6);
}

#[test]
fn t5_at_low_traffic_the_observed_split_differs_from_the_weight() {
    // One request per second for one minute at 3%: 1.8 expected requests to v2.
    let spread: Vec<f64> = (0..20)
        .map(|seed| {
            let r = simulate(&DeployConfig {
                strategy: st("canary:3:1"),
                rps: 1.0,
                seed,
                ..DeployConfig::default()
            })
            .unwrap();
            r.steps[0].observed_percent
        })
        .collect();
    let max = spread.iter().copied().fold(0.0, f64::max);
    let min = spread.iter().copied().fold(100.0, f64::min);
    assert!(max - min >= 4.0, "observed shares {spread:?}");
}

// ---- Table 3.2: the nine Lambda configurations ----

#[test]
fn nine_lambda_configurations_match_table_3_2() {
    let canary = |m: u64| vec![(0, 10.0), (m * 60, 100.0)];
    // Linear: +10% per step, first step at t=0 (the stated assumption), so 100% at 9 steps.
    let linear = |m: u64| {
        (0..10)
            .map(|k| (k * m * 60, (k + 1) as f64 * 10.0))
            .collect::<Vec<_>>()
    };
    let table: [(&str, Vec<(u64, f64)>); 9] = [
        ("CodeDeployDefault.LambdaCanary10Percent5Minutes", canary(5)),
        (
            "CodeDeployDefault.LambdaCanary10Percent10Minutes",
            canary(10),
        ),
        (
            "CodeDeployDefault.LambdaCanary10Percent15Minutes",
            canary(15),
        ),
        (
            "CodeDeployDefault.LambdaCanary10Percent30Minutes",
            canary(30),
        ),
        (
            "CodeDeployDefault.LambdaLinear10PercentEvery1Minute",
            linear(1),
        ),
        (
            "CodeDeployDefault.LambdaLinear10PercentEvery2Minutes",
            linear(2),
        ),
        (
            "CodeDeployDefault.LambdaLinear10PercentEvery3Minutes",
            linear(3),
        ),
        (
            "CodeDeployDefault.LambdaLinear10PercentEvery10Minutes",
            linear(10),
        ),
        ("CodeDeployDefault.LambdaAllAtOnce", vec![(0, 100.0)]),
    ];
    for (full, expected) in table {
        let short = full.trim_start_matches("CodeDeployDefault.Lambda");
        for name in [full, short, &format!("Lambda{short}")] {
            let s = Strategy::parse(name).unwrap();
            assert_eq!(s.name, full, "{name}");
            assert_eq!(s.platform, Platform::Lambda);
            assert_eq!(s.schedule(), expected, "{name}");
        }
        let r = simulate(&DeployConfig {
            strategy: st(short),
            observe_s: 0,
            ..DeployConfig::default()
        })
        .unwrap();
        assert_eq!(shift(&r), expected, "{full}");
        assert_eq!(r.duration_s, expected.last().unwrap().0, "{full}");
        assert_eq!(r.outcome, Outcome::Succeeded);
    }
}

#[test]
fn five_ecs_configurations() {
    for (name, kind) in [
        (
            "ECSLinear10PercentEvery1Minutes",
            Kind::Linear {
                percent: 10.0,
                interval_min: 1,
            },
        ),
        (
            "ECSLinear10PercentEvery3Minutes",
            Kind::Linear {
                percent: 10.0,
                interval_min: 3,
            },
        ),
        (
            "ECSCanary10Percent5Minutes",
            Kind::Canary {
                percent: 10.0,
                interval_min: 5,
            },
        ),
        (
            "ECSCanary10Percent15Minutes",
            Kind::Canary {
                percent: 10.0,
                interval_min: 15,
            },
        ),
        ("ECSAllAtOnce", Kind::AllAtOnce),
    ] {
        let s = Strategy::parse(&format!("CodeDeployDefault.{name}")).unwrap();
        assert_eq!((s.platform, s.kind), (Platform::Ecs, kind), "{name}");
    }
}

#[test]
fn unknown_strategy_lists_the_valid_names() {
    let e = Strategy::parse("Canary25Percent").unwrap_err();
    let ConfigError::UnknownStrategy { valid, .. } = &e else {
        panic!("{e}")
    };
    for n in [
        "Canary10Percent30Minutes",
        "Linear10PercentEvery10Minutes",
        "AllAtOnce",
        "canary:PERCENT:MINUTES",
    ] {
        assert!(valid.contains(n), "{valid}");
    }
}

// ---- "Done when": a 10% canary with an alarm vs all-at-once, 30% failing release ----

#[test]
fn canary_with_alarm_reaches_far_fewer_users_than_all_at_once() {
    let canary = simulate(&bad("Canary10Percent5Minutes")).unwrap();
    let all = simulate(&bad("AllAtOnce")).unwrap();
    assert_eq!(canary.outcome, Outcome::RolledBack);
    assert_eq!(canary.detected_at_s, Some(60));
    // ~10 requests/s for 60 s against 100 requests/s for the whole 600 s watch.
    assert!(
        (500.0..=700.0).contains(&canary.users_affected),
        "{}",
        canary.users_affected
    );
    assert_eq!(all.users_affected, 60_000.0);
    assert!(
        canary.users_affected * 50.0 < all.users_affected,
        "canary {} vs all at once {}",
        canary.users_affected,
        all.users_affected
    );
    // Same with exact expected values: 600 vs 60,000, a ratio of 100.
    let exact = |s: &str| {
        simulate(&DeployConfig {
            routing: Routing::Expected,
            ..bad(s)
        })
        .unwrap()
    };
    let (c, a) = (exact("Canary10Percent5Minutes"), exact("AllAtOnce"));
    assert!((c.users_affected - 600.0).abs() < 1e-6);
    assert!((c.errors_bad - 180.0).abs() < 1e-6);
    assert!((a.users_affected / c.users_affected - 100.0).abs() < 1e-6);
}

#[test]
fn all_at_once_ends_before_the_alarm_so_nothing_rolls_back() {
    let r = simulate(&bad("AllAtOnce")).unwrap();
    assert_eq!(r.outcome, Outcome::Succeeded);
    assert_eq!(r.duration_s, 0);
    assert_eq!(r.detected_at_s, Some(60));
    assert!(r.alarm_after_end);
    assert!(
        r.explanation
            .iter()
            .any(|e| e.rule == "deploy.alarm.after-end")
    );
}

#[test]
fn blue_green_switches_at_once_and_rolls_back_instantly_during_the_bake() {
    let r = simulate(&bad("blue-green")).unwrap();
    assert_eq!(shift(&r), vec![(0, 100.0), (60, 0.0)]);
    assert_eq!(r.reason, Some(Reason::Alarm));
    assert_eq!(r.users_affected, 6_000.0);
    let healthy = simulate(&DeployConfig {
        strategy: st("blue-green:10"),
        ..DeployConfig::default()
    })
    .unwrap();
    assert_eq!(
        healthy.duration_s, 600,
        "the deployment ends after the bake"
    );
}

#[test]
fn watching_the_whole_alias_hides_a_small_canary() {
    // 10% x 30% + 90% x 1% = 3.9% on the alias: under a 5% threshold, while the new version alone is at 30%.
    let alias = simulate(&DeployConfig {
        alarm_metric: AlarmMetric::AliasErrors,
        routing: Routing::Expected,
        ..bad("Canary10Percent5Minutes")
    })
    .unwrap();
    assert_eq!(alias.outcome, Outcome::Succeeded);
    // Only once all traffic is on the new version (5:00) does the alias breach, at 6:00: too late.
    assert_eq!(alias.detected_at_s, Some(360));
    assert!(alias.alarm_after_end);
    let by_version = simulate(&DeployConfig {
        routing: Routing::Expected,
        ..bad("Canary10Percent5Minutes")
    })
    .unwrap();
    assert_eq!(by_version.outcome, Outcome::RolledBack);
}

#[test]
fn a_latency_alarm_catches_a_slow_release() {
    let r = simulate(&DeployConfig {
        strategy: st("Linear10PercentEvery2Minutes"),
        new_latency_ms: 900.0,
        alarm_metric: AlarmMetric::NewVersionLatency,
        alarm_threshold: 500.0,
        ..DeployConfig::default()
    })
    .unwrap();
    assert_eq!(r.rolled_back_at_s, Some(60));
    assert!(r.users_affected > 0.0, "slow counts as bad");
}

#[test]
fn m_out_of_n_datapoints() {
    // 2 of 3: the alarm fires at the second breaching period.
    let r = simulate(&DeployConfig {
        alarm_evaluation_periods: 3,
        alarm_datapoints: Some(2),
        ..bad("Canary10Percent10Minutes")
    })
    .unwrap();
    assert_eq!(r.detected_at_s, Some(120));
}

#[test]
fn failing_hooks_roll_back() {
    let pre = simulate(&DeployConfig {
        hook_fail: HookFail::Pre,
        ..bad("Canary10Percent5Minutes")
    })
    .unwrap();
    assert_eq!(pre.reason, Some(Reason::PreTrafficHook));
    assert_eq!(pre.rolled_back_at_s, Some(10));
    assert_eq!(
        pre.requests_new, 0.0,
        "no traffic moved before the PreTraffic hook"
    );
    assert!(pre.shift.iter().all(|p| p.new_percent == 0.0));
    let post = simulate(&DeployConfig {
        hook_fail: HookFail::Post,
        post_traffic_s: 30,
        ..DeployConfig::default()
    })
    .unwrap();
    assert_eq!(post.reason, Some(Reason::PostTrafficHook));
    assert_eq!(shift(&post), vec![(0, 10.0), (300, 100.0), (330, 0.0)]);
    assert_eq!(post.duration_s, 330);
}

#[test]
fn api_gateway_canary_promotes_and_says_promote_does_not_disable_it() {
    let r = simulate(&DeployConfig {
        strategy: st("apigw-canary:5:15"),
        ..DeployConfig::default()
    })
    .unwrap();
    assert_eq!(r.platform, Platform::ApiGateway);
    assert_eq!(shift(&r), vec![(0, 5.0), (900, 100.0)]);
    assert!(
        r.explanation
            .iter()
            .any(|e| e.rule == "deploy.apigw.promote")
    );
    // No CodeDeploy hooks on API Gateway: a hook failure does not apply.
    let with_hook = simulate(&DeployConfig {
        strategy: st("apigw-canary:5:15"),
        hook_fail: HookFail::Pre,
        ..DeployConfig::default()
    })
    .unwrap();
    assert_eq!(with_hook.outcome, Outcome::Succeeded);
}

#[test]
fn linear_timeline_assumption_is_labelled() {
    let r = simulate(&DeployConfig {
        strategy: st("Linear10PercentEvery1Minute"),
        ..DeployConfig::default()
    })
    .unwrap();
    let e = r
        .explanation
        .iter()
        .find(|e| e.rule == "deploy.linear.assumption")
        .expect("linear states its assumption");
    assert!(e.ko.contains("가정") && e.en.contains("Assumption"));
}

#[test]
fn limits_are_errors_naming_the_field() {
    let cases: [(DeployConfig, &str); 7] = [
        (
            DeployConfig {
                rps: -1.0,
                ..DeployConfig::default()
            },
            "rps",
        ),
        (
            DeployConfig {
                rps: f64::NAN,
                ..DeployConfig::default()
            },
            "rps",
        ),
        (
            DeployConfig {
                new_error_rate: 1.5,
                ..DeployConfig::default()
            },
            "new_error_rate",
        ),
        (
            DeployConfig {
                alarm_threshold: 2.0,
                ..DeployConfig::default()
            },
            "alarm_threshold",
        ),
        (
            DeployConfig {
                alarm_period_s: 45,
                ..DeployConfig::default()
            },
            "10, 20, 30",
        ),
        (
            DeployConfig {
                alarm_evaluation_periods: 2000,
                ..DeployConfig::default()
            },
            "86400",
        ),
        (
            DeployConfig {
                alarm_datapoints: Some(3),
                ..DeployConfig::default()
            },
            "datapoints",
        ),
    ];
    for (cfg, needle) in cases {
        let e = simulate(&cfg).unwrap_err().to_string();
        assert!(e.contains(needle), "{needle}: {e}");
    }
    assert!(matches!(
        simulate(&DeployConfig {
            strategy: st("linear:1:1440"),
            ..DeployConfig::default()
        }),
        Err(ConfigError::TooLong { .. })
    ));
}

#[test]
fn comparison_rows_line_up_against_the_first() {
    let rows = compare(
        &bad("AllAtOnce"),
        &[st("AllAtOnce"), st("Canary10Percent5Minutes")],
    )
    .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].vs_first_pct, Some(100.0));
    assert!(rows[1].vs_first_pct.unwrap() < 2.0);
    assert_eq!(rows[1].outcome, Outcome::RolledBack);
}

#[test]
fn every_preset_fails_as_shipped_and_a_fix_passes() {
    use simulations::deploy::rows as compare_rows;
    let fix = |id: &str, c: &mut DeployConfig| match id {
        "deploy-canary" | "deploy-linear" | "deploy-compare" => c.alarm_evaluation_periods = 1,
        "deploy-all-at-once" => c.strategy = st("Canary10Percent5Minutes"),
        "deploy-apigw-canary" => c.strategy = Strategy::apigw_canary(5.0, 30),
        other => panic!("no fix for {other}"),
    };
    let all = presets();
    assert_eq!(all.len(), 5);
    for p in all {
        let run = |c: &DeployConfig| {
            if p.is_comparison() {
                let results = simulations::deploy::compare_runs(c, &p.compare).unwrap();
                p.passes_comparison(c, &compare_rows(&results))
            } else {
                p.passes(c, &simulate(c).unwrap())
            }
        };
        assert!(!run(&p.config), "{} passes as shipped", p.id);
        let mut fixed = p.config.clone();
        fix(&p.id, &mut fixed);
        assert!(run(&fixed), "{} does not pass after the fix", p.id);
        let mut cheat = p.config.clone();
        cheat.new_error_rate = 0.0;
        assert!(
            !run(&cheat),
            "{}: changing a fixed field never passes",
            p.id
        );
    }
}
