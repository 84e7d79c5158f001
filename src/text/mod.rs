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

/// Wraps `s` at spaces to lines of at most `width` cells (stub).
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let _ = width;
    vec![s.to_owned()]
}

/// Cuts `s` to `width` cells, ending with `…` when cut (stub).
pub fn truncate(s: &str, width: usize) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if self::width(&out) + 2 > width {
            out.push('…');
            break;
        }
        out.push(ch);
    }
    out
}
