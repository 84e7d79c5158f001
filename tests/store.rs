//! Behaviour of the progress store against a real file system (each test in its own tempdir).

use std::fs;
use std::path::{Path, PathBuf};

use gureum::store::{
    AnswerLog, CardState, ExamAttempt, FILE_NAME, FORMAT_VERSION, Notice, Progress, Store,
    StoreError, data_dir_from,
};
use serde_json::Value;

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
    let (store, notices) = Store::open_in(dir).unwrap();
    assert!(notices.is_empty(), "unexpected notices: {notices:?}");
    store
}

#[test]
fn round_trip_through_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_clean(dir.path());
    assert_eq!(store.path(), dir.path().join(FILE_NAME));
    store.set_scroll("ec2-기초", 42, 60);
    store.mark_read("s3-basics");
    store.set_last_lesson("ec2-기초");
    let p = store.progress_mut();
    p.settings.lang = Some("en".into());
    p.settings.exam_esl = true;
    p.answers.push(AnswerLog {
        question: "q1".into(),
        at: 1_700_000_000,
        correct: false,
        chosen: vec!["a".into(), "c".into()],
        time_ms: 8_500,
    });
    p.cards.insert(
        "q1".into(),
        CardState {
            due: 1_700_086_400,
            reps: 1,
            ..CardState::default()
        },
    );
    p.exams.push(ExamAttempt {
        exam: "saa".into(),
        correct: 50,
        total: 65,
        ..ExamAttempt::default()
    });
    store.save().unwrap();
    assert!(!store.is_dirty());

    let again = open_clean(dir.path());
    assert_eq!(again.progress(), store.progress());
    assert!(again.is_read("s3-basics") && !again.is_read("ec2-기초"));
    assert_eq!(
        again.lesson("ec2-기초").map(|l| (l.scroll, l.percent)),
        Some((42, 60))
    );
    assert_eq!(again.progress().last_lesson.as_deref(), Some("ec2-기초"));

    let json: Value = serde_json::from_slice(&fs::read(store.path()).unwrap()).unwrap();
    assert_eq!(json["format_version"], Value::from(FORMAT_VERSION));
}

#[test]
fn data_dir_env_value_is_honoured() {
    // `open_default` resolves its directory with `data_dir_from(var_os("GUREUM_DATA_DIR"))`.
    let dir = tempfile::tempdir().unwrap();
    let resolved = data_dir_from(Some(dir.path().as_os_str().to_owned())).unwrap();
    assert_eq!(resolved, dir.path());
    let (store, _) = Store::open_in(&resolved).unwrap();
    assert_eq!(store.path(), dir.path().join(FILE_NAME));
    // Without a usable value it falls back to the platform directory, never to the env value.
    assert_ne!(data_dir_from(Some("".into())), Some(PathBuf::new()));
}

#[test]
fn corrupt_files_are_moved_aside_intact() {
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

        let (mut store, notices) = Store::open_in(dir.path()).unwrap();
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
        assert!(!path.exists(), "{what}: nothing written before a save");
        assert!(
            !store.is_read_only() && store.progress() == &Progress::default(),
            "{what}"
        );

        // Starting fresh works, and the moved file survives the next save.
        store.mark_read("a");
        store.save().unwrap();
        assert!(open_clean(dir.path()).is_read("a"), "{what}");
        assert_eq!(
            fs::read(to).unwrap(),
            bytes,
            "{what}: still intact after save"
        );
        assert_eq!(
            entries(dir.path()).len(),
            2,
            "{what}: {:?}",
            entries(dir.path())
        );
    }
}

#[test]
fn newer_version_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    let original = br#"{"format_version": 99, "last_lesson": "vpc", "hologram": true}"#;
    fs::write(&path, original).unwrap();

    let (mut store, notices) = Store::open_in(dir.path()).unwrap();
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
    assert!(matches!(
        store.save_if_dirty(),
        Err(StoreError::ReadOnly { .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), original);
    assert_eq!(entries(dir.path()), [FILE_NAME]);
}

#[test]
fn unknown_top_level_fields_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::write(
        &path,
        r#"{"format_version": 1, "streak": {"days": 3}, "lessons": {}}"#,
    )
    .unwrap();
    let mut store = open_clean(dir.path());
    store.mark_read("iam");
    store.save().unwrap();
    let json: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["streak"]["days"], Value::from(3));
    assert_eq!(json["lessons"]["iam"]["read"], Value::Bool(true));
}

#[test]
fn unversioned_file_is_migrated_and_saved_as_current() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::write(
        &path,
        r#"{"lessons": {"a": {"read": true, "scroll": 3, "percent": 100}}}"#,
    )
    .unwrap();
    let store = open_clean(dir.path());
    assert!(store.is_read("a"));
    store.save().unwrap();
    let json: Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(json["format_version"], Value::from(FORMAT_VERSION));
}

#[test]
fn save_leaves_no_temp_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_clean(dir.path());
    for i in 0..5 {
        store.set_scroll("a", i, 10);
        store.save().unwrap();
    }
    assert_eq!(entries(dir.path()), [FILE_NAME]);
    assert_eq!(open_clean(dir.path()).lesson("a").unwrap().scroll, 4);
}

#[test]
fn save_creates_missing_directories() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("not").join("yet");
    let mut store = open_clean(&dir);
    assert!(!dir.exists(), "opening does not create anything");
    store.set_last_lesson("a");
    store.save().unwrap();
    assert_eq!(
        open_clean(&dir).progress().last_lesson.as_deref(),
        Some("a")
    );
}

#[test]
fn failed_save_reports_and_keeps_the_old_file() {
    // The data directory turned into a file after opening: the save must fail, not clobber it.
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("data");
    let mut store = open_clean(&dir);
    fs::write(&dir, "old").unwrap();
    store.mark_read("a");
    assert!(matches!(store.save(), Err(StoreError::Io { .. })));
    assert!(store.is_dirty(), "a failed save keeps the changes pending");
    assert_eq!(fs::read_to_string(&dir).unwrap(), "old");
    assert_eq!(entries(base.path()), ["data"]);

    // The rename itself fails (a directory stands where the file goes): the old contents stay
    // and the temp file is cleaned up.
    let dir = tempfile::tempdir().unwrap();
    let mut store = open_clean(dir.path());
    let blocker = dir.path().join(FILE_NAME);
    fs::create_dir(&blocker).unwrap();
    fs::write(blocker.join("keep"), "old").unwrap();
    store.mark_read("a");
    let err = store.save().unwrap_err();
    assert!(
        matches!(err, StoreError::Io { ref path, .. } if path == &blocker),
        "{err}"
    );
    assert_eq!(fs::read_to_string(blocker.join("keep")).unwrap(), "old");
    assert_eq!(entries(dir.path()), [FILE_NAME]);
}

#[test]
fn unreadable_file_opens_read_only() {
    // A directory where the file should be cannot be read; the store must not try to replace it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FILE_NAME);
    fs::create_dir(&path).unwrap();
    let (store, notices) = Store::open_in(dir.path()).unwrap();
    assert!(matches!(notices.as_slice(), [Notice::Unreadable { path: p, .. }] if p == &path));
    assert!(store.is_read_only());
    assert!(matches!(store.save(), Err(StoreError::ReadOnly { .. })));
    assert!(path.is_dir());
}
