//! Readiness: per exam domain, accuracy over the learner's recent answers (practice and mock
//! exams), weighted by the exam's blueprint; and the mock-exam scores over time. `gureum stats`
//! prints these; the TUI's readiness panel draws the same numbers.

use std::collections::BTreeMap;

use super::blueprint::ExamId;
use super::score::{ExamResult, estimated_scaled_score};
use super::state::ExamState;
use crate::quiz::bank::Bank;
use crate::quiz::format::DOMAINS;
use crate::quiz::session::grade;
use crate::store::AnswerLog;

/// How many of a domain's most recent answers its accuracy is computed over.
pub const RECENT_ANSWERS: usize = 50;

/// One answer, wherever it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Question id.
    pub question: String,
    /// Exam domains it counts for.
    pub domains: Vec<String>,
    /// Unix seconds.
    pub at: u64,
    /// Right or wrong.
    pub correct: bool,
}

/// Every answer of practice (`answers`) and of the finished mock exams (answered questions
/// only), oldest first. Practice answers count for every domain of their question (found in
/// `bank`); exam answers for the domain slot they filled.
pub fn outcomes(answers: &[AnswerLog], finished: &[ExamState], bank: &Bank) -> Vec<Outcome> {
    let domains_of = |id: &str| {
        bank.entries
            .iter()
            .find(|e| e.question.id == id)
            .map(|e| e.question.domains.clone())
            .unwrap_or_default()
    };
    let mut out: Vec<Outcome> = answers
        .iter()
        .map(|a| Outcome {
            question: a.question.clone(),
            domains: domains_of(&a.question),
            at: a.at,
            correct: a.correct,
        })
        .collect();
    for state in finished {
        let at = state.submission().map_or(0, |s| s.at_ms / 1000);
        for item in state.items() {
            let (Some(r), Some(e)) = (
                &item.response,
                bank.entries.iter().find(|e| e.question.id == item.id),
            ) else {
                continue;
            };
            out.push(Outcome {
                question: item.id.clone(),
                domains: vec![item.domain.clone()],
                at,
                correct: grade(&e.question, &r.clone().into()),
            });
        }
    }
    out.sort_by_key(|o| o.at);
    out
}

/// A domain's recent accuracy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DomainAccuracy {
    /// Domain id (`saa.secure`).
    pub domain: &'static str,
    /// Its exam.
    pub exam: ExamId,
    /// Name as in the exam guide.
    pub name: &'static str,
    /// Blueprint weight in percent.
    pub weight: u8,
    /// Answers counted (at most [`RECENT_ANSWERS`]).
    pub answered: usize,
    /// Right ones among them.
    pub correct: usize,
}

impl DomainAccuracy {
    /// Fraction right (0-1), `None` without answers.
    pub fn accuracy(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.correct as f64 / self.answered as f64)
    }
}

/// Every exam domain's accuracy over its [`RECENT_ANSWERS`] most recent `outcomes`, in the
/// order of [`DOMAINS`].
pub fn domain_accuracy(outcomes: &[Outcome]) -> Vec<DomainAccuracy> {
    DOMAINS
        .iter()
        .map(|&(domain, code, name, weight)| {
            let recent: Vec<bool> = outcomes
                .iter()
                .rev()
                .filter(|o| o.domains.iter().any(|d| d == domain))
                .take(RECENT_ANSWERS)
                .map(|o| o.correct)
                .collect();
            DomainAccuracy {
                domain,
                exam: ExamId::ALL
                    .into_iter()
                    .find(|e| e.code() == code)
                    .unwrap_or(ExamId::SaaC03),
                name,
                weight,
                answered: recent.len(),
                correct: recent.iter().filter(|&&c| c).count(),
            }
        })
        .collect()
}

/// An exam's readiness: its domains' accuracies weighted by the blueprint, over the domains
/// with answers (`None` when none has any).
pub fn weighted_accuracy(domains: &[DomainAccuracy], exam: ExamId) -> Option<f64> {
    let (sum, weights) = domains
        .iter()
        .filter(|d| d.exam == exam)
        .filter_map(|d| {
            d.accuracy()
                .map(|a| (a * f64::from(d.weight), f64::from(d.weight)))
        })
        .fold((0.0, 0.0), |(s, w), (a, b)| (s + a, w + b));
    (weights > 0.0).then(|| sum / weights)
}

/// One finished mock exam's score.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamScore {
    /// Unix seconds of the submission.
    pub finished_at: u64,
    /// Which exam.
    pub exam: ExamId,
    /// Questions.
    pub count: usize,
    /// Right answers.
    pub correct: usize,
    /// Percent right.
    pub percent: f64,
    /// Estimated scaled score (see [`super::SCALED_SCORE_NOTE`]).
    pub scaled_estimate: u16,
    /// Per domain: (id, questions, right).
    pub domains: Vec<(&'static str, usize, usize)>,
}

/// The scores of the finished exams, oldest first (exams whose questions left the bank are
/// graded on the questions that remain).
pub fn exam_scores(finished: &[ExamState], bank: &Bank) -> Vec<ExamScore> {
    let mut out: Vec<ExamScore> = finished
        .iter()
        .filter_map(|state| {
            let finished_at = state.submission()?.at_ms / 1000;
            if let Ok(r) = ExamResult::grade(state, bank) {
                return Some(ExamScore {
                    finished_at,
                    exam: r.exam,
                    count: r.total,
                    correct: r.correct,
                    percent: r.percent,
                    scaled_estimate: r.estimated_scaled_score,
                    domains: r
                        .domains
                        .iter()
                        .map(|d| (d.domain, d.total, d.correct))
                        .collect(),
                });
            }
            // The bank changed under it: count what can still be graded.
            let reviews = super::feed::exam_reviews(state, bank);
            let correct = reviews.iter().filter(|r| r.correct).count();
            let count = state.len();
            Some(ExamScore {
                finished_at,
                exam: state.exam(),
                count,
                correct,
                percent: if count == 0 {
                    0.0
                } else {
                    correct as f64 * 100.0 / count as f64
                },
                scaled_estimate: estimated_scaled_score(correct, count),
                domains: Vec::new(),
            })
        })
        .collect();
    out.sort_by_key(|s| s.finished_at);
    out
}

/// The accuracies as a map by domain id (for JSON).
pub fn by_id(domains: &[DomainAccuracy]) -> BTreeMap<&'static str, DomainAccuracy> {
    domains.iter().map(|d| (d.domain, *d)).collect()
}
