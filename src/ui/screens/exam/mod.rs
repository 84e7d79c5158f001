//! Exam mode on screen: choosing a blueprint, answering under a countdown, the overview grid,
//! the submit confirmation, and the results with a review of wrong, flagged and skipped items.
//!
//! The exam itself (drawing, the deadline, scoring) is [`crate::quiz::exam`]; this module keeps
//! what only the screen needs: the highlighted choice, marks being made, open overlays. The
//! state is saved in the progress database after every change, so a killed terminal resumes the
//! same exam with the time counted from the stored deadline.

mod view;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::quiz::exam::{Blueprint, ExamResponse, ExamResult, ExamState, Outcome, draw_exam};
use crate::quiz::session::Item;
use crate::quiz::{Bank, Kind as QuestionKind};
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{self, Action, Context, Typed};
use crate::ui::screen::{Ctx, Effect, Open, Screen};

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
    /// Once graded: the questions that come back for review (wrong, unanswered, flagged).
    pub mistakes: Vec<String>,
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
            mistakes: Vec::new(),
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

    /// Picks display choice `n`: sets a single answer, toggles a multiple one (the cursor stays).
    pub fn pick(&mut self, bank: &Bank, n: usize, now_ms: u64) -> Outcome {
        let Some(item) = self.item().cloned() else {
            return Outcome::OutOfRange;
        };
        let q = &bank.entries[item.entry].question;
        let Some(&c) = item.order.get(n) else {
            return Outcome::OutOfRange;
        };
        // A digit on a multiple-response question toggles its choice and leaves the cursor
        // where it is, so Space still acts on the choice under it (as in practice).
        if q.kind != QuestionKind::Multiple {
            self.cursor = n;
        }
        let id = q.choices[c].id.clone();
        let index = self.state.current();
        let response = match q.kind {
            QuestionKind::Single => ExamResponse::Choices(vec![id]),
            QuestionKind::Multiple => {
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
            QuestionKind::Numeric => return Outcome::Unchanged,
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

impl ExamScreen {
    /// Saves the running exam in the progress database (nothing once it is graded).
    pub fn save(&self) -> Effect {
        if self.result.is_some() {
            return Effect::None;
        }
        let state = self.state.clone();
        Effect::Many(vec![
            Effect::Store(Box::new(move |store| store.save_running_exam(&state))),
            Effect::Save,
        ])
    }

    /// The exam was graded: record the attempt, feed its mistakes to the review queue and
    /// forget the saved state.
    pub fn finished(&mut self, bank: &Bank, now_ms: u64) -> Effect {
        let Some(result) = self.result.as_ref() else {
            return Effect::None;
        };
        let summary = result.summary();
        // The submitted state (graded), not the last one saved while answering.
        let last = self.state.clone();
        let attempt = crate::store::ExamAttempt {
            exam: summary.exam.id().to_owned(),
            started: summary.started_at_ms / 1000,
            seconds: summary.seconds_used,
            correct: u32::try_from(summary.correct).unwrap_or(u32::MAX),
            total: u32::try_from(summary.total).unwrap_or(u32::MAX),
        };
        let reviews = crate::quiz::exam::feed::exam_reviews(&last, bank);
        self.mistakes = reviews
            .iter()
            .filter(|r| r.is_mistake())
            .map(|r| r.id.clone())
            .collect();
        Effect::Many(vec![
            Effect::Store(Box::new(move |store| {
                store.finish_exam_graded(&last, attempt, reviews, now_ms / 1000);
            })),
            Effect::Save,
        ])
    }

    /// After a change: grade a submitted exam, else save a changed one.
    fn settle(&mut self, bank: &Bank, changed: bool, now_ms: u64) -> Effect {
        if self.finish_if_submitted(bank) {
            self.finished(bank, now_ms)
        } else if changed {
            self.save()
        } else {
            Effect::None
        }
    }

    fn numeric(&self, bank: &Bank) -> bool {
        self.item()
            .is_some_and(|i| bank.entries[i.entry].question.kind == QuestionKind::Numeric)
    }
}

impl Screen for ExamScreen {
    fn kind(&self) -> Kind {
        Kind::Exam
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        if self.result.is_some() {
            vec![Context::ExamResults]
        } else if matches!(self.overlay, Overlay::Overview(_)) {
            vec![Context::ExamOverview, Context::Exam]
        } else {
            vec![Context::Exam]
        }
    }

    /// Keys the exam handles before its key map: digits pick a choice, a numeric answer is
    /// typed; the overview grid, the confirmation and the results have key maps of their own.
    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        let bank = ctx.bank?;
        if self.result.is_some() {
            match keymap::lookup(&[Context::ExamResults], key) {
                Some(Action::Overview) => self.filter = self.filter.next(),
                Some(Action::Down) => self.scroll += 1,
                Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
                Some(Action::PageDown) => self.scroll += 10,
                Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
                Some(Action::Back) => return Some(Effect::Pop),
                Some(Action::Readiness) => {
                    let screen = crate::ui::screens::readiness::Readiness::new(ctx);
                    return Some(Effect::Push(Box::new(screen)));
                }
                // Every mistake comes back: the wrong, unanswered and flagged questions, now.
                Some(Action::Review) if !self.mistakes.is_empty() => {
                    let label = ctx.lang.pick("모의고사 오답 복습", "Exam mistakes");
                    return Some(Effect::Open(Open::Session(
                        self.mistakes.clone(),
                        label.to_owned(),
                    )));
                }
                _ => return None,
            }
            return Some(Effect::None);
        }
        let now = ctx.now_ms;
        let changed = match self.overlay {
            Overlay::Overview(sel) => {
                let n = self.items.len().max(1);
                match keymap::lookup(&[Context::ExamOverview], key) {
                    Some(Action::Left) => self.overlay = Overlay::Overview(sel.saturating_sub(1)),
                    Some(Action::Right) => self.overlay = Overlay::Overview((sel + 1).min(n - 1)),
                    Some(Action::Up) => self.overlay = Overlay::Overview(sel.saturating_sub(10)),
                    Some(Action::Down) => {
                        self.overlay = Overlay::Overview((sel + 10).min(n - 1));
                    }
                    Some(Action::Open) => {
                        self.state.goto(sel);
                        self.arrived();
                        self.overlay = Overlay::None;
                    }
                    Some(Action::Quit | Action::Help | Action::ToggleLang | Action::Settings) => {
                        return None;
                    }
                    _ => self.overlay = Overlay::None,
                }
                false
            }
            Overlay::Confirm => {
                if keymap::lookup(&[Context::Search], key) == Some(Action::Confirm) {
                    self.state.submit(now).changed()
                } else {
                    self.overlay = Overlay::None;
                    false
                }
            }
            Overlay::None => {
                let numeric = self.numeric(bank);
                match keymap::typed(key) {
                    Some(Typed::Char(c))
                        if numeric && (c.is_ascii_digit() || c == '.' || c == '-') =>
                    {
                        self.number.push(c);
                        false
                    }
                    Some(Typed::Backspace) if numeric => {
                        self.number.pop();
                        false
                    }
                    Some(Typed::Char(c @ '1'..='9')) if !numeric => {
                        self.pick(bank, c as usize - '1' as usize, now).changed()
                    }
                    _ => return None,
                }
            }
        };
        Some(self.settle(bank, changed, now))
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(bank) = ctx.bank else {
            return Effect::None;
        };
        let now = ctx.now_ms;
        let n = self.item().map_or(0, |i| i.order.len());
        let changed = match action {
            Action::Down => {
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1));
                false
            }
            Action::Up => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Action::Toggle => self.pick(bank, self.cursor, now).changed(),
            Action::Open | Action::Right | Action::Left => {
                // Leaving a numeric question keeps what was typed.
                let typed = self.numeric(bank) && self.commit_number(now).changed();
                let moved = if action == Action::Left {
                    self.state.prev_question()
                } else {
                    self.state.next_question()
                };
                if moved.changed() {
                    self.arrived();
                }
                // The question on screen is saved too, so a resumed exam opens there.
                typed || moved.changed()
            }
            Action::Flag => self.state.toggle_flag(self.state.current()).changed(),
            Action::ToggleEnglish => {
                self.english = !self.english;
                false
            }
            // A number typed but not yet confirmed counts before the grid or the confirmation.
            Action::Overview | Action::Submit => {
                let typed = self.numeric(bank)
                    && !self.number.is_empty()
                    && self.commit_number(now).changed();
                self.overlay = if action == Action::Submit {
                    Overlay::Confirm
                } else {
                    Overlay::Overview(self.state.current())
                };
                typed
            }
            // Leaving keeps the exam saved where it is.
            Action::Back => return Effect::Many(vec![self.save(), Effect::Pop]),
            _ => false,
        };
        self.settle(bank, changed, now)
    }

    fn needs_tick(&self) -> bool {
        self.result.is_none()
    }

    fn tick(&mut self, ctx: &Ctx) -> Effect {
        let Some(bank) = ctx.bank else {
            return Effect::None;
        };
        if self.state.tick(ctx.now_ms).changed() && self.finish_if_submitted(bank) {
            self.finished(bank, ctx.now_ms)
        } else {
            Effect::None
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        view::draw(self, frame, area, ctx);
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
        if q.kind == QuestionKind::Numeric {
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
    fn a_digit_toggles_a_multiple_choice_without_moving_the_cursor() {
        let bank = Bank::load(&BankSource::Embedded);
        let (mut exam, _) = ExamScreen::start(&bank, menu()[0], false, 1, T0);
        let i = exam
            .items
            .iter()
            .position(|it| bank.entries[it.entry].question.kind == QuestionKind::Multiple)
            .expect("a multiple-response question among 65");
        exam.state.goto(i);
        exam.arrived();
        exam.cursor = 1;
        let marked = |e: &ExamScreen| match &e.state.items()[i].response {
            Some(ExamResponse::Choices(ids)) => ids.len(),
            _ => 0,
        };
        assert!(exam.pick(&bank, 2, T0 + 1).changed());
        assert_eq!((exam.cursor, marked(&exam)), (1, 1), "marked, cursor stays");
        assert!(
            exam.pick(&bank, exam.cursor, T0 + 2).changed(),
            "Space at the cursor"
        );
        assert_eq!(marked(&exam), 2);
        assert!(exam.pick(&bank, 2, T0 + 3).changed());
        assert_eq!((exam.cursor, marked(&exam)), (1, 1), "the digit unmarks it");
    }

    #[test]
    fn clock_formats_minutes_and_hours() {
        assert_eq!(clock(0), "0:00");
        assert_eq!(clock(61_000), "1:01");
        assert_eq!(clock(130 * 60_000), "2:10:00");
        assert_eq!(clock(1), "0:01", "a started second still shows");
    }
}
