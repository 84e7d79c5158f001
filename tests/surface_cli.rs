//! What a learner sees on the command line: one language at a time, clap's words translated, and
//! the command-line items of issue 16 (quiz --plain on a multiple-response question, report on a
//! missing or repeated file, Aiken detection, pretty JSON from every simulation).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn gureum(args: &[&str], dir: &std::path::Path, stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .env("GUREUM_DATA_DIR", dir.join("data"))
        .env("GUREUM_CONFIG_DIR", dir.join("config"))
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gureum");
    // A child that stops reading early closes the pipe: that is not the test's failure.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn has_hangul(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(u32::from(c), 0xAC00..=0xD7A3 | 0x3131..=0x318E))
}

/// Three or more English words in a row (`item of 410624 bytes exceeds`, `unexpected argument
/// found`), outside URLs, backticks and the usage line (command names are English).
fn english_sentence(s: &str) -> Option<String> {
    for line in s.lines() {
        if line.trim_start().starts_with("사용법:") {
            continue;
        }
        let mut run = Vec::new();
        let mut in_code = false;
        for word in line.split_whitespace() {
            let ticks = word.matches('`').count();
            let code = in_code || ticks > 0;
            if ticks % 2 == 1 {
                in_code = !in_code;
            }
            let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric());
            let english = !code
                && !word.contains("://")
                && w.len() > 1
                && w.chars().all(|c| c.is_ascii_alphabetic())
                && w.chars().skip(1).all(|c| c.is_ascii_lowercase());
            if english {
                run.push(w);
                if run.len() >= 3 {
                    return Some(format!("{} in: {line}", run.join(" ")));
                }
            } else {
                run.clear();
            }
        }
    }
    None
}

/// A bank with one question that takes two answers.
const MULTIPLE_BANK: &str = r#"format_version = 1

[[question]]
id = "two-answers"
lesson = "udemy-rds"
kind = "multiple"
difficulty = 1
domains = ["saa.performance"]
tags = ["database"]
prompt = "비관계형 데이터베이스는 무엇입니까? 두 개를 고르십시오."
answer = ["a", "d"]
explanation = "DynamoDB와 Neptune이 비관계형입니다."

[[question.choices]]
id = "a"
text = "Amazon DynamoDB"

[[question.choices]]
id = "b"
text = "Amazon RDS"

[[question.choices]]
id = "c"
text = "Amazon Redshift"

[[question.choices]]
id = "d"
text = "Amazon Neptune"
"#;

#[test]
fn quiz_plain_says_how_many_to_pick_and_moves_on_after_three_unreadable_answers() {
    let dir = tempfile::tempdir().unwrap();
    let quizzes = dir.path().join("quizzes");
    std::fs::create_dir_all(&quizzes).unwrap();
    std::fs::write(quizzes.join("bank.toml"), MULTIPLE_BANK).unwrap();
    // One answer where two are asked for, again and again: a script's later lines must survive.
    let input = "1\n".repeat(50);
    let out = gureum(
        &[
            "quiz",
            "--plain",
            "--seed",
            "1",
            "--count",
            "1",
            "--quiz-dir",
            quizzes.to_str().unwrap(),
        ],
        dir.path(),
        &input,
    );
    let text = stdout(&out);
    assert!(out.status.success(), "{text}\n{}", stderr(&out));
    assert!(
        text.contains("번호 2개를"),
        "the hint says how many: {text}"
    );
    assert_eq!(
        text.matches("이해하지 못했어요").count(),
        2,
        "asked again twice, then moved on: {text}"
    );
    assert!(text.contains("틀린 것으로 하고 넘어가요"), "{text}");
    assert!(text.contains("1문제 중 0문제"), "recorded as wrong: {text}");
}

#[test]
fn report_on_a_missing_file_exits_2_and_a_repeated_file_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = gureum(
        &["quiz", "--plain", "--seed", "5", "--count", "3"],
        dir.path(),
        &"1\n1,2\n1,2,3\n".repeat(4),
    );
    assert!(quiz.status.success());
    let a = dir.path().join("a.json");
    let export = gureum(
        &[
            "results",
            "export",
            "--student",
            "김철수",
            "--out",
            a.to_str().unwrap(),
        ],
        dir.path(),
        "",
    );
    assert!(export.status.success(), "{}", stderr(&export));
    let a = a.to_str().unwrap();

    let missing = dir.path().join("nope.json");
    let out = gureum(&["report", missing.to_str().unwrap()], dir.path(), "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("nope.json이 없어요"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("os error"), "{}", stderr(&out));

    let once = gureum(&["report", a], dir.path(), "");
    let twice = gureum(&["report", a, a], dir.path(), "");
    assert!(twice.status.success(), "{}", stderr(&twice));
    assert_eq!(stdout(&once), stdout(&twice), "the same file counts once");
    assert!(
        stderr(&twice).contains("두 번 주었어요"),
        "{}",
        stderr(&twice)
    );
    let en = gureum(&["--lang", "en", "report", a, a], dir.path(), "");
    assert!(stderr(&en).contains("given twice"), "{}", stderr(&en));
    assert!(stdout(&en).contains("Item analysis"), "{}", stdout(&en));
    assert!(
        !has_hangul(&stdout(&en).replace("김철수", "")),
        "{}",
        stdout(&en)
    );

    // The item analysis names questions by their prompt, not their id.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(a).unwrap()).unwrap();
    let table = stdout(&once);
    let ids: Vec<&str> = json["answers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["question"].as_str())
        .collect();
    assert!(!ids.is_empty());
    for id in ids {
        assert!(!table.contains(id), "{id} shown as an id: {table}");
    }
    assert!(table.contains("다") || table.contains("…"), "{table}");
}

#[test]
fn bank_import_detects_aiken_even_with_a_brace_in_a_question() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("class.txt");
    std::fs::write(
        &file,
        "정책 {\"Effect\": \"Allow\"}이 허용하는 것은 무엇입니까?\nA. 읽기\nB. 쓰기\nANSWER: A\n",
    )
    .unwrap();
    let out = gureum(
        &[
            "bank",
            "import",
            file.to_str().unwrap(),
            "--lesson",
            "udemy-rds",
        ],
        dir.path(),
        "",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let toml = stdout(&out);
    assert!(toml.contains("[[question]]"), "{toml}");
    assert!(toml.contains("읽기"), "{toml}");
}

#[test]
fn every_simulation_prints_pretty_json() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["sim", "phoenix", "--json"][..],
        &["sim", "lambda", "--seconds", "5", "--json"],
        &["sim", "capacity", "--op", "get", "--item", "1KB", "--json"],
    ] {
        let out = gureum(args, dir.path(), "");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.starts_with("{\n"),
            "{args:?} is pretty-printed: {text:.80}"
        );
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok());
    }
}

#[test]
fn a_negative_number_gets_the_range_not_unexpected_argument() {
    let dir = tempfile::tempdir().unwrap();
    let out = gureum(&["exam", "--count", "-5"], dir.path(), "");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("1에서 200 사이"), "{err}");
    let out = gureum(&["--lang", "en", "exam", "--count", "-5"], dir.path(), "");
    let err = stderr(&out);
    assert!(err.contains("1..=200"), "{err}");
    assert!(!err.contains("unexpected argument"), "{err}");
}

#[test]
fn help_lists_own_options_first_global_ones_under_a_heading_and_the_presets() {
    let dir = tempfile::tempdir().unwrap();
    let out = gureum(&["sim", "lambda", "--help"], dir.path(), "");
    assert!(out.status.success());
    let help = stdout(&out);
    let own = help.find("옵션:").expect("own options");
    let global = help.find("공통 옵션:").expect("global options");
    assert!(own < global, "{help}");
    let rps = help.find("--rps").unwrap();
    let lang = help.find("--lang").unwrap();
    assert!(own < rps && rps < global && global < lang, "{help}");
    assert!(help.contains("lambda-cold-start"), "preset names: {help}");
    for english in [
        "Usage",
        "Options",
        "Print help",
        "Possible values",
        "[default",
    ] {
        assert!(!help.contains(english), "{english} in: {help}");
    }
    let en = stdout(&gureum(
        &["--lang", "en", "sim", "lambda", "--help"],
        dir.path(),
        "",
    ));
    assert!(
        en.contains("Global options:") && en.contains("Usage:"),
        "{en}"
    );
    assert!(en.contains("lambda-cold-start"), "{en}");
}

/// Representative failures: a missing file, a bad simulation setting, a model error, a clap
/// usage error and an unknown option.
const FAILURES: &[&[&str]] = &[
    &["report", "/nonexistent/results.json"],
    &["sim", "lambda", "--scenario", "/nonexistent/scenario.toml"],
    &["sim", "lambda", "--memory-mb", "100"],
    &["sim", "lambda", "--reserved", "900", "--provisioned", "950"],
    &["sim", "capacity", "--op", "put", "--item", "410624"],
    &[
        "sim",
        "capacity",
        "--op",
        "put",
        "--item",
        "1",
        "--consistency",
        "strong",
    ],
    &["exam", "--count", "-5"],
    &["sim", "lambda", "--bogus"],
    &["sim", "lambda", "--invoke", "sometimes"],
    &["--theme", "neon", "lessons"],
];

#[test]
fn korean_mode_errors_have_no_english_sentence() {
    let dir = tempfile::tempdir().unwrap();
    for args in FAILURES {
        let out = gureum(args, dir.path(), "");
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert!(has_hangul(&err), "{args:?}: {err}");
        if let Some(sentence) = english_sentence(&err) {
            panic!("{args:?}: English in Korean mode: {sentence}\n{err}");
        }
        assert!(!err.contains("os error"), "{args:?}: {err}");
        assert!(
            !err.contains(" / "),
            "{args:?}: two languages at once: {err}"
        );
    }
}

#[test]
fn english_mode_errors_have_no_hangul() {
    let dir = tempfile::tempdir().unwrap();
    for args in FAILURES {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let out = gureum(&all, dir.path(), "");
        assert!(!out.status.success(), "{args:?} should fail");
        let err = stderr(&out);
        assert!(!err.trim().is_empty(), "{args:?}");
        assert!(!has_hangul(&err), "{args:?}: Hangul in English mode: {err}");
        assert!(!err.contains("os error"), "{args:?}: {err}");
    }
}

#[test]
fn cloudformation_update_behaviour_words_are_korean_in_korean_mode() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.yaml");
    let new = dir.path().join("new.yaml");
    std::fs::write(
        &old,
        "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBInstanceIdentifier: a\n      Engine: mysql\n",
    )
    .unwrap();
    std::fs::write(
        &new,
        "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      DBInstanceIdentifier: b\n      Engine: mysql\n",
    )
    .unwrap();
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let ko = stdout(&gureum(&["sim", "replace", old, new], dir.path(), ""));
    assert!(ko.contains("교체: 예"), "{ko}");
    assert!(ko.contains("항상 교체"), "{ko}");
    assert!(
        !ko.contains("Replacement: True") && !ko.contains("(Always"),
        "{ko}"
    );
    let en = stdout(&gureum(
        &["--lang", "en", "sim", "replace", old, new],
        dir.path(),
        "",
    ));
    assert!(en.contains("Replacement: True"), "{en}");
}
