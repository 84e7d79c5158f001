//! The router end to end: Back is a stack, help is per screen, and the exam overview takes the
//! Korean-layout keys. The release binary runs in a pseudo-terminal (tests/support/pty.rs).

mod support;

use support::pty::Pty;

/// The reader's text rows (between the title bar and the status bar), to compare positions.
fn body(screen: &str) -> Vec<String> {
    let rows: Vec<&str> = screen.lines().collect();
    rows.iter()
        .skip(1)
        .take(rows.len().saturating_sub(3))
        .map(|r| (*r).to_owned())
        .collect()
}

#[test]
fn back_walks_the_stack_lesson_simulation_lesson_and_home() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(data.path(), &[], &[], 100, 30);
    t.wait_for("읽기 (c)");
    // Ctrl-K, the initials of 람다 콜드, Enter: the cold-start section of a lesson.
    t.keys(&["C-k"]);
    t.wait_for("초성도 돼요");
    t.text("ㄹㄷ ㅋㄷ");
    t.wait_for("▸ 콜드 스타트 최소화 하기");
    t.keys(&["Enter"]);
    let first = t.wait_for("레슨에서 검색");
    assert!(first.contains("콜드 스타트 최소화 하기"), "{first}");
    let first_body = body(&first);
    // `s`: the simulation this section explains.
    t.keys(&["s"]);
    let sim = t.wait_for("실행");
    assert!(!sim.contains("레슨에서 검색"), "{sim}");
    // `o`, Enter: another lesson that explains the simulation.
    t.keys(&["o"]);
    t.wait_for("이 시뮬레이션을 설명하는 레슨");
    t.keys(&["Down", "Enter"]);
    let second = t.wait_for("레슨에서 검색");
    assert_ne!(body(&second), first_body, "a different place: {second}");
    // Back: the simulation, as it was.
    t.keys(&["Escape"]);
    let back_sim = t.wait_until("the simulation again", |s| {
        !s.contains("레슨에서 검색") && s.contains("실행")
    });
    assert!(
        back_sim.lines().next() == sim.lines().next(),
        "{back_sim}\n---\n{sim}"
    );
    // Back: the first lesson, at the same line.
    t.keys(&["Escape"]);
    let again = t.wait_for("레슨에서 검색");
    assert_eq!(body(&again), first_body, "{again}");
    // Back: home.
    t.keys(&["Escape"]);
    t.wait_for("읽기 (c)");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
}

#[test]
fn help_is_per_screen_and_the_exam_overview_takes_jamo() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(data.path(), &[], &[], 100, 30);
    t.wait_for("읽기 (c)");
    t.keys(&["Enter"]);
    t.wait_for("레슨에서 검색");
    t.keys(&["?"]);
    let reader_help = t.wait_for("도움말 · 레슨 읽기의 키");
    // The reader's own keys come before the global ones.
    let search = reader_help.find("레슨에서 검색").expect("a reader key");
    let everywhere = reader_help.find("어디서나").expect("the global group");
    assert!(search < everywhere, "{reader_help}");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());

    let args = [
        "exam",
        "--exam",
        "saa-c03",
        "--count",
        "5",
        "--minutes",
        "10",
        "--seed",
        "7",
    ];
    let mut t = Pty::gureum(data.path(), &args, &[], 100, 30);
    t.wait_for("1/5");
    t.keys(&["?"]);
    let exam_help = t.wait_for("도움말 · 모의고사의 키");
    assert!(!exam_help.contains("레슨 읽기의 키"), "{exam_help}");
    assert!(exam_help.contains("다시 볼 문제로 표시"), "{exam_help}");
    t.keys(&["Escape"]);
    // The overview, then ㅓ (j under a Korean layout): ten down, kept within the five questions.
    t.keys(&["o"]);
    t.wait_for("그 문제로 가기");
    t.text("ㅓ");
    t.keys(&["Enter"]);
    t.wait_for("5/5");
    t.keys(&["o"]);
    t.wait_for("그 문제로 가기");
    t.text("ㅏ");
    t.keys(&["Enter"]);
    t.wait_for("1/5");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
}

#[test]
fn a_bracketed_paste_goes_into_the_palette_as_text_not_keys() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(data.path(), &[], &[], 100, 30);
    t.wait_for("읽기 (c)");
    let enabled = String::from_utf8_lossy(&t.raw()).contains("\x1b[?2004h");
    assert!(enabled, "bracketed paste is turned on");
    // A paste with no text box in front is dropped: its `q` does not quit.
    t.send(b"\x1b[200~q\x1b[201~");
    t.keys(&["C-k"]);
    t.wait_for("초성도 돼요");
    // The initials of 람다 콜드, pasted with a control character in them: the box takes the
    // text without it.
    t.send("\x1b[200~ㄹㄷ\x07 ㅋㄷ\x1b[201~".as_bytes());
    let found = t.wait_for("▸ 콜드 스타트 최소화 하기");
    assert!(found.contains("ㄹㄷ ㅋㄷ"), "{found}");
    assert!(!t.exited(), "the paste's keys did not run");
    t.keys(&["Enter"]);
    t.wait_for("레슨에서 검색");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
    let raw = String::from_utf8_lossy(&t.raw()).into_owned();
    assert!(
        raw.contains("\x1b[?2004l"),
        "bracketed paste is turned off on exit"
    );
}

/// A timed exam is closed-book: while it runs, the palette, lessons and practice are refused
/// with a message (also on home after `q`); after submitting everything opens again.
#[test]
fn a_running_timed_exam_closes_the_book_until_it_is_submitted() {
    let data = tempfile::tempdir().unwrap();
    let args = ["exam", "--count", "3", "--minutes", "5", "--seed", "1"];
    let mut t = Pty::gureum(data.path(), &args, &[], 100, 30);
    t.wait_for("1/3");
    // `q` leaves the exam (the clock keeps running): the palette is refused.
    t.keys(&["q"]);
    t.wait_for("진행 중인 시험 이어 하기");
    t.keys(&["C-k"]);
    let refused = t.wait_for("시험 중이라 닫혀 있어요");
    assert!(!refused.contains("초성도 돼요"), "no palette: {refused}");
    // On home too: the palette, a lesson and practice.
    t.keys(&["q"]);
    t.wait_for("읽기 (c)");
    for key in ["/", "Enter", "p"] {
        t.keys(&["Escape"]);
        t.wait_until("the message cleared", |s| !s.contains("시험 중이라"));
        t.keys(&[key]);
        let s = t.wait_for("시험 중이라 닫혀 있어요");
        assert!(
            !s.contains("초성도 돼요") && !s.contains("레슨에서 검색"),
            "{key}: {s}"
        );
    }
    // Back into the exam and submit: everything opens again.
    t.keys(&["x"]);
    t.wait_for("진행 중인 시험 이어 하기");
    t.keys(&["Enter"]);
    t.wait_for("1/3");
    t.keys(&["S"]);
    t.wait_for("제출할까요?");
    t.keys(&["Enter"]);
    t.wait_for("결과");
    t.keys(&["C-k"]);
    t.wait_for("초성도 돼요");
    t.keys(&["C-c"]);
    assert!(t.wait_exit().success());
}
