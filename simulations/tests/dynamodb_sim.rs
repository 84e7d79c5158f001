//! Partition simulation and scenario presets: worked examples D24 and the adaptive-capacity example,
//! burst draining, preset loading and pass conditions, speed.

// Units are exact halves and the simulation's test values are exact in f64, so exact
// comparison is the point; AWS API names in docs are prose.
#![allow(clippy::float_cmp, clippy::doc_markdown)]

use std::time::Instant;

use simulations::dynamodb::{
    Consistency, Dimension, Error, KeyDistribution, Phase, SimConfig, parse_preset, presets,
    simulate,
};

fn config(provisioned: u64, keys: KeyDistribution, rps: u64, seconds: u32) -> SimConfig {
    SimConfig {
        seed: 1,
        dimension: Dimension::Write,
        provisioned,
        partitions: None,
        item_bytes: 1024,
        consistency: None,
        keys,
        phases: vec![Phase {
            seconds,
            requests_per_second: rps,
        }],
        burst: true,
        adaptive: true,
        initial_burst_seconds: 300.0,
        write_shards: 1,
    }
}

#[test]
fn d24_hot_key_over_partition_ceiling_throttles() {
    // 1,200 writes/s of 1 KB to ONE key, table of 5,000 WCU: the partition max is 1,000 WCU/s.
    let report = simulate(&config(
        5000,
        KeyDistribution::Uniform { keys: 1 },
        1200,
        60,
    ))
    .unwrap();
    assert_eq!(report.partitions, 5);
    for s in &report.seconds {
        assert_eq!(s.served, 1000);
        assert_eq!(s.throttled, 200);
        assert!(s.consumed <= 1000.0);
    }
    assert!(report.mean_utilisation <= 0.2 + 1e-9);
    assert!(
        report
            .explanation
            .iter()
            .any(|e| e.en.contains("ProvisionedThroughputExceededException"))
    );
}

#[test]
fn adaptive_capacity_docs_example_400_wcu_4_partitions_150_on_one() {
    // 400 WCU over 4 partitions (100 each); one partition receives 150 WCU/s.
    let mut c = config(400, KeyDistribution::Uniform { keys: 1 }, 150, 30);
    c.partitions = Some(4);
    c.burst = false;
    let with = simulate(&c).unwrap();
    assert_eq!(with.total_throttled, 0, "adaptive capacity sustains 150");
    assert!(
        with.seconds
            .iter()
            .all(|s| s.partitions.iter().any(|p| p.adaptive == 50.0))
    );
    c.adaptive = false;
    let without = simulate(&c).unwrap();
    assert_eq!(without.total_throttled, 50 * 30);
}

#[test]
fn burst_bank_drains_then_throttles_then_refills() {
    let mut c = config(100, KeyDistribution::Uniform { keys: 1000 }, 0, 1);
    c.dimension = Dimension::Read;
    c.item_bytes = 4096;
    c.consistency = Some(Consistency::Strong);
    c.phases = vec![
        Phase {
            seconds: 10,
            requests_per_second: 50,
        },
        Phase {
            seconds: 240,
            requests_per_second: 250,
        },
        Phase {
            seconds: 60,
            requests_per_second: 50,
        },
    ];
    let r = simulate(&c).unwrap();
    assert_eq!(r.partitions, 1);
    assert_eq!(r.burst_bank_max, 30_000.0);
    // 150 RCU/s over: 30,000 banked lasts 200 s, then 150/s throttle for 40 s.
    assert_eq!(r.seconds[9].burst_bank, 30_000.0);
    assert_eq!(r.seconds[10 + 199].throttled, 0);
    assert_eq!(r.seconds[10 + 199].burst_bank, 0.0);
    assert_eq!(r.seconds[10 + 200].throttled, 150);
    assert_eq!(r.total_throttled, 150 * 40);
    // Afterwards the bank refills by the 50 unused RCU each second.
    assert_eq!(r.seconds.last().unwrap().burst_bank, 50.0 * 60.0);
    c.burst = false;
    assert_eq!(simulate(&c).unwrap().total_throttled, 150 * 240);
}

#[test]
fn ten_minutes_at_1000_rps_is_fast() {
    let mut c = config(
        2000,
        KeyDistribution::Zipf {
            keys: 100_000,
            s: 1.1,
        },
        1000,
        600,
    );
    c.partitions = Some(8);
    let start = Instant::now();
    let r = simulate(&c).unwrap();
    let elapsed = start.elapsed();
    eprintln!("10 min at 1,000 rps simulated in {elapsed:?}");
    assert_eq!(r.total_offered, 600_000);
    // Milliseconds in release; the bound is loose for debug builds on a shared machine.
    assert!(elapsed.as_millis() < 2000, "took {elapsed:?}");
}

#[test]
fn invalid_configs_are_errors() {
    let mut c = config(0, KeyDistribution::Uniform { keys: 1 }, 1, 1);
    assert!(matches!(simulate(&c), Err(Error::InvalidParameter { .. })));
    c.provisioned = 10;
    c.keys = KeyDistribution::HotKey {
        keys: 10,
        hot_share: 1.5,
    };
    assert!(matches!(simulate(&c), Err(Error::InvalidParameter { .. })));
    c.keys = KeyDistribution::Uniform { keys: 10 };
    c.item_bytes = 500 * 1024;
    assert!(matches!(simulate(&c), Err(Error::ItemTooLarge { .. })));
    c.item_bytes = 1;
    c.consistency = Some(Consistency::Strong);
    assert!(matches!(simulate(&c), Err(Error::InvalidParameter { .. })));
}

#[test]
fn presets_load() {
    let all = presets().unwrap();
    let ids: Vec<&str> = all.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["ddb-hot-key", "ddb-uniform", "ddb-burst"]);
    for p in &all {
        assert!(!p.title.is_empty() && !p.description.is_empty() && !p.challenge.is_empty());
        // Each shipped scenario is the problem: it fails its own pass condition.
        let report = p.run().unwrap();
        assert!(!p.passes(&report), "{} passes as shipped", p.id);
    }
}

#[test]
fn hot_key_preset_throttles_while_the_table_is_mostly_idle() {
    let p = presets()
        .unwrap()
        .into_iter()
        .find(|p| p.id == "ddb-hot-key")
        .unwrap();
    let r = p.run().unwrap();
    assert!(r.total_throttled > 0);
    assert!(
        r.mean_utilisation < 0.35,
        "utilisation {}",
        r.mean_utilisation
    );
    assert!(r.peak_consumed < 0.5 * r.provisioned as f64);
    // Spreading the hot key (write sharding) solves it.
    let mut fixed = p.clone();
    fixed.sim.keys = KeyDistribution::Uniform { keys: 10_000 };
    assert!(fixed.passes(&fixed.run().unwrap()));
}

#[test]
fn uniform_and_burst_presets_can_be_solved() {
    let all = presets().unwrap();
    let mut uniform = all.iter().find(|p| p.id == "ddb-uniform").unwrap().clone();
    let r = uniform.run().unwrap();
    assert_eq!(r.total_throttled, 0);
    uniform.sim.provisioned = 500;
    assert!(uniform.passes(&uniform.run().unwrap()));

    let mut burst = all.iter().find(|p| p.id == "ddb-burst").unwrap().clone();
    let r = burst.run().unwrap();
    let min_bank = r
        .seconds
        .iter()
        .map(|s| s.burst_bank)
        .fold(f64::INFINITY, f64::min);
    assert_eq!(min_bank, 0.0, "the burst bank drains");
    assert!(r.total_throttled > 0);
    burst.sim.consistency = Some(Consistency::Eventual);
    assert!(burst.passes(&burst.run().unwrap()));
}

#[test]
fn bad_preset_files_are_typed_errors() {
    assert!(matches!(
        parse_preset("ddb-x.toml", "not = [valid"),
        Err(Error::Preset { .. })
    ));
    let good = include_str!("../scenarios/ddb-uniform.toml");
    let newer = good.replace("format_version = 1", "format_version = 99");
    assert!(matches!(
        parse_preset("ddb-uniform.toml", &newer),
        Err(Error::Newer(simulations::challenge::NewerFormat {
            found: 99,
            ..
        }))
    ));
    assert!(matches!(
        parse_preset("ddb-other.toml", good),
        Err(Error::Preset { .. })
    ));
    let broken = good.replace("provisioned = 1000", "provisioned = 0");
    let err = parse_preset("ddb-uniform.toml", &broken).unwrap_err();
    assert!(err.to_string().contains("ddb-uniform.toml"));
}

#[test]
fn english_preset_texts_are_optional_but_not_blank() {
    let good = include_str!("../scenarios/ddb-uniform.toml");
    let p = parse_preset("ddb-uniform.toml", good).unwrap();
    assert!(
        p.title_en
            .as_deref()
            .is_some_and(|t| t.starts_with("Even key"))
    );
    // A user's file with only the Korean texts still loads.
    let korean_only: String = good
        .lines()
        .filter(|l| !l.starts_with("title_en") && !l.starts_with("challenge_en"))
        .collect::<Vec<_>>()
        .join("\n");
    let p = parse_preset("ddb-uniform.toml", &korean_only).unwrap();
    assert_eq!(p.title_en, None);
    assert_eq!(p.challenge_en, None);
    // The kebab spelling of the other keys is accepted too.
    let kebab = good.replace("title_en =", "title-en =");
    assert!(
        parse_preset("ddb-uniform.toml", &kebab)
            .unwrap()
            .title_en
            .is_some()
    );
    let blank = korean_only.replace("title = ", "title_en = \" \"\ntitle = ");
    let err = parse_preset("ddb-uniform.toml", &blank).unwrap_err();
    assert!(err.to_string().contains("title_en"), "{err}");
}
