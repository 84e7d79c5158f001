//! Text helpers shared by the renderer and the UI: sanitising, display width, slugs.
//!
//! STUB: the real helpers replace this.

use std::borrow::Cow;

/// NFC-normalises `s` and removes control characters and escape sequences.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    Cow::Borrowed(s)
}

/// Display width of `s` in terminal cells.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}
