//! The progress store with real processes: two `gureum quiz --plain` runs on one data folder,
//! and a run killed (`SIGKILL`) right after an answer.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

use gureum::store::Store;

fn quiz(data: &Path, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(["quiz", "--plain"])
        .args(args)
        .env("GUREUM_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// How many questions a finished run says were answered ("N문제 중 …").
fn asked(out: &str) -> usize {
    let summary = out
        .lines()
        .find(|l| l.contains("문제 중"))
        .unwrap_or_else(|| panic!("no summary in {out}"));
    summary
        .split("문제 중")
        .next()
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

#[test]
fn two_plain_quizzes_on_one_folder_lose_no_answer() {
    let data = tempfile::tempdir().unwrap();
    // Round 0 starts both runs on an empty folder (both create the database at once);
    // round 1 adds to an existing one.
    let count = 15;
    // Each question gets answers until one is understood: "1" (one choice or a number),
    // "1,2" and "1,2,3" (multiple response); leftovers answer the next question.
    let input = "1\n1,2\n1,2,3\n".repeat(count * 2);
    for round in 0..2 {
        let runs: Vec<Child> = (0..2)
            .map(|i| {
                let seed = (round * 2 + i + 1).to_string();
                let mut child = quiz(data.path(), &["--seed", &seed, "--count", "15"]);
                child
                    .stdin
                    .take()
                    .unwrap()
                    .write_all(input.as_bytes())
                    .unwrap();
                child
            })
            .collect();
        let outputs: Vec<String> = runs
            .into_iter()
            .map(|c| {
                let out = c.wait_with_output().unwrap();
                let stderr = String::from_utf8_lossy(&out.stderr);
                assert!(out.status.success() && stderr.is_empty(), "{stderr}");
                String::from_utf8(out.stdout).unwrap()
            })
            .collect();
        let given: usize = outputs.iter().map(|o| asked(o)).sum();
        assert_eq!(given, 2 * count, "each run answered every question");
        let (store, notices) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(
            store.answers().unwrap().len(),
            (round + 1) * 2 * count,
            "round {round}: every answer of both runs is kept"
        );
    }
}

/// Collects a child's stdout on a thread, so the test can wait for text without blocking.
fn collect(mut out: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let sink = Arc::clone(&text);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = out.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    text
}

fn wait_for(text: &Arc<Mutex<String>>, what: &str) {
    let start = Instant::now();
    while !text.lock().unwrap().contains(what) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "`{what}` never appeared in:\n{}",
            text.lock().unwrap()
        );
        sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_practice_answer_survives_kill_9_right_after_it_is_given() {
    let data = tempfile::tempdir().unwrap();
    let mut child = quiz(data.path(), &["--seed", "11", "--count", "3"]);
    let mut stdin = child.stdin.take().unwrap();
    let out = collect(child.stdout.take().unwrap());
    wait_for(&out, "[1/3]");
    // Answer until the quiz takes it (a multiple-response question asks again).
    for answer in ["1\n", "1,2\n", "1,2,3\n"] {
        stdin.write_all(answer.as_bytes()).unwrap();
        stdin.flush().unwrap();
        let start = Instant::now();
        loop {
            let text = out.lock().unwrap().clone();
            if text.contains("[2/3]") || text.matches("이해하지 못했어요").count() > 0 {
                break;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "{text}");
            sleep(Duration::from_millis(2));
        }
        if out.lock().unwrap().contains("[2/3]") {
            break;
        }
        // Not understood: the question is asked again; drop that message and retry.
        let cleaned = out.lock().unwrap().replace("이해하지 못했어요", "");
        *out.lock().unwrap() = cleaned;
    }
    // The next question is on screen: the answer was given. Kill at once, no chance to save.
    child.kill().unwrap();
    child.wait().unwrap();
    let (store, notices) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let answers = store.answers().unwrap();
    assert_eq!(answers.len(), 1, "the answer given before the kill is kept");
    assert!(
        store.progress().cards.contains_key(&answers[0].question),
        "with its review card"
    );
}
