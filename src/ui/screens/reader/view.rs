//! Drawing the lesson reader: title, table of contents, text, scrollbar and status.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

use super::{Match, Reader};
use crate::lesson::styled::{self, LineKind, Role};
use crate::text;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::Ctx;
use crate::ui::theme::Theme;
use crate::ui::view::{status_bar, title_bar};

pub(super) fn draw(r: &Reader, frame: &mut Frame, _area: Rect, app: &Ctx) {
    let Some(lesson) = app.library.lessons.get(r.lesson) else {
        return;
    };
    let layout = r.layout;
    let percent = format!("{}%", r.percent());
    let room = usize::from(layout.title.width).saturating_sub(text::width(&percent) + 3);
    // "레슨 › 절": the lesson and the section being read (the lesson's own title heading adds
    // nothing to it).
    let section = r
        .current_heading()
        .and_then(|i| r.rendered.headings.get(i))
        .map(|h| h.title.as_str())
        .filter(|t| *t != lesson.meta.title);
    let crumb = match section {
        Some(section) => text::truncate(&format!("{} › {section}", lesson.meta.title), room),
        None => text::truncate(&lesson.meta.title, room),
    };
    title_bar(app, frame, layout.title, &crumb, &percent);
    if layout.toc.width > 0 {
        draw_toc(app, r, frame, layout.toc);
    }
    draw_text(app.theme, r, frame, layout.text);
    draw_section_line(app, r, frame, layout.links);
    draw_scrollbar(app.theme, r, frame, layout);
    draw_reader_status(app, r, frame, layout.status);
}

fn draw_toc(app: &Ctx, r: &Reader, frame: &mut Frame, area: Rect) {
    let block = Block::bordered()
        .title(format!(" {} ", app.strings().toc()))
        .border_style(app.theme.border(r.toc_focus));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let rows = usize::from(inner.height);
    let offset = r
        .toc_selected
        .saturating_sub(rows / 2)
        .min(r.rendered.headings.len().saturating_sub(rows));
    let width = usize::from(inner.width);
    let lines: Vec<Line> = r
        .rendered
        .headings
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, h)| {
            // Indent by nesting depth ("1.2" is depth 2) rather than the raw markdown level,
            // which skips levels in several notes.
            let depth = if h.number.is_empty() {
                usize::from(h.level)
            } else {
                h.number.split('.').count()
            };
            let indent = "  ".repeat(depth.saturating_sub(1).min(3));
            let number = if h.number.is_empty() {
                String::new()
            } else {
                format!("{} ", h.number)
            };
            let label = text::truncate(&format!("{indent}{number}{}", h.title), width);
            let style = if i != r.toc_selected {
                if h.level == 1 {
                    Style::new().add_modifier(ratatui::style::Modifier::BOLD)
                } else {
                    Style::new()
                }
            } else if r.toc_focus {
                app.theme.selected()
            } else {
                app.theme.selected_unfocused()
            };
            Line::styled(label, style)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_text(theme: Theme, r: &Reader, frame: &mut Frame, area: Rect) {
    let height = usize::from(area.height);
    let width = usize::from(area.width);
    let current = r.search.matches.get(r.search.current).copied();
    let lines: Vec<Line> = r
        .rendered
        .lines
        .iter()
        .enumerate()
        .skip(r.scroll)
        .take(height)
        .map(|(i, line)| {
            let matches: Vec<(Match, bool)> = r
                .search
                .matches
                .iter()
                .filter(|m| m.line == i)
                .map(|m| (*m, Some(*m) == current))
                .collect();
            let terms = glossary_terms(r, i);
            let spans = styled_spans(theme, line, &matches);
            let spans = if terms.is_empty() {
                spans
            } else {
                underline_terms(theme, spans, &terms)
            };
            if line.kind == LineKind::Code {
                clip_code(theme, spans, r.hscroll, width)
            } else {
                Line::from(spans)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

/// Converts a rendered line to ratatui spans, highlighting search matches.
fn styled_spans(
    theme: Theme,
    line: &styled::Line,
    matches: &[(Match, bool)],
) -> Vec<Span<'static>> {
    let mut out = Vec::with_capacity(line.spans.len());
    let mut offset = 0;
    for span in &line.spans {
        let base = theme.span(span.style);
        let end = offset + span.text.len();
        let mut cut = 0;
        for (m, is_current) in matches {
            let (s, e) = (m.start.max(offset), m.end.min(end));
            if s >= e {
                continue;
            }
            let (s, e) = (s - offset, e - offset);
            if let (Some(before), Some(hit)) = (span.text.get(cut..s), span.text.get(s..e)) {
                if !before.is_empty() {
                    out.push(Span::styled(before.to_owned(), base));
                }
                let hl = if *is_current {
                    theme.search_current()
                } else {
                    theme.search_match()
                };
                out.push(Span::styled(hit.to_owned(), base.patch(hl)));
                cut = e;
            }
        }
        if let Some(rest) = span.text.get(cut..).filter(|r| !r.is_empty()) {
            out.push(Span::styled(rest.to_owned(), base));
        }
        offset = end;
    }
    out
}

/// Byte ranges of the glossary terms drawn highlighted on line `i` (first mentions in a section).
fn glossary_terms(r: &Reader, i: usize) -> Vec<(usize, usize)> {
    let from = r.terms.partition_point(|m| m.line < i);
    r.terms[from..]
        .iter()
        .take_while(|m| m.line == i)
        .filter(|m| m.first)
        .map(|m| (m.start, m.end))
        .collect()
}

/// Adds the glossary-term style to the byte ranges `terms` of a line's spans.
fn underline_terms(
    theme: Theme,
    spans: Vec<Span<'static>>,
    terms: &[(usize, usize)],
) -> Vec<Span<'static>> {
    let mut out = Vec::with_capacity(spans.len() + 2 * terms.len());
    let mut offset = 0;
    for span in spans {
        let len = span.content.len();
        let mut cut = 0;
        for &(start, end) in terms {
            let (s, e) = (start.max(offset), end.min(offset + len));
            if s >= e {
                continue;
            }
            let (s, e) = (s - offset, e - offset);
            if let (Some(before), Some(hit)) = (span.content.get(cut..s), span.content.get(s..e)) {
                if !before.is_empty() {
                    out.push(Span::styled(before.to_owned(), span.style));
                }
                out.push(Span::styled(
                    hit.to_owned(),
                    span.style.patch(theme.glossary_term()),
                ));
                cut = e;
            }
        }
        if let Some(rest) = span.content.get(cut..).filter(|r| !r.is_empty()) {
            out.push(Span::styled(rest.to_owned(), span.style));
        }
        offset += len;
    }
    out
}

/// Shows a code line from cell `hscroll`, clipped to `width` with markers where text is hidden.
fn clip_code(
    theme: Theme,
    spans: Vec<Span<'static>>,
    hscroll: usize,
    width: usize,
) -> Line<'static> {
    let marker = theme.span(styled::Style::of(Role::ClipMarker));
    let total: usize = spans.iter().map(|s| text::width(&s.content)).sum();
    if total <= width && hscroll == 0 {
        return Line::from(spans);
    }
    let left_cut = hscroll > 0;
    let right_cut = total > hscroll + width;
    let start = hscroll + usize::from(left_cut);
    let room = width.saturating_sub(usize::from(left_cut) + usize::from(right_cut));
    let mut out = Vec::new();
    if left_cut {
        out.push(Span::styled("‹", marker));
    }
    let mut col = 0;
    let mut used = 0;
    for span in spans {
        let mut kept = String::new();
        for ch in span.content.chars() {
            let w = text::width(ch.encode_utf8(&mut [0; 4]));
            if col >= start && used + w <= room {
                kept.push(ch);
                used += w;
            } else if col < start && col + w > start {
                // A wide character cut by the left edge: keep the column with a space.
                kept.push(' ');
                used += 1;
            }
            col += w;
        }
        if !kept.is_empty() {
            out.push(Span::styled(kept, span.style));
        }
    }
    if right_cut {
        out.push(Span::raw(" ".repeat(room.saturating_sub(used))));
        out.push(Span::styled("›", marker));
    }
    Line::from(out)
}

fn draw_scrollbar(theme: Theme, r: &Reader, frame: &mut Frame, layout: super::ReaderLayout) {
    let total = r.rendered.lines.len();
    let page = r.page();
    if total <= page {
        return;
    }
    // The far right column: the text column is centred with a margin, so it is free.
    let x = layout.status.right().saturating_sub(1);
    let area = Rect {
        x,
        y: layout.text.y,
        width: 1,
        height: layout.text.height,
    };
    let mut state = ScrollbarState::new(total.saturating_sub(page))
        .position(r.scroll)
        .viewport_content_length(page);
    let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("┃")
        .track_style(theme.dim())
        .thumb_style(theme.border(true));
    frame.render_stateful_widget(bar, area, &mut state);
}

fn draw_reader_status(app: &Ctx, r: &Reader, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    if r.search.editing {
        let prompt = format!(" {} / ", s.search_prompt());
        let input = &r.search.input;
        let room = usize::from(area.width).saturating_sub(text::width(&prompt) + 1);
        // Keep the end of a long query (where the caret is) in view.
        let shown = crate::ui::view::tail(input, room);
        let line = Line::from(vec![
            Span::styled(prompt.clone(), app.theme.key()),
            Span::raw(shown.clone()),
        ]);
        frame.render_widget(Paragraph::new(line).style(app.theme.status_bar()), area);
        let x =
            area.x + (text::width(&prompt) + crate::ui::text_input::caret(input, &shown)) as u16;
        frame.set_cursor_position(Position {
            x: x.min(area.right().saturating_sub(1)),
            y: area.y,
        });
        return;
    }
    let contexts: &[Context] = if r.toc_focus {
        &[Context::Toc]
    } else {
        &[Context::Reader]
    };
    let right = if r.search.query.is_empty() {
        None
    } else if r.search.matches.is_empty() {
        Some(Span::styled(
            format!("“{}” {}", r.search.query, s.no_match()),
            app.theme.warning(),
        ))
    } else {
        Some(Span::styled(
            format!(
                "“{}” {}",
                r.search.query,
                s.match_count(r.search.current + 1, r.search.matches.len())
            ),
            app.theme.key(),
        ))
    };
    status_bar(app, frame, area, contexts, right);
}

/// The reader's section line: the section's questions and simulation, with their keys.
fn draw_section_line(app: &Ctx, r: &Reader, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let s = app.strings();
    let Some(section) = &r.section else {
        return;
    };
    let reader_key = |a| keymap::active().first_key(Context::Reader, a);
    let sim = section.sim.and_then(|i| app.presets.get(i));
    // The whole line, or shorter forms for narrow screens: first without the section's title
    // (the heading shows it), then without the simulation's name; the keys always stay.
    let build = |level: u8| {
        let mut spans = vec![Span::styled("▸ ", app.theme.dim())];
        let key = |spans: &mut Vec<Span<'static>>, action| {
            if let Some(k) = reader_key(action) {
                spans.push(Span::styled(" (", app.theme.dim()));
                spans.push(Span::styled(k, app.theme.key()));
                spans.push(Span::styled(")", app.theme.dim()));
            }
        };
        if section.questions > 0 {
            let label = if level == 0 {
                s.section_questions(&section.title, section.questions)
            } else {
                s.section_questions_short(section.questions)
            };
            spans.push(Span::styled(label, app.theme.dim()));
            key(&mut spans, Action::PracticeSection);
        } else {
            spans.push(Span::styled(s.no_section_questions(), app.theme.dim()));
        }
        if let Some(preset) = sim {
            spans.push(Span::styled(" · ", app.theme.dim()));
            let label = if level < 2 {
                s.section_sim(preset.title(app.lang))
            } else {
                s.section_sim_short().to_owned()
            };
            spans.push(Span::styled(label, app.theme.dim()));
            key(&mut spans, Action::Simulations);
        }
        spans
    };
    let fits = |spans: &[Span]| {
        spans
            .iter()
            .map(|sp| text::width(&sp.content))
            .sum::<usize>()
            <= usize::from(area.width)
    };
    let spans = (0..3)
        .map(build)
        .find(|spans| fits(spans))
        .unwrap_or_else(|| build(2));
    // Cut at the width, keeping whole spans where possible.
    let width = usize::from(area.width);
    let mut used = 0;
    let mut kept = Vec::new();
    for span in spans {
        let w = text::width(&span.content);
        if used + w > width {
            let rest = text::truncate(&span.content, width.saturating_sub(used));
            kept.push(Span::styled(rest, span.style));
            break;
        }
        used += w;
        kept.push(span);
    }
    frame.render_widget(Paragraph::new(Line::from(kept)), area);
}
