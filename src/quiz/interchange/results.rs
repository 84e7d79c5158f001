//! One finished attempt as a result file, in JSON or CSV.
//!
//! JSON is the faithful form: the [`AttemptResult`] fields plus a top-level `format_version`
//! (a newer version is refused, like the bank format). CSV is for spreadsheets: a header row,
//! then one row per answer with the attempt's fields repeated on every row:
//!
//! ```text
//! student,exam_or_quiz,started_at,seed,question,correct,chosen,time_ms,domains,misconception_chosen
//! 김민지,saa-mock-1,1767225600,42,rds-read-replica-max,false,b,5300,saa.performance,outdated-limit
//! ```
//!
//! Lists (`chosen`, `domains`) are joined with `;` (ids never contain it); an empty `seed` or
//! `misconception_chosen` cell means none. A CSV file may hold several attempts one after the
//! other, so [`AttemptResult::from_csv`] returns a list, starting a new attempt whenever
//! student, exam or start time changes. An attempt with no answers has no rows, so it only
//! survives in JSON.

use serde::{Deserialize, Serialize};

use crate::quiz::bank::Bank;
use crate::store::AnswerLog;

/// The result-file format version this build writes and reads.
pub const RESULTS_FORMAT_VERSION: u32 = 1;

/// One student's finished attempt at an exam or quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptResult {
    /// Student name as typed (any text, Hangul included).
    pub student: String,
    /// Id of the exam or quiz taken.
    pub exam_or_quiz: String,
    /// When the attempt started, in Unix seconds.
    pub started_at: u64,
    /// The session seed, when the questions were drawn from one.
    pub seed: Option<u64>,
    /// The answers, in the order given.
    pub answers: Vec<ResultAnswer>,
}

/// One answered question of an attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResultAnswer {
    /// Question id.
    pub question: String,
    /// Whether the answer was right.
    pub correct: bool,
    /// Choice ids picked, or the number typed for a numeric question.
    pub chosen: Vec<String>,
    /// Time taken, in milliseconds.
    pub time_ms: u64,
    /// The question's exam domains (kept so a report works without the bank).
    pub domains: Vec<String>,
    /// The misconception tag of the first wrong choice picked, if it has one.
    pub misconception_chosen: Option<String>,
}

/// A result file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    /// Not valid JSON of the expected shape.
    #[error("invalid result JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// Not valid CSV of the expected shape (the message names the row).
    #[error("invalid result CSV: {0}")]
    Csv(String),
    /// Written by a newer gureum.
    #[error(
        "result format_version {0} is newer than this gureum reads ({RESULTS_FORMAT_VERSION}); update gureum"
    )]
    Newer(u32),
}

/// The JSON document: the version next to the attempt's fields.
#[derive(Serialize, Deserialize)]
struct Document<T> {
    format_version: u32,
    #[serde(flatten)]
    attempt: T,
}

/// The CSV header row.
const CSV_HEADER: [&str; 10] = [
    "student",
    "exam_or_quiz",
    "started_at",
    "seed",
    "question",
    "correct",
    "chosen",
    "time_ms",
    "domains",
    "misconception_chosen",
];

impl ResultAnswer {
    /// The result of one logged answer, with domains and misconception looked up in `bank`.
    pub fn from_log(log: &AnswerLog, bank: &Bank) -> Self {
        let question = bank.get(&log.question).map(|e| &e.question);
        let misconception_chosen = question.and_then(|q| {
            let right = q.correct_ids();
            log.chosen
                .iter()
                .filter(|id| !right.contains(&id.as_str()))
                .find_map(|id| q.choices.iter().find(|c| &c.id == id))
                .and_then(|c| c.misconception.clone())
        });
        Self {
            question: log.question.clone(),
            correct: log.correct,
            chosen: log.chosen.clone(),
            time_ms: log.time_ms,
            domains: question.map(|q| q.domains.clone()).unwrap_or_default(),
            misconception_chosen,
        }
    }
}

impl AttemptResult {
    /// Pretty-printed JSON with a `format_version`.
    pub fn to_json(&self) -> String {
        let doc = Document {
            format_version: RESULTS_FORMAT_VERSION,
            attempt: self,
        };
        // Strings, numbers and lists always serialise.
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }

    /// Reads what [`AttemptResult::to_json`] wrote (a missing version counts as 1).
    pub fn from_json(text: &str) -> Result<Self, ResultsError> {
        let value: serde_json::Value = serde_json::from_str(text)?;
        let version = value
            .get("format_version")
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(1);
        if version > u64::from(RESULTS_FORMAT_VERSION) {
            return Err(ResultsError::Newer(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
        Ok(serde_json::from_value(value)?)
    }

    /// CSV with a header row and one row per answer.
    pub fn to_csv(&self) -> String {
        Self::many_to_csv(std::slice::from_ref(self))
    }

    /// Several attempts in one CSV (one header row).
    pub fn many_to_csv(attempts: &[AttemptResult]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        // Writing to a Vec cannot fail.
        let _ = w.write_record(CSV_HEADER);
        for a in attempts {
            for r in &a.answers {
                let _ = w.write_record([
                    a.student.as_str(),
                    &a.exam_or_quiz,
                    &a.started_at.to_string(),
                    &a.seed.map(|s| s.to_string()).unwrap_or_default(),
                    &r.question,
                    if r.correct { "true" } else { "false" },
                    &r.chosen.join(";"),
                    &r.time_ms.to_string(),
                    &r.domains.join(";"),
                    r.misconception_chosen.as_deref().unwrap_or_default(),
                ]);
            }
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Reads what [`AttemptResult::to_csv`] wrote: one attempt per run of rows.
    pub fn from_csv(text: &str) -> Result<Vec<Self>, ResultsError> {
        let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let headers = r.headers().map_err(|e| ResultsError::Csv(e.to_string()))?;
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| ResultsError::Csv(format!("missing column `{name}`")))
        };
        let cols: Vec<usize> = CSV_HEADER
            .iter()
            .map(|h| col(h))
            .collect::<Result<_, _>>()?;
        let mut out: Vec<AttemptResult> = Vec::new();
        for (row, record) in r.records().enumerate() {
            // Row 1 is the header.
            let row = row + 2;
            let record = record.map_err(|e| ResultsError::Csv(format!("row {row}: {e}")))?;
            let get = |i: usize| record.get(cols[i]).unwrap_or_default();
            let num = |i: usize| {
                get(i).trim().parse::<u64>().map_err(|_| {
                    ResultsError::Csv(format!("row {row}: `{}` is not a number", get(i)))
                })
            };
            let list = |i: usize| -> Vec<String> {
                get(i)
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            let seed = if get(3).trim().is_empty() {
                None
            } else {
                Some(num(3)?)
            };
            let correct = match get(5).trim() {
                "true" => true,
                "false" => false,
                other => {
                    return Err(ResultsError::Csv(format!(
                        "row {row}: `{other}` is not true or false"
                    )));
                }
            };
            let answer = ResultAnswer {
                question: get(4).to_owned(),
                correct,
                chosen: list(6),
                time_ms: num(7)?,
                domains: list(8),
                misconception_chosen: Some(get(9).to_owned()).filter(|s| !s.is_empty()),
            };
            let (student, exam, started_at) = (get(0), get(1), num(2)?);
            match out.last_mut() {
                Some(a)
                    if a.student == student
                        && a.exam_or_quiz == exam
                        && a.started_at == started_at =>
                {
                    a.answers.push(answer);
                }
                _ => out.push(AttemptResult {
                    student: student.to_owned(),
                    exam_or_quiz: exam.to_owned(),
                    started_at,
                    seed,
                    answers: vec![answer],
                }),
            }
        }
        Ok(out)
    }
}
