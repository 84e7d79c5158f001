//! The on-disk shape of `progress.json`: the saved types, the format version, and the
//! decode/encode steps (including [`migrate`]) between bytes and [`Progress`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The format version this build reads and writes.
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
    /// Memory stability in thousandths of a day.
    pub stability_milli: u32,
    /// Item difficulty in thousandths (the scheduler defines the scale).
    pub difficulty_milli: u32,
    /// Successful reviews so far.
    pub reps: u32,
    /// Times the card was forgotten after being learnt.
    pub lapses: u32,
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

/// Everything that is saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Per-lesson progress by lesson id.
    pub lessons: BTreeMap<String, LessonProgress>,
    /// The lesson opened most recently (for "이어 읽기").
    pub last_lesson: Option<String>,
    /// Settings.
    pub settings: Settings,
    /// Quiz answer history, oldest first.
    pub answers: Vec<AnswerLog>,
    /// Spaced-review state by question id.
    pub cards: BTreeMap<String, CardState>,
    /// Practice-exam attempts, oldest first.
    pub exams: Vec<ExamAttempt>,
    /// Top-level fields this build does not know (written by a newer gureum), kept on save.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// Result of decoding a file that is valid JSON of a known or newer version.
#[derive(Debug)]
pub(crate) enum Decoded {
    /// A file of this version or an older one (migrated).
    Current(Progress),
    /// A file of a newer version; `progress` is a best-effort read (`None` if its shape is unknown).
    Newer {
        /// The version found in the file.
        version: u64,
        /// What could be read of it.
        progress: Option<Progress>,
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
        let mut progress: Progress = serde_json::from_str(text).map_err(|e| e.to_string())?;
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

/// Encodes `progress` as pretty JSON with the current `format_version`.
pub(crate) fn encode(progress: &Progress) -> Result<Vec<u8>, serde_json::Error> {
    let Value::Object(mut object) = serde_json::to_value(progress)? else {
        unreachable!("Progress serialises to a JSON object")
    };
    object.insert(VERSION_KEY.to_owned(), Value::from(FORMAT_VERSION));
    let mut bytes = serde_json::to_vec_pretty(&object)?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current(bytes: &[u8]) -> Progress {
        match decode(bytes) {
            Ok(Decoded::Current(p)) => p,
            other => panic!("expected a current file, got {other:?}"),
        }
    }

    #[test]
    fn encode_then_decode_is_identity_and_versioned() {
        let mut p = Progress::default();
        p.lessons.insert(
            "s3-basics".into(),
            LessonProgress {
                read: true,
                scroll: 12,
                percent: 40,
            },
        );
        p.cards.insert(
            "q1".into(),
            CardState {
                due: 9,
                reps: 2,
                ..CardState::default()
            },
        );
        p.extra.insert("future".into(), Value::from(7));
        let bytes = encode(&p).unwrap();
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(value[VERSION_KEY], Value::from(FORMAT_VERSION));
        assert_eq!(current(&bytes), p);
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
