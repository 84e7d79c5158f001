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

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// Strictly less.
    #[serde(rename = "<")]
    Lt,
    /// Less or equal.
    #[serde(rename = "<=")]
    Le,
    /// Equal.
    #[serde(rename = "==")]
    Eq,
    /// Greater or equal.
    #[serde(rename = ">=")]
    Ge,
    /// Strictly greater.
    #[serde(rename = ">")]
    Gt,
}

/// One pass condition: `metric op value`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// What to measure.
    pub metric: Metric,
    /// How to compare.
    pub op: Op,
    /// The threshold.
    pub value: f64,
}

impl Condition {
    /// Whether `r` meets the condition.
    pub fn holds(&self, r: &LambdaResult) -> bool {
        let v = self.metric.value(r);
        match self.op {
            Op::Lt => v < self.value,
            Op::Le => v <= self.value,
            Op::Eq => (v - self.value).abs() < 1e-9,
            Op::Ge => v >= self.value,
            Op::Gt => v > self.value,
        }
    }
}

/// A scenario: a story, a challenge with a pass condition, and the starting config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// File stem, e.g. `lambda-cold-start` (set by the loader, not in the file).
    #[serde(default)]
    pub id: String,
    /// Korean title.
    pub title: String,
    /// Korean description of the situation.
    pub description: String,
    /// The one-line challenge, in Korean.
    pub challenge: String,
    /// English title (optional: the English UI falls back to the Korean one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_en: Option<String>,
    /// English description (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_en: Option<String>,
    /// English one-line challenge (optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenge_en: Option<String>,
    /// All of these must hold for the challenge to pass.
    pub pass: Vec<Condition>,
    /// Config fields the learner must leave as they are (e.g. `rps`), so the challenge cannot be
    /// passed by changing the traffic or an assumption.
    #[serde(default)]
    pub fixed: Vec<String>,
    /// The starting configuration.
    pub config: LambdaConfig,
}

impl Preset {
    /// Parses and checks one preset file.
    pub fn from_toml(id: &str, text: &str) -> Result<Self, PresetError> {
        let mut preset: Self = toml::from_str(text).map_err(|source| PresetError::Parse {
            id: id.to_owned(),
            source,
        })?;
        id.clone_into(&mut preset.id);
        let text_error = |field| PresetError::Text {
            id: id.to_owned(),
            field,
        };
        if let Some(field) = crate::story::bad_text(
            [&preset.title, &preset.description, &preset.challenge],
            [
                preset.title_en.as_deref(),
                preset.description_en.as_deref(),
                preset.challenge_en.as_deref(),
            ],
        ) {
            return Err(text_error(field));
        }
        if preset.pass.is_empty() {
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
        self.changed_fixed(config).is_empty() && self.pass.iter().all(|c| c.holds(result))
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
