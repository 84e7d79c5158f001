//! Heading numbers, titles and anchors.
//!
//! Numbers follow the nesting of the headings actually present, not the raw `#` counts: a note
//! that jumps from `#` to `###` numbers the `###` as "1.1", not "1.0.1". A heading that comes
//! before any shallower one (a `##` preface above the first `#`) occupies the same slot as the
//! shallower heading that follows, so siblings keep counting ("1", then "2"). Headings that
//! already start with their own number ("1. Stateful Web App", "2) …", "1.2 …") get no auto
//! number but still count, so the automatic numbers of their siblings stay consistent.
//!
//! The title used for the anchor is the heading's text content as GitHub sees it: text and
//! inline code, not image alt text or link targets. [`TitleCollector`] extracts it from parser
//! events, and both the renderer and `anchors()` use it so the two can never disagree.

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::text::sanitize;

/// Hierarchical heading counters.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    /// (raw level, count) from the outermost heading in.
    stack: Vec<(u8, usize)>,
}

impl Numbering {
    /// Counts a heading of raw level `level` and returns its number ("2.1").
    pub fn next(&mut self, level: u8) -> String {
        let mut popped = None;
        while let Some(&(l, n)) = self.stack.last() {
            if l <= level {
                break;
            }
            popped = Some(n);
            self.stack.pop();
        }
        match self.stack.last_mut() {
            Some((l, n)) if *l == level => *n += 1,
            _ => self.stack.push((level, popped.map_or(1, |n| n + 1))),
        }
        let mut out = String::new();
        for (i, (_, n)) in self.stack.iter().enumerate() {
            if i > 0 {
                out.push('.');
            }
            out.push_str(&n.to_string());
        }
        out
    }
}

/// A guess of the shallowest heading level from ATX (`#`) and `===` setext lines outside
/// fenced code, cheap enough to run before parsing; the renderer checks it against the real
/// headings.
pub(super) fn guess_min_level(markdown: &str) -> u8 {
    let mut min = 6;
    let mut fence: Option<&str> = None;
    let mut previous_blank = true;
    for line in markdown.lines() {
        let t = line.trim_start_matches(' ');
        let t = t.trim_start_matches(['>', ' ']);
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if let Some(f) = ["```", "~~~"].into_iter().find(|f| t.starts_with(f)) {
            fence = Some(f);
            continue;
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&hashes)
            && t.as_bytes()
                .get(hashes)
                .is_none_or(|&b| b == b' ' || b == b'\t')
        {
            min = min.min(hashes as u8);
        } else if !previous_blank && !t.is_empty() && t.trim_end().bytes().all(|b| b == b'=') {
            min = 1;
        }
        previous_blank = t.trim().is_empty();
    }
    min
}

/// Whether a heading title starts with its own number: "1.", "2)", "1.2", "1.2.3." + space.
pub(super) fn has_own_number(title: &str) -> bool {
    let bytes = title.as_bytes();
    let mut i = 0;
    let mut groups = 0;
    loop {
        let start = i;
        while bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
        groups += 1;
        match bytes.get(i) {
            Some(b'.') if bytes.get(i + 1).is_some_and(u8::is_ascii_digit) => i += 1,
            Some(b'.' | b')') => return bytes.get(i + 1).is_none_or(|b| *b == b' '),
            None | Some(b' ') => return groups > 1,
            Some(_) => return false,
        }
    }
}

/// Collects the plain title of each heading from parser events.
#[derive(Debug, Default)]
pub(super) struct TitleCollector {
    in_heading: bool,
    image_depth: usize,
    title: String,
}

impl TitleCollector {
    /// Feeds one event; returns the finished, trimmed title at the end of a heading.
    pub fn feed(&mut self, event: &Event<'_>) -> Option<String> {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                self.in_heading = true;
                self.title.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                self.in_heading = false;
                return Some(self.title.trim().to_owned());
            }
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if self.in_heading && self.image_depth == 0 => {
                self.title.push_str(&sanitize(t));
            }
            Event::SoftBreak | Event::HardBreak if self.in_heading => self.title.push(' '),
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_nesting() {
        let mut n = Numbering::default();
        // 002's shape: a `##` preface, then `#` sections with `###` and `####` inside.
        let got: Vec<String> = [2, 1, 3, 3, 4, 3, 1, 3]
            .iter()
            .map(|&l| n.next(l))
            .collect();
        assert_eq!(got, ["1", "2", "2.1", "2.2", "2.2.1", "2.3", "3", "3.1"]);
    }

    #[test]
    fn min_level_guess() {
        assert_eq!(guess_min_level("### a\n#### b\n"), 3);
        assert_eq!(guess_min_level("```\n# not\n```\n## yes\n"), 2);
        assert_eq!(guess_min_level("제목\n===\n### x\n"), 1);
        assert_eq!(guess_min_level("#hashtag\n"), 6);
    }

    #[test]
    fn own_numbers_are_recognised() {
        assert!(has_own_number("1. Stateful Web App"));
        assert!(has_own_number("2) 쇼핑 카드"));
        assert!(has_own_number("1.2 개요"));
        assert!(has_own_number("3."));
        assert!(!has_own_number("2022년 회고"));
        assert!(!has_own_number("2022 회고"));
        assert!(!has_own_number("1.5배 빠름"));
        assert!(!has_own_number("Serverless"));
        assert!(!has_own_number(""));
    }
}
