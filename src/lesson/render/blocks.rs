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

use std::borrow::Cow;
use std::collections::HashMap;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};
use unicode_segmentation::UnicodeSegmentation;

use super::RenderOptions;
use super::heading::{Numbering, TitleCollector, has_own_number};
use super::html::{self, Piece};
use super::inline::Inline;
use super::media;
use super::table::{self, Table};
use crate::lesson::styled::{Heading, Line, LineKind, Rendered, Role, Span, Style};
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

    // ---- inline content ----

    /// Where inline text goes: the open table cell, or the block's buffer.
    fn sink(&mut self) -> &mut Inline {
        match self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell,
            None => &mut self.inline,
        }
    }

    /// The style for text at this point, and the open link.
    fn style(&self) -> (Style, Option<usize>) {
        let link = self.links.last().map(|l| l.index);
        let f = self.fmt;
        let heading = self.heading.map(|(raw, _)| self.relative_level(raw));
        let role = if link.is_some() {
            Role::Link
        } else if f.html_code > 0 {
            Role::InlineCode
        } else if let Some(level) = heading {
            Role::Heading(level)
        } else if self.table.as_ref().is_some_and(|t| t.in_head) {
            Role::TableHeader
        } else {
            Role::Text
        };
        let style = Style {
            role,
            bold: f.bold + f.html_bold > 0 || heading.is_some_and(|l| l <= 2),
            italic: f.italic + f.html_italic > 0,
            underline: f.underline > 0,
            strike: f.strike + f.html_strike > 0,
        };
        (style, link)
    }

    /// Appends the text of a parser event.
    ///
    /// Text borrowed from the source is already clean (the whole source was sanitised before
    /// parsing), so only text the parser made itself (entities, escapes) is sanitised again.
    fn push_event_text(&mut self, t: &CowStr<'_>, role: Option<Role>) {
        match t {
            CowStr::Borrowed(s) if !s.bytes().any(|b| b == b'\t' || b == b'\n') => {
                self.push_clean(s, role);
            }
            _ => self.push_text(t, role),
        }
    }

    /// Appends sanitised text (or image alt text) in the current style.
    fn push_text(&mut self, raw: &str, role: Option<Role>) {
        let clean = sanitize(raw);
        // Inline text never carries line structure; only hard breaks do.
        if clean.contains('\n') {
            self.push_clean(&clean.replace('\n', " "), role);
        } else {
            self.push_clean(&clean, role);
        }
    }

    /// Appends text that is already sanitised and free of newlines.
    fn push_clean(&mut self, clean: &str, role: Option<Role>) {
        if let Some(img) = &mut self.image {
            img.alt.push_str(clean);
            return;
        }
        let (mut style, link) = self.style();
        if let Some(role) = role {
            style.role = role;
        }
        let sink = self.sink();
        let at_line_start = sink.text.is_empty() || sink.text.ends_with('\n');
        let text = if at_line_start {
            clean.trim_start_matches(' ')
        } else {
            clean
        };
        sink.push(text, style, link);
    }

    fn hard_break(&mut self) {
        if self.image.is_some() {
            return;
        }
        let (style, link) = self.sink().last_style().unwrap_or_default();
        let sink = self.sink();
        if !sink.text.is_empty() {
            sink.push("\n", style, link);
        }
    }

    fn end_link(&mut self) {
        let Some(link) = self.links.pop() else { return };
        let show_internal = self.opts.show_internal_targets;
        let label = self.sink().text_from(link.start).trim().to_owned();
        let internal = link.dest.starts_with('#') || link.dest.starts_with("lesson:");
        let style = Style {
            role: Role::LinkTarget,
            ..Style::default()
        };
        if label.is_empty() {
            let (mut s, _) = self.style();
            s.role = Role::Link;
            self.sink().push(&link.dest, s, Some(link.index));
        } else if !(link.autolink
            || (internal && !show_internal)
            || label == link.dest
            || link.dest.strip_prefix("mailto:") == Some(label.as_str()))
        {
            let target = format!(" ({})", link.dest);
            self.sink().push(&target, style, Some(link.index));
        }
    }

    fn end_image(&mut self) {
        let Some(img) = &mut self.image else { return };
        img.depth -= 1;
        if img.depth > 0 {
            return;
        }
        let Some(img) = self.image.take() else { return };
        let text = media::placeholder(self.opts.image_label, &img.alt, &img.url);
        let text = sanitize(&text).into_owned();
        self.push_text(&text, Some(Role::Image));
    }

    fn task_marker(&mut self, checked: bool) {
        let boxed = if checked { "[x]" } else { "[ ]" };
        let pending = self.containers.iter_mut().rev().find_map(|c| match c {
            Container::Item {
                marker: Some(m),
                indent,
                ..
            } => Some((m, indent)),
            _ => None,
        });
        match pending {
            Some((marker, indent)) => {
                boxed.clone_into(marker);
                *indent = width(boxed) + 1;
            }
            None => self.push_text(&format!("{boxed} "), Some(Role::ListMarker)),
        }
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_owned()).or_insert(next)
    }

    /// Handles HTML: known tags become styles or breaks, others vanish, text stays.
    fn html(&mut self, raw: &str, block: bool) {
        for piece in html::scan(raw, &mut self.in_comment) {
            match piece {
                Piece::Text(t) => {
                    let t = html::decode_entities(t);
                    if block {
                        let clean = sanitize(&t);
                        let (style, link) = self.style();
                        self.sink().push_collapsed(&clean, style, link);
                    } else {
                        self.push_text(&t, None);
                    }
                }
                Piece::Tag {
                    name,
                    closing,
                    attrs,
                } => self.html_tag(&name, closing, attrs, block),
            }
        }
    }

    fn html_tag(&mut self, name: &str, closing: bool, attrs: &str, block: bool) {
        let counter = match name {
            "u" | "ins" => Some(&mut self.fmt.underline),
            "b" | "strong" => Some(&mut self.fmt.html_bold),
            "i" | "em" => Some(&mut self.fmt.html_italic),
            "s" | "del" | "strike" => Some(&mut self.fmt.html_strike),
            "code" | "kbd" | "tt" => Some(&mut self.fmt.html_code),
            _ => None,
        };
        if let Some(c) = counter {
            *c = if closing {
                c.saturating_sub(1)
            } else {
                c.saturating_add(1)
            };
            return;
        }
        match name {
            "br" => self.hard_break(),
            "img" if !closing => {
                let src = html::attr(attrs, "src").unwrap_or_default();
                let alt = html::attr(attrs, "alt")
                    .map(html::decode_entities)
                    .unwrap_or_default();
                let text = media::placeholder(self.opts.image_label, &sanitize(&alt), src);
                let text = sanitize(&text).into_owned();
                self.push_text(&text, Some(Role::Image));
            }
            "p" | "div" | "li" | "tr" | "ul" | "ol" | "table" | "blockquote" | "pre" | "hr"
            | "section" | "details" | "summary" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                if block =>
            {
                let ends_line = self.sink().text.is_empty() || self.sink().text.ends_with('\n');
                if !ends_line {
                    self.sink().trim_end();
                    self.hard_break();
                }
            }
            "td" | "th" if block && closing => self.push_text(" ", None),
            _ => {}
        }
    }

    fn reset_html_format(&mut self) {
        let f = &mut self.fmt;
        (
            f.html_bold,
            f.html_italic,
            f.html_strike,
            f.html_code,
            f.underline,
        ) = (0, 0, 0, 0, 0);
    }

    // ---- blocks ----

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

    // ---- lines and prefixes ----

    /// Asks for a separator before the next line, carrying the current quote bars.
    fn request_blank(&mut self) {
        let quotes = self
            .containers
            .iter()
            .filter(|c| matches!(c, Container::Quote))
            .count();
        let mut bars = QUOTE_BAR.repeat(quotes);
        bars.truncate(bars.trim_end().len());
        let bars = truncate(&bars, self.max_prefix());
        self.blank = Some(if bars.is_empty() {
            Vec::new()
        } else {
            vec![span(bars, Style::of(Role::QuoteBar))]
        });
    }

    /// Emits one line with the container prefix; returns its index.
    fn emit(&mut self, content: Vec<Span>, kind: LineKind) -> usize {
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
    fn take_prefix(&mut self) -> Vec<Span> {
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
    fn prefix_width(&self) -> usize {
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
    fn max_prefix(&self) -> usize {
        self.width - (self.width / 2).max(4.min(self.width))
    }

    /// Cells available for text after the prefix.
    fn avail(&self) -> usize {
        (self.width - self.prefix_width()).max(1)
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

/// Heading level as a number 1–6.
pub(super) fn level_number(level: HeadingLevel) -> u8 {
    level as u8
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
