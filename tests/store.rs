//! Behaviour of the progress store against a real file system (each test in its own tempdir):
//! the `SQLite` database, the import of `progress.json`, damaged and newer files.

use std::fs;
use std::path::{Path, PathBuf};

use gureum::quiz::exam::ExamState;
use gureum::store::{
    AnswerLog, CardState, DB_NAME, ExamAttempt, FILE_NAME, FORMAT_VERSION, Notice, Progress,
    SCHEMA_VERSION, Store, StoreError, data_dir_from,
};
use serde_json::Value;

/// The `progress.json` written by the last JSON release (see tests/fixtures/progress/).
const FIXTURE: &str = include_str!("fixtures/progress/progress.json");

/// A `progress.db` of schema 2, written by the release that kept passed challenges as
/// `tried_sim` rows named `passed:<id>` (see tests/fixtures/progress-db2/).
const SCHEMA_2: &str = include_str!("fixtures/progress-db2/progress-v2.sql");

/// Builds the schema-2 fixture into `dir`'s database and returns its path.
fn schema_2_db(dir: &Path) -> PathBuf {
    let db = dir.join(DB_NAME);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(SCHEMA_2)
        .unwrap();
    db
}

/// Names of the entries in `dir`, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Opens `dir`, expecting no notices.
fn open_clean(dir: &Path) -> Store {
    let (store, notices) = Store::open_in(dir, gureum::clock::now()).unwrap();
    assert!(notices.is_empty(), "unexpected notices: {notices:?}");
    store
}

fn answer(question: &str, at: u64) -> AnswerLog {
    AnswerLog {
        question: question.into(),
        at,
        correct: false,
        chosen: vec!["a".into(), "c".into()],
        time_ms: 8_500,
    }
}

/// The running exam of the fixture, parsed.
fn fixture_exam() -> ExamState {
    let v: Value = serde_json::from_str(FIXTURE).unwrap();
    ExamState::from_json(&v["current_exam"].to_string()).unwrap()
}

#[test]
fn every_change_is_in_the_database_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_clean(dir.path());
    assert_eq!(store.path(), dir.path().join(DB_NAME));
    store.set_scroll("ec2-기초", 42, 60);
    store.mark_read("s3-basics");
    store.set_last_lesson("ec2-기초");
    store.update_settings(|s| {
        s.lang = Some("en".into());
        s.exam_esl = true;
    });
    store.record_answer(answer("q1", 1_700_000_000), |old| {
        assert!(old.is_none());
        Some(CardState {
            due: 1_700_086_400,
            reps: 1,
            ..CardState::default()
        })
    });
    store.mark_sim_tried("lambda-burst");
    let exam = fixture_exam();
    store.save_running_exam(&exam);
    assert!(!store.is_dirty(), "nothing waits for a save");

    // A second window sees all of it without the first saving or closing.
    let again = open_clean(dir.path());
    assert_eq!(again.progress(), store.progress());
    assert!(again.is_read("s3-basics") && !again.is_read("ec2-기초"));
    assert_eq!(
        again.lesson("ec2-기초").map(|l| (l.scroll, l.percent)),
        Some((42, 60))
    );
    assert_eq!(again.progress().last_lesson.as_deref(), Some("ec2-기초"));
    assert_eq!(again.answers().unwrap(), [answer("q1", 1_700_000_000)]);
    assert_eq!(again.running_exam(), Some(&exam));
    assert!(again.tried_sims().contains("lambda-burst"));

    // Finishing the exam records the attempt and the final state, and ends the running one.
    store.finish_exam_graded(
        &exam,
        ExamAttempt {
            exam: "dva-c02".into(),
            correct: 1,
            total: 5,
            ..ExamAttempt::default()
        },
        Vec::new(),
        1_700_000_100,
    );
    let again = open_clean(dir.path());
    assert!(again.running_exam().is_none());
    assert_eq!(again.finished_exams().unwrap(), [exam]);
    assert_eq!(again.progress().exams.len(), 1);
}

#[test]
fn data_dir_env_value_is_honoured() {
    // `open_default` resolves its directory with `data_dir_from(var_os("GUREUM_DATA_DIR"))`.
    let dir = tempfile::tempdir().unwrap();
    let resolved = data_dir_from(Some(dir.path().as_os_str().to_owned())).unwrap();
    assert_eq!(resolved, dir.path());
    let (store, _) = Store::open_in(&resolved, gureum::clock::now()).unwrap();
    assert_eq!(store.path(), dir.path().join(DB_NAME));
    // Without a usable value it falls back to the platform directory, never to the env value.
    assert_ne!(data_dir_from(Some("".into())), Some(PathBuf::new()));
}

#[test]
fn the_last_json_release_imports_without_losing_anything() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join(FILE_NAME);
    fs::write(&json, FIXTURE).unwrap();
    // Leftovers of killed JSON saves.
    fs::write(dir.path().join(".progress.json.tmp-4242-0"), "{").unwrap();
    fs::write(dir.path().join(".progress.json.tmp-4242-1"), "").unwrap();
    let v: Value = serde_json::from_str(FIXTURE).unwrap();

    let store = open_clean(dir.path());
    let p = store.progress();
    // Every answer, in order, with what was chosen and when.
    let answers = store.answers().unwrap();
    let expected: Vec<AnswerLog> = serde_json::from_value(v["answers"].clone()).unwrap();
    assert_eq!(answers.len(), 4);
    assert_eq!(answers, expected);
    // Every review card.
    let cards: std::collections::BTreeMap<String, CardState> =
        serde_json::from_value(v["cards"].clone()).unwrap();
    assert!(!cards.is_empty());
    // SM-2 cards become FSRS cards (schema 2): the same questions, due at the same time.
    let due = |m: &std::collections::BTreeMap<String, CardState>| {
        m.iter()
            .map(|(k, c)| (k.clone(), c.due))
            .collect::<Vec<_>>()
    };
    assert_eq!(due(&p.cards), due(&cards));
    // The reading position and the lesson to resume.
    assert_eq!(
        p.lessons["developing-lambda"],
        gureum::store::LessonProgress {
            read: false,
            scroll: 7500,
            percent: 90
        }
    );
    assert_eq!(p.last_lesson.as_deref(), Some("developing-lambda"));
    // The exam history, the finished exam and the running exam, typed.
    let attempts: Vec<ExamAttempt> = serde_json::from_value(v["exams"].clone()).unwrap();
    assert_eq!(p.exams, attempts);
    let finished = store.finished_exams().unwrap();
    assert_eq!(finished.len(), 1);
    assert_eq!(
        finished[0],
        ExamState::from_json(&v["finished_exams"][0].to_string()).unwrap()
    );
    let running = store.running_exam().expect("the running exam is imported");
    assert_eq!(running, &fixture_exam());
    assert_eq!(running.exam().id(), "dva-c02");
    assert_eq!(running.items().len(), 5);
    assert!(running.items()[0].response.is_some() && running.items()[1].flagged);
    // The tried simulations.
    assert_eq!(
        store.tried_sims().iter().collect::<Vec<_>>(),
        ["lambda-burst"]
    );
    assert_eq!(p.settings, gureum::store::Settings::default());

    // The file is kept beside the database, byte for byte; the temp leftovers are gone.
    assert_eq!(
        fs::read_to_string(dir.path().join("progress.json.imported")).unwrap(),
        FIXTURE
    );
    let names = entries(dir.path());
    assert!(!names.iter().any(|n| n.contains(".tmp-")), "{names:?}");
    assert!(!json.exists());

    // Opening again reads the database only: nothing is imported twice.
    drop(store);
    let again = open_clean(dir.path());
    assert_eq!(again.answers().unwrap().len(), 4);
    assert_eq!(again.finished_exams().unwrap().len(), 1);
}

#[test]
fn unknown_and_unversioned_json_fields_are_imported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join(FILE_NAME),
        r#"{"lessons": {"a": {"read": true, "scroll": 3, "percent": 100}}, "streak": {"days": 3}}"#,
    )
    .unwrap();
    let store = open_clean(dir.path());
    assert!(store.is_read("a"));
    drop(store);
    let conn = rusqlite::Connection::open(dir.path().join(DB_NAME)).unwrap();
    let kept: String = conn
        .query_row(
            "SELECT value FROM kept_field WHERE key = 'streak'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, r#"{"days":3}"#);
}

#[test]
fn corrupt_json_files_are_moved_aside_intact() {
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "not json",
            b"{\"lessons\": {\n  \"a\": tru",
            "line 2 column",
        ),
        (
            "wrong shape",
            b"{\"format_version\": 1,\n \"lessons\": [1, 2]}",
            "line 2 column",
        ),
        ("not utf-8", b"{\"last_lesson\": \"\xed\xa0\x80\"}", "UTF-8"),
        ("empty", b"", "empty"),
        ("not an object", b"[]", "not a JSON object"),
    ];
    for (what, bytes, expected_reason) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        fs::write(&path, bytes).unwrap();

        let (mut store, notices) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
        let [Notice::MovedAside { from, to, reason }] = notices.as_slice() else {
            panic!("{what}: expected one MovedAside notice, got {notices:?}");
        };
        assert_eq!(from, &path, "{what}");
        assert!(
            reason.contains(expected_reason),
            "{what}: reason {reason:?}"
        );
        let name = to.file_name().unwrap().to_string_lossy();
        let stamp = name.strip_prefix("progress.json.corrupt-");
        assert!(
            stamp.is_some_and(|s| s.parse::<u64>().is_ok()),
            "{what}: {name}"
        );
        assert_eq!(fs::read(to).unwrap(), bytes, "{what}: original bytes kept");
        assert!(!path.exists(), "{what}");
        assert!(
            !store.is_read_only() && store.progress() == &Progress::default(),
            "{what}"
        );
        // Starting fresh works, and the moved file survives.
        store.mark_read("a");
        assert!(open_clean(dir.path()).is_read("a"), "{what}");
        assert_eq!(fs::read(to).unwrap(), bytes, "{what}: still intact");
    }
}

#[test]
fn a_corrupt_database_is_moved_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(DB_NAME);
    let garbage = b"this is not a database, but it is someone's file\n".repeat(100);
    fs::write(&db, &garbage).unwrap();
    let (mut store, notices) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    let [Notice::MovedAside { from, to, reason }] = notices.as_slice() else {
        panic!("expected one MovedAside notice, got {notices:?}");
    };
    assert_eq!(from, &db);
    assert!(reason.contains("not a database"), "{reason}");
    assert_eq!(fs::read(to).unwrap(), garbage, "moved, not deleted");
    assert!(notices[0].message(false).contains("옮겨 두었어요"));
    assert!(notices[0].message(true).contains("was moved to"));
    assert!(!store.is_read_only());
    store.mark_read("a");
    assert!(open_clean(dir.path()).is_read("a"));
}

#[test]
fn a_newer_json_file_is_refused_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let original = br#"{"format_version": 99, "last_lesson": "vpc", "hologram": true}"#;
    fs::write(&path, original).unwrap();

    let (mut store, notices) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    assert_eq!(
        notices,
        [Notice::NewerVersion {
            path: path.clone(),
            found: 99,
            supported: FORMAT_VERSION
        }]
    );
    assert!(notices[0].message(true).contains("made by a newer gureum"));
    assert!(store.is_read_only());
    assert_eq!(
        store.progress().last_lesson.as_deref(),
        Some("vpc"),
        "read as far as possible"
    );
    store.mark_read("vpc");
    assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    assert_eq!(fs::read(&path).unwrap(), original);
    assert_eq!(entries(dir.path()), [FILE_NAME], "no database was created");
}

/// Marks the database `db` in `dir` as written by a newer build (schema `version`), then opens
/// it: it must open read-only with one notice naming the version. Returns its bytes before the
/// open (nothing may change them) and the store.
fn reopen_as_newer(dir: &Path, db: &Path, version: u64) -> (Vec<u8>, Store) {
    {
        let conn = rusqlite::Connection::open(db).unwrap();
        conn.pragma_update(None, "user_version", version as i64)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = fs::read(db).unwrap();
    let (store, notices) = Store::open_in(dir, gureum::clock::now()).unwrap();
    assert_eq!(
        notices,
        [Notice::NewerVersion {
            path: db.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION
        }]
    );
    assert!(notices[0].message(false).contains("읽기 전용"));
    assert!(store.is_read_only());
    (before, store)
}

#[test]
fn a_newer_database_is_refused_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut store = open_clean(dir.path());
        store.set_last_lesson("vpc");
        store.record_answer(answer("q1", 1), |_| None);
    }
    let db = dir.path().join(DB_NAME);
    let (before, mut store) = reopen_as_newer(dir.path(), &db, 7);
    assert_eq!(store.progress().last_lesson.as_deref(), Some("vpc"));
    store.mark_read("vpc");
    store.record_answer(answer("q2", 2), |_| None);
    assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    drop(store);
    assert_eq!(fs::read(&db).unwrap(), before, "not a byte changed");
}

#[test]
fn two_windows_keep_each_others_answers_lessons_and_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = open_clean(dir.path());
    let mut b = open_clean(dir.path());
    for i in 0..10 {
        a.record_answer(answer("qa", i), |_| None);
        b.record_answer(answer("qb", i), |_| None);
    }
    a.set_scroll("one", 5, 10);
    b.set_scroll("two", 7, 20);
    a.update_settings(|s| s.lang = Some("en".into()));
    b.update_settings(|s| s.exam_esl = true);
    b.mark_read("one");
    // `a` still thinks "one" is unread: its next position must not undo `b`'s mark.
    a.set_scroll("one", 9, 30);
    let c = open_clean(dir.path());
    assert_eq!(c.answers().unwrap().len(), 20);
    assert!(c.is_read("one") && c.lesson("one").unwrap().scroll == 9);
    assert_eq!(c.lesson("two").unwrap().scroll, 7);
    assert_eq!(c.progress().settings.lang.as_deref(), Some("en"));
    assert!(c.progress().settings.exam_esl);
    // A review card is rescheduled from what is stored, not from a window's stale copy.
    a.record_answer(answer("q", 100), |old| {
        assert!(old.is_none());
        Some(CardState {
            reps: 1,
            ..CardState::default()
        })
    });
    b.record_answer(answer("q", 200), |old| {
        assert_eq!(old.map(|c| c.reps), Some(1), "sees the other window's card");
        Some(CardState {
            reps: 2,
            ..CardState::default()
        })
    });
    assert_eq!(open_clean(dir.path()).progress().cards["q"].reps, 2);
}

#[test]
fn the_running_exam_belongs_to_the_window_that_resumed_it_last() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = open_clean(dir.path());
    let exam = fixture_exam();
    a.save_running_exam(&exam);
    a.save_running_exam(&exam);
    assert!(a.save().is_ok());
    // A second window resumes it and changes it: it takes the exam over.
    let mut b = open_clean(dir.path());
    let resumed = b.running_exam().cloned().unwrap();
    b.save_running_exam(&resumed);
    // The first window's later save is refused and reported, not written over `b`'s.
    a.save_running_exam(&exam);
    assert!(matches!(a.save(), Err(StoreError::ExamElsewhere)));
    assert!(a.save().is_ok(), "reported once");
    // Practice in the first window still works and leaves the exam alone.
    a.record_answer(answer("q", 1), |_| None);
    let c = open_clean(dir.path());
    assert!(c.running_exam().is_some());
    assert_eq!(c.answers().unwrap().len(), 1);
}

#[test]
fn unreadable_database_opens_read_only() {
    // A directory where the database should be cannot be opened; nothing replaces it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_NAME);
    fs::create_dir(&path).unwrap();
    fs::write(path.join("keep"), "old").unwrap();
    let (store, notices) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    assert!(
        matches!(notices.as_slice(), [Notice::Unreadable { path: p, .. }] if p == &path),
        "{notices:?}"
    );
    assert!(store.is_read_only());
    assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    assert_eq!(fs::read_to_string(path.join("keep")).unwrap(), "old");
}

#[test]
fn opening_creates_missing_directories() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("not").join("yet");
    let mut store = open_clean(&dir);
    store.set_last_lesson("a");
    assert_eq!(
        open_clean(&dir).progress().last_lesson.as_deref(),
        Some("a")
    );
}

#[test]
fn a_schema_2_database_loads_with_its_exam_tried_sims_and_passed_challenges() {
    let dir = tempfile::tempdir().unwrap();
    let db = schema_2_db(dir.path());
    let store = open_clean(dir.path());
    // The running exam, typed: answer 2 to the first question, the second one flagged.
    let exam = store.running_exam().expect("the running exam loads");
    assert_eq!((exam.exam().id(), exam.seed()), ("dva-c02", 9));
    assert_eq!(exam.items().len(), 5);
    assert!(exam.items()[0].response.is_some() && exam.items()[1].flagged);
    // The simulations run, and the challenge passed, each in its own place.
    assert_eq!(
        store.tried_sims().iter().collect::<Vec<_>>(),
        ["ddb-hot-key", "lambda-cold-start"]
    );
    assert_eq!(
        store.passed_sims().iter().collect::<Vec<_>>(),
        ["lambda-cold-start"]
    );
    assert!(store.sim_passed("lambda-cold-start") && !store.sim_passed("ddb-hot-key"));
    // The rest is untouched: the answer and its card.
    assert_eq!(store.answers().unwrap().len(), 1);
    assert_eq!(store.progress().cards.len(), 1);
    drop(store);

    // In the file: the row moved to its table with its time, and no `passed:` row is left.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version as u64, SCHEMA_VERSION);
    let passed: Vec<(String, i64)> = conn
        .prepare("SELECT id, at FROM passed_challenge")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(passed, [("lambda-cold-start".to_owned(), 1_796_676_975)]);
    let encoded: i64 = conn
        .query_row(
            "SELECT count(*) FROM tried_sim WHERE id LIKE 'passed:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(encoded, 0);

    // New passes go to the table too, and another window sees them.
    let mut a = open_clean(dir.path());
    assert!(a.mark_sim_passed("ddb-hot-key"));
    assert!(!a.mark_sim_passed("lambda-cold-start"), "passed already");
    let b = open_clean(dir.path());
    assert!(b.sim_passed("ddb-hot-key"));
    assert_eq!(b.tried_sims().len(), 2);
}

#[test]
fn a_newer_database_made_from_the_schema_2_fixture_is_refused_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let db = schema_2_db(dir.path());
    // Migrated by this build, then moved on by a newer one.
    drop(open_clean(dir.path()));
    let (before, mut store) = reopen_as_newer(dir.path(), &db, SCHEMA_VERSION + 1);
    // Read as far as possible, through the same typed API.
    assert_eq!(store.running_exam().map(ExamState::seed), Some(9));
    assert!(store.tried_sims().contains("ddb-hot-key"));
    assert!(store.sim_passed("lambda-cold-start"));
    store.mark_sim_passed("ddb-hot-key");
    store.mark_sim_tried("lambda-burst");
    assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    drop(store);
    assert_eq!(fs::read(&db).unwrap(), before, "not a byte changed");
}
