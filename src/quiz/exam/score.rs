//! Grading a submitted exam, the estimated scaled score, and attempt history.

use serde::{Deserialize, Serialize};

use super::blueprint::ExamId;
use super::state::{ExamError, ExamState, SubmitReason};
use crate::quiz::bank::Bank;
use crate::quiz::session::grade;

/// The passing scaled score of both SAA-C03 and DVA-C02.
pub const PASSING_SCORE: u16 = 720;
/// Lowest scaled score AWS reports.
const MIN_SCORE: u16 = 100;
/// Highest scaled score AWS reports.
const MAX_SCORE: u16 = 1000;

/// A message in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Note {
    /// Korean.
    pub ko: &'static str,
    /// English.
    pub en: &'static str,
}

/// Shown next to every estimated scaled score.
pub const SCALED_SCORE_NOTE: Note = Note {
    ko: "추정 점수예요. AWS는 환산 점수 계산 방식을 공개하지 않아요. 여기서는 정답률을 100~1000점에 비례해서 옮겼을 뿐이라 실제 시험 점수와 다를 수 있어요 (합격선 720점).",
    en: "Estimate only. AWS does not publish how it scales scores; this maps the percent correct linearly onto 100-1000, so a real exam may score differently (pass mark 720).",
};

/// Estimated scaled score for `correct` of `total`: `100 + 900 × correct / total`, rounded.
///
/// This is an *estimate*, not AWS's scoring: AWS scales scores with an unpublished
/// equating model, across forms of different difficulty, and 15 of the 65 real questions are
/// unscored. A linear map is the simplest monotone guess that respects the published 100–1000
/// range; with it the 720 pass mark corresponds to about 69% correct. An empty exam scores 100.
pub fn estimated_scaled_score(correct: usize, total: usize) -> u16 {
    if total == 0 {
        return MIN_SCORE;
    }
    let correct = correct.min(total) as u64;
    let total = total as u64;
    let span = u64::from(MAX_SCORE - MIN_SCORE);
    // Integer rounding half up, so equal fractions always give equal scores.
    let scaled = (span * correct * 2 + total) / (total * 2);
    MIN_SCORE + scaled as u16
}

/// How one question went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Answered correctly.
    Correct,
    /// Answered, wrongly.
    Wrong,
    /// Not answered.
    Skipped,
}

/// One domain's part of the result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DomainScore {
    /// Domain id (`saa.secure`).
    pub domain: &'static str,
    /// Domain name as in the exam guide.
    pub name: &'static str,
    /// Published weight in percent.
    pub weight: u8,
    /// Correct answers in this domain.
    pub correct: usize,
    /// Questions in this domain.
    pub total: usize,
    /// Percent correct, `None` when the exam had no question of this domain.
    pub percent: Option<f64>,
}

/// The graded exam.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamResult {
    /// Which exam.
    pub exam: ExamId,
    /// Epoch ms when it started.
    pub started_at_ms: u64,
    /// Seconds from start to submission.
    pub seconds_used: u64,
    /// Submitted by the learner or by the clock.
    pub reason: SubmitReason,
    /// Correct answers.
    pub correct: usize,
    /// Questions.
    pub total: usize,
    /// Percent correct (0 for an empty exam).
    pub percent: f64,
    /// Every domain of the exam in published order, including those with no question.
    pub domains: Vec<DomainScore>,
    /// See [`estimated_scaled_score`] and [`SCALED_SCORE_NOTE`]: an estimate, not AWS's score.
    pub estimated_scaled_score: u16,
    /// Whether the estimate reaches [`PASSING_SCORE`].
    pub passed_estimate: bool,
    /// Per question, in exam order.
    pub verdicts: Vec<Verdict>,
    /// Ids of wrongly answered questions, in exam order.
    pub wrong: Vec<String>,
    /// Ids of flagged questions, in exam order.
    pub flagged: Vec<String>,
    /// Ids of unanswered questions, in exam order.
    pub skipped: Vec<String>,
}

impl ExamResult {
    /// Grades a submitted exam against `bank` (the bank must still hold its questions).
    pub fn grade(state: &ExamState, bank: &Bank) -> Result<ExamResult, ExamError> {
        let Some(submission) = state.submission() else {
            return Err(ExamError::NotSubmitted);
        };
        let items = state.resolve(bank)?;
        let mut verdicts = Vec::with_capacity(items.len());
        let (mut wrong, mut flagged, mut skipped) = (Vec::new(), Vec::new(), Vec::new());
        let mut domains: Vec<DomainScore> = state
            .exam()
            .domains()
            .into_iter()
            .map(|(domain, name, weight)| DomainScore {
                domain,
                name,
                weight,
                correct: 0,
                total: 0,
                percent: None,
            })
            .collect();
        for (saved, item) in state.items().iter().zip(&items) {
            let question = &bank.entries[item.entry].question;
            let verdict = match &saved.response {
                None => Verdict::Skipped,
                Some(r) if grade(question, &r.clone().into()) => Verdict::Correct,
                Some(_) => Verdict::Wrong,
            };
            match verdict {
                Verdict::Wrong => wrong.push(saved.id.clone()),
                Verdict::Skipped => skipped.push(saved.id.clone()),
                Verdict::Correct => {}
            }
            if saved.flagged {
                flagged.push(saved.id.clone());
            }
            // `from_json` guarantees the domain belongs to this exam; a fresh state is built
            // from the blueprint's own domains.
            if let Some(d) = domains.iter_mut().find(|d| d.domain == saved.domain) {
                d.total += 1;
                d.correct += usize::from(verdict == Verdict::Correct);
            }
            verdicts.push(verdict);
        }
        for d in &mut domains {
            d.percent = (d.total > 0).then(|| percent(d.correct, d.total));
        }
        let correct = verdicts.iter().filter(|&&v| v == Verdict::Correct).count();
        let total = verdicts.len();
        let estimated = estimated_scaled_score(correct, total);
        Ok(ExamResult {
            exam: state.exam(),
            started_at_ms: state.started_at_ms(),
            seconds_used: submission.at_ms.saturating_sub(state.started_at_ms()) / 1000,
            reason: submission.reason,
            correct,
            total,
            percent: percent(correct, total),
            domains,
            estimated_scaled_score: estimated,
            passed_estimate: estimated >= PASSING_SCORE,
            verdicts,
            wrong,
            flagged,
            skipped,
        })
    }

    /// The line kept in the attempt history.
    pub fn summary(&self) -> AttemptSummary {
        AttemptSummary {
            exam: self.exam,
            started_at_ms: self.started_at_ms,
            seconds_used: self.seconds_used,
            correct: self.correct,
            total: self.total,
            estimated_score: self.estimated_scaled_score,
        }
    }
}

fn percent(correct: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        correct as f64 * 100.0 / total as f64
    }
}

/// One finished attempt, as kept in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptSummary {
    /// Which exam.
    pub exam: ExamId,
    /// Epoch ms when it started.
    pub started_at_ms: u64,
    /// Seconds from start to submission.
    pub seconds_used: u64,
    /// Correct answers.
    pub correct: usize,
    /// Questions.
    pub total: usize,
    /// The estimated scaled score (an estimate: see [`SCALED_SCORE_NOTE`]).
    pub estimated_score: u16,
}

impl AttemptSummary {
    /// Percent correct (0 for an empty attempt).
    pub fn percent(&self) -> f64 {
        percent(self.correct, self.total)
    }
}

/// The trend of the most recent attempt's exam; see [`trend_for`].
pub fn trend(attempts: &[AttemptSummary]) -> Option<f64> {
    let last = attempts
        .iter()
        .filter(|a| a.total > 0)
        .max_by_key(|a| a.started_at_ms)?;
    trend_for(attempts, last.exam)
}

/// Change in percent correct, in percentage points, from the previous attempt of `exam` to
/// the latest one (by start time, whatever the slice order); `None` with fewer than two.
///
/// A two-point difference rather than a least-squares slope: "8 points better than last
/// time" is what a learner can read and check, while a slope over attempts days or months
/// apart needs a time unit and hides the last result. Empty attempts are ignored.
pub fn trend_for(attempts: &[AttemptSummary], exam: ExamId) -> Option<f64> {
    let mut same: Vec<&AttemptSummary> = attempts
        .iter()
        .filter(|a| a.exam == exam && a.total > 0)
        .collect();
    // Stable: attempts started in the same millisecond keep slice order.
    same.sort_by_key(|a| a.started_at_ms);
    match same.as_slice() {
        [.., previous, last] => Some(last.percent() - previous.percent()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::exam::blueprint::Blueprint;
    use crate::quiz::exam::draw::draw_exam;
    use crate::quiz::exam::draw::tests::{bank_of, question};
    use crate::quiz::exam::state::{ExamResponse, Outcome};
    use crate::quiz::format::Answer;

    const T0: u64 = 1_700_000_000_000;

    #[test]
    fn scoring_per_domain_with_a_hand_built_bank() {
        let mut multi = question("c2", &["saa.cost"]);
        multi.answer = Answer::Many(vec!["a".into(), "b".into()]);
        let bank = bank_of(vec![
            question("s1", &["saa.secure"]),
            question("s2", &["saa.secure"]),
            question("s3", &["saa.secure"]),
            question("r1", &["saa.resilient"]),
            question("r2", &["saa.resilient"]),
            question("c1", &["saa.cost"]),
            multi,
        ]);
        let bp = Blueprint::saa_c03();
        let drawn = draw_exam(&bank, &bp, 11);
        assert_eq!(drawn.items.len(), 7);
        let mut state = ExamState::start(&bank, &drawn, bp.minutes, T0);
        let at = |id: &str| state_index(&state, id);
        let (s1, s2, s3, r1, r2, c1, c2) = (
            at("s1"),
            at("s2"),
            at("s3"),
            at("r1"),
            at("r2"),
            at("c1"),
            at("c2"),
        );
        let one = |c: &str| ExamResponse::Choices(vec![c.into()]);
        for (i, r) in [
            (s1, one("a")),
            (s2, one("a")),
            (s3, one("b")),
            (r1, one("c")),
            (c1, one("a")),
            // Multiple: only the full set is correct.
            (c2, ExamResponse::Choices(vec!["b".into(), "a".into()])),
        ] {
            assert_eq!(state.answer(i, r, T0 + 1000), Outcome::Applied);
        }
        assert_eq!(state.toggle_flag(s3), Outcome::Applied);
        assert_eq!(state.toggle_flag(r2), Outcome::Applied);
        assert!(matches!(
            ExamResult::grade(&state, &bank),
            Err(ExamError::NotSubmitted)
        ));
        assert_eq!(state.submit(T0 + 90_500), Outcome::Applied);
        let result = ExamResult::grade(&state, &bank).unwrap();

        assert_eq!((result.correct, result.total), (4, 7));
        assert!((result.percent - 400.0 / 7.0).abs() < 1e-9);
        assert_eq!(result.seconds_used, 90);
        let by: Vec<(&str, usize, usize, Option<f64>)> = result
            .domains
            .iter()
            .map(|d| (d.domain, d.correct, d.total, d.percent))
            .collect();
        assert_eq!(
            by,
            vec![
                ("saa.secure", 2, 3, Some(200.0 / 3.0)),
                ("saa.resilient", 0, 2, Some(0.0)),
                ("saa.performance", 0, 0, None),
                ("saa.cost", 2, 2, Some(100.0)),
            ]
        );
        let ids = |v: &[usize]| {
            v.iter()
                .map(|&i| state.items()[i].id.clone())
                .collect::<Vec<_>>()
        };
        let in_order = |mut v: Vec<usize>| {
            v.sort_unstable();
            ids(&v)
        };
        assert_eq!(result.wrong, in_order(vec![s3, r1]));
        assert_eq!(result.skipped, in_order(vec![r2]));
        assert_eq!(result.flagged, in_order(vec![s3, r2]));
        assert_eq!(result.verdicts[s1], Verdict::Correct);
        assert_eq!(result.verdicts[r2], Verdict::Skipped);
        // 4/7 = 57%: 100 + 900 * 4/7 = 614.3 → 614, below the pass mark.
        assert_eq!(result.estimated_scaled_score, 614);
        assert!(!result.passed_estimate);
        let summary = result.summary();
        assert_eq!(
            (
                summary.correct,
                summary.total,
                summary.estimated_score,
                summary.seconds_used
            ),
            (4, 7, 614, 90)
        );
    }

    fn state_index(state: &ExamState, id: &str) -> usize {
        state.items().iter().position(|i| i.id == id).unwrap()
    }

    #[test]
    fn the_scaled_estimate_is_bounded_monotone_and_passes_near_69_percent() {
        for total in 1..=100 {
            let scores: Vec<u16> = (0..=total)
                .map(|c| estimated_scaled_score(c, total))
                .collect();
            assert_eq!(scores[0], 100);
            assert_eq!(scores[total], 1000);
            assert!(scores.windows(2).all(|w| w[0] <= w[1]), "total {total}");
            assert!(scores.iter().all(|s| (100..=1000).contains(s)));
        }
        assert_eq!(estimated_scaled_score(0, 0), 100);
        assert_eq!(
            estimated_scaled_score(70, 65),
            1000,
            "more correct than questions is capped"
        );
        // 65 questions: 45 → 723.1 passes, 44 → 709.2 does not.
        assert_eq!(estimated_scaled_score(45, 65), 723);
        assert_eq!(estimated_scaled_score(44, 65), 709);
        // Half up: 1 of 2 → 550, 1 of 8 → 212.5 → 213.
        assert_eq!(estimated_scaled_score(1, 2), 550);
        assert_eq!(estimated_scaled_score(1, 8), 213);
        assert!(SCALED_SCORE_NOTE.ko.contains("추정"));
        assert!(SCALED_SCORE_NOTE.en.contains("Estimate"));
    }

    #[test]
    fn trend_compares_the_last_two_attempts_of_the_same_exam() {
        let a = |exam, started_at_ms, correct, total| AttemptSummary {
            exam,
            started_at_ms,
            seconds_used: 60,
            correct,
            total,
            estimated_score: estimated_scaled_score(correct, total),
        };
        assert_eq!(trend(&[]), None);
        assert_eq!(trend(&[a(ExamId::SaaC03, 1, 30, 65)]), None);
        let history = [
            a(ExamId::SaaC03, 1, 26, 65), // 40%
            a(ExamId::DvaC02, 2, 10, 10),
            a(ExamId::SaaC03, 4, 39, 65), // 60%: latest SAA
            a(ExamId::SaaC03, 3, 13, 65), // 20%: older, listed out of order
            a(ExamId::DvaC02, 5, 0, 0),   // empty: ignored
        ];
        let saa = trend_for(&history, ExamId::SaaC03).unwrap();
        assert!((saa - 40.0).abs() < 1e-9, "{saa}");
        assert_eq!(trend_for(&history, ExamId::DvaC02), None);
        // The latest non-empty attempt is the SAA one at t=4.
        assert_eq!(trend(&history), Some(saa));
    }
}
