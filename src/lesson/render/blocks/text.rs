//! Inline content: text, styles, links, images, footnote references and HTML.
//!
//! Everything here appends to the current [`Inline`] buffer (or a table cell's); nothing emits
//! lines. Styles are computed from counters rather than a stack because markdown emphasis is
//! balanced by the parser while HTML tags may be left open, and counters can simply be reset
//! at the end of a block.

use pulldown_cmark::CowStr;

use super::super::html::{self, Piece};
use super::super::inline::Inline;
use super::super::media;
use super::{Container, Renderer};
use crate::lesson::styled::{Role, Style};
use crate::text::{sanitize, width};

impl Renderer<'_> {
    /// Where inline text goes: the open table cell, or the block's buffer.
    pub(super) fn sink(&mut self) -> &mut Inline {
        match self.table.as_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => cell,
            None => &mut self.inline,
        }
    }

    /// The style for text at this point, and the open link.
    pub(super) fn style(&self) -> (Style, Option<usize>) {
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
    pub(super) fn push_event_text(&mut self, t: &CowStr<'_>, role: Option<Role>) {
        match t {
            CowStr::Borrowed(s) if !s.bytes().any(|b| b == b'\t' || b == b'\n') => {
                self.push_clean(s, role);
            }
            _ => self.push_text(t, role),
        }
    }

    /// Appends sanitised text (or image alt text) in the current style.
    pub(super) fn push_text(&mut self, raw: &str, role: Option<Role>) {
        let clean = sanitize(raw);
        // Inline text never carries line structure; only hard breaks do.
        if clean.contains('\n') {
            self.push_clean(&clean.replace('\n', " "), role);
        } else {
            self.push_clean(&clean, role);
        }
    }

    /// Appends text that is already sanitised and free of newlines.
    pub(super) fn push_clean(&mut self, clean: &str, role: Option<Role>) {
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

    pub(super) fn hard_break(&mut self) {
        if self.image.is_some() {
            return;
        }
        let (style, link) = self.sink().last_style().unwrap_or_default();
        let sink = self.sink();
        if !sink.text.is_empty() {
            sink.push("\n", style, link);
        }
    }

    pub(super) fn end_link(&mut self) {
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

    pub(super) fn end_image(&mut self) {
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

    pub(super) fn task_marker(&mut self, checked: bool) {
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

    pub(super) fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_owned()).or_insert(next)
    }

    /// Handles HTML: known tags become styles or breaks, others vanish, text stays.
    pub(super) fn html(&mut self, raw: &str, block: bool) {
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

    pub(super) fn html_tag(&mut self, name: &str, closing: bool, attrs: &str, block: bool) {
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

    pub(super) fn reset_html_format(&mut self) {
        let f = &mut self.fmt;
        (
            f.html_bold,
            f.html_italic,
            f.html_strike,
            f.html_code,
            f.underline,
        ) = (0, 0, 0, 0, 0);
    }
}
