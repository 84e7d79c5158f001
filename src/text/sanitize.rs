//! Making untrusted text safe and canonical for the terminal.
//!
//! Lesson files may come from a teacher's folder, so they can contain anything: terminal
//! escape sequences (colour codes, OSC 8 hyperlinks, title changes), stray control bytes, bidi
//! overrides that make text display in a different order than it reads, and Hangul decomposed
//! into jamo by macOS file systems. [`sanitize`] removes whole escape sequences (not just the ESC
//! byte, which would leave `[31m` on screen), drops the other controls, turns tabs into spaces
//! and composes the result to NFC. Newlines are kept: callers split or wrap on them.
//!
//! Almost all text is already clean, so the common case is a single scan that returns the input
//! borrowed.

use std::borrow::Cow;
use std::io::Write;
use std::iter::Peekable;
use std::str::Chars;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC-normalises `s` and removes control characters, escape sequences and bidi overrides.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Like [`sanitize`] but keeps tabs, which are indentation in markdown source.
///
/// The renderer cleans a whole document with this before parsing, because the parser splits
/// text at `[` and would otherwise cut `ESC [31m` into pieces that no longer look like an
/// escape sequence.
pub fn sanitize_markdown(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// The one gate for everything the program writes for people to read: command-line output on
/// stdout and stderr (file names, key maps and error messages included) and TUI text.
///
/// Removes C0/C1 controls and whole escape sequences (OSC 52 clipboard writes, OSC 0 titles,
/// `ESC c`, `ESC[2J`, DSR queries), drops bidi overrides and isolates, keeps newlines and tabs,
/// and composes to NFC. The program adds its own styling after this, around clean text.
pub fn for_output(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// Whether `c` must not appear raw in JSON (or TOML) written for a terminal: C1 controls, DEL,
/// bidi controls and the Unicode line/paragraph separators. `serde_json` escapes C0 itself.
fn json_unsafe(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Escapes the characters [`json_unsafe`] names as `\uXXXX` in serialised JSON (or TOML).
///
/// They can only occur inside strings (the syntax of both is ASCII), where `\uXXXX` is the same
/// character to a parser, so the document keeps its meaning and a terminal sees no control.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(json_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if json_unsafe(c) {
            let _ = std::fmt::Write::write_fmt(&mut out, format_args!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A writer that passes every line through [`for_output`] before it reaches `inner`.
///
/// Bytes are held until a newline (or [`Write::flush`]), so an escape sequence split across
/// `write` calls is still removed whole; invalid UTF-8 becomes U+FFFD.
pub struct SafeWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    /// Writes bytes that the program styled itself around text that went through
    /// [`for_output`] (after any pending line).
    pub fn styled(&mut self, text: &str) -> std::io::Result<()> {
        self.emit_pending()?;
        self.inner.write_all(text.as_bytes())
    }

    /// Writes `value` as JSON (pretty or compact) and a newline, with [`escape_json`] applied.
    pub fn json<T: serde::Serialize + ?Sized>(
        &mut self,
        value: &T,
        pretty: bool,
    ) -> std::io::Result<()> {
        self.emit_pending()?;
        let text = if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        }
        .map_err(std::io::Error::other)?;
        self.inner.write_all(escape_json(&text).as_bytes())?;
        self.inner.write_all(b"\n")
    }

    fn emit_pending(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let line = std::mem::take(&mut self.pending);
        let text = String::from_utf8_lossy(&line);
        self.inner.write_all(for_output(&text).as_bytes())
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let scanned = self.pending.len();
        self.pending.extend_from_slice(buf);
        if let Some(at) = self.pending.iter().skip(scanned).rposition(|&b| b == b'\n') {
            let rest = self.pending.split_off(scanned + at + 1);
            self.emit_pending()?;
            self.pending = rest;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.emit_pending()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for SafeWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

fn clean(s: &str, keep_tabs: bool) -> Cow<'_, str> {
    let stripped = if has_strippable(s, keep_tabs) {
        Cow::Owned(strip(s, keep_tabs))
    } else {
        Cow::Borrowed(s)
    };
    if surely_nfc(stripped.as_bytes()) {
        return stripped;
    }
    match is_nfc_quick(stripped.chars()) {
        IsNormalized::Yes => stripped,
        IsNormalized::No | IsNormalized::Maybe => {
            let composed: String = stripped.nfc().collect();
            if composed == *stripped {
                stripped
            } else {
                Cow::Owned(composed)
            }
        }
    }
}

/// Bytes scanned per step of the vectorisable pre-passes below.
const CHUNK: usize = 256;

/// Whether `s` contains a character that [`strip`] removes or replaces.
///
/// Works on UTF-8 bytes: C0 controls and DEL are single bytes, C1 controls are `C2 80..9F`,
/// the bidi controls `E2 80 AA..AE` and `E2 81 A6..A9`. A branch-free pass over each chunk
/// finds candidate bytes; only chunks with one are looked at closely. Korean prose alternates
/// between one- and three-byte characters every few bytes, which makes a per-character loop
/// mispredict constantly.
fn has_strippable(s: &str, keep_tabs: bool) -> bool {
    let b = s.as_bytes();
    // A byte that is never excluded when tabs are not kept.
    let tab = if keep_tabs { b'\t' } else { b'\n' };
    // Bitwise rather than short-circuit operators, so that the fold compiles to SIMD.
    let candidate = |x: u8| {
        (u8::from(x < 0x20) & u8::from(x != b'\n') & u8::from(x != tab))
            | u8::from(x == 0x7f)
            | u8::from(x == 0xc2)
            | u8::from(x == 0xe2)
    };
    (0..b.len()).step_by(CHUNK).any(|start| {
        let chunk = b
            .get(start..(start + CHUNK).min(b.len()))
            .unwrap_or_default();
        chunk.iter().fold(0, |acc, &x| acc | candidate(x)) != 0
            && chunk.iter().enumerate().any(|(i, &x)| {
                let at = |k: usize| b.get(start + i + k).copied();
                match x {
                    0xc2 => at(1).is_some_and(|n| (0x80..=0x9f).contains(&n)),
                    0xe2 => match (at(1), at(2)) {
                        (Some(0x80), Some(n)) => (0xaa..=0xae).contains(&n),
                        (Some(0x81), Some(n)) => (0xa6..=0xa9).contains(&n),
                        _ => false,
                    },
                    x => candidate(x) != 0,
                }
            })
    })
}

/// Whether UTF-8 `b` surely is NFC: it holds only characters below U+0300 and characters of
/// U+AC00..U+D7FF (Hangul syllables, and the jamo extension after them, which never compose).
///
/// Such text is NFC whatever the order, and it is nearly all of ours, so the table-driven check
/// only runs when something else appears. In UTF-8 that means lead bytes up to `CB`, `EB`–`ED`,
/// or `EA` followed by `B0` or more; the test is branch-free so that it vectorises.
fn surely_nfc(b: &[u8]) -> bool {
    let bad = |x: u8, next: u8| {
        (u8::from(x >= 0xcc) & u8::from(x.wrapping_sub(0xea) > 3))
            | (u8::from(x == 0xea) & u8::from(next < 0xb0))
    };
    let Some((&last, init)) = b.split_last() else {
        return true;
    };
    // Each byte is judged with the byte after it; the last byte of valid UTF-8 is never a lead.
    let next = b.get(1..).unwrap_or_default();
    bad(last, 0xff) == 0
        && init
            .chunks(CHUNK)
            .zip(next.chunks(CHUNK))
            .all(|(xs, ns)| xs.iter().zip(ns).fold(0, |acc, (&x, &n)| acc | bad(x, n)) == 0)
}

/// Whether `c` is removed or replaced (tabs become spaces; newlines stay).
fn needs_strip(c: char) -> bool {
    matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn strip(s: &str, keep_tabs: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\t' => out.push(if keep_tabs { '\t' } else { ' ' }),
            '\x1b' => skip_escape(&mut it),
            '\u{9b}' => skip_csi(&mut it),
            // C1 forms of DCS, SOS, OSC, PM and APC: strings ended by BEL or ST.
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut it),
            c if needs_strip(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Skips what follows an ESC byte: a CSI or string sequence, or a two/three-byte escape.
fn skip_escape(it: &mut Peekable<Chars<'_>>) {
    match it.peek() {
        Some('[') => {
            it.next();
            skip_csi(it);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            it.next();
            skip_string(it);
        }
        Some(' '..='/') => {
            // nF escapes such as `ESC ( B`: intermediates, then one final byte.
            while it.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            it.next_if(|c| matches!(c, '0'..='~'));
        }
        Some('0'..='~') => {
            it.next();
        }
        // A lone ESC before ordinary text: drop only the ESC.
        _ => {}
    }
}

/// Skips a CSI body: parameter bytes, intermediate bytes, then the final byte.
fn skip_csi(it: &mut Peekable<Chars<'_>>) {
    while it.next_if(|c| matches!(c, '0'..='?')).is_some() {}
    while it.next_if(|c| matches!(c, ' '..='/')).is_some() {}
    it.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips an OSC/DCS-style string up to and including BEL or ST.
///
/// Stops before a newline: real terminal strings never span lines, and stopping there keeps a
/// malformed sequence from swallowing the rest of a document.
fn skip_string(it: &mut Peekable<Chars<'_>>) {
    while let Some(&c) = it.peek() {
        match c {
            '\n' => return,
            '\x07' | '\u{9c}' => {
                it.next();
                return;
            }
            '\x1b' => {
                it.next();
                it.next_if_eq(&'\\');
                return;
            }
            _ => {
                it.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize("plain ascii"), Cow::Borrowed(_)));
        assert!(matches!(
            sanitize("서버리스 컴퓨팅\n둘째 줄"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(sanitize("\x1b[31m빨강\x1b[0m"), "빨강");
        assert_eq!(sanitize("\x1b]8;;http://x\x07링크\x1b]8;;\x1b\\"), "링크");
        assert_eq!(sanitize("a\x07b\x7fc\u{85}d"), "abcd");
        assert_eq!(sanitize("\u{202e}abc\u{2066}"), "abc");
        assert_eq!(sanitize("x\x1b(By"), "xy");
        assert_eq!(sanitize("\u{9b}1mz"), "z");
        assert_eq!(sanitize("end\x1b"), "end");
        assert_eq!(sanitize("\x1b가"), "가");
    }

    #[test]
    fn unterminated_osc_stops_at_newline() {
        assert_eq!(sanitize("\x1b]0;title\nnext"), "\nnext");
    }

    #[test]
    fn tabs_become_spaces_newlines_stay() {
        assert_eq!(sanitize("a\tb\r\nc"), "a b\nc");
    }

    #[test]
    fn nfc_fast_path_matches_the_tables() {
        let cases = [
            "abc",
            "가힣",
            "\u{d7a3}",
            "\u{d7a4}",
            "é",
            "e\u{301}",
            "\u{1100}\u{1161}",
            "ÿ̈",
            "\u{a66f}\u{301}",
        ];
        for s in cases {
            if surely_nfc(s.as_bytes()) {
                assert_eq!(is_nfc_quick(s.chars()), IsNormalized::Yes, "{s:?}");
            }
        }
        assert!(surely_nfc("서버리스 é".as_bytes()));
        assert!(surely_nfc("\u{d7a4}\u{d7b0}".as_bytes()));
        assert!(!surely_nfc("\u{a66f}".as_bytes()));
        assert!(!surely_nfc("e\u{301}".as_bytes()));
    }

    #[test]
    fn markdown_keeps_tabs() {
        assert!(matches!(sanitize_markdown("a\tb"), Cow::Borrowed(_)));
        assert_eq!(sanitize_markdown("\ta\x1b[1m"), "\ta");
    }

    #[test]
    fn output_gate_keeps_layout_and_drops_every_control() {
        let hostile = "a\x1b]52;c;aGk=\x07b\x1b]0;t\x07c\x1bcd\x1b[2Je\x1b[6nf\u{9b}31mg\u{202e}h\u{200d}i\tj\r\nk";
        let out = for_output(hostile);
        assert_eq!(out, "abcdefgh\u{200d}i\tj\nk");
    }

    #[test]
    fn json_escapes_c1_and_bidi() {
        let v = serde_json::json!({ "t": "a\u{9b}b\u{202e}c\u{7f}\u{2028}" });
        let text = serde_json::to_string(&v).unwrap();
        let safe = escape_json(&text);
        assert_eq!(safe, r#"{"t":"a\u009bb\u202ec\u007f\u2028"}"#);
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn safe_writer_joins_split_sequences_and_lines() {
        let mut buf = Vec::new();
        {
            let mut w = SafeWriter::new(&mut buf);
            w.write_all(b"x\x1b]0;ti").unwrap();
            w.write_all(b"tle\x07y\n\xff").unwrap();
            w.write_all("z\u{9b}2J".as_bytes()).unwrap();
        }
        assert_eq!(String::from_utf8(buf).unwrap(), "xy\n\u{fffd}z");
    }

    #[test]
    fn nfd_hangul_is_composed() {
        let nfd = "\u{1100}\u{1161}\u{11a8}"; // 각 as jamo
        assert_eq!(sanitize(nfd), "각");
        assert_eq!(sanitize(&format!("\x1b[1m{nfd}")), "각");
    }
}
