//! `gureum sim cache`: lazy loading against write-through, with TTLs, evictions and a node failure.
//!
//! `--json` prints the model's result: `hits`, `misses`, `hit_ratio`, `stale_reads`, `db_reads`,
//! `db_writes`, `cache_writes`, `unused_cache_writes`, `evictions`, `explanation` and more; with
//! `--scenario`, also `challenge`. Invalid settings exit 2 naming the limit.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use simulations::cache::{self, Strategy};

use super::sim_common::{SimArgs, count, count_pct, finish, number, set};
use gureum::strings::Lang;

/// How the cache is filled (`--strategy`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StrategyArg {
    /// 지연 로딩: 읽기 미스 때 채워요
    Lazy,
    /// 쓰기 시 기록: DB에 쓸 때마다 캐시에도 써요
    WriteThrough,
}

/// Arguments of `gureum sim cache`.
#[derive(Debug, Args)]
#[command(
    mut_arg("duration", |a| a.help("시뮬레이션할 시간(초, 기본 300)")),
    mut_arg("scenario", |a| a.help("시나리오 TOML 파일, 또는 내장 프리셋 이름(예: `cache-stale-prices`)"))
)]
pub struct CacheArgs {
    /// 캐시 전략
    #[arg(long, value_enum)]
    strategy: Option<StrategyArg>,
    /// 캐시 항목의 TTL(초)
    #[arg(long, value_name = "S")]
    ttl: Option<u32>,
    /// 쓰기 시 기록에서도 읽기 미스 때 캐시를 채워요 (두 전략을 함께)
    #[arg(long = "fill-on-miss")]
    fill_on_miss: bool,
    /// DB의 키 수 (1-1,000,000, 기본 1,000)
    #[arg(long, value_name = "K")]
    keys: Option<u32>,
    /// 키 인기의 지프 지수 (0 = 고르게, 기본 1)
    #[arg(long, value_name = "S")]
    zipf: Option<f64>,
    /// 초당 읽기 수 (기본 100)
    #[arg(long = "reads-per-second", value_name = "R")]
    reads_per_second: Option<f64>,
    /// 초당 쓰기 수 (기본 5)
    #[arg(long = "writes-per-second", value_name = "W")]
    writes_per_second: Option<f64>,
    /// 캐시에 들어가는 항목 수 (넘으면 가장 오래 안 쓴 항목을 내보내요)
    #[arg(long = "cache-items", value_name = "C")]
    cache_items: Option<u32>,
    /// 캐시 노드가 멈췄다가 빈 채로 돌아오는 시각(초)
    #[arg(long = "node-failure-at", value_name = "S")]
    node_failure_at: Option<u32>,
    /// `--duration`, `--scenario`, `--seed`, `--json`.
    #[command(flatten)]
    sim: SimArgs,
}

/// Runs `gureum sim cache`.
pub fn run(args: &CacheArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let (preset, mut c) = match args.sim.scenario(cache::presets, cache::parse_preset) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    args.sim.set_run(&mut c.duration_s, &mut c.seed);
    if let Some(s) = args.strategy {
        c.strategy = match s {
            StrategyArg::Lazy => Strategy::Lazy,
            StrategyArg::WriteThrough => Strategy::WriteThrough,
        };
    }
    if args.ttl.is_some() {
        c.ttl_s = args.ttl;
    }
    if args.fill_on_miss {
        c.fill_on_miss = true;
    }
    if args.cache_items.is_some() {
        c.cache_items = args.cache_items;
    }
    if args.node_failure_at.is_some() {
        c.node_failure_at = args.node_failure_at;
    }
    set(&mut c.keys, args.keys);
    set(&mut c.zipf, args.zipf);
    set(&mut c.reads_per_second, args.reads_per_second);
    set(&mut c.writes_per_second, args.writes_per_second);
    let run = cache::simulate(&c);
    finish(
        &args.sim,
        preset.as_ref(),
        &c,
        run,
        lang,
        |r| &r.explanation,
        |r| {
            let mut rows = vec![
                ("전략", "strategy", c.strategy.name().to_owned()),
                (
                    "읽기 / 쓰기",
                    "reads / writes",
                    format!("{} / {}", count(r.reads), count(r.writes)),
                ),
                (
                    "적중 / 미스",
                    "hits / misses",
                    format!("{} / {}", count(r.hits), count(r.misses)),
                ),
                (
                    "적중률",
                    "hit ratio",
                    format!("{}%", number(r.hit_ratio * 100.0)),
                ),
                (
                    "오래된 값",
                    "stale reads",
                    count_pct(r.stale_reads, r.stale_read_pct),
                ),
                (
                    "DB 읽기 / 쓰기",
                    "db reads / writes",
                    format!("{} / {}", count(r.db_reads), count(r.db_writes)),
                ),
                ("캐시 쓰기", "cache writes", count(r.cache_writes)),
                (
                    "읽히지 않은 캐시 쓰기",
                    "unused cache writes",
                    count(r.unused_cache_writes),
                ),
                (
                    "내보냄 / 만료",
                    "evictions / expirations",
                    format!("{} / {}", count(r.evictions), count(r.expirations)),
                ),
            ];
            if let Some(after) = r.hit_ratio_after_failure {
                rows.push((
                    "장애 뒤 적중률",
                    "hit ratio after failure",
                    format!("{}%", number(after * 100.0)),
                ));
            }
            rows
        },
    )
}
