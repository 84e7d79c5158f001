//! The command line as teachers' scripts use it: exit codes, output formats, error messages.

use std::path::PathBuf;
use std::process::{Command, Output};

fn gureum(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .env("GUREUM_DATA_DIR", data.path())
        .env_remove("NO_COLOR")
        .output()
        .expect("run gureum")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn lessons_lists_every_embedded_lesson_with_id_first() {
    let o = gureum(&["lessons"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines.len() >= 15,
        "expected every lesson, got {}",
        lines.len()
    );
    for line in &lines {
        let id = line.split_whitespace().next().unwrap();
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
            "{line}"
        );
    }
}

#[test]
fn lessons_json_has_ids_titles_and_courses() {
    let o = gureum(&["lessons", "--json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let lessons = v["lessons"].as_array().unwrap();
    assert!(!lessons.is_empty());
    for l in lessons {
        assert!(
            l["id"].is_string() && l["title"].is_string() && l["course"].is_string(),
            "{l}"
        );
    }
}

#[test]
fn read_renders_a_lesson_as_plain_text_when_piped() {
    let list = gureum(&["lessons", "--json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&list)).unwrap();
    for lesson in v["lessons"].as_array().unwrap() {
        let id = lesson["id"].as_str().unwrap();
        let o = gureum(&["read", id, "--width", "60"]);
        assert!(o.status.success(), "read {id}: {}", stderr(&o));
        let out = stdout(&o);
        assert!(
            out.starts_with(lesson["title"].as_str().unwrap()),
            "read {id} starts with its title"
        );
        assert!(
            !out.contains('\x1b'),
            "read {id}: escape byte in piped output"
        );
        assert!(out.lines().count() > 3, "read {id}: too short");
    }
}

#[test]
fn read_unknown_id_fails_with_a_clear_message() {
    let o = gureum(&["read", "no-such-lesson"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-lesson"), "{}", stderr(&o));
    assert!(stderr(&o).contains("gureum lessons"));
    let en = gureum(&["--lang", "en", "read", "no-such-lesson"]);
    assert!(
        stderr(&en).contains("no lesson `no-such-lesson`"),
        "{}",
        stderr(&en)
    );
}

#[test]
fn bad_flags_fail() {
    assert!(!gureum(&["read"]).status.success());
    assert!(!gureum(&["read", "x", "--width", "abc"]).status.success());
    assert!(!gureum(&["read", "x", "--width", "3"]).status.success());
    assert!(!gureum(&["--lang", "fr", "lessons"]).status.success());
    assert!(!gureum(&["frobnicate"]).status.success());
}

#[test]
fn check_passes_on_the_embedded_content() {
    let o = gureum(&["check"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("이상 없어요"), "{}", stdout(&o));
}

#[test]
fn check_passes_on_the_content_folder() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    let o = gureum(&["check", "--content-dir", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}

#[test]
fn check_reports_file_line_and_problem_for_broken_content() {
    let dir = fixture("broken");
    let o = gureum(&["check", "--lang", "en", "--content-dir", &dir]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let expect = [
        "01-course/02-bad-toml.md:5: ",
        "01-course/03-no-front-matter.md:1: front matter missing",
        "01-course/04-dup.md:2: duplicate lesson id `ok`",
        "01-course/05-unknown-field.md:6: unknown field `tagz`",
        "02-orphans/course.toml: missing",
        "03-badcourse/course.toml: invalid id `Bad Course`",
        "01-course/01-ok.md: related lesson `missing-lesson` does not exist",
        "01-course/01-ok.md:10: link to unknown lesson `nowhere`",
        "01-course/01-ok.md:10: link to `#no-such-heading`",
        "callouts.toml:1: callout anchor `이 문장은 레슨에 없어요` is not in lesson `ok`",
        "callouts.toml:7: callout #2 names unknown lesson `nope`",
    ];
    for e in expect {
        assert!(
            err.contains(&format!("{dir}/{e}")),
            "missing `{e}` in:\n{err}"
        );
    }
    assert!(
        !err.contains("#제목`"),
        "a link to an existing heading was reported:\n{err}"
    );
}

#[test]
fn a_broken_file_does_not_stop_the_rest_from_loading() {
    let o = gureum(&["lessons", "--content-dir", &fixture("broken")]);
    // Non-zero because of the problems, but the good lesson is listed.
    assert!(!o.status.success());
    assert!(
        stdout(&o).lines().any(|l| l.starts_with("ok ")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn missing_content_dir_is_an_error() {
    let o = gureum(&["--content-dir", "/definitely/not/here", "lessons"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/definitely/not/here"));
}

#[test]
fn read_wraps_the_title_to_the_width_too() {
    let o = gureum(&["read", "developing-databases", "--width", "20"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let title: Vec<&str> = out.lines().take_while(|l| !l.is_empty()).collect();
    assert!(title.len() >= 2, "a long title wraps: {title:?}");
    for line in title {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 20, "{line}");
    }
}

#[test]
fn check_speaks_korean_by_default() {
    let dir = fixture("broken");
    let o = gureum(&["check", "--content-dir", &dir]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "{dir}/01-course/04-dup.md:2: 레슨 id가 겹쳐요: `ok`"
        )),
        "{err}"
    );
    assert!(err.contains("머리말(front matter)이 없어요"), "{err}");
    assert!(err.contains("고칠 곳을 11개 찾았어요"), "{err}");
}

#[test]
fn check_validates_question_banks_with_file_and_line() {
    let quizzes = fixture("broken-quizzes");
    let o = gureum(&["check", "--lang", "en", "--quiz-dir", &quizzes]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let expect = [
        "bad.toml:3: q-unknown-lesson: unknown lesson `no-such-lesson`",
        "bad.toml:19: q-bad-anchor: lesson `udemy-rds` has no heading `#nowhere`",
        "bad.toml:35: q-answer: answer `z` is not a choice",
        "bad.toml:35: q-answer: wrong choice `a` has no `why`",
        "bad.toml:51: q-multiple: the prompt must say how many to choose (2)",
        "bad.toml:68: q-numeric: numeric needs tolerance and unit",
        "bad.toml:78: duplicate question id `q-numeric`",
        "broken.toml:3: ",
        "newer.toml:1: format_version 9 is newer than this gureum reads",
    ];
    for e in expect {
        assert!(
            err.contains(&format!("{quizzes}/{e}")),
            "missing `{e}` in:\n{err}"
        );
    }
}

#[test]
fn check_passes_on_the_shipped_question_banks() {
    let o = gureum(&["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let n: usize = out
        .split("문항 ")
        .nth(1)
        .and_then(|s| s.split('개').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    assert!(n >= 200, "the bank has {n} questions");
}

#[test]
fn check_warns_about_a_teachers_bank_without_refs_or_english_but_passes() {
    // Issue 12: the shipped banks must cite AWS pages and carry English; a teacher's bank
    // (--quiz-dir) gets the same findings as warnings, with exit status 0.
    let quizzes = fixture("incomplete-quizzes");
    let o = gureum(&["check", "--lang", "en", "--quiz-dir", &quizzes]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains(&format!(
            "warning: {quizzes}/incomplete.toml:6: q-no-refs: no `refs`"
        )),
        "{err}"
    );
    assert!(
        err.contains("q-bad-ref: ref `http://example.com/x`"),
        "{err}"
    );
    assert!(!err.contains("q-complete"), "{err}");
}
