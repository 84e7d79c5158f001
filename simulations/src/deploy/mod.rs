//! Traffic shifting: how many users a bad release reaches under canary, linear, all-at-once,
//! blue/green and the API Gateway stage canary, and when an alarm or a hook rolls it back.
//!
//! The model follows `shared/reference/aws-facts.md`, section 3. A deployment moves a weight from
//! the old version to the new one on the strategy's schedule ([`strategy`]). Every simulated
//! second, requests arrive at `rps` and are split by the weight, at random (binomial draws from a
//! seeded `ChaCha8` stream, as Lambda alias routing and API Gateway canaries are random) or by
//! expected values. From `bad_from_s` on, the new version fails at `new_error_rate` (and may be
//! slower). A `CloudWatch` alarm (metric, threshold, period, "M out of N") watches the new version
//! (`ExecutedVersion`) or the whole alias; if it fires while the deployment is in progress, or a
//! `PreTraffic`/`PostTraffic` hook fails, traffic goes back to 100% old. An alarm after the
//! deployment ended rolls nothing back, as in `CodeDeploy`, and the model keeps serving for
//! `observe_s` seconds to count that harm.
//!
//! The parts:
//!
//! - [`strategy`]: names, the custom syntax and the schedules.
//! - [`config`]: the input (CLI flags and scenario TOML) and its validation.
//! - `engine`: the second-by-second run.
//! - `explain`: the bilingual explanation trail.
//! - [`result`]: the serialisable output and comparison rows.
//! - [`presets`]: the `scenarios/deploy-*.toml` challenges.
//!
//! [`simulate`] is pure: the same config (seed included) always gives the same result. Routing and
//! errors use two separate streams, so changing an error rate does not move the routing.

pub mod config;
pub mod error;
pub mod presets;
pub mod result;
pub mod sources;
pub mod strategy;

mod engine;
mod explain;

pub use config::{AlarmMetric, DeployConfig, HookFail, Routing};
pub use error::{ConfigError, PresetError};
pub use explain::clock;
pub use presets::{Condition, Metric, Op, Preset, presets, try_presets};
pub use result::{CompareRow, DeployResult, Outcome, Period, Reason, ShiftPoint, Step};
pub use strategy::{Kind, Platform, Strategy, valid_names};

/// The strategies a comparison runs when none are named: the same release through each.
pub const DEFAULT_COMPARE: [&str; 5] = [
    "AllAtOnce",
    "blue-green",
    "Linear10PercentEvery1Minute",
    "Canary10Percent5Minutes",
    "Canary10Percent30Minutes",
];

/// [`DEFAULT_COMPARE`] as strategies.
pub fn default_compare() -> Vec<Strategy> {
    DEFAULT_COMPARE
        .iter()
        .filter_map(|s| Strategy::parse(s).ok())
        .collect()
}

/// Runs one deployment for `config` (validated first).
pub fn simulate(config: &DeployConfig) -> Result<DeployResult, ConfigError> {
    let strategy = config.validate()?;
    // API Gateway has no CodeDeploy lifecycle hooks: the trail says so.
    let cfg = if strategy.platform == Platform::ApiGateway {
        DeployConfig {
            pre_traffic_s: 0,
            post_traffic_s: 0,
            hook_fail: HookFail::None,
            ..config.clone()
        }
    } else {
        config.clone()
    };
    let raw = engine::run(&cfg, &strategy);
    let explanation = explain::explain(&cfg, &strategy, &raw);
    let all = raw.requests_new + raw.requests_old;
    Ok(DeployResult {
        strategy: strategy.name.clone(),
        platform: strategy.platform,
        strategy_kind: strategy.kind,
        outcome: raw.outcome,
        reason: raw.reason,
        rolled_back_at_s: raw.rolled_back_at_s,
        detected_at_s: raw.detected_at_s,
        time_to_detect_s: match (raw.detected_at_s, raw.bad_seen_at_s) {
            (Some(d), Some(b)) => Some(d.saturating_sub(b)),
            _ => None,
        },
        alarm_after_end: raw.outcome == Outcome::Succeeded && raw.detected_at_s.is_some(),
        duration_s: raw.duration_s,
        simulated_s: raw.simulated_s,
        shift: raw.shift,
        steps: raw.steps,
        requests_new: raw.requests_new,
        errors_new: raw.errors_new,
        requests_old: raw.requests_old,
        errors_old: raw.errors_old,
        users_affected: raw.users_affected,
        errors_bad: raw.errors_bad,
        mean_latency_ms: if all > 0.0 {
            raw.latency_sum / all
        } else {
            0.0
        },
        periods: raw.periods,
        alarm_threshold: cfg.alarm_threshold,
        routing: cfg.routing,
        explanation,
    })
}

/// Runs the same release (everything in `base` but the strategy) through each of `strategies`.
pub fn compare_runs(
    base: &DeployConfig,
    strategies: &[Strategy],
) -> Result<Vec<DeployResult>, ConfigError> {
    strategies
        .iter()
        .map(|s| {
            simulate(&DeployConfig {
                strategy: s.clone(),
                ..base.clone()
            })
        })
        .collect()
}

/// Side-by-side rows for `results`; `vs_first_pct` compares users affected with the first row.
pub fn rows(results: &[DeployResult]) -> Vec<CompareRow> {
    let first = results.first().map_or(0.0, |r| r.users_affected);
    results
        .iter()
        .map(|r| CompareRow {
            vs_first_pct: (first > 0.0).then(|| r.users_affected * 100.0 / first),
            ..CompareRow::from(r)
        })
        .collect()
}

/// [`compare_runs`] as side-by-side rows.
pub fn compare(
    base: &DeployConfig,
    strategies: &[Strategy],
) -> Result<Vec<CompareRow>, ConfigError> {
    compare_runs(base, strategies).map(|r| rows(&r))
}
