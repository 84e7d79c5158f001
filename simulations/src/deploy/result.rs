//! The simulation's output: the traffic split over time, requests and errors per version, the
//! alarm, the outcome, and the explanation trail.
//!
//! Counts are `f64` so the expected-value view can hold fractions; in sampled runs they are whole
//! numbers and serialise as JSON integers.

use serde::{Serialize, Serializer};

use super::config::Routing;
use super::strategy::{Kind, Platform};
use crate::Explanation;

/// A count as a JSON integer when it is whole, else as a number with a fraction.
#[allow(clippy::trivially_copy_pass_by_ref)] // serde's `serialize_with` signature
pub(crate) fn count<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

#[allow(clippy::ref_option)] // serde's `serialize_with` signature
fn opt_count<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => count(v, s),
        None => s.serialize_none(),
    }
}

/// How the deployment ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// All traffic moved and the deployment finished.
    Succeeded,
    /// Traffic went back to 100% old.
    RolledBack,
}

/// Why a deployment was rolled back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The `CloudWatch` alarm went to ALARM during the deployment.
    Alarm,
    /// The `PreTraffic` hook reported failure.
    PreTrafficHook,
    /// The `PostTraffic` hook reported failure.
    PostTrafficHook,
}

/// A change of the traffic weight: from `t_s` on, `new_percent` goes to the new version.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ShiftPoint {
    /// Seconds from the start of the deployment.
    pub t_s: u64,
    /// Percent of requests routed to the new version, 0-100.
    #[serde(serialize_with = "count")]
    pub new_percent: f64,
}

/// One stretch of constant weight and what was actually observed in it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Step {
    /// Start, seconds (inclusive).
    pub from_s: u64,
    /// End, seconds (exclusive).
    pub to_s: u64,
    /// The configured weight, percent.
    #[serde(serialize_with = "count")]
    pub new_percent: f64,
    /// Requests in the stretch.
    #[serde(serialize_with = "count")]
    pub requests: f64,
    /// Of them, routed to the new version.
    #[serde(serialize_with = "count")]
    pub requests_new: f64,
    /// Observed share of the new version, percent (differs from the weight at low traffic).
    pub observed_percent: f64,
}

/// One `CloudWatch` period: the datapoint the alarm saw.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Period {
    /// Period start, seconds.
    pub start_s: u64,
    /// Requests to the new version.
    #[serde(serialize_with = "count")]
    pub requests_new: f64,
    /// Errors of the new version.
    #[serde(serialize_with = "count")]
    pub errors_new: f64,
    /// Requests to the old version.
    #[serde(serialize_with = "count")]
    pub requests_old: f64,
    /// Errors of the old version.
    #[serde(serialize_with = "count")]
    pub errors_old: f64,
    /// The watched metric's value; `None` = no data (treated as not breaching).
    pub value: Option<f64>,
    /// Whether the value was above the threshold.
    pub breaching: bool,
}

/// The result of one simulated deployment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeployResult {
    /// Canonical strategy name.
    pub strategy: String,
    /// Who ran the deployment.
    pub platform: Platform,
    /// The strategy's shape.
    pub strategy_kind: Kind,
    /// `succeeded` or `rolled_back`.
    pub outcome: Outcome,
    /// Why it was rolled back (`None` when it succeeded).
    pub reason: Option<Reason>,
    /// When traffic went back to 100% old, seconds; `None` when it succeeded.
    pub rolled_back_at_s: Option<u64>,
    /// When the alarm first went to ALARM, seconds (even after the deployment ended).
    pub detected_at_s: Option<u64>,
    /// Seconds from the moment users first met the bad version to the alarm.
    pub time_to_detect_s: Option<u64>,
    /// The alarm fired only after the deployment had ended, so nothing rolled back automatically.
    pub alarm_after_end: bool,
    /// How long the deployment ran (start to success or rollback), seconds.
    pub duration_s: u64,
    /// Seconds simulated: the deployment plus the observation window.
    pub simulated_s: u64,
    /// The weight over time: one point per change.
    pub shift: Vec<ShiftPoint>,
    /// Each stretch of constant weight with the observed split.
    pub steps: Vec<Step>,
    /// Requests served by the new version.
    #[serde(serialize_with = "count")]
    pub requests_new: f64,
    /// Errors of the new version.
    #[serde(serialize_with = "count")]
    pub errors_new: f64,
    /// Requests served by the old version.
    #[serde(serialize_with = "count")]
    pub requests_old: f64,
    /// Errors of the old version.
    #[serde(serialize_with = "count")]
    pub errors_old: f64,
    /// Requests that met the new version while it was bad (one request = one user).
    #[serde(serialize_with = "count")]
    pub users_affected: f64,
    /// Errors of the new version while it was bad.
    #[serde(serialize_with = "count")]
    pub errors_bad: f64,
    /// Mean latency of all requests, ms.
    pub mean_latency_ms: f64,
    /// The `CloudWatch` datapoints.
    pub periods: Vec<Period>,
    /// The alarm threshold that was used.
    pub alarm_threshold: f64,
    /// Sampled or expected-value routing.
    pub routing: Routing,
    /// The explanation trail.
    pub explanation: Vec<Explanation>,
}

impl DeployResult {
    /// All requests served.
    pub fn requests(&self) -> f64 {
        self.requests_new + self.requests_old
    }

    /// Share of all requests that met the bad version, percent.
    pub fn affected_pct(&self) -> f64 {
        let all = self.requests();
        if all == 0.0 {
            0.0
        } else {
            self.users_affected * 100.0 / all
        }
    }

    /// The weight at second `t` (the last shift point at or before `t`).
    pub fn percent_at(&self, t: u64) -> f64 {
        self.shift
            .iter()
            .take_while(|p| p.t_s <= t)
            .last()
            .map_or(0.0, |p| p.new_percent)
    }
}

/// One strategy's line in a side-by-side comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareRow {
    /// Canonical strategy name.
    pub strategy: String,
    /// `succeeded` or `rolled_back`.
    pub outcome: Outcome,
    /// Why it was rolled back.
    pub reason: Option<Reason>,
    /// When the alarm fired.
    pub detected_at_s: Option<u64>,
    /// When traffic went back to the old version.
    pub rolled_back_at_s: Option<u64>,
    /// The alarm fired after the deployment ended.
    pub alarm_after_end: bool,
    /// Requests that met the bad version.
    #[serde(serialize_with = "count")]
    pub users_affected: f64,
    /// Errors of the bad version.
    #[serde(serialize_with = "count")]
    pub errors_bad: f64,
    /// Requests served by the new version.
    #[serde(serialize_with = "count")]
    pub requests_new: f64,
    /// Errors of the new version.
    #[serde(serialize_with = "count")]
    pub errors_new: f64,
    /// Deployment duration, seconds.
    pub duration_s: u64,
    /// Users affected relative to the first row (100 = as many), percent; `None` if the first
    /// row affected nobody.
    #[serde(serialize_with = "opt_count")]
    pub vs_first_pct: Option<f64>,
}

impl From<&DeployResult> for CompareRow {
    fn from(r: &DeployResult) -> Self {
        Self {
            strategy: r.strategy.clone(),
            outcome: r.outcome,
            reason: r.reason,
            detected_at_s: r.detected_at_s,
            rolled_back_at_s: r.rolled_back_at_s,
            alarm_after_end: r.alarm_after_end,
            users_affected: r.users_affected,
            errors_bad: r.errors_bad,
            requests_new: r.requests_new,
            errors_new: r.errors_new,
            duration_s: r.duration_s,
            vs_first_pct: None,
        }
    }
}
