//! Greedy word wrapping in display cells.
//!
//! Korean separates words (eojeol) with spaces just like English, so lines break at ASCII
//! spaces; the spaces at a break are dropped. A token wider than the whole line (a URL, an ARN)
//! is broken between grapheme clusters so that no cluster, and in particular no two-cell
//! character, is split across the edge. `\n` forces a break. Spaces at the very start of a
//! segment are kept, since they are deliberate indentation in UI strings.
//!
//! The wrapper returns byte ranges into its input rather than new strings, which lets the
//! renderer wrap the plain text of a paragraph once and cut its styled runs at the same places.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::width;

/// Wraps sanitised `s` to `max` cells and returns the lines (see [`wrap_ranges`]).
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let clean = super::sanitize(s);
    wrap_ranges(&clean, max)
        .into_iter()
        .map(|r| clean.get(r).unwrap_or_default().to_owned())
        .collect()
}

/// Line break positions for `s` at `max` cells, as byte ranges of each line's text.
///
/// Every line fits in `max` cells unless a single grapheme cluster is wider than `max` (a wide
/// character at `max == 1`), which then gets a line of its own. A `max` of 0 is treated as 1.
/// An empty segment (between two `\n`, or an empty `s`) yields one empty line.
pub fn wrap_ranges(s: &str, max: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for segment in s.split('\n') {
        let end = start + segment.len();
        Segment {
            s,
            max: max.max(1),
            out: &mut out,
            line: None,
        }
        .wrap(start, end);
        start = end + 1;
    }
    out
}

/// Finds the end of the word starting at `pos` and, when it is made only of printable ASCII
/// and Hangul syllables, its width: one pass over the bytes instead of two on the hot path.
fn scan_word(b: &[u8], mut pos: usize, end: usize) -> (usize, Option<usize>) {
    let mut cells = 0;
    let mut fast = true;
    while pos < end {
        let at = |k: usize| b.get(pos + k).copied().unwrap_or(0);
        let x = at(0);
        if x == b' ' {
            break;
        }
        let hangul = match x {
            0x21..=0x7e => {
                cells += 1;
                pos += 1;
                continue;
            }
            0xeb | 0xec => true,
            0xea => at(1) >= 0xb0,
            0xed => at(1) < 0x9e || (at(1) == 0x9e && at(2) <= 0xa3),
            _ => false,
        };
        if hangul {
            cells += 2;
            pos += 3;
        } else {
            // Continuation bytes are never a space, so stepping by one byte stays correct.
            fast = false;
            pos += 1;
        }
    }
    (pos.min(end), fast.then_some(cells))
}

/// State while wrapping one `\n`-free segment.
struct Segment<'a, 'o> {
    s: &'a str,
    max: usize,
    out: &'o mut Vec<Range<usize>>,
    /// The open line: its byte range and width.
    line: Option<(Range<usize>, usize)>,
}

impl Segment<'_, '_> {
    fn wrap(mut self, start: usize, end: usize) {
        let bytes = self.s.as_bytes();
        let lines_before = self.out.len();
        let mut pos = start;
        let mut first = true;
        loop {
            let gap_start = pos;
            let rest = bytes.get(pos..end).unwrap_or_default();
            pos += rest.iter().position(|&b| b != b' ').unwrap_or(rest.len());
            if pos >= end {
                break;
            }
            let word_start = pos;
            let (word_end, fast_w) = scan_word(bytes, pos, end);
            pos = word_end;
            let word = self.s.get(word_start..pos).unwrap_or_default();
            let word_w = fast_w.unwrap_or_else(|| width(word));
            let gap_w = word_start - gap_start;
            match self.line.take() {
                Some((range, w)) if w + gap_w + word_w <= self.max => {
                    self.line = Some((range.start..pos, w + gap_w + word_w));
                }
                Some((range, _)) => {
                    self.out.push(range);
                    self.place(word_start, word, word_w);
                }
                // Leading indentation of the segment is kept when it fits with the first word.
                None if first && gap_w > 0 && gap_w + word_w <= self.max => {
                    self.line = Some((gap_start..pos, gap_w + word_w));
                }
                None => self.place(word_start, word, word_w),
            }
            first = false;
        }
        if let Some((range, _)) = self.line.take() {
            self.out.push(range);
        }
        if self.out.len() == lines_before {
            self.out.push(start..start);
        }
    }

    /// Starts a new line with `word`, breaking it by grapheme cluster if it is too wide.
    fn place(&mut self, at: usize, word: &str, word_w: usize) {
        if word_w <= self.max {
            self.line = Some((at..at + word.len(), word_w));
            return;
        }
        let mut chunk_start = at;
        let mut chunk_w = 0;
        for (i, g) in word.grapheme_indices(true) {
            let g_w = width(g);
            if chunk_w > 0 && chunk_w + g_w > self.max {
                self.out.push(chunk_start..at + i);
                chunk_start = at + i;
                chunk_w = 0;
            }
            chunk_w += g_w;
        }
        self.line = Some((chunk_start..at + word.len(), chunk_w));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str, max: usize) -> Vec<String> {
        wrap(s, max)
    }

    #[test]
    fn breaks_at_spaces_in_cells() {
        // Each syllable is two cells: "서버리스는" is 10.
        assert_eq!(
            lines("서버리스는 유행어일 뿐이다", 12),
            ["서버리스는", "유행어일", "뿐이다"]
        );
        assert_eq!(
            lines("서버리스는 유행어일 뿐이다", 19),
            ["서버리스는 유행어일", "뿐이다"]
        );
    }

    #[test]
    fn long_tokens_break_by_grapheme_without_splitting_wide_chars() {
        let got = lines("가나다라마", 5);
        assert_eq!(got, ["가나", "다라", "마"]);
        let url = "https://example.com/very/long/path";
        let got = lines(url, 10);
        assert!(got.iter().all(|l| width(l) <= 10));
        assert_eq!(got.concat(), url);
    }

    #[test]
    fn newlines_force_breaks_and_empty_segments_stay() {
        assert_eq!(lines("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn leading_indent_kept_break_spaces_dropped() {
        assert_eq!(lines("  ab cd", 5), ["  ab", "cd"]);
        assert_eq!(lines("ab   cd", 3), ["ab", "cd"]);
    }

    #[test]
    fn zero_or_tiny_widths_do_not_hang() {
        assert_eq!(lines("가", 1), ["가"]);
        assert_eq!(lines("ab", 0), ["a", "b"]);
    }
}
