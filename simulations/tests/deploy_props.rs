//! Invariants of the traffic-shifting simulation over random (valid) configs: percentages stay
//! within 0-100 and the two versions always add up, a rollback always ends at 0% new, and the
//! same seed gives the same result.

// Percentages and counts here are exact (whole steps, whole requests), so exact float comparison is intended.
#![allow(clippy::float_cmp)]

use proptest::prelude::*;
use simulations::deploy::{AlarmMetric, DeployConfig, HookFail, Outcome, Routing, simulate};

const STRATEGIES: [&str; 12] = [
    "Canary10Percent5Minutes",
    "Canary10Percent15Minutes",
    "Linear10PercentEvery1Minute",
    "Linear10PercentEvery3Minutes",
    "AllAtOnce",
    "ECSCanary10Percent5Minutes",
    "blue-green:3",
    "canary:25:2",
    "linear:30:1",
    "linear:7:1",
    "apigw-canary:12.5:4",
    "apigw-canary:0:2",
];

fn config() -> impl Strategy<Value = DeployConfig> {
    let release = (
        prop::sample::select(STRATEGIES.to_vec()),
        prop_oneof![0.0..3.0f64, 3.0..300.0f64],
        0.0..=0.2f64,
        0.0..=1.0f64,
        0u32..600,
        prop_oneof![Just(100.0), 50.0..1000.0f64],
    );
    let alarm = (
        prop::bool::ANY,
        prop::sample::select(vec![
            AlarmMetric::NewVersionErrors,
            AlarmMetric::AliasErrors,
            AlarmMetric::NewVersionLatency,
        ]),
        0.0..=0.5f64,
        prop::sample::select(vec![10u32, 30, 60, 120]),
        1u32..4,
    );
    let rest = (
        prop::sample::select(vec![HookFail::None, HookFail::Pre, HookFail::Post]),
        0u32..40,
        0u32..300,
        prop::bool::ANY,
        any::<u64>(),
    );
    (release, alarm, rest).prop_map(
        |(
            (strategy, rps, old_error_rate, new_error_rate, bad_from_s, new_latency_ms),
            (alarm, alarm_metric, threshold, alarm_period_s, periods),
            (hook_fail, hook_s, observe_s, expected, seed),
        )| DeployConfig {
            strategy: simulations::deploy::Strategy::parse(strategy).unwrap(),
            rps,
            old_error_rate,
            new_error_rate,
            old_latency_ms: 100.0,
            new_latency_ms,
            bad_from_s,
            pre_traffic_s: hook_s,
            post_traffic_s: hook_s / 2,
            hook_fail,
            alarm,
            alarm_metric,
            alarm_threshold: if alarm_metric == AlarmMetric::NewVersionLatency {
                100.0 + threshold * 1000.0
            } else {
                threshold
            },
            alarm_period_s,
            alarm_evaluation_periods: periods,
            alarm_datapoints: Some(periods.div_ceil(2)),
            observe_s,
            routing: if expected {
                Routing::Expected
            } else {
                Routing::Sampled
            },
            seed,
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn percentages_stay_in_range_and_versions_add_up(cfg in config()) {
        let r = simulate(&cfg).unwrap();
        prop_assert!(!r.shift.is_empty());
        for w in r.shift.windows(2) {
            prop_assert!(w[0].t_s < w[1].t_s, "shift times increase: {:?}", r.shift);
        }
        for p in &r.shift {
            prop_assert!((0.0..=100.0).contains(&p.new_percent), "{p:?}");
            let old = 100.0 - p.new_percent;
            prop_assert!((0.0..=100.0).contains(&old));
        }
        for s in &r.steps {
            prop_assert!((0.0..=100.0).contains(&s.observed_percent), "{s:?}");
            prop_assert!(s.requests_new <= s.requests + 1e-9);
        }
        for p in &r.periods {
            prop_assert!(p.requests_new >= 0.0 && p.requests_old >= -1e-9);
            prop_assert!(p.errors_new <= p.requests_new + 1e-9);
            prop_assert!(p.errors_old <= p.requests_old + 1e-9);
        }
        // Old + new is every request that arrived: rps x seconds of traffic.
        let traffic_s = (r.duration_s + u64::from(cfg.observe_s)) as f64;
        let arrived = match cfg.routing {
            Routing::Expected => cfg.rps * traffic_s,
            Routing::Sampled => (cfg.rps * traffic_s).floor(),
        };
        prop_assert!((r.requests_new + r.requests_old - arrived).abs() < 1e-6 * arrived.max(1.0),
            "{} + {} vs {arrived}", r.requests_new, r.requests_old);
        // The two totals are summed in a different order (per second vs per period), so the
        // expected-value view may differ in the last bits.
        let eps = 1e-9 * r.requests_new.max(1.0);
        prop_assert!(r.users_affected <= r.requests_new + eps);
        prop_assert!(r.errors_bad <= r.users_affected + eps);
    }

    #[test]
    fn a_rollback_always_ends_at_0_percent_new(cfg in config()) {
        let r = simulate(&cfg).unwrap();
        match r.outcome {
            Outcome::RolledBack => {
                let at = r.rolled_back_at_s.unwrap();
                prop_assert_eq!(r.shift.last().unwrap().new_percent, 0.0);
                prop_assert_eq!(r.percent_at(at), 0.0);
                prop_assert_eq!(r.percent_at(r.simulated_s), 0.0);
                prop_assert!(r.periods.iter().filter(|p| p.start_s >= at).all(|p| p.requests_new == 0.0));
                prop_assert_eq!(r.duration_s, at);
            }
            Outcome::Succeeded => {
                prop_assert_eq!(r.rolled_back_at_s, None);
                prop_assert_eq!(r.shift.last().unwrap().new_percent, 100.0);
            }
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_result(cfg in config()) {
        prop_assert_eq!(simulate(&cfg).unwrap(), simulate(&cfg).unwrap());
    }
}
