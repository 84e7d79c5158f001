//! Emitting lines: container prefixes, requested blank lines, and the width left for text.

use unicode_segmentation::UnicodeSegmentation;

use super::{Container, QUOTE_BAR, Renderer, span};
use crate::lesson::styled::{Line, LineKind, Role, Span, Style};
use crate::text::{truncate, width};

impl Renderer<'_> {
    /// Asks for a separator before the next line, carrying the current quote bars.
    pub(super) fn request_blank(&mut self) {
        // Only as many bars as fit in the prefix: counting (and repeating) every bar of a
        // 20,000-deep quote at each of its 20,000 ends was quadratic.
        let fit = self.max_prefix() / width(QUOTE_BAR) + 1;
        let quotes = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .take(fit)
            .count();
        if let Some((n, spans)) = &self.blank_bars
            && *n == quotes
        {
            self.blank = Some(spans.clone());
            return;
        }
        let mut bars = QUOTE_BAR.repeat(quotes);
        bars.truncate(bars.trim_end().len());
        let bars = truncate(&bars, self.max_prefix());
        let spans = if bars.is_empty() {
            Vec::new()
        } else {
            vec![span(bars, Style::of(Role::QuoteBar))]
        };
        self.blank_bars = Some((quotes, spans.clone()));
        self.blank = Some(spans);
    }

    /// Emits one line with the container prefix; returns its index.
    pub(super) fn emit(&mut self, content: Vec<Span>, kind: LineKind) -> usize {
        if let Some(bars) = self.blank.take()
            && self
                .out
                .lines
                .last()
                .is_some_and(|l| l.kind != LineKind::Blank)
        {
            self.out.lines.push(Line {
                spans: bars,
                kind: LineKind::Blank,
            });
        }
        let mut spans = self.take_prefix();
        spans.extend(content);
        self.out.lines.push(Line { spans, kind });
        self.out.lines.len() - 1
    }

    /// The prefix for the next line, consuming pending list markers.
    pub(super) fn take_prefix(&mut self) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        let mut push = |text: &str, style: Style| match spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => spans.push(span(text.to_owned(), style)),
        };
        for c in &mut self.containers {
            match c {
                Container::Quote => push(QUOTE_BAR, Style::of(Role::QuoteBar)),
                Container::Item {
                    marker,
                    indent,
                    role,
                } => match marker.take() {
                    Some(m) => {
                        push(&m, Style::of(*role));
                        push(
                            &" ".repeat(indent.saturating_sub(width(&m))),
                            Style::default(),
                        );
                    }
                    None => push(&" ".repeat(*indent), Style::default()),
                },
            }
        }
        clip_spans(spans, self.max_prefix())
    }

    /// Width of the container prefix, as drawn (after clipping).
    pub(super) fn prefix_width(&self) -> usize {
        let full: usize = self
            .containers
            .iter()
            .map(|c| match c {
                Container::Quote => width(QUOTE_BAR),
                Container::Item { indent, .. } => *indent,
            })
            .sum();
        full.min(self.max_prefix())
    }

    /// The most cells a prefix may take, leaving at least half the width for text.
    pub(super) fn max_prefix(&self) -> usize {
        self.width - (self.width / 2).max(4.min(self.width))
    }

    /// Cells available for text after the prefix.
    pub(super) fn avail(&self) -> usize {
        (self.width - self.prefix_width()).max(1)
    }
}

/// Fits a prefix into `max` cells: first by narrowing indentation, outermost first, so that
/// markers and quote bars survive; then, if still too wide, by cutting at grapheme boundaries.
fn clip_spans(mut spans: Vec<Span>, max: usize) -> Vec<Span> {
    let total: usize = spans.iter().map(|s| width(&s.text)).sum();
    if total <= max {
        return spans;
    }
    let mut excess = total - max;
    for s in &mut spans {
        if excess == 0 {
            break;
        }
        if s.style == Style::default() && s.text.bytes().all(|b| b == b' ') {
            let cut = excess.min(s.text.len());
            s.text.truncate(s.text.len() - cut);
            excess -= cut;
        }
    }
    spans.retain(|s| !s.text.is_empty());
    if excess == 0 {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len());
    let mut used = 0;
    for mut s in spans {
        let w = width(&s.text);
        if used + w <= max {
            used += w;
            out.push(s);
            continue;
        }
        let mut cut = String::new();
        for g in s.text.graphemes(true) {
            let gw = width(g);
            if used + gw > max {
                break;
            }
            used += gw;
            cut.push_str(g);
        }
        if !cut.is_empty() {
            s.text = cut;
            out.push(s);
        }
        break;
    }
    out
}
