//! Table layout: column widths in display cells, box-drawing borders, wrapped cells.
//!
//! Each column gets its natural width (its widest cell) when the table fits. When it does not,
//! the widest columns are shrunk first: we find the largest cap such that capping every column
//! at it fits, then hand the leftover cells back one at a time, so narrow columns (numbers,
//! short names) keep their natural width and only long prose columns wrap. Cell text wraps
//! inside its column with the same wrapper as paragraphs, so Hangul columns line up by cells.
//!
//! When even two cells per column do not fit, the grid is abandoned and the caller renders each
//! row as `header: value` lines instead ([`layout`] returns `None`).

use pulldown_cmark::Alignment;

use super::inline::{EMPTY, Inline};
use crate::lesson::styled::{Role, Span, Style};
use crate::text::{width, wrap_ranges};

/// Narrowest column we will draw: one two-cell character.
const MIN_COLUMN: usize = 2;

/// A table collected from parser events.
#[derive(Debug, Default)]
pub(super) struct Table {
    /// Column alignments from the delimiter row.
    pub aligns: Vec<Alignment>,
    /// Rows of cells; the first `header_rows` rows are the header.
    pub rows: Vec<Vec<Inline>>,
    /// How many leading rows are header rows.
    pub header_rows: usize,
}

impl Table {
    /// Number of columns (the widest row or the delimiter row, whichever is larger).
    pub fn columns(&self) -> usize {
        self.rows
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(self.aligns.len())
    }
}

/// The table's lines (without container prefixes) for `avail` cells, or `None` if a grid
/// cannot fit.
pub(super) fn layout(table: &Table, avail: usize) -> Option<Vec<Vec<Span>>> {
    let n = table.columns();
    if n == 0 {
        return Some(Vec::new());
    }
    // "│ " before each column, " " after it, and the closing "│".
    let chrome = 3 * n + 1;
    let content = avail.checked_sub(chrome)?;
    if content < MIN_COLUMN * n {
        return None;
    }
    let natural: Vec<usize> = (0..n)
        .map(|c| {
            let widest = table
                .rows
                .iter()
                .flat_map(|r| cell(r, c).text.split('\n'))
                .map(|s| width(s.trim()))
                .max();
            widest.unwrap_or(0).max(1)
        })
        .collect();
    let widths = fit_columns(&natural, content);

    let border = Style::of(Role::TableBorder);
    let rule = |left: &str, mid: &str, right: &str| -> Vec<Span> {
        let mut s = String::from(left);
        for (i, w) in widths.iter().enumerate() {
            if i > 0 {
                s.push_str(mid);
            }
            s.extend(std::iter::repeat_n('─', w + 2));
        }
        s.push_str(right);
        vec![span(s, border)]
    };

    let wrapped: Vec<Vec<Vec<std::ops::Range<usize>>>> = table
        .rows
        .iter()
        .map(|r| {
            (0..n)
                .map(|c| wrap_ranges(cell(r, c).text.trim_end(), widths[c]))
                .collect()
        })
        .collect();
    let tall_rows = wrapped
        .iter()
        .skip(table.header_rows)
        .any(|r| r.iter().any(|c| c.len() > 1));

    let mut lines = vec![rule("┌", "┬", "┐")];
    for (ri, row) in table.rows.iter().enumerate() {
        if ri > 0 && (ri == table.header_rows || (ri > table.header_rows && tall_rows)) {
            lines.push(rule("├", "┼", "┤"));
        }
        let height = wrapped[ri].iter().map(Vec::len).max().unwrap_or(1);
        for li in 0..height {
            let mut spans = Vec::new();
            for (c, &w) in widths.iter().enumerate() {
                spans.push(span(if c == 0 { "│ " } else { " │ " }.to_owned(), border));
                let range = wrapped[ri][c].get(li).cloned().unwrap_or(0..0);
                let mut cell_spans = cell(row, c).spans(range);
                if ri < table.header_rows {
                    for s in &mut cell_spans {
                        if s.style.role == Role::Text {
                            s.style.role = Role::TableHeader;
                        }
                        s.style.bold = true;
                    }
                }
                let used: usize = cell_spans.iter().map(|s| width(&s.text)).sum();
                if used > w {
                    // A grapheme wider than its column (e.g. an emoji sequence): give up the grid.
                    return None;
                }
                let pad = w - used;
                let (left, right) = match table.aligns.get(c) {
                    Some(Alignment::Right) => (pad, 0),
                    Some(Alignment::Center) => (pad / 2, pad - pad / 2),
                    _ => (0, pad),
                };
                if left > 0 {
                    spans.push(span(" ".repeat(left), Style::default()));
                }
                spans.extend(cell_spans);
                if right > 0 {
                    spans.push(span(" ".repeat(right), Style::default()));
                }
            }
            spans.push(span(" │".to_owned(), border));
            lines.push(spans);
        }
    }
    lines.push(rule("└", "┴", "┘"));
    Some(lines)
}

/// Cell `c` of a row, empty when the row is short.
fn cell(row: &[Inline], c: usize) -> &Inline {
    row.get(c).unwrap_or(&EMPTY)
}

fn span(text: String, style: Style) -> Span {
    Span {
        text,
        style,
        link: None,
    }
}

/// Column widths summing to at most `content`, shrinking the widest columns first.
fn fit_columns(natural: &[usize], content: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= content {
        return natural.to_vec();
    }
    // Largest cap with sum(min(natural, cap)) <= content; the cap is at least MIN_COLUMN
    // because the caller checked content >= MIN_COLUMN * n.
    let capped_sum = |cap: usize| natural.iter().map(|&w| w.min(cap)).sum::<usize>();
    let (mut lo, mut hi) = (
        MIN_COLUMN,
        natural.iter().copied().max().unwrap_or(MIN_COLUMN),
    );
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if capped_sum(mid) <= content {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let mut widths: Vec<usize> = natural.iter().map(|&w| w.min(lo)).collect();
    let mut left = content.saturating_sub(widths.iter().sum());
    for (w, &nat) in widths.iter_mut().zip(natural) {
        if left == 0 {
            break;
        }
        if nat > *w {
            *w += 1;
            left -= 1;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widest_columns_shrink_first() {
        assert_eq!(fit_columns(&[4, 30, 50], 40), [4, 18, 18]);
        assert_eq!(fit_columns(&[4, 30, 50], 41), [4, 19, 18]);
        assert_eq!(fit_columns(&[3, 5], 20), [3, 5]);
        assert_eq!(fit_columns(&[10, 10, 10], 6), [2, 2, 2]);
    }
}
