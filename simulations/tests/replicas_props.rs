//! Properties of the replicas model: the same seed gives the same result, the counts add up,
//! and synchronous or shared-storage failover never loses a committed write.

#![allow(clippy::doc_markdown)] // service names read better bare

use proptest::prelude::*;
use simulations::replicas::{Engine, ReplicasConfig, simulate};

fn engine() -> impl Strategy<Value = Engine> {
    prop_oneof![
        Just(Engine::RdsMysql),
        Just(Engine::RdsPostgres),
        Just(Engine::RdsOracle),
        Just(Engine::AuroraMysql),
        Just(Engine::AuroraPostgres),
    ]
}

prop_compose! {
    fn config()(
        engine in engine(),
        replicas in 0u32..6,
        multi_az in any::<bool>(),
        lag in proptest::option::of(0u32..3000),
        writes in 0.0f64..100.0,
        reads in 0.0f64..100.0,
        raw in any::<bool>(),
        raw_primary in any::<bool>(),
        keys in 1u32..2000,
        fail in proptest::option::of(0u32..200),
        duration_s in 1u32..200,
        seed in any::<u64>(),
    ) -> ReplicasConfig {
        ReplicasConfig {
            engine, replicas, multi_az, replica_lag_ms: lag,
            writes_per_second: writes, reads_per_second: reads,
            read_after_write: raw, read_after_write_on_primary: raw_primary,
            keys, fail_primary_at: fail.map(|f| f.min(duration_s)), duration_s, seed,
            ..ReplicasConfig::default()
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
        let n_writes = (c.writes_per_second * f64::from(c.duration_s)).floor() as u64;
        let n_reads = (c.reads_per_second * f64::from(c.duration_s)).floor() as u64;
        prop_assert_eq!(r.writes + r.writes_failed + r.writes_lost, n_writes);
        prop_assert_eq!(r.reads + r.reads_failed, n_reads);
        prop_assert!(r.stale_reads + r.reads_on_primary <= r.reads);
        prop_assert!(r.downtime_s <= f64::from(c.duration_s));
        if c.fail_primary_at.is_none() {
            prop_assert_eq!((r.writes_failed, r.writes_lost, r.failover_s), (0, 0, None));
        }
        if c.replicas == 0 {
            prop_assert_eq!(r.stale_reads, 0);
        }
    }

    #[test]
    fn synchronous_or_shared_storage_failover_loses_nothing(c in config()) {
        let r = simulate(&ReplicasConfig { multi_az: true, ..c.clone() }).unwrap();
        prop_assert_eq!(r.writes_lost, 0);
        let a = simulate(&ReplicasConfig { engine: Engine::AuroraMysql, ..c }).unwrap();
        prop_assert_eq!(a.writes_lost, 0);
    }
}
