//! Properties of the caching model: the same seed gives the same result, the counts add up, and
//! write-through never serves a stale value.

#![allow(clippy::doc_markdown)] // service names read better bare

use proptest::prelude::*;
use simulations::cache::{CacheConfig, Strategy, simulate};

prop_compose! {
    fn config()(
        wt in any::<bool>(),
        fill_on_miss in any::<bool>(),
        ttl_s in proptest::option::of(1u32..60),
        keys in 1u32..500,
        zipf in 0.0f64..2.0,
        reads in 0.0f64..200.0,
        writes in 0.0f64..50.0,
        cache_items in proptest::option::of(1u32..300),
        duration_s in 1u32..120,
        fail in proptest::option::of(0u32..120),
        seed in any::<u64>(),
    ) -> CacheConfig {
        CacheConfig {
            strategy: if wt { Strategy::WriteThrough } else { Strategy::Lazy },
            ttl_s, fill_on_miss, keys, zipf,
            reads_per_second: reads, writes_per_second: writes,
            cache_items, duration_s,
            node_failure_at: fail.map(|f| f.min(duration_s)),
            seed,
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
        prop_assert_eq!(r.hits + r.misses, r.reads);
        prop_assert_eq!(r.db_reads, r.misses);
        prop_assert_eq!(r.db_writes, r.writes);
        prop_assert!(r.stale_reads <= r.hits);
        prop_assert!(r.unused_cache_writes <= r.cache_writes);
        prop_assert!(r.evictions + r.expirations <= r.cache_writes);
        prop_assert!((0.0..=1.0).contains(&r.hit_ratio));
        match (c.strategy, c.fill_on_miss) {
            (Strategy::Lazy, _) => prop_assert_eq!(r.cache_writes, r.misses),
            (Strategy::WriteThrough, false) => prop_assert_eq!(r.cache_writes, r.writes),
            (Strategy::WriteThrough, true) => prop_assert_eq!(r.cache_writes, r.writes + r.misses),
        }
        let hits: u64 = r.timeline.iter().map(|s| u64::from(s.hits)).sum();
        let misses: u64 = r.timeline.iter().map(|s| u64::from(s.misses)).sum();
        prop_assert_eq!((hits, misses), (r.hits, r.misses));
        if let Some(cap) = c.cache_items {
            prop_assert!(r.timeline.iter().all(|s| s.cached_items <= cap));
        }
        if c.node_failure_at.is_none() {
            prop_assert!(r.hit_ratio_after_failure.is_none());
        }
    }

    #[test]
    fn write_through_is_never_stale(c in config()) {
        let r = simulate(&CacheConfig { strategy: Strategy::WriteThrough, ..c }).unwrap();
        prop_assert_eq!(r.stale_reads, 0);
    }
}
