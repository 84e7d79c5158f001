//! Read replicas and failover: asynchronous replicas serve eventually consistent reads; when the
//! primary fails, a Multi-AZ standby (synchronous) or an Aurora Replica takes over without losing
//! a committed write, while promoting an asynchronous RDS read replica loses what its lag held.
//!
//! Writes and reads arrive evenly spaced. A write picks a random key (seeded). Reads go to the
//! replicas (round robin, as through a reader endpoint) when there are any, else to the primary;
//! a replica serves a key stale when the key's last write is younger than the replica's lag (each
//! read draws the lag between half and one and a half times `replica_lag_ms`). With
//! `read_after_write`, each read asks for the key written most recently at least
//! `read_delay_ms` earlier (a user reloading the page after saving), which is what replica lag
//! breaks first; `read_after_write_on_primary` sends those reads to the writer instead.
//!
//! When the primary fails at `fail_primary_at`:
//! - RDS with Multi-AZ: the synchronous standby is promoted; AWS says failover typically takes
//!   60-120 s; no committed write is lost.
//! - Aurora with replicas: an Aurora Replica is promoted, typically in under 60 s and often under
//!   30 s; the cluster volume is shared, so no committed write is lost.
//! - Aurora without replicas: Aurora creates a new primary, typically in under 10 minutes.
//! - RDS without Multi-AZ but with read replicas: nothing fails over by itself. Someone promotes a
//!   replica (`manual_promotion_s`, an assumption); the writes its lag had not applied are lost.
//! - RDS with neither: the database is down for the rest of the run (the model does not guess how
//!   long replacing the instance takes).
//!
//! The drawn failover times stay inside the ranges AWS states; the trail says which range. The
//! model is pure: the same config always gives the same result.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::Explanation;
use crate::challenge::{self, PresetError};
use crate::sessions::group;

/// Where each page was read.
pub mod sources {
    /// RDS API: each DB instance can have up to 15 read replicas, Oracle and SQL Server 5, Db2 3.
    pub const RDS_REPLICA_LIMITS: &str = "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-read-replica-request/source-db-instance-identifier.html";
    /// RDS for MySQL: up to 15 read replicas from one DB instance in the same Region.
    pub const MYSQL_REPLICAS: &str = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_MySQL.Replication.ReadReplicas";
    /// Multi-AZ DB instance failover: typically 60-120 seconds.
    pub const MULTI_AZ_FAILOVER: &str =
        "https://docs.amazonaws.cn/en_us/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.Failover.md";
    /// Multi-AZ DB instance: a synchronous standby in another Availability Zone.
    pub const MULTI_AZ: &str = "https://docs.amazonaws.cn/en_us/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.md";
    /// Aurora: up to 15 Aurora Replicas, asynchronous; failover promotes one; times by case.
    pub const AURORA_HA: &str = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html";
    /// Aurora replication: replica lag usually well under 100 ms.
    pub const AURORA_REPLICATION: &str =
        "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Replication.html";
}

/// Longest run, seconds.
pub const MAX_DURATION_S: u32 = 3_600;
/// Most reads plus writes in one run.
pub const MAX_EVENTS: f64 = 20_000_000.0;

/// The database engine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    /// RDS for MySQL.
    RdsMysql,
    /// RDS for PostgreSQL.
    RdsPostgres,
    /// RDS for Oracle.
    RdsOracle,
    /// Aurora MySQL-Compatible Edition.
    AuroraMysql,
    /// Aurora PostgreSQL-Compatible Edition.
    AuroraPostgres,
}

impl Engine {
    /// The CLI and preset name.
    pub fn name(self) -> &'static str {
        match self {
            Self::RdsMysql => "rds-mysql",
            Self::RdsPostgres => "rds-postgres",
            Self::RdsOracle => "rds-oracle",
            Self::AuroraMysql => "aurora-mysql",
            Self::AuroraPostgres => "aurora-postgres",
        }
    }

    /// Whether this is an Aurora cluster.
    pub fn is_aurora(self) -> bool {
        matches!(self, Self::AuroraMysql | Self::AuroraPostgres)
    }

    /// Most replicas AWS allows today, and the page that says so.
    pub fn replica_limit(self) -> (u32, &'static str) {
        match self {
            Self::RdsMysql => (15, sources::MYSQL_REPLICAS),
            Self::RdsPostgres => (15, sources::RDS_REPLICA_LIMITS),
            Self::RdsOracle => (5, sources::RDS_REPLICA_LIMITS),
            Self::AuroraMysql | Self::AuroraPostgres => (15, sources::AURORA_HA),
        }
    }

    /// The replica lag the model assumes when none is given, ms: Aurora 20 (AWS: usually well
    /// under 100 ms), RDS 500 (an assumption: binlog/WAL replication lag depends on the load).
    pub fn default_lag_ms(self) -> u32 {
        if self.is_aurora() { 20 } else { 500 }
    }
}

/// The inputs: CLI flags and preset `[config]` tables use the same names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReplicasConfig {
    /// The engine.
    pub engine: Engine,
    /// Read replicas (Aurora Replicas for Aurora).
    pub replicas: u32,
    /// RDS Multi-AZ (a synchronous standby); for Aurora, replicas in other AZs are the standby.
    pub multi_az: bool,
    /// Mean replica lag, ms (none = the engine's default).
    pub replica_lag_ms: Option<u32>,
    /// Writes per second.
    pub writes_per_second: f64,
    /// Reads per second.
    pub reads_per_second: f64,
    /// Each read asks for the latest write (read-your-writes).
    pub read_after_write: bool,
    /// With `read_after_write`: send those reads to the writer instead of a replica.
    pub read_after_write_on_primary: bool,
    /// How long after a write its reader asks for it, ms (an assumption).
    pub read_delay_ms: u32,
    /// Distinct keys written and read.
    pub keys: u32,
    /// Second at which the primary fails, if any.
    pub fail_primary_at: Option<u32>,
    /// RDS without Multi-AZ: seconds until someone promotes a read replica (an assumption).
    pub manual_promotion_s: u32,
    /// Simulated seconds.
    pub duration_s: u32,
    /// Random seed (same seed, same result).
    pub seed: u64,
}

impl Default for ReplicasConfig {
    fn default() -> Self {
        Self {
            engine: Engine::RdsMysql,
            replicas: 1,
            multi_az: false,
            replica_lag_ms: None,
            writes_per_second: 20.0,
            reads_per_second: 100.0,
            read_after_write: false,
            read_after_write_on_primary: false,
            read_delay_ms: 100,
            keys: 1_000,
            fail_primary_at: None,
            manual_promotion_s: 300,
            duration_s: 300,
            seed: 1,
        }
    }
}

/// A setting outside what AWS or the model allows (Korean, then English, naming the limit).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ReplicasError {
    /// More replicas than the engine allows.
    #[error(
        "{engine}의 읽기 복제본은 최대 {limit}개예요 ({replicas}개 요청) / {engine} allows at most {limit} replicas ({replicas} requested) ({source_of})"
    )]
    TooManyReplicas {
        /// The engine name.
        engine: &'static str,
        /// The requested number.
        replicas: u32,
        /// The limit.
        limit: u32,
        /// Where AWS documents it.
        source_of: &'static str,
    },
    /// A number outside its range.
    #[error(
        "{name} 값 {value}: 허용 범위 {range} 밖이에요 / {name} {value} is outside {range} ({source_of})"
    )]
    Range {
        /// The flag.
        name: &'static str,
        /// The rejected value.
        value: String,
        /// The allowed range.
        range: String,
        /// Where the limit comes from.
        source_of: &'static str,
    },
}

const MODEL_LIMIT: &str = "모델 한도 / model limit";

impl ReplicasConfig {
    /// The replica lag in effect, ms.
    pub fn lag_ms(&self) -> u32 {
        self.replica_lag_ms
            .unwrap_or_else(|| self.engine.default_lag_ms())
    }

    /// Checks every setting.
    pub fn validate(&self) -> Result<(), ReplicasError> {
        let (limit, source_of) = self.engine.replica_limit();
        if self.replicas > limit {
            return Err(ReplicasError::TooManyReplicas {
                engine: self.engine.name(),
                replicas: self.replicas,
                limit,
                source_of,
            });
        }
        let range = |name, value: String, range: &str, source_of| ReplicasError::Range {
            name,
            value,
            range: range.to_owned(),
            source_of,
        };
        if !(1..=MAX_DURATION_S).contains(&self.duration_s) {
            return Err(range(
                "--duration",
                self.duration_s.to_string(),
                "1-3600",
                MODEL_LIMIT,
            ));
        }
        for (name, v) in [
            ("--writes-per-second", self.writes_per_second),
            ("--reads-per-second", self.reads_per_second),
        ] {
            if !(v.is_finite() && (0.0..=100_000.0).contains(&v)) {
                return Err(range(name, v.to_string(), "0-100000", MODEL_LIMIT));
            }
        }
        let events = (self.reads_per_second + self.writes_per_second) * f64::from(self.duration_s);
        if events > MAX_EVENTS {
            return Err(range(
                "(--reads-per-second + --writes-per-second) x --duration",
                format!("{events:.0}"),
                "0-20000000",
                MODEL_LIMIT,
            ));
        }
        if self.lag_ms() > 3_600_000 {
            return Err(range(
                "--replica-lag-ms",
                self.lag_ms().to_string(),
                "0-3600000",
                MODEL_LIMIT,
            ));
        }
        if !(1..=1_000_000).contains(&self.keys) {
            return Err(range(
                "--keys",
                self.keys.to_string(),
                "1-1000000",
                MODEL_LIMIT,
            ));
        }
        if self.read_delay_ms > 60_000 {
            return Err(range(
                "--read-delay-ms",
                self.read_delay_ms.to_string(),
                "0-60000",
                MODEL_LIMIT,
            ));
        }
        if !(1..=3_600).contains(&self.manual_promotion_s) {
            return Err(range(
                "--manual-promotion-s",
                self.manual_promotion_s.to_string(),
                "1-3600",
                MODEL_LIMIT,
            ));
        }
        if let Some(at) = self.fail_primary_at
            && at > self.duration_s
        {
            return Err(range(
                "--fail-primary-at",
                at.to_string(),
                &format!("0-{}", self.duration_s),
                "--duration",
            ));
        }
        Ok(())
    }
}

/// What took over after the primary failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Promoted {
    /// The Multi-AZ standby.
    Standby,
    /// An Aurora Replica.
    AuroraReplica,
    /// A new instance Aurora created.
    NewInstance,
    /// An RDS read replica, promoted by hand.
    ReadReplica,
}

/// One second of the run, for charts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReplicaSecond {
    /// Second from the start.
    pub t_s: u32,
    /// Reads served.
    pub reads: u32,
    /// Reads that returned an older version.
    pub stale_reads: u32,
    /// Writes committed.
    pub writes: u32,
    /// Writes refused while there was no primary.
    pub writes_failed: u32,
    /// Whether a primary accepted writes during the whole second.
    pub primary_up: bool,
}

/// What happened. Field names are the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplicasResult {
    /// The engine.
    pub engine: Engine,
    /// Reads that returned an older version than the primary had.
    pub stale_reads: u64,
    /// `stale_reads` as a percentage of reads served.
    pub stale_read_pct: f64,
    /// Seconds from the failure until a primary accepted writes again (none: no failure, or
    /// nothing took over within the run).
    pub failover_s: Option<f64>,
    /// Committed writes lost in the failover (acknowledged, then gone).
    pub writes_lost: u64,
    /// Seconds without a primary accepting writes.
    pub downtime_s: f64,
    /// What took over (none: no failure, or nothing took over).
    pub promoted: Option<Promoted>,
    /// Reads served.
    pub reads: u64,
    /// Reads served by the primary.
    pub reads_on_primary: u64,
    /// `reads_on_primary` as a percentage of reads served.
    pub reads_on_primary_pct: f64,
    /// Reads refused (no primary and no replica to serve them).
    pub reads_failed: u64,
    /// Writes committed.
    pub writes: u64,
    /// Writes refused while there was no primary.
    pub writes_failed: u64,
    /// The replica lag in effect, ms.
    pub replica_lag_ms: u32,
    /// The engine's replica limit.
    pub replica_limit: u32,
    /// Per second, for charts.
    pub timeline: Vec<ReplicaSecond>,
    /// Which rule produced which number.
    pub explanation: Vec<Explanation>,
    /// Whether the primary had a Multi-AZ standby.
    pub multi_az: bool,
    /// Each read replica, in order. Reads that go to a replica are spread over the replicas
    /// serving at that moment in turn; a replica promoted by hand (replica 1) serves no more
    /// reads after it takes over.
    pub per_replica: Vec<ReplicaOutcome>,
}

/// One read replica's part in the run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReplicaOutcome {
    /// Replica number, from 1.
    pub replica: u32,
    /// Reads it served.
    pub reads: u64,
    /// Of them, reads that returned an older version.
    pub stale_reads: u64,
    /// Mean lag of the reads it served, ms (each read's lag is drawn around the replica lag).
    pub mean_lag_ms: f64,
    /// Whether it took over as the primary after the failure.
    pub promoted: bool,
}

/// Runs the model (the config is validated first).
pub fn simulate(cfg: &ReplicasConfig) -> Result<ReplicasResult, ReplicasError> {
    cfg.validate()?;
    let mut failover_rng = ChaCha8Rng::seed_from_u64(cfg.seed ^ 0x4641_494C);
    let mut write_rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut read_rng = ChaCha8Rng::seed_from_u64(cfg.seed ^ 0x5245_4144);
    let lag = f64::from(cfg.lag_ms()) / 1000.0;
    let duration = f64::from(cfg.duration_s);
    let fail_at = cfg.fail_primary_at.map(f64::from);

    // Who takes over and after how long (None: nobody within the run).
    let (promoted, takeover_s) = if fail_at.is_none() {
        (None, None)
    } else {
        let u = failover_rng.random::<f64>();
        let v = failover_rng.random::<f64>();
        if cfg.engine.is_aurora() {
            if cfg.replicas > 0 {
                // Under 60 s, usually under 30 s: the smaller of two draws in 10-60 s.
                (Some(Promoted::AuroraReplica), Some(10.0 + 50.0 * u.min(v)))
            } else {
                (Some(Promoted::NewInstance), Some(60.0 + 540.0 * u))
            }
        } else if cfg.multi_az {
            (Some(Promoted::Standby), Some(60.0 + 60.0 * u))
        } else if cfg.replicas > 0 {
            (
                Some(Promoted::ReadReplica),
                Some(f64::from(cfg.manual_promotion_s)),
            )
        } else {
            (None, None)
        }
    };
    let takeover_s = takeover_s.map(|s| (s * 10.0).round() / 10.0);
    let down_until = fail_at.map(|f| takeover_s.map_or(f64::INFINITY, |s| f + s));
    let primary_up = |t: f64| match (fail_at, down_until) {
        (Some(f), Some(u)) => t < f || t >= u,
        _ => true,
    };
    // Lag of the replica that is promoted by hand, at the failure.
    let promoted_lag = lag * (0.5 + failover_rng.random::<f64>());

    let n_writes = (cfg.writes_per_second * duration).floor() as u64;
    let n_reads = (cfg.reads_per_second * duration).floor() as u64;
    let write_at = |j: u64| (j as f64 + 0.5) / cfg.writes_per_second;
    let read_at = |i: u64| i as f64 / cfg.reads_per_second;

    let mut last_write = vec![f64::NEG_INFINITY; cfg.keys as usize];
    // Committed writes as (time, key), for read-after-write lookups and the lost-write count.
    let mut log: Vec<(f64, u32)> = Vec::new();
    let mut timeline: Vec<ReplicaSecond> = (0..cfg.duration_s)
        .map(|t_s| ReplicaSecond {
            t_s,
            reads: 0,
            stale_reads: 0,
            writes: 0,
            writes_failed: 0,
            primary_up: primary_up(f64::from(t_s)) && primary_up(f64::from(t_s) + 0.999),
        })
        .collect();
    let mut r = ReplicasResult {
        engine: cfg.engine,
        stale_reads: 0,
        stale_read_pct: 0.0,
        failover_s: None,
        writes_lost: 0,
        downtime_s: 0.0,
        promoted: None,
        reads: 0,
        reads_on_primary: 0,
        reads_on_primary_pct: 0.0,
        reads_failed: 0,
        writes: 0,
        writes_failed: 0,
        replica_lag_ms: cfg.lag_ms(),
        replica_limit: cfg.engine.replica_limit().0,
        timeline: Vec::new(),
        explanation: Vec::new(),
        multi_az: cfg.multi_az,
        per_replica: (1..=cfg.replicas)
            .map(|replica| ReplicaOutcome {
                replica,
                reads: 0,
                stale_reads: 0,
                mean_lag_ms: 0.0,
                promoted: false,
            })
            .collect(),
    };
    // Sum of the lag drawn for each replica's reads, seconds; and the turn for the next read.
    let mut lag_sum = vec![0.0_f64; cfg.replicas as usize];
    let mut turn = 0usize;
    // After a hand-promoted read replica takes over, one replica fewer serves reads.
    let replicas_after = if promoted == Some(Promoted::ReadReplica) {
        cfg.replicas - 1
    } else {
        cfg.replicas
    };
    let mut lost_counted = false;
    let (mut reads_done, mut writes_done) = (0u64, 0u64);
    loop {
        let next_read = (reads_done < n_reads).then(|| read_at(reads_done));
        let next_write = (writes_done < n_writes).then(|| write_at(writes_done));
        let (t, is_read) = match (next_read, next_write) {
            (None, None) => break,
            (Some(rd), Some(w)) if w < rd => (w, false),
            (Some(rd), _) => (rd, true),
            (None, Some(w)) => (w, false),
        };
        let second = (t as usize).min(timeline.len() - 1);
        if let Some(f) = fail_at
            && !lost_counted
            && t >= f
        {
            lost_counted = true;
            if promoted == Some(Promoted::ReadReplica) {
                // Writes the promoted replica had not applied yet are gone.
                let lost = log.iter().filter(|(w, _)| *w > f - promoted_lag).count();
                r.writes_lost = lost as u64;
                for &(_, k) in &log[log.len() - lost..] {
                    last_write[k as usize] = f64::NEG_INFINITY;
                }
                log.truncate(log.len() - lost);
                // Keys whose lost write was their latest fall back to their previous write.
                for &(w, k) in &log {
                    if w > last_write[k as usize] {
                        last_write[k as usize] = w;
                    }
                }
            }
        }
        if is_read {
            reads_done += 1;
            let (key, asked_at) = if cfg.read_after_write {
                // The latest write at least read_delay_ms old (a user reloading after saving).
                let cutoff = t - f64::from(cfg.read_delay_ms) / 1000.0;
                let idx = log.partition_point(|(w, _)| *w <= cutoff);
                match idx.checked_sub(1).map(|x| log[x]) {
                    Some((_, latest)) => (latest, t),
                    None => (read_rng.random_range(0..cfg.keys), t),
                }
            } else {
                (read_rng.random_range(0..cfg.keys), t)
            };
            // A replica promoted by hand is a replica no more.
            let replicas_now = if down_until.is_some_and(|u| t >= u) {
                replicas_after
            } else {
                cfg.replicas
            };
            let to_primary =
                replicas_now == 0 || (cfg.read_after_write && cfg.read_after_write_on_primary);
            if to_primary {
                if primary_up(t) {
                    r.reads += 1;
                    r.reads_on_primary += 1;
                    timeline[second].reads += 1;
                } else {
                    r.reads_failed += 1;
                }
            } else {
                r.reads += 1;
                timeline[second].reads += 1;
                let replica_lag = lag * (0.5 + read_rng.random::<f64>());
                let age = asked_at - last_write[key as usize];
                // The serving replica, in turn; a hand-promoted replica 1 serves reads no more.
                let first = (cfg.replicas - replicas_now) as usize;
                let which = first + turn % (replicas_now as usize);
                turn = turn.wrapping_add(1);
                r.per_replica[which].reads += 1;
                lag_sum[which] += replica_lag;
                if age < replica_lag {
                    r.stale_reads += 1;
                    timeline[second].stale_reads += 1;
                    r.per_replica[which].stale_reads += 1;
                }
            }
        } else {
            writes_done += 1;
            let key = write_rng.random_range(0..cfg.keys);
            if primary_up(t) {
                r.writes += 1;
                timeline[second].writes += 1;
                last_write[key as usize] = t;
                log.push((t, key));
            } else {
                r.writes_failed += 1;
                timeline[second].writes_failed += 1;
            }
        }
    }
    if let Some(f) = fail_at {
        let end = down_until.unwrap_or(f64::INFINITY).min(duration);
        r.downtime_s = ((end - f).max(0.0) * 10.0).round() / 10.0;
        r.promoted = promoted.filter(|_| takeover_s.is_some_and(|s| f + s <= duration));
        r.failover_s = takeover_s.filter(|s| f + s <= duration);
    }
    r.writes -= r.writes_lost.min(r.writes);
    for (rep, sum) in r.per_replica.iter_mut().zip(&lag_sum) {
        if rep.reads > 0 {
            rep.mean_lag_ms = (sum * 1000.0 / rep.reads as f64 * 10.0).round() / 10.0;
        }
    }
    if matches!(
        r.promoted,
        Some(Promoted::ReadReplica | Promoted::AuroraReplica)
    ) && let Some(first) = r.per_replica.first_mut()
    {
        first.promoted = true;
    }
    let pct = |n: u64, d: u64| {
        if d == 0 {
            0.0
        } else {
            ((n as f64 * 100.0 / d as f64) * 100.0).round() / 100.0
        }
    };
    r.stale_read_pct = pct(r.stale_reads, r.reads);
    r.reads_on_primary_pct = pct(r.reads_on_primary, r.reads);
    r.timeline = timeline;
    r.explanation = explain(cfg, &r, takeover_s);
    Ok(r)
}

fn line(rule: &str, ko: String, en: String, source: Option<&str>) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: source.map(str::to_owned),
    }
}

fn explain(cfg: &ReplicasConfig, r: &ReplicasResult, takeover_s: Option<f64>) -> Vec<Explanation> {
    let mut out = Vec::new();
    let (limit, limit_src) = cfg.engine.replica_limit();
    let aurora = cfg.engine.is_aurora();
    out.push(line(
        "replicas.limit",
        format!(
            "{}의 복제본은 최대 {limit}개예요(지금 {}개).",
            cfg.engine.name(),
            cfg.replicas
        ),
        format!(
            "{} allows up to {limit} replicas ({} here).",
            cfg.engine.name(),
            cfg.replicas
        ),
        Some(limit_src),
    ));
    if matches!(cfg.engine, Engine::RdsMysql | Engine::RdsPostgres) && cfg.replicas > 5 {
        out.push(line(
            "replicas.limit.notes",
            "노트의 '최대 5개'는 예전 한도예요: 지금 RDS for MySQL·MariaDB·PostgreSQL은 15개까지 돼요.".to_owned(),
            "The notes' 'at most 5' is the old limit: RDS for MySQL, MariaDB and PostgreSQL now allow 15.".to_owned(),
            Some(sources::RDS_REPLICA_LIMITS),
        ));
    }
    if cfg.replicas > 0 {
        let (ko_tail, en_tail) = if cfg.read_after_write && cfg.read_after_write_on_primary {
            (
                "방금 쓴 값을 읽는 요청은 쓰기 인스턴스로 보내서 오래된 값을 피해요.".to_owned(),
                "Reads of what was just written go to the writer, which avoids stale values."
                    .to_owned(),
            )
        } else if cfg.read_after_write {
            (
                format!(
                    "쓰고 {}ms 뒤에 방금 쓴 값을 읽어요: 지연보다 빠른 읽기는 옛 값을 받아요.",
                    cfg.read_delay_ms
                ),
                format!(
                    "Each read asks for a write made {} ms earlier: a read faster than the lag gets the old value.",
                    cfg.read_delay_ms
                ),
            )
        } else {
            (String::new(), String::new())
        };
        out.push(line(
            "replicas.async",
            format!(
                "복제본은 비동기로 따라와요(복제 지연 약 {}ms). 복제본에서 읽은 {}번 중 {}번({:.2}%)이 오래된 값이었어요. {ko_tail}",
                group(u64::from(cfg.lag_ms())),
                group(r.reads - r.reads_on_primary),
                group(r.stale_reads),
                r.stale_read_pct
            )
            .trim_end()
            .to_owned(),
            format!(
                "Replicas follow asynchronously (replica lag about {} ms). Of {} reads served by replicas, {} ({:.2}%) were stale. {en_tail}",
                group(u64::from(cfg.lag_ms())),
                group(r.reads - r.reads_on_primary),
                group(r.stale_reads),
                r.stale_read_pct
            )
            .trim_end()
            .to_owned(),
            Some(if aurora { sources::AURORA_REPLICATION } else { sources::MYSQL_REPLICAS }),
        ));
    } else {
        out.push(line(
            "replicas.none",
            "복제본이 없어서 모든 읽기가 쓰기 인스턴스로 가요: 오래된 값은 없지만 읽기도 쓰기 인스턴스의 몫이에요.".to_owned(),
            "With no replicas every read goes to the writer: nothing is stale, but the writer carries the reads too.".to_owned(),
            None,
        ));
    }
    if aurora && cfg.multi_az {
        out.push(line(
            "replicas.aurora.multi-az",
            "Aurora에는 따로 대기 인스턴스가 없어요: 다른 AZ의 Aurora 복제본이 대기 역할을 하고, 저장소는 늘 3개 AZ에 6벌이에요.".to_owned(),
            "Aurora has no separate standby: an Aurora Replica in another AZ plays that part, and storage always keeps six copies across three AZs.".to_owned(),
            Some(sources::AURORA_HA),
        ));
    }
    if let Some(at) = cfg.fail_primary_at {
        let t = takeover_s.unwrap_or(0.0);
        let (rule, ko, en, src) = match r.promoted {
            Some(Promoted::Standby) => (
                "replicas.failover.multi-az",
                format!(
                    "{at}초에 기본 인스턴스가 멈췄어요. 동기식 대기 인스턴스가 승격돼 같은 DNS 이름으로 {t:.1}초 뒤 돌아왔어요(AWS: 보통 60-120초). 동기식 복제라 커밋된 쓰기는 하나도 잃지 않아요."
                ),
                format!(
                    "At {at} s the primary failed. The synchronous standby was promoted and came back under the same DNS name after {t:.1} s (AWS: typically 60-120 s). Replication is synchronous, so no committed write is lost."
                ),
                sources::MULTI_AZ_FAILOVER,
            ),
            Some(Promoted::AuroraReplica) => (
                "replicas.failover.aurora",
                format!(
                    "{at}초에 쓰기 인스턴스가 멈췄어요. Aurora 복제본 하나가 {t:.1}초 만에 승격됐어요(AWS: 보통 60초 미만, 흔히 30초 미만). 저장소를 함께 쓰니 커밋된 쓰기는 잃지 않아요."
                ),
                format!(
                    "At {at} s the writer failed. An Aurora Replica was promoted in {t:.1} s (AWS: typically under 60 s, often under 30 s). The storage is shared, so no committed write is lost."
                ),
                sources::AURORA_HA,
            ),
            Some(Promoted::NewInstance) => (
                "replicas.failover.aurora-new",
                format!(
                    "{at}초에 쓰기 인스턴스가 멈췄는데 복제본이 없어요. Aurora가 새 인스턴스를 만들어 {t:.1}초 뒤 돌아왔어요(AWS: 보통 10분 미만). 데이터는 저장소에 남아 있어요."
                ),
                format!(
                    "At {at} s the writer failed and there is no replica. Aurora created a new instance, back after {t:.1} s (AWS: typically under 10 minutes). The data stays in the cluster volume."
                ),
                sources::AURORA_HA,
            ),
            Some(Promoted::ReadReplica) => (
                "replicas.failover.manual",
                format!(
                    "{at}초에 기본 인스턴스가 멈췄어요. Multi-AZ가 아니라 자동 장애 조치가 없어서 {t:.0}초 뒤 누군가 읽기 복제본을 승격했어요(가정). 비동기 복제라 그 복제본이 아직 받지 못한 쓰기 {}건을 잃었어요.",
                    group(r.writes_lost)
                ),
                format!(
                    "At {at} s the primary failed. Without Multi-AZ nothing fails over by itself; after {t:.0} s someone promoted a read replica (an assumption). Replication is asynchronous, so the {} writes that replica had not received are lost.",
                    group(r.writes_lost)
                ),
                sources::MYSQL_REPLICAS,
            ),
            None => (
                "replicas.failover.none",
                format!(
                    "{at}초에 기본 인스턴스가 멈췄어요. 대기 인스턴스도 복제본도 없어서(또는 시간 안에 돌아오지 못해서) 남은 {:.0}초 동안 쓸 수 없었어요: 거절된 쓰기 {}건.",
                    r.downtime_s,
                    group(r.writes_failed)
                ),
                format!(
                    "At {at} s the primary failed. With no standby and no replica (or no takeover within the run), writes were impossible for the remaining {:.0} s: {} writes refused.",
                    r.downtime_s,
                    group(r.writes_failed)
                ),
                sources::MULTI_AZ,
            ),
        };
        out.push(line(rule, ko, en, Some(src)));
        out.push(line(
            "replicas.downtime",
            format!(
                "쓰기가 안 된 시간 {:.1}초, 거절된 쓰기 {}건, 잃은 쓰기 {}건.",
                r.downtime_s,
                group(r.writes_failed),
                group(r.writes_lost)
            ),
            format!(
                "{:.1} s without writes, {} writes refused, {} writes lost.",
                r.downtime_s,
                group(r.writes_failed),
                group(r.writes_lost)
            ),
            None,
        ));
    }
    out.push(line(
        "replicas.assumptions",
        format!(
            "가정: 쓰기와 읽기는 고르게 나뉘어 들어오고, 읽기마다 복제 지연은 평균의 0.5-1.5배예요. 장애 조치 시간은 AWS가 말하는 범위 안에서 시드로 뽑아요. 손으로 승격하는 데 {}초가 걸린다고 봤어요.",
            cfg.manual_promotion_s
        ),
        format!(
            "Assumptions: writes and reads arrive evenly spaced, and each read sees a lag of 0.5-1.5 times the mean. Failover times are drawn from the seed within the ranges AWS gives. Promoting by hand takes {} s.",
            cfg.manual_promotion_s
        ),
        None,
    ));
    out
}

/// A replicas preset.
pub type Preset = challenge::Preset<ReplicasConfig>;

const FILES: [(&str, &str); 2] = [
    (
        "replicas-read-after-write.toml",
        include_str!("../scenarios/replicas-read-after-write.toml"),
    ),
    (
        "replicas-failover.toml",
        include_str!("../scenarios/replicas-failover.toml"),
    ),
];

/// Parses one replicas preset file.
pub fn parse_preset(file: &str, text: &str) -> Result<Preset, PresetError> {
    Preset::parse_for(file, text, simulate)
}

/// All embedded replicas presets, or the first broken one.
pub fn presets() -> Result<Vec<Preset>, PresetError> {
    Preset::load_all(&FILES, simulate)
}
impl crate::Localize for ReplicasError {
    fn localize(&self, en: bool) -> String {
        crate::lang::pick(&self.to_string(), en)
    }
}
