//! Exam mode on screen: choosing a blueprint, answering under a countdown, the overview grid,
//! the submit confirmation, and the results with a review of wrong, flagged and skipped items.
//!
//! The exam itself (drawing, the deadline, scoring) is [`crate::quiz::exam`]; this module keeps
//! what only the screen needs: the highlighted choice, marks being made, open overlays. The
//! state is saved in the progress database after every change, so a killed terminal resumes the
//! same exam with the time counted from the stored deadline.

use crate::quiz::exam::{Blueprint, ExamResponse, ExamResult, ExamState, Outcome, draw_exam};
use crate::quiz::session::Item;
use crate::quiz::{Bank, Kind};

pub use crate::quiz::exam::menu::{Choice, menu};

/// What is drawn over the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing.
    None,
    /// The grid of all questions; the highlighted one.
    Overview(usize),
    /// "Submit now?" with the unanswered and flagged lists.
    Confirm,
}

/// Which reviewed items the results list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewFilter {
    /// Answered wrongly.
    Wrong,
    /// Flagged for review.
    Flagged,
    /// Left unanswered.
    Skipped,
}

impl ReviewFilter {
    /// The next filter (Tab).
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Wrong => Self::Flagged,
            Self::Flagged => Self::Skipped,
            Self::Skipped => Self::Wrong,
        }
    }
}

/// A running or finished exam on screen.
#[derive(Debug, Clone)]
pub struct ExamScreen {
    /// The exam.
    pub state: ExamState,
    /// Questions and choice orders, resolved against the bank.
    pub items: Vec<Item>,
    /// Highlighted choice (display position).
    pub cursor: usize,
    /// Typed number for a numeric question.
    pub number: String,
    /// Open overlay.
    pub overlay: Overlay,
    /// The result, once submitted.
    pub result: Option<ExamResult>,
    /// Review filter of the results.
    pub filter: ReviewFilter,
    /// Scroll of the results review.
    pub scroll: usize,
    /// Show the English original where the bank has one (as the real exam allows).
    pub english: bool,
}

impl ExamScreen {
    /// Starts a new exam.
    pub fn start(
        bank: &Bank,
        choice: Choice,
        esl: bool,
        seed: u64,
        now_ms: u64,
    ) -> (Self, Vec<String>) {
        let full = Blueprint::full(choice.exam);
        let blueprint = if choice.count == full.count {
            full
        } else {
            full.custom(choice.count, choice.minutes)
        };
        let drawn = draw_exam(bank, &blueprint, seed);
        let short: Vec<String> = drawn
            .shortfalls()
            .iter()
            .map(|s| format!("{} {}/{}", s.domain, s.got, s.wanted))
            .collect();
        let state = ExamState::start(bank, &drawn, blueprint.total_minutes(esl), now_ms);
        let items = drawn
            .items
            .iter()
            .map(crate::quiz::exam::DrawnItem::item)
            .collect();
        (Self::with(state, items), short)
    }

    /// Resumes a saved exam; `None` when it no longer fits the bank.
    pub fn resume(bank: &Bank, mut state: ExamState, now_ms: u64) -> Option<Self> {
        let items = state.resolve(bank).ok()?;
        state.tick(now_ms);
        let mut screen = Self::with(state, items);
        screen.finish_if_submitted(bank);
        Some(screen)
    }

    fn with(state: ExamState, items: Vec<Item>) -> Self {
        Self {
            state,
            items,
            cursor: 0,
            number: String::new(),
            overlay: Overlay::None,
            result: None,
            filter: ReviewFilter::Wrong,
            scroll: 0,
            english: false,
        }
    }

    /// Grades the exam once it has been submitted (by the learner or the clock).
    pub fn finish_if_submitted(&mut self, bank: &Bank) -> bool {
        if self.state.is_submitted() && self.result.is_none() {
            self.result = ExamResult::grade(&self.state, bank).ok();
            self.overlay = Overlay::None;
            return true;
        }
        false
    }

    /// The current item.
    pub fn item(&self) -> Option<&Item> {
        self.items.get(self.state.current())
    }

    /// Picks display choice `n`: sets a single answer, toggles a multiple one.
    pub fn pick(&mut self, bank: &Bank, n: usize, now_ms: u64) -> Outcome {
        let Some(item) = self.item().cloned() else {
            return Outcome::OutOfRange;
        };
        let q = &bank.entries[item.entry].question;
        let Some(&c) = item.order.get(n) else {
            return Outcome::OutOfRange;
        };
        self.cursor = n;
        let id = q.choices[c].id.clone();
        let index = self.state.current();
        let response = match q.kind {
            Kind::Single => ExamResponse::Choices(vec![id]),
            Kind::Multiple => {
                let mut chosen = match &self.state.items()[index].response {
                    Some(ExamResponse::Choices(ids)) => ids.clone(),
                    _ => Vec::new(),
                };
                if let Some(pos) = chosen.iter().position(|x| *x == id) {
                    chosen.remove(pos);
                } else {
                    chosen.push(id);
                }
                if chosen.is_empty() {
                    return self.state.clear(index, now_ms);
                }
                ExamResponse::Choices(chosen)
            }
            Kind::Numeric => return Outcome::Unchanged,
        };
        self.state.answer(index, response, now_ms)
    }

    /// Records the typed number of a numeric question.
    pub fn commit_number(&mut self, now_ms: u64) -> Outcome {
        let index = self.state.current();
        match self.number.trim().replace(',', "").parse::<f64>() {
            Ok(n) => self.state.answer(index, ExamResponse::Number(n), now_ms),
            Err(_) if self.number.trim().is_empty() => self.state.clear(index, now_ms),
            Err(_) => Outcome::InvalidResponse,
        }
    }

    /// After moving to another question: reset the highlight and show its saved number.
    pub fn arrived(&mut self) {
        self.cursor = 0;
        let index = self.state.current();
        self.number = match self
            .state
            .items()
            .get(index)
            .and_then(|i| i.response.as_ref())
        {
            Some(ExamResponse::Number(n)) => n.to_string(),
            _ => String::new(),
        };
    }

    /// The question ids the results list under the current filter.
    pub fn reviewed(&self) -> Vec<String> {
        let Some(r) = &self.result else {
            return Vec::new();
        };
        match self.filter {
            ReviewFilter::Wrong => r.wrong.clone(),
            ReviewFilter::Flagged => r.flagged.clone(),
            ReviewFilter::Skipped => r.skipped.clone(),
        }
    }
}

/// `m:ss` or `h:mm:ss` for a countdown.
pub fn clock(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::BankSource;

    const T0: u64 = 1_800_000_000_000;

    #[test]
    fn a_short_exam_is_answered_submitted_by_the_clock_and_graded() {
        let bank = Bank::load(&BankSource::Embedded);
        let choice = menu()[2];
        let (mut exam, short) = ExamScreen::start(&bank, choice, false, 4, T0);
        assert!(short.is_empty(), "{short:?}");
        assert_eq!(exam.items.len(), 10);
        let q = &bank.entries[exam.item().unwrap().entry].question;
        if q.kind == Kind::Numeric {
            exam.number = "1".into();
            assert!(exam.commit_number(T0 + 1).changed());
        } else {
            assert!(exam.pick(&bank, 0, T0 + 1).changed());
        }
        // Saved and resumed half-way: same questions, time counted from the stored deadline.
        let saved = ExamState::from_json(&exam.state.to_json().unwrap()).unwrap();
        let resumed = ExamScreen::resume(&bank, saved.clone(), T0 + 60_000).unwrap();
        assert_eq!(
            resumed.state.remaining_ms(T0 + 60_000),
            20 * 60_000 - 60_000
        );
        assert_eq!(
            resumed.items.iter().map(|i| i.entry).collect::<Vec<_>>(),
            exam.items.iter().map(|i| i.entry).collect::<Vec<_>>()
        );
        // Resumed after the deadline: submitted by the clock and graded.
        let late = ExamScreen::resume(&bank, saved, T0 + 21 * 60_000).unwrap();
        let result = late.result.expect("graded");
        assert_eq!(result.total, 10);
        assert!(result.skipped.len() >= 9);
    }

    #[test]
    fn clock_formats_minutes_and_hours() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(61_000), "1:01");
        assert_eq!(clock(130 * 60_000), "2:10:00");
        assert_eq!(clock(1), "0:01", "a started second still shows");
    }
}
