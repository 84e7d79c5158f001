//! A paragraph's text as one string plus style runs, ready to be wrapped and cut into spans.
//!
//! Wrapping needs the whole paragraph as plain text (a word may be half bold, half plain, and
//! must not break at the style change), while the output needs styled spans. So inline content
//! is appended to one `String`, and each append records where its style ends. After
//! [`crate::text::wrap_ranges`] has chosen the line ranges, [`Inline::spans`] cuts the runs at
//! them. Runs are sorted by end offset, so finding a line's first run is a binary search.

use std::ops::Range;

use crate::lesson::styled::{Span, Style};

/// One style over `text[previous run's end..end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    end: usize,
    style: Style,
    link: Option<usize>,
}

/// An empty buffer, for missing table cells.
pub(super) static EMPTY: Inline = Inline {
    text: String::new(),
    runs: Vec::new(),
};

/// Styled inline text being collected for one block.
#[derive(Debug, Clone, Default)]
pub(super) struct Inline {
    /// The plain text; `\n` marks a hard break.
    pub text: String,
    runs: Vec<Run>,
}

impl Inline {
    /// Appends already-sanitised text with a style.
    pub fn push(&mut self, s: &str, style: Style, link: Option<usize>) {
        if s.is_empty() {
            return;
        }
        self.text.push_str(s);
        let end = self.text.len();
        match self.runs.last_mut() {
            Some(last) if last.style == style && last.link == link => last.end = end,
            _ => self.runs.push(Run { end, style, link }),
        }
    }

    /// Appends text with every whitespace run collapsed to one space (for HTML text), never
    /// starting a line with a space.
    pub fn push_collapsed(&mut self, s: &str, style: Style, link: Option<usize>) {
        let mut buf = String::with_capacity(s.len());
        let mut space = self.text.is_empty() || self.text.ends_with([' ', '\n']);
        for c in s.chars() {
            if c.is_whitespace() {
                if !space {
                    buf.push(' ');
                    space = true;
                }
            } else {
                buf.push(c);
                space = false;
            }
        }
        self.push(&buf, style, link);
    }

    /// Empties the buffer, keeping its allocations.
    pub fn clear(&mut self) {
        self.text.clear();
        self.runs.clear();
    }

    /// Appends all of `other`.
    pub fn append(&mut self, other: &Inline) {
        let mut start = 0;
        for run in &other.runs {
            if let Some(s) = other.text.get(start..run.end) {
                self.push(s, run.style, run.link);
            }
            start = run.end;
        }
    }

    /// Changes the style of every run.
    pub fn restyle(&mut self, f: impl Fn(&mut Style)) {
        for run in &mut self.runs {
            f(&mut run.style);
        }
    }

    /// Whether there is nothing visible to show.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Removes trailing whitespace (spaces and hard breaks), keeping the runs consistent.
    pub fn trim_end(&mut self) {
        let len = self.text.trim_end().len();
        self.text.truncate(len);
        if len == 0 {
            self.runs.clear();
            return;
        }
        // Runs ending before `len` stay whole; the one reaching `len` is cut, later ones go.
        let keep = self.runs.partition_point(|r| r.end < len);
        self.runs.truncate(keep + 1);
        if let Some(last) = self.runs.last_mut() {
            last.end = last.end.min(len);
        }
    }

    /// The last style used, if any (to continue a run after a break).
    pub fn last_style(&self) -> Option<(Style, Option<usize>)> {
        self.runs.last().map(|r| (r.style, r.link))
    }

    /// Plain text from `start` to the end.
    pub fn text_from(&self, start: usize) -> &str {
        self.text.get(start..).unwrap_or_default()
    }

    /// The spans covering `range` of the text.
    pub fn spans(&self, range: Range<usize>) -> Vec<Span> {
        let mut out = Vec::new();
        let first = self.runs.partition_point(|r| r.end <= range.start);
        let mut start = range.start;
        for run in self.runs.get(first..).unwrap_or_default() {
            if start >= range.end {
                break;
            }
            let end = run.end.min(range.end);
            if let Some(text) = self.text.get(start..end)
                && !text.is_empty()
            {
                out.push(Span {
                    text: text.to_owned(),
                    style: run.style,
                    link: run.link,
                });
            }
            start = end;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::styled::Role;

    #[test]
    fn spans_cut_runs_at_ranges() {
        let mut i = Inline::default();
        let bold = Style {
            bold: true,
            ..Style::default()
        };
        i.push("가나 ", Style::default(), None);
        i.push("다라", bold, None);
        i.push("마 바", Style::default(), None);
        let line = i.spans("가나 ".len().."가나 다라마".len());
        assert_eq!(
            line.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(),
            ["다라", "마"]
        );
        assert!(line[0].style.bold && !line[1].style.bold);
    }

    #[test]
    fn equal_styles_merge_and_trim_keeps_runs_valid() {
        let mut i = Inline::default();
        i.push("a", Style::of(Role::Link), Some(0));
        i.push("b", Style::of(Role::Link), Some(0));
        i.push("  \n", Style::default(), None);
        assert_eq!(i.runs.len(), 2);
        i.trim_end();
        assert_eq!(i.text, "ab");
        assert_eq!(i.spans(0..2).len(), 1);
    }
}
