//! Anki's text import format, export only.
//!
//! ```text
//! #separator:tab
//! #html:true
//! #columns:Front<TAB>Back<TAB>Tags
//! #tags column:3
//! 질문<br><br>A. 2개<br>B. 5개<TAB>정답: C. 15개<br><br>해설<TAB>saa.performance rds
//! ```
//!
//! (`<TAB>` stands for a tab character.) The header lines are those of Anki's manual ("Importing > Text Files > File Headers"); the
//! separator comes first because Anki splits `#columns` with it. Each question is one note:
//! Front is the prompt and the lettered choices, Back the answer, the explanation, the English
//! prompt and explanation when there are, and the AWS references as links, Tags the
//! exam domains and topic tags (Anki separates tags with spaces, so spaces inside a tag
//! become `_`). Fields are HTML: `& < > "` are escaped and line breaks become `<br>`, so no
//! field ever contains a quote, tab or newline and no CSV quoting is needed. Flash cards do
//! not come back as exam questions, so there is no importer.

use std::fmt::Write as _;

use super::choice_letter;
use crate::quiz::format::{Answer, Question};

/// The header lines of an export, each ending in a line break.
pub const ANKI_HEADER: &str =
    "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#tags column:3\n";

/// Writes `questions` as an Anki text-import file (Basic note type: Front, Back, Tags).
pub fn export_anki(questions: &[Question]) -> String {
    let mut out = String::from(ANKI_HEADER);
    for q in questions {
        let mut front = html(q.prompt.trim());
        let mut right = Vec::new();
        if !q.choices.is_empty() {
            front.push_str("<br>");
        }
        let keyed = q.correct_ids();
        for (i, c) in q.choices.iter().enumerate() {
            let label = choice_letter(i).map_or_else(|| (i + 1).to_string(), String::from);
            let line = format!("{label}. {}", html(c.text.trim()));
            let _ = write!(front, "<br>{line}");
            if keyed.contains(&c.id.as_str()) {
                right.push(line);
            }
        }
        let mut back = match &q.answer {
            Answer::Number(n) => {
                let unit = q.unit.as_deref().map(|u| format!(" {}", html(u)));
                format!("{ANSWER_LABEL}: {n}{}", unit.unwrap_or_default())
            }
            _ => format!("{ANSWER_LABEL}: {}", right.join("<br>")),
        };
        if !q.explanation.trim().is_empty() {
            back.push_str("<br><br>");
            back.push_str(&html(q.explanation.trim()));
        }
        // The English original, then the AWS pages the key depends on (as links).
        for en in [&q.prompt_en, &q.explanation_en].into_iter().flatten() {
            if !en.trim().is_empty() {
                back.push_str("<br><br>");
                back.push_str(&html(en.trim()));
            }
        }
        if !q.refs.is_empty() {
            let links: Vec<String> = q
                .refs
                .iter()
                // Single-quoted: a field never contains a double quote (see the module docs).
                .map(|r| {
                    format!(
                        "<a href='{}'>{}</a>",
                        html(r).replace('\'', "&#39;"),
                        html(r)
                    )
                })
                .collect();
            let _ = write!(back, "<br><br>{REFS_LABEL}: {}", links.join("<br>"));
        }
        let tags: Vec<String> = q
            .domains
            .iter()
            .chain(&q.tags)
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
            .filter(|t| !t.is_empty())
            .collect();
        out.push_str(&front);
        out.push('\t');
        out.push_str(&back);
        out.push('\t');
        out.push_str(&tags.join(" "));
        out.push('\n');
    }
    out
}

/// `text` as one line of HTML.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // A field starting with `"` would be read as a quoted CSV field.
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            '\t' => out.push_str("&#9;"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Label before the right answer on the back of a card.
const ANSWER_LABEL: &str = "정답";

/// Label before the AWS references on the back of a card.
const REFS_LABEL: &str = "참고 문서";
