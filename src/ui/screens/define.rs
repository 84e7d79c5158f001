//! The reader's definition popup, an overlay at the bottom of the text column.
//!
//! "The term under focus" in the reader is every glossary term mentioned in the lines on screen,
//! top to bottom: the reading position is the screen, not a cursor (the reader has none), and a
//! learner who meets an unknown word has it in front of them. `d` opens the list with the first
//! term's definition; pressing `d` again cycles through the others, Enter opens the term in the
//! glossary, any other key closes the popup.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::glossary::names;
use super::reader::ReaderLayout;
use crate::strings::Lang;
use crate::text;
use crate::ui::app::Screen as ScreenKind;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::{Ctx, Effect, Open, Screen, StatusKeys};

/// The definition popup over the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Define {
    /// The terms on screen, top to bottom (indexes into the glossary).
    pub terms: Vec<usize>,
    /// The one whose definition is shown.
    pub selected: usize,
    /// The reader's contents panel is shown (the popup sits under the text column).
    pub toc_visible: bool,
}

impl Screen for Define {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Define
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Define]
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn status_keys(&self) -> StatusKeys {
        StatusKeys::InBorder
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let n = self.terms.len().max(1);
        match action {
            Action::Down => self.selected = (self.selected + 1) % n,
            Action::Up => self.selected = (self.selected + n - 1) % n,
            Action::Open => {
                let Some(term) = self.terms.get(self.selected) else {
                    return Effect::Close;
                };
                let id = ctx.library.glossary.terms[*term].id.clone();
                return Effect::Many(vec![Effect::Close, Effect::Open(Open::Glossary(Some(id)))]);
            }
            _ => return Effect::Close,
        }
        Effect::None
    }

    /// Every key: the popup's own, and any other closes it.
    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        Some(match keymap::lookup(&[Context::Define], key) {
            Some(action) => self.update(action, ctx),
            None => Effect::Close,
        })
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(
            ctx,
            self,
            frame,
            ReaderLayout::new(area, self.toc_visible).text,
        );
    }
}

/// The definition popup at the bottom of the reader's text.
fn draw(app: &Ctx, d: &Define, frame: &mut Frame, area: Rect) {
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
    let titles = (s.define_title(), s.define_keys());
    let inner = crate::ui::view::overlay_box(app, frame, rect, titles, 1);
    frame.render_widget(Paragraph::new(lines), inner);
}
