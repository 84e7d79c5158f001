//! Every mistake comes back: a finished exam's answers as review grades.
//!
//! A mock exam feeds the review queue like practice does, with the rule of
//! [`review`](crate::quiz::review): a wrong or unanswered question is graded Again, a right
//! answer the learner flagged (unsure) Hard, any other right answer Good. The exam keeps no
//! time per question, so "slow" does not apply here. Again and Hard questions are due at once
//! (see [`Store::finish_exam_graded`](crate::store::Store::finish_exam_graded), the one way an exam
//! ends),
//! so the results screen can offer "틀린 문제 N개 지금 복습" with [`mistakes`] and
//! [`session::draw_ids`](crate::quiz::session::draw_ids).

use super::state::ExamState;
use crate::quiz::bank::Bank;
use crate::quiz::review::Grade;
use crate::quiz::session::{Item, draw_ids, grade};

/// One exam question as a review answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExamReview {
    /// Question id.
    pub id: String,
    /// Answered at all.
    pub answered: bool,
    /// Answered correctly.
    pub correct: bool,
    /// Flagged for review during the exam.
    pub flagged: bool,
    /// The grade the review queue gets.
    pub grade: Grade,
}

impl ExamReview {
    /// Whether the question comes back for review (wrong, unanswered or flagged).
    pub fn is_mistake(&self) -> bool {
        self.grade != Grade::Good
    }
}

/// Every question of `state`, in exam order, graded for review (questions no longer in
/// `bank` are left out: they cannot be asked again).
pub fn exam_reviews(state: &ExamState, bank: &Bank) -> Vec<ExamReview> {
    state
        .items()
        .iter()
        .filter_map(|item| {
            let q = &bank
                .entries
                .iter()
                .find(|e| e.question.id == item.id)?
                .question;
            let correct = item
                .response
                .as_ref()
                .is_some_and(|r| grade(q, &r.clone().into()));
            let g = if !correct {
                Grade::Again
            } else if item.flagged {
                Grade::Hard
            } else {
                Grade::Good
            };
            Some(ExamReview {
                id: item.id.clone(),
                answered: item.response.is_some(),
                correct,
                flagged: item.flagged,
                grade: g,
            })
        })
        .collect()
}

/// Ids of the questions that come back ("틀린 문제 N개": wrong, unanswered, or flagged even
/// when right), in exam order.
pub fn mistakes(state: &ExamState, bank: &Bank) -> Vec<String> {
    exam_reviews(state, bank)
        .into_iter()
        .filter(ExamReview::is_mistake)
        .map(|r| r.id)
        .collect()
}

/// A practice session of the exam's [`mistakes`], choices shuffled by `seed`.
pub fn mistakes_session(state: &ExamState, bank: &Bank, seed: u64) -> Vec<Item> {
    draw_ids(bank, &mistakes(state, bank), seed)
}
