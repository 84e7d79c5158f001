//! Question-bank interchange formats and classroom result files.
//!
//! Teachers move questions between gureum and other tools, and collect students' results into
//! a class report. Everything here is pure: strings in, strings or values out, no files, no
//! terminal. The CLI (`gureum bank export|import`, `gureum results export`, `gureum report`)
//! reads and writes the files around these functions.
//!
//! - [`gift`]: Moodle's GIFT, both ways. GIFT cannot express gureum's lesson, domains, tags,
//!   difficulty, choice ids, misconception tags, unit or English text, so each exported
//!   question is preceded by a `// gureum: {json}` comment carrying them. Other GIFT tools
//!   skip comments; gureum reads them back, so a round trip through GIFT loses nothing.
//! - [`aiken`]: Moodle's Aiken, both ways, single-answer questions only (all Aiken can say).
//! - [`anki`]: Anki's tab-separated text import, export only (flash cards do not come back
//!   as exam questions).
//! - [`results`]: one finished attempt as JSON or CSV ([`AttemptResult`]).
//! - [`report`]: many students' attempts merged into a class report ([`Report`]).
//!
//! Importers never guess a lesson or an exam domain: questions written in another tool have
//! neither, so the caller passes [`Defaults`]. Import errors name the 1-based line of the
//! input where the problem is ([`ImportError`]).

pub mod aiken;
pub mod anki;
pub mod gift;
pub mod report;
pub mod results;

pub use aiken::{AikenExport, export_aiken, import_aiken};
pub use anki::export_anki;
pub use gift::{export_gift, import_gift};
pub use report::{DomainStat, ItemStat, MisconceptionCount, Report, StudentScore, report};
pub use results::{AttemptResult, ResultAnswer, ResultsError};

/// What an importer fills in for fields the source format cannot express.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defaults {
    /// Lesson id given to every imported question (`lesson` is required in gureum).
    pub lesson: String,
    /// Exam domain ids given to every imported question.
    pub domains: Vec<String>,
    /// Difficulty 1-3 given to every imported question.
    pub difficulty: u8,
    /// Prefix of generated question ids (`{prefix}-{n}`, n counting from 1).
    pub id_prefix: String,
}

impl Defaults {
    /// Defaults for questions of `lesson` in one exam `domain`, difficulty 2, ids `imported-N`.
    pub fn new(lesson: &str, domain: &str) -> Self {
        Self {
            lesson: lesson.to_owned(),
            domains: vec![domain.to_owned()],
            difficulty: 2,
            id_prefix: "imported".to_owned(),
        }
    }

    /// The generated id of the `n`th question (1-based).
    fn id(&self, n: usize) -> String {
        format!("{}-{n}", self.id_prefix)
    }
}

/// A problem in an imported file, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {kind}")]
pub struct ImportError {
    /// 1-based line in the input.
    pub line: usize,
    /// What is wrong.
    pub kind: ImportErrorKind,
}

/// What is wrong with an imported question.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportErrorKind {
    /// A `{` without its `}`, or the other way round.
    #[error("unbalanced braces: an answer block needs one `{{` and one `}}`")]
    UnbalancedBraces,
    /// A question type gureum has no kind for (true/false, short answer, matching, essay...).
    #[error("unsupported question type: {0}")]
    Unsupported(&'static str),
    /// No answer is marked right.
    #[error("no answer is marked right")]
    NoCorrectAnswer,
    /// Several `=` answers, or `=` mixed with `%` weights.
    #[error("a question needs one `=` answer or `%` weights, not several `=` or both")]
    AmbiguousKey,
    /// A numeric answer that is not a number.
    #[error("not a number: `{0}`")]
    BadNumber(String),
    /// A `// gureum:` comment that is not valid or does not match the question.
    #[error("bad `// gureum:` comment: {0}")]
    BadMeta(String),
    /// Fewer than two choices.
    #[error("a question needs at least two choices")]
    TooFewChoices,
    /// (Aiken) a choice line before any question text.
    #[error("a choice before its question")]
    ChoiceBeforeQuestion,
    /// (Aiken) a question without its `ANSWER:` line.
    #[error("missing `ANSWER:` line")]
    MissingAnswer,
    /// (Aiken) an `ANSWER:` letter that names no choice.
    #[error("`ANSWER: {0}` names no choice")]
    UnknownAnswer(String),
    /// (Aiken) a line that is neither question, choice nor answer where one was expected.
    #[error("unexpected line: `{0}`")]
    UnexpectedLine(String),
}

impl ImportError {
    /// The error for the learner-facing Korean UI.
    pub fn message_ko(&self) -> String {
        let what = match &self.kind {
            ImportErrorKind::UnbalancedBraces => {
                "중괄호가 맞지 않아요: 답 블록에는 `{`와 `}`가 하나씩 있어야 해요".to_owned()
            }
            ImportErrorKind::Unsupported(t) => {
                format!("gureum이 지원하지 않는 문제 유형이에요: {t}")
            }
            ImportErrorKind::NoCorrectAnswer => "정답으로 표시된 답이 없어요".to_owned(),
            ImportErrorKind::AmbiguousKey => {
                "정답은 `=` 하나 또는 `%` 가중치로 표시해야 해요".to_owned()
            }
            ImportErrorKind::BadNumber(s) => format!("숫자가 아니에요: `{s}`"),
            ImportErrorKind::BadMeta(s) => format!("`// gureum:` 주석이 잘못되었어요: {s}"),
            ImportErrorKind::TooFewChoices => "보기가 두 개 이상 있어야 해요".to_owned(),
            ImportErrorKind::ChoiceBeforeQuestion => "문제보다 보기가 먼저 나왔어요".to_owned(),
            ImportErrorKind::MissingAnswer => "`ANSWER:` 줄이 없어요".to_owned(),
            ImportErrorKind::UnknownAnswer(s) => format!("`ANSWER: {s}`에 해당하는 보기가 없어요"),
            ImportErrorKind::UnexpectedLine(s) => format!("예상하지 못한 줄이에요: `{s}`"),
        };
        format!("{}번째 줄: {what}", self.line)
    }
}

/// Choice id for the choice at `index`: `a`, `b`, ... `z`, then `c27`, `c28`, ...
fn choice_id(index: usize) -> String {
    match u8::try_from(index) {
        Ok(i) if i < 26 => char::from(b'a' + i).to_string(),
        _ => format!("c{}", index + 1),
    }
}

/// Upper-case letter for the choice at `index` (Aiken and Anki label choices A, B, ...).
fn choice_letter(index: usize) -> Option<char> {
    u8::try_from(index)
        .ok()
        .filter(|&i| i < 26)
        .map(|i| char::from(b'A' + i))
}
