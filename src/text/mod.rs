//! Text helpers shared by the renderer and the UI: sanitising, display width, wrapping and slugs.
//!
//! Everything that reaches the terminal is measured in display cells (a Hangul syllable is two
//! cells, a Latin letter one), never in bytes or `char`s, and strings are only ever cut at
//! grapheme-cluster boundaries. Text that comes from content files passes through [`sanitize`]
//! first, so no escape sequence or control character from a teacher's folder can reach the
//! terminal and decomposed (macOS NFD) Hangul is composed before it is measured.
//!
//! Wrapping is split in two: [`wrap_ranges`] computes where lines break as byte ranges of the
//! input, so the renderer can wrap a paragraph once and slice its styled runs by those ranges;
//! [`wrap`] is the convenience form for plain UI strings.
//!
//! For the UI: [`width`] measures, [`truncate`] cuts with `…`, [`fit`] cuts and pads to an exact
//! width (table cells, status bars), [`columns`] takes a horizontal window of a line (scrolling
//! code sideways), [`wrap`] wraps messages, and [`slug`]/[`Slugger`] make GitHub anchors.
//! [`sanitize`] cleans any string from content; [`sanitize_markdown`] is the variant for whole
//! markdown sources, which keeps tabs.

pub mod input;
pub mod josa;
mod measure;
mod sanitize;
mod slug;
mod wrap;

pub use measure::{columns, expand_tabs, fit, truncate, width};
pub use sanitize::{SafeWriter, escape_json, for_output, sanitize, sanitize_markdown};
pub use slug::{Slugger, slug};
pub use wrap::{wrap, wrap_ranges};
