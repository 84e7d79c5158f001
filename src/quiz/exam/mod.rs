//! Exam mode: a timed simulation of the SAA-C03 and DVA-C02 exams, as pure logic.
//!
//! The pieces, in the order an exam goes through them:
//!
//! 1. [`Blueprint`] says how many questions, how long, and how the count splits across the
//!    exam's domains. The published blueprints are 65 questions in 130 minutes (+30 with the
//!    ESL accommodation); [`Blueprint::custom`] keeps an exam's domain weights for shorter mocks.
//!    The count is split by the largest-remainder method so the per-domain counts always add up
//!    to exactly the requested total.
//! 2. [`draw_exam`] picks the questions from a [`Bank`](crate::quiz::Bank). A question may be
//!    tagged with several domains but fills only one slot, so picking is a bipartite matching
//!    between domain slots and questions (augmenting paths over seeded, shuffled candidate
//!    lists): a greedy pick could report a shortfall that a different assignment avoids. When a
//!    domain still has too few questions the draw keeps what exists and reports a [`Shortfall`];
//!    it never moves the missing slots to another domain, because that would silently change
//!    the exam's balance. The caller shows the shortfall.
//! 3. [`ExamState`] is the whole running exam, serialisable as JSON so the UI can save it after
//!    every answer and resume after a crash. It stores question ids (not bank indexes) and
//!    choice ids in display order, so [`ExamState::resolve`] can tell when the bank changed
//!    underneath a saved exam. Time is an input: every transition that depends on the clock
//!    takes `now_ms` (epoch milliseconds) and the state keeps an absolute deadline, so a resumed
//!    exam continues from the stored deadline and time spent with the terminal closed counts,
//!    as in a real test centre. Nothing here reads a clock or a random source of its own.
//! 4. [`ExamResult`] grades a submitted exam: percent correct, a per-domain breakdown, an
//!    *estimated* scaled score (see [`SCALED_SCORE_NOTE`]) and the review lists. An
//!    [`AttemptSummary`] per attempt feeds the history and [`trend`].

mod blueprint;
pub mod domains;
mod draw;
pub mod feed;
pub mod menu;
pub mod readiness;
mod score;
pub mod start;
mod state;

pub use blueprint::{Blueprint, ExamId};
pub use domains::{domain_label, domain_name};
pub use draw::{DomainDraw, Drawn, DrawnItem, Shortfall, draw_exam};
pub use score::{
    AttemptSummary, DomainScore, ExamResult, Note, PASSING_SCORE, SCALED_SCORE_NOTE, Verdict,
    estimated_scaled_score, trend, trend_for,
};
pub use state::{
    ExamError, ExamItem, ExamResponse, ExamState, Outcome, STATE_VERSION, Slot, Submission,
    SubmitReason,
};
