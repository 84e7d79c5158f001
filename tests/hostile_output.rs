#![allow(clippy::map_unwrap_or, clippy::single_match_else)]
//! No escape sequence from content, file names or key maps reaches the terminal: every
//! subcommand is fed the hostile fixtures of `tests/fixtures/hostile/` (OSC 52, OSC 0, OSC 8,
//! `ESC c`, `ESC[2J`, DSR, C1 CSI, bidi override, ZWJ, invalid UTF-8; see `make.py` there) and its
//! stdout and stderr must hold no control character but newline and tab (piped output carries no
//! styling), and no bidi control. JSON output carries them as `\u` escapes.

mod support;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_gureum");

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// The first forbidden character of `text` with its position, if any.
fn forbidden(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| {
        matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

struct Run {
    name: String,
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str], stdin: &str) -> Run {
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(BIN)
        .args(args)
        .env("GUREUM_DATA_DIR", data.path())
        .env("GUREUM_CONFIG_DIR", fixtures().join("config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let out = child.wait_with_output().unwrap();
    Run {
        name: args.join(" "),
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Asserts that `r` wrote no forbidden character, did not crash, and showed `visible` (a piece
/// of the hostile text that must survive, so that the check is not passing on empty output).
fn assert_clean(r: &Run, visible: &str) {
    assert_ne!(r.code, Some(101), "`{}` panicked: {}", r.name, r.stderr);
    assert!(r.code.is_some(), "`{}` was killed", r.name);
    for (stream, text) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
        if let Some((at, c)) = forbidden(text) {
            let around: String = text
                .get(at.saturating_sub(40)..)
                .unwrap_or(text)
                .chars()
                .take(80)
                .collect();
            panic!("`{}` wrote {c:?} on {stream}: {around:?}", r.name);
        }
    }
    assert!(
        r.stdout.contains(visible) || r.stderr.contains(visible),
        "`{}` did not show {visible:?}:\nstdout: {}\nstderr: {}",
        r.name,
        r.stdout,
        r.stderr
    );
}

fn path(p: &str) -> String {
    fixtures().join(p).display().to_string()
}

#[test]
fn search_lessons_and_questions() {
    let (c, q) = (path("content"), path("quizzes"));
    for args in [
        vec!["search", "--content-dir", &c, "--quiz-dir", &q, "질문"],
        vec!["search", "--content-dir", &c, "--quiz-dir", &q, "레슨"],
        vec![
            "search",
            "--content-dir",
            &c,
            "--quiz-dir",
            &q,
            "BIDI",
            "--limit",
            "50",
        ],
        vec![
            "search",
            "--content-dir",
            &c,
            "--quiz-dir",
            &q,
            "--json",
            "질문",
        ],
        vec![
            "search",
            "--content-dir",
            &c,
            "--quiz-dir",
            &q,
            "--json",
            "BIDI",
        ],
    ] {
        assert_clean(&run(&args, ""), "O52");
    }
}

#[test]
fn json_escapes_c1_and_bidi() {
    let (c, q) = (path("content"), path("quizzes"));
    let r = run(
        &[
            "search",
            "--content-dir",
            &c,
            "--quiz-dir",
            &q,
            "--json",
            "질문",
        ],
        "",
    );
    assert_clean(&r, "O52");
    assert!(
        r.stdout.contains("\\u009b") && r.stdout.contains("\\u202e"),
        "{}",
        r.stdout
    );
    // Still the same strings to a JSON reader.
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(v.to_string().contains("BIDI\u{202e}evil"), "{v}");
}

#[test]
fn sim_replace_human_and_json() {
    let (old, new) = (path("old.yaml"), path("new.yaml"));
    assert_clean(&run(&["sim", "replace", &old, &new], ""), "Users");
    assert_clean(&run(&["sim", "replace", &old, &new, "--json"], ""), "Users");
    assert_clean(
        &run(&["--lang", "en", "sim", "replace", &old, &new], ""),
        "Users",
    );
}

#[test]
fn sim_replace_alias_bomb_and_deep_nesting_end() {
    let (bomb, deep) = (path("bomb.yaml"), path("deep.json"));
    let r = run(&["sim", "replace", &bomb, &bomb], "");
    assert_ne!(r.code, Some(101), "{}", r.stderr);
    let r = run(&["sim", "replace", &deep, &deep], "");
    assert_ne!(r.code, Some(101), "{}", r.stderr);
    assert!(forbidden(&r.stderr).is_none());
}

#[test]
fn glossary_term_list_and_json() {
    let c = path("content");
    assert_clean(
        &run(&["glossary", "--content-dir", &c, "hostile"], ""),
        "O52",
    );
    assert_clean(&run(&["glossary", "--content-dir", &c], ""), "O52");
    assert_clean(
        &run(&["glossary", "--content-dir", &c, "--json", "hostile"], ""),
        "O52",
    );
}

#[test]
fn check_with_a_hostile_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let course = dir.path().join("01-hostile");
    std::fs::create_dir_all(&course).unwrap();
    for f in ["course.toml", "01-lesson.md", "02-invalid-utf8.md"] {
        std::fs::copy(
            fixtures().join("content/01-hostile").join(f),
            course.join(f),
        )
        .unwrap();
    }
    std::fs::copy(
        fixtures().join("content/glossary.toml"),
        dir.path().join("glossary.toml"),
    )
    .unwrap();
    std::fs::write(
        course.join("03-\x1b]0;pwned\x07\x1b[2J\u{9b}6n\u{202e}name.md"),
        "+++\nid = 3\n+++\n",
    )
    .unwrap();
    let c = dir.path().display().to_string();
    let q = path("quizzes");
    let r = run(&["check", "--content-dir", &c, "--quiz-dir", &q], "");
    assert_clean(&r, "name.md");
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert_clean(
        &run(&["--lang", "en", "check", "--content-dir", &c], ""),
        "name.md",
    );
}

#[test]
fn keys_with_a_hostile_user_key_map() {
    let r = run(&["keys"], "");
    assert_clean(&r, "keymap.toml");
    assert_eq!(r.code, Some(2));
    assert_clean(&run(&["keys", "--json"], ""), "keymap.toml");
}

#[test]
fn read_lessons_and_report() {
    let c = path("content");
    assert_clean(
        &run(&["read", "--content-dir", &c, "hostile-lesson"], ""),
        "O52",
    );
    // Not valid UTF-8: not a lesson (check names it), and the message is clean.
    assert_clean(
        &run(&["read", "--content-dir", &c, "hostile-bytes"], ""),
        "hostile-bytes",
    );
    assert_clean(&run(&["lessons", "--content-dir", &c], ""), "O52");
    assert_clean(&run(&["lessons", "--content-dir", &c, "--json"], ""), "O52");
    let result = path("result.json");
    assert_clean(&run(&["report", &result], ""), "O52");
    assert_clean(
        &run(&["report", &result, &path("hostile.gift")], ""),
        "hostile.gift",
    );
}

#[test]
fn bank_import_and_quiz() {
    let gift = path("hostile.gift");
    assert_clean(&run(&["bank", "import", &gift], ""), "O52");
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().display().to_string();
    assert_clean(
        &run(&["bank", "import", &gift, "--out", &dir], ""),
        "hostile",
    );
    let q = path("quizzes");
    assert_clean(
        &run(
            &["quiz", "--plain", "--quiz-dir", &q, "--count", "1"],
            "2\n",
        ),
        "O52",
    );
    assert_clean(
        &run(
            &["bank", "export", "--quiz-dir", &q, "--format", "gift"],
            "",
        ),
        "O52",
    );
}

/// Removes the program's own styling from terminal output: SGR (`ESC [ … m`), OSC 8 links it
/// adds around link text, and CR (the terminal's newline is CR LF).
fn without_own_styling(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw).replace("\r\n", "\n");
    let mut out = String::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find('\x1b') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let seq = rest.get(at..).unwrap_or_default();
        let sgr_len = seq
            .strip_prefix("\x1b[")
            .and_then(|s| {
                s.find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .filter(|&i| s.get(i..).is_some_and(|t| t.starts_with('m')))
            })
            .map(|i| i + 3);
        let osc8_len = seq
            .strip_prefix("\x1b]8;;")
            .and_then(|s| s.find("\x1b\\"))
            .filter(|&i| !seq.get(..i + 5).unwrap_or_default().contains('\x07'))
            .map(|i| i + 7);
        if let Some(len) = sgr_len.or(osc8_len) {
            rest = seq.get(len..).unwrap_or_default();
        } else {
            // Not ours: keep it so that the check below fails on it.
            out.push('\x1b');
            rest = seq.get(1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn on_a_terminal_only_the_programs_own_styling_is_written() {
    let (c, q) = (path("content"), path("quizzes"));
    let (old, new) = (path("old.yaml"), path("new.yaml"));
    for args in [
        vec!["sim", "replace", old.as_str(), new.as_str()],
        vec!["read", "--content-dir", &c, "hostile-lesson"],
        vec!["search", "--content-dir", &c, "--quiz-dir", &q, "질문"],
        vec!["glossary", "--content-dir", &c, "hostile"],
        vec!["keys"],
    ] {
        let data = tempfile::tempdir().unwrap();
        let env = [(
            "GUREUM_CONFIG_DIR",
            fixtures().join("config").display().to_string(),
        )];
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut t = support::pty::Pty::gureum(data.path(), &args, &env, 120, 40);
        t.wait_exit();
        let text = without_own_styling(&t.raw());
        if let Some((at, ch)) = forbidden(&text) {
            let around: String = text
                .get(at.saturating_sub(40)..)
                .unwrap_or(&text)
                .chars()
                .take(80)
                .collect();
            panic!(
                "`{}` wrote {ch:?} to the terminal: {around:?}",
                args.join(" ")
            );
        }
        assert!(
            text.contains("O52") || text.contains("keymap.toml"),
            "{}: {text}",
            args.join(" ")
        );
    }
}
