//! Moodle GIFT, both ways.
//!
//! # What we write
//!
//! ```text
//! // [id:rds-read-replica-max] [tag:rds] [tag:read-replica]
//! // gureum: {"lesson":"udemy-rds#read-scalability","difficulty":1,"domains":["saa.performance"],...}
//! ::rds-read-replica-max::[markdown]원본 하나에 만들 수 있는 복제본은 최대 몇 개입니까?\n{
//!     ~2개#어떤 엔진의 한도와도 맞지 않습니다.
//!     =15개
//!     ####2022년 10월부터 15개입니다.\n
//! }
//! ```
//!
//! (Answer lines are indented with a tab.) One question per block, blocks separated by a blank line, as GIFT requires. The title is
//! the question id. Text is markdown (`[markdown]` on the question text; Moodle gives answers
//! and feedback the question's format). Every GIFT special character (`~ = # { } :`) and the
//! backslash itself are escaped with a backslash, and line breaks are written as `\n`, so a
//! question is always one logical line: a blank line inside a markdown prompt would otherwise
//! end the question, and Moodle trims the indentation of continuation lines.
//!
//! A `single` question has one `=` answer and `~` wrong ones. A `multiple` question gives each
//! right answer an equal share of 100 % (`~%50%`) and each wrong one `~%-100%`, which is
//! Moodle's documented pattern and comes closest to gureum's all-or-nothing grading: any wrong
//! pick brings the score to zero. A `numeric` question is `{#value:tolerance}` (`:tolerance`
//! only when the question has one). A choice's `why` becomes its feedback (`#...`) and the
//! explanation the general feedback (`####...`).
//!
//! What GIFT cannot say rides in the `// gureum: {json}` comment right above the question:
//! lesson, difficulty, domains, tags, choice ids and misconception tags, unit and the English
//! fields. A `// [id:...] [tag:...]` comment gives Moodle the id number and tags it reads from
//! comments. Questions are grouped under `$CATEGORY: gureum/<lesson id>` lines whenever the
//! lesson changes, so Moodle files them by lesson.
//!
//! # What we read
//!
//! Any GIFT with multiple-choice (one `=` or `%` weights) and numerical questions, the two
//! kinds gureum has. Questions without a gureum comment get their id from Moodle's
//! `[id:...]` comment, else from the title, else a generated one, and their lesson, domains and
//! difficulty from [`Defaults`]. True/false, short answer, matching, essay and description
//! questions are refused with their line number rather than silently changed into something
//! else.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{Defaults, ImportError, ImportErrorKind, choice_id};
use crate::quiz::format::{Answer, Choice, Kind, Question};

/// Prefix of the comment that carries what GIFT cannot express.
const META_PREFIX: &str = "// gureum:";

/// Everything about a question that GIFT has no syntax for.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Meta {
    /// Lesson id with optional anchor.
    lesson: String,
    /// 1-3.
    difficulty: u8,
    /// Exam domain ids.
    domains: Vec<String>,
    /// Topic tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tags: Vec<String>,
    /// Choice ids and misconception tags, in answer order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    choices: Vec<MetaChoice>,
    /// Unit of a numeric answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    /// English prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prompt_en: Option<String>,
    /// English choices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choices_en: Option<Vec<String>>,
    /// English explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    explanation_en: Option<String>,
    /// AWS documentation pages the key depends on (also shown in the general feedback).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    refs: Vec<String>,
}

/// A choice's id and misconception tag.
#[derive(Debug, Serialize, Deserialize)]
struct MetaChoice {
    /// Choice id.
    id: String,
    /// Misconception tag.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    misconception: Option<String>,
    /// English `why`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    why_en: Option<String>,
}

/// Writes `questions` as a GIFT file (see the module docs for the layout).
pub fn export_gift(questions: &[Question]) -> String {
    let mut out = String::from(HEADER);
    let mut category: Option<&str> = None;
    for q in questions {
        if category != Some(q.lesson_id()) {
            category = Some(q.lesson_id());
            out.push_str("\n$CATEGORY: gureum/");
            out.push_str(q.lesson_id());
            out.push('\n');
        }
        out.push('\n');
        write_question(&mut out, q);
    }
    out
}

fn write_question(out: &mut String, q: &Question) {
    // Moodle's own comment conventions first, so its `[id:` search finds ours.
    out.push_str("// [id:");
    out.push_str(&q.id.replace(']', "\\]"));
    out.push(']');
    for tag in q.tags.iter().filter(|t| !t.contains(']')) {
        out.push_str(" [tag:");
        out.push_str(tag);
        out.push(']');
    }
    out.push('\n');
    let meta = Meta {
        lesson: q.lesson.clone(),
        difficulty: q.difficulty,
        domains: q.domains.clone(),
        tags: q.tags.clone(),
        choices: q
            .choices
            .iter()
            .map(|c| MetaChoice {
                id: c.id.clone(),
                misconception: c.misconception.clone(),
                why_en: c.why_en.clone(),
            })
            .collect(),
        unit: q.unit.clone(),
        prompt_en: q.prompt_en.clone(),
        choices_en: q.choices_en.clone(),
        explanation_en: q.explanation_en.clone(),
        refs: q.refs.clone(),
    };
    out.push_str(META_PREFIX);
    out.push(' ');
    // A struct of strings and numbers always serialises.
    out.push_str(&serde_json::to_string(&meta).unwrap_or_default());
    out.push('\n');

    out.push_str("::");
    out.push_str(&escape(&q.id));
    out.push_str("::[markdown]");
    out.push_str(&escape(&q.prompt));
    match &q.answer {
        Answer::Number(value) => {
            out.push_str("{#");
            out.push_str(&value.to_string());
            if let Some(t) = q.tolerance {
                out.push(':');
                out.push_str(&t.to_string());
            }
            out.push('\n');
        }
        Answer::One(_) | Answer::Many(_) => {
            out.push_str("{\n");
            let right = q.correct_ids();
            let share = weight(100.0 / right.len().max(1) as f64);
            let multiple = matches!(q.answer, Answer::Many(_));
            for c in &q.choices {
                let is_right = right.contains(&c.id.as_str());
                out.push('\t');
                let marker = match (multiple, is_right) {
                    (true, true) => format!("~%{share}%"),
                    (true, false) => "~%-100%".to_owned(),
                    (false, true) => "=".to_owned(),
                    // A text starting with `%` would read as a weight; an explicit 0 keeps it text.
                    (false, false) if c.text.starts_with('%') => "~%0%".to_owned(),
                    (false, false) => "~".to_owned(),
                };
                out.push_str(&marker);
                out.push_str(&escape(&c.text));
                if let Some(why) = &c.why {
                    out.push('#');
                    out.push_str(&escape(why));
                }
                out.push('\n');
            }
        }
    }
    let feedback = general_feedback(q);
    if !feedback.is_empty() {
        out.push_str("\t####");
        out.push_str(&escape(&feedback));
        out.push('\n');
    }
    out.push_str("}\n");
}

/// Label of the references appended to the general feedback.
const REFS_LABEL: &str = "참고 문서: ";

/// The references block appended to the general feedback (empty without refs).
fn refs_block(refs: &[String]) -> String {
    if refs.is_empty() {
        String::new()
    } else {
        format!("\n\n{REFS_LABEL}{}", refs.join(" "))
    }
}

/// The explanation, then the references (Moodle shows the general feedback after an attempt).
fn general_feedback(q: &Question) -> String {
    let block = refs_block(&q.refs);
    if q.explanation.is_empty() {
        block.trim_start().to_owned()
    } else {
        format!("{}{block}", q.explanation)
    }
}

/// A weight in percent as GIFT writes it: whole numbers bare, others to Moodle's 5 decimals.
fn weight(w: f64) -> String {
    if w.fract() == 0.0 {
        format!("{w:.0}")
    } else {
        format!("{w:.5}")
    }
}

/// `text` with GIFT's special characters and the backslash escaped, line breaks as `\n`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            // A bare CR cannot be written in GIFT (Moodle drops it too).
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// One character of a question block, remembering whether it was escaped and its line.
#[derive(Debug, Clone, Copy)]
struct Tok {
    c: char,
    esc: bool,
    line: usize,
}

impl Tok {
    fn is(self, c: char) -> bool {
        !self.esc && self.c == c
    }
}

/// Reads a GIFT file; `defaults` fills what a question without a gureum comment lacks.
pub fn import_gift(text: &str, defaults: &Defaults) -> Result<Vec<Question>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut questions = Vec::new();
    let mut ids = HashSet::new();
    let mut block: Vec<(usize, &str)> = Vec::new();
    let lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    for (i, line) in lines.enumerate() {
        if line.trim().is_empty() {
            if let Some(q) = read_block(&block, defaults, questions.len() + 1, &mut ids)? {
                questions.push(q);
            }
            block.clear();
        } else {
            block.push((i + 1, line));
        }
    }
    if let Some(q) = read_block(&block, defaults, questions.len() + 1, &mut ids)? {
        questions.push(q);
    }
    Ok(questions)
}

/// Reads one blank-line-separated block: `None` for comments only or a category line.
fn read_block(
    block: &[(usize, &str)],
    defaults: &Defaults,
    n: usize,
    ids: &mut HashSet<String>,
) -> Result<Option<Question>, ImportError> {
    let mut meta: Option<Meta> = None;
    let mut moodle_id: Option<String> = None;
    let mut moodle_tags: Vec<String> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    for &(line, raw) in block {
        let trimmed = raw.trim();
        if let Some(json) = trimmed.strip_prefix(META_PREFIX) {
            let parsed = serde_json::from_str(json.trim()).map_err(|e| ImportError {
                line,
                kind: ImportErrorKind::BadMeta(e.to_string()),
            })?;
            meta = Some(parsed);
        } else if trimmed.starts_with("//") {
            read_moodle_comment(trimmed, &mut moodle_id, &mut moodle_tags);
        } else {
            if !toks.is_empty() {
                toks.push(Tok {
                    c: '\n',
                    esc: false,
                    line,
                });
            }
            lex(trimmed, line, &mut toks);
        }
    }
    let Some(first) = toks.first() else {
        return Ok(None);
    };
    let start_line = first.line;
    if starts_with(&toks, "$CATEGORY:") {
        return Ok(None);
    }
    let err = |line: usize, kind: ImportErrorKind| ImportError { line, kind };

    // Title.
    let mut rest: &[Tok] = &toks;
    let mut title = None;
    if starts_with(rest, "::") {
        let after = rest.get(2..).unwrap_or_default();
        if let Some(end) = (0..after.len()).find(|&i| starts_with(&after[i..], "::")) {
            title = Some(string(trim(&after[..end])));
            rest = trim(&after[end + 2..]);
        }
    }

    // Answer block: the first unescaped `{` and the first unescaped `}`, as Moodle reads it.
    let open = find(rest, '{');
    let close = find(rest, '}');
    let (open, close) = match (open, close) {
        (None, None) => return Err(err(start_line, ImportErrorKind::Unsupported("description"))),
        (Some(o), Some(c)) if o < c => (o, c),
        (Some(o), _) => return Err(err(rest[o].line, ImportErrorKind::UnbalancedBraces)),
        (None, Some(c)) => return Err(err(rest[c].line, ImportErrorKind::UnbalancedBraces)),
    };
    let after_block = trim(&rest[close + 1..]);
    if find(after_block, '{').is_some() || find(after_block, '}').is_some() {
        let at = after_block.first().map_or(start_line, |t| t.line);
        return Err(err(
            at,
            ImportErrorKind::Unsupported("several answer blocks"),
        ));
    }
    let mut prompt_toks: Vec<Tok> = trim(&rest[..open]).to_vec();
    if !after_block.is_empty() {
        // Missing-word format: the blank goes where the answers were.
        prompt_toks.extend("_____".chars().map(|c| Tok {
            c,
            esc: true,
            line: start_line,
        }));
        prompt_toks.extend_from_slice(after_block);
    }
    let prompt = string(trim(strip_format(trim(&prompt_toks))));
    let block_line = rest[open].line;
    let mut answers = trim(&rest[open + 1..close]);

    // General feedback: after the last unescaped `####`.
    let mut explanation = String::new();
    if let Some(at) = (0..answers.len())
        .rev()
        .find(|&i| starts_with(&answers[i..], "####"))
    {
        explanation = string(trim(strip_format(trim(&answers[at + 4..]))));
        answers = trim(&answers[..at]);
    }

    let (kind, answer, tolerance, parsed) = if answers.first().is_some_and(|t| t.is('#')) {
        let (value, tolerance) = read_numeric(&answers[1..], block_line)?;
        (Kind::Numeric, Answer::Number(value), tolerance, Vec::new())
    } else if find(answers, '~').is_some() {
        read_choices(answers, block_line)?
    } else if answers.is_empty() {
        return Err(err(block_line, ImportErrorKind::Unsupported("essay")));
    } else if find(answers, '=').is_some() && contains(answers, "->") {
        return Err(err(block_line, ImportErrorKind::Unsupported("matching")));
    } else {
        let key = string(trim(
            answers.split(|t| t.is('#')).next().unwrap_or_default(),
        ));
        let what = if ["T", "TRUE", "F", "FALSE"].contains(&key.as_str()) {
            "true/false"
        } else {
            "short answer"
        };
        return Err(err(block_line, ImportErrorKind::Unsupported(what)));
    };

    let (answer, choices, question_meta) = if let Some(meta) = meta {
        if !meta.choices.is_empty() && meta.choices.len() != parsed.len() {
            return Err(err(
                start_line,
                ImportErrorKind::BadMeta(format!(
                    "{} choice ids for {} answers",
                    meta.choices.len(),
                    parsed.len()
                )),
            ));
        }
        let id_of = |i: usize| {
            meta.choices
                .get(i)
                .map_or_else(|| choice_id(i), |c| c.id.clone())
        };
        let answer = match answer {
            Answer::One(i) => Answer::One(id_of(index(&i))),
            Answer::Many(v) => Answer::Many(v.iter().map(|i| id_of(index(i))).collect()),
            Answer::Number(x) => Answer::Number(x),
        };
        let choices = parsed
            .into_iter()
            .enumerate()
            .map(|(i, (text, why))| Choice {
                id: id_of(i),
                text,
                why,
                misconception: meta.choices.get(i).and_then(|c| c.misconception.clone()),
                why_en: meta.choices.get(i).and_then(|c| c.why_en.clone()),
            })
            .collect();
        let id = title.clone().filter(|t| !t.is_empty()).ok_or_else(|| {
            err(
                start_line,
                ImportErrorKind::BadMeta("a gureum question needs its id as `::title::`".into()),
            )
        })?;
        (answer, choices, Some((id, meta)))
    } else {
        let answer = match answer {
            Answer::One(i) => Answer::One(choice_id(index(&i))),
            Answer::Many(v) => Answer::Many(v.iter().map(|i| choice_id(index(i))).collect()),
            Answer::Number(x) => Answer::Number(x),
        };
        let choices = parsed
            .into_iter()
            .enumerate()
            .map(|(i, (text, why))| Choice {
                id: choice_id(i),
                text,
                why,
                misconception: None,
                why_en: None,
            })
            .collect();
        (answer, choices, None)
    };

    let question = if let Some((id, meta)) = question_meta {
        ids.insert(id.clone());
        Question {
            id,
            lesson: meta.lesson,
            kind,
            difficulty: meta.difficulty,
            domains: meta.domains,
            tags: meta.tags,
            prompt,
            choices,
            answer,
            tolerance,
            unit: meta.unit,
            // The references were appended to the general feedback on export: take them off.
            explanation: {
                let block = refs_block(&meta.refs);
                explanation
                    .strip_suffix(block.as_str())
                    .or_else(|| (explanation == block.trim_start()).then_some(""))
                    .map_or_else(|| explanation.clone(), str::to_owned)
            },
            prompt_en: meta.prompt_en,
            choices_en: meta.choices_en,
            explanation_en: meta.explanation_en,
            refs: meta.refs,
        }
    } else {
        let base = moodle_id
            .as_deref()
            .map(slug)
            .filter(|s| !s.is_empty())
            .or_else(|| title.as_deref().map(slug).filter(|s| !s.is_empty()))
            .unwrap_or_else(|| defaults.id(n));
        let id = unique(&base, ids);
        Question {
            id,
            lesson: defaults.lesson.clone(),
            kind,
            difficulty: defaults.difficulty,
            domains: defaults.domains.clone(),
            tags: moodle_tags,
            prompt,
            choices,
            answer,
            tolerance,
            unit: None,
            explanation,
            prompt_en: None,
            choices_en: None,
            explanation_en: None,
            refs: Vec::new(),
        }
    };
    Ok(Some(question))
}

/// Choice answers carry indexes as strings until ids are known.
fn index(s: &str) -> usize {
    s.parse().unwrap_or(0)
}

/// Parsed choices: kind, key (as answer indexes), no tolerance, and (text, feedback) pairs.
type ChoiceParse = (Kind, Answer, Option<f64>, Vec<(String, Option<String>)>);

fn read_choices(answers: &[Tok], block_line: usize) -> Result<ChoiceParse, ImportError> {
    // Split at every unescaped `~` or `=`; each starts an answer.
    let mut parts: Vec<(char, &[Tok])> = Vec::new();
    let mut start: Option<(char, usize)> = None;
    for (i, t) in answers.iter().enumerate() {
        if t.is('~') || t.is('=') {
            if let Some((m, s)) = start {
                parts.push((m, &answers[s..i]));
            }
            start = Some((t.c, i + 1));
        } else if start.is_none() && (t.esc || !t.c.is_whitespace()) {
            return Err(ImportError {
                line: t.line,
                kind: ImportErrorKind::UnexpectedLine(string(trim(answers))),
            });
        }
    }
    if let Some((m, s)) = start {
        parts.push((m, &answers[s..]));
    }
    if parts.len() < 2 {
        return Err(ImportError {
            line: block_line,
            kind: ImportErrorKind::TooFewChoices,
        });
    }
    let mut equals = Vec::new();
    let mut weighted = Vec::new();
    let mut choices = Vec::new();
    for (i, (marker, body)) in parts.into_iter().enumerate() {
        let mut body = trim(body);
        if marker == '=' {
            equals.push(i);
        } else if body.first().is_some_and(|t| t.is('%'))
            && let Some(end) = find(&body[1..], '%')
            && let Ok(w) = string(&body[1..=end]).trim().parse::<f64>()
        {
            if w > 0.0 {
                weighted.push(i);
            }
            body = trim(&body[end + 2..]);
        }
        let (text, why) = match find(body, '#') {
            Some(at) => {
                let why = string(trim(&body[at + 1..]));
                (string(trim(&body[..at])), (!why.is_empty()).then_some(why))
            }
            None => (string(body), None),
        };
        choices.push((text, why));
    }
    let (kind, answer) = match (equals.as_slice(), weighted.is_empty()) {
        ([one], true) => (Kind::Single, Answer::One(one.to_string())),
        ([], false) => (
            Kind::Multiple,
            Answer::Many(weighted.iter().map(ToString::to_string).collect()),
        ),
        ([], true) => {
            return Err(ImportError {
                line: block_line,
                kind: ImportErrorKind::NoCorrectAnswer,
            });
        }
        _ => {
            return Err(ImportError {
                line: block_line,
                kind: ImportErrorKind::AmbiguousKey,
            });
        }
    };
    Ok((kind, answer, None, choices))
}

/// Reads `value`, `value:tolerance` or `min..max` after the `#` of a numerical question.
fn read_numeric(toks: &[Tok], block_line: usize) -> Result<(f64, Option<f64>), ImportError> {
    // Wrong-answer feedback (`~...`) and feedback (`#...`) do not fit gureum; alternative
    // answers (`=...`) neither: the first full answer is the key.
    let toks = toks.split(|t| t.is('~')).next().unwrap_or_default();
    let part = toks
        .split(|t| t.is('='))
        .map(trim)
        .find(|p| !p.is_empty())
        .unwrap_or_default();
    let part = part.split(|t| t.is('#')).next().unwrap_or_default();
    let mut s = string(trim(part));
    if let Some(rest) = s.strip_prefix('%')
        && let Some((_, after)) = rest.split_once('%')
    {
        s = after.trim().to_owned();
    }
    let line = part.first().map_or(block_line, |t| t.line);
    let num = |x: &str| {
        x.trim().parse::<f64>().map_err(|_| ImportError {
            line,
            kind: ImportErrorKind::BadNumber(s.clone()),
        })
    };
    if let Some((min, max)) = s.split_once("..") {
        let (min, max) = (num(min)?, num(max)?);
        let value = f64::midpoint(min, max);
        return Ok((value, Some(max - value)));
    }
    match s.split_once(':') {
        Some((v, t)) => Ok((num(v)?, Some(num(t)?))),
        None => Ok((num(&s)?, None)),
    }
}

/// Reads Moodle's `[id:...]` and `[tag:...]` from a comment line.
fn read_moodle_comment(line: &str, id: &mut Option<String>, tags: &mut Vec<String>) {
    let mut rest = line;
    while let Some(at) = rest.find('[') {
        rest = rest.get(at + 1..).unwrap_or_default();
        let Some(end) = rest.find(']') else { break };
        let inner = rest.get(..end).unwrap_or_default();
        if let Some(v) = inner.strip_prefix("id:") {
            id.get_or_insert_with(|| v.trim().to_owned());
        } else if let Some(v) = inner.strip_prefix("tag:") {
            tags.push(v.trim().to_owned());
        }
        rest = rest.get(end + 1..).unwrap_or_default();
    }
}

/// Splits one (trimmed) line into characters, resolving GIFT escapes.
fn lex(line_text: &str, line: usize, out: &mut Vec<Tok>) {
    let mut chars = line_text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(Tok {
                c,
                esc: false,
                line,
            });
            continue;
        }
        match chars.peek().copied() {
            Some(n @ ('\\' | '~' | '=' | '#' | '{' | '}' | ':')) => {
                chars.next();
                out.push(Tok {
                    c: n,
                    esc: true,
                    line,
                });
            }
            Some('n') => {
                chars.next();
                out.push(Tok {
                    c: '\n',
                    esc: true,
                    line,
                });
            }
            // Any other backslash is literal text, as in Moodle.
            _ => out.push(Tok {
                c: '\\',
                esc: true,
                line,
            }),
        }
    }
}

fn find(toks: &[Tok], c: char) -> Option<usize> {
    toks.iter().position(|t| t.is(c))
}

fn starts_with(toks: &[Tok], s: &str) -> bool {
    let mut it = toks.iter();
    s.chars().all(|c| it.next().is_some_and(|t| t.is(c)))
}

fn contains(toks: &[Tok], s: &str) -> bool {
    (0..toks.len()).any(|i| starts_with(&toks[i..], s))
}

/// `toks` without unescaped whitespace at either end (escaped `\n` is content and stays).
fn trim(toks: &[Tok]) -> &[Tok] {
    let blank = |t: &Tok| !t.esc && t.c.is_whitespace();
    let start = toks.iter().position(|t| !blank(t)).unwrap_or(toks.len());
    let end = toks
        .iter()
        .rposition(|t| !blank(t))
        .map_or(start, |e| e + 1);
    &toks[start..end]
}

/// `toks` without a leading `[markdown]`, `[html]`, `[plain]` or `[moodle]` format tag.
fn strip_format(toks: &[Tok]) -> &[Tok] {
    for tag in ["[markdown]", "[html]", "[plain]", "[moodle]"] {
        if starts_with(toks, tag) {
            return &toks[tag.chars().count()..];
        }
    }
    toks
}

fn string(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.c).collect()
}

/// A gureum id from a Moodle name: lower-case ASCII letters and digits joined by `-`.
fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// `base`, or `base-2`, `base-3`, ... if already taken; records the result.
fn unique(base: &str, ids: &mut HashSet<String>) -> String {
    let mut id = base.to_owned();
    let mut k = 2;
    while ids.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    ids.insert(id.clone());
    id
}

/// The comment at the top of an exported file.
const HEADER: &str = "\
// gureum question bank, GIFT format (Moodle).
// Lines starting with `// gureum:` carry what GIFT cannot express (lesson, domains, tags,
// difficulty, choice ids, misconceptions, English text); other tools ignore them.
";
