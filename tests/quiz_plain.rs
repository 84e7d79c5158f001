//! `gureum quiz --plain` as a classroom uses it: seeded, line by line on stdin/stdout.

use std::io::Write;
use std::process::{Command, Stdio};

fn quiz(args: &[&str], input: &str, data: &std::path::Path) -> (bool, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(["quiz", "--plain"])
        .args(args)
        .env("GUREUM_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gureum");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.success(), String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_same_seed_gives_every_student_the_same_quiz() {
    let data = tempfile::tempdir().unwrap();
    // Enough answers for any mix of kinds: a `multiple` question asks again until it gets two.
    let answers = "1\n1,2\n1,2,3\n".repeat(6);
    let (ok, a) = quiz(&["--seed", "7", "--count", "4"], &answers, data.path());
    assert!(ok);
    let (_, b) = quiz(&["--seed", "7", "--count", "4"], &answers, data.path());
    let questions = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with('['))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    assert_eq!(questions(&a).len(), 4);
    assert_eq!(questions(&a), questions(&b));
    let (_, c) = quiz(&["--seed", "8", "--count", "4"], &answers, data.path());
    assert_ne!(questions(&a), questions(&c));
}

#[test]
fn answers_are_graded_logged_and_summed_up() {
    let data = tempfile::tempdir().unwrap();
    // Garbage is asked again; "q" stops early with a score for what was answered.
    let (ok, out) = quiz(
        &["--seed", "3", "--count", "3", "--lesson", "udemy-rds"],
        "banana\n1\nq\n",
        data.path(),
    );
    assert!(ok);
    assert!(out.contains("이해하지 못했어요"), "{out}");
    assert!(out.contains("1문제 중"), "{out}");
    assert!(
        out.contains("(레슨: ") && out.contains("`gureum read udemy-rds`)"),
        "every answer links back to its lesson: {out}"
    );
    let (store, _) = gureum::store::Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert_eq!(store.answers().unwrap().len(), 1);
}

#[test]
fn no_matching_questions_is_an_error() {
    let data = tempfile::tempdir().unwrap();
    let (ok, _) = quiz(&["--lesson", "no-such-lesson"], "", data.path());
    assert!(!ok);
}
