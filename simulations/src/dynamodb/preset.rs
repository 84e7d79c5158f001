//! Scenario presets: the files `simulations/scenarios/ddb-*.toml`, compiled into the binary.
//!
//! A preset is a [`SimConfig`] plus what the learner reads (Korean `title`, `description` and a
//! one-line `challenge`) and a machine-checkable [`PassCondition`]. The shipped configuration is the
//! *problem*: it fails its own pass condition, and the learner edits the config (spread the keys,
//! change capacity or consistency) until [`Preset::passes`] holds. Files carry a `format_version`;
//! a newer one is refused with a clear message, like rustlings' `info.toml`.
//! Optional `title_en`, `description_en` and `challenge_en` give the English UI its text (it falls
//! back to the Korean one); every shipped preset has them.

use serde::{Deserialize, Serialize};

use super::error::Error;
use super::partition::{SimConfig, SimReport, simulate};
use crate::challenge::{Condition, Header, Op, ReadError, read_preset};

/// Newest preset format this build reads (the one for every model).
pub use crate::challenge::PRESET_FORMAT_VERSION;

/// The embedded preset files, as (file name, contents).
const FILES: [(&str, &str); 3] = [
    (
        "ddb-hot-key.toml",
        include_str!("../../scenarios/ddb-hot-key.toml"),
    ),
    (
        "ddb-uniform.toml",
        include_str!("../../scenarios/ddb-uniform.toml"),
    ),
    (
        "ddb-burst.toml",
        include_str!("../../scenarios/ddb-burst.toml"),
    ),
];

/// What a run must achieve to pass the challenge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PassCondition {
    /// Most throttled requests allowed over the whole run.
    pub max_throttled: u64,
    /// Least mean table utilisation (consumed / provisioned, 0 to 1), if required.
    #[serde(default)]
    pub min_mean_utilisation: Option<f64>,
}

/// A result number a DynamoDB pass condition tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    /// `SimReport::total_throttled`.
    TotalThrottled,
    /// `SimReport::mean_utilisation` (0 to 1).
    MeanUtilisation,
}

impl Metric {
    /// The metric's value in `r`.
    pub fn value(self, r: &SimReport) -> f64 {
        match self {
            Self::TotalThrottled => r.total_throttled as f64,
            Self::MeanUtilisation => r.mean_utilisation,
        }
    }
}

impl crate::challenge::Metric for Metric {
    fn id(&self) -> &str {
        match self {
            Self::TotalThrottled => "total_throttled",
            Self::MeanUtilisation => "mean_utilisation",
        }
    }
    fn names(&self) -> (&str, &str) {
        match self {
            Self::TotalThrottled => ("스로틀된 요청", "throttled requests"),
            Self::MeanUtilisation => ("평균 사용률(0-1)", "mean utilisation (0-1)"),
        }
    }
}

impl PassCondition {
    /// The pass condition as the shared conditions: throttled at most `max-throttled`, and mean
    /// utilisation at least `min-mean-utilisation` when given.
    pub fn conditions(&self) -> Vec<Condition<Metric>> {
        let mut out = vec![Condition::new(
            Metric::TotalThrottled,
            Op::Le,
            self.max_throttled as f64,
        )];
        if let Some(min) = self.min_mean_utilisation {
            out.push(Condition::new(Metric::MeanUtilisation, Op::Ge, min));
        }
        out
    }
}

/// One scenario preset: the shared header (version, id, story, `fixed` with the kebab setting
/// names such as `hot-share`), the simulation as shipped and the pass condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Preset {
    /// Version, id (e.g. `ddb-hot-key`), story and `fixed`.
    #[serde(flatten)]
    pub header: Header,
    /// The simulation as shipped (the problem to fix).
    pub sim: SimConfig,
    /// When the challenge counts as solved.
    pub pass: PassCondition,
}

crate::deref_header!(Preset);

impl Preset {
    /// Runs the preset's simulation.
    pub fn run(&self) -> Result<SimReport, Error> {
        simulate(&self.sim)
    }

    /// Whether a run meets the pass condition.
    pub fn passes(&self, report: &SimReport) -> bool {
        self.pass
            .conditions()
            .iter()
            .all(|c| c.holds(c.metric.value(report)))
    }
}

/// Parses one preset file; `file` names it in errors.
pub fn parse_preset(file: &str, text: &str) -> Result<Preset, Error> {
    let bad = |message: String| Error::Preset {
        file: file.to_owned(),
        message,
    };
    let preset: Preset =
        read_preset::<Preset>(file, text, |p| &mut p.header).map_err(|e| match e {
            ReadError::Newer(e) => Error::Newer(e),
            other => bad(other.to_string()),
        })?;
    if let Some(min) = preset.pass.min_mean_utilisation
        && !(0.0..=1.0).contains(&min)
    {
        return Err(bad(
            "pass.min-mean-utilisation must be between 0 and 1".to_owned()
        ));
    }
    // A preset whose simulation cannot run is a content error: report it now, with the file name.
    simulate(&preset.sim).map_err(|e| bad(e.to_string()))?;
    Ok(preset)
}

/// All embedded presets, in a fixed order.
pub fn presets() -> Result<Vec<Preset>, Error> {
    FILES
        .iter()
        .map(|(file, text)| parse_preset(file, text))
        .collect()
}
