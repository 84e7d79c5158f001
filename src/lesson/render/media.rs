//! Placeholders for images, whose files are not shipped with the lessons.
//!
//! A placeholder names what was there: the label ("그림" or "image"), the alt text when it says
//! something, and the file name — only the last path segment, never the whole path or URL,
//! which would be long and meaningless to a learner. Alt texts that editors insert by default
//! ("alt text", "image") or that merely repeat the file name are dropped.

use std::borrow::Cow;

use crate::text::sanitize;

/// Alt texts that carry no information (compared lowercase, trimmed).
const MEANINGLESS_ALTS: &[&str] = &[
    "",
    "alt",
    "alt text",
    "image",
    "img",
    "picture",
    "photo",
    "screenshot",
    "untitled",
    "그림",
    "이미지",
    "사진",
    "스크린샷",
    "캡처",
];

/// The placeholder text for an image: `[label] alt · file.png`.
pub(super) fn placeholder(label: &str, alt: &str, url: &str) -> String {
    let file = file_name(url);
    let alt = alt.trim();
    let alt_says_something = !MEANINGLESS_ALTS.iter().any(|m| alt.eq_ignore_ascii_case(m))
        && file.as_deref().is_none_or(|f| !same_name(alt, f))
        && alt != url;
    let mut out = format!("[{label}]");
    if alt_says_something {
        out.push(' ');
        out.push_str(alt);
    }
    if let Some(file) = file {
        if alt_says_something {
            out.push_str(" ·");
        }
        out.push(' ');
        out.push_str(&file);
    }
    // Where the picture lives on the web, when the note says (the reader's `o` opens it).
    let url = url.trim();
    if url.starts_with("https://") || url.starts_with("http://") {
        out.push_str(" (");
        out.push_str(url);
        out.push(')');
    }
    out
}

/// Whether the alt text is just the file name, with or without extension.
fn same_name(alt: &str, file: &str) -> bool {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    alt.eq_ignore_ascii_case(file) || alt.eq_ignore_ascii_case(stem)
}

/// The last non-empty path segment of `url`, percent-decoded and sanitised.
fn file_name(url: &str) -> Option<String> {
    let url = url.trim();
    if url.starts_with("data:") {
        return None;
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let last = path.rsplit(['/', '\\']).find(|seg| !seg.is_empty())?;
    // A bare host ("https://example.com") has no file name worth showing.
    if last.ends_with(':') || path.trim_end_matches('/').ends_with(&format!("//{last}")) {
        return None;
    }
    let decoded = percent_decode(last);
    Some(sanitize(&decoded).into_owned())
}

/// Decodes `%XX` escapes when they form valid UTF-8; otherwise returns the input.
pub(crate) fn percent_decode(s: &str) -> Cow<'_, str> {
    if !s.contains('%') {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).map_or(Cow::Borrowed(s), Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_file_name_only() {
        assert_eq!(
            placeholder(
                "그림",
                "alt text",
                "../../a_images/vs_aws_Database_serivce.png"
            ),
            "[그림] vs_aws_Database_serivce.png"
        );
        assert_eq!(
            placeholder(
                "image",
                "image",
                "https://github.com/user-attachments/assets/abc-123.png?raw=1"
            ),
            "[image] abc-123.png (https://github.com/user-attachments/assets/abc-123.png?raw=1)"
        );
        assert_eq!(
            placeholder("그림", "", "img/2021-11-28%2016-19-10.png"),
            "[그림] 2021-11-28 16-19-10.png"
        );
    }

    #[test]
    fn keeps_meaningful_alt_drops_repeated_name() {
        assert_eq!(
            placeholder("그림", "람다 구조", "/media/x.png"),
            "[그림] 람다 구조 · x.png"
        );
        assert_eq!(
            placeholder(
                "그림",
                "AWS_Lambda_Context",
                "/media/AWS_Lambda_Context.png"
            ),
            "[그림] AWS_Lambda_Context.png"
        );
        assert_eq!(
            placeholder("그림", "도표", "data:image/png;base64,AAAA"),
            "[그림] 도표"
        );
        assert_eq!(
            placeholder("그림", "", "https://example.com/"),
            "[그림] (https://example.com/)"
        );
    }
}
