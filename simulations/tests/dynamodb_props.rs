//! Property tests: the invariants the capacity model must keep for any input.

// Units are exact halves and the simulation's test values are exact in f64, so exact
// comparison is the point; AWS API names in docs are prose.
#![allow(clippy::float_cmp, clippy::doc_markdown)]

use proptest::prelude::*;
use simulations::dynamodb::{
    Consistency, Dimension, KeyDistribution, Operation, Phase, Request, SimConfig, calculate,
    simulate,
};

const MAX: u64 = 400 * 1024;

fn read(op: Operation, sizes: &[u64], c: Consistency) -> u64 {
    calculate(&Request::new(op, sizes).with_consistency(c))
        .unwrap()
        .read_units
        .halves()
}

fn write(op: Operation, sizes: &[u64]) -> u64 {
    calculate(&Request::new(op, sizes))
        .unwrap()
        .write_units
        .halves()
}

fn sim_config() -> impl Strategy<Value = SimConfig> {
    let keys = prop_oneof![
        (1_u64..2000).prop_map(|keys| KeyDistribution::Uniform { keys }),
        (1_u64..2000, 0.0..=1.0_f64)
            .prop_map(|(keys, hot_share)| KeyDistribution::HotKey { keys, hot_share }),
        (1_u64..2000, 0.0..3.0_f64).prop_map(|(keys, s)| KeyDistribution::Zipf { keys, s }),
    ];
    let phases = prop::collection::vec(
        (1_u32..40, 0_u64..3000).prop_map(|(seconds, requests_per_second)| Phase {
            seconds,
            requests_per_second,
        }),
        1..4,
    );
    (
        any::<u64>(),
        any::<bool>(),
        1_u64..6000,
        prop::option::of(1_u32..9),
        1_u64..20_000,
        keys,
        phases,
        any::<bool>(),
        any::<bool>(),
        0.0..=300.0_f64,
    )
        .prop_map(
            |(
                seed,
                reads,
                provisioned,
                partitions,
                item_bytes,
                keys,
                phases,
                burst,
                adaptive,
                bank,
            )| {
                SimConfig {
                    seed,
                    dimension: if reads {
                        Dimension::Read
                    } else {
                        Dimension::Write
                    },
                    provisioned,
                    partitions,
                    item_bytes,
                    consistency: reads.then_some(Consistency::Strong),
                    keys,
                    phases,
                    burst,
                    adaptive,
                    initial_burst_seconds: bank,
                    write_shards: 1,
                }
            },
        )
}

proptest! {
    #[test]
    fn capacity_never_decreases_as_item_size_grows(a in 0..=MAX, b in 0..=MAX) {
        let (small, large) = (a.min(b), a.max(b));
        for c in [Consistency::Strong, Consistency::Eventual] {
            for op in [Operation::Get, Operation::Query, Operation::Scan, Operation::BatchGet] {
                prop_assert!(read(op, &[small], c) <= read(op, &[large], c));
            }
        }
        prop_assert!(
            read(Operation::TransactGet, &[small], Consistency::Transactional)
                <= read(Operation::TransactGet, &[large], Consistency::Transactional)
        );
        let (small, large) = (small.max(1), large.max(1));
        for op in [Operation::Put, Operation::Update, Operation::Delete, Operation::BatchWrite, Operation::TransactWrite] {
            prop_assert!(write(op, &[small]) <= write(op, &[large]));
        }
    }

    #[test]
    fn eventual_is_half_of_strong(sizes in prop::collection::vec(0..=MAX, 1..20)) {
        for op in [Operation::BatchGet, Operation::Query, Operation::Scan] {
            let sizes: Vec<u64> = if op == Operation::BatchGet { sizes.clone() } else { sizes.iter().map(|s| s / 20).collect() };
            prop_assert_eq!(read(op, &sizes, Consistency::Strong), 2 * read(op, &sizes, Consistency::Eventual));
        }
        prop_assert_eq!(
            read(Operation::Get, &sizes[..1], Consistency::Strong),
            2 * read(Operation::Get, &sizes[..1], Consistency::Eventual)
        );
    }

    #[test]
    fn transactional_is_twice_standard(sizes in prop::collection::vec(1..=MAX / 4, 1..10)) {
        prop_assert_eq!(
            read(Operation::TransactGet, &sizes, Consistency::Transactional),
            2 * read(Operation::BatchGet, &sizes, Consistency::Strong)
        );
        prop_assert_eq!(
            write(Operation::TransactWrite, &sizes),
            2 * write(Operation::BatchWrite, &sizes)
        );
    }

}

proptest! {
    // Each case runs whole simulations; 64 cases keep the suite quick on the shared CI cores.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_seed_fully_determines_a_run(config in sim_config()) {
        prop_assert_eq!(simulate(&config).unwrap(), simulate(&config).unwrap());
    }

    #[test]
    fn nothing_is_lost_and_the_bank_stays_in_bounds(config in sim_config()) {
        let report = simulate(&config).unwrap();
        let mut offered = 0;
        for s in &report.seconds {
            prop_assert_eq!(s.served + s.throttled, s.offered);
            prop_assert_eq!(s.partitions.iter().map(|p| p.offered).sum::<u64>(), s.offered);
            for p in &s.partitions {
                prop_assert_eq!(p.served + p.throttled, p.offered);
                prop_assert!(p.burst_bank >= 0.0);
                prop_assert!(p.burst_bank <= report.burst_bank_max * (1.0 + 1e-12));
                prop_assert!(p.consumed <= report.partition_ceiling + 1e-6);
                if !config.burst {
                    prop_assert_eq!(p.burst_bank, 0.0);
                }
            }
            if !config.burst {
                // Without burst, the table never serves more than it provisions.
                prop_assert!(s.consumed <= report.partition_share * f64::from(report.partitions) + 1e-6);
            }
            offered += s.offered;
        }
        let expected: u64 = config.phases.iter().map(|p| u64::from(p.seconds) * p.requests_per_second).sum();
        prop_assert_eq!(offered, expected);
        prop_assert_eq!(report.total_served + report.total_throttled, report.total_offered);
    }
}
