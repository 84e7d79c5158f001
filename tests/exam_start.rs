//! `gureum exam` flags mean what they say (issue 11): `--count`/`--minutes` without `--exam`
//! start an SAA-C03 exam; with an exam running, no settings resume it, new settings exit 2
//! naming `--new`, and `--new` abandons it for the new one.

mod support;

use std::path::Path;
use std::process::{Command, Stdio};

use gureum::quiz::exam::start::{Decision, ExamRequest, decide};
use gureum::quiz::exam::{Blueprint, ExamId, ExamState, draw_exam};
use gureum::quiz::{Bank, BankSource};
use gureum::store::Store;
use support::pty::Pty;

fn running(exam: ExamId, count: usize, minutes: u32, seed: u64) -> ExamState {
    let bank = Bank::load(&BankSource::Embedded);
    let drawn = draw_exam(&bank, &Blueprint::full(exam).custom(count, minutes), seed);
    ExamState::start(&bank, &drawn, minutes, 1_000)
}

#[test]
fn the_decision_follows_the_rules() {
    let none = ExamRequest::default();
    let count5 = ExamRequest {
        count: Some(5),
        minutes: Some(1),
        ..ExamRequest::default()
    };
    // Nothing running.
    assert_eq!(decide(None, &none), Decision::Menu { abandon: false });
    let Decision::Start { choice, abandon } = decide(None, &count5) else {
        panic!()
    };
    assert_eq!(
        (choice.exam, choice.count, choice.minutes, abandon),
        (ExamId::SaaC03, 5, 1, false),
        "the default exam, SAA-C03"
    );
    let Decision::Start { choice, .. } = decide(
        None,
        &ExamRequest {
            count: Some(10),
            ..ExamRequest::default()
        },
    ) else {
        panic!()
    };
    assert_eq!(
        choice.minutes, 20,
        "the real exam's pace: 2 minutes a question"
    );
    // An exam running.
    let saa = running(ExamId::SaaC03, 5, 10, 42);
    assert_eq!(decide(Some(&saa), &none), Decision::Resume);
    let dva3 = ExamRequest {
        exam: Some(ExamId::DvaC02),
        count: Some(3),
        ..ExamRequest::default()
    };
    let Decision::Refuse { running: r, asked } = decide(Some(&saa), &dva3) else {
        panic!()
    };
    assert_eq!((r.exam, r.answered, r.total), (ExamId::SaaC03, 0, 5));
    assert_eq!((asked.exam, asked.count), (ExamId::DvaC02, 3));
    assert!(matches!(
        decide(Some(&saa), &count5),
        Decision::Refuse { .. }
    ));
    // The settings it already has drop nothing: resume.
    let same = ExamRequest {
        exam: Some(ExamId::SaaC03),
        count: Some(5),
        minutes: Some(10),
        seed: Some(42),
        new: false,
    };
    assert_eq!(decide(Some(&saa), &same), Decision::Resume);
    let other_seed = ExamRequest {
        seed: Some(43),
        ..same
    };
    assert!(matches!(
        decide(Some(&saa), &other_seed),
        Decision::Refuse { .. }
    ));
    // --new abandons it.
    let Decision::Start { choice, abandon } =
        decide(Some(&saa), &ExamRequest { new: true, ..dva3 })
    else {
        panic!()
    };
    assert!(abandon);
    assert_eq!((choice.exam, choice.count), (ExamId::DvaC02, 3));
    assert_eq!(
        decide(
            Some(&saa),
            &ExamRequest {
                new: true,
                ..ExamRequest::default()
            }
        ),
        Decision::Menu { abandon: true }
    );
    // A submitted exam is not running.
    let mut done = saa.clone();
    done.submit(2_000);
    assert!(matches!(
        decide(Some(&done), &dva3),
        Decision::Start { abandon: false, .. }
    ));
}

fn gureum(data: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .env("GUREUM_DATA_DIR", data)
        .env("GUREUM_CONFIG_DIR", data.join("config"))
        .stdin(Stdio::null())
        .output()
        .expect("run gureum");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn new_settings_while_an_exam_runs_exit_2_naming_new_without_a_terminal() {
    let data = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
    let saa = running(ExamId::SaaC03, 5, 10, 42);
    store.save_running_exam(&saa);
    drop(store);
    let (code, err) = gureum(data.path(), &["exam", "--exam", "dva-c02", "--count", "3"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--new") && err.contains("SAA-C03"), "{err}");
    assert!(err.contains("진행 중인 모의고사"), "{err}");
    let (code, err) = gureum(
        data.path(),
        &["--lang", "en", "exam", "--count", "5", "--minutes", "1"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("--new") && err.contains("in progress"),
        "{err}"
    );
    // Nothing was thrown away.
    let (store, _) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
    assert_eq!(store.running_exam(), Some(&saa));
}

#[test]
fn count_and_minutes_start_an_saa_exam_and_new_replaces_a_running_one() {
    let data = tempfile::tempdir().unwrap();
    let mut t = Pty::gureum(
        data.path(),
        &["exam", "--count", "5", "--minutes", "1"],
        &[],
        100,
        30,
    );
    let screen = t.wait_for("1/5");
    assert!(screen.contains("남은 시간"), "{screen}");
    t.keys(&["C-c"]);
    t.wait_exit();
    let (store, _) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
    let first = store.running_exam().cloned().expect("saved at the start");
    assert_eq!((first.exam(), first.len()), (ExamId::SaaC03, 5));
    assert_eq!(first.deadline_ms() - first.started_at_ms(), 60_000);
    drop(store);
    // With it running, other settings are refused...
    let (code, err) = gureum(data.path(), &["exam", "--exam", "dva-c02", "--count", "3"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--new"), "{err}");
    // ...and `--new` abandons it for the new one.
    let mut t = Pty::gureum(
        data.path(),
        &["exam", "--new", "--exam", "dva-c02", "--count", "3"],
        &[],
        100,
        30,
    );
    t.wait_for("1/3");
    t.keys(&["C-c"]);
    t.wait_exit();
    let (store, _) = Store::open_in(data.path(), gureum::clock::now()).unwrap();
    let second = store.running_exam().expect("the new exam");
    assert_eq!((second.exam(), second.len()), (ExamId::DvaC02, 3));
    assert!(store.progress().exams.is_empty(), "abandoned, not scored");
}
