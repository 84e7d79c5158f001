//! Aiken both ways and the Anki export.

use gureum::quiz::format::{Answer, Kind, Question};
use gureum::quiz::interchange::{
    Defaults, ImportErrorKind, export_aiken, export_anki, import_aiken,
};
use gureum::quiz::{Bank, BankSource};

fn real_questions() -> Vec<Question> {
    Bank::load(&BankSource::Embedded)
        .entries
        .into_iter()
        .map(|e| e.question)
        .collect()
}

fn defaults() -> Defaults {
    Defaults::new("aiken-lesson", "dva.deployment")
}

#[test]
fn single_questions_round_trip_through_aiken_and_the_others_are_counted() {
    let questions = real_questions();
    let out = export_aiken(&questions);
    let count = |k: Kind| questions.iter().filter(|q| q.kind == k).count();
    assert_eq!(out.exported, count(Kind::Single));
    assert_eq!(out.skipped_multiple, count(Kind::Multiple));
    assert_eq!(out.skipped_numeric, count(Kind::Numeric));
    assert!(out.skipped_multiple > 0 && out.skipped_numeric > 0);

    let back = import_aiken(&out.text, &defaults()).expect("our own export imports");
    let singles: Vec<&Question> = questions
        .iter()
        .filter(|q| q.kind == Kind::Single)
        .collect();
    assert_eq!(back.len(), singles.len());
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for (n, (want, got)) in singles.iter().zip(&back).enumerate() {
        assert_eq!(got.kind, Kind::Single);
        assert_eq!(got.id, format!("imported-{}", n + 1));
        assert_eq!(got.lesson, "aiken-lesson");
        assert_eq!(got.domains, vec!["dva.deployment".to_owned()]);
        // Aiken keeps the text (on one line), the choices in order and which one is right.
        assert_eq!(got.prompt, flat(&want.prompt), "{}", want.id);
        let want_texts: Vec<String> = want.choices.iter().map(|c| flat(&c.text)).collect();
        let got_texts: Vec<String> = got.choices.iter().map(|c| c.text.clone()).collect();
        assert_eq!(got_texts, want_texts, "{}", want.id);
        let right = |q: &Question| {
            let Answer::One(id) = &q.answer else { panic!() };
            q.choices.iter().position(|c| &c.id == id).unwrap()
        };
        assert_eq!(right(got), right(want), "{}", want.id);
    }
}

#[test]
fn aiken_reads_both_letter_styles_and_multi_line_questions() {
    let text = "첫 줄\n둘째 줄\nA) 하나\nB) 둘\nC. 셋\nANSWER: C\n\nQ2\nA. x\nB. y\nANSWER:A\n";
    let qs = import_aiken(text, &defaults()).unwrap();
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].prompt, "첫 줄\n둘째 줄");
    assert_eq!(qs[0].answer, Answer::One("c".into()));
    assert_eq!(qs[0].choices[2].text, "셋");
    assert_eq!(qs[1].answer, Answer::One("a".into()));
}

#[test]
fn malformed_aiken_names_the_line() {
    let cases: [(&str, usize, ImportErrorKind); 6] = [
        ("A. orphan\n", 1, ImportErrorKind::ChoiceBeforeQuestion),
        (
            "Q\nA. a\nB. b\nANSWER: E\n",
            4,
            ImportErrorKind::UnknownAnswer("E".into()),
        ),
        (
            "Q1\nA. a\nB. b\nANSWER: A\n\nQ2\nA. a\nB. b\n",
            6,
            ImportErrorKind::MissingAnswer,
        ),
        (
            "Q1\nA. a\nB. b\nQ2\nA. a\nANSWER: A\n",
            1,
            ImportErrorKind::MissingAnswer,
        ),
        (
            "\n\nQ\nA. only\nANSWER: A\n",
            3,
            ImportErrorKind::TooFewChoices,
        ),
        (
            "ANSWER: A\n",
            1,
            ImportErrorKind::UnexpectedLine("ANSWER: A".into()),
        ),
    ];
    for (text, line, kind) in cases {
        let err = import_aiken(text, &defaults()).expect_err(text);
        assert_eq!((err.line, &err.kind), (line, &kind), "{text:?}");
    }
}

#[test]
fn anki_export_has_the_manual_headers_and_three_columns_per_row() {
    let questions = real_questions();
    let out = export_anki(&questions);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..4],
        [
            "#separator:tab",
            "#html:true",
            "#columns:Front\tBack\tTags",
            "#tags column:3"
        ]
    );
    let rows = &lines[4..];
    assert_eq!(rows.len(), questions.len(), "one line per note");
    for (row, q) in rows.iter().zip(&questions) {
        let cols: Vec<&str> = row.split('\t').collect();
        assert_eq!(cols.len(), 3, "{}: {row}", q.id);
        // A leading quote would make Anki read the field as quoted CSV.
        assert!(cols.iter().all(|c| !c.starts_with('"')), "{}", q.id);
        let tags: Vec<&str> = cols[2].split(' ').collect();
        for d in &q.domains {
            assert!(tags.contains(&d.as_str()), "{}", q.id);
        }
        if !q.choices.is_empty() {
            assert!(cols[0].contains("<br>A. "), "{}", q.id);
        }
    }
}

#[test]
fn anki_fields_escape_html_and_tags_lose_their_spaces() {
    let mut q = real_questions()
        .into_iter()
        .find(|q| q.kind == Kind::Single)
        .unwrap();
    q.prompt = "a < b & \"c\"\tand\nnext".into();
    q.tags = vec!["two words".into()];
    q.domains = vec!["saa.cost".into()];
    let out = export_anki(&[q]);
    let row = out.lines().nth(4).unwrap();
    let cols: Vec<&str> = row.split('\t').collect();
    assert_eq!(cols.len(), 3);
    assert!(cols[0].starts_with("a &lt; b &amp; &quot;c&quot;&#9;and<br>next<br><br>A. "));
    assert!(cols[1].starts_with("정답: "));
    assert_eq!(cols[2], "saa.cost two_words");
}

// Issue 12: the back of an Anki card carries the English text and the AWS references as links.
#[test]
fn anki_back_shows_english_and_refs_as_links() {
    let mut q = real_questions()
        .into_iter()
        .find(|q| q.kind == Kind::Single)
        .unwrap();
    q.prompt_en = Some("English prompt".into());
    q.explanation_en = Some("English explanation".into());
    q.refs = vec!["https://docs.aws.amazon.com/a.html?x=1&y='2'".into()];
    let out = export_anki(&[q]);
    let row = out.lines().nth(4).unwrap();
    let back = row.split('\t').nth(1).unwrap();
    assert!(back.contains("English prompt"), "{back}");
    assert!(back.contains("English explanation"), "{back}");
    assert!(
        back.contains(
            "참고 문서: <a href='https://docs.aws.amazon.com/a.html?x=1&amp;y=&#39;2&#39;'>"
        ),
        "{back}"
    );
    assert!(!row.contains('"'), "{row}");
}
