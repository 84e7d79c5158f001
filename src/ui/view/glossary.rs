//! Drawing the glossary screen (term list with a filter line, the selected term's definition
//! and links) and the reader's definition popup.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::draw_title;
use crate::lesson::glossary::Term;
use crate::search::Kind;
use crate::strings::Lang;
use crate::text;
use crate::ui::app::App;
use crate::ui::glossary::{Define, GlossaryView};
use crate::ui::layout::Bands;

pub(super) fn draw(app: &App, g: &GlossaryView, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    let glossary = &app.library.glossary;
    super::clear(app, frame, area);
    let bands = Bands::of(area);
    draw_title(
        app,
        frame,
        bands.title,
        &s.glossary_title(glossary.terms.len()),
        "",
    );
    let status = Line::from(Span::raw(format!(" {}", s.glossary_keys())));
    let status = match &app.message {
        Some(m) => Line::from(Span::styled(
            format!(" {}", m.text),
            if m.warning {
                app.theme.warning()
            } else {
                app.theme.message()
            },
        )),
        None => status,
    };
    frame.render_widget(
        Paragraph::new(status).style(app.theme.status_bar()),
        bands.status,
    );

    let body = bands.body;
    let list_w = (body.width / 3).clamp(18, 32).min(body.width / 2);
    let list_area = Rect {
        width: list_w,
        ..body
    };
    let detail_area = Rect {
        x: body.x + list_w,
        width: body.width.saturating_sub(list_w),
        ..body
    };

    // The list, with the filter line on top.
    let block = Block::bordered().border_style(app.theme.border(!g.links_focus));
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let w = usize::from(inner.width);
    if inner.height == 0 || w == 0 {
        return;
    }
    let filter = format!("› {}", g.filter.as_str());
    let filter = text::truncate(&filter, w.saturating_sub(1));
    frame.render_widget(
        Paragraph::new(Line::styled(filter.clone(), app.theme.key())),
        Rect { height: 1, ..inner },
    );
    if !g.links_focus {
        frame.set_cursor_position(Position {
            x: (inner.x + text::width(&filter) as u16).min(inner.right().saturating_sub(1)),
            y: inner.y,
        });
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    let offset = g
        .selected
        .saturating_sub(rows / 2)
        .min(g.list.len().saturating_sub(rows));
    let lines: Vec<Line> = g
        .list
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, &t)| {
            let term = &glossary.terms[t];
            let label = text::truncate(names(term, app.lang).0, w);
            let style = if i != g.selected {
                Style::new()
            } else if g.links_focus {
                app.theme.selected_unfocused()
            } else {
                app.theme.selected()
            };
            Line::styled(text::fit(&label, w), style)
        })
        .collect();
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            y: inner.y + 1,
            height: inner.height.saturating_sub(1),
            ..inner
        },
    );

    // The selected term.
    let Some(term) = g.term().and_then(|t| glossary.terms.get(t)) else {
        return;
    };
    let area = Rect {
        x: detail_area.x + 2,
        y: detail_area.y + 1,
        width: detail_area.width.saturating_sub(3),
        height: detail_area.height.saturating_sub(1),
    };
    let w = usize::from(area.width).max(1);
    let mut lines: Vec<Line> = Vec::new();
    let (first, second) = names(term, app.lang);
    lines.push(Line::from(vec![
        Span::styled(first.to_owned(), Style::new().add_modifier(Modifier::BOLD)),
        Span::raw("  "),
        Span::styled(second.to_owned(), app.theme.dim()),
    ]));
    if !term.aliases.is_empty() {
        let aliases = format!("{}: {}", s.glossary_aliases(), term.aliases.join(", "));
        for l in text::wrap(&aliases, w) {
            lines.push(Line::styled(l, app.theme.dim()));
        }
    }
    lines.push(Line::raw(""));
    let (first, second) = match app.lang {
        Lang::Ko => (&term.definition, &term.definition_en),
        Lang::En => (&term.definition_en, &term.definition),
    };
    lines.extend(text::wrap(first, w).into_iter().map(Line::raw));
    lines.extend(
        text::wrap(second, w)
            .into_iter()
            .map(|l| Line::styled(l, app.theme.dim())),
    );
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        s.glossary_links().to_owned(),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    let links_top = lines.len();
    for (i, link) in g.links.iter().enumerate() {
        let mark = match link.kind {
            Kind::Question => "?",
            Kind::Simulation => "▶",
            _ => "§",
        };
        let label = text::truncate(&format!("{mark} {}", link.label), w);
        let style = if g.links_focus && i == g.link_selected {
            app.theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(text::fit(&label, w), style));
    }
    // Scroll so the selected link stays in view.
    let height = usize::from(area.height);
    let want = links_top + g.link_selected;
    let scroll = if g.links_focus && want >= height {
        want + 1 - height
    } else {
        0
    };
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
}

/// The definition popup at the bottom of the reader's text.
pub(super) fn draw_define(app: &App, d: &Define, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    let glossary = &app.library.glossary;
    let Some(term) = d.terms.get(d.selected).and_then(|&t| glossary.terms.get(t)) else {
        return;
    };
    let width = area.width.saturating_sub(4).min(90);
    let w = usize::from(width.saturating_sub(4)).max(1);
    let mut lines: Vec<Line> = Vec::new();
    // The terms on screen as one wrapped row of names, the selected one highlighted.
    let mut row: Vec<Span> = Vec::new();
    let mut used = 0;
    for (i, &t) in d.terms.iter().enumerate() {
        let name = names(&glossary.terms[t], app.lang).0.to_owned();
        let nw = text::width(&name) + 3;
        if used + nw > w && !row.is_empty() {
            lines.push(Line::from(std::mem::take(&mut row)));
            used = 0;
        }
        let style = if i == d.selected {
            app.theme.selected()
        } else {
            app.theme.dim()
        };
        row.push(Span::styled(format!(" {name} "), style));
        row.push(Span::raw(" "));
        used += nw;
    }
    if !row.is_empty() {
        lines.push(Line::from(row));
    }
    lines.push(Line::raw(""));
    let (first, second) = names(term, app.lang);
    lines.push(Line::from(vec![
        Span::styled(first.to_owned(), Style::new().add_modifier(Modifier::BOLD)),
        Span::raw("  "),
        Span::styled(second.to_owned(), app.theme.dim()),
    ]));
    let def = match app.lang {
        Lang::Ko => &term.definition,
        Lang::En => &term.definition_en,
    };
    lines.extend(text::wrap(def, w).into_iter().map(Line::raw));
    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.bottom().saturating_sub(height + 1),
        width,
        height,
    };
    let block = Block::bordered()
        .title(format!(" {} ", s.define_title()))
        .title_bottom(Line::from(format!(" {} ", s.define_keys())).right_aligned())
        .border_style(app.theme.border(true));
    let inner = block.inner(rect);
    super::clear(app, frame, rect);
    frame.render_widget(block, rect);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A term's name in the UI language first, the other second.
fn names(term: &Term, lang: Lang) -> (&str, &str) {
    match lang {
        Lang::Ko => (&term.ko, &term.en),
        Lang::En => (&term.en, &term.ko),
    }
}
