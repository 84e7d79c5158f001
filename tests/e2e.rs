//! End to end: the real binary in a pseudo-terminal, driven by keys, read from an emulated
//! screen (`tests/support/pty.rs`). With `cargo test --release` (the README's command) this is the
//! release binary; nothing but cargo is needed.

mod support;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use support::pty::{BIN, Pty};

#[test]
fn open_a_lesson_search_quit_and_the_terminal_is_restored() {
    let data = tempfile::tempdir().unwrap();
    let script = format!(
        "GUREUM_DATA_DIR='{}' GUREUM_CONFIG_DIR='{}/config' '{BIN}'; echo GUREUM_EXITED=$?; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo",
        data.path().display(),
        data.path().display()
    );
    let mut t = Pty::sh(&script, 100, 30);

    let home = t.wait_for("읽기 (c)");
    assert!(home.contains("레슨"), "{home}");
    t.keys(&["c"]);
    let reader = t.wait_for("레슨에서 검색");
    assert!(
        reader.contains("목차") || reader.contains("PgDn"),
        "{reader}"
    );
    t.keys(&["/"]);
    t.wait_for("검색 /");
    t.text("Serverless");
    t.keys(&["Enter"]);
    t.wait_for("개 일치");
    t.keys(&["q"]);
    t.wait_for("읽기 (c)");
    t.keys(&["q"]);
    t.wait_for("GUREUM_EXITED=0");
    let after = t.wait_for("canon");
    // Back on the normal screen, cooked mode with echo, no mouse reporting, cursor shown.
    assert!(
        after.contains("icanon") && !after.contains("-icanon"),
        "{after}"
    );
    assert!(
        after.contains("echo") && !after.contains("-echo"),
        "{after}"
    );
    t.wait_exit();
    assert!(!t.alternate_screen(), "alternate screen left");
    assert!(!t.mouse_reporting(), "mouse reporting off");
    assert!(t.cursor().2, "cursor shown");
    // Progress was written to the data dir's database.
    let (store, _) =
        gureum::store::Store::open_in(Path::new(data.path()), gureum::clock::now()).unwrap();
    assert!(
        store.progress().last_lesson.is_some(),
        "{:?}",
        store.progress()
    );
}

#[test]
fn tiny_terminal_shows_a_message_and_recovers_on_resize() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(data.path(), &[], &[], 30, 8);
    t.wait_for("너무 작아요");
    t.resize(60, 20);
    t.wait_for("읽기 (c)");
    t.keys(&["Enter"]);
    t.wait_for("레슨에서 검색");
    t.resize(120, 40);
    t.wait_for("목차");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
}

#[test]
fn a_seeded_exam_survives_a_killed_terminal_and_is_scored() {
    let data = tempfile::tempdir().unwrap();
    let bin = BIN;
    let args = [
        "exam",
        "--exam",
        "saa-c03",
        "--count",
        "5",
        "--minutes",
        "10",
        "--seed",
        "42",
    ];
    let mut t = Pty::gureum(data.path(), &args, &[], 100, 30);
    let first = t.wait_for("1/5");
    assert!(first.contains("남은 시간"), "{first}");
    // Answer question 1 with choice 1 (or a number), flag question 2.
    t.keys(&["1"]);
    t.keys(&["Enter"]);
    t.wait_for("2/5");
    t.keys(&["f"]);
    t.wait_for("다시 볼 문제");
    // Kill the program mid-exam (`kill -9`): no chance to save on the way out.
    t.signal("KILL");
    t.wait_exit();
    let (store, _) = gureum::store::Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert!(
        store.running_exam().is_some(),
        "saved after every answer: {:?}",
        store.progress()
    );
    drop(store);

    let mut t = Pty::gureum(data.path(), &args, &[], 100, 30);
    let resumed = t.wait_for("/5");
    assert!(
        resumed.contains("2/5"),
        "resumes at the same question: {resumed}"
    );
    t.keys(&["o"]);
    let grid = t.wait_for("전체 보기");
    assert!(grid.contains("2⚑"), "the flag survived: {grid}");
    t.keys(&["Escape"]);
    t.keys(&["S"]);
    let confirm = t.wait_for("제출할까요");
    assert!(confirm.contains("안 푼 문제: 2, 3, 4, 5"), "{confirm}");
    t.keys(&["Enter"]);
    let results = t.wait_for("추정 점수");
    assert!(results.contains("/5 ("), "{results}");
    t.keys(&["Enter"]);
    t.wait_for("모의고사");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
    let (store, _) = gureum::store::Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert!(
        store.running_exam().is_none(),
        "a finished exam is not resumed again"
    );
    assert_eq!(
        store.progress().exams.len(),
        1,
        "the attempt is in the history"
    );
    // ... and it can be exported for the teacher's report.
    let export = Command::new(bin)
        .args(["results", "export", "--exam", "--student", "학생1"])
        .env("GUREUM_DATA_DIR", data.path())
        .output()
        .unwrap();
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&export.stdout).unwrap();
    assert_eq!(result["answers"].as_array().unwrap().len(), 5);
    assert_eq!(result["exam_or_quiz"], "saa-c03");
}

#[test]
fn initials_typed_in_the_palette_open_the_lambda_cold_start_section() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(data.path(), &[], &[], 100, 30);
    t.wait_for("읽기 (c)");
    t.keys(&["C-k"]);
    t.wait_for("초성도 돼요");
    // Jamo as a Korean keyboard sends them, space included.
    t.text("ㄹㄷ ㅋㄷ");
    let palette = t.wait_for("▸ 콜드 스타트 최소화 하기");
    assert!(palette.contains("› ㄹㄷ ㅋㄷ"), "{palette}");
    // The real cursor sits after the typed text, where an IME composes the next syllable:
    // box at x=2, border, "› " (2 cells), "ㄹㄷ ㅋㄷ" (9 cells) → column 14 of row 2.
    assert_eq!(t.cursor(), (14, 2, true), "{palette}");
    t.keys(&["Enter"]);
    let reader = t.wait_for("레슨에서 검색");
    assert!(
        reader.contains("콜드 스타트 최소화 하기") && reader.contains("애플리케이션 로직 처리"),
        "{reader}"
    );
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
}

#[test]
fn settings_turn_the_mouse_off_live_and_a_bad_keymap_is_reported() {
    let data = tempfile::tempdir().unwrap();
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("keymap.toml"),
        "bindings = [\n  { context = \"reader\", run = \"dwon\", on = [\"x\"] },\n]\n",
    )
    .unwrap();
    let err = data.path().join("stderr.txt");
    let cmd = format!(
        "GUREUM_DATA_DIR='{}' GUREUM_CONFIG_DIR='{}' '{BIN}' 2>'{}'; echo GUREUM_EXITED=$?",
        data.path().display(),
        config.path().display(),
        err.display()
    );
    let mut t = Pty::sh(&cmd, 100, 30);
    let home = t.wait_for("다음에 할 일");
    assert!(
        home.contains("keymap.toml:2:"),
        "the problem is shown: {home}"
    );
    assert!(t.mouse_reporting(), "mouse on by default");
    t.keys(&[","]);
    t.wait_for("시험 ESL");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("◂ 꺼짐 ▸");
    assert!(!t.mouse_reporting(), "capture is off at once");
    t.keys(&["Escape"]);
    let start = Instant::now();
    while t.screen().contains("시험 ESL") {
        assert!(start.elapsed() < Duration::from_secs(20), "settings closed");
        sleep(Duration::from_millis(50));
    }
    t.keys(&["q"]);
    t.wait_for("GUREUM_EXITED=0");
    t.wait_exit();
    let (store, _) = gureum::store::Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert_eq!(store.progress().settings.mouse, Some(false));
    let stderr = std::fs::read_to_string(&err).unwrap();
    assert!(
        stderr.contains("keymap.toml:2:") && stderr.contains("dwon"),
        "repeated on stderr after exit: {stderr}"
    );
}
