//! Worked examples from `shared/reference/aws-facts.md` section 2.7 (L1, L3, L6, L12) and the
//! rules of sections 2.1-2.6, with exact numbers.

use simulations::lambda::{
    BillingDate, Burst, ConfigError, InvokeType, LambdaConfig, ScalingModel, billed_duration_ms,
    simulate,
};

/// A single-request config: no rate, one burst of `count` at t = 0.
fn burst_only(count: u32) -> LambdaConfig {
    LambdaConfig {
        rps: 0.0,
        seconds: 1,
        bursts: vec![Burst { at_s: 0.0, count }],
        ..LambdaConfig::default()
    }
}

fn date(text: &str) -> BillingDate {
    BillingDate::parse(text).unwrap()
}

// ---- L1: billed duration, 1 ms vs 100 ms granularity ----

#[test]
fn l1_billed_duration_27_4_ms() {
    // 27.40 ms bills 28 ms since Dec 2020 and 100 ms before.
    assert_eq!(
        billed_duration_ms(27_400, date("2020-12-01").granularity_ms()),
        28
    );
    assert_eq!(
        billed_duration_ms(27_400, date("2020-11-30").granularity_ms()),
        100
    );
    // Exact multiples are not rounded further.
    assert_eq!(billed_duration_ms(100_000, 100), 100);
    assert_eq!(billed_duration_ms(100_001, 100), 200);
}

#[test]
fn l1_in_the_simulation_before_dec_2020() {
    let mut cfg = burst_only(1);
    cfg.duration_ms = 27;
    cfg.init_ms = 0;
    cfg.billing_date = "2020-06-01".to_owned();
    assert_eq!(simulate(&cfg).unwrap().cost.billed_ms, 100);
    cfg.billing_date = "2021-06-01".to_owned();
    assert_eq!(simulate(&cfg).unwrap().cost.billed_ms, 27);
}

// ---- L3: post-Nov-2023 scaling, 1,000 new environments per 10 s ----

#[test]
fn l3_burst_to_5000_takes_five_10s_windows() {
    // Demand grows by 1,000 per second and each request runs 60 s, so only scaling limits us.
    let cfg = LambdaConfig {
        rps: 1_000.0,
        seconds: 60,
        duration_ms: 60_000,
        init_ms: 0,
        account_limit: 10_000,
        ..LambdaConfig::default()
    };
    let r = simulate(&cfg).unwrap();
    for t in 0..50 {
        let expected = 1_000 * (t / 10 + 1);
        assert_eq!(
            r.timeline[t as usize].peak_concurrency, expected,
            "second {t}"
        );
    }
    // 5,000 is reached in the fifth 10 s window (40-50 s), i.e. "after ~50 s".
    assert_eq!(r.timeline[39].peak_concurrency, 4_000);
    assert_eq!(r.timeline[40].peak_concurrency, 5_000);
    assert_eq!(r.timeline[49].peak_concurrency, 5_000);
    assert_eq!(r.timeline[50].peak_concurrency, 6_000);
    assert_eq!(r.throttles_limit, 0);
    assert!(r.throttles_scaling > 0);
    // Every environment was a cold start, and never more than 1,000 in any 10 s window.
    assert_eq!(r.cold_starts, 6_000);
}

#[test]
fn l3_account_limit_stops_scaling() {
    let cfg = LambdaConfig {
        rps: 1_000.0,
        seconds: 30,
        duration_ms: 60_000,
        init_ms: 0,
        account_limit: 1_500,
        ..LambdaConfig::default()
    };
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.max_concurrency, 1_500);
    assert_eq!(r.timeline[15].peak_concurrency, 1_500);
    assert!(r.throttles_limit > 0);
}

#[test]
fn pre_2023_model_bursts_then_adds_500_per_minute() {
    // Seoul (not one of the three 3,000 Regions) gets the 500 bottom of the 500-3,000 range.
    let cfg = LambdaConfig {
        rps: 1_000.0,
        seconds: 130,
        duration_ms: 200_000,
        init_ms: 0,
        account_limit: 10_000,
        scaling: ScalingModel::AccountBurst,
        region: "ap-northeast-2".to_owned(),
        ..LambdaConfig::default()
    };
    assert_eq!(cfg.effective_burst_limit(), 500);
    let r = simulate(&cfg).unwrap();
    // The burst is reached at 0.5 s; +500 after each further minute.
    assert_eq!(r.timeline[0].peak_concurrency, 500);
    assert_eq!(r.timeline[59].peak_concurrency, 500);
    assert_eq!(r.timeline[61].peak_concurrency, 1_000);
    assert_eq!(r.timeline[121].peak_concurrency, 1_500);
    let us = LambdaConfig {
        region: "us-east-1".to_owned(),
        ..cfg
    };
    assert_eq!(us.effective_burst_limit(), 3_000);
}

// ---- L6: async, function always throws ----

#[test]
fn l6_async_always_failing_three_attempts_then_dlq() {
    let mut cfg = burst_only(1);
    cfg.invoke = InvokeType::Async;
    cfg.error_rate = 1.0;
    cfg.init_ms = 0;
    cfg.duration_ms = 100;
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.events, 1);
    assert_eq!(r.attempts, 3);
    assert_eq!(r.function_errors, 3);
    assert_eq!(r.dlq, 1);
    assert_eq!(r.succeeded, 0);
    // Attempt 1 at 0 ms (ends 100); 1 min later attempt 2 at 60,100 ms (ends 60,200);
    // 2 min later attempt 3 at 180,200 ms; it fails at 180,300 ms and goes to the DLQ.
    let attempts_at: Vec<u64> = r
        .timeline
        .iter()
        .filter(|s| s.attempts > 0)
        .map(|s| s.t_s)
        .collect();
    assert_eq!(attempts_at, vec![0, 60, 180]);
    assert_eq!(r.timeline[180].dlq, 1);
    assert_eq!(r.simulated_ms, 180_300);
    assert!(
        r.explanations
            .iter()
            .any(|e| e.rule == "lambda.async.retry")
    );
    assert!(r.explanations.iter().any(|e| e.rule == "lambda.async.dlq"));
}

#[test]
fn l6_fewer_retries_and_no_destination() {
    let mut cfg = burst_only(1);
    cfg.invoke = InvokeType::Async;
    cfg.error_rate = 1.0;
    cfg.retry_attempts = 0;
    cfg.on_failure_destination = false;
    let r = simulate(&cfg).unwrap();
    assert_eq!((r.attempts, r.dlq, r.dropped), (1, 0, 1));
}

#[test]
fn l6_max_event_age_cuts_the_retries() {
    // With a 90 s maximum age the 3rd attempt (due at ~180 s) never happens.
    let mut cfg = burst_only(1);
    cfg.invoke = InvokeType::Async;
    cfg.error_rate = 1.0;
    cfg.init_ms = 0;
    cfg.max_event_age_s = 90;
    let r = simulate(&cfg).unwrap();
    assert_eq!((r.attempts, r.dlq, r.expired), (2, 1, 1));
    assert_eq!(r.simulated_ms, 90_000);
}

// ---- L12: sync calls beyond the account limit get 429 ----

#[test]
fn l12_sync_beyond_account_limit_is_429() {
    let mut cfg = burst_only(15);
    cfg.account_limit = 10;
    cfg.duration_ms = 1_000;
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.succeeded, 10);
    assert_eq!(r.throttled_sync, 5);
    assert_eq!(r.throttles, 5);
    assert_eq!(r.throttles_limit, 5);
    assert_eq!(r.max_concurrency, 10);
    let line = r
        .explanations
        .iter()
        .find(|e| e.rule == "lambda.throttle.429")
        .unwrap();
    assert!(line.en.contains("TooManyRequestsException"));
    assert!(line.ko.contains("429"));
    // Throttled attempts are not billed.
    assert_eq!(r.cost.requests, 10);
}

#[test]
fn async_throttles_are_retried_not_lost() {
    // Reserved 1, 3 events of 1 s at once: the 2nd and 3rd are throttled and retried with backoff.
    let mut cfg = burst_only(3);
    cfg.invoke = InvokeType::Async;
    cfg.reserved = Some(1);
    cfg.duration_ms = 1_000;
    cfg.init_ms = 0;
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.succeeded, 3);
    assert_eq!(r.dlq, 0);
    assert!(r.throttles >= 2);
    assert_eq!(r.attempts, 3 + r.throttles);
}

#[test]
fn reserved_zero_async_goes_straight_to_dlq() {
    let mut cfg = burst_only(5);
    cfg.invoke = InvokeType::Async;
    cfg.reserved = Some(0);
    let r = simulate(&cfg).unwrap();
    assert_eq!((r.attempts, r.throttles, r.dlq, r.succeeded), (5, 5, 5, 0));
    assert!(
        r.explanations
            .iter()
            .any(|e| e.rule == "lambda.concurrency.reserved-zero")
    );
    cfg.invoke = InvokeType::Sync;
    assert_eq!(simulate(&cfg).unwrap().throttled_sync, 5);
}

// ---- Concurrency = requests per second x duration ----

#[test]
fn concurrency_is_rate_times_duration() {
    // 100 req/s x 200 ms = 20 concurrent environments.
    let cfg = LambdaConfig {
        rps: 100.0,
        seconds: 60,
        duration_ms: 200,
        init_ms: 0,
        ..LambdaConfig::default()
    };
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.max_concurrency, 20);
    for s in &r.timeline[1..60] {
        assert!((s.busy - 20.0).abs() < 1e-9, "second {}: {}", s.t_s, s.busy);
    }
    // Second 0 ramps up over the first 200 ms: 2,000 env-ms short of 20 x 1,000.
    assert!(
        (r.timeline[0].busy - 18.1).abs() < 0.2,
        "{}",
        r.timeline[0].busy
    );
    assert!((r.avg_concurrency - 20.0).abs() < 0.05);
    // Warm reuse: only the first 20 requests were cold.
    assert_eq!(r.cold_starts, 20);
    assert_eq!(r.events, 6_000);
}

// ---- Billing (aws-facts.md 2.6) ----

#[test]
fn one_million_requests_of_100ms_at_128mb() {
    // 1M x $0.20/1M = $0.20; 1M x 0.1 s x 0.125 GB = 12,500 GB-s x $0.0000166667 = $0.20833375.
    let cfg = LambdaConfig {
        rps: 10_000.0,
        seconds: 100,
        duration_ms: 100,
        init_ms: 0,
        memory_mb: 128,
        ..LambdaConfig::default()
    };
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.events, 1_000_000);
    // 10,000 req/s x 100 ms = 1,000: exactly the default account limit, no throttles.
    assert_eq!(r.max_concurrency, 1_000);
    assert_eq!(r.throttles, 0);
    assert_eq!(r.cost.requests, 1_000_000);
    assert_eq!(r.cost.billed_ms, 100_000_000);
    assert!((r.cost.gb_s - 12_500.0).abs() < 1e-6);
    assert!((r.cost.request_usd - 0.20).abs() < 1e-12);
    assert!((r.cost.duration_usd - 0.208_333_75).abs() < 1e-9);
    assert!((r.cost_usd - 0.408_333_75).abs() < 1e-9);
    assert!(!r.cost.unconfirmed);
}

#[test]
fn init_is_billed_from_august_2025() {
    let mut cfg = burst_only(1);
    cfg.init_ms = 500;
    cfg.duration_ms = 100;
    cfg.billing_date = "2025-08-01".to_owned();
    assert_eq!(simulate(&cfg).unwrap().cost.billed_ms, 600);
    cfg.billing_date = "2025-07-31".to_owned();
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.cost.billed_ms, 100);
    assert!(
        r.explanations
            .iter()
            .any(|e| e.rule == "lambda.billing.init" && e.en.contains("not billed"))
    );
}

#[test]
fn provisioned_concurrency_is_billed_while_configured() {
    // 2 environments x 1 GB for 600 s = 1,200 GB-s configured, priced with the UNCONFIRMED rate.
    let cfg = LambdaConfig {
        rps: 1.0,
        seconds: 600,
        memory_mb: 1_024,
        provisioned: 2,
        init_ms: 1_000,
        ..LambdaConfig::default()
    };
    let r = simulate(&cfg).unwrap();
    assert_eq!(r.cold_starts, 0);
    assert_eq!(r.cost.provisioned_config_s, 600);
    assert!((r.cost.provisioned_config_gb_s - 1_200.0).abs() < 1e-9);
    assert!((r.cost.provisioned_config_usd - 1_200.0 * 0.000_004_166_7).abs() < 1e-12);
    // 600 invocations x 100 ms x 1 GB on provisioned environments, no on-demand duration.
    assert_eq!(r.cost.provisioned_billed_ms, 60_000);
    assert_eq!(r.cost.billed_ms, 0);
    assert!(r.cost.unconfirmed);
    // Billed in 5-minute steps: a 301 s run bills 600 s.
    let short = LambdaConfig {
        seconds: 301,
        ..cfg
    };
    assert_eq!(simulate(&short).unwrap().cost.provisioned_config_s, 600);
}

// ---- Lifecycle (aws-facts.md 2.1) ----

#[test]
fn init_over_10s_fails_and_is_retried_in_invoke() {
    let mut cfg = burst_only(1);
    cfg.init_ms = 12_000;
    cfg.duration_ms = 100;
    let r = simulate(&cfg).unwrap();
    // 10 s failed Init, then Init (12 s) + handler (0.1 s) inside Invoke.
    assert_eq!(r.init_timeouts, 1);
    assert_eq!(r.max_ms, 22_100);
    assert_eq!(r.succeeded, 1);
    assert!(
        r.explanations
            .iter()
            .any(|e| e.rule == "lambda.init.limit-10s")
    );
    // With a 10 s timeout the retried Init cannot finish: a timeout error, environment reset.
    cfg.timeout_s = 10;
    let r = simulate(&cfg).unwrap();
    assert_eq!((r.failed_sync, r.function_errors, r.max_ms), (1, 1, 20_000));
    // Provisioned environments may initialise for up to 130 s, before the run starts.
    let mut prov = burst_only(1);
    prov.init_ms = 12_000;
    prov.provisioned = 1;
    let r = simulate(&prov).unwrap();
    assert_eq!((r.cold_starts, r.init_timeouts, r.max_ms), (0, 0, 100));
}

#[test]
fn a_reset_environment_is_not_reused() {
    let cfg = LambdaConfig {
        rps: 0.0,
        seconds: 100,
        init_ms: 12_000,
        timeout_s: 10,
        bursts: vec![
            Burst {
                at_s: 0.0,
                count: 1,
            },
            Burst {
                at_s: 50.0,
                count: 1,
            },
        ],
        ..LambdaConfig::default()
    };
    assert_eq!(simulate(&cfg).unwrap().cold_starts, 2);
}

#[test]
fn idle_environment_is_reused_until_the_assumed_timeout() {
    let with_gap = |gap: f64| LambdaConfig {
        rps: 0.0,
        seconds: 100,
        idle_timeout_s: 30,
        init_ms: 0,
        duration_ms: 100,
        bursts: vec![
            Burst {
                at_s: 0.0,
                count: 1,
            },
            Burst {
                at_s: gap,
                count: 1,
            },
        ],
        ..LambdaConfig::default()
    };
    // Idle from 0.1 s, so reclaimed at 30.1 s unless reused before.
    let warm = simulate(&with_gap(30.0)).unwrap();
    // Reused at 30 s; idle again from 30.1 s and reclaimed at 60.1 s.
    assert_eq!((warm.cold_starts, warm.environments_reclaimed), (1, 1));
    assert!((warm.timeline[45].idle - 1.0).abs() < 1e-9);
    assert!(warm.timeline[61].idle.abs() < 1e-9);
    let cold = simulate(&with_gap(30.2)).unwrap();
    assert_eq!((cold.cold_starts, cold.environments_reclaimed), (2, 2));
    let line = cold
        .explanations
        .iter()
        .find(|e| e.rule == "lambda.idle.assumption")
        .unwrap();
    assert!(line.ko.contains("가정") && line.en.contains("Assumption"));
    assert!(line.en.contains("publishes no"));
}

#[test]
fn cold_start_latency_includes_init() {
    let mut cfg = burst_only(100);
    cfg.init_ms = 700;
    cfg.duration_ms = 100;
    let r = simulate(&cfg).unwrap();
    assert_eq!((r.p50_ms, r.p95_ms, r.p99_ms), (800, 800, 800));
    assert!((r.cold_start_pct - 100.0).abs() < 1e-9);
}

// ---- Validation: each error names the limit and its source ----

#[test]
fn memory_must_be_128_to_10240() {
    for (mb, ok) in [(127, false), (128, true), (10_240, true), (10_241, false)] {
        let cfg = LambdaConfig {
            memory_mb: mb,
            ..LambdaConfig::default()
        };
        assert_eq!(cfg.validate().is_ok(), ok, "{mb}");
    }
    // 3,009 MB was over the old 3,008 MB maximum; it is fine today.
    assert!(
        LambdaConfig {
            memory_mb: 3_009,
            ..LambdaConfig::default()
        }
        .validate()
        .is_ok()
    );
    let err = LambdaConfig {
        memory_mb: 10_241,
        ..LambdaConfig::default()
    }
    .validate()
    .unwrap_err();
    assert_eq!(err, ConfigError::Memory { memory_mb: 10_241 });
    let text = err.to_string();
    assert!(
        text.contains("10,240") && text.contains("configuration-memory.html"),
        "{text}"
    );
}

#[test]
fn duration_over_900s_is_rejected() {
    let cfg = LambdaConfig {
        duration_ms: 900_001,
        ..LambdaConfig::default()
    };
    let err = cfg.validate().unwrap_err();
    assert_eq!(
        err,
        ConfigError::DurationOverMax {
            duration_ms: 900_001
        }
    );
    assert!(err.to_string().contains("900"));
    assert!(
        LambdaConfig {
            duration_ms: 900_000,
            ..LambdaConfig::default()
        }
        .validate()
        .is_ok()
    );
    let short = LambdaConfig {
        duration_ms: 4_000,
        timeout_s: 3,
        ..LambdaConfig::default()
    };
    assert!(matches!(
        short.validate(),
        Err(ConfigError::DurationOverTimeout { .. })
    ));
}

#[test]
fn reserved_must_leave_100_unreserved() {
    let ok = LambdaConfig {
        reserved: Some(900),
        ..LambdaConfig::default()
    };
    assert!(ok.validate().is_ok());
    let err = LambdaConfig {
        reserved: Some(901),
        ..LambdaConfig::default()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        err,
        ConfigError::ReservedTooHigh {
            reserved: 901,
            max: 900,
            account_limit: 1_000
        }
    );
    assert!(err.to_string().contains("configuration-concurrency.html"));
}

#[test]
fn provisioned_must_fit_reserved_and_account() {
    let above_reserved = LambdaConfig {
        reserved: Some(10),
        provisioned: 11,
        ..LambdaConfig::default()
    };
    assert_eq!(
        above_reserved.validate().unwrap_err(),
        ConfigError::ProvisionedAboveReserved {
            provisioned: 11,
            reserved: 10
        }
    );
    let above_account = LambdaConfig {
        provisioned: 1_001,
        ..LambdaConfig::default()
    };
    assert_eq!(
        above_account.validate().unwrap_err(),
        ConfigError::ProvisionedAboveAccount {
            provisioned: 1_001,
            account_limit: 1_000
        }
    );
    let long_init = LambdaConfig {
        provisioned: 1,
        init_ms: 130_001,
        timeout_s: 60,
        ..LambdaConfig::default()
    };
    assert!(matches!(
        long_init.validate(),
        Err(ConfigError::ProvisionedInit {
            limit_ms: 130_000,
            ..
        })
    ));
}

#[test]
fn rates_and_probabilities_are_checked() {
    for rps in [-1.0, f64::NAN, f64::INFINITY] {
        let cfg = LambdaConfig {
            rps,
            ..LambdaConfig::default()
        };
        assert!(matches!(
            cfg.validate(),
            Err(ConfigError::NotANonNegativeNumber { field: "rps", .. })
        ));
    }
    let cfg = LambdaConfig {
        error_rate: 1.5,
        ..LambdaConfig::default()
    };
    assert_eq!(
        cfg.validate().unwrap_err(),
        ConfigError::ErrorRate { error_rate: 1.5 }
    );
    let cfg = LambdaConfig {
        error_rate: -0.1,
        ..LambdaConfig::default()
    };
    assert!(cfg.validate().is_err());
    let cfg = LambdaConfig {
        retry_attempts: 3,
        ..LambdaConfig::default()
    };
    assert_eq!(
        cfg.validate().unwrap_err(),
        ConfigError::RetryAttempts { retry_attempts: 3 }
    );
    for age in [59, 21_601] {
        let cfg = LambdaConfig {
            max_event_age_s: age,
            ..LambdaConfig::default()
        };
        assert!(matches!(
            cfg.validate(),
            Err(ConfigError::MaxEventAge { .. })
        ));
    }
    let cfg = LambdaConfig {
        billing_date: "2025/08/01".to_owned(),
        ..LambdaConfig::default()
    };
    assert!(matches!(
        cfg.validate(),
        Err(ConfigError::BillingDate { .. })
    ));
    let cfg = LambdaConfig {
        rps: 1e9,
        seconds: 86_400,
        ..LambdaConfig::default()
    };
    assert!(matches!(
        cfg.validate(),
        Err(ConfigError::TooManyEvents { .. })
    ));
    let cfg = LambdaConfig {
        region: "mars-1".to_owned(),
        ..LambdaConfig::default()
    };
    assert_eq!(
        simulate(&cfg).unwrap_err(),
        ConfigError::UnknownRegion {
            region: "mars-1".to_owned()
        }
    );
}

// ---- Output shape ----

#[test]
fn result_serialises_with_the_contract_field_names() {
    let r = simulate(&LambdaConfig::default()).unwrap();
    let toml::Value::Table(top) = toml::Value::try_from(&r).unwrap() else {
        panic!("not a table")
    };
    for key in [
        "timeline",
        "events",
        "attempts",
        "cold_starts",
        "throttles",
        "dlq",
        "max_concurrency",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "cold_start_pct",
        "cost_usd",
        "explanations",
    ] {
        assert!(top.contains_key(key), "missing {key}");
    }
    let toml::Value::Array(timeline) = &top["timeline"] else {
        panic!("timeline")
    };
    assert_eq!(timeline.len(), 60);
    let toml::Value::Table(second) = &timeline[0] else {
        panic!("second")
    };
    for key in ["t_s", "busy", "idle", "init", "cold_starts", "throttles"] {
        assert!(second.contains_key(key), "missing timeline.{key}");
    }
    for e in &r.explanations {
        assert!(e.rule.starts_with("lambda."));
        assert!(!e.ko.is_empty() && !e.en.is_empty());
        assert!(
            e.source
                .as_deref()
                .is_some_and(|s| s.starts_with("https://")),
            "{}",
            e.rule
        );
    }
}

#[test]
fn config_round_trips_through_toml_and_rejects_unknown_keys() {
    let cfg: LambdaConfig =
        toml::from_str("rps = 5.0\ninvoke = \"async\"\nreserved = 20\n").unwrap();
    assert_eq!(cfg.invoke, InvokeType::Async);
    assert_eq!(cfg.reserved, Some(20));
    assert_eq!(cfg.memory_mb, 128);
    assert!(toml::from_str::<LambdaConfig>("rsp = 5.0\n").is_err());
}
