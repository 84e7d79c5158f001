//! The running exam: a serialisable state and its pure, clock-free transitions.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::blueprint::ExamId;
use super::draw::Drawn;
use crate::quiz::bank::Bank;
use crate::quiz::session::{Item, Response};

/// The newest saved-exam format this build reads.
pub const STATE_VERSION: u32 = 1;

/// Milliseconds in a minute.
const MINUTE_MS: u64 = 60_000;

/// A saved response; mirrors [`session::Response`](crate::quiz::session::Response) for serde.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExamResponse {
    /// Chosen choice ids, sorted and without duplicates.
    Choices(Vec<String>),
    /// A number (always finite: JSON cannot hold NaN or infinity). Saved as a decimal
    /// string so it reads back bit for bit (`"number": "42.5"`).
    Number(#[serde(with = "exact_f64")] f64),
}

/// Saves an `f64` as a decimal string that reads back bit for bit.
///
/// `serde_json`'s default number parser (without its `float_roundtrip` feature) may be off by
/// one unit in the last place for some values, so a saved number could come back different;
/// Rust's own shortest-representation formatting and correctly rounded `parse` cannot. Plain
/// JSON numbers are still accepted on reading, for hand-written files.
mod exact_f64 {
    use std::fmt;

    use serde::de::{self, Visitor};
    use serde::{Deserializer, Serializer};

    #[allow(clippy::trivially_copy_pass_by_ref)] // serde's `with` passes a reference.
    pub fn serialize<S: Serializer>(n: &f64, s: S) -> Result<S::Ok, S::Error> {
        // Plain digits for everyday magnitudes, exponent form otherwise (both round-trip;
        // plain `{}` of 1e300 would be 301 characters).
        let text = if *n == 0.0 || (1e-5..1e16).contains(&n.abs()) {
            format!("{n}")
        } else {
            format!("{n:e}")
        };
        s.serialize_str(&text)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        d.deserialize_any(F64Visitor)
    }

    struct F64Visitor;

    impl Visitor<'_> for F64Visitor {
        type Value = f64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number or a decimal string")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
            v.trim().parse().map_err(E::custom)
        }

        fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
            Ok(v)
        }

        fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
            Ok(v as f64)
        }

        fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
            Ok(v as f64)
        }
    }
}

impl From<Response> for ExamResponse {
    fn from(r: Response) -> Self {
        match r {
            Response::Choices(ids) => ExamResponse::Choices(ids),
            Response::Number(n) => ExamResponse::Number(n),
        }
    }
}

impl From<ExamResponse> for Response {
    fn from(r: ExamResponse) -> Self {
        match r {
            ExamResponse::Choices(ids) => Response::Choices(ids),
            ExamResponse::Number(n) => Response::Number(n),
        }
    }
}

/// One question of the exam as saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamItem {
    /// Question id (stable across bank edits, unlike an index).
    pub id: String,
    /// The exam domain this question fills.
    pub domain: String,
    /// Choice ids in display order (empty for `numeric`).
    pub choices: Vec<String>,
    /// The learner's response, if any.
    pub response: Option<ExamResponse>,
    /// Marked for review.
    pub flagged: bool,
}

/// Why the exam ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SubmitReason {
    /// The learner submitted.
    Manual,
    /// The countdown reached zero.
    TimeUp,
}

/// When and why the exam was submitted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// Epoch ms, never after the deadline: a late tick still ends the exam at the deadline.
    pub at_ms: u64,
    /// Manual or time up.
    pub reason: SubmitReason,
}

/// One cell of the overview grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// Answered, not flagged.
    Answered,
    /// Flagged for review, answered or not.
    Flagged {
        /// Whether it also has a response.
        answered: bool,
    },
    /// Neither answered nor flagged.
    Empty,
}

/// What a transition did, so the UI knows whether to save and what to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The state changed.
    Applied,
    /// Nothing to change (already there, at the end of the list, same response, time left).
    Unchanged,
    /// The exam is submitted; every action is a no-op now.
    AlreadySubmitted,
    /// No question at that index.
    OutOfRange,
    /// The response does not fit the question (unknown choice id, number for a choice
    /// question, non-finite number, no choice at all).
    InvalidResponse,
    /// Time was up: the action was refused and the exam submitted at its deadline.
    TimeUp,
}

impl Outcome {
    /// Whether the state changed and should be saved.
    pub fn changed(self) -> bool {
        matches!(self, Outcome::Applied | Outcome::TimeUp)
    }
}

/// Why a saved exam cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ExamError {
    /// Not valid JSON for an exam state.
    #[error("저장된 시험 파일을 읽을 수 없어요 / cannot read the saved exam: {0}")]
    Json(#[from] serde_json::Error),
    /// Saved by a newer gureum.
    #[error(
        "저장된 시험은 새 형식 {found}이에요 (최대 {STATE_VERSION}). gureum을 업데이트해 주세요 / the saved exam has format {found}, newer than {STATE_VERSION}; update gureum"
    )]
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
    },
    /// Valid JSON whose values contradict each other (hand-edited or damaged).
    #[error("저장된 시험이 손상됐어요 / the saved exam is damaged: {0}")]
    Corrupt(&'static str),
    /// Questions of the exam are no longer in the bank.
    #[error("시험에 쓰인 문제가 은행에 없어요 / questions of this exam are missing from the bank: {}", ids.join(", "))]
    MissingQuestions {
        /// The missing question ids.
        ids: Vec<String>,
    },
    /// Questions whose choices changed since the exam started.
    #[error("시험 중에 보기가 바뀐 문제가 있어요 / these questions' choices changed since the exam started: {}", ids.join(", "))]
    ChoicesChanged {
        /// The question ids.
        ids: Vec<String>,
    },
    /// Results asked for before the exam was submitted.
    #[error("아직 제출하지 않은 시험이에요 / the exam has not been submitted yet")]
    NotSubmitted,
}

/// A whole exam in progress or finished; save it as JSON after every change.
///
/// Fields are private so every change goes through a transition that keeps them consistent;
/// read them with the accessors. Every method is total: indexes out of range and actions after
/// submission are reported as an [`Outcome`], never a panic.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamState {
    /// Format version of the saved file ([`STATE_VERSION`]).
    version: u32,
    /// Which exam.
    exam: ExamId,
    /// The seed the questions were drawn with.
    seed: u64,
    /// The questions in exam order with responses and flags.
    items: Vec<ExamItem>,
    /// The question on screen.
    current: usize,
    /// Epoch ms when the exam started.
    started_at_ms: u64,
    /// Epoch ms when time runs out; absolute so a resumed exam keeps counting.
    deadline_ms: u64,
    /// Set once, when the exam ends.
    submitted: Option<Submission>,
}

impl ExamState {
    /// Starts an exam of the drawn questions with `minutes` on the clock from `now_ms`.
    pub fn start(bank: &Bank, drawn: &Drawn, minutes: u32, now_ms: u64) -> ExamState {
        let items = drawn
            .items
            .iter()
            .map(|d| {
                let q = &bank.entries[d.entry].question;
                ExamItem {
                    id: q.id.clone(),
                    domain: d.domain.to_owned(),
                    choices: d.order.iter().map(|&i| q.choices[i].id.clone()).collect(),
                    response: None,
                    flagged: false,
                }
            })
            .collect();
        ExamState {
            version: STATE_VERSION,
            exam: drawn.exam,
            seed: drawn.seed,
            items,
            current: 0,
            started_at_ms: now_ms,
            deadline_ms: now_ms.saturating_add(u64::from(minutes).saturating_mul(MINUTE_MS)),
            submitted: None,
        }
    }

    /// Reads a saved exam and checks it is self-consistent (not yet against a bank: see
    /// [`ExamState::resolve`]).
    pub fn from_json(json: &str) -> Result<ExamState, ExamError> {
        // Read the version first so a newer file gets the clear message, not a field error.
        #[derive(Deserialize)]
        struct Version {
            version: u32,
        }
        let Version { version } = serde_json::from_str(json)?;
        if version > STATE_VERSION {
            return Err(ExamError::UnsupportedVersion { found: version });
        }
        let state: ExamState = serde_json::from_str(json)?;
        state.check()?;
        Ok(state)
    }

    /// The state as JSON, for saving.
    pub fn to_json(&self) -> Result<String, ExamError> {
        Ok(serde_json::to_string_pretty(self)?)
    }

    fn check(&self) -> Result<(), ExamError> {
        if self.deadline_ms < self.started_at_ms {
            return Err(ExamError::Corrupt("deadline before start"));
        }
        if self.current >= self.items.len().max(1) {
            return Err(ExamError::Corrupt("current question out of range"));
        }
        if let Some(s) = self.submitted
            && !(self.started_at_ms..=self.deadline_ms).contains(&s.at_ms)
        {
            return Err(ExamError::Corrupt("submitted outside the exam time"));
        }
        let domains: Vec<&str> = self.exam.domains().iter().map(|d| d.0).collect();
        let mut ids = HashSet::new();
        for item in &self.items {
            if !ids.insert(item.id.as_str()) {
                return Err(ExamError::Corrupt("a question appears twice"));
            }
            if !domains.contains(&item.domain.as_str()) {
                return Err(ExamError::Corrupt("a domain of another exam"));
            }
            if let Some(r) = &item.response
                && normalise(item, r.clone()).as_ref() != Some(r)
            {
                return Err(ExamError::Corrupt(
                    "a response that does not fit its question",
                ));
            }
        }
        Ok(())
    }

    /// Matches the saved questions to `bank`: the practice-session [`Item`] of each question
    /// (entry index and choice order), or which questions are missing or changed.
    pub fn resolve(&self, bank: &Bank) -> Result<Vec<Item>, ExamError> {
        let mut missing = Vec::new();
        let mut changed = Vec::new();
        let mut items = Vec::with_capacity(self.items.len());
        for saved in &self.items {
            let Some(entry) = bank.entries.iter().position(|e| e.question.id == saved.id) else {
                missing.push(saved.id.clone());
                continue;
            };
            let q = &bank.entries[entry].question;
            let order: Option<Vec<usize>> = saved
                .choices
                .iter()
                .map(|id| q.choices.iter().position(|c| &c.id == id))
                .collect();
            match order {
                Some(order) if order.len() == q.choices.len() => items.push(Item { entry, order }),
                _ => changed.push(saved.id.clone()),
            }
        }
        if !missing.is_empty() {
            return Err(ExamError::MissingQuestions { ids: missing });
        }
        if !changed.is_empty() {
            return Err(ExamError::ChoicesChanged { ids: changed });
        }
        Ok(items)
    }

    /// Which exam.
    pub fn exam(&self) -> ExamId {
        self.exam
    }

    /// The seed the questions were drawn with.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The questions in exam order.
    pub fn items(&self) -> &[ExamItem] {
        &self.items
    }

    /// Number of questions.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the exam has no question at all (a bank with nothing for this exam).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Index of the question on screen (0 when the exam is empty).
    pub fn current(&self) -> usize {
        self.current
    }

    /// Epoch ms when the exam started.
    pub fn started_at_ms(&self) -> u64 {
        self.started_at_ms
    }

    /// Epoch ms when time runs out.
    pub fn deadline_ms(&self) -> u64 {
        self.deadline_ms
    }

    /// When and why the exam ended, if it has.
    pub fn submission(&self) -> Option<Submission> {
        self.submitted
    }

    /// Whether the exam has ended.
    pub fn is_submitted(&self) -> bool {
        self.submitted.is_some()
    }

    /// Milliseconds left at `now_ms`: never negative, never more than the time allowed, and
    /// frozen at submission.
    pub fn remaining_ms(&self, now_ms: u64) -> u64 {
        // A clock that went backwards (before the start) must not add time.
        let at = self
            .submitted
            .map_or(now_ms.max(self.started_at_ms), |s| s.at_ms);
        self.deadline_ms.saturating_sub(at)
    }

    /// Whether the deadline has been reached at `now_ms` (submitted or not).
    pub fn is_expired(&self, now_ms: u64) -> bool {
        now_ms >= self.deadline_ms
    }

    /// Seconds from start to submission, once submitted.
    pub fn seconds_used(&self) -> Option<u64> {
        self.submitted
            .map(|s| s.at_ms.saturating_sub(self.started_at_ms) / 1000)
    }

    /// Call on every frame or timer tick: submits the exam when time is up.
    pub fn tick(&mut self, now_ms: u64) -> Outcome {
        self.guard(now_ms).unwrap_or(Outcome::Unchanged)
    }

    /// Submits the exam (after the deadline this is the automatic submission).
    pub fn submit(&mut self, now_ms: u64) -> Outcome {
        if let Some(outcome) = self.guard(now_ms) {
            return outcome;
        }
        self.finish(now_ms, SubmitReason::Manual);
        Outcome::Applied
    }

    /// Records `response` for question `index`; refused (and the exam submitted) after the
    /// deadline. Choice ids are stored sorted and deduplicated.
    pub fn answer(&mut self, index: usize, response: ExamResponse, now_ms: u64) -> Outcome {
        if let Some(outcome) = self.guard(now_ms) {
            return outcome;
        }
        let Some(item) = self.items.get_mut(index) else {
            return Outcome::OutOfRange;
        };
        let Some(response) = normalise(item, response) else {
            return Outcome::InvalidResponse;
        };
        if item.response.as_ref() == Some(&response) {
            return Outcome::Unchanged;
        }
        item.response = Some(response);
        Outcome::Applied
    }

    /// Removes the response to question `index`; like [`ExamState::answer`] it changes the
    /// graded answers, so it is refused after the deadline too.
    pub fn clear(&mut self, index: usize, now_ms: u64) -> Outcome {
        if let Some(outcome) = self.guard(now_ms) {
            return outcome;
        }
        match self.items.get_mut(index) {
            None => Outcome::OutOfRange,
            Some(item) if item.response.is_none() => Outcome::Unchanged,
            Some(item) => {
                item.response = None;
                Outcome::Applied
            }
        }
    }

    /// Flags or unflags question `index` for review.
    pub fn toggle_flag(&mut self, index: usize) -> Outcome {
        if self.submitted.is_some() {
            return Outcome::AlreadySubmitted;
        }
        match self.items.get_mut(index) {
            None => Outcome::OutOfRange,
            Some(item) => {
                item.flagged = !item.flagged;
                Outcome::Applied
            }
        }
    }

    /// Shows question `index` (from the overview grid).
    pub fn goto(&mut self, index: usize) -> Outcome {
        if self.submitted.is_some() {
            return Outcome::AlreadySubmitted;
        }
        if index >= self.items.len() {
            return Outcome::OutOfRange;
        }
        if index == self.current {
            return Outcome::Unchanged;
        }
        self.current = index;
        Outcome::Applied
    }

    /// Shows the next question; stays on the last one.
    pub fn next_question(&mut self) -> Outcome {
        if self.submitted.is_some() {
            return Outcome::AlreadySubmitted;
        }
        if self.current + 1 >= self.items.len() {
            return Outcome::Unchanged;
        }
        self.goto(self.current + 1)
    }

    /// Shows the previous question; stays on the first one.
    pub fn prev_question(&mut self) -> Outcome {
        if self.submitted.is_some() {
            return Outcome::AlreadySubmitted;
        }
        match self.current.checked_sub(1) {
            Some(i) => self.goto(i),
            None => Outcome::Unchanged,
        }
    }

    /// One slot per question for the overview grid.
    pub fn overview(&self) -> Vec<Slot> {
        self.items
            .iter()
            .map(|item| match (item.flagged, item.response.is_some()) {
                (true, answered) => Slot::Flagged { answered },
                (false, true) => Slot::Answered,
                (false, false) => Slot::Empty,
            })
            .collect()
    }

    /// Indexes of the questions without a response (for the submit confirmation).
    pub fn unanswered(&self) -> Vec<usize> {
        self.indexes(|item| item.response.is_none())
    }

    /// Indexes of the flagged questions (for the submit confirmation).
    pub fn flagged(&self) -> Vec<usize> {
        self.indexes(|item| item.flagged)
    }

    fn indexes(&self, keep: impl Fn(&ExamItem) -> bool) -> Vec<usize> {
        self.items
            .iter()
            .enumerate()
            .filter(|(_, item)| keep(item))
            .map(|(i, _)| i)
            .collect()
    }

    /// The common gate of every time-sensitive action: a no-op after submission, and the
    /// automatic submission once the deadline has passed.
    fn guard(&mut self, now_ms: u64) -> Option<Outcome> {
        if self.submitted.is_some() {
            return Some(Outcome::AlreadySubmitted);
        }
        if self.is_expired(now_ms) {
            self.finish(now_ms, SubmitReason::TimeUp);
            return Some(Outcome::TimeUp);
        }
        None
    }

    fn finish(&mut self, now_ms: u64, reason: SubmitReason) {
        // A late tick (the terminal was closed past the deadline) still ends at the deadline.
        let at_ms = now_ms.max(self.started_at_ms).min(self.deadline_ms);
        self.submitted = Some(Submission { at_ms, reason });
    }
}

/// The response in canonical form if it fits the item, else `None`.
fn normalise(item: &ExamItem, response: ExamResponse) -> Option<ExamResponse> {
    match response {
        // Numeric questions have no choices; JSON cannot store NaN or infinity.
        ExamResponse::Number(n) => {
            (item.choices.is_empty() && n.is_finite()).then_some(ExamResponse::Number(n))
        }
        ExamResponse::Choices(mut ids) => {
            ids.sort();
            ids.dedup();
            let fits = !ids.is_empty() && ids.iter().all(|id| item.choices.contains(id));
            fits.then_some(ExamResponse::Choices(ids))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::exam::blueprint::Blueprint;
    use crate::quiz::exam::draw::draw_exam;
    use crate::quiz::exam::draw::tests::{bank_of, question};
    use crate::quiz::format::{Answer, Kind};

    const T0: u64 = 1_700_000_000_000;

    fn bank() -> Bank {
        let mut numeric = question("n1", &["saa.cost"]);
        numeric.kind = Kind::Numeric;
        numeric.choices.clear();
        numeric.answer = Answer::Number(42.0);
        bank_of(vec![
            question("s1", &["saa.secure"]),
            question("r1", &["saa.resilient"]),
            question("p1", &["saa.performance"]),
            numeric,
        ])
    }

    /// A 4-question, 10-minute SAA mock over `bank()`.
    fn exam(bank: &Bank) -> ExamState {
        let bp = Blueprint::saa_c03().custom(4, 10);
        let drawn = draw_exam(bank, &bp, 5);
        assert_eq!(drawn.items.len(), 4);
        ExamState::start(bank, &drawn, bp.minutes, T0)
    }

    fn index_of(state: &ExamState, id: &str) -> usize {
        state.items().iter().position(|i| i.id == id).unwrap()
    }

    fn pick(id: &str) -> ExamResponse {
        ExamResponse::Choices(vec![id.into()])
    }

    #[test]
    fn the_clock_runs_from_start_to_the_absolute_deadline() {
        let b = bank();
        let s = exam(&b);
        assert_eq!(s.deadline_ms(), T0 + 10 * 60_000);
        assert_eq!(s.remaining_ms(T0), 600_000);
        assert_eq!(s.remaining_ms(T0 + 1_500), 598_500);
        assert_eq!(s.remaining_ms(T0 + 10 * 60_000), 0);
        assert_eq!(s.remaining_ms(u64::MAX), 0);
        // A clock set back before the start must not add time.
        assert_eq!(s.remaining_ms(T0 - 60_000), 600_000);
        assert!(!s.is_expired(T0 + 599_999));
        assert!(s.is_expired(T0 + 600_000));
    }

    #[test]
    fn answering_at_the_deadline_is_refused_and_submits() {
        let b = bank();
        let mut s = exam(&b);
        let s1 = index_of(&s, "s1");
        let r1 = index_of(&s, "r1");
        assert_eq!(s.answer(s1, pick("a"), T0 + 599_999), Outcome::Applied);
        assert_eq!(s.answer(r1, pick("a"), T0 + 600_000), Outcome::TimeUp);
        assert_eq!(
            s.submission(),
            Some(Submission {
                at_ms: T0 + 600_000,
                reason: SubmitReason::TimeUp
            })
        );
        assert!(
            s.items()[r1].response.is_none(),
            "the late answer was not recorded"
        );
        // After submission every action is a no-op.
        let frozen = s.clone();
        assert_eq!(s.answer(r1, pick("a"), T0), Outcome::AlreadySubmitted);
        assert_eq!(s.clear(s1, T0), Outcome::AlreadySubmitted);
        assert_eq!(s.toggle_flag(s1), Outcome::AlreadySubmitted);
        assert_eq!(s.goto(1), Outcome::AlreadySubmitted);
        assert_eq!(s.next_question(), Outcome::AlreadySubmitted);
        assert_eq!(s.prev_question(), Outcome::AlreadySubmitted);
        assert_eq!(s.submit(T0), Outcome::AlreadySubmitted);
        assert_eq!(s.tick(T0 + 10_000_000), Outcome::AlreadySubmitted);
        assert_eq!(s, frozen);
    }

    #[test]
    fn a_late_tick_submits_at_the_deadline_not_at_now() {
        let b = bank();
        let mut s = exam(&b);
        assert_eq!(s.tick(T0 + 599_999), Outcome::Unchanged);
        assert!(!s.is_submitted());
        // Terminal closed for an hour past the deadline, then resumed.
        assert_eq!(s.tick(T0 + 3_600_000 + 600_000), Outcome::TimeUp);
        assert_eq!(s.submission().unwrap().at_ms, s.deadline_ms());
        assert_eq!(s.seconds_used(), Some(600));
        assert_eq!(s.remaining_ms(T0 + 9_999_999), 0);
    }

    #[test]
    fn a_manual_submission_freezes_the_clock() {
        let b = bank();
        let mut s = exam(&b);
        assert_eq!(s.submit(T0 + 120_000), Outcome::Applied);
        assert_eq!(s.submission().unwrap().reason, SubmitReason::Manual);
        assert_eq!(s.seconds_used(), Some(120));
        assert_eq!(s.remaining_ms(T0 + 500_000), 480_000);
    }

    #[test]
    fn responses_must_fit_the_question_and_are_stored_canonically() {
        let b = bank();
        let mut s = exam(&b);
        let s1 = index_of(&s, "s1");
        let n1 = index_of(&s, "n1");
        assert_eq!(s.answer(s1, pick("z"), T0), Outcome::InvalidResponse);
        assert_eq!(
            s.answer(s1, ExamResponse::Choices(vec![]), T0),
            Outcome::InvalidResponse
        );
        assert_eq!(
            s.answer(s1, ExamResponse::Number(1.0), T0),
            Outcome::InvalidResponse
        );
        assert_eq!(s.answer(n1, pick("a"), T0), Outcome::InvalidResponse);
        assert_eq!(
            s.answer(n1, ExamResponse::Number(f64::NAN), T0),
            Outcome::InvalidResponse
        );
        assert_eq!(
            s.answer(n1, ExamResponse::Number(42.0), T0),
            Outcome::Applied
        );
        let messy = ExamResponse::Choices(vec!["c".into(), "a".into(), "c".into()]);
        assert_eq!(s.answer(s1, messy, T0), Outcome::Applied);
        assert_eq!(
            s.items()[s1].response,
            Some(ExamResponse::Choices(vec!["a".into(), "c".into()]))
        );
        assert_eq!(s.answer(s1, pick("a"), T0), Outcome::Applied);
        assert_eq!(s.answer(s1, pick("a"), T0), Outcome::Unchanged);
        assert_eq!(s.answer(99, pick("a"), T0), Outcome::OutOfRange);
        assert_eq!(s.clear(s1, T0), Outcome::Applied);
        assert_eq!(s.clear(s1, T0), Outcome::Unchanged);
    }

    #[test]
    fn overview_and_the_submit_confirmation_lists() {
        let b = bank();
        let mut s = exam(&b);
        assert_eq!(s.answer(0, pick_for(&s, 0), T0), Outcome::Applied);
        assert_eq!(s.answer(1, pick_for(&s, 1), T0), Outcome::Applied);
        assert_eq!(s.toggle_flag(1), Outcome::Applied);
        assert_eq!(s.toggle_flag(2), Outcome::Applied);
        assert_eq!(s.toggle_flag(9), Outcome::OutOfRange);
        assert_eq!(
            s.overview(),
            vec![
                Slot::Answered,
                Slot::Flagged { answered: true },
                Slot::Flagged { answered: false },
                Slot::Empty
            ]
        );
        assert_eq!(s.unanswered(), vec![2, 3]);
        assert_eq!(s.flagged(), vec![1, 2]);
        assert_eq!(s.toggle_flag(2), Outcome::Applied);
        assert_eq!(s.flagged(), vec![1]);
    }

    /// Any response that fits item `i` (a choice, or a number for numeric).
    fn pick_for(s: &ExamState, i: usize) -> ExamResponse {
        s.items()[i]
            .choices
            .first()
            .map_or(ExamResponse::Number(1.0), |c| pick(c))
    }

    #[test]
    fn navigation_stays_in_range() {
        let b = bank();
        let mut s = exam(&b);
        assert_eq!(s.prev_question(), Outcome::Unchanged);
        assert_eq!(s.next_question(), Outcome::Applied);
        assert_eq!(s.current(), 1);
        assert_eq!(s.goto(3), Outcome::Applied);
        assert_eq!(s.next_question(), Outcome::Unchanged);
        assert_eq!(s.goto(4), Outcome::OutOfRange);
        assert_eq!(s.goto(3), Outcome::Unchanged);
        assert_eq!(s.prev_question(), Outcome::Applied);
        assert_eq!(s.current(), 2);
    }

    #[test]
    fn an_empty_exam_is_safe() {
        let empty = Bank::default();
        let drawn = draw_exam(&empty, &Blueprint::dva_c02(), 1);
        let mut s = ExamState::start(&empty, &drawn, 130, T0);
        assert!(s.is_empty());
        assert_eq!(drawn.shortfalls().len(), 4);
        assert_eq!(s.next_question(), Outcome::Unchanged);
        assert_eq!(s.prev_question(), Outcome::Unchanged);
        assert_eq!(s.goto(0), Outcome::OutOfRange);
        assert_eq!(s.answer(0, pick("a"), T0), Outcome::OutOfRange);
        assert!(s.overview().is_empty());
        let back = ExamState::from_json(&s.to_json().unwrap()).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn resume_restores_the_same_exam_and_counts_time_from_the_stored_deadline() {
        let b = bank();
        let mut s = exam(&b);
        let s1 = index_of(&s, "s1");
        let n1 = index_of(&s, "n1");
        assert_eq!(s.answer(s1, pick("b"), T0 + 10_000), Outcome::Applied);
        assert_eq!(
            s.answer(n1, ExamResponse::Number(0.1 + 0.2), T0 + 20_000),
            Outcome::Applied
        );
        assert_eq!(s.toggle_flag(s1), Outcome::Applied);
        assert_eq!(s.goto(2), Outcome::Applied);
        let json = s.to_json().unwrap();
        // The terminal was killed; five minutes later gureum starts again.
        let back = ExamState::from_json(&json).unwrap();
        assert_eq!(back, s);
        let later = T0 + 20_000 + 300_000;
        assert_eq!(back.remaining_ms(later), s.deadline_ms() - later);
        assert_eq!(back.remaining_ms(later), 280_000);
        assert_eq!(back.resolve(&b).unwrap().len(), 4);
        // The items resolve to the same bank entries and choice orders as the draw.
        let drawn = draw_exam(&b, &Blueprint::saa_c03().custom(4, 10), 5);
        let items = back.resolve(&b).unwrap();
        for (item, d) in items.iter().zip(&drawn.items) {
            assert_eq!((item.entry, &item.order), (d.entry, &d.order));
        }
    }

    #[test]
    fn the_saved_json_has_the_documented_shape() {
        let b = bank();
        let mut s = exam(&b);
        let s1 = index_of(&s, "s1");
        assert_eq!(s.answer(s1, pick("a"), T0), Outcome::Applied);
        let v: serde_json::Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
        assert_eq!(v["version"], 1);
        assert_eq!(v["exam"], "saa-c03");
        assert_eq!(v["seed"], 5);
        assert_eq!(v["started_at_ms"], T0);
        assert_eq!(v["deadline_ms"], T0 + 600_000);
        assert_eq!(v["submitted"], serde_json::Value::Null);
        assert_eq!(
            v["items"][s1]["response"],
            serde_json::json!({ "choices": ["a"] })
        );
        assert_eq!(v["items"][s1]["id"], "s1");
        assert_eq!(v["items"][s1]["domain"], "saa.secure");
        assert_eq!(s.submit(T0 + 1), Outcome::Applied);
        let v: serde_json::Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
        assert_eq!(
            v["submitted"],
            serde_json::json!({ "at_ms": T0 + 1, "reason": "manual" })
        );
    }

    #[test]
    fn numbers_are_saved_exactly() {
        let item = |n: f64| ExamItem {
            id: "n".into(),
            domain: "saa.cost".into(),
            choices: Vec::new(),
            response: Some(ExamResponse::Number(n)),
            flagged: false,
        };
        // The first value is one serde_json's default parser reads back 1 ULP off.
        for n in [
            -1.017_534_441_583_039_1e170,
            0.1 + 0.2,
            42.0,
            -0.0,
            5e-324,
            f64::MAX,
            1e16,
            1e-5,
        ] {
            let json = serde_json::to_string(&item(n)).unwrap();
            let back: ExamItem = serde_json::from_str(&json).unwrap();
            let Some(ExamResponse::Number(got)) = back.response else {
                panic!("{json}")
            };
            assert_eq!(got.to_bits(), n.to_bits(), "{json}");
        }
        assert_eq!(
            serde_json::to_value(ExamResponse::Number(42.5)).unwrap(),
            serde_json::json!({ "number": "42.5" })
        );
        // Hand-written plain numbers still load.
        let r: ExamResponse = serde_json::from_str(r#"{ "number": 7 }"#).unwrap();
        assert_eq!(r, ExamResponse::Number(7.0));
    }

    #[test]
    fn loading_reports_typed_errors() {
        let b = bank();
        let s = exam(&b);
        let json = s.to_json().unwrap();
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["version"] = 2.into();
        assert!(matches!(
            ExamState::from_json(&v.to_string()),
            Err(ExamError::UnsupportedVersion { found: 2 })
        ));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["current"] = 4.into();
        assert!(matches!(
            ExamState::from_json(&v.to_string()),
            Err(ExamError::Corrupt(_))
        ));
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["items"][0]["response"] = serde_json::json!({ "choices": ["nope"] });
        assert!(matches!(
            ExamState::from_json(&v.to_string()),
            Err(ExamError::Corrupt(_))
        ));
        assert!(matches!(ExamState::from_json("{"), Err(ExamError::Json(_))));

        // The bank lost a question and changed another's choices.
        let mut edited = bank();
        edited.entries.retain(|e| e.question.id != "p1");
        edited.entries[0].question.choices.pop();
        match s.resolve(&edited) {
            Err(ExamError::MissingQuestions { ids }) => assert_eq!(ids, vec!["p1".to_owned()]),
            other => panic!("{other:?}"),
        }
        edited.entries.push(b.entries[2].clone());
        match s.resolve(&edited) {
            Err(ExamError::ChoicesChanged { ids }) => assert_eq!(ids, vec!["s1".to_owned()]),
            other => panic!("{other:?}"),
        }
    }
}
