//! Moodle's Aiken format, both ways.
//!
//! ```text
//! 원본 하나에 만들 수 있는 읽기 전용 복제본은 최대 몇 개입니까?
//! A. 2개
//! B. 5개
//! C. 15개
//! D. 무제한
//! ANSWER: C
//! ```
//!
//! Aiken says one thing: a question on one line, lettered choices (`A.` or `A)`), and the
//! letter of the one right answer. So only `single` questions are exported (the others are
//! counted in [`AikenExport`] so the CLI can say how many were skipped), line breaks inside a
//! prompt or choice become spaces, and ids, feedback, explanations, English text, AWS references
//! and metadata are lost (the format has no place for them: use GIFT to keep them).
//! Questions are separated by a blank line, which Moodle accepts and which keeps the file
//! readable.
//!
//! Importing gives `single` questions with choice ids `a`, `b`, ... after their letters,
//! generated question ids, and lesson, domains and difficulty from [`Defaults`]. A question
//! text may span several lines (they are joined with line breaks). A malformed question is an
//! error naming its line.

use super::{Defaults, ImportError, ImportErrorKind, choice_letter};
use crate::quiz::format::{Answer, Choice, Kind, Question};

/// The result of an Aiken export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AikenExport {
    /// The Aiken text.
    pub text: String,
    /// How many questions were exported.
    pub exported: usize,
    /// `multiple` questions left out (Aiken has one right answer).
    pub skipped_multiple: usize,
    /// `numeric` questions left out (Aiken has no numbers).
    pub skipped_numeric: usize,
}

/// Writes the `single` questions of `questions` as Aiken, counting the ones left out.
pub fn export_aiken(questions: &[Question]) -> AikenExport {
    let mut out = AikenExport {
        text: String::new(),
        exported: 0,
        skipped_multiple: 0,
        skipped_numeric: 0,
    };
    for q in questions {
        let Answer::One(right) = &q.answer else {
            if matches!(q.answer, Answer::Many(_)) {
                out.skipped_multiple += 1;
            } else {
                out.skipped_numeric += 1;
            }
            continue;
        };
        // More than 26 choices cannot be lettered; such a question is not exam-like anyway.
        let Some(right_letter) = q
            .choices
            .iter()
            .position(|c| &c.id == right)
            .and_then(choice_letter)
        else {
            out.skipped_multiple += 1;
            continue;
        };
        if q.choices.len() > 26 {
            out.skipped_multiple += 1;
            continue;
        }
        if out.exported > 0 {
            out.text.push('\n');
        }
        out.text.push_str(&one_line(&q.prompt));
        out.text.push('\n');
        for (i, c) in q.choices.iter().enumerate() {
            if let Some(letter) = choice_letter(i) {
                out.text.push(letter);
                out.text.push_str(". ");
                out.text.push_str(&one_line(&c.text));
                out.text.push('\n');
            }
        }
        out.text.push_str("ANSWER: ");
        out.text.push(right_letter);
        out.text.push('\n');
        out.exported += 1;
    }
    out
}

/// `text` on one line: trimmed lines joined by single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A question being read.
struct Pending {
    line: usize,
    text: Vec<String>,
    choices: Vec<(char, String)>,
}

/// Reads an Aiken file into `single` questions; `defaults` gives lesson, domains and ids.
pub fn import_aiken(text: &str, defaults: &Defaults) -> Result<Vec<Question>, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut questions = Vec::new();
    let mut pending: Option<Pending> = None;
    for (i, raw) in text.split('\n').enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        if let Some(key) = answer_line(trimmed) {
            let Some(p) = pending.take() else {
                return Err(ImportError {
                    line,
                    kind: ImportErrorKind::UnexpectedLine(trimmed.to_owned()),
                });
            };
            questions.push(finish(&p, key, line, defaults, questions.len() + 1)?);
            continue;
        }
        if let Some((letter, choice)) = choice_line(trimmed) {
            match &mut pending {
                Some(p) if !p.text.is_empty() => {
                    p.choices.push((letter, choice.to_owned()));
                    continue;
                }
                _ => {
                    return Err(ImportError {
                        line,
                        kind: ImportErrorKind::ChoiceBeforeQuestion,
                    });
                }
            }
        }
        match &mut pending {
            // Text after the choices means the previous question lost its ANSWER line.
            Some(p) if !p.choices.is_empty() => {
                return Err(ImportError {
                    line: p.line,
                    kind: ImportErrorKind::MissingAnswer,
                });
            }
            Some(p) => p.text.push(trimmed.to_owned()),
            None => {
                pending = Some(Pending {
                    line,
                    text: vec![trimmed.to_owned()],
                    choices: Vec::new(),
                });
            }
        }
    }
    if let Some(p) = pending {
        return Err(ImportError {
            line: p.line,
            kind: ImportErrorKind::MissingAnswer,
        });
    }
    Ok(questions)
}

/// `ANSWER: X` (Moodle also accepts no space after the colon).
fn answer_line(line: &str) -> Option<&str> {
    line.strip_prefix("ANSWER:").map(str::trim)
}

/// `A. text` or `A) text`: the letter and the text.
fn choice_line(line: &str) -> Option<(char, &str)> {
    let mut chars = line.chars();
    let letter = chars.next().filter(char::is_ascii_uppercase)?;
    chars.next().filter(|c| *c == '.' || *c == ')')?;
    let rest = chars.as_str();
    // The separator must be followed by white space, so "A.B. Smith" stays question text.
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    Some((letter, rest.trim()))
}

fn finish(
    p: &Pending,
    key: &str,
    line: usize,
    defaults: &Defaults,
    n: usize,
) -> Result<Question, ImportError> {
    if p.choices.len() < 2 {
        return Err(ImportError {
            line: p.line,
            kind: ImportErrorKind::TooFewChoices,
        });
    }
    let key_letter = key.chars().next().filter(|_| key.chars().count() == 1);
    let Some(right) = key_letter.and_then(|k| p.choices.iter().find(|(l, _)| *l == k)) else {
        return Err(ImportError {
            line,
            kind: ImportErrorKind::UnknownAnswer(key.to_owned()),
        });
    };
    let id_of = |l: char| l.to_ascii_lowercase().to_string();
    Ok(Question {
        id: defaults.id(n),
        lesson: defaults.lesson.clone(),
        kind: Kind::Single,
        difficulty: defaults.difficulty,
        domains: defaults.domains.clone(),
        tags: Vec::new(),
        prompt: p.text.join("\n"),
        answer: Answer::One(id_of(right.0)),
        choices: p
            .choices
            .iter()
            .map(|(l, text)| Choice {
                id: id_of(*l),
                text: text.clone(),
                why: None,
                misconception: None,
                why_en: None,
            })
            .collect(),
        tolerance: None,
        unit: None,
        explanation: String::new(),
        prompt_en: None,
        choices_en: None,
        explanation_en: None,
        refs: Vec::new(),
    })
}
