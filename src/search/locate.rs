//! Finding a paragraph again in text laid out differently.
//!
//! The index renders each lesson once at a very wide width (a paragraph is one line), but the
//! reader renders it at the terminal's width, with "notes vs now" callouts inserted and list and
//! quote prefixes repeated on wrapped lines. What survives every layout is the sequence of
//! letters and digits: wrapping only moves spaces, prefixes are symbols. So a place is written
//! as a *needle* (the first letters and digits of its paragraph) plus an *offset* (how many
//! letters and digits of the paragraph precede the match), and found again by searching the
//! letters-and-digits stream of the other layout. The same trick maps a paragraph back to its
//! line in the markdown source, where markup (`**`, `[`, `|`) is symbols too.

use crate::lesson::glossary::fold_char;
use crate::lesson::styled::Line;

/// Letters and digits in a needle: enough to be unique in a section, short enough to stay
/// inside one paragraph.
const NEEDLE: usize = 24;

/// The letters and digits of `s`, folded.
fn alnum(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().filter(|&c| is_alnum(c)).map(fold_char)
}

/// `char::is_alphanumeric` with the common cases first: ASCII, and Hangul syllables, which the
/// standard library finds by a table search (a sixth of building the search index).
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        crate::lesson::glossary::is_syllable(c) || c.is_alphanumeric()
    }
}

/// A place in a paragraph: its first letters and digits, and how many of them precede the place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Spot {
    /// The paragraph's first letters and digits (folded).
    pub needle: String,
    /// Letters and digits of the paragraph before the place.
    pub offset: usize,
}

impl Spot {
    /// The place `char_index` (a char index) in `paragraph`.
    pub fn new(paragraph: &str, char_index: usize) -> Self {
        Self {
            needle: alnum(paragraph).take(NEEDLE).collect(),
            offset: paragraph
                .chars()
                .take(char_index)
                .filter(|&c| is_alnum(c))
                .count(),
        }
    }
}

/// The rendered line that holds `spot`, searching `lines` from index `from`.
///
/// Only the next few hundred lines are searched (a section), so a needle repeated in a later
/// section is not mistaken for this one.
pub fn find_line(lines: &[Line], from: usize, spot: &Spot) -> Option<usize> {
    let needle: Vec<char> = spot.needle.chars().collect();
    if needle.is_empty() {
        return None;
    }
    let mut stream: Vec<char> = Vec::new();
    let mut line_of: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(from).take(400) {
        for span in &line.spans {
            for c in alnum(&span.text) {
                stream.push(c);
                line_of.push(i);
            }
        }
    }
    let at = stream
        .windows(needle.len())
        .position(|w| w == needle.as_slice())?;
    let target = (at + spot.offset).min(line_of.len().saturating_sub(1));
    line_of.get(target).copied()
}

/// Letters and digits of a markdown source with the 1-based line of each.
#[derive(Debug, Clone, Default)]
pub struct SourceLines {
    chars: Vec<char>,
    lines: Vec<u32>,
}

impl SourceLines {
    /// Indexes `markdown`.
    pub fn new(markdown: &str) -> Self {
        let mut out = Self::default();
        for (n, line) in markdown.lines().enumerate() {
            for c in alnum(line) {
                out.chars.push(c);
                out.lines.push(n as u32 + 1);
            }
        }
        out
    }

    /// The position just before the first character on `line` or later.
    pub fn at_line(&self, line: usize) -> usize {
        self.lines.partition_point(|&l| (l as usize) < line)
    }

    /// Finds the first letters and digits of `text` at or after position `from`; returns the
    /// position and its 1-based line.
    pub fn find(&self, text: &str, from: usize) -> Option<(usize, usize)> {
        let needle: Vec<char> = alnum(text).take(12).collect();
        if needle.is_empty() {
            return None;
        }
        let rest = self.chars.get(from..)?;
        let at = from
            + rest
                .windows(needle.len())
                .position(|w| w == needle.as_slice())?;
        Some((at, self.lines[at] as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{RenderOptions, render};

    #[test]
    fn a_spot_is_found_again_at_another_width() {
        let md = "# 제목\n\n첫 문단이에요.\n\n- 긴 목록 항목이에요. 콜드 스타트를 줄이려면 프로비저닝된 동시성을 써요. 끝.\n";
        let wide = render(
            md,
            &RenderOptions {
                width: 1000,
                ..RenderOptions::default()
            },
        );
        let item = wide
            .lines
            .iter()
            .map(Line::plain)
            .find(|l| l.contains("목록"))
            .unwrap();
        let at = item.chars().position(|c| c == '프').unwrap();
        let spot = Spot::new(&item, at);
        let narrow = render(
            md,
            &RenderOptions {
                width: 16,
                ..RenderOptions::default()
            },
        );
        let line = find_line(&narrow.lines, 0, &spot).unwrap();
        assert!(
            narrow.lines[line].plain().contains('프'),
            "{:?}",
            narrow.lines[line]
        );
    }

    #[test]
    fn the_fast_alphanumeric_test_agrees_with_the_standard_one() {
        for c in ('\0'..='\u{D7FF}').chain('\u{E000}'..='\u{FFFF}') {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn source_lines_skip_markup() {
        let src = SourceLines::new("# 제목\n\n**굵은** 글씨와 [링크](https://x.y)\n");
        assert_eq!(src.find("굵은 글씨와 링크", 0).map(|(_, l)| l), Some(3));
        assert_eq!(src.at_line(3), 2);
    }
}
