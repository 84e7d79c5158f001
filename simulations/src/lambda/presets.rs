//! Scenario presets: `simulations/scenarios/lambda-*.toml`, compiled in.
//!
//! A preset file has a Korean `title`, a `description`, a one-line `challenge`, the machine-checkable
//! pass condition `pass` (all conditions must hold) and a `[config]` table, which is a
//! [`LambdaConfig`] (same fields as the CLI flags; unknown keys are errors).
//! Optional `title_en`, `description_en` and `challenge_en` give the English UI its text (it falls
//! back to the Korean one); every shipped preset has them.
//!
//! Example:
//!
//! ```toml
//! title = "콜드 스타트"
//! description = "..."
//! challenge = "콜드 스타트를 1% 미만으로, 비용은 최소로 만들어 보세요."
//! pass = [{ metric = "cold_start_pct", op = "<", value = 1.0 }]
//!
//! [config]
//! rps = 20.0
//! ```
//!
//! The preset id is the file stem (`lambda-cold-start`).

use serde::{Deserialize, Serialize};

pub use crate::challenge::Op;
use crate::challenge::{Header, read_preset};

use super::config::LambdaConfig;
use super::error::PresetError;
use super::result::LambdaResult;

/// The embedded preset files, as (id, text).
const FILES: [(&str, &str); 3] = [
    (
        "lambda-cold-start",
        include_str!("../../scenarios/lambda-cold-start.toml"),
    ),
    (
        "lambda-burst",
        include_str!("../../scenarios/lambda-burst.toml"),
    ),
    (
        "lambda-async-dlq",
        include_str!("../../scenarios/lambda-async-dlq.toml"),
    ),
];

/// A result number a pass condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// `LambdaResult::cold_start_pct`.
    ColdStartPct,
    /// `LambdaResult::cold_starts`.
    ColdStarts,
    /// `LambdaResult::cost_usd`.
    CostUsd,
    /// `LambdaResult::throttles`.
    Throttles,
    /// `LambdaResult::dlq` + `LambdaResult::dropped`.
    Dlq,
    /// Failed (DLQ or dropped) events as a percentage of events.
    DlqPct,
    /// `LambdaResult::p99_ms`.
    P99Ms,
    /// `LambdaResult::max_concurrency`.
    MaxConcurrency,
    /// Succeeded events as a percentage of events.
    SuccessPct,
}

impl Metric {
    /// The metric's value in `r`.
    pub fn value(self, r: &LambdaResult) -> f64 {
        let pct = |n: u64| {
            if r.events == 0 {
                0.0
            } else {
                n as f64 * 100.0 / r.events as f64
            }
        };
        match self {
            Self::ColdStartPct => r.cold_start_pct,
            Self::ColdStarts => r.cold_starts as f64,
            Self::CostUsd => r.cost_usd,
            Self::Throttles => r.throttles as f64,
            Self::Dlq => (r.dlq + r.dropped) as f64,
            Self::DlqPct => pct(r.dlq + r.dropped),
            Self::P99Ms => r.p99_ms as f64,
            Self::MaxConcurrency => f64::from(r.max_concurrency),
            Self::SuccessPct => pct(r.succeeded),
        }
    }
}

impl crate::challenge::Metric for Metric {
    fn id(&self) -> &str {
        match self {
            Self::ColdStartPct => "cold_start_pct",
            Self::ColdStarts => "cold_starts",
            Self::CostUsd => "cost_usd",
            Self::Throttles => "throttles",
            Self::Dlq => "dlq",
            Self::DlqPct => "dlq_pct",
            Self::P99Ms => "p99_ms",
            Self::MaxConcurrency => "max_concurrency",
            Self::SuccessPct => "success_pct",
        }
    }
    fn names(&self) -> (&str, &str) {
        match self {
            Self::ColdStartPct => ("콜드 스타트 비율(%)", "cold-start share (%)"),
            Self::ColdStarts => ("콜드 스타트 수", "cold starts"),
            Self::CostUsd => ("비용(USD)", "cost (USD)"),
            Self::Throttles => ("스로틀 수", "throttles"),
            Self::Dlq => ("DLQ·버린 이벤트 수", "events to the DLQ or dropped"),
            Self::DlqPct => ("DLQ·버린 이벤트 비율(%)", "share to the DLQ or dropped (%)"),
            Self::P99Ms => ("지연 p99(ms)", "latency p99 (ms)"),
            Self::MaxConcurrency => ("최대 동시성", "max concurrency"),
            Self::SuccessPct => ("성공 비율(%)", "success share (%)"),
        }
    }
}

/// One pass condition of a Lambda preset: the shared condition over [`Metric`].
pub type Condition = crate::challenge::Condition<Metric>;

/// A scenario: the shared header (story, `fixed`), a challenge with pass conditions, and the
/// starting config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Version, id (the file stem, e.g. `lambda-cold-start`), story and `fixed`.
    #[serde(flatten)]
    pub header: Header,
    /// All of these must hold for the challenge to pass.
    pub pass: Vec<Condition>,
    /// The starting configuration.
    pub config: LambdaConfig,
}

crate::deref_header!(Preset);

impl Preset {
    /// Parses and checks one preset file (`id` is its name or file stem).
    pub fn from_toml(id: &str, text: &str) -> Result<Self, PresetError> {
        let preset = read_preset::<Self>(id, text, |p| &mut p.header).map_err(|source| {
            PresetError::Read {
                id: id.to_owned(),
                source,
            }
        })?;
        let text_error = |field| PresetError::Text {
            id: id.to_owned(),
            field,
        };
        if preset.pass.is_empty() || preset.pass.iter().any(|c| c.strategy.is_some()) {
            return Err(text_error("pass"));
        }
        let known = field_values(&LambdaConfig {
            reserved: Some(0),
            burst_limit: Some(1),
            ..LambdaConfig::default()
        });
        if let Some(bad) = preset
            .fixed
            .iter()
            .find(|f| !known.contains_key(f.as_str()))
        {
            return Err(PresetError::UnknownFixed {
                id: id.to_owned(),
                field: bad.clone(),
            });
        }
        preset
            .config
            .validate()
            .map_err(|source| PresetError::Config {
                id: id.to_owned(),
                source,
            })?;
        Ok(preset)
    }

    /// The `fixed` fields that `config` changed from the preset's config.
    pub fn changed_fixed(&self, config: &LambdaConfig) -> Vec<String> {
        let ours = field_values(&self.config);
        let theirs = field_values(config);
        self.fixed
            .iter()
            .filter(|f| ours.get(f.as_str()) != theirs.get(f.as_str()))
            .cloned()
            .collect()
    }

    /// Whether the learner's `config` and its `result` pass the challenge: every condition holds
    /// and no `fixed` field was changed.
    pub fn passes(&self, config: &LambdaConfig, result: &LambdaResult) -> bool {
        self.changed_fixed(config).is_empty()
            && self.pass.iter().all(|c| c.holds(c.metric.value(result)))
    }
}

/// A config as a table of field name -> value (absent `None` fields are missing).
fn field_values(config: &LambdaConfig) -> toml::Table {
    match toml::Value::try_from(config) {
        Ok(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    }
}

/// All embedded presets, or the first file that is broken.
pub fn try_presets() -> Result<Vec<Preset>, PresetError> {
    FILES
        .iter()
        .map(|(id, text)| Preset::from_toml(id, text))
        .collect()
}

/// All embedded presets. The files are compiled in and checked by tests, so a broken one is a bug.
pub fn presets() -> Vec<Preset> {
    try_presets().unwrap_or_else(|e| panic!("embedded Lambda scenario is broken: {e}"))
}
