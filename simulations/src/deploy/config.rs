//! The deployment simulation's input: one release, one strategy, one alarm.
//!
//! [`DeployConfig`] mirrors `gureum sim deploy`'s flags (`--strategy`, `--rps`,
//! `--new-error-rate`, `--old-error-rate`, `--alarm-threshold`, `--alarm-periods`,
//! `--bad-from-s`, `--hook-fail`, `--seed`), one field per flag, and scenario files are TOML of
//! the same struct. Every field has a default and unknown keys are rejected, so a typo in a
//! scenario is an error, not a silent default. Rates are fractions (0.3 = 30%).

use serde::{Deserialize, Serialize};

use super::error::ConfigError;
use super::strategy::Strategy;

/// Highest request rate the model accepts (a model limit that keeps runs fast and numbers sane).
pub const RPS_MAX: f64 = 100_000.0;
/// Highest latency the model accepts, ms (the 900 s Lambda timeout).
pub const LATENCY_MAX_MS: f64 = 900_000.0;
/// Longest hook run, seconds: a lifecycle hook must report back to `CodeDeploy` within an hour.
pub const HOOK_MAX_S: u32 = 3_600;
/// Run time of a hook that is set to fail but has no duration, seconds (a model assumption).
pub const HOOK_FAIL_DEFAULT_S: u32 = 10;
/// Longest run (deployment plus observation), seconds: seven days (a model limit).
pub const RUN_MAX_S: u64 = 604_800;
/// Longest observation after the deployment, seconds (one day).
pub const OBSERVE_MAX_S: u32 = 86_400;

/// Which lifecycle hook fails, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HookFail {
    /// Both hooks succeed (or are not configured).
    #[default]
    None,
    /// The `PreTraffic` hook reports failure: no traffic ever moves.
    Pre,
    /// The `PostTraffic` hook reports failure after all traffic moved.
    Post,
}

/// What the `CloudWatch` alarm watches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlarmMetric {
    /// The new version's error rate (`Errors`/`Invocations` with the `ExecutedVersion` dimension,
    /// as in AWS's SAM examples). Threshold: a fraction.
    #[default]
    NewVersionErrors,
    /// The alias as a whole (both versions mixed). Threshold: a fraction.
    AliasErrors,
    /// The new version's mean latency. Threshold: milliseconds.
    NewVersionLatency,
}

/// How requests are split between the versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Routing {
    /// Each second's requests are split at random (binomial, seeded), as Lambda and API Gateway do.
    #[default]
    Sampled,
    /// Exact expected values: requests x weight, errors x rate (fractions allowed).
    Expected,
}

/// One deployment: the release, the strategy, the alarm and the hooks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DeployConfig {
    /// `--strategy`: a `CodeDeploy` configuration name or the custom syntax (see `strategy`),
    /// parsed when read.
    pub strategy: Strategy,
    /// `--rps`: requests per second to the alias (or stage), 0-100,000.
    pub rps: f64,
    /// `--old-error-rate`: the old version's error rate, 0-1.
    pub old_error_rate: f64,
    /// `--new-error-rate`: the new version's error rate once it is bad (from `bad_from_s`), 0-1.
    pub new_error_rate: f64,
    /// The old version's latency, ms.
    pub old_latency_ms: f64,
    /// The new version's latency once it is bad, ms.
    pub new_latency_ms: f64,
    /// `--bad-from-s`: seconds after the start when the new version turns bad (before that it
    /// behaves like the old one).
    pub bad_from_s: u32,
    /// Run time of the `PreTraffic` hook, seconds (0 = no hook).
    pub pre_traffic_s: u32,
    /// Run time of the `PostTraffic` hook, seconds (0 = no hook).
    pub post_traffic_s: u32,
    /// `--hook-fail pre|post`: which hook reports failure.
    pub hook_fail: HookFail,
    /// Whether a `CloudWatch` alarm is attached to the deployment.
    pub alarm: bool,
    /// What the alarm watches.
    pub alarm_metric: AlarmMetric,
    /// `--alarm-threshold`: the alarm fires when a period's value is above this (an error rate
    /// 0-1, or ms for latency).
    pub alarm_threshold: f64,
    /// `CloudWatch` period, seconds: 10, 20, 30 or a multiple of 60 (default 60).
    pub alarm_period_s: u32,
    /// `--alarm-periods`: evaluation periods (N of "M out of N").
    pub alarm_evaluation_periods: u32,
    /// Datapoints to alarm (M of "M out of N"); `None` = all evaluation periods, as `CloudWatch` does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alarm_datapoints: Option<u32>,
    /// Seconds the model keeps serving after the deployment ends, to count the harm of a bad
    /// release nobody rolled back. An assumption: how long until a person notices.
    pub observe_s: u32,
    /// Sampled (seeded) or expected-value routing.
    pub routing: Routing,
    /// `--seed`: the same seed gives the same result.
    pub seed: u64,
}

impl Default for DeployConfig {
    fn default() -> Self {
        Self {
            strategy: Strategy::default(),
            rps: 100.0,
            old_error_rate: 0.01,
            new_error_rate: 0.01,
            old_latency_ms: 100.0,
            new_latency_ms: 100.0,
            bad_from_s: 0,
            pre_traffic_s: 0,
            post_traffic_s: 0,
            hook_fail: HookFail::None,
            alarm: true,
            alarm_metric: AlarmMetric::NewVersionErrors,
            alarm_threshold: 0.05,
            alarm_period_s: 60,
            alarm_evaluation_periods: 1,
            alarm_datapoints: None,
            observe_s: 600,
            routing: Routing::Sampled,
            seed: 1,
        }
    }
}

fn range(
    field: &'static str,
    value: f64,
    min: f64,
    max: f64,
    text: &'static str,
) -> Result<(), ConfigError> {
    if value.is_finite() && (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(ConfigError::OutOfRange {
            field,
            value,
            range: text,
        })
    }
}

impl DeployConfig {
    /// Datapoints to alarm in effect (defaults to the evaluation periods).
    pub fn datapoints(&self) -> u32 {
        self.alarm_datapoints
            .unwrap_or(self.alarm_evaluation_periods)
    }

    /// `PreTraffic` hook run time in effect: a failing hook with no time runs
    /// [`HOOK_FAIL_DEFAULT_S`].
    pub fn pre_hook_s(&self) -> u32 {
        if self.hook_fail == HookFail::Pre && self.pre_traffic_s == 0 {
            HOOK_FAIL_DEFAULT_S
        } else {
            self.pre_traffic_s
        }
    }

    /// `PostTraffic` hook run time in effect (see [`Self::pre_hook_s`]).
    pub fn post_hook_s(&self) -> u32 {
        if self.hook_fail == HookFail::Post && self.post_traffic_s == 0 {
            HOOK_FAIL_DEFAULT_S
        } else {
            self.post_traffic_s
        }
    }

    /// Checks every limit and returns the strategy.
    pub fn validate(&self) -> Result<Strategy, ConfigError> {
        let strategy = self.strategy.clone();
        range("rps", self.rps, 0.0, RPS_MAX, "0-100000")?;
        range(
            "old_error_rate",
            self.old_error_rate,
            0.0,
            1.0,
            "0-1 (0%-100%)",
        )?;
        range(
            "new_error_rate",
            self.new_error_rate,
            0.0,
            1.0,
            "0-1 (0%-100%)",
        )?;
        range(
            "old_latency_ms",
            self.old_latency_ms,
            0.0,
            LATENCY_MAX_MS,
            "0-900000 ms",
        )?;
        range(
            "new_latency_ms",
            self.new_latency_ms,
            0.0,
            LATENCY_MAX_MS,
            "0-900000 ms",
        )?;
        range(
            "pre_traffic_s",
            f64::from(self.pre_traffic_s),
            0.0,
            f64::from(HOOK_MAX_S),
            "0-3600 s",
        )?;
        range(
            "post_traffic_s",
            f64::from(self.post_traffic_s),
            0.0,
            f64::from(HOOK_MAX_S),
            "0-3600 s",
        )?;
        range(
            "observe_s",
            f64::from(self.observe_s),
            0.0,
            f64::from(OBSERVE_MAX_S),
            "0-86400 s",
        )?;
        range(
            "bad_from_s",
            f64::from(self.bad_from_s),
            0.0,
            RUN_MAX_S as f64,
            "0-604800 s",
        )?;
        match self.alarm_metric {
            AlarmMetric::NewVersionErrors | AlarmMetric::AliasErrors => range(
                "alarm_threshold",
                self.alarm_threshold,
                0.0,
                1.0,
                "0-1 (0%-100%)",
            )?,
            AlarmMetric::NewVersionLatency => range(
                "alarm_threshold",
                self.alarm_threshold,
                0.0,
                LATENCY_MAX_MS,
                "0-900000 ms",
            )?,
        }
        let p = self.alarm_period_s;
        if !(matches!(p, 10 | 20 | 30) || (p > 0 && p.is_multiple_of(60))) {
            return Err(ConfigError::AlarmPeriod { period_s: p });
        }
        range(
            "alarm_evaluation_periods",
            f64::from(self.alarm_evaluation_periods),
            1.0,
            f64::from(u32::MAX),
            "1 or more",
        )?;
        let max_s: u32 = if p < 3_600 { 86_400 } else { 604_800 };
        if u64::from(p) * u64::from(self.alarm_evaluation_periods) > u64::from(max_s) {
            return Err(ConfigError::AlarmWindow {
                period_s: p,
                evaluation_periods: self.alarm_evaluation_periods,
                max_s,
            });
        }
        let m = self.datapoints();
        if !(1..=self.alarm_evaluation_periods).contains(&m) {
            return Err(ConfigError::AlarmDatapoints {
                datapoints: m,
                evaluation_periods: self.alarm_evaluation_periods,
            });
        }
        let schedule = strategy.schedule();
        let last = schedule.last().map_or(0, |s| s.0);
        let seconds = u64::from(self.pre_hook_s())
            + last
            + u64::from(self.post_hook_s())
            + strategy.bake_s()
            + u64::from(self.observe_s);
        if seconds > RUN_MAX_S {
            return Err(ConfigError::TooLong { seconds });
        }
        Ok(strategy)
    }
}
