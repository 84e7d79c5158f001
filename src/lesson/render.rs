//! Markdown → styled lines for a given width.
//!
//! STUB: the real renderer (pulldown-cmark events, wrapping, tables, code blocks) replaces this.

use super::styled::{Heading, Line, LineKind, Rendered, Span, Style};

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Width in terminal cells; every non-code line fits in it.
    pub width: usize,
    /// Label of image placeholders.
    pub image_label: &'static str,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            width: 80,
            image_label: "그림",
        }
    }
}

/// Renders lesson markdown to lines of at most `opts.width` cells (code lines excepted).
pub fn render(markdown: &str, opts: &RenderOptions) -> Rendered {
    let _ = opts;
    let lines = markdown
        .lines()
        .map(|l| Line {
            spans: vec![Span {
                text: crate::text::sanitize(l).into_owned(),
                style: Style::default(),
                link: None,
            }],
            kind: LineKind::Prose,
        })
        .collect();
    Rendered {
        lines,
        headings: Vec::<Heading>::new(),
        links: Vec::new(),
    }
}

/// Every link target in `markdown` with the byte offset where its link starts.
pub fn link_targets(markdown: &str) -> Vec<(usize, String)> {
    let _ = markdown;
    Vec::new()
}

/// The anchor slugs of every heading in `markdown`, as [`Heading::anchor`] computes them.
pub fn anchors(markdown: &str) -> Vec<String> {
    let _ = markdown;
    Vec::new()
}
