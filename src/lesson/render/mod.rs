//! Markdown → styled lines for a given width.
//!
//! Lessons are Korean study notes written for GitHub or a blog, so the renderer follows
//! GitHub's reading of markdown (tables, task lists, strikethrough, footnotes, GitHub anchor
//! slugs) but deliberately not "smart punctuation", which would change the learner's text.
//! pulldown-cmark parses; everything after that is ours:
//!
//! - `blocks` walks the events, keeps the stack of quotes and list items, and emits lines;
//! - `inline` holds a paragraph as plain text plus style runs, so it is wrapped once
//!   (with [`crate::text::wrap_ranges`]) and then cut into styled spans;
//! - `table` lays tables out in display cells and shrinks them to fit;
//! - `heading` numbers headings and extracts the titles their anchors are made from;
//! - `html` and `media` deal with inline HTML and with images, which are not shipped.
//!
//! Every line except code lines fits in the width. Code is never wrapped: a wrapped line of
//! YAML or shell is wrong code, so the UI scrolls or clips instead. All text goes through
//! [`crate::text::sanitize`] on its way in.
//!
//! A YAML front matter block (`---` … `---`) at the very top is skipped: notes copied from a blog
//! carry one, and it is metadata, not lesson text.

mod blocks;
mod heading;
mod html;
mod inline;
mod media;
mod table;

pub(crate) use media::percent_decode;

use pulldown_cmark::{Event, Options, Parser, Tag};

use super::styled::Rendered;
use crate::text::{Slugger, sanitize, sanitize_markdown};

/// How to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Width in terminal cells; every non-code line fits in it.
    pub width: usize,
    /// Label of image placeholders ("그림"; the English UI passes "image").
    pub image_label: &'static str,
    /// Whether to print the targets of `#anchor` and `lesson:` links after their text.
    pub show_internal_targets: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            width: 80,
            image_label: "그림",
            show_internal_targets: false,
        }
    }
}

/// Renders lesson markdown to lines of at most `opts.width` cells (code lines excepted).
pub fn render(markdown: &str, opts: &RenderOptions) -> Rendered {
    // Cleaning keeps every `\n`, so line numbers still match the original file.
    let markdown = sanitize_markdown(markdown);
    let base = body_start(&markdown);
    let body = markdown.get(base..).unwrap_or_default();
    // Heading levels are relative to the shallowest heading, which is only certain after the
    // whole document has been parsed. A quick scan guesses it; in the rare case the guess is
    // wrong (a heading inside a quote, a `#` line in an HTML block) we render a second time.
    let guess = heading::guess_min_level(body);
    let run = |min_level| {
        let events = Parser::new_ext(body, parser_options()).into_offset_iter();
        blocks::Renderer::new(opts, &markdown, base, min_level).run(events)
    };
    match run(guess) {
        (_, Some(actual)) if actual != guess => run(actual).0,
        (rendered, _) => rendered,
    }
}

/// Every link target in `markdown` with the byte offset where its link starts.
///
/// Targets are sanitised; the fragment of `#…` and `lesson:…#…` targets is percent-decoded, so
/// GitHub-style encoded anchors compare equal to [`anchors`].
pub fn link_targets(markdown: &str) -> Vec<(usize, String)> {
    let base = body_start(markdown);
    let body = markdown.get(base..).unwrap_or_default();
    Parser::new_ext(body, parser_options())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                Some((base + range.start, normalise_target(&dest_url)))
            }
            _ => None,
        })
        .collect()
}

/// The anchor slugs of every heading in `markdown`, as [`Heading::anchor`] computes them.
///
/// [`Heading::anchor`]: super::styled::Heading::anchor
pub fn anchors(markdown: &str) -> Vec<String> {
    let markdown = sanitize_markdown(markdown);
    let markdown = markdown.as_ref();
    let base = body_start(markdown);
    let body = markdown.get(base..).unwrap_or_default();
    let mut titles = heading::TitleCollector::default();
    let mut slugger = Slugger::new();
    Parser::new_ext(body, parser_options())
        .filter_map(|event| titles.feed(&event))
        .map(|title| slugger.unique(&title))
        .collect()
}

/// The `(title, anchor)` of every heading of `markdown`, in order, without rendering it (the
/// titles and anchors are those of [`render`]'s headings).
pub fn titled_anchors(markdown: &str) -> Vec<(String, String)> {
    let markdown = sanitize_markdown(markdown);
    let markdown = markdown.as_ref();
    let base = body_start(markdown);
    let body = markdown.get(base..).unwrap_or_default();
    let mut titles = heading::TitleCollector::default();
    let mut slugger = Slugger::new();
    Parser::new_ext(body, parser_options())
        .filter_map(|event| titles.feed(&event))
        .map(|title| {
            let anchor = slugger.unique(&title);
            (title, anchor)
        })
        .collect()
}

/// The markdown dialect of lessons: GitHub's, without smart punctuation.
fn parser_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// Sanitises a link target and percent-decodes the anchor of internal links.
fn normalise_target(dest: &str) -> String {
    let clean = sanitize(dest);
    if !(clean.starts_with('#') || clean.starts_with("lesson:")) {
        return clean.into_owned();
    }
    match clean.split_once('#') {
        Some((before, fragment)) => {
            format!("{before}#{}", sanitize(&media::percent_decode(fragment)))
        }
        None => clean.into_owned(),
    }
}

/// Byte offset where the markdown body starts: after a leading YAML front matter block.
///
/// Only a block that opens on the first line with `---`, whose next line looks like YAML
/// (`key: value`), and that is closed by `---` or `...` counts; anything else is markdown (a
/// leading `---` may be a thematic break).
fn body_start(markdown: &str) -> usize {
    let mut lines = markdown.split_inclusive('\n');
    let Some(first) = lines.next() else { return 0 };
    if first.trim_end() != "---" {
        return 0;
    }
    let mut offset = first.len();
    let mut first_inner = true;
    for line in lines {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return if first_inner { 0 } else { offset };
        }
        if first_inner && !trimmed.contains(':') {
            return 0;
        }
        first_inner = false;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_skipped_only_when_it_looks_like_yaml() {
        let md = "---\ntitle: x\ntags:\n  - a\n---\n# 제목\n";
        assert_eq!(md.get(body_start(md)..), Some("# 제목\n"));
        assert_eq!(body_start("---\n\n본문\n---\n"), 0);
        assert_eq!(body_start("---\ntitle: x\n"), 0);
        assert_eq!(body_start("본문"), 0);
    }

    #[test]
    fn internal_targets_are_decoded() {
        let md = "[a](#api-%EA%B2%8C%EC%9D%B4%ED%8A%B8) [b](lesson:x#y) [c](https://e.com/%20)";
        let got = link_targets(md);
        assert_eq!(got[0], (0, "#api-게이트".to_owned()));
        assert_eq!(got[1].1, "lesson:x#y");
        assert_eq!(got[2].1, "https://e.com/%20");
    }
}
