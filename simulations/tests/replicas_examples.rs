//! Worked examples for the replicas model, from the RDS and Aurora documentation (aws-facts.md
//! section 5.2, examples X3-X7), and the shipped presets.
//!
//! Sources:
//! - read replica limits: <https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_MySQL.Replication.ReadReplicas>
//!   (15 for MySQL) and the RDS API reference (15, Oracle 5),
//! - Multi-AZ failover typically 60-120 s: <https://docs.amazonaws.cn/en_us/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.md>,
//! - Aurora: failover to a replica typically under 60 s (often under 30 s), without a replica a
//!   new primary typically in under 10 minutes, replica lag usually well under 100 ms:
//!   <https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html>.

#![allow(clippy::doc_markdown)] // service names read better bare

use simulations::replicas::{self, Engine, Promoted, ReplicasConfig, ReplicasError, simulate};

fn failing(engine: Engine, replicas: u32, multi_az: bool, seed: u64) -> ReplicasConfig {
    ReplicasConfig {
        engine,
        replicas,
        multi_az,
        writes_per_second: 50.0,
        reads_per_second: 50.0,
        fail_primary_at: Some(60),
        duration_s: 900,
        seed,
        ..ReplicasConfig::default()
    }
}

/// X3: a 6th read replica on RDS for MySQL is allowed today (limit 15; the notes' 5 is old);
/// a 16th is refused, naming the limit and the page.
#[test]
fn x3_mysql_allows_15_replicas() {
    let six = simulate(&ReplicasConfig {
        replicas: 6,
        ..ReplicasConfig::default()
    })
    .unwrap();
    assert_eq!(six.replica_limit, 15);
    assert!(
        six.explanation
            .iter()
            .any(|e| e.rule == "replicas.limit.notes")
    );
    for engine in [
        Engine::RdsMysql,
        Engine::RdsPostgres,
        Engine::AuroraMysql,
        Engine::AuroraPostgres,
    ] {
        assert!(
            simulate(&ReplicasConfig {
                engine,
                replicas: 15,
                ..ReplicasConfig::default()
            })
            .is_ok()
        );
        let e = simulate(&ReplicasConfig {
            engine,
            replicas: 16,
            ..ReplicasConfig::default()
        })
        .unwrap_err();
        assert!(
            matches!(e, ReplicasError::TooManyReplicas { limit: 15, .. }),
            "{e}"
        );
        assert!(
            e.to_string().contains("15") && e.to_string().contains("https://"),
            "{e}"
        );
    }
}

/// X4: a 6th read replica on RDS for Oracle is refused (limit 5).
#[test]
fn x4_oracle_allows_5() {
    let e = simulate(&ReplicasConfig {
        engine: Engine::RdsOracle,
        replicas: 6,
        ..ReplicasConfig::default()
    })
    .unwrap_err()
    .to_string();
    assert!(e.contains("rds-oracle") && e.contains('5'), "{e}");
    assert!(
        simulate(&ReplicasConfig {
            engine: Engine::RdsOracle,
            replicas: 5,
            ..ReplicasConfig::default()
        })
        .is_ok()
    );
}

/// X5: a Multi-AZ instance's primary fails: the standby is promoted in 60-120 s, no data lost.
#[test]
fn x5_multi_az_fails_over_in_60_to_120_s_without_loss() {
    for seed in 0..20 {
        let r = simulate(&failing(Engine::RdsMysql, 0, true, seed)).unwrap();
        let t = r.failover_s.unwrap();
        assert!((60.0..=120.0).contains(&t), "{t}");
        assert_eq!(r.promoted, Some(Promoted::Standby));
        assert_eq!(r.writes_lost, 0);
        assert!((r.downtime_s - t).abs() < 1e-9);
        // Writes during the failover are refused, not lost.
        assert!(r.writes_failed > 0);
    }
}

/// X6: Aurora with one replica: under 60 s, often under 30 s; nothing lost.
#[test]
fn x6_aurora_with_a_replica_under_60_s() {
    let times: Vec<f64> = (0..40)
        .map(|seed| {
            let r = simulate(&failing(Engine::AuroraMysql, 1, false, seed)).unwrap();
            assert_eq!(r.promoted, Some(Promoted::AuroraReplica));
            assert_eq!(r.writes_lost, 0);
            r.failover_s.unwrap()
        })
        .collect();
    assert!(times.iter().all(|&t| t < 60.0), "{times:?}");
    let under_30 = times.iter().filter(|&&t| t < 30.0).count();
    assert!(under_30 * 2 > times.len(), "often under 30 s: {times:?}");
}

/// X7: Aurora without replicas: a new primary, typically under 10 minutes.
#[test]
fn x7_aurora_without_replicas_under_10_minutes() {
    for seed in 0..20 {
        let r = simulate(&failing(Engine::AuroraPostgres, 0, false, seed)).unwrap();
        assert_eq!(r.promoted, Some(Promoted::NewInstance));
        assert!(r.failover_s.unwrap() <= 600.0);
        assert_eq!(r.writes_lost, 0);
    }
}

/// Promoting an asynchronous RDS read replica by hand loses what its lag held: with 50 writes/s
/// and a 500 ms mean lag (drawn 250-750 ms), about 12-38 writes.
#[test]
fn manual_promotion_loses_the_lag() {
    let r = simulate(&failing(Engine::RdsMysql, 1, false, 5)).unwrap();
    assert_eq!(r.promoted, Some(Promoted::ReadReplica));
    assert!((12..=38).contains(&r.writes_lost), "{}", r.writes_lost);
    assert!((r.failover_s.unwrap() - 300.0).abs() < 1e-9);
    // Neither a standby nor a replica: down for the rest of the run.
    let none = simulate(&failing(Engine::RdsMysql, 0, false, 5)).unwrap();
    assert_eq!((none.promoted, none.failover_s), (None, None));
    assert!((none.downtime_s - 840.0).abs() < 1e-9);
    assert!(none.reads_failed > 0);
}

/// Replicas are eventually consistent: reads faster than the lag see the old value; Aurora's
/// lag (usually well under 100 ms) is shorter than a 100 ms reload.
#[test]
fn read_after_write_on_replicas_is_stale() {
    let base = ReplicasConfig {
        replicas: 2,
        read_after_write: true,
        writes_per_second: 20.0,
        reads_per_second: 200.0,
        duration_s: 60,
        ..ReplicasConfig::default()
    };
    let rds = simulate(&base).unwrap();
    assert!(rds.stale_read_pct > 90.0, "{}", rds.stale_read_pct);
    let aurora = simulate(&ReplicasConfig {
        engine: Engine::AuroraMysql,
        ..base.clone()
    })
    .unwrap();
    assert!(aurora.stale_read_pct < 0.1, "{}", aurora.stale_read_pct);
    let writer = simulate(&ReplicasConfig {
        read_after_write_on_primary: true,
        ..base.clone()
    })
    .unwrap();
    assert_eq!(writer.stale_reads, 0);
    assert!((writer.reads_on_primary_pct - 100.0).abs() < 1e-9);
    let none = simulate(&ReplicasConfig {
        replicas: 0,
        ..base
    })
    .unwrap();
    assert_eq!(none.stale_reads, 0);
}

#[test]
fn presets_fail_as_shipped_and_pass_with_the_fix() {
    let presets = replicas::presets().unwrap();
    assert_eq!(presets.len(), 2);
    for p in &presets {
        let r = simulate(&p.config).unwrap();
        assert!(!p.check(&p.config, &r).passed, "{}", p.id);
        assert!(p.predicted_value(&r).is_some(), "{}", p.id);
    }
    let raw = &presets[0];
    let aurora = ReplicasConfig {
        engine: Engine::AuroraMysql,
        ..raw.config.clone()
    };
    assert!(raw.check(&aurora, &simulate(&aurora).unwrap()).passed);
    // Sending the reads to the writer fixes staleness but fails the writer-load condition.
    let writer = ReplicasConfig {
        read_after_write_on_primary: true,
        ..raw.config.clone()
    };
    let check = raw.check(&writer, &simulate(&writer).unwrap());
    assert_eq!(
        check.failed().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["reads_on_primary_pct"]
    );

    let failover = &presets[1];
    for fix in [
        ReplicasConfig {
            multi_az: true,
            ..failover.config.clone()
        },
        ReplicasConfig {
            engine: Engine::AuroraMysql,
            ..failover.config.clone()
        },
    ] {
        let check = failover.check(&fix, &simulate(&fix).unwrap());
        assert!(check.passed, "{fix:?}: {check:#?}");
    }
    let shipped = simulate(&failover.config).unwrap();
    let check = failover.check(&failover.config, &shipped);
    assert_eq!(
        check.failed().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["writes_lost", "downtime_s"]
    );
}

/// Per replica: reads are spread over the replicas in turn and add up; a read replica promoted
/// by hand is replica 1, marked promoted; its lag and stale reads come from the same draws.
#[test]
fn per_replica_reads_add_up_and_the_promoted_one_is_marked() {
    let r = simulate(&failing(Engine::RdsMysql, 3, false, 7)).unwrap();
    assert!(!r.multi_az);
    assert_eq!(r.per_replica.len(), 3);
    let reads: u64 = r.per_replica.iter().map(|x| x.reads).sum();
    assert_eq!(reads, r.reads - r.reads_on_primary);
    let stale: u64 = r.per_replica.iter().map(|x| x.stale_reads).sum();
    assert_eq!(stale, r.stale_reads);
    assert_eq!(r.promoted, Some(Promoted::ReadReplica));
    assert!(r.per_replica[0].promoted);
    assert!(r.per_replica[1..].iter().all(|x| !x.promoted));
    // After it took over, the other two served more reads than it did.
    assert!(r.per_replica[1].reads > r.per_replica[0].reads);
    for x in &r.per_replica {
        let lag = f64::from(r.replica_lag_ms);
        assert!(
            x.mean_lag_ms >= lag * 0.5 && x.mean_lag_ms <= lag * 1.5,
            "{x:?}"
        );
    }
    // Multi-AZ: the standby takes over, no replica is promoted.
    let r = simulate(&failing(Engine::RdsMysql, 2, true, 7)).unwrap();
    assert!(r.multi_az);
    assert_eq!(r.promoted, Some(Promoted::Standby));
    assert!(r.per_replica.iter().all(|x| !x.promoted));
}
