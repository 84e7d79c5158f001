//! Two TUI windows (two real `gureum` processes in pseudo-terminals) on one data folder lose
//! nothing: both practise at once, then one runs a mock exam while the other keeps practising.
//! Every practice answer is in the store afterwards, and the running exam is kept as its window
//! left it.

mod support;

use std::path::Path;

use gureum::store::Store;
use support::pty::Pty;

/// A bank of the snapshot bank's single-choice questions (one key answers each).
fn single_choice_bank(dir: &Path) -> usize {
    let bank = include_str!("fixtures/snapshot-bank/myclothes.toml");
    let mut parts = bank.split("\n[[question]]\n");
    let mut out = parts.next().unwrap_or_default().to_owned();
    let mut n = 0;
    for q in parts {
        if q.contains("kind = \"single\"") {
            out.push_str("\n[[question]]\n");
            out.push_str(q);
            n += 1;
        }
    }
    std::fs::write(dir.join("single.toml"), out).unwrap();
    n
}

/// A practice window: home → `p` → every lesson.
fn practice_window(data: &Path, quizzes: &Path) -> Pty {
    let dir = quizzes.to_str().unwrap();
    let mut t = Pty::gureum(data, &["--quiz-dir", dir], &[], 100, 30);
    t.wait_for("다음에 할 일");
    t.keys(&["p"]);
    t.wait_for("모든 레슨");
    t.keys(&["Enter"]);
    t.wait_for("1/10 · 맞힘");
    t
}

/// Answers question `n` (1-based) of the window's session with choice 1 and moves on.
fn answer(t: &mut Pty, n: usize) {
    t.wait_for(&format!(" {n}/10 · 맞힘"));
    t.keys(&["1"]);
    t.wait_until("feedback", |s| {
        s.contains("정답이에요") || s.contains("틀렸어요")
    });
    t.keys(&["Enter"]);
    if n < 10 {
        t.wait_for(&format!(" {}/10 · 맞힘", n + 1));
    } else {
        t.wait_for("문제 맞혔어요");
    }
}

fn practice_answers(data: &Path) -> usize {
    let (store, notices) = Store::open_in(data, gureum::clock::now()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    store
        .answers()
        .unwrap()
        .iter()
        .filter(|a| a.question.starts_with("mc-"))
        .count()
}

#[test]
fn two_tui_windows_on_one_folder_lose_nothing() {
    let data = tempfile::tempdir().unwrap();
    let quizzes = tempfile::tempdir().unwrap();
    assert!(single_choice_bank(quizzes.path()) >= 10);

    // Both windows practise, answers interleaved: 6 each.
    let mut a = practice_window(data.path(), quizzes.path());
    let mut b = practice_window(data.path(), quizzes.path());
    for n in 1..=6 {
        answer(&mut a, n);
        answer(&mut b, n);
    }
    assert_eq!(practice_answers(data.path()), 12, "both windows' answers");

    // Window A leaves practice and starts a mock exam; B keeps practising meanwhile.
    a.keys(&["C-c"]);
    assert!(a.wait_exit().success());
    let exam = [
        "exam",
        "--exam",
        "saa-c03",
        "--count",
        "5",
        "--minutes",
        "30",
        "--seed",
        "42",
    ];
    let mut a = Pty::gureum(data.path(), &exam, &[], 100, 30);
    a.wait_for("1/5");
    a.keys(&["1", "Enter"]);
    a.wait_for("2/5");
    answer(&mut b, 7);
    // Question 2 answered and left on screen (moving on alone is not saved: see the report).
    a.keys(&["1"]);
    a.wait_for("● 1)");
    answer(&mut b, 8);
    answer(&mut b, 9);
    answer(&mut b, 10);
    b.keys(&["Enter"]);
    b.keys(&["C-c"]);
    assert!(b.wait_exit().success());

    // Every answer is there, and the exam A is running still holds its two answers.
    assert_eq!(practice_answers(data.path()), 16, "no practice answer lost");
    let (store, _) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
    let running = store.running_exam().expect("the running exam survives");
    assert_eq!(running.unanswered(), vec![2, 3, 4], "{running:?}");
    drop(store);

    // A closes without submitting and comes back to the same question, its answer kept.
    a.keys(&["C-c"]);
    assert!(a.wait_exit().success());
    let mut a = Pty::gureum(data.path(), &exam, &[], 100, 30);
    let resumed = a.wait_for("/5");
    assert!(
        resumed.contains("2/5") && resumed.contains("● 1)"),
        "{resumed}"
    );
    a.keys(&["C-c"]);
    assert!(a.wait_exit().success());
    assert_eq!(practice_answers(data.path()), 16);
}
