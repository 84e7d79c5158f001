//! Properties of the throttling model: the same seed gives the same result, the counts add up,
//! and no second lets through more than the bucket can hold plus what it refills.

#![allow(clippy::doc_markdown)] // service names read better bare

use proptest::prelude::*;
use simulations::throttle::{Limit, ThrottleConfig, UsagePlan, simulate};

prop_compose! {
    fn config()(
        rate in 1.0f64..500.0,
        burst in 0.0f64..500.0,
        rps in 1.0f64..800.0,
        duration_s in 1u32..30,
        poisson in any::<bool>(),
        stage in proptest::option::of((0.0f64..1.0, 0.0f64..300.0)),
        method in proptest::option::of((0.0f64..1.0, 0.0f64..300.0)),
        plan in proptest::option::of((0.0f64..1.0, 0.0f64..300.0, proptest::option::of(0u64..5000))),
        seed in any::<u64>(),
    ) -> ThrottleConfig {
        ThrottleConfig {
            rate, burst, rps, duration_s, poisson,
            stage_limit: stage.map(|(f, b)| Limit { rate: rate * f, burst: b }),
            method_limit: method.map(|(f, b)| Limit { rate: rate * f, burst: b }),
            usage_plan: plan.map(|(f, b, q)| UsagePlan { rate: rate * f, burst: b, quota: q }),
            seed,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn same_seed_same_result(c in config()) {
        prop_assert_eq!(simulate(&c).unwrap(), simulate(&c).unwrap());
    }

    #[test]
    fn counts_add_up(c in config()) {
        let r = simulate(&c).unwrap();
        prop_assert_eq!(r.accepted + r.throttled, r.requests);
        let b = r.throttled_by;
        prop_assert_eq!(b.usage_plan + b.quota + b.method + b.stage + b.account, r.throttled);
        let acc: u64 = r.timeline.iter().map(|s| u64::from(s.accepted)).sum();
        let thr: u64 = r.timeline.iter().map(|s| u64::from(s.throttled)).sum();
        prop_assert_eq!((acc, thr), (r.accepted, r.throttled));
        // Never more than the full bucket plus what the run refilled.
        let cap = c.burst + c.rate * f64::from(c.duration_s);
        prop_assert!(r.accepted as f64 <= cap + 1.0);
        if let Some(q) = c.usage_plan.and_then(|u| u.quota) {
            prop_assert!(r.accepted <= q);
        }
        if !c.poisson {
            prop_assert_eq!(r.requests, (c.rps * f64::from(c.duration_s)).floor() as u64);
        }
    }
}
