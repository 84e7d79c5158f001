//! The glossary screen: a list of terms filtered by typing, and the selected term's definition
//! and links (lessons, questions, simulations that use it). A link opens over the glossary, so
//! Back returns to it at the same term. State and `update` first, then drawing.

use std::sync::Arc;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::lesson::Library;
use crate::lesson::glossary::Term;
use crate::search::{Index, Kind, hangul, matcher};
use crate::strings::Lang;
use crate::text;
use crate::ui::app::Screen as ScreenKind;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::layout::Bands;
use crate::ui::screen::{Ctx, Effect, Open, Screen};

pub use crate::links::glossary::{Link, Target, links};

/// The glossary screen's state.
#[derive(Debug, Clone)]
pub struct GlossaryView {
    /// Typed filter.
    pub filter: crate::ui::text_input::TextInput,
    /// Terms shown (indexes into the glossary), in file order.
    pub list: Vec<usize>,
    /// Selected row of `list`.
    pub selected: usize,
    /// The links pane has the keyboard.
    pub links_focus: bool,
    /// Selected link.
    pub link_selected: usize,
    /// Links of the selected term.
    pub links: Vec<Link>,
    /// The index the links come from.
    pub index: Arc<Index>,
    /// A paste changed the filter: the list is filtered again before the next frame.
    stale: bool,
}

impl GlossaryView {
    /// The glossary over `index`, at term `id` if given.
    pub fn new(index: Arc<Index>, id: Option<&str>, ctx: &Ctx) -> Self {
        let mut view = Self {
            filter: crate::ui::text_input::TextInput::default(),
            list: Vec::new(),
            selected: 0,
            links_focus: false,
            link_selected: 0,
            links: Vec::new(),
            index,
            stale: false,
        };
        view.refilter(ctx.library);
        if let Some(pos) = id
            .and_then(|id| ctx.library.glossary.position(id))
            .and_then(|t| view.list.iter().position(|&i| i == t))
        {
            view.selected = pos;
        }
        view.refresh_links(ctx);
        view
    }

    fn refresh_links(&mut self, ctx: &Ctx) {
        let english = ctx.lang == Lang::En;
        self.links = self
            .term()
            .map(|t| links(ctx.library, &self.index, t, english))
            .unwrap_or_default();
        self.link_selected = 0;
        if self.links.is_empty() {
            self.links_focus = false;
        }
    }

    /// Opens a link's target over the glossary.
    fn follow(target: Target, ctx: &Ctx) -> Effect {
        Effect::Open(match target {
            Target::Lesson { lesson, anchor } => Open::Lesson(lesson, anchor),
            Target::Questions(ids) => {
                Open::Session(ids, ctx.lang.pick("용어 문제", "Term questions").to_owned())
            }
            Target::Preset(id) => match ctx.presets.iter().position(|p| p.id() == id) {
                Some(i) => Open::Sim(i),
                None => return Effect::None,
            },
        })
    }

    /// The selected term's index in the glossary.
    pub fn term(&self) -> Option<usize> {
        self.list.get(self.selected).copied()
    }

    /// Moves the selection in the focused list by `step`; returns whether the term changed.
    fn move_by(&mut self, step: isize, terms: usize) -> bool {
        let clamp = |at: usize, n: usize| at.saturating_add_signed(step).min(n.saturating_sub(1));
        if self.links_focus {
            self.link_selected = clamp(self.link_selected, self.links.len());
            false
        } else {
            self.selected = clamp(self.selected, terms);
            true
        }
    }

    /// Applies the filter: every spelling of a term, with 초성 and spaces optional.
    fn refilter(&mut self, library: &Library) {
        let current = self.term();
        let norm = hangul::normalize_query(&self.filter);
        let pat: Vec<char> = norm.chars().filter(|c| *c != ' ').collect();
        self.list = library
            .glossary
            .terms
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                pat.is_empty()
                    || t.forms().any(|f| {
                        let text: Vec<char> =
                            f.chars().map(crate::lesson::glossary::fold_char).collect();
                        matcher::contiguous(&text, &pat).is_some()
                    })
            })
            .map(|(i, _)| i)
            .collect();
        self.selected = current
            .and_then(|c| self.list.iter().position(|&i| i == c))
            .unwrap_or(0);
    }
}

impl Screen for GlossaryView {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Glossary
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Glossary]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let n = self.list.len();
        let relink = match action {
            Action::Quit => return Effect::Quit,
            Action::Cancel | Action::Back => {
                if self.links_focus {
                    self.links_focus = false;
                    false
                } else if !self.filter.is_empty() {
                    self.filter.clear();
                    self.refilter(ctx.library);
                    true
                } else {
                    return Effect::Pop;
                }
            }
            Action::FocusToc => {
                self.links_focus = !self.links_focus && !self.links.is_empty();
                false
            }
            Action::Open => {
                if self.links_focus {
                    if let Some(link) = self.links.get(self.link_selected).cloned() {
                        return Self::follow(link.target, ctx);
                    }
                } else {
                    self.links_focus = !self.links.is_empty();
                }
                false
            }
            Action::Down => self.move_by(1, n),
            Action::Up => self.move_by(-1, n),
            Action::PageDown => self.move_by(10, n),
            Action::PageUp => self.move_by(-10, n),
            _ => false,
        };
        if relink {
            self.refresh_links(ctx);
        }
        Effect::None
    }

    /// Editing keys go to the filter (unless the links have focus), the rest to the glossary's
    /// key map; Ctrl-K is left to the app (the palette opens over the glossary).
    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        use crate::ui::text_input::{Edit, edit};
        if crate::ui::screens::palette::is_palette_key(key) {
            return None;
        }
        let action = keymap::lookup(&[Context::Glossary], key);
        // With the links in focus, ←/→ go back to the terms; typing still filters.
        let typed = if self.links_focus && action.is_some() {
            Edit::Ignored
        } else {
            edit(&mut self.filter, key)
        };
        Some(match (typed, action) {
            (Edit::Changed, _) => {
                self.links_focus = false;
                self.refilter(ctx.library);
                self.refresh_links(ctx);
                Effect::None
            }
            (Edit::Ignored, Some(action)) => self.update(action, ctx),
            // Only the cursor moved, or a key the glossary does not use.
            _ => Effect::None,
        })
    }

    fn paste(&mut self, text: &str) -> bool {
        if self.filter.insert(text) {
            self.stale = true;
        }
        true
    }

    fn prepare(&mut self, ctx: &Ctx) -> Effect {
        if std::mem::take(&mut self.stale) {
            self.refilter(ctx.library);
            self.refresh_links(ctx);
        }
        Effect::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(ctx, self, frame, area);
    }
}

fn draw(app: &Ctx, g: &GlossaryView, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    let glossary = &app.library.glossary;
    crate::ui::view::clear_for(app, frame, area);
    let bands = Bands::of(area);
    crate::ui::view::title_bar(
        app,
        frame,
        bands.title,
        &s.glossary_title(glossary.terms.len()),
        "",
    );
    let status = Line::from(Span::raw(format!(" {}", s.glossary_keys())));
    let status = match app.message {
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

/// A term's name in the UI language first, the other second.
pub(super) fn names(term: &Term, lang: Lang) -> (&str, &str) {
    match lang {
        Lang::Ko => (&term.ko, &term.en),
        Lang::En => (&term.en, &term.ko),
    }
}
