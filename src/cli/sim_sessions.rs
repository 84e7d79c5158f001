//! `gureum sim sessions`: where the shopping cart lives when instances fail or scale in.
//!
//! `--json` prints the model's result: `carts_lost`, `users_affected`,
//! `users_on_failed_instances`, `requests`, `session_reads`, `p50_ms`, `p99_ms`,
//! `cookie_bytes_max` (cookie store), `explanation` and more; with `--scenario`, also
//! `challenge` (each condition with its measured value). Invalid settings exit 2 naming the limit.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use simulations::sessions::{self, Store};

use super::sim_common::{SimArgs, count, finish, number, set};
use gureum::strings::Lang;

/// Where the cart lives (`--store`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StoreArg {
    /// 인스턴스 메모리 (고정 세션 없음)
    Local,
    /// 인스턴스 메모리 + 로드 밸런서 고정 세션
    Sticky,
    /// 브라우저 쿠키
    Cookie,
    /// 공유 ElastiCache
    Elasticache,
    /// 공유 DynamoDB 테이블
    Dynamodb,
}

/// Arguments of `gureum sim sessions`.
#[derive(Debug, Args)]
#[command(
    mut_arg("duration", |a| a.help("시뮬레이션할 시간(초, 기본 600)")),
    mut_arg("scenario", |a| a.help("시나리오 TOML 파일, 또는 내장 프리셋 이름(예: `sessions-sticky-failure`)"))
)]
pub struct SessionsArgs {
    /// 장바구니(세션)를 두는 곳
    #[arg(long, value_enum)]
    store: Option<StoreArg>,
    /// 로드 밸런서 뒤 인스턴스 수 (1-100, 기본 4)
    #[arg(long, value_name = "N")]
    instances: Option<u32>,
    /// 동시에 쇼핑하는 사용자 수 (1-10,000, 기본 200)
    #[arg(long, value_name = "U")]
    users: Option<u32>,
    /// 인스턴스 1이 멈추는 시각(초)
    #[arg(long = "fail-instance-at", value_name = "S")]
    fail_instance_at: Option<u32>,
    /// 스케일 인 시각(초, --scale-in-to와 함께)
    #[arg(long = "scale-in-at", value_name = "S", requires = "scale_in_to")]
    scale_in_at: Option<u32>,
    /// 스케일 인 뒤 남는 인스턴스 수
    #[arg(long = "scale-in-to", value_name = "N", requires = "scale_in_at")]
    scale_in_to: Option<u32>,
    /// 사용자 한 명이 요청하는 평균 간격(초, 가정값, 기본 10)
    #[arg(long = "think-time", value_name = "S")]
    think_time: Option<f64>,
    /// 요청 중 장바구니에 담는 비율(0-1, 가정값, 기본 0.3)
    #[arg(long = "add-share", value_name = "F")]
    add_share: Option<f64>,
    /// 쿠키에서 물건 하나가 차지하는 바이트 (쿠키 저장소, 기본 120)
    #[arg(long = "item-bytes", value_name = "B")]
    item_bytes: Option<u32>,
    /// `--duration`, `--scenario`, `--seed`, `--json`.
    #[command(flatten)]
    sim: SimArgs,
}

/// Runs `gureum sim sessions`.
pub fn run(args: &SessionsArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let (preset, mut c) = match args.sim.scenario(sessions::presets, sessions::parse_preset) {
        Ok(found) => found,
        Err(code) => return Ok(code),
    };
    args.sim.set_run(&mut c.duration_s, &mut c.seed);
    if let Some(s) = args.store {
        c.store = match s {
            StoreArg::Local => Store::Local,
            StoreArg::Sticky => Store::Sticky,
            StoreArg::Cookie => Store::Cookie,
            StoreArg::Elasticache => Store::Elasticache,
            StoreArg::Dynamodb => Store::Dynamodb,
        };
    }
    set(&mut c.instances, args.instances);
    set(&mut c.users, args.users);
    set(&mut c.think_time_s, args.think_time);
    set(&mut c.add_share, args.add_share);
    set(&mut c.item_bytes, args.item_bytes);
    if args.fail_instance_at.is_some() {
        c.fail_instance_at = args.fail_instance_at;
    }
    if args.scale_in_at.is_some() {
        c.scale_in_at = args.scale_in_at;
        c.scale_in_to = args.scale_in_to;
    }
    let run = sessions::simulate(&c);
    finish(
        &args.sim,
        preset.as_ref(),
        &c,
        run,
        lang,
        |r| &r.explanation,
        |r| {
            let mut rows = vec![
                ("저장소", "store", c.store.name().to_owned()),
                ("요청", "requests", count(r.requests)),
                (
                    "잃은 장바구니",
                    "carts lost",
                    count(u64::from(r.carts_lost)),
                ),
                (
                    "영향받은 사용자",
                    "users affected",
                    count(u64::from(r.users_affected)),
                ),
                (
                    "사라진 인스턴스의 사용자",
                    "users on failed instances",
                    count(u64::from(r.users_on_failed_instances)),
                ),
                (
                    "빠진 장바구니를 본 요청",
                    "wrong-cart reads",
                    count(r.wrong_cart_reads),
                ),
                ("세션 저장소 읽기", "session reads", count(r.session_reads)),
                (
                    "응답 시간 p50 / p99",
                    "response p50 / p99",
                    format!("{} / {} ms", number(r.p50_ms), number(r.p99_ms)),
                ),
            ];
            if let Some(max) = r.cookie_bytes_max {
                rows.push((
                    "가장 큰 쿠키",
                    "largest cookie",
                    format!("{} B (한도/limit 4,096 B)", count(u64::from(max))),
                ));
            }
            if r.failed_requests > 0 {
                rows.push((
                    "실패한 요청 (503)",
                    "failed requests (503)",
                    count(r.failed_requests),
                ));
            }
            rows
        },
    )
}
