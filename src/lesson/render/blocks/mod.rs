//! The event loop that turns pulldown-cmark events into wrapped, styled lines.
//!
//! The renderer is a small state machine. Inline events (text, emphasis, links, images, inline
//! HTML) append styled text to an [`Inline`] buffer; block events decide when that buffer is
//! wrapped and emitted. Containers (block quotes, list items, footnote definitions) form a
//! stack, and every emitted line starts with the stack's prefix: a quote bar per quote, and per
//! list item either its marker (on the item's first line) or spaces of the same width, so
//! wrapped and nested content lines up under the item text. Markers are emitted lazily, with the
//! item's first line, which is what lets a task-list box replace the bullet and lets an item
//! that starts with a nested list show both markers on one line.
//!
//! Blank lines are requested, not written: a block that ends asks for a separator, and the
//! separator is only written when more content follows. That guarantees no blank line at the
//! start or end and never two in a row. The requested blank remembers the quote bars of the
//! block that ended, so a blank inside a quote keeps its bar and one after it does not.
//!
//! When the prefix would leave too little room for text (deep nesting at a narrow width), the
//! prefix is cut, never the text: the width invariant holds for every width.
//!
//! This module holds the state and the block events; [`text`] handles inline content and
//! [`lines`] the prefixes and emitted lines.

mod lines;
mod text;

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

use super::RenderOptions;
use super::heading::{Numbering, TitleCollector, has_own_number};
use super::inline::Inline;
use super::table::{self, Table};
use crate::lesson::diagram;
use crate::lesson::styled::{Heading, LineKind, Rendered, Role, Span, Style};
use crate::text::{Slugger, expand_tabs, sanitize, truncate, width, wrap_ranges};

/// Left margin of code lines and of the language label.
const CODE_GUTTER: &str = "  ";
/// Tab stops in code blocks.
const TAB: usize = 4;
/// Bullets by nesting depth (the last repeats).
const BULLETS: [&str; 3] = ["•", "◦", "▪"];
/// Quote bar with its space.
const QUOTE_BAR: &str = "│ ";

/// A block that prefixes the lines inside it.
#[derive(Debug)]
enum Container {
    Quote,
    /// A list item or footnote definition: its marker until the first line takes it.
    Item {
        marker: Option<String>,
        indent: usize,
        role: Role,
    },
}

/// An open list.
#[derive(Debug)]
struct List {
    /// Next item number, `None` for bullet lists.
    next: Option<u64>,
    /// Whether its items hold paragraphs (a "loose" list): then items are spaced apart.
    loose: bool,
}

/// A fenced or indented code block being collected.
#[derive(Debug)]
struct Code {
    lang: String,
    text: String,
    /// Whether all text was borrowed from the (already sanitised) source.
    clean: bool,
}

/// A table being collected.
#[derive(Debug, Default)]
struct TableState {
    table: Table,
    row: Vec<Inline>,
    cell: Option<Inline>,
    in_head: bool,
}

/// An open link.
#[derive(Debug)]
struct OpenLink {
    index: usize,
    dest: String,
    /// Where its text starts in the current inline buffer.
    start: usize,
    autolink: bool,
}

/// An image being collected (its alt text).
#[derive(Debug)]
struct OpenImage {
    url: String,
    alt: String,
    depth: usize,
}

/// Inline formatting depth; HTML counters are reset at block ends because HTML tags, unlike
/// markdown emphasis, may be left unclosed.
#[derive(Debug, Default, Clone, Copy)]
struct Format {
    bold: u32,
    italic: u32,
    strike: u32,
    html_bold: u32,
    html_italic: u32,
    html_strike: u32,
    html_code: u32,
    underline: u32,
}

/// Renderer state for one document.
pub(super) struct Renderer<'a> {
    opts: &'a RenderOptions,
    width: usize,
    source: &'a str,
    /// Byte offset of the parsed body within `source` (after YAML front matter).
    base: usize,
    out: Rendered,
    containers: Vec<Container>,
    /// Open lists, innermost last.
    lists: Vec<List>,
    inline: Inline,
    fmt: Format,
    /// A requested separator line, holding the prefix it should carry.
    blank: Option<Vec<Span>>,
    code: Option<Code>,
    table: Option<TableState>,
    image: Option<OpenImage>,
    links: Vec<OpenLink>,
    /// Raw level and source line of the open heading.
    heading: Option<(u8, usize)>,
    titles: TitleCollector,
    numbering: Numbering,
    slugger: Slugger,
    min_level: u8,
    /// The shallowest raw heading level actually met.
    seen_min: Option<u8>,
    footnotes: HashMap<String, usize>,
    in_comment: bool,
    /// Line counting cursor: (byte offset, 1-based line there).
    line_cursor: (usize, usize),
}

impl<'a> Renderer<'a> {
    /// A renderer for `source`, whose body (parsed part) starts at byte `base`.
    /// A renderer for `source` whose body starts at byte `base`, assuming the shallowest
    /// heading has raw level `min_level`.
    pub fn new(opts: &'a RenderOptions, source: &'a str, base: usize, min_level: u8) -> Self {
        Self {
            opts,
            width: opts.width.max(1),
            source,
            base,
            out: Rendered::default(),
            containers: Vec::new(),
            lists: Vec::new(),
            inline: Inline::default(),
            fmt: Format::default(),
            blank: None,
            code: None,
            table: None,
            image: None,
            links: Vec::new(),
            heading: None,
            titles: TitleCollector::default(),
            numbering: Numbering::default(),
            slugger: Slugger::new(),
            min_level,
            seen_min: None,
            footnotes: HashMap::new(),
            in_comment: false,
            line_cursor: (0, 1),
        }
    }

    /// Renders all events; also returns the shallowest heading level met, so the caller can
    /// render again if the assumed one was wrong.
    pub fn run<'e>(
        mut self,
        events: impl Iterator<Item = (Event<'e>, std::ops::Range<usize>)>,
    ) -> (Rendered, Option<u8>) {
        for (event, range) in events {
            let title = self.titles.feed(&event);
            self.event(event, range.start, title);
        }
        // Unclosed constructs at the end of a document still show their content.
        if self.code.is_some() {
            self.end_code();
        }
        if self.table.is_some() {
            self.end_table();
        }
        self.flush();
        (self.out, self.seen_min)
    }

    fn event(&mut self, event: Event<'_>, offset: usize, title: Option<String>) {
        if let Some(code) = &mut self.code {
            match event {
                Event::Text(t) => {
                    code.clean &= matches!(t, CowStr::Borrowed(_));
                    code.text.push_str(&t);
                }
                Event::End(TagEnd::CodeBlock) => self.end_code(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag, title),
            Event::Text(t) => self.push_event_text(&t, None),
            Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                self.push_event_text(&t, Some(Role::InlineCode));
            }
            Event::Html(t) => self.html(&t, true),
            Event::InlineHtml(t) => self.html(&t, false),
            Event::FootnoteReference(label) => {
                let n = self.footnote_number(&label);
                self.push_text(&format!("[{n}]"), Some(Role::Dim));
            }
            Event::SoftBreak => self.push_text(" ", None),
            Event::HardBreak => self.hard_break(),
            Event::Rule => {
                self.flush();
                self.request_blank();
                let rule = "─".repeat(self.avail());
                self.emit(vec![span(rule, Style::of(Role::Rule))], LineKind::Prose);
                self.request_blank();
            }
            Event::TaskListMarker(checked) => self.task_marker(checked),
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                if let (
                    Some(Container::Item {
                        role: Role::ListMarker,
                        ..
                    }),
                    Some(list),
                ) = (self.containers.last(), self.lists.last_mut())
                {
                    list.loose = true;
                }
            }
            Tag::HtmlBlock | Tag::DefinitionList | Tag::DefinitionListTitle => self.flush(),
            Tag::DefinitionListDefinition => {
                self.flush();
                self.containers.push(Container::Item {
                    marker: Some(":".into()),
                    indent: 2,
                    role: Role::ListMarker,
                });
            }
            Tag::Heading { level, .. } => {
                self.flush();
                if self.blank.is_none() {
                    self.request_blank();
                }
                let line = self.source_line(self.base + offset);
                let raw = level_number(level);
                self.seen_min = Some(self.seen_min.map_or(raw, |m| m.min(raw)));
                self.heading = Some((raw, line));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.containers.push(Container::Quote);
            }
            Tag::CodeBlock(kind) => {
                self.flush();
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        let first = info
                            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
                            .next();
                        sanitize(first.unwrap_or_default()).into_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some(Code {
                    lang,
                    text: String::new(),
                    clean: true,
                });
            }
            Tag::List(start) => {
                self.flush();
                // A nested list hugs the text of its item, even in a loose list.
                if matches!(self.containers.last(), Some(Container::Item { .. })) {
                    self.blank = None;
                }
                self.lists.push(List {
                    next: start,
                    loose: false,
                });
            }
            Tag::Item => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1);
                let marker = match self.lists.last_mut().and_then(|l| l.next.as_mut()) {
                    Some(n) => {
                        let m = format!("{n}.");
                        *n = n.saturating_add(1);
                        m
                    }
                    _ => BULLETS[depth.min(BULLETS.len() - 1)].to_owned(),
                };
                let indent = width(&marker) + 1;
                self.containers.push(Container::Item {
                    marker: Some(marker),
                    indent,
                    role: Role::ListMarker,
                });
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                let marker = format!("[{}]", self.footnote_number(&label));
                let indent = width(&marker) + 1;
                self.containers.push(Container::Item {
                    marker: Some(marker),
                    indent,
                    role: Role::Dim,
                });
            }
            Tag::Table(aligns) => {
                self.flush();
                self.table = Some(TableState {
                    table: Table {
                        aligns,
                        ..Table::default()
                    },
                    ..TableState::default()
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.in_head = true;
                    t.row.clear();
                }
            }
            Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.row.clear();
                }
            }
            Tag::TableCell => {
                if let Some(t) = &mut self.table {
                    t.cell = Some(Inline::default());
                }
            }
            Tag::Emphasis => self.fmt.italic += 1,
            Tag::Strong => self.fmt.bold += 1,
            Tag::Strikethrough => self.fmt.strike += 1,
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => {
                let dest = sanitize(&dest_url).into_owned();
                let index = self.out.links.len();
                self.out.links.push(dest.clone());
                let start = self.sink().text.len();
                let autolink = matches!(link_type, LinkType::Autolink | LinkType::Email);
                self.links.push(OpenLink {
                    index,
                    dest,
                    start,
                    autolink,
                });
            }
            Tag::Image { dest_url, .. } => match &mut self.image {
                Some(img) => img.depth += 1,
                None => {
                    self.image = Some(OpenImage {
                        url: dest_url.into_string(),
                        alt: String::new(),
                        depth: 1,
                    });
                }
            },
            Tag::Superscript | Tag::Subscript | Tag::MetadataBlock(_) => {}
        }
    }

    fn end(&mut self, tag: TagEnd, title: Option<String>) {
        match tag {
            TagEnd::Paragraph | TagEnd::HtmlBlock | TagEnd::DefinitionListTitle => {
                self.flush();
                self.request_blank();
            }
            TagEnd::Heading(_) => self.end_heading(title.unwrap_or_default()),
            TagEnd::BlockQuote(_) => {
                self.flush();
                if let Some(i) = self
                    .containers
                    .iter()
                    .rposition(|c| matches!(c, Container::Quote))
                {
                    self.containers.truncate(i);
                }
                self.request_blank();
            }
            TagEnd::CodeBlock => self.end_code(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
                if !self
                    .containers
                    .iter()
                    .any(|c| matches!(c, Container::Item { .. }))
                {
                    self.request_blank();
                }
            }
            TagEnd::Item => {
                let loose = self.lists.last().is_some_and(|l| l.loose);
                self.end_item(loose);
            }
            TagEnd::DefinitionListDefinition => self.end_item(false),
            TagEnd::FootnoteDefinition => self.end_item(true),
            TagEnd::DefinitionList => self.request_blank(),
            TagEnd::Table => {
                self.end_table();
                self.request_blank();
            }
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.table.rows.push(row);
                    t.table.header_rows = t.table.rows.len();
                    t.in_head = false;
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.table.rows.push(row);
                }
            }
            TagEnd::TableCell => {
                if let Some(t) = &mut self.table {
                    let mut cell = t.cell.take().unwrap_or_default();
                    cell.trim_end();
                    t.row.push(cell);
                }
                self.reset_html_format();
            }
            TagEnd::Emphasis => self.fmt.italic = self.fmt.italic.saturating_sub(1),
            TagEnd::Strong => self.fmt.bold = self.fmt.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.fmt.strike = self.fmt.strike.saturating_sub(1),
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            TagEnd::Superscript | TagEnd::Subscript | TagEnd::MetadataBlock(_) => {}
        }
    }

    /// Wraps and emits the pending inline text as a paragraph.
    fn flush(&mut self) {
        // The buffer is reused so that its allocation serves every paragraph.
        let mut inline = std::mem::take(&mut self.inline);
        self.emit_inline(&mut inline);
        inline.clear();
        self.inline = inline;
        self.reset_html_format();
    }

    /// Wraps `inline` to the available width and emits it; returns the first line's index.
    fn emit_inline(&mut self, inline: &mut Inline) -> Option<usize> {
        inline.trim_end();
        if inline.is_blank() {
            return None;
        }
        let mut first = None;
        for range in wrap_ranges(&inline.text, self.avail()) {
            let index = self.emit(inline.spans(range), LineKind::Prose);
            first.get_or_insert(index);
        }
        first
    }

    fn end_heading(&mut self, title: String) {
        let Some((raw, source_line)) = self.heading.take() else {
            return;
        };
        let level = self.relative_level(raw);
        let auto = self.numbering.next(raw);
        let number = if has_own_number(&title) {
            String::new()
        } else {
            auto
        };
        let anchor = self.slugger.unique(&title);
        let mut inline = Inline::default();
        if !number.is_empty() {
            let style = Style {
                bold: level <= 2,
                ..Style::of(Role::HeadingNumber)
            };
            inline.push(&number, style, None);
            inline.push(" ", Style::of(Role::Heading(level)), None);
        }
        inline.append(&self.inline);
        self.inline.clear();
        self.reset_html_format();
        // A heading always gets a line, so that `Heading::line` is a valid index.
        let line = match self.emit_inline(&mut inline) {
            Some(line) => line,
            None => self.emit(Vec::new(), LineKind::Prose),
        };
        if level == 1 {
            let rule = "─".repeat(self.avail());
            self.emit(
                vec![span(rule, Style::of(Role::Heading(1)))],
                LineKind::Prose,
            );
        }
        self.out.headings.push(Heading {
            level,
            number,
            title,
            anchor,
            line,
            source_line,
        });
        self.request_blank();
    }

    fn end_code(&mut self) {
        let Some(code) = self.code.take() else { return };
        if code.lang == diagram::FENCE_LANG
            && let Some((d, opts)) = diagram::from_fence(&code.text)
        {
            let lines = diagram::render_with(&d, self.avail(), &diagram::Marks::default(), &opts);
            for line in lines {
                self.emit(line.spans, LineKind::Prose);
            }
            self.request_blank();
            return;
        }
        if code.lang == diagram::DESCRIPTION_LANG {
            self.figure_note(code.text.trim());
            return;
        }
        let mut lines: Vec<&str> = code.text.split('\n').collect();
        if lines.last() == Some(&"") {
            lines.pop();
        }
        if !code.lang.is_empty() {
            let label = truncate(&code.lang, self.avail().saturating_sub(width(CODE_GUTTER)));
            let text = format!("{CODE_GUTTER}{label}");
            self.emit(
                vec![span(text, Style::of(Role::CodeLabel))],
                LineKind::Prose,
            );
        }
        for line in lines {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let expanded = expand_tabs(line, TAB);
            let clean = if code.clean {
                expanded
            } else {
                Cow::Owned(sanitize(&expanded).into_owned())
            };
            let mut text = String::with_capacity(CODE_GUTTER.len() + clean.len());
            text.push_str(CODE_GUTTER);
            text.push_str(&clean);
            self.emit(vec![span(text, Style::of(Role::CodeBlock))], LineKind::Code);
        }
        self.request_blank();
    }

    /// Closes a list item or footnote; `spaced` asks for a blank line after it.
    fn end_item(&mut self, spaced: bool) {
        self.flush();
        // An empty item still shows its marker.
        if let Some(Container::Item {
            marker: Some(_), ..
        }) = self.containers.last()
        {
            self.emit(Vec::new(), LineKind::Prose);
        }
        if let Some(i) = self
            .containers
            .iter()
            .rposition(|c| matches!(c, Container::Item { .. }))
        {
            self.containers.truncate(i);
        }
        if spaced {
            self.request_blank();
        }
    }

    fn end_table(&mut self) {
        let Some(mut state) = self.table.take() else {
            return;
        };
        // A table cut off mid-row (end of input) keeps what it has.
        if let Some(cell) = state.cell.take() {
            state.row.push(cell);
        }
        if !state.row.is_empty() {
            state.table.rows.push(std::mem::take(&mut state.row));
        }
        match table::layout(&state.table, self.avail()) {
            Some(lines) => {
                for spans in lines {
                    self.emit(spans, LineKind::Prose);
                }
            }
            None => self.table_as_records(&state.table),
        }
    }

    /// Renders a table too wide for a grid as `header: value` lines, one record per row.
    fn table_as_records(&mut self, table: &Table) {
        let header_rows = table.header_rows.min(table.rows.len());
        let (head, body) = table.rows.split_at(header_rows);
        let header = head.first();
        let empty = Inline::default();
        let mut rows: Vec<&Vec<Inline>> = body.iter().collect();
        if rows.is_empty() {
            rows.extend(header);
        }
        for (i, row) in rows.into_iter().enumerate() {
            if i > 0 {
                let rule = "─".repeat(self.avail());
                self.emit(
                    vec![span(rule, Style::of(Role::TableBorder))],
                    LineKind::Prose,
                );
            }
            for (c, cell) in row.iter().enumerate() {
                let mut line = Inline::default();
                if let Some(name) = header.filter(|_| !body.is_empty()).and_then(|h| h.get(c)) {
                    let mut name = name.clone();
                    name.restyle(|s| {
                        s.role = Role::TableHeader;
                        s.bold = true;
                    });
                    line.append(&name);
                    line.push(": ", Style::of(Role::TableBorder), None);
                }
                line.append(if cell.is_blank() { &empty } else { cell });
                self.emit_inline(&mut line);
            }
        }
    }

    fn relative_level(&self, raw: u8) -> u8 {
        raw.saturating_sub(self.min_level).saturating_add(1)
    }

    /// 1-based line of byte `offset` in the source; offsets arrive in increasing order.
    fn source_line(&mut self, offset: usize) -> usize {
        let (from, line) = self.line_cursor;
        let (from, line) = if offset < from { (0, 1) } else { (from, line) };
        let between = self.source.get(from..offset).unwrap_or_default();
        let line = line + between.bytes().fold(0, |n, b| n + usize::from(b == b'\n'));
        self.line_cursor = (offset, line);
        line
    }
}

fn span(text: String, style: Style) -> Span {
    Span {
        text,
        style,
        link: None,
    }
}

impl Renderer<'_> {
    /// A screenshot's one-line description, right under its placeholder: `└ text`, wrapped
    /// with the continuation lines indented.
    fn figure_note(&mut self, text: &str) {
        // Hug the placeholder above.
        self.blank = None;
        let avail = self.avail();
        let lead = "└ ";
        let rest = avail.saturating_sub(width(lead)).max(1);
        for (i, r) in wrap_ranges(text, rest).into_iter().enumerate() {
            let piece = text.get(r).unwrap_or_default();
            let prefix = if i == 0 { lead } else { "  " };
            self.emit(
                vec![span(format!("{prefix}{piece}"), Style::of(Role::Image))],
                LineKind::Prose,
            );
        }
        self.request_blank();
    }
}

/// Heading level as a number 1–6.
pub(super) fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}
