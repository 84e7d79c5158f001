//! The search palette (Ctrl-K anywhere, `/` on the home screen), an overlay: one query over
//! everything, results grouped by kind, Enter opens the exact spot in place of the palette.
//! State and `update` first, then drawing: an input line with the real cursor at the caret (so
//! a Korean IME composes in place), then the results with the matching text highlighted.
//!
//! The app builds the index when the palette (or the glossary) is first opened (see
//! [`IndexSlot`]) and hands it over; queries go through [`Palette::refresh`] only.

use std::ops::Range;
use std::sync::Arc;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::search::locate::Spot;
use crate::search::{Group, GroupHits, Index, Kind, SIM_TITLE_SEPARATOR, snippet};
use crate::text;
use crate::ui::app::Screen as ScreenKind;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::{Ctx, Effect, Open, Screen, StatusKeys};

/// Results kept per group in the palette.
pub const PER_GROUP: usize = 5;

pub use crate::search::build::{IndexSlot, build_index, preset_docs};

/// One row of the result list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A group heading with the group's total.
    Header(Group, usize),
    /// A hit: index into `groups`, then into its hits.
    Hit(usize, usize),
}

/// The palette's state.
#[derive(Debug, Clone)]
pub struct Palette {
    /// What is typed.
    pub input: crate::ui::text_input::TextInput,
    /// Results of `input`.
    pub groups: Vec<GroupHits>,
    /// Rows to draw, headings and hits.
    pub rows: Vec<Row>,
    /// The selected row (always a hit when there is one).
    pub selected: usize,
    /// The index the results refer to.
    pub index: Arc<Index>,
}

impl Palette {
    /// An empty palette over `index`.
    pub fn new(index: Arc<Index>) -> Self {
        Self {
            input: crate::ui::text_input::TextInput::default(),
            groups: Vec::new(),
            rows: Vec::new(),
            selected: 0,
            index,
        }
    }

    /// Runs the query again and selects the first hit.
    pub fn refresh(&mut self) {
        self.groups = self.index.search(&self.input, PER_GROUP);
        self.rows.clear();
        for (g, group) in self.groups.iter().enumerate() {
            if group.hits.is_empty() {
                continue;
            }
            self.rows.push(Row::Header(group.group, group.total));
            self.rows
                .extend((0..group.hits.len()).map(|h| Row::Hit(g, h)));
        }
        self.selected = self.first_hit().unwrap_or(0);
    }

    /// Takes a newer part of the index from a background build (see
    /// [`crate::search::build::Live`]) and runs the query again on it, keeping the selection on
    /// the same hit when it is still there.
    pub fn follow_build(&mut self) {
        let Some(latest) = self.index.building.as_ref().and_then(|l| l.latest()) else {
            return;
        };
        if Arc::ptr_eq(&latest, &self.index) {
            return;
        }
        let was = self.selected_doc().map(|(doc, _)| doc);
        self.index = latest;
        self.refresh();
        if let Some(i) = was.and_then(|doc| {
            self.rows.iter().position(|r| match *r {
                Row::Hit(g, h) => self.groups[g].hits[h].doc == doc,
                Row::Header(..) => false,
            })
        }) {
            self.selected = i;
        }
    }

    /// Lessons indexed so far and in all while a background build runs.
    pub fn building(&self) -> Option<(usize, usize)> {
        self.index.building.as_ref().and_then(|l| l.progress())
    }

    fn first_hit(&self) -> Option<usize> {
        self.rows.iter().position(|r| matches!(r, Row::Hit(..)))
    }

    /// Moves the selection by `delta` hits, skipping headings.
    pub fn move_by(&mut self, delta: isize) {
        let hits: Vec<usize> = (0..self.rows.len())
            .filter(|&i| matches!(self.rows[i], Row::Hit(..)))
            .collect();
        let Some(now) = hits.iter().position(|&i| i == self.selected) else {
            return;
        };
        let next = now
            .saturating_add_signed(delta)
            .min(hits.len().saturating_sub(1));
        self.selected = hits[next];
    }

    /// The selected hit's document index.
    pub fn selected_doc(&self) -> Option<(usize, &crate::search::Hit)> {
        match self.rows.get(self.selected) {
            Some(Row::Hit(g, h)) => {
                let hit = self.groups.get(*g)?.hits.get(*h)?;
                Some((hit.doc, hit))
            }
            _ => None,
        }
    }

    /// Number of hits shown.
    pub fn hit_count(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| matches!(r, Row::Hit(..)))
            .count()
    }
}

/// Whether `key` opens the palette on every screen (Ctrl-K in the key map), before any screen
/// or typing box sees it.
pub fn is_palette_key(key: &KeyEvent) -> bool {
    keymap::lookup(&[Context::Global], key) == Some(Action::Palette)
}

impl Palette {
    /// What Enter on the selected result opens, in place of the palette: the reader at the
    /// spot, the question, the simulation, the term.
    fn open_selected(&self, ctx: &Ctx) -> Effect {
        let Some((doc_index, hit)) = self.selected_doc() else {
            return Effect::None;
        };
        let doc = &self.index.docs[doc_index];
        let open = match doc.kind {
            Kind::Lesson | Kind::Section | Kind::Paragraph => {
                let Some(li) = doc.lesson else {
                    return Effect::Close;
                };
                let spot = match doc.kind {
                    Kind::Lesson => Some(Spot::default()),
                    Kind::Paragraph => {
                        let at = hit.ranges.first().map_or(0, |r| r.start);
                        Some(Spot::new(&doc.text[0], at))
                    }
                    _ => None,
                };
                Open::Found(li, doc.anchor.clone(), spot)
            }
            Kind::Question => Open::Session(
                vec![doc.id.clone()],
                ctx.lang.pick("검색한 문제", "Found question").to_owned(),
            ),
            Kind::Simulation => match ctx.presets.iter().position(|p| p.id() == doc.id) {
                Some(i) => Open::Sim(i),
                None => return Effect::Close,
            },
            Kind::Term => Open::Glossary(Some(doc.id.clone())),
        };
        // What opens goes over the screen under the palette: Back returns there.
        Effect::Many(vec![Effect::Close, Effect::Open(open)])
    }
}

impl Screen for Palette {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Palette
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Palette]
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn status_keys(&self) -> StatusKeys {
        StatusKeys::InBorder
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match action {
            Action::Cancel | Action::Palette => return Effect::Close,
            Action::Quit => return Effect::Quit,
            Action::Confirm => return self.open_selected(ctx),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(5),
            Action::PageUp => self.move_by(-5),
            _ => {}
        }
        Effect::None
    }

    /// Every key: editing keys go to the box, the rest to the palette's key map.
    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        use crate::ui::text_input::{Edit, edit};
        if is_palette_key(key) {
            return Some(Effect::Close);
        }
        Some(match edit(&mut self.input, key) {
            Edit::Changed => {
                self.refresh();
                Effect::None
            }
            Edit::Moved => Effect::None,
            Edit::Ignored => keymap::lookup(&[Context::Palette], key)
                .map_or(Effect::None, |action| self.update(action, ctx)),
        })
    }

    fn paste(&mut self, text: &str) -> bool {
        let changed = self.input.insert(text);
        if changed {
            self.refresh();
        }
        true
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(ctx, self, frame, area);
    }

    fn prepare(&mut self, _ctx: &Ctx) -> Effect {
        self.follow_build();
        Effect::None
    }
}

fn draw(app: &Ctx, palette: &Palette, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(2).min(30);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + 1,
        width,
        height,
    };
    let titles = (s.palette_prompt(), s.palette_keys());
    let inner = crate::ui::view::overlay_box(app, frame, rect, titles, 0);
    if inner.height < 2 || inner.width < 4 {
        return;
    }
    let room = usize::from(inner.width);

    // The input line: "› " then the end of what is typed (the caret is at the end).
    let prompt = "› ";
    let shown = crate::ui::view::tail(&palette.input, room.saturating_sub(text::width(prompt) + 1));
    let input = Line::from(vec![
        Span::styled(prompt, app.theme.key()),
        Span::raw(shown.clone()),
    ]);
    let input_area = Rect { height: 1, ..inner };
    frame.render_widget(Paragraph::new(input), input_area);
    let x = inner.x
        + (text::width(prompt) + crate::ui::text_input::caret(&palette.input, &shown)) as u16;
    frame.set_cursor_position(Position {
        x: x.min(inner.right().saturating_sub(1)),
        y: inner.y,
    });

    // While a user's content is still being indexed: how far it got (results so far below).
    if let Some((done, total)) = palette.building()
        && inner.height > 2
    {
        let line = Line::styled(
            text::truncate(&s.indexing(done, total), room),
            app.theme.dim(),
        );
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
        );
    }

    let list = Rect {
        y: inner.y + 2,
        height: inner.height.saturating_sub(2),
        ..inner
    };
    if list.height == 0 {
        return;
    }
    if palette.input.trim().is_empty() {
        let lines: Vec<Line> = text::wrap(s.palette_hint(), room)
            .into_iter()
            .map(|l| Line::styled(l, app.theme.dim()))
            .collect();
        frame.render_widget(Paragraph::new(lines), list);
        return;
    }
    if palette.rows.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(s.no_results(), app.theme.warning())),
            list,
        );
        return;
    }
    let rows = usize::from(list.height);
    // Keep the selection in view, with its group heading when there is room.
    let offset = palette.selected.saturating_sub(rows.saturating_sub(2));
    let english = app.lang == crate::strings::Lang::En;
    let lines: Vec<Line> = palette
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(rows)
        .map(|(i, row)| match *row {
            Row::Header(group, total) => Line::styled(
                text::truncate(&format!("{} · {total}", group.label(english)), room),
                Style::new().add_modifier(Modifier::BOLD),
            ),
            Row::Hit(g, h) => {
                let hit = &palette.groups[g].hits[h];
                let doc = &palette.index.docs[hit.doc];
                let selected = i == palette.selected;
                let location = text::truncate(doc.place(english), room / 3);
                let loc_w = text::width(&location);
                let body_w = room.saturating_sub(loc_w + 4);
                let swapped = (english && doc.kind == Kind::Simulation && hit.field == 0)
                    .then(|| english_first(&doc.text[0], &hit.ranges));
                let (text, matched) = swapped.as_ref().map_or(
                    (doc.text[hit.field].as_str(), hit.ranges.as_slice()),
                    |(t, r)| (t.as_str(), r.as_slice()),
                );
                let (snip, ranges) = snippet(text, matched, body_w);
                let (snip, ranges) = without_markup(&snip, &ranges);
                let base = if selected {
                    app.theme.selected()
                } else {
                    Style::new()
                };
                let mut spans = vec![Span::styled(if selected { "▸ " } else { "  " }, base)];
                let mut used = 2;
                let body = highlighted(
                    &snip,
                    &ranges,
                    body_w,
                    base,
                    base.patch(app.theme.search_match()),
                );
                used += body.iter().map(|s| text::width(&s.content)).sum::<usize>();
                spans.extend(body);
                let pad = room.saturating_sub(used + loc_w);
                spans.push(Span::styled(" ".repeat(pad), base));
                spans.push(Span::styled(location, base.patch(app.theme.dim())));
                Line::from(spans)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// `s` as spans at most `width` cells wide, the byte `ranges` styled `hl`; "…" if cut.
pub(in crate::ui) fn highlighted(
    s: &str,
    ranges: &[Range<usize>],
    width: usize,
    base: Style,
    hl: Style,
) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    let mut current = String::new();
    let mut current_hl = false;
    let total = text::width(s);
    let limit = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    for (i, c) in s.char_indices() {
        let w = text::width(c.encode_utf8(&mut [0; 4]));
        if used + w > limit {
            break;
        }
        let is_hl = ranges.iter().any(|r| r.contains(&i));
        if is_hl != current_hl && !current.is_empty() {
            let style = if current_hl { hl } else { base };
            spans.push(Span::styled(std::mem::take(&mut current), style));
        }
        current_hl = is_hl;
        current.push(c);
        used += w;
    }
    if !current.is_empty() {
        spans.push(Span::styled(current, if current_hl { hl } else { base }));
    }
    if total > width {
        spans.push(Span::styled("…", base));
    }
    spans
}

/// A simulation's main text (`Korean · English` titles) with the English half first, and the
/// matched char ranges moved along: English mode reads its own title first.
fn english_first(text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let Some((ko, en)) = text.split_once(SIM_TITLE_SEPARATOR) else {
        return (text.to_owned(), ranges.to_vec());
    };
    let sep = SIM_TITLE_SEPARATOR.chars().count();
    let (ko_n, en_n) = (ko.chars().count(), en.chars().count());
    let mut moved: Vec<Range<usize>> = ranges
        .iter()
        .filter_map(|r| {
            if r.end <= ko_n {
                Some(r.start + en_n + sep..r.end + en_n + sep)
            } else if r.start >= ko_n + sep {
                Some(r.start - ko_n - sep..r.end - ko_n - sep)
            } else {
                // A match across the separator has no place in the swapped text.
                None
            }
        })
        .collect();
    moved.sort_by_key(|r| r.start);
    (format!("{en}{SIM_TITLE_SEPARATOR}{ko}"), moved)
}

/// `s` without markdown's inline markup (`**`, `__`, backticks), the byte `ranges` moved along:
/// a learner sees "강조", not "**강조**".
fn without_markup(s: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(s.len());
    // `new_at[i]`: where byte `i` of `s` lands in `out` (for every char boundary and the end).
    let mut new_at = vec![0; s.len() + 1];
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        new_at[i] = out.len();
        let doubled = matches!(c, '*' | '_') && chars.peek().is_some_and(|&(_, n)| n == c);
        if doubled {
            let (j, _) = chars.next().expect("peeked");
            new_at[j] = out.len();
        } else if c != '`' {
            out.push(c);
        }
    }
    new_at[s.len()] = out.len();
    let moved = ranges
        .iter()
        .map(|r| new_at[r.start.min(s.len())]..new_at[r.end.min(s.len())])
        .filter(|r| r.start < r.end)
        .collect();
    (out, moved)
}

#[cfg(test)]
mod tests {
    use super::without_markup;

    #[test]
    fn snippets_lose_their_markup_and_keep_their_highlights() {
        let s = "**강조**와 `code` 그리고 __밑줄__";
        let at = s.find("code").unwrap();
        let (plain, ranges) = without_markup(s, std::slice::from_ref(&(at..at + 4)));
        assert_eq!(plain, "강조와 code 그리고 밑줄");
        assert_eq!(plain.get(ranges[0].clone()), Some("code"));
        let (same, _) = without_markup("a*b_c", &[]);
        assert_eq!(same, "a*b_c", "single marks stay");
    }
}
