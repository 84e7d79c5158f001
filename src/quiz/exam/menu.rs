//! The exams a learner can start: both full exams, then short mocks of each.

use super::{Blueprint, ExamId};

/// One choice of the exam menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// Which exam.
    pub exam: ExamId,
    /// Questions.
    pub count: usize,
    /// Minutes before the ESL extension.
    pub minutes: u32,
}

/// The menu: both full exams, then short mocks of each.
pub fn menu() -> Vec<Choice> {
    let mut out = Vec::new();
    for exam in [ExamId::SaaC03, ExamId::DvaC02] {
        let full = Blueprint::full(exam);
        out.push(Choice {
            exam,
            count: full.count,
            minutes: full.minutes,
        });
    }
    for exam in [ExamId::SaaC03, ExamId::DvaC02] {
        out.push(Choice {
            exam,
            count: 10,
            minutes: 20,
        });
    }
    out
}
