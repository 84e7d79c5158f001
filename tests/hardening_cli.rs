//! Issue 13's smaller items on the command line: every bank error reported, content with escapes
//! rejected, `bank import` limits and `--out`, a corrupt progress file, and closed pipes.

use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_gureum");

fn gureum(data: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("GUREUM_DATA_DIR", data)
        .env("GUREUM_CONFIG_DIR", data.join("config"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn question(id: &str, extra: &str, answer: &str) -> String {
    format!(
        r#"
[[question]]
id = "{id}"
lesson = "udacity-serverless-basics"
kind = "single"
difficulty = 1
domains = ["dva.development"]
prompt = "질문입니까?"
answer = "{answer}"
explanation = "설명입니다."
{extra}
[[question.choices]]
id = "a"
text = "가"
[[question.choices]]
id = "b"
text = "나"
why = "아님"
[[question.choices]]
id = "c"
text = "다"
why = "아님"
[[question.choices]]
id = "d"
text = "라"
why = "아님"
"#
    )
}

#[test]
fn check_reports_every_error_of_a_bank() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "format_version = 1\n{}{}{}{}",
        question("q-typo", "colour = \"red\"", "a"),
        question("q-dup", "", "a"),
        question("q-dup", "", "a"),
        question("q-bad-answer", "", "z"),
    );
    std::fs::write(dir.path().join("bank.toml"), &text).unwrap();
    let q = dir.path().display().to_string();
    let out = gureum(dir.path(), &["check", "--quiz-dir", &q]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let header = |n: usize| {
        text.lines()
            .enumerate()
            .filter(|(_, l)| *l == "[[question]]")
            .nth(n)
            .map(|(i, _)| i + 1)
            .unwrap()
    };
    assert!(
        err.contains(&format!("bank.toml:{}: ", header(0))) && err.contains("colour"),
        "{err}"
    );
    assert!(
        err.contains(&format!("bank.toml:{}: ", header(2))) && err.contains("q-dup"),
        "{err}"
    );
    assert!(
        err.contains(&format!("bank.toml:{}: ", header(3))) && err.contains("`z`"),
        "{err}"
    );
}

#[test]
fn check_rejects_escapes_and_bidi_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let c = fixtures.join("content").display().to_string();
    let q = fixtures.join("quizzes").display().to_string();
    let out = gureum(
        dir.path(),
        &["check", "--content-dir", &c, "--quiz-dir", &q],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("01-lesson.md:9: 제어 문자 U+001B"), "{err}");
    assert!(err.contains("course.toml:1: 제어 문자"), "{err}");
    assert!(err.contains("hostile.toml:3: 제어 문자"), "{err}");
    // Only a bidi override.
    let bank = question("q-bidi", "", "a").replace("질문입니까?", "질문\u{202e}입니까?");
    std::fs::write(
        dir.path().join("b.toml"),
        format!("format_version = 1\n{bank}"),
    )
    .unwrap();
    let q = dir.path().display().to_string();
    let out = gureum(dir.path(), &["--lang", "en", "check", "--quiz-dir", &q]);
    assert!(
        stderr(&out).contains("control character U+202E"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bank_import_creates_the_out_folder_and_speaks_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let gift = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/interchange/moodle.gift");
    let gift = gift.display().to_string();
    let out_dir = dir.path().join("new/sub");
    let o = out_dir.display().to_string();
    let out = gureum(dir.path(), &["bank", "import", &gift, "--out", &o]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out_dir.join("moodle.toml").is_file());
    std::fs::write(dir.path().join("file"), "").unwrap();
    let bad = dir.path().join("file/x").display().to_string();
    let out = gureum(dir.path(), &["bank", "import", &gift, "--out", &bad]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("폴더가 아니에요"), "{}", stderr(&out));
    let missing = dir.path().join("nope.gift").display().to_string();
    let out = gureum(dir.path(), &["bank", "import", &missing]);
    assert!(
        stderr(&out).contains("파일이나 폴더가 없어요"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bank_import_refuses_a_huge_file() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.gift");
    // Sparse: 65 MiB on paper, nothing on disk.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(65 << 20)
        .unwrap();
    let h = huge.display().to_string();
    let out = gureum(dir.path(), &["bank", "import", &h]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("64 MiB까지"), "{}", stderr(&out));
}

#[test]
fn results_export_with_a_corrupt_progress_file_fails_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.json"), "{ not json").unwrap();
    let out = gureum(dir.path(), &["results", "export"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("손상"), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_closed_pipe_exits_0_silently() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["lessons"],
        vec!["lessons", "--json"],
        vec!["read", "udacity-serverless-basics"],
        vec!["glossary"],
        vec!["keys", "--json"],
        vec!["search", "람다"],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .env("GUREUM_DATA_DIR", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Like `| head -0`: the reader is gone before the first line.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(out.stderr.is_empty(), "{args:?}: {}", stderr(&out));
    }
}
