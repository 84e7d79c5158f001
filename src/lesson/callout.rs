//! "Notes vs now" callouts: where a note states a figure that has since changed, the lesson shows
//! the current fact right after the block that states the old one. The note's text is never
//! edited; callouts live in `callouts.toml` at the content root so teachers can add their own.
//!
//! A callout is injected into the markdown as a block quote placed after the top-level block
//! (paragraph, list, table, ...) that contains its anchor text, so it renders like any other
//! quote and wraps at any width.

use std::borrow::Cow;
use std::fmt::Write as _;

use pulldown_cmark::{Event, Options, Parser};
use serde::Deserialize;

use super::problem::ProblemKind;

/// The callouts file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalloutFile {
    /// Every callout.
    #[serde(default)]
    pub callout: Vec<Callout>,
}

/// One callout.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Callout {
    /// Id of the lesson it belongs to.
    pub lesson: String,
    /// Exact text in the lesson's markdown that states the old figure (unique in the lesson).
    pub anchor: String,
    /// What is true now (Korean).
    pub now: String,
    /// What is true now, in English (optional).
    #[serde(default)]
    pub now_en: Option<String>,
    /// When it changed (`YYYY-MM` or `YYYY-MM-DD`); absent when the note was simply inaccurate.
    #[serde(default)]
    pub changed: Option<String>,
    /// Where AWS documents the current fact.
    pub source: String,
}

/// Labels for the injected text, in the UI language.
#[derive(Debug, Clone, Copy)]
pub struct CalloutLabels {
    /// Heading of a callout about a change, e.g. "노트 이후 바뀐 점".
    pub title: &'static str,
    /// Heading of a callout correcting the note (no change date), e.g. "노트 바로잡기".
    pub correction: &'static str,
    /// Word before the date, e.g. "변경".
    pub changed: &'static str,
    /// Link text of the source, e.g. "출처".
    pub source: &'static str,
    /// Use `now_en` when present.
    pub english: bool,
}

/// Why a callout does not fit its lesson, if it does not.
pub fn anchor_problem(markdown: &str, callout: &Callout) -> Option<ProblemKind> {
    let (anchor, lesson) = (callout.anchor.clone(), callout.lesson.clone());
    if callout.anchor.trim().is_empty() {
        return Some(ProblemKind::CalloutAnchorMissing { anchor, lesson });
    }
    match markdown.matches(callout.anchor.as_str()).count() {
        0 => Some(ProblemKind::CalloutAnchorMissing { anchor, lesson }),
        1 => None,
        count => Some(ProblemKind::CalloutAnchorRepeated {
            anchor,
            lesson,
            count,
        }),
    }
}

/// The lesson markdown with each callout's quote inserted after the block holding its anchor.
pub fn inject<'a>(markdown: &'a str, callouts: &[&Callout], labels: CalloutLabels) -> Cow<'a, str> {
    let mut inserts: Vec<(usize, String)> = callouts
        .iter()
        .filter_map(|c| {
            let at = markdown.find(c.anchor.as_str())?;
            Some((block_end(markdown, at), quote(c, labels)))
        })
        .collect();
    if inserts.is_empty() {
        return Cow::Borrowed(markdown);
    }
    // Stable sort keeps the file's order for callouts after the same block.
    inserts.sort_by_key(|(at, _)| *at);
    let mut out =
        String::with_capacity(markdown.len() + inserts.iter().map(|(_, q)| q.len()).sum::<usize>());
    let mut from = 0;
    for (at, text) in inserts {
        out.push_str(markdown.get(from..at).unwrap_or(""));
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&text);
        out.push('\n');
        from = at;
    }
    out.push_str(markdown.get(from..).unwrap_or(""));
    Cow::Owned(out)
}

/// The byte offset just past the top-level block that contains `offset`.
fn block_end(markdown: &str, offset: usize) -> usize {
    let mut depth = 0usize;
    let mut start = 0;
    for (event, range) in Parser::new_ext(markdown, Options::all()).into_offset_iter() {
        match event {
            Event::Start(_) => {
                if depth == 0 {
                    start = range.start;
                }
                depth += 1;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 && (start..range.end).contains(&offset) {
                    return range.end;
                }
            }
            _ if depth == 0 && range.contains(&offset) => return range.end,
            _ => {}
        }
    }
    markdown.len()
}

fn quote(c: &Callout, labels: CalloutLabels) -> String {
    let now = if labels.english {
        c.now_en.as_deref().unwrap_or(&c.now)
    } else {
        &c.now
    };
    let title = if c.changed.is_some() {
        labels.title
    } else {
        labels.correction
    };
    let mut s = format!("> **{title}");
    if let Some(date) = &c.changed {
        let _ = write!(s, " ({} {date})", labels.changed);
    }
    let _ = write!(s, "** {} [{}]({})", one_line(now), labels.source, c.source);
    s.push('\n');
    s
}

/// Keeps a callout inside its quote: newlines would end the block quote early.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn callout(anchor: &str) -> Callout {
        Callout {
            lesson: "l".into(),
            anchor: anchor.into(),
            now: "지금은 10 GB예요.".into(),
            now_en: None,
            changed: Some("2020-12".into()),
            source: "https://docs.aws.amazon.com/x".into(),
        }
    }

    const LABELS: CalloutLabels = CalloutLabels {
        title: "노트 이후 바뀐 점",
        correction: "노트 바로잡기",
        changed: "변경",
        source: "출처",
        english: false,
    };

    #[test]
    fn callout_goes_after_the_whole_list_containing_the_anchor() {
        let md = "# 제한\n\n- 메모리 최대 3GB\n- 15분\n\n다음 문단\n";
        let c = callout("최대 3GB");
        let out = inject(md, &[&c], LABELS);
        let list_end = out.find("- 15분\n").unwrap() + "- 15분\n".len();
        let quote_at = out
            .find("> **노트 이후 바뀐 점 (변경 2020-12)** 지금은 10 GB예요.")
            .unwrap();
        assert!(quote_at > list_end, "{out}");
        assert!(quote_at < out.find("다음 문단").unwrap(), "{out}");
        // The original text is all still there, in order.
        assert!(out.starts_with("# 제한\n\n- 메모리 최대 3GB\n- 15분\n"));
    }

    #[test]
    fn missing_or_repeated_anchors_are_problems() {
        assert!(anchor_problem("abc", &callout("zzz")).is_some());
        assert!(matches!(
            anchor_problem("3GB and 3GB", &callout("3GB")),
            Some(ProblemKind::CalloutAnchorRepeated { count: 2, .. })
        ));
        assert!(anchor_problem("only 3GB here", &callout("3GB")).is_none());
    }

    #[test]
    fn no_callouts_borrow_the_input() {
        assert!(matches!(inject("text", &[], LABELS), Cow::Borrowed(_)));
    }
}
