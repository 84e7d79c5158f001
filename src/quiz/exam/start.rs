//! What `gureum exam` (and the TUI's exam menu) does when asked to start an exam: resume the
//! running one, start a new one, or refuse, as a pure function of the request and the exam in
//! progress.
//!
//! The rules (no flag is ever dropped silently):
//! - `--count`/`--minutes`/`--seed` without `--exam` apply to the default exam, SAA-C03.
//!   `--count N` without `--minutes` gets the real exam's pace, 2 minutes a question
//!   (130 minutes for 65), rounded up; `--minutes M` without `--count` keeps 65 questions.
//! - Nothing running: any setting starts that exam; no setting opens the exam menu.
//! - An exam running: no setting, or only settings it already has (the same `--exam`,
//!   `--count`, `--minutes`, `--seed`), resumes it; any other setting without `--new` is
//!   refused (the CLI
//!   exits 2 naming the running exam and `--new`; the TUI asks 이어서 하기 / 포기하고 새로
//!   시작); `--new` abandons it and starts the new one (or opens the menu when no setting was
//!   given).

use super::blueprint::{Blueprint, ExamId};
use super::menu::Choice;
use super::state::ExamState;

/// The default exam of `--count`/`--minutes` without `--exam`.
pub const DEFAULT_EXAM: ExamId = ExamId::SaaC03;

/// What was asked for on the command line (or in the TUI).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExamRequest {
    /// `--exam`.
    pub exam: Option<ExamId>,
    /// `--count`.
    pub count: Option<usize>,
    /// `--minutes`.
    pub minutes: Option<u32>,
    /// `--seed`.
    pub seed: Option<u64>,
    /// `--new`: abandon the running exam.
    pub new: bool,
}

impl ExamRequest {
    /// Whether any setting of a new exam was given.
    pub fn has_settings(&self) -> bool {
        self.exam.is_some() || self.count.is_some() || self.minutes.is_some() || self.seed.is_some()
    }

    /// Whether every setting given is one `state` already has (so resuming drops nothing).
    pub fn describes(&self, state: &ExamState) -> bool {
        let minutes_ms = state.deadline_ms().saturating_sub(state.started_at_ms());
        let minutes_match = |m: u32| {
            let with_esl = Blueprint::full(state.exam())
                .custom(state.len(), m)
                .total_minutes(true);
            [m, with_esl]
                .iter()
                .any(|&x| u64::from(x) * 60_000 == minutes_ms)
        };
        self.exam.is_none_or(|e| e == state.exam())
            && self.count.is_none_or(|c| c == state.len())
            && self.seed.is_none_or(|s| s == state.seed())
            && self.minutes.is_none_or(minutes_match)
            && (self.exam.is_some() || state.exam() == DEFAULT_EXAM || !self.has_settings())
    }

    /// The exam these settings describe (defaults filled in).
    pub fn choice(&self) -> Choice {
        let exam = self.exam.unwrap_or(DEFAULT_EXAM);
        let full = Blueprint::full(exam);
        let count = self.count.unwrap_or(full.count).max(1);
        let minutes = self.minutes.unwrap_or_else(|| {
            let m = (u64::from(full.minutes) * count as u64).div_ceil(full.count as u64);
            u32::try_from(m).unwrap_or(u32::MAX).max(1)
        });
        Choice {
            exam,
            count,
            minutes,
        }
    }
}

/// The exam in progress, as the refusal names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Running {
    /// Which exam.
    pub exam: ExamId,
    /// Questions answered so far.
    pub answered: usize,
    /// Questions in it.
    pub total: usize,
}

impl Running {
    /// The running exam of `state`.
    pub fn of(state: &ExamState) -> Running {
        Running {
            exam: state.exam(),
            answered: state
                .items()
                .iter()
                .filter(|i| i.response.is_some())
                .count(),
            total: state.len(),
        }
    }
}

/// What to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Resume the running exam.
    Resume,
    /// Show the exam menu; `abandon` the running exam first.
    Menu {
        /// Abandon the running exam first.
        abandon: bool,
    },
    /// Start this exam; `abandon` the running one first.
    Start {
        /// The exam to start.
        choice: Choice,
        /// Abandon the running exam first.
        abandon: bool,
    },
    /// New settings while an exam runs, without `--new`: ask (TUI) or refuse (CLI, exit 2).
    Refuse {
        /// The exam in progress.
        running: Running,
        /// The exam that was asked for.
        asked: Choice,
    },
}

/// The decision for `request` with `running` in progress (a submitted state counts as none).
pub fn decide(running: Option<&ExamState>, request: &ExamRequest) -> Decision {
    let running = running.filter(|s| !s.is_submitted());
    match (running, request.has_settings(), request.new) {
        (None, false, _) => Decision::Menu { abandon: false },
        (None, true, _) => Decision::Start {
            choice: request.choice(),
            abandon: false,
        },
        (Some(_), false, false) => Decision::Resume,
        (Some(state), true, false) if request.describes(state) => Decision::Resume,
        (Some(_), false, true) => Decision::Menu { abandon: true },
        (Some(state), true, false) => Decision::Refuse {
            running: Running::of(state),
            asked: request.choice(),
        },
        (Some(_), true, true) => Decision::Start {
            choice: request.choice(),
            abandon: true,
        },
    }
}
