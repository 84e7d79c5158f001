//! The simulation's output, serialisable to JSON for the app (`--json`) and the UI.
//!
//! Field names are a contract with the app: `timeline` (with `t_s`, `busy`, `idle`, `init`,
//! `cold_starts`, `throttles`), `events`, `attempts`, `cold_starts`, `throttles`, `dlq`,
//! `max_concurrency`, `p50_ms`, `p95_ms`, `p99_ms`, `cold_start_pct`, `cost_usd` and
//! `explanations`. More fields may be added; none of those may be renamed.
//!
//! Every event ends in exactly one outcome, so
//! `events == succeeded + failed_sync + throttled_sync + dlq + dropped` (see [`LambdaResult::accounted`]).

use serde::Serialize;

use super::prices::CostBreakdown;
use super::stats::SecondStats;
use crate::Explanation;

/// Everything one run produced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LambdaResult {
    /// Distinct requests (sync) or events (async) offered.
    pub events: u64,
    /// Invocation attempts, including async retries and throttled attempts.
    pub attempts: u64,
    /// Events that finally succeeded (async: possibly after retries).
    pub succeeded: u64,
    /// Sync requests whose function error went back to the caller.
    pub failed_sync: u64,
    /// Sync requests rejected with 429 `TooManyRequestsException` (the caller got the error).
    pub throttled_sync: u64,
    /// Async events sent to the DLQ / on-failure destination (errors exhausted, too old, or reserved = 0).
    pub dlq: u64,
    /// Async events discarded because no DLQ / on-failure destination is configured.
    pub dropped: u64,
    /// Async events (in `dlq` or `dropped`) that ran out of maximum event age.
    pub expired: u64,
    /// Attempts that ended in a function error (timeouts included).
    pub function_errors: u64,
    /// Attempts that created a new environment (provisioned environments are not counted).
    pub cold_starts: u64,
    /// Cold starts as a percentage of attempts that ran (not throttled).
    pub cold_start_pct: f64,
    /// Cold starts whose Init went over the 10 s limit and was retried inside Invoke.
    pub init_timeouts: u64,
    /// Attempts rejected with 429 (sync and async).
    pub throttles: u64,
    /// Of `throttles`: rejected because concurrency was at the reserved / account limit.
    pub throttles_limit: u64,
    /// Of `throttles`: rejected because the scaling rate allowed no new environment yet.
    pub throttles_scaling: u64,
    /// Highest concurrency (environments in Init or Invoke) at any instant.
    pub max_concurrency: u32,
    /// Highest number of environments alive (busy, initialising or idle) at any instant.
    pub max_environments: u32,
    /// Time-averaged concurrency over the arrival window (`seconds`).
    pub avg_concurrency: f64,
    /// Concurrency cap used: reserved concurrency if set, else the account limit.
    pub concurrency_cap: u32,
    /// On-demand environments created.
    pub environments_created: u64,
    /// On-demand environments reclaimed after the (assumed) idle timeout.
    pub environments_reclaimed: u64,
    /// Median latency of attempts that ran, ms (Init included for cold starts).
    pub p50_ms: u64,
    /// 95th percentile latency, ms.
    pub p95_ms: u64,
    /// 99th percentile latency, ms.
    pub p99_ms: u64,
    /// Mean latency, ms.
    pub mean_ms: f64,
    /// Longest latency, ms.
    pub max_ms: u64,
    /// Total cost, USD (requests + duration + provisioned concurrency).
    pub cost_usd: f64,
    /// The cost by part, with the price date and UNCONFIRMED flag.
    pub cost: CostBreakdown,
    /// Simulated time until the last event finished, ms.
    pub simulated_ms: u64,
    /// One entry per simulated second.
    pub timeline: Vec<SecondStats>,
    /// Which rule produced which number (Korean and English, with sources).
    pub explanations: Vec<Explanation>,
}

impl LambdaResult {
    /// Sum of the final outcomes; equals `events` when no event was lost.
    pub fn accounted(&self) -> u64 {
        self.succeeded + self.failed_sync + self.throttled_sync + self.dlq + self.dropped
    }

    /// Attempts that reached an environment (not throttled).
    pub fn invocations(&self) -> u64 {
        self.attempts - self.throttles
    }
}
