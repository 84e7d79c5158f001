//! Worked examples for the API Gateway throttling model.
//!
//! Sources:
//! - token bucket, 429, the order of limits, best effort:
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling>,
//! - account-level quota 10,000 requests per second with a 5,000-request bucket:
//!   <https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html>
//!   (aws-facts.md section 5.4 and example X9).

#![allow(clippy::doc_markdown)] // service names read better bare

use simulations::throttle::{self, Limit, ThrottleConfig, ThrottleError, UsagePlan, simulate};

fn even(rate: f64, burst: f64, rps: f64, duration_s: u32) -> ThrottleConfig {
    ThrottleConfig {
        rate,
        burst,
        rps,
        duration_s,
        ..ThrottleConfig::default()
    }
}

/// The example: rate 100, burst 200, 150 rps for 10 s. The bucket starts full and loses
/// 50 tokens a second, so it empties at 4 s; then 100 a second get through. 1,500 requests:
/// 1,199-1,200 accepted, 300-301 throttled.
#[test]
fn bucket_empties_at_4_s_then_the_rate_gets_through() {
    let r = simulate(&even(100.0, 200.0, 150.0, 10)).unwrap();
    assert_eq!(r.requests, 1500);
    assert!((1199..=1200).contains(&r.accepted), "{}", r.accepted);
    assert!((300..=301).contains(&r.throttled), "{}", r.throttled);
    let first = r.first_throttle_s.unwrap();
    assert!((3.9..=4.0).contains(&first), "{first}");
    // Before 4 s everything passes; afterwards 100 a second (± 1 for the boundary).
    assert!(
        r.timeline[..3]
            .iter()
            .all(|s| s.throttled == 0 && s.accepted == 150)
    );
    for s in &r.timeline[5..] {
        assert!((99..=101).contains(&s.accepted), "{s:?}");
    }
    assert_eq!(r.throttled_by.account, r.throttled);
}

/// X9: 12,000 rps against the default 10,000/5,000: the 5,000 bucket drains in 2.5 s, then
/// about 2,000 a second are throttled.
#[test]
fn x9_default_account_limit() {
    let r = simulate(&ThrottleConfig {
        rps: 12_000.0,
        duration_s: 10,
        ..ThrottleConfig::default()
    })
    .unwrap();
    assert_eq!(
        (r.account.rate, r.account.burst),
        (throttle::ACCOUNT_RATE, throttle::ACCOUNT_BURST)
    );
    let first = r.first_throttle_s.unwrap();
    assert!((2.4..=2.6).contains(&first), "{first}");
    // 5,000 + 10,000 x 10 s of tokens for 120,000 requests.
    assert!((104_999..=105_000).contains(&r.accepted), "{}", r.accepted);
    let late = &r.timeline[6];
    assert!((1_999..=2_001).contains(&late.throttled), "{late:?}");
    assert!(
        r.explanation
            .iter()
            .any(|e| e.rule == "throttle.account.default")
    );
}

/// Below the rate, evenly spaced requests are never throttled; the bucket stays full.
#[test]
fn below_the_rate_nothing_is_throttled() {
    let r = simulate(&even(100.0, 1.0, 100.0, 30)).unwrap();
    assert_eq!(r.throttled, 0);
    assert!(r.explanation.iter().any(|e| e.rule == "throttle.none"));
}

/// A request takes a token at every level or gets 429 from the first level without one: a usage
/// plan of 10 rps (burst 10) in front of a 100 rps account.
#[test]
fn each_level_has_its_own_bucket() {
    let r = simulate(&ThrottleConfig {
        rate: 100.0,
        burst: 100.0,
        rps: 50.0,
        duration_s: 10,
        usage_plan: Some(UsagePlan {
            rate: 10.0,
            burst: 10.0,
            quota: None,
        }),
        ..ThrottleConfig::default()
    })
    .unwrap();
    // 10 + 10 x 10 s tokens for the key.
    assert!((109..=110).contains(&r.accepted), "{}", r.accepted);
    assert_eq!(r.throttled_by.usage_plan, r.throttled);
    assert_eq!(r.throttled_by.account, 0);
    // A stage limit below the method limit: the stage refuses.
    let r = simulate(&ThrottleConfig {
        rate: 100.0,
        burst: 100.0,
        rps: 50.0,
        duration_s: 10,
        stage_limit: Some(Limit {
            rate: 20.0,
            burst: 20.0,
        }),
        method_limit: Some(Limit {
            rate: 40.0,
            burst: 40.0,
        }),
        ..ThrottleConfig::default()
    })
    .unwrap();
    assert!(
        r.throttled_by.stage > 0 && r.throttled_by.method == 0,
        "{:?}",
        r.throttled_by
    );
    assert!((219..=220).contains(&r.accepted), "{}", r.accepted);
}

/// A usage-plan quota: once used up, every further request gets 429.
#[test]
fn quota_runs_out() {
    let r = simulate(&ThrottleConfig {
        rps: 10.0,
        duration_s: 10,
        usage_plan: Some(UsagePlan {
            rate: 100.0,
            burst: 100.0,
            quota: Some(30),
        }),
        ..ThrottleConfig::default()
    })
    .unwrap();
    assert_eq!(r.accepted, 30);
    assert_eq!(r.throttled_by.quota, 70);
}

/// Lower levels cannot be set above the account-level rate.
#[test]
fn levels_above_the_account_rate_are_refused() {
    let e = simulate(&ThrottleConfig {
        rate: 100.0,
        usage_plan: Some(UsagePlan {
            rate: 200.0,
            burst: 10.0,
            quota: None,
        }),
        ..ThrottleConfig::default()
    })
    .unwrap_err();
    assert!(matches!(e, ThrottleError::AboveAccount { .. }), "{e}");
    assert!(e.to_string().contains("--usage-plan") && e.to_string().contains("https://"));
    let e = simulate(&ThrottleConfig {
        rps: 0.0,
        ..ThrottleConfig::default()
    })
    .unwrap_err();
    assert!(e.to_string().contains("--rps"));
    assert!(throttle::parse_limit("100").is_err());
    assert_eq!(
        throttle::parse_usage_plan("5:10:100").unwrap().quota,
        Some(100)
    );
}

/// Poisson arrivals below the rate still hit a small bucket; a bigger burst absorbs them.
#[test]
fn random_arrivals_need_a_burst() {
    let base = ThrottleConfig {
        rps: 80.0,
        duration_s: 120,
        poisson: true,
        stage_limit: Some(Limit {
            rate: 100.0,
            burst: 5.0,
        }),
        seed: 42,
        ..ThrottleConfig::default()
    };
    let small = simulate(&base).unwrap();
    assert!(small.throttled > 0);
    let big = simulate(&ThrottleConfig {
        stage_limit: Some(Limit {
            rate: 100.0,
            burst: 50.0,
        }),
        ..base
    })
    .unwrap();
    assert_eq!(big.throttled, 0);
}

#[test]
fn presets_fail_as_shipped_and_pass_with_the_fix() {
    let presets = throttle::presets().unwrap();
    assert_eq!(presets.len(), 2);
    for p in &presets {
        let r = simulate(&p.config).unwrap();
        assert!(!p.check(&p.config, &r).passed, "{}", p.id);
        assert!(p.predicted_value(&r).is_some());
    }
    let burst = &presets[0];
    // 200 + 131 x 9.99 s covers 1,500 requests; 130 leaves one 429.
    let ok = ThrottleConfig {
        rate: 131.0,
        ..burst.config.clone()
    };
    assert!(burst.check(&ok, &simulate(&ok).unwrap()).passed);
    let short = ThrottleConfig {
        rate: 130.0,
        ..burst.config.clone()
    };
    let check = burst.check(&short, &simulate(&short).unwrap());
    assert_eq!(
        check.failed().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["throttled"]
    );
    let big = ThrottleConfig {
        rate: 200.0,
        ..burst.config.clone()
    };
    let check = burst.check(&big, &simulate(&big).unwrap());
    assert_eq!(
        check.failed().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["account.rate"]
    );

    let poisson = &presets[1];
    let ok = ThrottleConfig {
        stage_limit: Some(Limit {
            rate: 100.0,
            burst: 20.0,
        }),
        ..poisson.config.clone()
    };
    assert!(poisson.check(&ok, &simulate(&ok).unwrap()).passed);
    let raised = ThrottleConfig {
        stage_limit: Some(Limit {
            rate: 200.0,
            burst: 5.0,
        }),
        ..poisson.config.clone()
    };
    let check = poisson.check(&raised, &simulate(&raised).unwrap());
    assert!(check.failed().any(|c| c.id == "stage_limit.rate"));
}
