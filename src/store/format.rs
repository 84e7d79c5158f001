//! The store's model (the typed parts of [`Progress`]) and the JSON file it replaced:
//! `progress.json`, read once to import it into the database ([`decode`], with [`migrate`]).

use std::collections::{BTreeMap, BTreeSet};

use crate::quiz::exam::ExamState;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The newest version of `progress.json` this build imports (the file is no longer written).
pub const FORMAT_VERSION: u64 = 1;

/// Name of the top-level field holding the format version.
const VERSION_KEY: &str = "format_version";

/// Per-lesson progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LessonProgress {
    /// The lesson's end was reached at least once.
    pub read: bool,
    /// Rendered line at the top of the reader when last left.
    pub scroll: usize,
    /// Fraction of the lesson seen, 0-100.
    pub percent: u8,
}

/// User settings kept with the progress.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// UI language code ("ko" or "en"); `None` = default (Korean).
    pub lang: Option<String>,
    /// Colour theme name; `None` = the default theme.
    pub theme: Option<String>,
    /// Mouse capture on or off; `None` = the default.
    pub mouse: Option<bool>,
    /// Practice exams use the ESL accommodation (30 extra minutes, as AWS grants non-native speakers).
    pub exam_esl: bool,
    /// Desired retention of spaced review in percent (FSRS); `None` = 90.
    pub review_retention: Option<u8>,
}

/// One answered quiz question (an entry of the answer history).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AnswerLog {
    /// Id of the question answered.
    pub question: String,
    /// When it was answered, in Unix seconds.
    pub at: u64,
    /// Whether the answer was correct.
    pub correct: bool,
    /// Ids of the choices picked (several for multiple-response questions).
    pub chosen: Vec<String>,
    /// Time taken to answer, in milliseconds.
    pub time_ms: u64,
}

/// Spaced-review state of one question (opaque to the store; owned by the review scheduler).
///
/// Real-valued scheduler quantities are stored in thousandths: integers keep the file exact,
/// keep [`Progress`] `Eq`, and cannot become a `NaN` that JSON cannot represent.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CardState {
    /// When the card is next due, in Unix seconds.
    pub due: u64,
    /// FSRS memory stability in thousandths of a day.
    pub stability_milli: u32,
    /// FSRS difficulty (1-10) in thousandths.
    pub difficulty_milli: u32,
    /// Successful reviews so far.
    pub reps: u32,
    /// Times the card was forgotten after being learnt.
    pub lapses: u32,
    /// FSRS state: 0 new, 1 learning, 2 review, 3 relearning.
    pub state: u8,
    /// When the card was last reviewed, in Unix seconds.
    pub last_review: u64,
}

/// One practice-exam attempt (opaque to the store; owned by the exam screen).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExamAttempt {
    /// Id of the exam or question set taken.
    pub exam: String,
    /// When the attempt started, in Unix seconds.
    pub started: u64,
    /// Time spent, in seconds.
    pub seconds: u64,
    /// Questions answered correctly.
    pub correct: u32,
    /// Questions in the attempt.
    pub total: u32,
}

/// What the store keeps in memory: everything but the history, which only grows and is read
/// from the database when asked for ([`super::Store::answers`], [`super::Store::finished_exams`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    /// Per-lesson progress by lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The lesson opened most recently (for "이어 읽기").
    pub last_lesson: Option<String>,
    /// Settings.
    pub settings: Settings,
    /// Spaced-review state by question id.
    pub cards: BTreeMap<String, CardState>,
    /// Practice-exam attempts, oldest first.
    pub exams: Vec<ExamAttempt>,
    /// The mock exam in progress, saved after every change (resumed after a crash).
    pub current_exam: Option<ExamState>,
    /// Ids of the simulations run at least once (for the home screen's suggestions).
    pub tried_sims: BTreeSet<String>,
    /// Ids of the simulations whose challenge was passed at least once (the list's ✓).
    pub passed_sims: BTreeSet<String>,
}

/// Everything `progress.json` held (format 1): imported into the database on first start.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct LegacyFile {
    pub lessons: BTreeMap<String, LessonProgress>,
    pub last_lesson: Option<String>,
    pub settings: Settings,
    pub answers: Vec<AnswerLog>,
    pub cards: BTreeMap<String, CardState>,
    pub exams: Vec<ExamAttempt>,
    /// Every other top-level field. Format 1 kept `current_exam`, `finished_exams` and
    /// `tried_sims` here by key; [`LegacyFile::take_extras`] types them.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The typed contents of [`LegacyFile::extra`].
#[derive(Debug, Default)]
pub(crate) struct LegacyExtras {
    /// `current_exam`: the exam in progress (kept as JSON text; parsed when loaded).
    pub current_exam: Option<String>,
    /// `finished_exams`: finished exams, oldest first (JSON text each).
    pub finished_exams: Vec<String>,
    /// `tried_sims`: simulations run at least once.
    pub tried_sims: BTreeSet<String>,
}

impl LegacyFile {
    /// Removes the keys format 1 stored under `extra` and returns them typed; what is left in
    /// `extra` is fields of a newer build, kept as they are.
    pub(crate) fn take_extras(&mut self) -> LegacyExtras {
        let current_exam = self
            .extra
            .remove("current_exam")
            .filter(|v| !v.is_null())
            .map(|v| v.to_string());
        let finished_exams = match self.extra.remove("finished_exams") {
            Some(Value::Array(list)) => list.iter().map(Value::to_string).collect(),
            Some(other) => {
                // Not a list: keep it as it was rather than drop it.
                self.extra.insert("finished_exams".into(), other);
                Vec::new()
            }
            None => Vec::new(),
        };
        let tried_sims = match self.extra.remove("tried_sims") {
            Some(Value::Array(list)) => list
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            Some(other) => {
                self.extra.insert("tried_sims".into(), other);
                BTreeSet::new()
            }
            None => BTreeSet::new(),
        };
        LegacyExtras {
            current_exam,
            finished_exams,
            tried_sims,
        }
    }

    /// The in-memory part of the file (the running exam only if it still parses).
    pub(crate) fn model(&self, extras: &LegacyExtras) -> Progress {
        Progress {
            lessons: self.lessons.clone(),
            last_lesson: self.last_lesson.clone(),
            settings: self.settings.clone(),
            cards: self.cards.clone(),
            exams: self.exams.clone(),
            current_exam: extras
                .current_exam
                .as_deref()
                .and_then(|j| ExamState::from_json(j).ok()),
            tried_sims: extras.tried_sims.clone(),
            // `progress.json` predates challenges.
            passed_sims: BTreeSet::new(),
        }
    }
}

/// Result of decoding a file that is valid JSON of a known or newer version.
#[derive(Debug)]
pub(crate) enum Decoded {
    /// A file of this version or an older one (migrated).
    Current(LegacyFile),
    /// A file of a newer version; `progress` is a best-effort read (`None` if its shape is unknown).
    Newer {
        /// The version found in the file.
        version: u64,
        /// What could be read of it.
        progress: Option<LegacyFile>,
    },
}

/// Decodes the bytes of `progress.json`; `Err` carries a human-readable reason it is corrupt.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".to_owned());
    }
    let text =
        std::str::from_utf8(bytes).map_err(|e| format!("not UTF-8 (byte {})", e.valid_up_to()))?;
    let mut value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let Some(object) = value.as_object_mut() else {
        return Err("top level is not a JSON object".to_owned());
    };
    // A missing version means a file written before versioning (same layout as v1).
    let version = match object.remove(VERSION_KEY) {
        None => 0,
        Some(v) => v
            .as_u64()
            .ok_or_else(|| format!("{VERSION_KEY} is not a non-negative integer: {v}"))?,
    };
    if version > FORMAT_VERSION {
        let progress = serde_json::from_value(value).ok();
        return Ok(Decoded::Newer { version, progress });
    }
    let progress = if version == FORMAT_VERSION {
        // Parse the text again rather than the value so shape errors carry line and column.
        let mut progress: LegacyFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        progress.extra.remove(VERSION_KEY);
        progress
    } else {
        serde_json::from_value(migrate(value, version)).map_err(|e| e.to_string())?
    };
    Ok(Decoded::Current(progress))
}

/// Upgrades a decoded file of version `from` to the current [`FORMAT_VERSION`].
///
/// Each step rewrites the JSON of version `n` into version `n + 1`, so a file of any older
/// version passes through every step in turn. Version 0 (no `format_version` field) has the
/// same layout as version 1.
pub fn migrate(mut value: Value, from: u64) -> Value {
    for step in from..FORMAT_VERSION {
        value = migrate_step(value, step);
    }
    value
}

/// Rewrites a file of version `from` into version `from + 1`.
fn migrate_step(value: Value, from: u64) -> Value {
    match from {
        // 0 -> 1: same layout; only `format_version` was introduced.
        0 => value,
        _ => unreachable!("no migration step from format version {from}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current(bytes: &[u8]) -> LegacyFile {
        match decode(bytes) {
            Ok(Decoded::Current(p)) => p,
            other => panic!("expected a current file, got {other:?}"),
        }
    }

    #[test]
    fn format_1_extras_become_typed_and_unknown_fields_stay() {
        let mut file = current(
            br#"{"format_version": 1, "tried_sims": ["b", "a"], "finished_exams": [{"x": 1}],
                 "current_exam": {"version": 1}, "streak": 3}"#,
        );
        let extras = file.take_extras();
        assert_eq!(extras.tried_sims.iter().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(extras.finished_exams, [r#"{"x":1}"#]);
        assert_eq!(extras.current_exam.as_deref(), Some(r#"{"version":1}"#));
        assert_eq!(file.extra.keys().collect::<Vec<_>>(), ["streak"]);
        // A running exam that no longer parses is not in the model (its row is kept).
        assert!(file.model(&extras).current_exam.is_none());
    }

    #[test]
    fn missing_version_is_migrated_from_zero() {
        let p = current(br#"{"lessons":{"a":{"read":true}},"last_lesson":"a"}"#);
        assert!(p.lessons["a"].read);
        assert_eq!(p.last_lesson.as_deref(), Some("a"));
        assert!(p.extra.is_empty(), "{:?}", p.extra);
    }

    #[test]
    fn migrate_is_identity_for_current_layout() {
        let v = serde_json::json!({"lessons": {}, "x": 1});
        assert_eq!(migrate(v.clone(), 0), v);
        assert_eq!(migrate(v.clone(), FORMAT_VERSION), v);
    }

    #[test]
    fn newer_version_is_reported_with_best_effort_data() {
        match decode(br#"{"format_version": 7, "last_lesson": "b", "new": []}"#).unwrap() {
            Decoded::Newer { version, progress } => {
                assert_eq!(version, 7);
                assert_eq!(progress.unwrap().last_lesson.as_deref(), Some("b"));
            }
            Decoded::Current(p) => panic!("newer file decoded as current: {p:?}"),
        }
        assert!(matches!(
            decode(br#"{"format_version": 2, "lessons": 3}"#),
            Ok(Decoded::Newer { progress: None, .. })
        ));
    }

    #[test]
    fn corrupt_inputs_give_reasons() {
        let reason = |b: &[u8]| decode(b).unwrap_err();
        assert_eq!(reason(b""), "empty file");
        assert_eq!(reason(b" \n"), "empty file");
        assert!(reason(b"{\n  \"lessons\": {,").contains("line 2 column"));
        assert!(reason(b"{\"a\": \"\xff\"}").starts_with("not UTF-8"));
        assert!(reason(b"[1, 2]").contains("not a JSON object"));
        assert!(reason(b"{\"format_version\": \"one\"}").contains("format_version"));
        let shape = reason(b"{\"format_version\": 1,\n\"lessons\": 5}");
        assert!(shape.contains("line 2 column"), "{shape}");
    }
}
