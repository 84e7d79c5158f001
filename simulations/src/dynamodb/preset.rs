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

/// Newest preset format this build reads.
pub const PRESET_FORMAT_VERSION: u32 = 1;

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

/// One scenario preset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Preset {
    /// File format version (snake case, like the other data files).
    #[serde(rename = "format_version")]
    pub format_version: u32,
    /// Stable id, e.g. `ddb-hot-key`.
    pub id: String,
    /// Title in Korean.
    pub title: String,
    /// What the scenario shows, in Korean.
    pub description: String,
    /// One-line task for the learner, in Korean.
    pub challenge: String,
    /// English title (optional: the English UI falls back to the Korean one).
    #[serde(
        default,
        rename = "title_en",
        alias = "title-en",
        skip_serializing_if = "Option::is_none"
    )]
    pub title_en: Option<String>,
    /// English description (optional).
    #[serde(
        default,
        rename = "description_en",
        alias = "description-en",
        skip_serializing_if = "Option::is_none"
    )]
    pub description_en: Option<String>,
    /// English one-line challenge (optional).
    #[serde(
        default,
        rename = "challenge_en",
        alias = "challenge-en",
        skip_serializing_if = "Option::is_none"
    )]
    pub challenge_en: Option<String>,
    /// Settings the screen keeps as shipped (`hot-share`, `requests-per-second`, …): the
    /// challenge is about another lever.
    #[serde(default)]
    pub fixed: Vec<String>,
    /// The simulation as shipped (the problem to fix).
    pub sim: SimConfig,
    /// When the challenge counts as solved.
    pub pass: PassCondition,
}

impl Preset {
    /// Runs the preset's simulation.
    pub fn run(&self) -> Result<SimReport, Error> {
        simulate(&self.sim)
    }

    /// Whether a run meets the pass condition.
    pub fn passes(&self, report: &SimReport) -> bool {
        report.total_throttled <= self.pass.max_throttled
            && self
                .pass
                .min_mean_utilisation
                .is_none_or(|min| report.mean_utilisation >= min)
    }
}

/// Parses one preset file; `file` names it in errors.
pub fn parse_preset(file: &str, text: &str) -> Result<Preset, Error> {
    let bad = |message: String| Error::Preset {
        file: file.to_owned(),
        message,
    };
    let preset: Preset = toml::from_str(text).map_err(|e| bad(e.to_string()))?;
    if preset.format_version > PRESET_FORMAT_VERSION {
        return Err(Error::UnsupportedFormatVersion {
            file: file.to_owned(),
            found: preset.format_version,
            supported: PRESET_FORMAT_VERSION,
        });
    }
    let expected_id = file.strip_suffix(".toml").unwrap_or(file);
    if preset.id != expected_id {
        return Err(bad(format!(
            "id {:?} does not match the file name",
            preset.id
        )));
    }
    if let Some(field) = crate::story::bad_text(
        [&preset.title, &preset.description, &preset.challenge],
        [
            preset.title_en.as_deref(),
            preset.description_en.as_deref(),
            preset.challenge_en.as_deref(),
        ],
    ) {
        return Err(bad(format!(
            "{field} is empty or, for a challenge, not one line"
        )));
    }
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
