//! GIFT export and import: a lossless round trip of the real bank, output that other GIFT
//! tools accept (checked by an independent structural reader below), escaping, a Moodle-style
//! fixture, and line-numbered errors.

use gureum::quiz::format::{Answer, Choice, Kind, Question};
use gureum::quiz::interchange::{Defaults, ImportErrorKind, export_gift, import_gift};
use gureum::quiz::{Bank, BankSource};

fn defaults() -> Defaults {
    Defaults::new("imported-lesson", "saa.secure")
}

fn real_questions() -> Vec<Question> {
    let bank = Bank::load(&BankSource::Embedded);
    assert!(bank.problems.is_empty(), "{:?}", bank.problems);
    bank.entries.into_iter().map(|e| e.question).collect()
}

#[test]
fn every_real_question_survives_a_gift_round_trip() {
    let questions = real_questions();
    assert!(questions.len() > 300);
    let gift = export_gift(&questions);
    let back = import_gift(&gift, &defaults()).expect("our own export imports");
    assert_eq!(back.len(), questions.len());
    for (want, got) in questions.iter().zip(&back) {
        // Field by field first, so a failure names the field.
        assert_eq!(want.id, got.id);
        assert_eq!(want.kind, got.kind, "{}", want.id);
        assert_eq!(want.prompt, got.prompt, "{}", want.id);
        assert_eq!(want.choices, got.choices, "{}", want.id);
        assert_eq!(want.answer, got.answer, "{}", want.id);
        assert_eq!(want.explanation, got.explanation, "{}", want.id);
        assert_eq!(want, got);
    }
}

#[test]
fn the_real_bank_exports_structurally_valid_gift() {
    let questions = real_questions();
    let gift = export_gift(&questions);
    let checked = check_gift(&gift).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(checked.len(), questions.len());
    for (q, kind) in questions.iter().zip(checked) {
        assert_eq!(q.kind, kind, "{}", q.id);
    }
}

fn tricky() -> Question {
    let all = r"~ = # { } : \ and % -> [x] //";
    Question {
        id: "tricky-1".into(),
        lesson: "lesson-a#섹션-1".into(),
        kind: Kind::Single,
        difficulty: 3,
        domains: vec!["saa.secure".into(), "dva.security".into()],
        tags: vec!["tag one".into(), "iam".into()],
        prompt: format!("[markdown]는 본문입니다: {all}\n\n```\n  indented {{code}}\n```\n"),
        choices: vec![
            Choice {
                id: "x1".into(),
                text: format!("%50% looks like a weight {all}"),
                why: Some(format!("why: {all}\nsecond line")),
                misconception: Some("weight-confusion".into()),
                why_en: None,
            },
            Choice {
                id: "x2".into(),
                text: "=right? no, ~wrong".into(),
                why: Some("####not general feedback".into()),
                misconception: None,
                why_en: None,
            },
            Choice {
                id: "ok".into(),
                text: format!("the right one {all}"),
                why: None,
                misconception: None,
                why_en: None,
            },
            Choice {
                id: "x4".into(),
                text: "C:\\path\\n (not a newline)".into(),
                why: Some("#".into()),
                misconception: Some("x".into()),
                why_en: None,
            },
        ],
        answer: Answer::One("ok".into()),
        tolerance: None,
        unit: None,
        explanation: format!("general {all}\n"),
        prompt_en: Some(format!("English {all}")),
        choices_en: Some(vec!["a".into(), "b:".into(), "c{".into(), "d}".into()]),
        explanation_en: Some("x\ny".into()),
        refs: Vec::new(),
    }
}

fn numeric() -> Question {
    Question {
        id: "num-1".into(),
        lesson: "lesson-b".into(),
        kind: Kind::Numeric,
        difficulty: 2,
        domains: vec!["dva.development".into()],
        tags: vec![],
        prompt: "RCU는 몇 개입니까? (4KB = 1 RCU)".into(),
        choices: vec![],
        answer: Answer::Number(5.5),
        tolerance: Some(0.25),
        unit: Some("RCU".into()),
        explanation: String::new(),
        prompt_en: None,
        choices_en: None,
        explanation_en: None,
        refs: Vec::new(),
    }
}

fn multiple() -> Question {
    let choice = |id: &str, why: Option<&str>| Choice {
        id: id.into(),
        text: format!("보기 {id}"),
        why: why.map(Into::into),
        misconception: why.map(|_| "m".into()),
        why_en: None,
    };
    Question {
        id: "multi-1".into(),
        lesson: "lesson-b".into(),
        kind: Kind::Multiple,
        difficulty: 1,
        domains: vec!["saa.cost".into()],
        tags: vec!["s3".into()],
        prompt: "두 개를 고르십시오.".into(),
        choices: vec![
            choice("a", None),
            choice("b", Some("틀림 b")),
            choice("c", None),
            choice("d", Some("틀림 d")),
            choice("e", Some("틀림 e")),
        ],
        answer: Answer::Many(vec!["a".into(), "c".into()]),
        tolerance: None,
        unit: None,
        explanation: "해설".into(),
        prompt_en: None,
        choices_en: None,
        explanation_en: None,
        refs: Vec::new(),
    }
}

#[test]
fn every_special_character_is_escaped_and_comes_back() {
    let qs = vec![tricky(), numeric(), multiple()];
    let gift = export_gift(&qs);
    for escaped in [r"\~", r"\=", r"\#", r"\{", r"\}", r"\:", r"\\", r"\n"] {
        assert!(gift.contains(escaped), "{escaped} missing in\n{gift}");
    }
    check_gift(&gift).unwrap_or_else(|e| panic!("{e}\n{gift}"));
    let back = import_gift(&gift, &defaults()).unwrap();
    assert_eq!(back, qs);
}

#[test]
fn exported_questions_look_like_moodles_own() {
    let gift = export_gift(&[multiple(), numeric()]);
    assert!(gift.contains("$CATEGORY: gureum/lesson-b\n"), "{gift}");
    assert!(gift.contains("::multi-1::[markdown]두 개를 고르십시오.{\n"));
    assert!(gift.contains("\t~%50%보기 a\n"));
    assert!(gift.contains("\t~%-100%보기 b#틀림 b\n"));
    assert!(gift.contains("\t####해설\n}\n"));
    assert!(gift.contains("// [id:multi-1] [tag:s3]\n"));
    assert!(gift.contains("{#5.5:0.25\n}"), "{gift}");
    // Questions are separated by blank lines.
    assert!(gift.contains("}\n\n// [id:num-1]"));
}

#[test]
fn a_moodle_style_file_imports_with_generated_ids_and_the_default_lesson() {
    let text = include_str!("fixtures/interchange/moodle.gift");
    let qs = import_gift(text, &defaults()).unwrap();
    assert_eq!(qs.len(), 4);
    for q in &qs {
        assert_eq!(q.lesson, "imported-lesson");
        assert_eq!(q.domains, vec!["saa.secure".to_owned()]);
        assert_eq!(q.difficulty, 2);
    }

    let s3 = &qs[0];
    assert_eq!(s3.id, "s3-durability");
    assert_eq!(s3.kind, Kind::Single);
    assert_eq!(s3.tags, vec!["s3".to_owned(), "storage".to_owned()]);
    assert_eq!(s3.prompt, "Amazon S3 Standard의 설계 내구성은 얼마입니까?");
    assert_eq!(s3.answer, Answer::One("a".into()));
    let texts: Vec<&str> = s3.choices.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["99.999999999%(11 9's)", "99.99%", "100%", "99.9%"]);
    assert_eq!(s3.choices[0].why.as_deref(), Some("맞습니다."));
    assert_eq!(
        s3.choices[1].why.as_deref(),
        Some("이것은 가용성 설계 목표입니다.")
    );
    assert_eq!(s3.choices[2].why, None);
    assert_eq!(s3.explanation, "S3는 객체를 여러 AZ에 중복 저장합니다.");

    let lambda = &qs[1];
    assert_eq!(lambda.id, "lambda-timeout");
    assert_eq!(lambda.kind, Kind::Numeric);
    assert_eq!(lambda.answer, Answer::Number(900.0));
    assert_eq!(lambda.tolerance, Some(0.0));

    let two = &qs[2];
    assert_eq!(two.id, "imported-3");
    assert_eq!(two.kind, Kind::Multiple);
    assert_eq!(two.answer, Answer::Many(vec!["a".into(), "b".into()]));
    assert_eq!(two.choices.len(), 4);
    assert_eq!(
        two.choices[2].why.as_deref(),
        Some("You manage the instances.")
    );

    let ports = &qs[3];
    assert_eq!(ports.id, "ports");
    assert_eq!(
        ports.prompt,
        "HTTPS uses port 443: which {protocol}\ncarries it?"
    );
    assert_eq!(ports.answer, Answer::One("a".into()));
    assert_eq!(ports.choices[2].text, "ICMP");
}

#[test]
fn unsupported_and_broken_questions_name_their_line() {
    let cases: [(&str, usize, ImportErrorKind); 7] = [
        (
            "// c\n\n\nIs S3 global?{T}\n",
            4,
            ImportErrorKind::Unsupported("true/false"),
        ),
        (
            "Q1 {=a ~b}\n\nName it.{=EC2 =Elastic Compute Cloud}\n",
            3,
            ImportErrorKind::Unsupported("short answer"),
        ),
        ("Q {\n=a ~b\n", 1, ImportErrorKind::UnbalancedBraces),
        (
            "Q {=a ~b}\n\n\nQ2 {~a ~b}\n",
            4,
            ImportErrorKind::NoCorrectAnswer,
        ),
        ("Q {=a =b ~c}\n", 1, ImportErrorKind::AmbiguousKey),
        ("Q\n{#abc}\n", 2, ImportErrorKind::BadNumber("abc".into())),
        (
            "// gureum: {not json\nQ {=a ~b}\n",
            1,
            ImportErrorKind::BadMeta(String::new()),
        ),
    ];
    for (text, line, kind) in cases {
        let err = import_gift(text, &defaults()).expect_err(text);
        assert_eq!(err.line, line, "{text:?}: {err}");
        match (&err.kind, &kind) {
            (ImportErrorKind::BadMeta(_), ImportErrorKind::BadMeta(_)) => {}
            _ => assert_eq!(err.kind, kind, "{text:?}"),
        }
        assert!(err.to_string().starts_with(&format!("line {line}: ")));
        assert!(err.message_ko().starts_with(&format!("{line}번째 줄: ")));
    }
}

// ---------------------------------------------------------------------------------------------
// An independent structural check of GIFT output, written from the GIFT documentation rather
// than from our importer: blocks separated by blank lines, `//` comments, `$CATEGORY:` lines,
// `::title::`, one `{...}` answer block at the end, every special character outside its
// syntactic role escaped, exactly one `=` for a single-answer question, and `%` weights in
// Moodle's syntax with the right answers summing to 100 and the wrong ones at most 0.

/// The kind of every question block, or what is wrong.
fn check_gift(text: &str) -> Result<Vec<Kind>, String> {
    let mut kinds = Vec::new();
    for block in text.split("\n\n") {
        let body: Vec<&str> = block
            .lines()
            .filter(|l| !l.trim().starts_with("//"))
            .collect();
        if body.iter().any(|l| l.trim().is_empty()) {
            return Err(format!("blank line inside a block: {block}"));
        }
        let body = body.join("\n");
        if body.is_empty() || body.starts_with("$CATEGORY: ") && !body.contains('\n') {
            continue;
        }
        kinds.push(check_question(&body).map_err(|e| format!("{e} in\n{body}"))?);
    }
    Ok(kinds)
}

/// (char, escaped) pairs; a backslash escapes the next character.
fn chars(s: &str) -> Vec<(char, bool)> {
    let mut out = Vec::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            let next = it.next().ok_or("trailing backslash").unwrap();
            assert!(
                "~=#{}:\\n".contains(next),
                "backslash before `{next}` is not a GIFT escape"
            );
            out.push((next, true));
        } else {
            out.push((c, false));
        }
    }
    out
}

fn check_question(body: &str) -> Result<Kind, String> {
    let cs = chars(body);
    let raw = |c: char| cs.iter().filter(|&&(x, e)| x == c && !e).count();
    if raw('{') != 1 || raw('}') != 1 {
        return Err("not exactly one unescaped { and }".into());
    }
    let open = cs.iter().position(|&(c, e)| c == '{' && !e).unwrap();
    let close = cs.iter().position(|&(c, e)| c == '}' && !e).unwrap();
    if open > close || cs[close + 1..].iter().any(|(c, _)| !c.is_whitespace()) {
        return Err("the answer block must close the question".into());
    }
    // Before the block: `::title::text`, no other unescaped special character, no raw newline
    // in the title or text line.
    let head = &cs[..open];
    if !(head.len() > 4 && head[0] == (':', false) && head[1] == (':', false)) {
        return Err("no ::title::".into());
    }
    let colons: Vec<usize> = (0..head.len())
        .filter(|&i| head[i] == (':', false))
        .collect();
    if colons.len() != 4 || colons[2] + 1 != colons[3] {
        return Err(format!("stray unescaped `:` in title or text: {colons:?}"));
    }
    if head.iter().any(|&(c, e)| !e && "~=#".contains(c)) {
        return Err("unescaped ~ = # in the question text".into());
    }
    if head.iter().any(|&(c, e)| c == '\n' && !e) {
        return Err("raw line break in the question text".into());
    }
    let inner: Vec<(char, bool)> = cs[open + 1..close].to_vec();
    let inner_text: String = inner
        .iter()
        .map(|&(c, e)| if e { '\u{0}' } else { c })
        .collect();
    // General feedback: after the last unescaped ####.
    let answers_part = match inner_text.rsplit_once("####") {
        Some((answers, feedback)) => {
            if feedback.chars().any(|c| "~=#{}:".contains(c)) {
                return Err("unescaped special in general feedback".into());
            }
            answers.to_owned()
        }
        None => inner_text,
    };
    let answers_part = answers_part.trim();
    if let Some(num) = answers_part.strip_prefix('#') {
        let (v, t) = num.split_once(':').unwrap_or((num, "0"));
        v.trim()
            .parse::<f64>()
            .map_err(|_| format!("bad number {v}"))?;
        t.trim()
            .parse::<f64>()
            .map_err(|_| format!("bad tolerance {t}"))?;
        return Ok(Kind::Numeric);
    }
    // Split into answers at unescaped ~ and = (escaped ones were replaced by NUL above).
    let mut answers: Vec<(char, String)> = Vec::new();
    for c in answers_part.chars() {
        match c {
            '~' | '=' => answers.push((c, String::new())),
            _ => match answers.last_mut() {
                Some((_, s)) => s.push(c),
                None if c.is_whitespace() => {}
                None => return Err("text before the first answer".into()),
            },
        }
    }
    if answers.len() < 2 {
        return Err("fewer than two answers".into());
    }
    for (_, a) in &answers {
        if a.matches('#').count() > 1 || a.contains(['{', '}', ':']) {
            return Err(format!("unescaped special in answer `{a}`"));
        }
    }
    let equals = answers.iter().filter(|(m, _)| *m == '=').count();
    if equals == 1 {
        return Ok(Kind::Single);
    }
    if equals > 1 {
        return Err("several = answers".into());
    }
    let mut right = 0.0;
    for (_, a) in &answers {
        let a = a.trim();
        let w = a
            .strip_prefix('%')
            .and_then(|r| r.split_once('%'))
            .map(|(w, _)| w)
            .ok_or(format!("multiple-answer choice without a weight: `{a}`"))?;
        // Moodle's weight syntax: %-*[0-9]{1,2}\.?[0-9]*%
        let digits = w.trim_start_matches('-');
        let int_len = digits.find('.').unwrap_or(digits.len());
        if !(1..=3).contains(&int_len)
            || !digits.replace('.', "").chars().all(|c| c.is_ascii_digit())
        {
            return Err(format!("bad weight `{w}`"));
        }
        let w: f64 = w.parse().map_err(|_| format!("bad weight `{w}`"))?;
        if w > 0.0 {
            right += w;
        }
    }
    if (right - 100.0).abs() > 0.01 {
        return Err(format!("right answers weigh {right}, not 100"));
    }
    Ok(Kind::Multiple)
}

// Issue 12: AWS references and English travel with a question where the format allows.
#[test]
fn refs_and_english_why_survive_a_gift_round_trip_and_show_in_the_feedback() {
    let mut q = tricky();
    q.refs = vec![
        "https://docs.aws.amazon.com/IAM/latest/UserGuide/access.html".into(),
        "https://aws.amazon.com/iam/faqs/?a=b#c".into(),
    ];
    q.choices[0].why_en = Some("English why {#}".into());
    let mut no_explanation = numeric();
    no_explanation.explanation = String::new();
    no_explanation.refs = vec!["https://docs.aws.amazon.com/x.html".into()];
    let qs = vec![q, no_explanation];
    let gift = export_gift(&qs);
    assert!(
        gift.contains("참고 문서\\: https\\://docs.aws.amazon.com/IAM"),
        "{gift}"
    );
    check_gift(&gift).unwrap_or_else(|e| panic!("{e}\n{gift}"));
    let back = import_gift(&gift, &defaults()).unwrap();
    assert_eq!(back, qs);
}
