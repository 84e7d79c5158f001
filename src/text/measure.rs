//! Measuring and cutting strings in display cells.
//!
//! Cuts happen between grapheme clusters, so a Hangul syllable written as conjoining jamo or an
//! emoji with modifiers is never split, and a wide character that would straddle the limit is
//! left out rather than half-drawn.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

/// The ellipsis that marks a cut string (one cell wide).
const ELLIPSIS: char = '…';

/// Display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    // Printable ASCII and precomposed Hangul syllables (U+AC00 = EA B0 80 .. U+D7A3 =
    // ED 9E A3 in UTF-8) have fixed widths and take part in no special sequence, so strings
    // made only of them (most of ours) skip the general tables.
    let b = s.as_bytes();
    let mut cells = 0;
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
        let hangul = match x {
            0x20..=0x7e => {
                cells += 1;
                i += 1;
                continue;
            }
            0xeb | 0xec => true,
            0xea => at(1) >= 0xb0,
            0xed => at(1) < 0x9e || (at(1) == 0x9e && at(2) <= 0xa3),
            _ => false,
        };
        if !hangul {
            return unicode_width::UnicodeWidthStr::width(s);
        }
        cells += 2;
        i += 3;
    }
    cells
}

/// `s` cut to at most `max` cells, ending with `…` when something was cut; sanitised first.
pub fn truncate(s: &str, max: usize) -> String {
    let s = super::sanitize(s);
    if width(&s) <= max {
        return s.into_owned();
    }
    let Some(budget) = max.checked_sub(1) else {
        return String::new();
    };
    let mut out = String::with_capacity(s.len().min(max * 4 + 3));
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = width(g);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push(ELLIPSIS);
    out
}

/// `s` truncated (see [`truncate`]) and padded with spaces to exactly `cells` cells.
pub fn fit(s: &str, cells: usize) -> String {
    let mut out = truncate(s, cells);
    // A wide character that did not fit leaves one cell over; pad it.
    let missing = cells.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', missing));
    out
}

/// The part of `s` shown in display columns `start..start + len` (for scrolling code sideways).
///
/// A wide character cut by either edge is replaced by spaces for its visible half, so the
/// result is exactly as wide as the visible part and later columns stay aligned.
pub fn columns(s: &str, start: usize, len: usize) -> String {
    let end = start.saturating_add(len);
    let mut out = String::new();
    let mut col = 0;
    for g in s.graphemes(true) {
        if col >= end {
            break;
        }
        let w = width(g);
        let next = col + w;
        if col >= start && next <= end {
            out.push_str(g);
        } else if next > start {
            // Straddles an edge: show the visible cells as blanks.
            out.extend(std::iter::repeat_n(' ', next.min(end) - col.max(start)));
        }
        col = next;
    }
    out
}

/// Replaces tabs by spaces up to the next multiple of `tab` columns (for code lines).
pub fn expand_tabs(s: &str, tab: usize) -> Cow<'_, str> {
    if !s.contains('\t') {
        return Cow::Borrowed(s);
    }
    let tab = tab.max(1);
    let mut out = String::with_capacity(s.len() + 8);
    let mut col = 0;
    for g in s.graphemes(true) {
        if g == "\t" {
            let n = tab - col % tab;
            out.extend(std::iter::repeat_n(' ', n));
            col += n;
        } else {
            out.push_str(g);
            col += width(g);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_is_two_cells() {
        assert_eq!(width("가나"), 4);
        assert_eq!(width("ab"), 2);
        // The fast path agrees with unicode-width, and other text falls back to it.
        let cases = [
            "서버 a-b",
            "가\u{11a8}",
            "é",
            "👩‍👩‍👧",
            "日本",
            "…─│",
            "\u{abff}\u{ac00}",
            "\u{d7a3}\u{d7a4}",
            "힣",
        ];
        for s in cases {
            assert_eq!(width(s), unicode_width::UnicodeWidthStr::width(s), "{s}");
        }
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("서버리스 컴퓨팅", 7), "서버리…");
        assert_eq!(truncate("서버리스", 8), "서버리스");
        assert_eq!(truncate("abc", 0), "");
        assert_eq!(truncate("가", 1), "…");
        assert!(width(&truncate("가나다라", 6)) <= 6);
    }

    #[test]
    fn fit_pads_to_exact_width() {
        assert_eq!(width(&fit("가나다", 4)), 4);
        assert_eq!(fit("ab", 4), "ab  ");
    }

    #[test]
    fn columns_scroll_by_cells() {
        assert_eq!(columns("abcdef", 2, 3), "cde");
        assert_eq!(columns("가나다", 1, 4), " 나 ");
        assert_eq!(columns("가나다", 2, 2), "나");
        assert_eq!(columns("ab", 5, 3), "");
        assert_eq!(width(&columns("가a나b다", 1, 5)), 5);
    }

    #[test]
    fn tabs_expand_to_stops() {
        assert_eq!(expand_tabs("a\tb", 4), "a   b");
        assert_eq!(expand_tabs("\tx", 4), "    x");
        assert!(matches!(expand_tabs("no tabs", 4), Cow::Borrowed(_)));
    }
}
