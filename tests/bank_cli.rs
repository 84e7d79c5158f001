//! Question banks in and out of other tools, result files and the class report, through the CLI.

use std::process::{Command, Output, Stdio};

fn gureum(args: &[&str], data: &std::path::Path, stdin: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .env("GUREUM_DATA_DIR", data)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gureum");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_gift_export_imports_back_into_a_valid_bank() {
    let dir = tempfile::tempdir().unwrap();
    let gift = dir.path().join("bank.gift");
    let out = gureum(
        &[
            "bank",
            "export",
            "--format",
            "gift",
            "--out",
            gift.to_str().unwrap(),
        ],
        dir.path(),
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let banks = dir.path().join("banks");
    std::fs::create_dir(&banks).unwrap();
    let out = gureum(
        &[
            "bank",
            "import",
            gift.to_str().unwrap(),
            "--out",
            banks.to_str().unwrap(),
        ],
        dir.path(),
        "",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let check = gureum(
        &["check", "--quiz-dir", banks.to_str().unwrap()],
        dir.path(),
        "",
    );
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let shipped = gureum(&["check"], dir.path(), "");
    let count = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .split("문항 ")
            .nth(1)
            .map(str::to_owned)
    };
    assert_eq!(count(&check), count(&shipped), "every question came back");
}

#[test]
fn aiken_and_anki_exports() {
    let dir = tempfile::tempdir().unwrap();
    let aiken = gureum(&["bank", "export", "--format", "aiken"], dir.path(), "");
    assert!(aiken.status.success());
    let text = String::from_utf8(aiken.stdout).unwrap();
    assert!(
        text.contains("ANSWER: "),
        "{}",
        text.lines().next().unwrap_or_default()
    );
    assert!(
        String::from_utf8_lossy(&aiken.stderr).contains("빼고"),
        "says what Aiken cannot hold"
    );
    let anki = gureum(&["bank", "export", "--format", "anki"], dir.path(), "");
    let text = String::from_utf8(anki.stdout).unwrap();
    assert!(
        text.starts_with("#separator:tab\n#html:true\n"),
        "{}",
        text.lines().next().unwrap_or_default()
    );
    assert!(
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .all(|l| l.split('\t').count() == 3)
    );
}

#[test]
fn results_export_and_class_report() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = gureum(
        &["quiz", "--plain", "--seed", "5", "--count", "3"],
        dir.path(),
        &"1\n1,2\n1,2,3\n".repeat(4),
    );
    assert!(quiz.status.success());
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.csv");
    assert!(
        gureum(
            &[
                "results",
                "export",
                "--student",
                "김철수",
                "--out",
                a.to_str().unwrap()
            ],
            dir.path(),
            ""
        )
        .status
        .success()
    );
    let csv = [
        "results",
        "export",
        "--student",
        "이영희",
        "--format",
        "csv",
        "--out",
        b.to_str().unwrap(),
    ];
    assert!(gureum(&csv, dir.path(), "").status.success());
    let report_csv = dir.path().join("report.csv");
    let report = gureum(
        &[
            "report",
            a.to_str().unwrap(),
            b.to_str().unwrap(),
            "--csv",
            report_csv.to_str().unwrap(),
        ],
        dir.path(),
        "",
    );
    assert!(
        report.status.success(),
        "{}",
        String::from_utf8_lossy(&report.stderr)
    );
    let table = String::from_utf8(report.stdout).unwrap();
    assert!(
        table.contains("김철수") && table.contains("이영희"),
        "{table}"
    );
    assert!(
        std::fs::read_to_string(report_csv)
            .unwrap()
            .contains("[students]")
            || table.contains("학생")
    );
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{ not json").unwrap();
    assert!(
        !gureum(&["report", bad.to_str().unwrap()], dir.path(), "")
            .status
            .success()
    );
}
