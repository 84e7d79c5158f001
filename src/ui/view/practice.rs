//! Pieces of a question that practice and the exam draw alike: a choice hung under its number,
//! markdown text, the references list.

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::lesson::{RenderOptions, render};
use crate::text;
use crate::ui::screen::Ctx;
use crate::ui::theme::Theme;

/// One choice: `head` ("○ 2) ") then its markdown text, wrapped and hung under the number.
pub(in crate::ui) fn choice_lines(
    theme: Theme,
    head: &str,
    label: &str,
    width: usize,
    style: Style,
) -> Vec<Line<'static>> {
    let hang = text::width(head);
    markdown(theme, label, width.saturating_sub(hang).max(1))
        .into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            let lead = if i == 0 {
                head.to_owned()
            } else {
                " ".repeat(hang)
            };
            l.spans.insert(0, Span::raw(lead));
            l.patch_style(style)
        })
        .collect()
}

/// The AWS documentation pages a question cites ("참고 문서"), one per line, wrapped.
pub(in crate::ui) fn references(ctx: &Ctx, refs: &[String], width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    if refs.is_empty() {
        return lines;
    }
    lines.push(Line::styled(
        ctx.lang.pick("참고 문서", "References").to_owned(),
        ctx.theme.dim().add_modifier(Modifier::BOLD),
    ));
    for r in refs {
        for l in text::wrap(&format!("· {r}"), width) {
            lines.push(Line::styled(l, ctx.theme.dim()));
        }
    }
    lines
}

/// Markdown (a prompt, an explanation) as styled lines of at most `width` cells.
pub(in crate::ui) fn markdown(theme: Theme, md: &str, width: usize) -> Vec<Line<'static>> {
    let opts = RenderOptions {
        width,
        ..RenderOptions::default()
    };
    render(md.trim(), &opts)
        .lines
        .iter()
        .map(|l| {
            Line::from(
                l.spans
                    .iter()
                    .map(|s| Span::styled(s.text.clone(), theme.span(s.style)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}
