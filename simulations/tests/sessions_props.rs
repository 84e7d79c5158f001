//! Properties of the sessions model: the same seed gives the same result, the counts add up, and
//! a shared store never loses a cart.

#![allow(clippy::doc_markdown)] // service names read better bare

use proptest::prelude::*;
use simulations::sessions::{SessionsConfig, Store, simulate};

fn store() -> impl Strategy<Value = Store> {
    prop_oneof![
        Just(Store::Local),
        Just(Store::Sticky),
        Just(Store::Cookie),
        Just(Store::Elasticache),
        Just(Store::Dynamodb),
    ]
}

prop_compose! {
    fn config()(
        store in store(),
        instances in 1u32..8,
        users in 1u32..120,
        duration_s in 10u32..240,
        fail in proptest::option::of(0u32..240),
        scale in proptest::option::of((0u32..240, 1u32..8)),
        think in 1.0f64..30.0,
        add_share in 0.0f64..1.0,
        item_bytes in 1u32..600,
        seed in any::<u64>(),
    ) -> SessionsConfig {
        let (scale_in_at, scale_in_to) = match scale {
            Some((at, to)) if to < instances => (Some(at.min(duration_s)), Some(to)),
            _ => (None, None),
        };
        SessionsConfig {
            store, instances, users, duration_s,
            fail_instance_at: fail.map(|f| f.min(duration_s)),
            scale_in_at, scale_in_to,
            think_time_s: think, add_share, item_bytes, seed,
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn same_seed_same_result(c in config()) {
        prop_assert_eq!(simulate(&c).unwrap(), simulate(&c).unwrap());
    }

    #[test]
    fn counts_add_up(c in config()) {
        let r = simulate(&c).unwrap();
        prop_assert!(r.carts_lost <= r.users_affected);
        prop_assert!(r.users_affected <= c.users);
        prop_assert!(r.users_on_failed_instances <= c.users);
        prop_assert!(r.wrong_cart_reads + r.failed_requests <= r.requests);
        prop_assert!(r.items_added <= r.requests - r.failed_requests);
        let per_second: u64 = r.timeline.iter().map(|s| u64::from(s.requests)).sum();
        prop_assert_eq!(per_second, r.requests);
        let wrong: u64 = r.timeline.iter().map(|s| u64::from(s.wrong_carts)).sum();
        prop_assert_eq!(wrong, r.wrong_cart_reads);
        prop_assert_eq!(r.timeline.len(), c.duration_s as usize);
        if c.store.is_shared() {
            prop_assert_eq!(r.session_reads, r.requests - r.failed_requests);
            prop_assert_eq!(r.session_writes, r.items_added);
        } else {
            prop_assert_eq!((r.session_reads, r.session_writes), (0, 0));
        }
        prop_assert!(r.p50_ms <= r.p99_ms);
    }

    #[test]
    fn a_shared_store_never_loses_a_cart(c in config(), shared in prop_oneof![Just(Store::Elasticache), Just(Store::Dynamodb)]) {
        let r = simulate(&SessionsConfig { store: shared, ..c }).unwrap();
        prop_assert_eq!(r.carts_lost, 0);
        prop_assert_eq!(r.users_affected, 0);
        prop_assert_eq!(r.wrong_cart_reads, 0);
    }

    #[test]
    fn sticky_without_instance_loss_keeps_every_cart(c in config()) {
        let c = SessionsConfig { store: Store::Sticky, fail_instance_at: None, scale_in_at: None, scale_in_to: None, ..c };
        let r = simulate(&c).unwrap();
        prop_assert_eq!((r.carts_lost, r.users_affected), (0, 0));
    }
}
