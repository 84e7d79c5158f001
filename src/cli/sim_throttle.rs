//! `gureum sim throttle`: API Gateway's token buckets (account, stage, method, usage-plan key).
//!
//! `--json` prints the model's result: `requests`, `accepted`, `throttled`, `throttled_by` (per
//! level), `timeline`, `explanation` and more; with `--scenario`, also `challenge`. Without
//! `--rate`/`--burst` the account-level limits AWS documents apply (10,000 per second, bucket
//! 5,000). Invalid settings exit 2 naming the limit.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use std::process::ExitCode;

use clap::Args;
use simulations::throttle::{self, Limit, UsagePlan};

use super::sim_common::{SimArgs, count, count_pct, finish, number, set};
use gureum::strings::Lang;

/// Arguments of `gureum sim throttle`.
#[derive(Debug, Args)]
#[command(
    mut_arg("duration", |a| a.help("시뮬레이션할 시간(초, 기본 60)")),
    mut_arg("scenario", |a| a.help("시나리오 TOML 파일, 또는 내장 프리셋 이름(예: `throttle-burst`)"))
)]
pub struct ThrottleArgs {
    /// 계정 수준 속도(초당 요청, 기본 10,000: AWS 기본값)
    #[arg(long, value_name = "R")]
    rate: Option<f64>,
    /// 계정 수준 버스트(버킷 크기, 기본 5,000: AWS 기본값)
    #[arg(long, value_name = "B")]
    burst: Option<f64>,
    /// 보내는 초당 요청 수 (기본 100)
    #[arg(long, value_name = "X")]
    rps: Option<f64>,
    /// 요청이 고른 간격 대신 무작위(포아송)로 와요
    #[arg(long)]
    poisson: bool,
    /// 스테이지 한도 `RATE:BURST`
    #[arg(long = "stage-limit", value_name = "RATE:BURST", value_parser = throttle::parse_limit)]
    stage_limit: Option<Limit>,
    /// 메서드 한도 `RATE:BURST`
    #[arg(long = "method-limit", value_name = "RATE:BURST", value_parser = throttle::parse_limit)]
    method_limit: Option<Limit>,
    /// 사용량 계획(API 키) `RATE:BURST[:QUOTA]`
    #[arg(long = "usage-plan", value_name = "RATE:BURST[:QUOTA]", value_parser = throttle::parse_usage_plan)]
    usage_plan: Option<UsagePlan>,
    /// `--duration`, `--scenario`, `--seed`, `--json`.
    #[command(flatten)]
    sim: SimArgs,
}

/// Runs `gureum sim throttle`.
pub fn run(args: &ThrottleArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let (preset, mut c) = match args.sim.scenario(throttle::presets, throttle::parse_preset) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    args.sim.set_run(&mut c.duration_s, &mut c.seed);
    set(&mut c.rate, args.rate);
    set(&mut c.burst, args.burst);
    set(&mut c.rps, args.rps);
    c.poisson |= args.poisson;
    if args.stage_limit.is_some() {
        c.stage_limit = args.stage_limit;
    }
    if args.method_limit.is_some() {
        c.method_limit = args.method_limit;
    }
    if args.usage_plan.is_some() {
        c.usage_plan = args.usage_plan;
    }
    let run = throttle::simulate(&c);
    finish(
        &args.sim,
        preset.as_ref(),
        &c,
        run,
        lang,
        |r| &r.explanation,
        |r| {
            let b = &r.throttled_by;
            let rows = vec![
                (
                    "계정 한도",
                    "account limit",
                    format!(
                        "{}/s, {} {}",
                        number(c.rate),
                        lang.pick("버킷", "bucket"),
                        number(c.burst)
                    ),
                ),
                ("요청", "requests", count(r.requests)),
                ("통과", "accepted", count(r.accepted)),
                (
                    "429 (스로틀)",
                    "429 (throttled)",
                    count_pct(r.throttled, r.throttled_pct),
                ),
                (
                    "수준별 429",
                    "429s by level",
                    format!(
                        "{} {} · {} {} · {} {} · {} {} · {} {}",
                        lang.pick("사용량 계획", "usage plan"),
                        count(b.usage_plan),
                        lang.pick("할당량", "quota"),
                        count(b.quota),
                        lang.pick("메서드", "method"),
                        count(b.method),
                        lang.pick("스테이지", "stage"),
                        count(b.stage),
                        lang.pick("계정", "account"),
                        count(b.account)
                    ),
                ),
                (
                    "첫 429",
                    "first 429",
                    r.first_throttle_s
                        .map_or_else(|| "-".to_owned(), |t| format!("{} s", number(t))),
                ),
            ];
            rows
        },
    )
}
