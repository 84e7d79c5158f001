//! The TUI without a terminal, and the TUI asked to stop by a signal.

mod support;

use std::process::{Command, Stdio};

use support::pty::{BIN, Pty};

#[test]
fn no_terminal_is_a_clear_message_and_exit_2() {
    let data = tempfile::tempdir().unwrap();
    for (args, needle) in [
        (
            vec![],
            "gureum의 화면에는 터미널이 필요해요 — `gureum quiz --plain`",
        ),
        (vec!["exam"], "터미널이 필요해요"),
        (vec!["--lang", "en"], "gureum's screen needs a terminal"),
        (vec!["exam", "--no-mouse"], "터미널이 필요해요"),
    ] {
        let out = Command::new(BIN)
            .args(&args)
            .env("GUREUM_DATA_DIR", data.path())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(needle), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

/// Opens a lesson (so there is a reading position to save), sends `sig`, and checks the exit
/// status, the terminal modes and the saved position.
fn stop_with(sig: &str, number: u32) {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(data.path(), &[], &[], 100, 30);
    t.wait_for("읽기 (c)");
    assert!(t.alternate_screen() && t.mouse_reporting());
    t.keys(&["c"]);
    t.wait_for("레슨에서 검색");
    t.signal(sig);
    let status = t.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "SIG{sig}: {status:?}");
    assert!(!t.alternate_screen(), "SIG{sig}: alternate screen left");
    assert!(!t.mouse_reporting(), "SIG{sig}: mouse reporting off");
    assert!(t.cursor().2, "SIG{sig}: cursor shown");
    let (store, _) = gureum::store::Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert!(
        store.progress().last_lesson.is_some(),
        "SIG{sig}: {:?}",
        store.progress()
    );
}

#[test]
fn sighup_restores_the_terminal_and_saves() {
    stop_with("HUP", 1);
}

#[test]
fn sigterm_restores_the_terminal_and_saves() {
    stop_with("TERM", 15);
}

#[test]
fn sigint_restores_the_terminal_and_saves() {
    stop_with("INT", 2);
}

#[test]
fn global_flags_after_the_subcommand() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(data.path(), &["exam", "--no-mouse"], &[], 100, 30);
    t.wait_for("모의고사");
    assert!(!t.mouse_reporting(), "--no-mouse after `exam` is taken");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
}
