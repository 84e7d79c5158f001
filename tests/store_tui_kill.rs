//! A practice answer given in the TUI survives `kill -9` right after it is on screen: the
//! release binary in a pseudo-terminal, its screen read with a terminal emulator.

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread::sleep;
use std::time::{Duration, Instant};

use gureum::store::Store;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// A bank of one single-choice question: the first of the snapshot bank.
fn one_question_bank(dir: &Path) {
    let bank = include_str!("fixtures/snapshot-bank/myclothes.toml");
    let second = bank
        .match_indices("[[question]]")
        .nth(1)
        .map_or(bank.len(), |(i, _)| i);
    let first = bank.get(..second).unwrap();
    assert!(first.contains("kind = \"single\""), "{first}");
    std::fs::write(dir.join("one.toml"), first).unwrap();
}

/// Waits until one of `any` is on the screen.
fn wait_for(screen: &Arc<Mutex<vt100::Parser>>, any: &[&str]) -> String {
    let start = Instant::now();
    loop {
        let text = screen.lock().unwrap().screen().contents();
        if any.iter().any(|w| text.contains(w)) {
            return text;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "{any:?} never appeared; screen:\n{text}"
        );
        sleep(Duration::from_millis(10));
    }
}

#[test]
fn a_tui_practice_answer_survives_kill_9() {
    let data = tempfile::tempdir().unwrap();
    let quizzes = tempfile::tempdir().unwrap();
    one_question_bank(quizzes.path());
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gureum"));
    cmd.arg("--quiz-dir");
    cmd.arg(quizzes.path());
    cmd.env("GUREUM_DATA_DIR", data.path());
    cmd.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut keys = pair.master.take_writer().unwrap();
    let screen = Arc::new(Mutex::new(vt100::Parser::new(
        30.try_into().unwrap(),
        100.try_into().unwrap(),
        0,
    )));
    let sink = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut press = |k: &str| {
        keys.write_all(k.as_bytes()).unwrap();
        keys.flush().unwrap();
    };
    wait_for(&screen, &["다음에 할 일"]);
    press("p");
    wait_for(&screen, &["모든 레슨"]);
    press("\r");
    wait_for(&screen, &["MyClothes.com"]);
    press("1");
    let feedback = wait_for(&screen, &["정답이에요", "틀렸어요"]);
    // The feedback is on screen: the answer was given. Kill at once, no chance to save.
    let pid = child.process_id().unwrap();
    let status = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    child.wait().unwrap();

    let (store, notices) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    let answers = store.answers().unwrap();
    assert_eq!(answers.len(), 1, "the answer given before the kill is kept");
    assert_eq!(answers[0].question, "mc-stateless-goal");
    assert_eq!(answers[0].correct, feedback.contains("정답이에요"));
}
