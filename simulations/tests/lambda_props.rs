//! Invariants of the Lambda simulation over random (valid) configs.

use proptest::prelude::*;
use simulations::lambda::{
    ArrivalKind, Burst, InvokeType, LambdaConfig, LambdaResult, ScalingModel, simulate,
};

/// Small but varied configs: every feature on, runs of at most a few thousand events.
fn config() -> impl Strategy<Value = LambdaConfig> {
    let traffic = (
        0.0..40.0f64,
        1u32..40,
        1u32..3_000,
        prop_oneof![0u32..2_000, Just(12_000u32)],
        prop::bool::ANY,
        prop::collection::vec((0.0..1.0f64, 1u32..150), 0..3),
    );
    let limits = (
        150u32..400,
        prop::option::of(0u32..=50),
        0u32..20,
        0u32..60,
        prop::bool::ANY,
        prop_oneof![Just(None), (1u32..40).prop_map(Some)],
    );
    let failures = (
        0.0..=1.0f64,
        0u32..=2,
        60u32..400,
        prop::bool::ANY,
        prop::bool::ANY,
        any::<u64>(),
    );
    (traffic, limits, failures).prop_map(
        |(
            (rps, seconds, duration_ms, init_ms, poisson, bursts),
            (account_limit, reserved, provisioned, idle_timeout_s, old_scaling, burst_limit),
            (error_rate, retry_attempts, max_event_age_s, is_async, destination, seed),
        )| {
            let provisioned = reserved.map_or(provisioned, |r| provisioned.min(r));
            LambdaConfig {
                rps,
                seconds,
                duration_ms,
                init_ms,
                arrival: if poisson {
                    ArrivalKind::Poisson
                } else {
                    ArrivalKind::Constant
                },
                bursts: bursts
                    .into_iter()
                    .map(|(at, count)| Burst {
                        at_s: at * f64::from(seconds),
                        count,
                    })
                    .collect(),
                account_limit,
                reserved,
                provisioned,
                idle_timeout_s,
                scaling: if old_scaling {
                    ScalingModel::AccountBurst
                } else {
                    ScalingModel::PerFunction
                },
                burst_limit,
                error_rate,
                retry_attempts,
                max_event_age_s,
                invoke: if is_async {
                    InvokeType::Async
                } else {
                    InvokeType::Sync
                },
                on_failure_destination: destination,
                seed,
                ..LambdaConfig::default()
            }
        },
    )
}

fn run(cfg: &LambdaConfig) -> LambdaResult {
    simulate(cfg).unwrap_or_else(|e| panic!("generated config is invalid: {e}"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_seed_fully_determines_a_run(cfg in config()) {
        prop_assert_eq!(run(&cfg), run(&cfg));
    }

    #[test]
    fn never_above_the_concurrency_limit(cfg in config()) {
        let r = run(&cfg);
        let cap = cfg.reserved.unwrap_or(cfg.account_limit);
        prop_assert!(r.max_concurrency <= cap, "{} > {cap}", r.max_concurrency);
        prop_assert!(r.max_environments <= cap.max(cfg.provisioned), "{} > {cap}", r.max_environments);
        for s in &r.timeline {
            prop_assert!(s.peak_concurrency <= cap);
            prop_assert!(s.busy + s.init + s.idle <= f64::from(cap) + 1e-9);
        }
    }

    #[test]
    fn every_event_ends_exactly_once(cfg in config()) {
        let r = run(&cfg);
        // events = successes + sync errors + sync throttles + DLQ + dropped (the expired ones are
        // inside DLQ/dropped). Nothing is still in flight at the end.
        prop_assert_eq!(r.events, r.succeeded + r.failed_sync + r.throttled_sync + r.dlq + r.dropped);
        prop_assert!(r.expired <= r.dlq + r.dropped);
        match cfg.invoke {
            InvokeType::Sync => {
                prop_assert_eq!(r.dlq + r.dropped, 0);
                prop_assert_eq!(r.attempts, r.events);
                prop_assert_eq!(r.throttled_sync, r.throttles);
                prop_assert_eq!(r.failed_sync, r.function_errors);
            }
            InvokeType::Async => {
                prop_assert_eq!(r.failed_sync + r.throttled_sync, 0);
                if !cfg.on_failure_destination { prop_assert_eq!(r.dlq, 0); }
                // At most 1 + retry_attempts function errors per event.
                prop_assert!(r.function_errors <= r.events * (1 + u64::from(cfg.retry_attempts)));
            }
        }
        prop_assert_eq!(r.throttles, r.throttles_limit + r.throttles_scaling);
        let timeline_attempts: u64 = r.timeline.iter().map(|s| u64::from(s.attempts)).sum();
        prop_assert_eq!(timeline_attempts, r.attempts);
        let timeline_arrivals: u64 = r.timeline.iter().map(|s| u64::from(s.arrivals)).sum();
        prop_assert_eq!(timeline_arrivals, r.events);
        let timeline_cold: u64 = r.timeline.iter().map(|s| u64::from(s.cold_starts)).sum();
        prop_assert_eq!(timeline_cold, r.cold_starts);
    }

    #[test]
    fn percentiles_are_ordered(cfg in config()) {
        let r = run(&cfg);
        prop_assert!(r.p50_ms <= r.p95_ms && r.p95_ms <= r.p99_ms && r.p99_ms <= r.max_ms);
        prop_assert!(r.cost_usd >= 0.0 && r.cost_usd.is_finite());
    }

    #[test]
    fn provisioned_at_peak_means_no_cold_starts(cfg in config()) {
        // Without retries the warm run's requests are a subset in time of the baseline's, so the
        // baseline's peak bounds the warm run's concurrency (as long as the baseline throttled
        // nothing: otherwise the warm run would serve requests the baseline never saw).
        let base = LambdaConfig {
            provisioned: 0,
            reserved: None,
            error_rate: if cfg.invoke == InvokeType::Async { 0.0 } else { cfg.error_rate },
            ..cfg
        };
        let baseline = run(&base);
        prop_assume!(baseline.throttles == 0);
        let warm = LambdaConfig { provisioned: baseline.max_concurrency, ..base };
        let r = run(&warm);
        prop_assert_eq!(r.cold_starts, 0);
        prop_assert_eq!(r.throttles, 0);
        prop_assert_eq!(r.events, baseline.events);
    }
}
