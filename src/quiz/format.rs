//! The question-bank file format (`quizzes/*.toml`), documented for authors in
//! `quizzes/README.md`.

use serde::{Deserialize, Serialize};

/// The newest bank format this build reads.
pub const FORMAT_VERSION: u32 = 1;

/// One bank file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankFile {
    /// Format version; a newer one is refused with a clear message.
    pub format_version: u32,
    /// Human labels for the misconception tags used by this file's choices.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub misconceptions: std::collections::BTreeMap<String, Label>,
    /// The questions.
    #[serde(default)]
    pub question: Vec<Question>,
}

/// A short learner-facing label in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Label {
    /// Korean label (what a learner reads in Korean mode).
    pub ko: String,
    /// English label.
    pub en: String,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// One correct choice out of four or more.
    Single,
    /// N correct choices out of five or more; the prompt says how many.
    Multiple,
    /// A number, within a tolerance, in a unit.
    Numeric,
}

/// The keyed answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A choice id (`single`).
    One(String),
    /// Choice ids (`multiple`).
    Many(Vec<String>),
    /// A number (`numeric`).
    Number(f64),
}

/// One choice of a `single` or `multiple` question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stable id within the question (answers refer to it, never to positions).
    pub id: String,
    /// The text (Korean markdown).
    pub text: String,
    /// For a wrong choice: the misconception that makes people pick it.
    #[serde(default)]
    pub why: Option<String>,
    /// Optional misconception tag shared across questions.
    #[serde(default)]
    pub misconception: Option<String>,
    /// English form of `why`, for the English view of the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why_en: Option<String>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, unique across all banks.
    pub id: String,
    /// Lesson id, optionally `#anchor` of the section the question comes from.
    pub lesson: String,
    /// Answer kind.
    pub kind: Kind,
    /// 1 (easy) to 3 (hard).
    pub difficulty: u8,
    /// Exam domain ids (`saa.secure`, `dva.deployment`, ...).
    pub domains: Vec<String>,
    /// Topic tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The question (Korean markdown, the exam's 합니다체).
    pub prompt: String,
    /// The choices (`single`, `multiple`).
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// The keyed answer.
    pub answer: Answer,
    /// Allowed error for `numeric`.
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// Unit for `numeric` (e.g. `RCU`).
    #[serde(default)]
    pub unit: Option<String>,
    /// Why the answer is right.
    pub explanation: String,
    /// English prompt.
    #[serde(default)]
    pub prompt_en: Option<String>,
    /// English choices, in the order of `choices`.
    #[serde(default)]
    pub choices_en: Option<Vec<String>>,
    /// English explanation.
    #[serde(default)]
    pub explanation_en: Option<String>,
    /// AWS documentation pages that state the fact the key depends on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
}

/// The exam domains: id, exam, name, weight in percent (the published exam guides).
pub const DOMAINS: [(&str, &str, &str, u8); 8] = [
    ("saa.secure", "SAA-C03", "Design Secure Architectures", 30),
    (
        "saa.resilient",
        "SAA-C03",
        "Design Resilient Architectures",
        26,
    ),
    (
        "saa.performance",
        "SAA-C03",
        "Design High-Performing Architectures",
        24,
    ),
    (
        "saa.cost",
        "SAA-C03",
        "Design Cost-Optimized Architectures",
        20,
    ),
    (
        "dva.development",
        "DVA-C02",
        "Development with AWS Services",
        32,
    ),
    ("dva.security", "DVA-C02", "Security", 26),
    ("dva.deployment", "DVA-C02", "Deployment", 24),
    (
        "dva.troubleshooting",
        "DVA-C02",
        "Troubleshooting and Optimization",
        18,
    ),
];

impl Question {
    /// The lesson id part of `lesson`.
    pub fn lesson_id(&self) -> &str {
        self.lesson
            .split_once('#')
            .map_or(self.lesson.as_str(), |(id, _)| id)
    }

    /// The anchor part of `lesson`, if any.
    pub fn anchor(&self) -> Option<&str> {
        self.lesson.split_once('#').map(|(_, a)| a)
    }

    /// The ids of the correct choices (empty for `numeric`).
    pub fn correct_ids(&self) -> Vec<&str> {
        match &self.answer {
            Answer::One(id) => vec![id.as_str()],
            Answer::Many(ids) => ids.iter().map(String::as_str).collect(),
            Answer::Number(_) => Vec::new(),
        }
    }
}
