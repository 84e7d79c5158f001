//! The renderer's output: lines of styled spans, already wrapped to a width.
//!
//! Styles are *semantic* (what a span is), not colours: the UI maps them to a theme and
//! `gureum read` maps them to ANSI attributes, so neither the renderer nor the lesson
//! code needs to know about terminals.

/// What a span of text is; the theme decides how it looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Ordinary prose.
    #[default]
    Text,
    /// Heading text of the given level, 1 = the lesson's top level.
    Heading(u8),
    /// The auto-generated heading number ("1.2").
    HeadingNumber,
    /// Inline `code`.
    InlineCode,
    /// A line of a fenced or indented code block.
    CodeBlock,
    /// The language label above a code block.
    CodeLabel,
    /// Marker shown where a code line is longer than the width.
    ClipMarker,
    /// Block-quote bar.
    QuoteBar,
    /// List bullet, number or task box.
    ListMarker,
    /// Table borders and rules between columns.
    TableBorder,
    /// Table header cell text.
    TableHeader,
    /// Link text.
    Link,
    /// A link's target, shown after its text.
    LinkTarget,
    /// The placeholder that stands for an unavailable image.
    Image,
    /// A horizontal rule.
    Rule,
    /// Footnote references and definitions, and other secondary text.
    Dim,
}

/// Attributes layered on top of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    /// What the text is.
    pub role: Role,
    /// `**strong**`.
    pub bold: bool,
    /// `*emphasis*`.
    pub italic: bool,
    /// `<u>underline</u>`.
    pub underline: bool,
    /// `~~strikethrough~~`.
    pub strike: bool,
}

impl Style {
    /// A plain style of the given role.
    pub const fn of(role: Role) -> Self {
        Self { role, bold: false, italic: false, underline: false, strike: false }
    }
}

/// A run of text with one style. Text is NFC, free of control characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The text, already sanitised.
    pub text: String,
    /// How it is meant.
    pub style: Style,
    /// For link spans: index into [`Rendered::links`] (used for OSC 8 hyperlinks).
    pub link: Option<usize>,
}

/// What kind of block a rendered line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LineKind {
    /// Wrapped prose (paragraphs, list items, quotes, headings, tables, rules).
    #[default]
    Prose,
    /// A code-block line: never wrapped; may be wider than the render width.
    Code,
    /// An empty separator line.
    Blank,
}

/// One rendered line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Line {
    /// The spans, left to right.
    pub spans: Vec<Span>,
    /// The block kind.
    pub kind: LineKind,
}

impl Line {
    /// The line's text without styles.
    pub fn plain(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A heading as it appears in the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Level relative to the lesson's shallowest heading (1 = top).
    pub level: u8,
    /// Auto number such as "2.1", empty when the heading already carries its own number.
    pub number: String,
    /// Heading text (plain, sanitised).
    pub title: String,
    /// GitHub-style anchor slug, unique within the lesson (`#anchor` links use it).
    pub anchor: String,
    /// Index of the heading's first line in [`Rendered::lines`].
    pub line: usize,
    /// 1-based line of the heading in the markdown source (for error messages and links).
    pub source_line: usize,
}

/// A lesson rendered for one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rendered {
    /// The lines, each at most `width` cells wide unless `kind == Code`.
    pub lines: Vec<Line>,
    /// Headings in document order.
    pub headings: Vec<Heading>,
    /// Link targets, indexed by [`Span::link`].
    pub links: Vec<String>,
}
