//! Exam mode against the real embedded bank: how many questions each domain has, and whether
//! each published blueprint can be drawn in full.

use std::collections::HashSet;

use gureum::quiz::exam::{
    Blueprint, ExamId, ExamResponse, ExamResult, ExamState, Outcome, draw_exam,
};
use gureum::quiz::{Answer, Bank, BankSource};

#[test]
fn the_embedded_bank_covers_both_full_blueprints() {
    let bank = Bank::load(&BankSource::Embedded);
    assert!(bank.problems.is_empty(), "{:?}", bank.problems);
    for exam in ExamId::ALL {
        let bp = Blueprint::full(exam);
        let drawn = draw_exam(&bank, &bp, 2024);
        for d in &drawn.domains {
            // Run with --nocapture to see the table the final report quotes.
            println!(
                "{} {:<20} tagged {:>3}  wanted {:>2}  got {:>2}",
                exam.code(),
                d.domain,
                d.available,
                d.wanted,
                d.got
            );
        }
        assert!(
            drawn.shortfalls().is_empty(),
            "{exam:?}: {:?}",
            drawn.shortfalls()
        );
        assert_eq!(drawn.items.len(), 65);
        // Every seed, not just one, must fill the blueprint.
        for seed in 0..50 {
            assert!(
                draw_exam(&bank, &bp, seed).shortfalls().is_empty(),
                "{exam:?} seed {seed}"
            );
        }
    }
}

#[test]
fn a_perfect_run_of_a_full_exam_scores_1000_and_an_empty_one_100() {
    let bank = Bank::load(&BankSource::Embedded);
    let t0 = 1_700_000_000_000;
    for exam in ExamId::ALL {
        let bp = Blueprint::full(exam);
        let drawn = draw_exam(&bank, &bp, 7);
        let mut perfect = ExamState::start(&bank, &drawn, bp.total_minutes(true), t0);
        let mut blank = perfect.clone();
        let items = perfect.resolve(&bank).unwrap();
        for (i, item) in items.iter().enumerate() {
            let q = &bank.entries[item.entry].question;
            let response = match &q.answer {
                Answer::Number(n) => ExamResponse::Number(*n),
                _ => ExamResponse::Choices(q.correct_ids().iter().map(|&s| s.to_owned()).collect()),
            };
            assert_eq!(
                perfect.answer(i, response, t0 + 1000 * i as u64),
                Outcome::Applied,
                "{}",
                q.id
            );
        }
        assert_eq!(perfect.submit(t0 + 3_600_000), Outcome::Applied);
        let result = ExamResult::grade(&perfect, &bank).unwrap();
        assert_eq!(
            (result.correct, result.total, result.estimated_scaled_score),
            (65, 65, 1000)
        );
        assert!(result.passed_estimate);
        let per_domain: Vec<usize> = result.domains.iter().map(|d| d.total).collect();
        let wanted: Vec<usize> = bp.allocation().iter().map(|a| a.1).collect();
        assert_eq!(per_domain, wanted);

        // Time runs out with nothing answered (ESL: 160 minutes).
        assert_eq!(blank.tick(t0 + 160 * 60_000), Outcome::TimeUp);
        let result = ExamResult::grade(&blank, &bank).unwrap();
        assert_eq!(
            (
                result.correct,
                result.estimated_scaled_score,
                result.seconds_used
            ),
            (0, 100, 9600)
        );
        assert_eq!(result.skipped.len(), 65);
        let unique: HashSet<&String> = result.skipped.iter().collect();
        assert_eq!(unique.len(), 65);
    }
}
