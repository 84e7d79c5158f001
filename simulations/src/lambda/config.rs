//! The simulation's input: one function's configuration plus the traffic it receives.
//!
//! [`LambdaConfig`] mirrors the CLI flags the app exposes (`--rps`, `--seconds`, `--duration-ms`,
//! `--init-ms`, `--memory-mb`, `--reserved`, `--provisioned`, `--account-limit`,
//! `--idle-timeout-s`, `--invoke`, `--error-rate`, `--seed`) one field per flag, and scenario files
//! are TOML of the same struct. Every field has a default (`#[serde(default)]`) and unknown keys
//! are rejected (`deny_unknown_fields`) so a typo in a scenario is an error, not a silent default.
//!
//! [`LambdaConfig::validate`] checks every AWS limit the model relies on and returns a
//! [`ConfigError`] that names the limit and the page it comes from.

use serde::{Deserialize, Serialize};

use super::error::ConfigError;

/// Highest memory setting, MB (aws-facts.md 2.4).
pub const MEMORY_MAX_MB: u32 = 10_240;
/// Lowest memory setting, MB (aws-facts.md 2.4).
pub const MEMORY_MIN_MB: u32 = 128;
/// Maximum function timeout, seconds (aws-facts.md 2.4).
pub const TIMEOUT_MAX_S: u32 = 900;
/// On-demand Init limit, ms (aws-facts.md 2.1).
pub const INIT_LIMIT_MS: u64 = 10_000;
/// Init limit for provisioned concurrency: 130 s or the function timeout, whichever is higher.
pub const PROVISIONED_INIT_LIMIT_MS: u64 = 130_000;
/// Unreserved concurrency the account must keep when reserving (aws-facts.md 2.2).
pub const UNRESERVED_MIN: u32 = 100;
/// Default account concurrency quota per Region (aws-facts.md 2.2).
pub const DEFAULT_ACCOUNT_LIMIT: u32 = 1_000;
/// Highest async retry count after a function error (aws-facts.md 2.3).
pub const RETRY_ATTEMPTS_MAX: u32 = 2;
/// Highest maximum event age, seconds: 6 hours (aws-facts.md 2.3).
pub const MAX_EVENT_AGE_MAX_S: u32 = 21_600;
/// Lowest maximum event age the API accepts, seconds.
pub const MAX_EVENT_AGE_MIN_S: u32 = 60;
/// Longest simulated window the model accepts, seconds (one day keeps the timeline small).
pub const SECONDS_MAX: u32 = 86_400;
/// Most events one run may offer; protects the app from a typo like `--rps 1e12`.
pub const EVENTS_MAX: f64 = 50_000_000.0;
/// The idle timeout the model assumes when none is given, seconds. AWS publishes no number.
pub const DEFAULT_IDLE_TIMEOUT_S: u32 = 300;

/// How the caller invokes the function.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InvokeType {
    /// `RequestResponse`: the caller waits and gets errors and throttles back.
    #[default]
    Sync,
    /// `Event`: Lambda queues the event, retries errors and throttles, then DLQ.
    Async,
}

/// How arrivals are spread inside each rate segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArrivalKind {
    /// Evenly spaced: one request every `1000 / rps` ms.
    #[default]
    Constant,
    /// A Poisson process: exponential gaps with mean `1000 / rps` ms (seeded).
    Poisson,
}

/// Which scaling rule limits how fast new environments appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScalingModel {
    /// Since Nov 2023: 1,000 new environments per 10 s per function.
    #[default]
    PerFunction,
    /// Before Nov 2023: an account burst of 500-3,000 by Region, then +500 per minute.
    AccountBurst,
}

/// `count` requests arriving together at `at_s` (on top of the rate).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Burst {
    /// When the burst arrives, seconds from the start.
    pub at_s: f64,
    /// How many requests arrive at that instant.
    pub count: u32,
}

/// A constant request rate between two instants (a piece of a traffic timeline).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateSegment {
    /// Segment start, seconds (inclusive).
    pub from_s: f64,
    /// Segment end, seconds (exclusive).
    pub to_s: f64,
    /// Requests per second inside the segment.
    pub rps: f64,
}

/// One function and its traffic; the app's CLI flags map onto these fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LambdaConfig {
    /// `--rps`: requests per second over the whole window (ignored when `timeline` is set).
    pub rps: f64,
    /// `--seconds`: length of the arrival window, seconds (the run continues until all work ends).
    pub seconds: u32,
    /// `--duration-ms`: handler run time per invocation, ms.
    pub duration_ms: u32,
    /// `--init-ms`: total Init phase of a cold start, ms (extension + runtime + function init).
    pub init_ms: u32,
    /// Part of `init_ms` spent in extension init, ms (shown in the trail only).
    pub extension_init_ms: u32,
    /// Part of `init_ms` spent in runtime init, ms (shown in the trail only).
    pub runtime_init_ms: u32,
    /// `--memory-mb`: memory size, 128-10,240 MB (sets GB-s for billing).
    pub memory_mb: u32,
    /// Function timeout, 1-900 s. Defaults to the maximum so only `duration_ms` matters.
    pub timeout_s: u32,
    /// `--reserved`: reserved concurrency; caps the function. `None` = use the unreserved pool.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reserved: Option<u32>,
    /// `--provisioned`: pre-initialised environments, ready at t = 0 and billed while configured.
    pub provisioned: u32,
    /// `--account-limit`: the Region's account concurrency quota (default 1,000).
    pub account_limit: u32,
    /// `--idle-timeout-s`: ASSUMPTION, not an AWS number. How long an idle on-demand environment
    /// is kept before it is reclaimed. AWS only says "non-deterministic"; default 300 s.
    pub idle_timeout_s: u32,
    /// `--invoke sync|async`: invocation type.
    pub invoke: InvokeType,
    /// Constant or Poisson arrivals.
    pub arrival: ArrivalKind,
    /// Extra requests arriving all at once.
    pub bursts: Vec<Burst>,
    /// A traffic timeline; when non-empty it replaces `rps`.
    pub timeline: Vec<RateSegment>,
    /// `--error-rate`: probability that one attempt ends in a function error, 0..=1 (seeded).
    pub error_rate: f64,
    /// Async: retries after a function error, 0-2 (AWS default 2).
    pub retry_attempts: u32,
    /// Async: maximum event age, 60-21,600 s (AWS default 6 h).
    pub max_event_age_s: u32,
    /// Async: whether a DLQ or on-failure destination is configured (else failed events are lost).
    pub on_failure_destination: bool,
    /// Which scaling rule applies (Nov 2023 per-function rate, or the older account burst).
    pub scaling: ScalingModel,
    /// Old model only: the Region's initial burst; `None` = from `region` (3,000 / 500).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub burst_limit: Option<u32>,
    /// Region for prices and the old burst limit.
    pub region: String,
    /// `YYYY-MM-DD` billing date: 1 ms rounding from 2020-12-01, Init billed from 2025-08-01.
    pub billing_date: String,
    /// `--seed`: seeds arrivals and errors; the same seed gives the same result.
    pub seed: u64,
}

impl Default for LambdaConfig {
    fn default() -> Self {
        Self {
            rps: 10.0,
            seconds: 60,
            duration_ms: 100,
            init_ms: 300,
            extension_init_ms: 0,
            runtime_init_ms: 0,
            memory_mb: 128,
            timeout_s: TIMEOUT_MAX_S,
            reserved: None,
            provisioned: 0,
            account_limit: DEFAULT_ACCOUNT_LIMIT,
            idle_timeout_s: DEFAULT_IDLE_TIMEOUT_S,
            invoke: InvokeType::Sync,
            arrival: ArrivalKind::Constant,
            bursts: Vec::new(),
            timeline: Vec::new(),
            error_rate: 0.0,
            retry_attempts: RETRY_ATTEMPTS_MAX,
            max_event_age_s: MAX_EVENT_AGE_MAX_S,
            on_failure_destination: true,
            scaling: ScalingModel::PerFunction,
            burst_limit: None,
            region: "us-east-1".to_owned(),
            billing_date: "2025-08-01".to_owned(),
            seed: 1,
        }
    }
}

/// A billing date as `yyyymmdd`, so dates compare as integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct BillingDate(pub u32);

impl BillingDate {
    /// 1 ms duration rounding starts with the December 2020 billing cycle (aws-facts.md 2.6).
    pub const ONE_MS_BILLING: Self = Self(2020 * 10_000 + 12 * 100 + 1);
    /// Init is billed like Invoke from 1 Aug 2025 (aws-facts.md 2.6).
    pub const INIT_BILLED: Self = Self(2025 * 10_000 + 8 * 100 + 1);

    /// Parses `YYYY-MM-DD`; `None` if it is not a plausible calendar date.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.split('-');
        let y: u32 = parts.next()?.parse().ok()?;
        let m: u32 = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        if parts.next().is_some() || !(2014..=2100).contains(&y) || !(1..=12).contains(&m) {
            return None;
        }
        if !(1..=31).contains(&d) {
            return None;
        }
        Some(Self(y * 10_000 + m * 100 + d))
    }

    /// Billing granularity in ms: 1 from Dec 2020, 100 before.
    pub fn granularity_ms(self) -> u64 {
        if self >= Self::ONE_MS_BILLING { 1 } else { 100 }
    }

    /// Whether an on-demand Init phase is billed on this date.
    pub fn init_billed(self) -> bool {
        self >= Self::INIT_BILLED
    }
}

impl LambdaConfig {
    /// The concurrency cap for this function: reserved concurrency if set, else the account limit.
    pub fn concurrency_cap(&self) -> u32 {
        self.reserved.unwrap_or(self.account_limit)
    }

    /// The old model's initial burst for `region` (aws-facts.md 2.2), unless `burst_limit` is set.
    pub fn effective_burst_limit(&self) -> u32 {
        self.burst_limit.unwrap_or(match self.region.as_str() {
            // The facts file names these three as 3,000; it gives 500 as the bottom of the range.
            "us-east-1" | "us-west-2" | "eu-west-1" => 3_000,
            _ => 500,
        })
    }

    /// The parsed billing date (call after [`Self::validate`]).
    pub fn billing(&self) -> BillingDate {
        BillingDate::parse(&self.billing_date).unwrap_or(BillingDate::INIT_BILLED)
    }

    /// The rate segments that generate arrivals: `timeline`, or `rps` over `[0, seconds)`.
    pub fn segments(&self) -> Vec<RateSegment> {
        if self.timeline.is_empty() {
            vec![RateSegment {
                from_s: 0.0,
                to_s: f64::from(self.seconds),
                rps: self.rps,
            }]
        } else {
            self.timeline.clone()
        }
    }

    /// Roughly how many events this config offers (rate segments plus bursts).
    pub fn expected_events(&self) -> f64 {
        let rate: f64 = self
            .segments()
            .iter()
            .map(|s| (s.to_s - s.from_s).max(0.0) * s.rps)
            .sum();
        rate + self.bursts.iter().map(|b| f64::from(b.count)).sum::<f64>()
    }

    /// Checks every limit; the error names the limit and its source.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.validate_function()?;
        self.validate_concurrency()?;
        self.validate_traffic()?;
        self.validate_async()
    }

    fn validate_function(&self) -> Result<(), ConfigError> {
        if !(MEMORY_MIN_MB..=MEMORY_MAX_MB).contains(&self.memory_mb) {
            return Err(ConfigError::Memory {
                memory_mb: self.memory_mb,
            });
        }
        if !(1..=TIMEOUT_MAX_S).contains(&self.timeout_s) {
            return Err(ConfigError::Timeout {
                timeout_s: self.timeout_s,
            });
        }
        if u64::from(self.duration_ms) > u64::from(TIMEOUT_MAX_S) * 1000 {
            return Err(ConfigError::DurationOverMax {
                duration_ms: self.duration_ms,
            });
        }
        if u64::from(self.duration_ms) > u64::from(self.timeout_s) * 1000 {
            return Err(ConfigError::DurationOverTimeout {
                duration_ms: self.duration_ms,
                timeout_s: self.timeout_s,
            });
        }
        if u64::from(self.init_ms) > u64::from(TIMEOUT_MAX_S) * 1000 {
            return Err(ConfigError::InitOverMax {
                init_ms: self.init_ms,
            });
        }
        if u64::from(self.extension_init_ms) + u64::from(self.runtime_init_ms)
            > u64::from(self.init_ms)
        {
            return Err(ConfigError::InitParts {
                extension_init_ms: self.extension_init_ms,
                runtime_init_ms: self.runtime_init_ms,
                init_ms: self.init_ms,
            });
        }
        let provisioned_limit = PROVISIONED_INIT_LIMIT_MS.max(u64::from(self.timeout_s) * 1000);
        if self.provisioned > 0 && u64::from(self.init_ms) > provisioned_limit {
            return Err(ConfigError::ProvisionedInit {
                init_ms: self.init_ms,
                limit_ms: provisioned_limit,
            });
        }
        if BillingDate::parse(&self.billing_date).is_none() {
            return Err(ConfigError::BillingDate {
                value: self.billing_date.clone(),
            });
        }
        Ok(())
    }

    fn validate_concurrency(&self) -> Result<(), ConfigError> {
        if self.account_limit == 0 {
            return Err(ConfigError::AccountLimitZero);
        }
        if let Some(reserved) = self.reserved {
            let max = self.account_limit.saturating_sub(UNRESERVED_MIN);
            if reserved > max {
                return Err(ConfigError::ReservedTooHigh {
                    reserved,
                    max,
                    account_limit: self.account_limit,
                });
            }
            if self.provisioned > reserved {
                return Err(ConfigError::ProvisionedAboveReserved {
                    provisioned: self.provisioned,
                    reserved,
                });
            }
        }
        if self.provisioned > self.account_limit {
            return Err(ConfigError::ProvisionedAboveAccount {
                provisioned: self.provisioned,
                account_limit: self.account_limit,
            });
        }
        if self.burst_limit == Some(0) {
            return Err(ConfigError::BurstLimitZero);
        }
        Ok(())
    }

    fn validate_traffic(&self) -> Result<(), ConfigError> {
        if !(1..=SECONDS_MAX).contains(&self.seconds) {
            return Err(ConfigError::Seconds {
                seconds: self.seconds,
            });
        }
        check_rate("rps", self.rps)?;
        check_rate("error_rate", self.error_rate)?;
        if self.error_rate > 1.0 {
            return Err(ConfigError::ErrorRate {
                error_rate: self.error_rate,
            });
        }
        let window = f64::from(self.seconds);
        let mut previous_end = 0.0;
        for (index, seg) in self.timeline.iter().enumerate() {
            check_rate("timeline.rps", seg.rps)?;
            check_rate("timeline.from_s", seg.from_s)?;
            check_rate("timeline.to_s", seg.to_s)?;
            // Segments must be in order and must not overlap, so arrivals come out sorted.
            if seg.from_s >= seg.to_s || seg.to_s > window || seg.from_s < previous_end {
                return Err(ConfigError::Segment {
                    index,
                    seconds: self.seconds,
                });
            }
            previous_end = seg.to_s;
        }
        for (index, burst) in self.bursts.iter().enumerate() {
            check_rate("bursts.at_s", burst.at_s)?;
            if burst.at_s >= window {
                return Err(ConfigError::BurstOutside {
                    index,
                    seconds: self.seconds,
                });
            }
        }
        let expected = self.expected_events();
        if expected > EVENTS_MAX {
            return Err(ConfigError::TooManyEvents { expected });
        }
        Ok(())
    }

    fn validate_async(&self) -> Result<(), ConfigError> {
        if self.retry_attempts > RETRY_ATTEMPTS_MAX {
            return Err(ConfigError::RetryAttempts {
                retry_attempts: self.retry_attempts,
            });
        }
        if !(MAX_EVENT_AGE_MIN_S..=MAX_EVENT_AGE_MAX_S).contains(&self.max_event_age_s) {
            return Err(ConfigError::MaxEventAge {
                max_event_age_s: self.max_event_age_s,
            });
        }
        Ok(())
    }
}

/// Rejects NaN, infinities and negative numbers for a rate-like field.
fn check_rate(field: &'static str, value: f64) -> Result<(), ConfigError> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(ConfigError::NotANonNegativeNumber { field, value })
    }
}
