//! Lambda execution environments: a discrete-event simulation of one function.
//!
//! The model follows `shared/reference/aws-facts.md`, section 2. One function receives traffic
//! (constant, Poisson, bursts or a timeline; sync or async). Each request needs an execution
//! environment: an idle one is reused (warm start), otherwise a new one runs the Init phase first
//! (cold start: extension, runtime and function init; more than 10 s fails and is retried inside
//! Invoke). Idle environments are reclaimed after an idle timeout that is an *assumption* — AWS
//! publishes no number. Concurrency is capped by reserved concurrency or the account limit, and
//! new environments appear no faster than the scaling rule allows (1,000 per 10 s per function
//! since Nov 2023, or the older Region burst + 500/min). Anything beyond is throttled with 429;
//! sync callers see the error, async events are retried (throttles with backoff up to the maximum
//! event age, function errors twice after 1 and 2 minutes) and then go to the DLQ.
//!
//! The design is split so each part can be read and tested alone:
//!
//! - [`config`]: the input struct (CLI flags and scenario TOML) and its validation.
//! - `arrivals`: the lazily generated, seeded arrival stream.
//! - `engine`: the event queue and the environment/concurrency/retry rules.
//! - [`stats`]: the per-second timeline and the latency histogram.
//! - [`prices`]: dated prices (embedded TOML) and billing rounding.
//! - `explain`: the bilingual explanation trail.
//! - [`result`]: the serialisable output.
//! - [`presets`]: the `scenarios/lambda-*.toml` challenges.
//!
//! [`simulate`] is the entry point. It is pure: the same config (seed included) always gives the
//! same result. Arrivals and function errors use two separate `ChaCha8` streams derived from the
//! seed, so changing the error rate does not move the arrivals.

pub mod config;
pub mod error;
pub mod presets;
pub mod prices;
pub mod result;
pub mod sources;
pub mod stats;

mod arrivals;
mod engine;
mod explain;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

pub use config::{
    ArrivalKind, BillingDate, Burst, InvokeType, LambdaConfig, RateSegment, ScalingModel,
};
pub use error::{ConfigError, PresetError};
pub use presets::{Condition, Metric, Op, Preset, presets, try_presets};
pub use prices::{CostBreakdown, Price, billed_duration_ms};
pub use result::LambdaResult;
pub use stats::SecondStats;

/// Runs the simulation for `config` (validated first).
pub fn simulate(config: &LambdaConfig) -> Result<LambdaResult, ConfigError> {
    config.validate()?;
    let price = prices::price_for(&config.region).ok_or_else(|| ConfigError::UnknownRegion {
        region: config.region.clone(),
    })?;

    let mut arrivals_rng = ChaCha8Rng::seed_from_u64(config.seed);
    let mut errors_rng = ChaCha8Rng::seed_from_u64(config.seed);
    // A second stream of the same key: independent of the arrivals, still fixed by the seed.
    errors_rng.set_stream(1);

    let outcome = engine::Engine::new(config, errors_rng)
        .run(arrivals::Arrivals::new(config), &mut arrivals_rng);
    let c = outcome.counters;
    let timeline = outcome.recorder.seconds;
    let hist = outcome.histogram;

    let [p50_ms, p95_ms, p99_ms] = hist.percentiles([50.0, 95.0, 99.0]);
    let invocations = c.attempts - c.throttles;
    let cold_start_pct = if invocations == 0 {
        0.0
    } else {
        c.cold_starts as f64 * 100.0 / invocations as f64
    };
    let window = u64::from(config.seconds);
    let window_env_s: f64 = timeline
        .iter()
        .take(window as usize)
        .map(|s| s.busy + s.init)
        .sum();
    let usage = prices::Usage {
        requests: c.requests,
        billed_ms: c.billed_ms,
        provisioned_billed_ms: c.provisioned_billed_ms,
        provisioned: config.provisioned,
        // Provisioned concurrency is billed for the whole time it is configured: the run.
        configured_ms: timeline.len() as u64 * 1000,
        memory_mb: config.memory_mb,
    };
    let cost = prices::cost(&usage, &price);

    let mut result = LambdaResult {
        events: c.events,
        attempts: c.attempts,
        succeeded: c.succeeded,
        failed_sync: c.failed_sync,
        throttled_sync: c.throttled_sync,
        dlq: c.dlq,
        dropped: c.dropped,
        expired: c.expired,
        function_errors: c.function_errors,
        cold_starts: c.cold_starts,
        cold_start_pct,
        init_timeouts: c.init_timeouts,
        throttles: c.throttles,
        throttles_limit: c.throttles_limit,
        throttles_scaling: c.throttles_scaling,
        max_concurrency: c.max_concurrency,
        max_environments: c.max_environments,
        avg_concurrency: window_env_s / window as f64,
        concurrency_cap: config.concurrency_cap(),
        environments_created: c.created,
        environments_reclaimed: c.reclaimed,
        p50_ms,
        p95_ms,
        p99_ms,
        mean_ms: hist.mean_ms(),
        max_ms: hist.max_ms(),
        cost_usd: cost.total_usd(),
        cost,
        simulated_ms: c.last_event_ms,
        timeline,
        explanations: Vec::new(),
    };
    debug_assert_eq!(hist.count(), invocations);
    result.explanations = explain::explain(config, &result, &price);
    Ok(result)
}
