//! Practice mode: one question at a time, immediate feedback with the explanation and the
//! reason the chosen wrong answer is wrong, and a jump to the lesson section it comes from.

mod view;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::quiz::session::{self, Filter, Item, Response};
use crate::quiz::{Bank, Kind as Kind2};
use crate::store::AnswerLog;
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{self, Action, Context, Typed};
use crate::ui::screen::{Ctx, Effect, Open, Screen};

/// Where the learner is in one question.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Choosing.
    Asking,
    /// Answered: the response and whether it was right.
    Feedback {
        /// What the learner answered.
        response: Response,
        /// Whether it was right.
        correct: bool,
    },
    /// All questions done.
    Finished,
}

/// A practice session.
#[derive(Debug, Clone)]
pub struct Practice {
    /// The drawn questions.
    pub items: Vec<Item>,
    /// Current question.
    pub index: usize,
    /// Highlighted choice (display position).
    pub cursor: usize,
    /// Marked choices (display positions) of a `multiple` question.
    pub marked: Vec<bool>,
    /// Typed number of a `numeric` question.
    pub number: String,
    /// Where in the question the learner is.
    pub phase: Phase,
    /// Answers so far and how many were right.
    pub answered: usize,
    /// Right answers so far.
    pub correct: usize,
    /// Show the English original where the bank has one.
    pub english: bool,
    /// Scroll of the question text.
    pub scroll: usize,
    /// What the session is about (a lesson title, or "all").
    pub label: String,
    /// When the current question was shown, for the answer log.
    shown_at: u64,
    /// How far the text can scroll, as measured by the last frame (the layout depends on the
    /// terminal width, which only drawing knows).
    pub max_scroll: std::cell::Cell<usize>,
}

impl Practice {
    /// A session of up to `count` questions matching `filter`, in an order given by `seed`.
    /// `now` (ms) is when the first question is shown (answer times are measured from it).
    pub fn new(
        bank: &Bank,
        filter: &Filter,
        count: usize,
        seed: u64,
        label: String,
        now: u64,
    ) -> Self {
        Self::with_first(bank, &[], filter, count, seed, label, now)
    }

    /// Like [`Practice::new`], but the questions `first` (by id) come first, in that order.
    pub fn with_first(
        bank: &Bank,
        first: &[String],
        filter: &Filter,
        count: usize,
        seed: u64,
        label: String,
        now: u64,
    ) -> Self {
        let mut items: Vec<Item> = session::draw_ids(bank, first, seed);
        let rest = count.saturating_sub(items.len());
        let taken: Vec<usize> = items.iter().map(|i| i.entry).collect();
        let more = session::draw(bank, filter, rest + taken.len(), seed);
        items.extend(
            more.into_iter()
                .filter(|i| !taken.contains(&i.entry))
                .take(rest),
        );
        let mut p = Self {
            items,
            index: 0,
            cursor: 0,
            marked: Vec::new(),
            number: String::new(),
            phase: Phase::Asking,
            answered: 0,
            correct: 0,
            english: false,
            scroll: 0,
            label,
            shown_at: now,
            max_scroll: std::cell::Cell::new(0),
        };
        p.reset_question(bank, now);
        if p.items.is_empty() {
            p.phase = Phase::Finished;
        }
        p
    }

    fn reset_question(&mut self, bank: &Bank, now: u64) {
        let n = self
            .item()
            .map_or(0, |i| bank.entries[i.entry].question.choices.len());
        self.cursor = 0;
        self.marked = vec![false; n];
        self.number.clear();
        self.scroll = 0;
        self.shown_at = now;
    }

    /// The current item.
    pub fn item(&self) -> Option<&Item> {
        self.items.get(self.index)
    }

    /// The kind of the current question.
    pub fn kind(&self, bank: &Bank) -> Option<Kind2> {
        self.item().map(|i| bank.entries[i.entry].question.kind)
    }

    /// Scrolls the text by `delta` lines, within what the last frame could show.
    pub fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll.get());
    }

    /// Moves the highlight.
    pub fn move_cursor(&mut self, delta: isize) {
        let n = self.marked.len();
        if n > 0 && self.phase == Phase::Asking {
            self.cursor = self.cursor.saturating_add_signed(delta).min(n - 1);
        }
    }

    /// Picks display choice `n` (0-based): answers a `single` question, toggles a `multiple` one
    /// without moving the cursor.
    pub fn pick(&mut self, bank: &Bank, n: usize, now: u64) -> Option<AnswerLog> {
        if self.phase != Phase::Asking || n >= self.marked.len() {
            return None;
        }
        match self.kind(bank)? {
            Kind2::Single => {
                self.cursor = n;
                self.submit(bank, now)
            }
            // A digit toggles its choice and leaves the cursor where it is (Space acts there).
            Kind2::Multiple => {
                self.marked[n] = !self.marked[n];
                None
            }
            Kind2::Numeric => None,
        }
    }

    /// Toggles the highlighted choice of a `multiple` question.
    pub fn toggle(&mut self) {
        if let Some(m) = self
            .marked
            .get_mut(self.cursor)
            .filter(|_| self.phase == Phase::Asking)
        {
            *m = !*m;
        }
    }

    /// Enter: submits the answer, or goes to the next question after feedback.
    pub fn enter(&mut self, bank: &Bank, now: u64) -> Option<AnswerLog> {
        match self.phase {
            Phase::Asking => self.submit(bank, now),
            Phase::Feedback { .. } => {
                self.index += 1;
                self.phase = if self.index >= self.items.len() {
                    Phase::Finished
                } else {
                    Phase::Asking
                };
                self.reset_question(bank, now);
                None
            }
            Phase::Finished => None,
        }
    }

    fn submit(&mut self, bank: &Bank, now: u64) -> Option<AnswerLog> {
        let item = self.item()?.clone();
        let q = &bank.entries[item.entry].question;
        let response = match q.kind {
            Kind2::Single => {
                Response::Choices(vec![q.choices[*item.order.get(self.cursor)?].id.clone()])
            }
            Kind2::Multiple => {
                let ids: Vec<String> = self
                    .marked
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| **m)
                    .map(|(i, _)| q.choices[item.order[i]].id.clone())
                    .collect();
                if ids.len() != q.correct_ids().len() {
                    // Like the exam: choose exactly as many as asked before submitting.
                    return None;
                }
                Response::Choices(ids)
            }
            Kind2::Numeric => Response::Number(self.number.trim().replace(',', "").parse().ok()?),
        };
        let correct = session::grade(q, &response);
        self.answered += 1;
        if correct {
            self.correct += 1;
        }
        let chosen = match &response {
            Response::Choices(ids) => ids.clone(),
            Response::Number(n) => vec![n.to_string()],
        };
        self.phase = Phase::Feedback { response, correct };
        Some(AnswerLog {
            question: q.id.clone(),
            at: now / 1000,
            correct,
            chosen,
            time_ms: now.saturating_sub(self.shown_at),
        })
    }
}

/// Logs an answer and reschedules its review card (FSRS with the learner's retention; a
/// slow right answer counts as Hard by the question's difficulty).
fn log_answer(log: Option<AnswerLog>, bank: &Bank) -> Effect {
    let Some(log) = log else {
        return Effect::None;
    };
    let (correct, time_ms, at) = (log.correct, log.time_ms, log.at);
    let difficulty = bank.get(&log.question).map_or(2, |e| e.question.difficulty);
    Effect::Store(Box::new(move |store| {
        let scheduler = store.scheduler();
        store.record_answer(log, |card| {
            scheduler.answer(card, correct, time_ms, difficulty, at)
        });
    }))
}

impl Screen for Practice {
    fn kind(&self) -> Kind {
        Kind::Practice
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Practice]
    }

    /// Digits, `.` and Backspace while answering.
    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        let bank = ctx.bank?;
        if self.phase != Phase::Asking {
            return None;
        }
        let numeric = self.kind(bank) == Some(Kind2::Numeric);
        match keymap::typed(key) {
            Some(Typed::Char(c)) if numeric && (c.is_ascii_digit() || c == '.' || c == '-') => {
                self.number.push(c);
            }
            Some(Typed::Backspace) if numeric => {
                self.number.pop();
            }
            Some(Typed::Char(c @ '1'..='9')) if !numeric => {
                let log = self.pick(bank, c as usize - '1' as usize, ctx.now_ms);
                return Some(log_answer(log, bank));
            }
            _ => return None,
        }
        Some(Effect::None)
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(bank) = ctx.bank else {
            return Effect::None;
        };
        match action {
            // While answering, ↑/↓ move between choices; afterwards they scroll the explanation.
            Action::Down if self.phase == Phase::Asking => self.move_cursor(1),
            Action::Up if self.phase == Phase::Asking => self.move_cursor(-1),
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(5),
            Action::PageUp => self.scroll_by(-5),
            Action::Toggle => self.toggle(),
            Action::ToggleEnglish => self.english = !self.english,
            Action::Open => {
                if self.phase == Phase::Finished {
                    return Effect::Pop;
                }
                // The Enter that moves on from feedback never judges the next question.
                let was_asking = self.phase == Phase::Asking;
                let log = self.enter(bank, ctx.now_ms);
                // Enter that submitted nothing says why rather than doing nothing.
                if log.is_none() && was_asking && self.phase == Phase::Asking {
                    let strings = ctx.strings();
                    let why = self.item().map(|item| {
                        let q = &bank.entries[item.entry].question;
                        match q.kind {
                            crate::quiz::format::Kind::Multiple => strings.choose_exactly(
                                q.correct_ids().len(),
                                self.marked.iter().filter(|m| **m).count(),
                            ),
                            _ => strings.type_a_number().to_owned(),
                        }
                    });
                    if let Some(text) = why {
                        return Effect::warn(text);
                    }
                }
                return log_answer(log, bank);
            }
            Action::OpenLesson => {
                let Some(item) = self.item() else {
                    return Effect::None;
                };
                let q = &bank.entries[item.entry].question;
                let anchor = q.anchor().map(str::to_owned);
                if let Some(li) = ctx.library.lesson_index(q.lesson_id()) {
                    return Effect::Open(Open::Lesson(li, anchor));
                }
            }
            Action::Back => return Effect::Pop,
            _ => {}
        }
        Effect::None
    }

    fn scroll(&mut self, delta: isize) {
        self.scroll_by(delta);
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        view::draw(self, frame, area, ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::BankSource;

    #[test]
    fn a_session_walks_from_question_to_feedback_to_the_end() {
        let bank = Bank::load(&BankSource::Embedded);
        let filter = Filter {
            lesson: Some("udemy-rds".into()),
            ..Filter::default()
        };
        let mut p = Practice::new(&bank, &filter, 3, 9, "RDS".into(), 0);
        assert_eq!(p.items.len(), 3);
        for _ in 0..3 {
            assert_eq!(p.phase, Phase::Asking);
            let q = &bank.entries[p.item().unwrap().entry].question;
            let log = match q.kind {
                Kind2::Single => p.pick(&bank, 0, 0),
                Kind2::Multiple => {
                    let n = q.correct_ids().len();
                    for i in 0..n {
                        p.pick(&bank, i, 0);
                    }
                    p.enter(&bank, 0)
                }
                Kind2::Numeric => {
                    p.number = "1".into();
                    p.enter(&bank, 0)
                }
            };
            let log = log.expect("answer logged");
            assert_eq!(log.question, q.id);
            assert!(matches!(p.phase, Phase::Feedback { .. }));
            p.enter(&bank, 0);
        }
        assert_eq!(p.phase, Phase::Finished);
        assert_eq!(p.answered, 3);
    }

    #[test]
    fn multiple_needs_the_right_number_of_marks() {
        let bank = Bank::load(&BankSource::Embedded);
        let index = bank
            .entries
            .iter()
            .position(|e| e.question.kind == Kind2::Multiple)
            .unwrap();
        let lesson = bank.entries[index].question.lesson_id().to_owned();
        let filter = Filter {
            lesson: Some(lesson),
            ..Filter::default()
        };
        let mut p = Practice::new(&bank, &filter, 200, 1, String::new(), 0);
        loop {
            match p.kind(&bank) {
                Some(Kind2::Multiple) => break,
                Some(Kind2::Single) => {
                    p.pick(&bank, 0, 0);
                }
                Some(Kind2::Numeric) => {
                    p.number = "0".into();
                    p.enter(&bank, 0);
                }
                None => panic!("no multiple question in that lesson"),
            }
            p.enter(&bank, 0);
        }
        p.toggle();
        assert!(p.enter(&bank, 0).is_none(), "one mark is not enough");
        assert_eq!(p.phase, Phase::Asking);
        // A digit toggles its own choice and leaves the cursor; Space then acts under the cursor.
        p.move_cursor(1);
        p.pick(&bank, 2, 0);
        assert_eq!(p.cursor, 1, "the cursor stays");
        assert_eq!(p.marked[..3], [true, false, true]);
        p.toggle();
        assert_eq!(p.marked[..3], [true, true, true]);
        p.pick(&bank, 2, 0);
        assert_eq!(
            p.marked[..3],
            [true, true, false],
            "the digit unmarks it again"
        );
    }
}
