//! A tolerant scanner for the bits of HTML that notes contain.
//!
//! Markdown notes use a little HTML: `<u>` for underline, `<br>` for line breaks, sometimes an
//! `<img>` or a `<div align=center>`. We never show tags raw; instead the scanner splits HTML
//! into text and tags, and the renderer turns the few tags it knows into styles and drops the
//! rest, keeping their text. Comments are skipped even when they span several HTML events,
//! which is why the "inside a comment" flag lives in the caller.

/// A piece of scanned HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Piece<'a> {
    /// Text between tags, entities not yet decoded.
    Text(&'a str),
    /// A tag: lowercase name, whether it is a closing tag, and the raw attribute text.
    Tag {
        name: String,
        closing: bool,
        attrs: &'a str,
    },
}

/// Splits `html` into pieces, skipping comments; `in_comment` carries over between calls.
pub(super) fn scan<'a>(html: &'a str, in_comment: &mut bool) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = html;
    loop {
        if *in_comment {
            match rest.find("-->") {
                Some(i) => {
                    *in_comment = false;
                    rest = rest.get(i + 3..).unwrap_or_default();
                }
                None => return out,
            }
        }
        let Some(lt) = rest.find('<') else {
            if !rest.is_empty() {
                out.push(Piece::Text(rest));
            }
            return out;
        };
        let (before, tag_and_after) = rest.split_at(lt);
        if !before.is_empty() {
            out.push(Piece::Text(before));
        }
        if tag_and_after.starts_with("<!--") {
            *in_comment = true;
            rest = tag_and_after.get(4..).unwrap_or_default();
            continue;
        }
        let Some(gt) = tag_and_after.find('>') else {
            // An unclosed `<`: not a tag, keep it as text.
            out.push(Piece::Text(tag_and_after));
            return out;
        };
        let inner = tag_and_after.get(1..gt).unwrap_or_default();
        rest = tag_and_after.get(gt + 1..).unwrap_or_default();
        match parse_tag(inner) {
            Some(piece) => out.push(piece),
            None => out.push(Piece::Text(tag_and_after.get(..=gt).unwrap_or_default())),
        }
    }
}

/// Parses the inside of `<...>`; `None` when it does not look like a tag (e.g. `a < b > c`).
fn parse_tag(inner: &str) -> Option<Piece<'_>> {
    let (closing, body) = match inner.strip_prefix('/') {
        Some(b) => (true, b),
        None => (false, inner),
    };
    if body.starts_with('!') || body.starts_with('?') {
        // Doctype or processing instruction: drop it.
        return Some(Piece::Tag {
            name: String::new(),
            closing,
            attrs: "",
        });
    }
    let name_len = body
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(body.len());
    if name_len == 0 || !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let (name, attrs) = body.split_at(name_len);
    if !attrs.is_empty() && !attrs.starts_with(|c: char| c.is_whitespace() || c == '/') {
        return None;
    }
    Some(Piece::Tag {
        name: name.to_ascii_lowercase(),
        closing,
        attrs: attrs.trim_end_matches('/'),
    })
}

/// The value of attribute `name` in raw attribute text (quoted or bare).
pub(super) fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(i) = rest.find(|c: char| c.is_ascii_alphabetic()) {
        rest = rest.get(i..)?;
        let key_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        let (key, after) = rest.split_at(key_len);
        let after = after.trim_start();
        let Some(after_eq) = after.strip_prefix('=') else {
            rest = after;
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, next) = if let Some(q @ ('"' | '\'')) = after_eq.chars().next() {
            let body = after_eq.get(1..)?;
            let end = body.find(q).unwrap_or(body.len());
            (body.get(..end)?, body.get(end + 1..).unwrap_or_default())
        } else {
            let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
            after_eq.split_at(end)
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        rest = next;
    }
    None
}

/// Decodes the few character references that appear in hand-written HTML.
pub(super) fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        let (before, from_amp) = rest.split_at(i);
        out.push_str(before);
        let end = from_amp.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(from_amp.get(1..e)?));
        if let (Some(c), Some(e)) = (decoded, end) {
            out.push(c);
            rest = from_amp.get(e + 1..).unwrap_or_default();
        } else {
            out.push('&');
            rest = from_amp.get(1..).unwrap_or_default();
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some('\u{a0}'),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_tags_text_and_comments() {
        let mut c = false;
        let got = scan("<u>밑줄</u><br/><!-- 숨김 --> 끝", &mut c);
        assert_eq!(
            got,
            [
                Piece::Tag {
                    name: "u".into(),
                    closing: false,
                    attrs: ""
                },
                Piece::Text("밑줄"),
                Piece::Tag {
                    name: "u".into(),
                    closing: true,
                    attrs: ""
                },
                Piece::Tag {
                    name: "br".into(),
                    closing: false,
                    attrs: ""
                },
                Piece::Text(" 끝"),
            ]
        );
        assert!(!c);
        assert!(scan("<!-- open", &mut c).is_empty());
        assert!(c);
        assert_eq!(scan("still --> out", &mut c), [Piece::Text(" out")]);
    }

    #[test]
    fn not_tags_stay_text() {
        let mut c = false;
        assert_eq!(
            scan("a < b", &mut c),
            [Piece::Text("a "), Piece::Text("< b")]
        );
        assert_eq!(
            scan("1 <2> 3", &mut c),
            [Piece::Text("1 "), Piece::Text("<2>"), Piece::Text(" 3")]
        );
    }

    #[test]
    fn attributes_and_entities() {
        let a = r#" src="img/a b.png" alt='그림 1' width=300"#;
        assert_eq!(attr(a, "src"), Some("img/a b.png"));
        assert_eq!(attr(a, "alt"), Some("그림 1"));
        assert_eq!(attr(a, "width"), Some("300"));
        assert_eq!(attr(a, "href"), None);
        assert_eq!(
            decode_entities("a&lt;b&gt; &amp; &#44032; &bogus"),
            "a<b> & 가 &bogus"
        );
    }
}
