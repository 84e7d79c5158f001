//! Result files (JSON and CSV round trips) and the class report on five hand-built students.

use gureum::quiz::format::{Answer, Choice, Kind, Question};
use gureum::quiz::interchange::{AttemptResult, ResultAnswer, ResultsError, report};
use gureum::quiz::{Bank, Entry};
use gureum::text::width;
use proptest::prelude::*;

fn answer(question: &str, correct: bool, chosen: &[&str]) -> ResultAnswer {
    ResultAnswer {
        question: question.into(),
        correct,
        chosen: chosen.iter().map(|s| (*s).to_owned()).collect(),
        time_ms: 1000,
        domains: Vec::new(),
        misconception_chosen: None,
    }
}

fn attempt(student: &str, started_at: u64, answers: Vec<ResultAnswer>) -> AttemptResult {
    AttemptResult {
        student: student.into(),
        exam_or_quiz: "class-quiz-1".into(),
        started_at,
        seed: Some(7),
        answers,
    }
}

#[test]
fn json_and_csv_round_trip_awkward_text() {
    let a = AttemptResult {
        student: "김, \"민지\"\n2반".into(),
        exam_or_quiz: "saa, mock \"1\"".into(),
        started_at: 1_767_225_600,
        seed: None,
        answers: vec![
            ResultAnswer {
                question: "rds-read-replica-max".into(),
                correct: false,
                chosen: vec!["b".into()],
                time_ms: 5300,
                domains: vec!["saa.performance".into(), "saa.cost".into()],
                misconception_chosen: Some("outdated, \"limit\"\n구버전".into()),
            },
            ResultAnswer {
                question: "dynamo-rcu".into(),
                correct: true,
                chosen: vec!["5.5".into()],
                time_ms: 0,
                domains: vec![],
                misconception_chosen: None,
            },
        ],
    };
    assert_eq!(AttemptResult::from_json(&a.to_json()).unwrap(), a);
    assert!(a.to_json().contains("\"format_version\": 1"));
    let csv = a.to_csv();
    assert!(csv.starts_with(
        "student,exam_or_quiz,started_at,seed,question,correct,chosen,time_ms,domains,misconception_chosen\n"
    ));
    assert_eq!(AttemptResult::from_csv(&csv).unwrap(), vec![a.clone()]);

    // Several attempts in one CSV come back as several attempts.
    let mut b = a.clone();
    b.student = "Alice".into();
    b.seed = Some(u64::MAX);
    let both = AttemptResult::many_to_csv(&[a.clone(), b.clone()]);
    assert_eq!(AttemptResult::from_csv(&both).unwrap(), vec![a, b]);
}

#[test]
fn unreadable_result_files_are_refused() {
    let newer = r#"{"format_version": 2, "student": "x", "exam_or_quiz": "q", "started_at": 1, "seed": null, "answers": []}"#;
    assert!(matches!(
        AttemptResult::from_json(newer),
        Err(ResultsError::Newer(2))
    ));
    let bad_bool = "student,exam_or_quiz,started_at,seed,question,correct,chosen,time_ms,domains,misconception_chosen\n\
                    s,q,1,,x,maybe,a,1,,\n";
    let err = AttemptResult::from_csv(bad_bool).unwrap_err().to_string();
    assert!(err.contains("row 2"), "{err}");
    assert!(AttemptResult::from_csv("student,question\nx,y\n").is_err());
}

proptest! {
    #[test]
    fn any_text_survives_csv(
        student in "\\PC*",
        exam in "[^\\r]*",
        misconception in proptest::option::of(".+"),
        chosen in proptest::collection::vec("[a-z0-9-]{1,8}", 0..4),
        started_at: u64,
        seed: Option<u64>,
    ) {
        let a = AttemptResult {
            student,
            exam_or_quiz: exam,
            started_at,
            seed,
            answers: vec![ResultAnswer {
                question: "q".into(),
                correct: true,
                chosen,
                time_ms: 3,
                domains: vec!["saa.cost".into()],
                misconception_chosen: misconception,
            }],
        };
        prop_assert_eq!(AttemptResult::from_csv(&a.to_csv()).unwrap(), vec![a.clone()]);
        prop_assert_eq!(AttemptResult::from_json(&a.to_json()).unwrap(), a);
    }
}

// ---------------------------------------------------------------------------------------------
// The class report.

fn choice(id: &str, misconception: Option<&str>) -> Choice {
    Choice {
        id: id.into(),
        text: format!("보기 {id}"),
        why: misconception.map(|_| "틀린 이유".into()),
        misconception: misconception.map(Into::into),
        why_en: None,
    }
}

fn question(id: &str, kind: Kind, domains: &[&str], choices: Vec<Choice>, a: Answer) -> Question {
    Question {
        id: id.into(),
        lesson: "lesson".into(),
        kind,
        difficulty: 1,
        domains: domains.iter().map(|d| (*d).to_owned()).collect(),
        tags: vec![],
        prompt: "?".into(),
        choices,
        answer: a,
        tolerance: Some(0.0),
        unit: None,
        explanation: String::new(),
        prompt_en: None,
        choices_en: None,
        explanation_en: None,
        refs: Vec::new(),
    }
}

fn bank() -> Bank {
    let q1 = question(
        "q1",
        Kind::Single,
        &["saa.secure"],
        vec![
            choice("a", None),
            choice("b", Some("m-b")),
            choice("c", Some("m-c")),
            choice("d", None),
        ],
        Answer::One("a".into()),
    );
    let q2 = question(
        "q2",
        Kind::Multiple,
        &["saa.cost", "saa.secure"],
        vec![
            choice("a", None),
            choice("b", Some("m-b")),
            choice("c", None),
            choice("d", Some("m-d")),
            choice("e", None),
        ],
        Answer::Many(vec!["a".into(), "c".into()]),
    );
    let q3 = question(
        "q3",
        Kind::Numeric,
        &["dva.development"],
        vec![],
        Answer::Number(3.0),
    );
    Bank {
        entries: [q1, q2, q3]
            .into_iter()
            .map(|question| Entry {
                question,
                file: "t.toml".into(),
                line: 1,
            })
            .collect(),
        problems: vec![],
        labels: std::collections::BTreeMap::new(),
    }
}

/// Five students; 김민지 sat the quiz twice. Every file goes through export and back.
fn class() -> Vec<AttemptResult> {
    let files = vec![
        attempt(
            "김민지",
            1,
            vec![
                answer("q1", true, &["a"]),
                answer("q2", true, &["a", "c"]),
                answer("q3", true, &["3"]),
            ],
        ),
        attempt("김민지", 2, vec![answer("q1", false, &["c"])]),
        attempt(
            "이서준",
            1,
            vec![
                answer("q1", false, &["b"]),
                answer("q2", false, &["a", "b"]),
                answer("q3", true, &["3"]),
            ],
        ),
        attempt(
            "Alice",
            1,
            vec![
                answer("q1", false, &["c"]),
                answer("q2", true, &["c", "a"]),
                answer("q3", false, &["4"]),
            ],
        ),
        attempt(
            "박지훈",
            1,
            vec![
                answer("q1", false, &["b"]),
                answer("q2", false, &["b", "d"]),
                answer("q3", true, &["3"]),
            ],
        ),
        attempt(
            "최유나",
            1,
            vec![
                answer("q1", false, &["d"]),
                answer("q2", false, &["d", "e"]),
                answer("q3", false, &["30"]),
            ],
        ),
    ];
    files
        .into_iter()
        .enumerate()
        .flat_map(|(i, a)| {
            if i % 2 == 0 {
                vec![AttemptResult::from_json(&a.to_json()).unwrap()]
            } else {
                AttemptResult::from_csv(&a.to_csv()).unwrap()
            }
        })
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn report_scores_students_items_domains_and_misconceptions() {
    let r = report(&class(), &bank());

    let students: Vec<(&str, usize, usize)> = r
        .students
        .iter()
        .map(|s| (s.student.as_str(), s.correct, s.total))
        .collect();
    assert_eq!(
        students,
        [
            ("Alice", 1, 3),
            ("김민지", 3, 4),
            ("박지훈", 1, 3),
            ("이서준", 1, 3),
            ("최유나", 0, 3),
        ]
    );
    assert!(close(r.students[1].percent, 75.0));
    assert!(close(r.students[0].percent, 100.0 / 3.0));
    assert!(close(r.students[4].percent, 0.0));

    // Hardest first: q1 (1 of 6), q2 (2 of 5), q3 (3 of 5).
    let items: Vec<(&str, usize, usize)> = r
        .items
        .iter()
        .map(|i| (i.question.as_str(), i.correct, i.attempts))
        .collect();
    assert_eq!(items, [("q1", 1, 6), ("q2", 2, 5), ("q3", 3, 5)]);
    assert!(close(r.items[0].percent, 100.0 / 6.0));
    assert!(close(r.items[1].percent, 40.0));
    assert!(close(r.items[2].percent, 60.0));

    // saa.secure (q1 and q2): 김민지 2/3, Alice 1/2, the others 0: mean over five students
    // is (66.67 + 50) / 5 = 23.33, not the pooled 3/11.
    let d: Vec<(&str, usize, usize)> = r
        .domains
        .iter()
        .map(|d| (d.domain.as_str(), d.students, d.answers))
        .collect();
    assert_eq!(
        d,
        [
            ("dva.development", 5, 5),
            ("saa.cost", 5, 5),
            ("saa.secure", 5, 11)
        ]
    );
    assert!(close(r.domains[0].average_percent, 60.0));
    assert!(close(r.domains[1].average_percent, 40.0));
    assert!(close(
        r.domains[2].average_percent,
        (200.0 / 3.0 + 50.0) / 5.0
    ));

    // m-b: q1 twice (이서준, 박지훈) + q2 twice; m-c: q1 twice (김민지's 2nd try, Alice);
    // m-d: q2 twice (박지훈, 최유나). Ties in tag order. Untagged and right picks do not count.
    let m: Vec<(&str, usize)> = r
        .misconceptions
        .iter()
        .map(|m| (m.tag.as_str(), m.count))
        .collect();
    assert_eq!(m, [("m-b", 4), ("m-c", 2), ("m-d", 2)]);
}

#[test]
fn questions_missing_from_the_bank_still_count() {
    let mut gone = answer("gone", false, &["x"]);
    gone.domains = vec!["saa.cost".into()];
    gone.misconception_chosen = Some("m-old".into());
    let r = report(&[attempt("s", 1, vec![gone])], &bank());
    assert_eq!(r.items[0].question, "gone");
    assert_eq!(r.domains[0].domain, "saa.cost");
    assert_eq!(r.misconceptions[0].tag, "m-old");
}

#[test]
fn misconceptions_stop_at_ten() {
    let many: Vec<ResultAnswer> = (0..15)
        .map(|i| {
            let mut a = answer(&format!("gone-{i}"), false, &["x"]);
            a.misconception_chosen = Some(format!("m{i:02}"));
            a
        })
        .collect();
    let r = report(&[attempt("s", 1, many)], &bank());
    assert_eq!(r.misconceptions.len(), 10);
}

#[test]
fn report_csv_has_four_sections_with_headers() {
    let r = report(&class(), &bank());
    let csv = r.to_csv();
    let sections: Vec<&str> = csv.split("\n\n").filter(|s| !s.is_empty()).collect();
    assert_eq!(sections.len(), 4, "{csv}");
    let expect = [
        ("[students]", "student,correct,total,percent", 5),
        ("[items]", "question,attempts,correct,percent_correct", 3),
        ("[domains]", "domain,students,answers,average_percent", 3),
        ("[misconceptions]", "misconception,count", 3),
    ];
    for (section, (title, header, rows)) in sections.iter().zip(expect) {
        let lines: Vec<&str> = section.lines().collect();
        assert_eq!(lines[0], title);
        assert_eq!(lines[1], header);
        assert_eq!(lines.len() - 2, rows, "{section}");
    }
    assert!(csv.contains("\n김민지,3,4,75.0\n"));
    assert!(csv.contains("\nq1,6,1,16.7\n"));
    let tables = r.to_csv_tables();
    assert_eq!(tables.len(), 4);
    assert_eq!(tables[3].0, "misconceptions");
    assert!(tables[3].1.starts_with("misconception,count\nm-b,4\n"));
}

#[test]
fn the_terminal_table_aligns_hangul_in_display_cells() {
    let r = report(&class(), &bank());
    let table = r.to_table(80);
    assert!(table.contains("학생별 점수"));
    let lines: Vec<&str> = table.lines().collect();
    // The students table: title, header, five rows. Right-aligned percent column: every row
    // ends at the same display column, whatever mix of Hangul and Latin names.
    let rows = &lines[1..7];
    let ends: Vec<usize> = rows.iter().map(|l| width(l)).collect();
    assert!(ends.iter().all(|&e| e == ends[0]), "{ends:?}\n{table}");
    let name_row = rows.iter().find(|l| l.starts_with("김민지")).unwrap();
    let alice_row = rows.iter().find(|l| l.starts_with("Alice")).unwrap();
    // The first number starts at the same display cell on both rows.
    let col = |l: &str| width(l.split(|c: char| c.is_ascii_digit()).next().unwrap());
    assert_eq!(col(name_row), col(alice_row));
    assert!(name_row.ends_with("75.0"));

    for w in [80, 40, 24] {
        for line in r.to_table(w).lines() {
            assert!(width(line) <= w, "{w}: `{line}`");
        }
    }
}
