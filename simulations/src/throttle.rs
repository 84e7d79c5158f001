//! API Gateway throttling: a token bucket per level (usage-plan key, method, stage, account).
//!
//! Each bucket starts full (`burst` tokens) and refills continuously at `rate` tokens a second,
//! never above `burst`. A request takes one token at every level, or none at all and gets
//! `429 Too Many Requests`; the 429 is counted against the first level that had no token, in the
//! order API Gateway applies its settings (usage plan, then method/stage, then account). A
//! usage plan may also have a quota: once the key has used it up, requests get 429 as well (the
//! quota's day/week/month period is longer than any run, so it never resets here).
//!
//! Requests are evenly spaced (`rps`) unless `poisson` is set, in which case the gaps are
//! exponential with a seeded RNG. The defaults are the account-level limits AWS documents today:
//! 10,000 requests per second with a 5,000-request bucket per account and Region. The model is
//! pure: the same config always gives the same result. AWS applies throttles on a best-effort
//! basis; the model applies them exactly.

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
    /// Account-level throttle quota: 10,000 RPS with a 5,000-request token bucket per Region.
    pub const QUOTAS: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html";
    /// REST API throttling: token bucket, 429, the four kinds of limits and their order.
    pub const REST_THROTTLING: &str = "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-request-throttling";
    /// HTTP API throttling: route-level limits can't exceed the account-level rate.
    pub const HTTP_THROTTLING: &str =
        "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-throttling.html";
}

/// The account-level steady-state rate AWS documents (requests per second, per Region).
pub const ACCOUNT_RATE: f64 = 10_000.0;
/// The account-level burst (bucket size) AWS documents.
pub const ACCOUNT_BURST: f64 = 5_000.0;
/// Most requests in one run.
pub const MAX_REQUESTS: f64 = 5_000_000.0;
/// Longest run, seconds.
pub const MAX_DURATION_S: u32 = 3_600;

/// A token bucket's settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Tokens added per second.
    pub rate: f64,
    /// Bucket size.
    pub burst: f64,
}

/// A usage plan's throttle and optional quota for one API key.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UsagePlan {
    /// Tokens added per second.
    pub rate: f64,
    /// Bucket size.
    pub burst: f64,
    /// Requests allowed in the quota period (longer than the run), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<u64>,
}

/// The inputs: CLI flags and preset `[config]` tables use the same names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ThrottleConfig {
    /// Account-level rate, requests per second.
    pub rate: f64,
    /// Account-level burst.
    pub burst: f64,
    /// Requests per second sent.
    pub rps: f64,
    /// Simulated seconds.
    pub duration_s: u32,
    /// Random (Poisson) arrivals instead of evenly spaced ones.
    pub poisson: bool,
    /// Stage-level limit, if any.
    pub stage_limit: Option<Limit>,
    /// Method-level limit, if any.
    pub method_limit: Option<Limit>,
    /// The caller's usage plan (API key), if any.
    pub usage_plan: Option<UsagePlan>,
    /// Random seed (same seed, same result; only Poisson arrivals use it).
    pub seed: u64,
}

impl Default for ThrottleConfig {
    fn default() -> Self {
        Self {
            rate: ACCOUNT_RATE,
            burst: ACCOUNT_BURST,
            rps: 100.0,
            duration_s: 60,
            poisson: false,
            stage_limit: None,
            method_limit: None,
            usage_plan: None,
            seed: 1,
        }
    }
}

/// A setting outside what AWS or the model allows (Korean, then English, naming the limit).
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ThrottleError {
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
    /// A lower level set above the account-level rate.
    #[error(
        "{name}의 속도 {value}{j} 계정 수준 속도 {account}보다 높아요: 계정 한도를 넘을 수 없어요 / {name} rate {value} is above the account-level rate {account}: it cannot exceed it ({source_of})",
        j = crate::josa::i(&.value.to_string())
    )]
    AboveAccount {
        /// The flag.
        name: &'static str,
        /// Its rate.
        value: f64,
        /// The account rate.
        account: f64,
        /// Where AWS says so.
        source_of: &'static str,
    },
}

const MODEL_LIMIT: &str = "모델 한도 / model limit";

impl ThrottleConfig {
    /// Checks every setting.
    pub fn validate(&self) -> Result<(), ThrottleError> {
        let range = |name, value: String, range: &str, source_of| ThrottleError::Range {
            name,
            value,
            range: range.to_owned(),
            source_of,
        };
        let ok = |v: f64, max: f64| v.is_finite() && (0.0..=max).contains(&v);
        if !(ok(self.rate, 1_000_000.0) && self.rate > 0.0) {
            return Err(range(
                "--rate",
                self.rate.to_string(),
                "0-1000000 (above 0)",
                MODEL_LIMIT,
            ));
        }
        if !ok(self.burst, 1_000_000.0) {
            return Err(range(
                "--burst",
                self.burst.to_string(),
                "0-1000000",
                MODEL_LIMIT,
            ));
        }
        if !(ok(self.rps, 1_000_000.0) && self.rps > 0.0) {
            return Err(range(
                "--rps",
                self.rps.to_string(),
                "0-1000000 (above 0)",
                MODEL_LIMIT,
            ));
        }
        if !(1..=MAX_DURATION_S).contains(&self.duration_s) {
            return Err(range(
                "--duration",
                self.duration_s.to_string(),
                "1-3600",
                MODEL_LIMIT,
            ));
        }
        let requests = self.rps * f64::from(self.duration_s);
        if requests > MAX_REQUESTS {
            return Err(range(
                "--rps x --duration",
                format!("{requests:.0}"),
                "0-5000000",
                MODEL_LIMIT,
            ));
        }
        let levels = [
            ("--stage-limit", self.stage_limit, sources::HTTP_THROTTLING),
            (
                "--method-limit",
                self.method_limit,
                sources::HTTP_THROTTLING,
            ),
            (
                "--usage-plan",
                self.usage_plan.map(|u| Limit {
                    rate: u.rate,
                    burst: u.burst,
                }),
                sources::REST_THROTTLING,
            ),
        ];
        for (name, limit, source_of) in levels {
            let Some(l) = limit else { continue };
            if !ok(l.rate, 1_000_000.0) || !ok(l.burst, 1_000_000.0) {
                return Err(range(
                    name,
                    format!("{}:{}", l.rate, l.burst),
                    "0-1000000",
                    MODEL_LIMIT,
                ));
            }
            if l.rate > self.rate {
                return Err(ThrottleError::AboveAccount {
                    name,
                    value: l.rate,
                    account: self.rate,
                    source_of,
                });
            }
        }
        Ok(())
    }
}

/// 429s by the level that refused them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ThrottledBy {
    /// The usage plan's rate/burst.
    pub usage_plan: u64,
    /// The usage plan's quota.
    pub quota: u64,
    /// The method-level limit.
    pub method: u64,
    /// The stage-level limit.
    pub stage: u64,
    /// The account-level limit.
    pub account: u64,
}

/// One second of the run, for charts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThrottleSecond {
    /// Second from the start.
    pub t_s: u32,
    /// Requests sent.
    pub requests: u32,
    /// Requests let through.
    pub accepted: u32,
    /// Requests refused with 429.
    pub throttled: u32,
    /// Tokens in the account bucket at the end of the second.
    pub account_tokens: f64,
}

/// What happened. Field names are the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThrottleResult {
    /// Requests sent.
    pub requests: u64,
    /// Requests let through.
    pub accepted: u64,
    /// Requests refused with 429.
    pub throttled: u64,
    /// `throttled` as a percentage of requests.
    pub throttled_pct: f64,
    /// 429s by level.
    pub throttled_by: ThrottledBy,
    /// When the first request was throttled, seconds (none if none was).
    pub first_throttle_s: Option<f64>,
    /// The account-level limit used.
    pub account: Limit,
    /// The stage-level limit used, if any.
    pub stage_limit: Option<Limit>,
    /// The method-level limit used, if any.
    pub method_limit: Option<Limit>,
    /// The usage plan used, if any.
    pub usage_plan: Option<UsagePlan>,
    /// Per second, for charts.
    pub timeline: Vec<ThrottleSecond>,
    /// Which rule produced which number.
    pub explanation: Vec<Explanation>,
}

struct Bucket {
    rate: f64,
    burst: f64,
    tokens: f64,
    last: f64,
}

impl Bucket {
    fn new(rate: f64, burst: f64) -> Self {
        Self {
            rate,
            burst,
            tokens: burst,
            last: 0.0,
        }
    }

    fn refill(&mut self, t: f64) {
        self.tokens = (self.tokens + self.rate * (t - self.last)).min(self.burst);
        self.last = t;
    }

    fn has_token(&self) -> bool {
        // A small tolerance keeps evenly spaced arrivals from losing a token to rounding.
        self.tokens >= 1.0 - 1e-9
    }
}

/// Runs the model (the config is validated first).
pub fn simulate(cfg: &ThrottleConfig) -> Result<ThrottleResult, ThrottleError> {
    cfg.validate()?;
    let duration = f64::from(cfg.duration_s);
    let mut rng = ChaCha8Rng::seed_from_u64(cfg.seed);
    let mut plan = cfg.usage_plan.map(|u| Bucket::new(u.rate, u.burst));
    let mut method = cfg.method_limit.map(|l| Bucket::new(l.rate, l.burst));
    let mut stage = cfg.stage_limit.map(|l| Bucket::new(l.rate, l.burst));
    let mut account = Bucket::new(cfg.rate, cfg.burst);
    let mut quota_left = cfg.usage_plan.and_then(|u| u.quota);
    let mut timeline: Vec<ThrottleSecond> = (0..cfg.duration_s)
        .map(|t_s| ThrottleSecond {
            t_s,
            requests: 0,
            accepted: 0,
            throttled: 0,
            account_tokens: 0.0,
        })
        .collect();
    let mut by = ThrottledBy::default();
    let (mut requests, mut accepted) = (0u64, 0u64);
    let mut first_throttle = None;
    let n_even = (cfg.rps * duration).floor() as u64;
    let mut poisson_t = 0.0;
    let mut i = 0u64;
    let mut filled_to = 0usize;
    loop {
        let t = if cfg.poisson {
            if i > 0 {
                poisson_t += -(1.0 - rng.random::<f64>()).ln() / cfg.rps;
            }
            if poisson_t >= duration {
                break;
            }
            poisson_t
        } else {
            if i >= n_even {
                break;
            }
            i as f64 / cfg.rps
        };
        i += 1;
        let second = (t as usize).min(timeline.len() - 1);
        // Record the account bucket at the end of every second already passed.
        while filled_to < second {
            let end = (filled_to + 1) as f64;
            timeline[filled_to].account_tokens =
                round2((account.tokens + account.rate * (end - account.last)).min(account.burst));
            filled_to += 1;
        }
        requests += 1;
        timeline[second].requests += 1;
        for b in [&mut plan, &mut method, &mut stage].into_iter().flatten() {
            b.refill(t);
        }
        account.refill(t);
        let refused = if plan.as_ref().is_some_and(|b| !b.has_token()) {
            Some(&mut by.usage_plan)
        } else if quota_left == Some(0) {
            Some(&mut by.quota)
        } else if method.as_ref().is_some_and(|b| !b.has_token()) {
            Some(&mut by.method)
        } else if stage.as_ref().is_some_and(|b| !b.has_token()) {
            Some(&mut by.stage)
        } else if !account.has_token() {
            Some(&mut by.account)
        } else {
            None
        };
        if let Some(count) = refused {
            *count += 1;
            timeline[second].throttled += 1;
            first_throttle.get_or_insert(t);
        } else {
            for b in [&mut plan, &mut method, &mut stage].into_iter().flatten() {
                b.tokens -= 1.0;
            }
            account.tokens -= 1.0;
            if let Some(q) = quota_left.as_mut() {
                *q -= 1;
            }
            accepted += 1;
            timeline[second].accepted += 1;
        }
    }
    while filled_to < timeline.len() {
        let end = (filled_to + 1) as f64;
        timeline[filled_to].account_tokens =
            round2((account.tokens + account.rate * (end - account.last)).min(account.burst));
        filled_to += 1;
    }
    let throttled = requests - accepted;
    let mut r = ThrottleResult {
        requests,
        accepted,
        throttled,
        throttled_pct: if requests == 0 {
            0.0
        } else {
            round2(throttled as f64 * 100.0 / requests as f64)
        },
        throttled_by: by,
        first_throttle_s: first_throttle.map(|t| (t * 1000.0).round() / 1000.0),
        account: Limit {
            rate: cfg.rate,
            burst: cfg.burst,
        },
        stage_limit: cfg.stage_limit,
        method_limit: cfg.method_limit,
        usage_plan: cfg.usage_plan,
        timeline,
        explanation: Vec::new(),
    };
    r.explanation = explain(cfg, &r);
    Ok(r)
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        group(v as u64)
    } else {
        format!("{v:.2}")
    }
}

fn line(rule: &str, ko: String, en: String, source: Option<&str>) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: source.map(str::to_owned),
    }
}

fn explain(cfg: &ThrottleConfig, r: &ThrottleResult) -> Vec<Explanation> {
    let mut out = Vec::new();
    out.push(line(
        "throttle.bucket",
        "API Gateway는 토큰 버킷으로 스로틀해요: 버킷은 가득 찬 채로 시작하고(버스트), 초당 속도만큼 계속 채워지며 버스트를 넘지 않아요. 요청 하나가 모든 수준에서 토큰을 하나씩 가져가고, 한 곳이라도 없으면 429 Too Many Requests예요.".to_owned(),
        "API Gateway throttles with a token bucket: the bucket starts full (the burst), refills continuously at the rate and never holds more than the burst. A request takes one token at every level; if any level has none, it gets 429 Too Many Requests.".to_owned(),
        Some(sources::REST_THROTTLING),
    ));
    if (cfg.rate - ACCOUNT_RATE).abs() < f64::EPSILON
        && (cfg.burst - ACCOUNT_BURST).abs() < f64::EPSILON
    {
        out.push(line(
            "throttle.account.default",
            "계정 수준 기본값은 리전당 초당 10,000건, 버킷 5,000건이에요(요청해서 늘릴 수 있고, 케이프타운·밀라노 등 일부 리전은 2,500/1,250).".to_owned(),
            "The account-level default is 10,000 requests per second with a 5,000-request bucket per Region (it can be raised on request; some Regions such as Cape Town and Milan have 2,500/1,250).".to_owned(),
            Some(sources::QUOTAS),
        ));
    } else {
        out.push(line(
            "throttle.account",
            format!(
                "계정 수준 한도: 초당 {}건, 버킷 {}건 (AWS 기본값은 10,000/5,000).",
                num(cfg.rate),
                num(cfg.burst)
            ),
            format!(
                "Account-level limit: {} requests per second, a {}-request bucket (the AWS default is 10,000/5,000).",
                num(cfg.rate),
                num(cfg.burst)
            ),
            Some(sources::QUOTAS),
        ));
    }
    if cfg.stage_limit.is_some() || cfg.method_limit.is_some() || cfg.usage_plan.is_some() {
        out.push(line(
            "throttle.order",
            "적용 순서: 사용량 계획(API 키), 메서드·스테이지, 계정 수준이에요. 429는 토큰이 없던 첫 수준에 셌어요. API Gateway에서 메서드 한도는 스테이지 기본값을 대신하는데, 이 시뮬레이션은 둘 다 설정하면 두 버킷을 모두 확인해요.".to_owned(),
            "Order: usage plan (API key), then method and stage, then account level. Each 429 is counted against the first level with no token. In API Gateway a method's limit replaces the stage default; with both set, this simulation checks both buckets.".to_owned(),
            Some(sources::REST_THROTTLING),
        ));
    }
    if let Some(t) = r.first_throttle_s {
        // The level whose rate the accepted stream settles to once the buckets are empty.
        let mut floor = cfg.rate;
        for l in [cfg.stage_limit, cfg.method_limit].into_iter().flatten() {
            floor = floor.min(l.rate);
        }
        if let Some(u) = cfg.usage_plan {
            floor = floor.min(u.rate);
        }
        out.push(line(
            "throttle.drain",
            format!(
                "{:.3}초에 처음 429가 났어요: 버킷이 비면 그 뒤로는 채워지는 만큼만(초당 약 {}건) 통과해요. 요청 {}건 중 {}건 통과, {}건 스로틀({:.2}%).",
                t,
                num(floor),
                group(r.requests),
                group(r.accepted),
                group(r.throttled),
                r.throttled_pct
            ),
            format!(
                "The first 429 came at {:.3} s: once a bucket is empty, only what refills gets through (about {} per second). Of {} requests, {} were accepted and {} throttled ({:.2}%).",
                t,
                num(floor),
                group(r.requests),
                group(r.accepted),
                group(r.throttled),
                r.throttled_pct
            ),
            Some(sources::REST_THROTTLING),
        ));
        let b = &r.throttled_by;
        out.push(line(
            "throttle.by-level",
            format!(
                "수준별 429: 사용량 계획 {}, 할당량 {}, 메서드 {}, 스테이지 {}, 계정 {}.",
                group(b.usage_plan),
                group(b.quota),
                group(b.method),
                group(b.stage),
                group(b.account)
            ),
            format!(
                "429s by level: usage plan {}, quota {}, method {}, stage {}, account {}.",
                group(b.usage_plan),
                group(b.quota),
                group(b.method),
                group(b.stage),
                group(b.account)
            ),
            None,
        ));
    } else {
        out.push(line(
            "throttle.none",
            format!(
                "요청 {}건이 모두 통과했어요: 버킷이 한 번도 비지 않았어요.",
                group(r.requests)
            ),
            format!(
                "All {} requests got through: no bucket ever ran dry.",
                group(r.requests)
            ),
            None,
        ));
    }
    if let Some(q) = cfg.usage_plan.and_then(|u| u.quota) {
        out.push(line(
            "throttle.quota",
            format!(
                "사용량 계획의 할당량은 {}건이에요. 다 쓰면 기간(일·주·월)이 끝날 때까지 429예요: 할당량 때문에 {}건.",
                group(q),
                group(r.throttled_by.quota)
            ),
            format!(
                "The usage plan's quota is {} requests. Once used up, requests get 429 until the period (day, week or month) ends: {} because of the quota.",
                group(q),
                group(r.throttled_by.quota)
            ),
            Some(sources::REST_THROTTLING),
        ));
    }
    out.push(line(
        "throttle.arrivals",
        if cfg.poisson {
            format!("요청은 평균 초당 {}건으로 무작위(포아송)로 와요: 평균이 속도보다 낮아도 몰리는 순간에 버킷이 빌 수 있어요.", num(cfg.rps))
        } else {
            format!("요청은 초당 {}건, 고른 간격으로 와요.", num(cfg.rps))
        },
        if cfg.poisson {
            format!("Requests arrive at random (Poisson), {} per second on average: even below the rate, a bunch can empty the bucket.", num(cfg.rps))
        } else {
            format!("Requests arrive evenly spaced, {} per second.", num(cfg.rps))
        },
        None,
    ));
    out.push(line(
        "throttle.best-effort",
        "AWS는 스로틀을 최선 노력으로 적용해요: 보장된 상한이 아니라 목표값이에요. 이 모델은 정확히 적용해요.".to_owned(),
        "AWS applies throttles on a best-effort basis: they are targets, not guaranteed ceilings. The model applies them exactly.".to_owned(),
        Some(sources::REST_THROTTLING),
    ));
    out
}

/// Parses `RATE:BURST` (a stage or method limit).
pub fn parse_limit(s: &str) -> Result<Limit, String> {
    let parts: Vec<&str> = s.split(':').collect();
    let [rate, burst] = parts.as_slice() else {
        return Err(format!(
            "`{s}`: RATE:BURST 꼴로 써 주세요 / write it as RATE:BURST"
        ));
    };
    limit_of(rate, burst)
}

/// A limit from its two parts' text.
fn limit_of(rate: &str, burst: &str) -> Result<Limit, String> {
    let num = |p: &str| {
        p.trim()
            .parse::<f64>()
            .map_err(|_| format!("`{p}`은 숫자가 아니에요 / `{p}` is not a number"))
    };
    Ok(Limit {
        rate: num(rate)?,
        burst: num(burst)?,
    })
}

/// Parses `RATE:BURST[:QUOTA]` (a usage plan).
pub fn parse_usage_plan(s: &str) -> Result<UsagePlan, String> {
    let parts: Vec<&str> = s.split(':').collect();
    let (limit, quota) = match parts.as_slice() {
        [rate, burst] => (limit_of(rate, burst)?, None),
        [rate, burst, quota] => (
            limit_of(rate, burst)?,
            Some(quota.trim().parse::<u64>().map_err(|_| {
                format!("`{quota}`: 할당량은 0 이상의 정수예요 / the quota is a whole number")
            })?),
        ),
        _ => {
            return Err(format!(
                "`{s}`: RATE:BURST[:QUOTA] 꼴로 써 주세요 / write it as RATE:BURST[:QUOTA]"
            ));
        }
    };
    Ok(UsagePlan {
        rate: limit.rate,
        burst: limit.burst,
        quota,
    })
}

/// A throttle preset.
pub type Preset = challenge::Preset<ThrottleConfig>;

const FILES: [(&str, &str); 2] = [
    (
        "throttle-burst.toml",
        include_str!("../scenarios/throttle-burst.toml"),
    ),
    (
        "throttle-poisson.toml",
        include_str!("../scenarios/throttle-poisson.toml"),
    ),
];

/// Parses one throttle preset file.
pub fn parse_preset(file: &str, text: &str) -> Result<Preset, PresetError> {
    Preset::parse_for(file, text, simulate)
}

/// All embedded throttle presets, or the first broken one.
pub fn presets() -> Result<Vec<Preset>, PresetError> {
    Preset::load_all(&FILES, simulate)
}
impl crate::Localize for ThrottleError {
    fn localize(&self, en: bool) -> String {
        crate::lang::pick(&self.to_string(), en)
    }
}
