//! The lesson reader: scrolling, table of contents, in-lesson search, and the section line
//! (the current section's questions and simulation). State and `update` here, drawing in
//! `view`.
//!
//! The lesson is rendered for the current text width and kept until the width (or language)
//! changes. Positions are saved as a fraction of the lesson (in 1/10,000) so a lesson reopened
//! in a terminal of another width opens at the same place in the text.

mod view;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use crate::lesson::styled::{LineKind, Rendered, Role};
use crate::lesson::{Library, RenderOptions, render};
use crate::quiz::session::Filter;
use crate::strings::{Lang, Strings};
use crate::text;
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::{Ctx, Effect, Open, Screen};

pub use crate::ui::layout::MAX_TEXT_WIDTH;

/// One search match: rendered line and byte range in its plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Rendered line index.
    pub line: usize,
    /// Byte range in [`crate::lesson::styled::Line::plain`].
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
}

/// In-lesson search.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The search box has focus.
    pub editing: bool,
    /// What is typed in the box.
    pub input: crate::ui::text_input::TextInput,
    /// The last confirmed query.
    pub query: String,
    /// Matches of `query`.
    pub matches: Vec<Match>,
    /// Index of the current match.
    pub current: usize,
}

/// Screen areas of the reader, derived from the terminal size.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReaderLayout {
    /// Title bar.
    pub title: Rect,
    /// Table of contents panel (zero when hidden).
    pub toc: Rect,
    /// The text column.
    pub text: Rect,
    /// The section line under the text: the section's questions and simulation (zero rows in
    /// a short window).
    pub links: Rect,
    /// Status bar.
    pub status: Rect,
}

impl ReaderLayout {
    /// Computes the layout for `area`.
    pub fn new(area: Rect, toc_visible: bool) -> Self {
        let crate::ui::layout::Bands {
            title,
            body,
            status,
        } = crate::ui::layout::Bands::of(area);
        let toc_width = if toc_visible {
            (area.width / 4).clamp(20, 34).min(area.width / 2)
        } else {
            0
        };
        let toc = Rect {
            width: toc_width,
            ..body
        };
        let rest = Rect {
            x: body.x + toc_width,
            width: body.width.saturating_sub(toc_width),
            ..body
        };
        // One cell of margin each side, then centre a column of at most MAX_TEXT_WIDTH.
        let inner = rest.width.saturating_sub(4).max(1);
        let width = inner.min(MAX_TEXT_WIDTH);
        let x = rest.x + 2 + (inner - width) / 2;
        let mut text = Rect { x, width, ..rest };
        // Reserved whenever there is room, so the text does not jump between sections.
        let links = if area.height >= 16 {
            text.height = text.height.saturating_sub(1);
            Rect {
                y: text.bottom(),
                height: 1,
                ..text
            }
        } else {
            Rect {
                y: text.bottom(),
                height: 0,
                ..text
            }
        };
        Self {
            title,
            toc,
            text,
            links,
            status,
        }
    }
}

/// The reader.
#[derive(Debug, Clone)]
pub struct Reader {
    /// Index of the lesson in [`Library::lessons`].
    pub lesson: usize,
    /// The lesson rendered for `rendered_width`.
    pub rendered: Rendered,
    rendered_width: usize,
    /// Top visible line.
    pub scroll: usize,
    /// Horizontal scroll of code lines, in cells.
    pub hscroll: usize,
    /// Saved position to restore after the first render (1/10,000 of the lesson).
    restore: Option<usize>,
    /// Table of contents shown.
    pub toc_visible: bool,
    /// Table of contents has the keyboard.
    pub toc_focus: bool,
    /// Selected heading in the table of contents.
    pub toc_selected: usize,
    /// Search state.
    pub search: Search,
    /// Current layout.
    pub layout: ReaderLayout,
    /// A heading anchor to scroll to once the lesson is rendered.
    pub jump_anchor: Option<String>,
    /// Text to scroll to once the lesson is rendered (after `jump_anchor`, within its section).
    pub jump_text: Option<crate::search::locate::Spot>,
    /// Glossary terms in the rendered lines, in order.
    pub terms: Vec<TermMark>,
    /// After a jump the end of the lesson stopped short of: (scroll after the jump, target
    /// line). While the scroll stays there, the target's section is the current one, so its
    /// link line and `P` speak of the section jumped to, not the one at the top of the screen.
    focus: Option<(usize, usize)>,
    /// The view got where it is by a jump (search, contents, a link), not by scrolling: landing
    /// at the end of the lesson that way does not mean the lesson was read.
    jumped: bool,
    /// The language the lesson was rendered in.
    rendered_lang: Option<Lang>,
    /// How much of the lesson had been on screen when the view last got there by reading (a
    /// jump near the end is not reading, so it does not raise the saved percentage).
    reached: u8,
    /// The current section's links (its questions and simulation).
    pub section: Option<crate::links::SectionLinks>,
    /// What `section` was worked out for (heading, banks loaded, preset count): counting a
    /// section's questions scans the whole bank, so it is redone only when one of these
    /// changes, not on every frame.
    section_for: Option<(Option<usize>, bool, usize)>,
}

/// A glossary term in a rendered line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermMark {
    /// Rendered line index.
    pub line: usize,
    /// Byte range in the line's plain text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Index into the glossary.
    pub term: usize,
    /// The term's first mention in its section: the one drawn highlighted.
    pub first: bool,
}

impl Reader {
    /// A reader for lesson `lesson`, to be opened at `position` (1/10,000 of the lesson).
    pub fn new(lesson: usize, position: usize, toc_visible: bool) -> Self {
        Self {
            lesson,
            rendered: Rendered::default(),
            rendered_width: 0,
            scroll: 0,
            hscroll: 0,
            restore: Some(position),
            toc_visible,
            toc_focus: false,
            toc_selected: 0,
            search: Search::default(),
            layout: ReaderLayout::default(),
            jump_anchor: None,
            jump_text: None,
            terms: Vec::new(),
            focus: None,
            jumped: false,
            rendered_lang: None,
            reached: 0,
            section: None,
            section_for: None,
        }
    }

    /// Lesson `lesson` where it was left (from the saved progress).
    pub fn open(lesson: usize, ctx: &Ctx, toc_visible: bool) -> Self {
        let saved = ctx
            .library
            .lessons
            .get(lesson)
            .and_then(|l| ctx.store.progress().lessons.get(&l.meta.id));
        let mut reader = Self::new(lesson, saved.map_or(0, |p| p.scroll), toc_visible);
        reader.reached = saved.map_or(0, |p| p.percent);
        reader
    }

    /// Forces a re-render before the next frame (e.g. after a language switch).
    pub fn invalidate(&mut self) {
        if self.restore.is_none() {
            self.restore = Some(self.position());
        }
        self.rendered_width = 0;
    }

    /// Visible text lines.
    pub fn page(&self) -> usize {
        usize::from(self.layout.text.height).max(1)
    }

    fn max_scroll(&self) -> usize {
        self.rendered.lines.len().saturating_sub(self.page())
    }

    /// Position of the top line in 1/10,000 of the lesson.
    pub fn position(&self) -> usize {
        let total = self.rendered.lines.len();
        (self.scroll * 10_000)
            .checked_div(total)
            .unwrap_or_else(|| self.restore.unwrap_or(0))
    }

    /// How much of the lesson has been on screen, 0-100.
    pub fn percent(&self) -> u8 {
        let total = self.rendered.lines.len();
        if total == 0 {
            return 0;
        }
        ((self.scroll + self.page()).min(total) * 100 / total) as u8
    }

    /// Fits the reader to `area`, re-rendering if the width changed. Returns `true` when the
    /// end of the lesson is on screen.
    pub fn fit(&mut self, area: Rect, library: &Library, lang: Lang) -> bool {
        self.layout = ReaderLayout::new(area, self.toc_visible);
        let width = usize::from(self.layout.text.width);
        if width != self.rendered_width || self.rendered_lang != Some(lang) {
            self.rendered_lang = Some(lang);
            if self.restore.is_none() && !self.rendered.lines.is_empty() {
                self.restore = Some(self.position());
            }
            let opts = RenderOptions {
                width,
                image_label: Strings::new(lang).image_label(),
                ..RenderOptions::default()
            };
            let markdown =
                library.lesson_markdown(self.lesson, Strings::new(lang).callout_labels());
            self.rendered = render(&markdown, &opts);
            self.rendered_width = width;
            if let Some(pos) = self.restore.take() {
                // Rounded up: `position` rounds down, so at the same width this is the very
                // line left (rounding down twice reopened a lesson one line above it, with the
                // section before it as the current one).
                self.scroll = (pos * self.rendered.lines.len()).div_ceil(10_000);
            }
            self.refresh_matches();
            self.terms = term_marks(&self.rendered, &library.glossary);
        }
        let anchor = self.jump_anchor.take();
        let mut section_start = 0;
        let mut target = None;
        if let Some(h) = anchor.and_then(|a| self.rendered.headings.iter().find(|h| h.anchor == a))
        {
            self.scroll = h.line;
            section_start = h.line;
            target = Some(h.line);
        }
        if let Some(spot) = self.jump_text.take() {
            match crate::search::locate::find_line(&self.rendered.lines, section_start, &spot) {
                // A little context above the line, as for in-lesson search matches.
                Some(line) => {
                    self.scroll = line.saturating_sub(2);
                    target = Some(line);
                }
                None => self.scroll = section_start,
            }
        }
        self.scroll = self.scroll.min(self.max_scroll());
        if let Some(line) = target {
            self.focus_on(line);
            self.jumped = true;
        }
        if !self.toc_focus {
            self.toc_selected = self.current_heading().unwrap_or(0);
        }
        if !self.jumped && !self.rendered.lines.is_empty() {
            self.reached = self.percent();
        }
        !self.rendered.lines.is_empty() && !self.jumped && self.scroll >= self.max_scroll()
    }

    /// Index of the heading the top of the screen is in.
    pub fn current_heading(&self) -> Option<usize> {
        let top = match self.focus {
            Some((scroll, line)) if scroll == self.scroll => line,
            _ => self.scroll,
        };
        self.rendered
            .headings
            .iter()
            .rposition(|h| h.line <= top)
            .or(if self.rendered.headings.is_empty() {
                None
            } else {
                Some(0)
            })
    }

    /// Makes `line`'s section the current one while the scroll stays where it is now (only
    /// needed when the scroll was clamped above `line`'s heading).
    fn focus_on(&mut self, line: usize) {
        self.focus = (line > self.scroll).then_some((self.scroll, line));
    }

    /// Scrolls by `delta` lines.
    pub fn scroll_by(&mut self, delta: isize) {
        self.focus = None;
        self.jumped = false;
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Handles a reader action that stays within the reader; may return a status message.
    pub fn action(&mut self, action: Action, lang: Lang) -> Option<String> {
        let page = self.page() as isize;
        if self.toc_focus {
            return self.toc_action(action);
        }
        match action {
            Action::Down => self.scroll_by(1),
            Action::Up => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page.saturating_sub(2).max(1)),
            Action::PageUp => self.scroll_by(-page.saturating_sub(2).max(1)),
            Action::HalfPageDown => self.scroll_by((page / 2).max(1)),
            Action::HalfPageUp => self.scroll_by(-(page / 2).max(1)),
            Action::Top => {
                self.focus = None;
                self.jumped = false;
                self.scroll = 0;
            }
            Action::Bottom => {
                self.focus = None;
                self.jumped = false;
                self.scroll = self.max_scroll();
            }
            Action::Left => self.hscroll = self.hscroll.saturating_sub(8),
            Action::Right => self.hscroll = (self.hscroll + 8).min(self.max_hscroll()),
            Action::ToggleToc => {
                self.toc_visible = !self.toc_visible;
                self.toc_focus = self.toc_visible;
            }
            Action::FocusToc => {
                if self.toc_visible {
                    self.toc_focus = true;
                } else {
                    self.toc_visible = true;
                    self.toc_focus = true;
                }
            }
            Action::SearchStart => {
                self.search.editing = true;
                self.search.input.clear();
            }
            Action::SearchNext | Action::SearchPrev => {
                return self.step_match(action == Action::SearchNext, lang);
            }
            _ => {}
        }
        None
    }

    fn toc_action(&mut self, action: Action) -> Option<String> {
        let n = self.rendered.headings.len();
        match action {
            Action::Down => self.toc_selected = (self.toc_selected + 1).min(n.saturating_sub(1)),
            Action::Up => self.toc_selected = self.toc_selected.saturating_sub(1),
            Action::Top => self.toc_selected = 0,
            Action::Bottom => self.toc_selected = n.saturating_sub(1),
            Action::Open => {
                if let Some(h) = self.rendered.headings.get(self.toc_selected) {
                    self.scroll = h.line.min(self.max_scroll());
                    self.focus_on(h.line);
                    self.jumped = true;
                }
                self.toc_focus = false;
            }
            Action::FocusToc => self.toc_focus = false,
            Action::ToggleToc => {
                self.toc_visible = false;
                self.toc_focus = false;
            }
            _ => {}
        }
        None
    }

    /// Keys typed into the search box.
    pub fn search_key(&mut self, key: &KeyEvent) {
        use crate::ui::text_input::{Edit, edit};
        if edit(&mut self.search.input, key) != Edit::Ignored {
            return;
        }
        match keymap::lookup(&[Context::Search], key) {
            Some(Action::Confirm) => {
                self.search.editing = false;
                self.search.query = self.search.input.trim().to_owned();
                self.refresh_matches();
                self.search.current = self
                    .search
                    .matches
                    .iter()
                    .position(|m| m.line >= self.scroll)
                    .unwrap_or(0);
                self.show_current_match();
            }
            Some(Action::Cancel) => self.search.editing = false,
            _ => {}
        }
    }

    fn refresh_matches(&mut self) {
        self.search.matches.clear();
        let query = self.search.query.to_ascii_lowercase();
        if query.is_empty() {
            return;
        }
        for (i, line) in self.rendered.lines.iter().enumerate() {
            let plain = line.plain().to_ascii_lowercase();
            let mut from = 0;
            while let Some(pos) = plain.get(from..).and_then(|s| s.find(&query)) {
                let start = from + pos;
                self.search.matches.push(Match {
                    line: i,
                    start,
                    end: start + query.len(),
                });
                from = start + query.len();
            }
        }
        self.search.current = self
            .search
            .current
            .min(self.search.matches.len().saturating_sub(1));
    }

    fn step_match(&mut self, forward: bool, lang: Lang) -> Option<String> {
        let n = self.search.matches.len();
        if n == 0 {
            return (!self.search.query.is_empty())
                .then(|| Strings::new(lang).no_match().to_owned());
        }
        self.search.current = if forward {
            (self.search.current + 1) % n
        } else {
            (self.search.current + n - 1) % n
        };
        self.show_current_match();
        None
    }

    /// Scrolls so the current match is visible, a few lines below the top.
    fn show_current_match(&mut self) {
        if let Some(m) = self.search.matches.get(self.search.current) {
            let visible = m.line >= self.scroll && m.line < self.scroll + self.page();
            if !visible {
                self.scroll = m.line.saturating_sub(3).min(self.max_scroll());
                self.jumped = true;
            }
        }
    }

    /// How far code lines can scroll right: until the widest one's end is in view.
    fn max_hscroll(&self) -> usize {
        let widest = self
            .rendered
            .lines
            .iter()
            .filter(|l| l.kind == LineKind::Code)
            .map(|l| text::width(&l.plain()))
            .max()
            .unwrap_or(0);
        // One extra cell for the clip marker.
        (widest + 1).saturating_sub(usize::from(self.layout.text.width))
    }
}

/// Opens `url` in the browser with `xdg-open` (or `open` on macOS) when there is one, without
/// waiting for it; nothing happens where neither exists.
fn open_in_browser(url: &str) {
    use std::process::{Command, Stdio};
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let child = Command::new(opener)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if let Ok(mut child) = child {
        // Reaped on a thread so it never waits in the UI nor lingers as a zombie.
        std::thread::spawn(move || child.wait());
    }
}

/// Every glossary term in the prose lines of `rendered`; the first mention of a term in each
/// section is marked `first`.
fn term_marks(rendered: &Rendered, glossary: &crate::lesson::glossary::Glossary) -> Vec<TermMark> {
    let matcher = crate::lesson::glossary::TermMatcher::new(glossary);
    let mut out = Vec::new();
    if matcher.is_empty() {
        return out;
    }
    let mut seen = std::collections::HashSet::new();
    let mut headings = rendered.headings.iter().peekable();
    for (i, line) in rendered.lines.iter().enumerate() {
        if headings.next_if(|h| h.line <= i).is_some() {
            seen.clear();
        }
        if line.kind != LineKind::Prose {
            continue;
        }
        for f in matcher.find(&line.plain()) {
            out.push(TermMark {
                line: i,
                start: f.start,
                end: f.end,
                term: f.term,
                first: seen.insert(f.term),
            });
        }
    }
    out
}

impl Reader {
    /// The lesson this reader shows, if it still exists.
    fn meta<'a>(&self, ctx: &Ctx<'a>) -> Option<&'a crate::lesson::LessonMeta> {
        ctx.library.lessons.get(self.lesson).map(|l| &l.meta)
    }

    /// The section line's links, worked out again when the section (or the data) changed.
    fn refresh_section(&mut self, ctx: &Ctx) {
        let key = (
            self.current_heading(),
            ctx.bank.is_some(),
            ctx.presets.len(),
        );
        if self.section_for == Some(key) {
            return;
        }
        self.section_for = Some(key);
        self.section = self.meta(ctx).and_then(|meta| {
            crate::links::section_links(
                &self.rendered.headings,
                key.0,
                &meta.id,
                &meta.tags,
                ctx.bank,
                ctx.presets,
            )
        });
    }

    /// The glossary terms on screen, top to bottom, for the definition popup.
    fn terms_on_screen(&self) -> Vec<usize> {
        let (top, page) = (self.scroll, self.page());
        let mut terms: Vec<usize> = Vec::new();
        for m in self
            .terms
            .iter()
            .filter(|m| m.line >= top && m.line < top + page)
        {
            if !terms.contains(&m.term) {
                terms.push(m.term);
            }
        }
        terms
    }

    /// The web address of the first picture on screen that has one (its placeholder ends in
    /// "(https://…)", possibly wrapped over several lines).
    pub fn picture_link(&self) -> Option<String> {
        let lines = &self.rendered.lines;
        let end = (self.scroll + self.page()).min(lines.len());
        (self.scroll..end).find_map(|i| {
            let line = &lines[i];
            if !line.spans.iter().any(|s| s.style.role == Role::Image) {
                return None;
            }
            let plain = line.plain();
            let at = plain.find("(http")?;
            let mut url = plain.get(at + 1..)?.to_owned();
            for next in lines.iter().skip(i + 1).take(8) {
                if url.contains(')') {
                    break;
                }
                url.push_str(next.plain().trim_start());
            }
            let url = url.split(')').next()?.trim().to_owned();
            (!url.contains(char::is_whitespace)).then_some(url)
        })
    }

    /// The next (or previous) lesson in this one's place: Back still leads where this one's did.
    fn step_lesson(&self, next: bool, ctx: &Ctx) -> Effect {
        let target = if next {
            Some(self.lesson + 1).filter(|&i| i < ctx.library.lessons.len())
        } else {
            self.lesson.checked_sub(1)
        };
        let Some(i) = target else {
            let s = ctx.strings();
            return Effect::note(if next {
                s.last_lesson()
            } else {
                s.first_lesson()
            });
        };
        let id = ctx.library.lessons[i].meta.id.clone();
        Effect::Many(vec![
            Effect::Replace(Box::new(Reader::open(i, ctx, self.toc_visible))),
            Effect::Store(Box::new(move |store| store.set_last_lesson(&id))),
        ])
    }
}

impl Screen for Reader {
    fn kind(&self) -> Kind {
        Kind::Reader
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        if self.search.editing {
            vec![Context::Search]
        } else if self.toc_focus {
            vec![Context::Toc, Context::Reader]
        } else {
            vec![Context::Reader]
        }
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        let Some(meta) = self.meta(ctx) else {
            return Effect::Pop;
        };
        match action {
            Action::Back if !self.toc_focus => Effect::Pop,
            Action::PracticeSection => match &self.section {
                Some(section) if section.questions > 0 => Effect::Open(Open::Practice(
                    section.filter(&meta.id),
                    section.title.clone(),
                )),
                _ => Effect::note(ctx.strings().no_section_questions()),
            },
            Action::Practice => {
                let filter = Filter {
                    lesson: Some(meta.id.clone()),
                    ..Filter::default()
                };
                Effect::Open(Open::Practice(filter, meta.title.clone()))
            }
            Action::Simulations => {
                let heading = self
                    .current_heading()
                    .and_then(|i| self.rendered.headings.get(i))
                    .map_or("", |h| h.title.as_str());
                match crate::sims::preset_for(heading, &meta.tags, ctx.presets) {
                    Some(i) => Effect::Open(Open::Sim(i)),
                    None => Effect::Open(Open::Sims),
                }
            }
            Action::NextLesson | Action::PrevLesson => {
                self.step_lesson(action == Action::NextLesson, ctx)
            }
            Action::OpenLink => {
                if let Some(url) = self.picture_link() {
                    open_in_browser(&url);
                }
                Effect::None
            }
            Action::Define => {
                let terms = self.terms_on_screen();
                if terms.is_empty() {
                    Effect::note(ctx.lang.pick(
                        "이 화면에는 용어집에 있는 용어가 없어요",
                        "No glossary terms on this screen",
                    ))
                } else {
                    Effect::Open(Open::Define(terms, self.toc_visible))
                }
            }
            other => self
                .action(other, ctx.lang)
                .map_or(Effect::None, Effect::note),
        }
    }

    fn prepare(&mut self, ctx: &Ctx) -> Effect {
        let end = self.fit(ctx.area, ctx.library, ctx.lang);
        self.refresh_section(ctx);
        let Some(meta) = self.meta(ctx) else {
            return Effect::None;
        };
        let read = ctx
            .store
            .progress()
            .lessons
            .get(&meta.id)
            .is_some_and(|p| p.read);
        if !end || read {
            return Effect::None;
        }
        // The end of the lesson is on screen: mark it read.
        let id = meta.id.clone();
        Effect::Many(vec![
            Effect::Store(Box::new(move |store| {
                store.mark_read(&id);
            })),
            Effect::note(ctx.strings().marked_read()),
            Effect::Save,
        ])
    }

    fn text_key(&mut self, key: &KeyEvent, _ctx: &Ctx) -> Option<Effect> {
        if !self.search.editing {
            return None;
        }
        // Ctrl-C quits from a text box too (its key map has no other use for it).
        if keymap::lookup(&[], key) == Some(Action::Quit) {
            return Some(Effect::Quit);
        }
        self.search_key(key);
        Some(Effect::None)
    }

    fn paste(&mut self, text: &str) -> bool {
        self.search.editing && self.search.input.insert(text)
    }

    fn scroll(&mut self, delta: isize) {
        self.scroll_by(delta);
    }

    fn persist(&self, ctx: &Ctx) -> Effect {
        let Some(meta) = self.meta(ctx) else {
            return Effect::None;
        };
        let percent = if self.jumped {
            self.reached
        } else {
            self.percent()
        };
        let (id, position) = (meta.id.clone(), self.position());
        Effect::Store(Box::new(move |store| {
            store.set_scroll(&id, position, percent);
        }))
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        view::draw(self, frame, area, ctx);
    }
}

#[cfg(test)]
mod tests {
    use super::Reader;
    use crate::lesson::{RenderOptions, render};

    #[test]
    fn o_finds_the_web_address_of_a_picture_on_screen_even_when_wrapped() {
        let url = "https://user-images.githubusercontent.com/1/234580535-b4bb4ab9-1bd0.png";
        let markdown = format!("# 제목\n\n본문이에요.\n\n![세션 구조]({url})\n");
        let mut r = Reader::new(0, 0, false);
        r.rendered = render(
            &markdown,
            &RenderOptions {
                width: 24,
                ..RenderOptions::default()
            },
        );
        r.layout.text.height = 30;
        assert_eq!(r.picture_link().as_deref(), Some(url));
        r.rendered = render("# 제목\n\n![x](img/a.png)\n", &RenderOptions::default());
        assert_eq!(
            r.picture_link(),
            None,
            "a local file has no address to open"
        );
    }
}
