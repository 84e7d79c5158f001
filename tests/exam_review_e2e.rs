//! Issue 11's end-to-end check: a seeded 5-question exam answered all wrong, submitted, then
//! the mistakes are due both in the TUI (`r` on home) and in `gureum stats --json`.
//!
//! The exam screen grades the exam and ends it with `Store::finish_exam_graded`.

mod support;

use std::process::Command;

use gureum::quiz::exam::{Blueprint, ExamState, draw_exam};
use gureum::quiz::{Bank, BankSource, Kind};
use support::pty::{BIN, Pty};

#[test]
fn an_exam_answered_all_wrong_leaves_every_question_due() {
    let bank = Bank::load(&BankSource::Embedded);
    // A seed whose five questions are all single-answer, so one digit answers each.
    let blueprint = Blueprint::saa_c03().custom(5, 10);
    let (seed, items) = (0..500u64)
        .find_map(|seed| {
            let drawn = draw_exam(&bank, &blueprint, seed);
            let state = ExamState::start(&bank, &drawn, 10, 0);
            let items = state.resolve(&bank).ok()?;
            items
                .iter()
                .all(|i| bank.entries[i.entry].question.kind == Kind::Single)
                .then_some((seed, items))
        })
        .expect("a seed with five single-answer questions");
    let data = tempfile::tempdir().unwrap();
    let seed_s = seed.to_string();
    let args = [
        "exam",
        "--exam",
        "saa-c03",
        "--count",
        "5",
        "--minutes",
        "10",
        "--seed",
        &seed_s,
    ];
    let mut t = Pty::gureum(data.path(), &args, &[], 100, 30);
    for (n, item) in items.iter().enumerate() {
        t.wait_for(&format!("{}/5", n + 1));
        let q = &bank.entries[item.entry].question;
        let right = q.correct_ids();
        let wrong = item
            .order
            .iter()
            .position(|&c| !right.contains(&q.choices[c].id.as_str()))
            .unwrap();
        t.keys(&[&(wrong + 1).to_string()]);
        t.keys(&["Enter"]);
    }
    t.keys(&["S"]);
    t.wait_for("제출할까요");
    t.keys(&["Enter"]);
    let results = t.wait_for("추정 점수");
    assert!(results.contains("0/5"), "{results}");
    t.keys(&["C-c"]);
    t.wait_exit();

    let out = Command::new(BIN)
        .args(["stats", "--json"])
        .env("GUREUM_DATA_DIR", data.path())
        .env("GUREUM_CONFIG_DIR", data.path().join("config"))
        .output()
        .unwrap();
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(stats["due_now"].as_u64().unwrap() >= 5, "{stats}");

    let mut t = Pty::gureum(data.path(), &[], &[], 100, 30);
    t.wait_for("구름");
    t.keys(&["r"]);
    let screen = t.wait_until("the review", |s| {
        s.contains("1/5") || s.contains("복습할 문제가 없어요")
    });
    assert!(!screen.contains("복습할 문제가 없어요"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_exit();
}
