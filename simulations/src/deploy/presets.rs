//! Scenario presets: `simulations/scenarios/deploy-*.toml`, compiled in.
//!
//! A preset file has a Korean `title`, a `description`, a one-line `challenge`, the pass
//! conditions `pass` (all must hold), the config fields the learner must leave alone (`fixed`),
//! and a `[config]` table, which is a [`DeployConfig`]. A comparison preset also lists
//! `compare = [...]` strategies; its conditions name the row they test with `strategy`.
//! Optional `title_en`, `description_en` and `challenge_en` give the English UI its text (it falls
//! back to the Korean one); every shipped preset has them.
//!
//! Example:
//!
//! ```toml
//! title = "카나리 10% 5분"
//! description = "..."
//! challenge = "30% 실패하는 릴리스를 1,000명 미만에게만 노출시키세요"
//! pass = [{ metric = "users_affected", op = "<", value = 1000.0 }]
//! fixed = ["rps", "new_error_rate"]
//!
//! [config]
//! strategy = "Canary10Percent5Minutes"
//! ```
//!
//! The preset id is the file stem (`deploy-canary`).

use serde::{Deserialize, Serialize};

pub use crate::challenge::Op;
use crate::challenge::{Header, read_preset};

use super::config::DeployConfig;
use super::error::PresetError;
use super::result::{CompareRow, DeployResult, Outcome};
use super::strategy::Strategy;

/// The embedded preset files, as (id, text).
const FILES: [(&str, &str); 5] = [
    (
        "deploy-canary",
        include_str!("../../scenarios/deploy-canary.toml"),
    ),
    (
        "deploy-all-at-once",
        include_str!("../../scenarios/deploy-all-at-once.toml"),
    ),
    (
        "deploy-linear",
        include_str!("../../scenarios/deploy-linear.toml"),
    ),
    (
        "deploy-apigw-canary",
        include_str!("../../scenarios/deploy-apigw-canary.toml"),
    ),
    (
        "deploy-compare",
        include_str!("../../scenarios/deploy-compare.toml"),
    ),
];

/// A result number a pass condition can test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Requests that met the bad version.
    UsersAffected,
    /// Errors of the bad version.
    ErrorsBad,
    /// 1 when rolled back, else 0.
    RolledBack,
    /// 1 when the alarm fired at all, else 0.
    Detected,
    /// Deployment duration, seconds.
    DurationS,
    /// Users affected relative to the comparison's first row, percent (comparisons only).
    VsFirstPct,
}

impl Metric {
    /// The metric's value in a single run.
    pub fn value(self, r: &DeployResult) -> f64 {
        match self {
            Self::UsersAffected => r.users_affected,
            Self::ErrorsBad => r.errors_bad,
            Self::RolledBack => f64::from(u8::from(r.outcome == Outcome::RolledBack)),
            Self::Detected => f64::from(u8::from(r.detected_at_s.is_some())),
            Self::DurationS => r.duration_s as f64,
            Self::VsFirstPct => 100.0,
        }
    }

    /// The metric's value in a comparison row.
    pub fn row_value(self, r: &CompareRow) -> f64 {
        match self {
            Self::UsersAffected => r.users_affected,
            Self::ErrorsBad => r.errors_bad,
            Self::RolledBack => f64::from(u8::from(r.outcome == Outcome::RolledBack)),
            Self::Detected => f64::from(u8::from(r.detected_at_s.is_some())),
            Self::DurationS => r.duration_s as f64,
            // No first row with harm: nothing to compare with, which never passes a "<" test.
            Self::VsFirstPct => r.vs_first_pct.unwrap_or(f64::INFINITY),
        }
    }
}

impl crate::challenge::Metric for Metric {
    fn id(&self) -> &str {
        match self {
            Self::UsersAffected => "users_affected",
            Self::ErrorsBad => "errors_bad",
            Self::RolledBack => "rolled_back",
            Self::Detected => "detected",
            Self::DurationS => "duration_s",
            Self::VsFirstPct => "vs_first_pct",
        }
    }
    fn names(&self) -> (&str, &str) {
        match self {
            Self::UsersAffected => ("불량 버전을 만난 요청", "requests that met the bad version"),
            Self::ErrorsBad => ("불량 버전의 오류", "errors of the bad version"),
            Self::RolledBack => ("롤백됨(1 = 예)", "rolled back (1 = yes)"),
            Self::Detected => ("알람이 울림(1 = 예)", "alarm fired (1 = yes)"),
            Self::DurationS => ("배포 시간(초)", "deployment time (s)"),
            Self::VsFirstPct => (
                "첫 전략 대비 피해(%)",
                "harm relative to the first strategy (%)",
            ),
        }
    }
}

/// One pass condition of a deployment preset: the shared condition over [`Metric`] (a
/// comparison's condition names its row with `strategy`).
pub type Condition = crate::challenge::Condition<Metric>;

/// A deployment scenario: the shared header (story, `fixed`), a challenge with pass conditions,
/// and the starting config.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preset {
    /// Version, id (the file stem, e.g. `deploy-canary`), story and `fixed`.
    #[serde(flatten)]
    pub header: Header,
    /// All of these must hold for the challenge to pass.
    pub pass: Vec<Condition>,
    /// Non-empty for a comparison: the strategies to run side by side.
    #[serde(default)]
    pub compare: Vec<Strategy>,
    /// The starting configuration.
    pub config: DeployConfig,
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
        if preset.pass.is_empty() {
            return Err(PresetError::Text {
                id: id.to_owned(),
                field: "pass",
            });
        }
        let known = field_values(&DeployConfig {
            alarm_datapoints: Some(1),
            ..DeployConfig::default()
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
        let config_error = |message: String| PresetError::Config {
            id: id.to_owned(),
            message,
        };
        preset
            .config
            .validate()
            .map_err(|e| config_error(e.to_string()))?;
        for name in preset.pass.iter().filter_map(|c| c.strategy.as_ref()) {
            Strategy::parse(name).map_err(|e| config_error(e.to_string()))?;
        }
        Ok(preset)
    }

    /// Whether this preset runs a comparison.
    pub fn is_comparison(&self) -> bool {
        !self.compare.is_empty()
    }

    /// The `fixed` fields that `config` changed from the preset's config.
    pub fn changed_fixed(&self, config: &DeployConfig) -> Vec<String> {
        let ours = field_values(&self.config);
        let theirs = field_values(config);
        self.fixed
            .iter()
            .filter(|f| ours.get(f.as_str()) != theirs.get(f.as_str()))
            .cloned()
            .collect()
    }

    /// Whether a single run passes: every condition holds and no `fixed` field changed.
    pub fn passes(&self, config: &DeployConfig, r: &DeployResult) -> bool {
        self.changed_fixed(config).is_empty()
            && self.pass.iter().all(|c| c.holds(c.metric.value(r)))
    }

    /// Whether a comparison passes: each condition holds on its strategy's row.
    pub fn passes_comparison(&self, config: &DeployConfig, rows: &[CompareRow]) -> bool {
        self.changed_fixed(config).is_empty()
            && self.pass.iter().all(|c| {
                let name = c
                    .strategy
                    .as_deref()
                    .and_then(|s| Strategy::parse(s).ok())
                    .map(|s| s.name);
                rows.iter()
                    .filter(|r| name.as_ref().is_none_or(|n| *n == r.strategy))
                    .all(|r| c.holds(c.metric.row_value(r)))
            })
    }
}

/// A config as a table of field name -> value.
fn field_values(config: &DeployConfig) -> toml::Table {
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
    try_presets().unwrap_or_else(|e| panic!("embedded deployment scenario is broken: {e}"))
}
