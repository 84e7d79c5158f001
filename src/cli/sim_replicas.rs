//! `gureum sim replicas`: read replicas (asynchronous, eventually consistent reads), Multi-AZ and
//! Aurora failover.
//!
//! `--json` prints the model's result: `stale_reads`, `failover_s`, `writes_lost`, `downtime_s`,
//! `promoted`, `explanation` and more; with `--scenario`, also `challenge`. `--replicas` beyond
//! the engine's documented limit (15; RDS for Oracle 5) exits 2 naming the limit and its page.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use simulations::replicas::{self, Engine, Promoted};

use super::sim_common::{SimArgs, count, count_pct, finish, number, set};
use gureum::strings::Lang;

/// The engine (`--engine`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EngineArg {
    /// RDS for MySQL (복제본 최대 15개)
    RdsMysql,
    /// RDS for PostgreSQL (최대 15개)
    RdsPostgres,
    /// RDS for Oracle (최대 5개)
    RdsOracle,
    /// Aurora MySQL (Aurora 복제본 최대 15개)
    AuroraMysql,
    /// Aurora PostgreSQL (최대 15개)
    AuroraPostgres,
}

/// Arguments of `gureum sim replicas`.
#[derive(Debug, Args)]
#[command(
    mut_arg("duration", |a| a.help("시뮬레이션할 시간(초, 기본 300)")),
    mut_arg("scenario", |a| a.help("시나리오 TOML 파일, 또는 내장 프리셋 이름(예: `replicas-failover`)"))
)]
pub struct ReplicasArgs {
    /// DB 엔진
    #[arg(long, value_enum)]
    engine: Option<EngineArg>,
    /// 읽기 복제본 수 (엔진의 한도까지)
    #[arg(long, value_name = "N")]
    replicas: Option<u32>,
    /// RDS Multi-AZ (동기식 대기 인스턴스)
    #[arg(long = "multi-az")]
    multi_az: bool,
    /// 평균 복제 지연(ms, 기본: Aurora 20, RDS 500)
    #[arg(long = "replica-lag-ms", value_name = "L")]
    replica_lag_ms: Option<u32>,
    /// 초당 쓰기 수 (기본 20)
    #[arg(long = "writes-per-second", value_name = "W")]
    writes_per_second: Option<f64>,
    /// 초당 읽기 수 (기본 100)
    #[arg(long = "reads-per-second", value_name = "R")]
    reads_per_second: Option<f64>,
    /// 읽기마다 방금 쓴 값을 읽어요 (쓰고 --read-delay-ms 뒤)
    #[arg(long = "read-after-write")]
    read_after_write: bool,
    /// 방금 쓴 값을 읽는 요청은 쓰기 인스턴스로 보내요
    #[arg(long = "read-after-write-on-primary")]
    read_after_write_on_primary: bool,
    /// 쓰고 나서 다시 읽기까지(ms, 가정값, 기본 100)
    #[arg(long = "read-delay-ms", value_name = "MS")]
    read_delay_ms: Option<u32>,
    /// 키 수 (기본 1,000)
    #[arg(long, value_name = "K")]
    keys: Option<u32>,
    /// 기본 인스턴스가 멈추는 시각(초)
    #[arg(long = "fail-primary-at", value_name = "S")]
    fail_primary_at: Option<u32>,
    /// Multi-AZ가 아닌 RDS에서 복제본을 손으로 승격하기까지(초, 가정값, 기본 300)
    #[arg(long = "manual-promotion-s", value_name = "S")]
    manual_promotion_s: Option<u32>,
    /// `--duration`, `--scenario`, `--seed`, `--json`.
    #[command(flatten)]
    sim: SimArgs,
}

/// Runs `gureum sim replicas`.
pub fn run(args: &ReplicasArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let (preset, mut c) = match args.sim.scenario(replicas::presets, replicas::parse_preset) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    args.sim.set_run(&mut c.duration_s, &mut c.seed);
    if let Some(e) = args.engine {
        c.engine = match e {
            EngineArg::RdsMysql => Engine::RdsMysql,
            EngineArg::RdsPostgres => Engine::RdsPostgres,
            EngineArg::RdsOracle => Engine::RdsOracle,
            EngineArg::AuroraMysql => Engine::AuroraMysql,
            EngineArg::AuroraPostgres => Engine::AuroraPostgres,
        };
    }
    c.multi_az |= args.multi_az;
    c.read_after_write |= args.read_after_write;
    c.read_after_write_on_primary |= args.read_after_write_on_primary;
    if args.replica_lag_ms.is_some() {
        c.replica_lag_ms = args.replica_lag_ms;
    }
    if args.fail_primary_at.is_some() {
        c.fail_primary_at = args.fail_primary_at;
    }
    set(&mut c.replicas, args.replicas);
    set(&mut c.writes_per_second, args.writes_per_second);
    set(&mut c.reads_per_second, args.reads_per_second);
    set(&mut c.read_delay_ms, args.read_delay_ms);
    set(&mut c.keys, args.keys);
    set(&mut c.manual_promotion_s, args.manual_promotion_s);
    let run = replicas::simulate(&c);
    finish(
        &args.sim,
        preset.as_ref(),
        &c,
        run,
        lang,
        |r| &r.explanation,
        |r| {
            let promoted = match r.promoted {
                None => lang.pick("없음", "none"),
                Some(Promoted::Standby) => lang.pick("Multi-AZ 대기 인스턴스", "Multi-AZ standby"),
                Some(Promoted::AuroraReplica) => lang.pick("Aurora 복제본", "Aurora Replica"),
                Some(Promoted::NewInstance) => lang.pick("새 인스턴스", "new instance"),
                Some(Promoted::ReadReplica) => {
                    lang.pick("읽기 복제본 (손으로)", "read replica (by hand)")
                }
            };
            let mut rows = vec![
                (
                    "엔진 / 복제본",
                    "engine / replicas",
                    format!(
                        "{} / {} ({} {})",
                        c.engine.name(),
                        c.replicas,
                        lang.pick("한도", "limit"),
                        r.replica_limit
                    ),
                ),
                (
                    "복제 지연",
                    "replica lag",
                    format!("{} ms", count(u64::from(r.replica_lag_ms))),
                ),
                (
                    "오래된 값",
                    "stale reads",
                    count_pct(r.stale_reads, r.stale_read_pct),
                ),
                (
                    "쓰기 인스턴스가 받은 읽기",
                    "reads on the writer",
                    count_pct(r.reads_on_primary, r.reads_on_primary_pct),
                ),
                ("쓰기", "writes", count(r.writes)),
            ];
            if c.fail_primary_at.is_some() {
                rows.push(("이어받은 것", "promoted", promoted.to_owned()));
                rows.push((
                    "장애 조치",
                    "failover",
                    r.failover_s
                        .map_or_else(|| "-".to_owned(), |s| format!("{} s", number(s))),
                ));
                rows.push((
                    "쓰기 중단",
                    "downtime",
                    format!("{} s", number(r.downtime_s)),
                ));
                rows.push(("잃은 쓰기", "writes lost", count(r.writes_lost)));
                rows.push(("거절된 쓰기", "writes refused", count(r.writes_failed)));
            }
            rows
        },
    )
}
