//! Bytes from a student's SSH channel turned into keys.
//!
//! An SSH client sends what its terminal sends: UTF-8 text, C0 controls and the usual
//! xterm/VT escape sequences for arrows and function keys. The parser is stateful only for a
//! sequence cut between two packets (a partial UTF-8 character or a partial CSI); a lone ESC
//! at the end of a packet is the Esc key, because a terminal sends a whole sequence in one
//! write. Unknown sequences are skipped, invalid UTF-8 is dropped, and nothing here allocates
//! more than the packet it was given.

use crate::keys::{Code, Key};

/// The longest escape sequence kept across packets; anything longer is dropped.
const MAX_PENDING: usize = 16;

/// Turns channel bytes into keys (see the module documentation).
#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
}

fn key(code: Code) -> Key {
    Key { code, ctrl: false }
}

fn ctrl(c: char) -> Key {
    Key {
        code: Code::Char(c),
        ctrl: true,
    }
}

/// What one attempt at the front of the buffer found.
enum Step {
    /// A key and how many bytes it used.
    Key(Key, usize),
    /// Bytes to skip (unknown or invalid).
    Skip(usize),
    /// The buffer ends inside a sequence: wait for more.
    Incomplete,
}

impl InputParser {
    /// A parser with nothing pending.
    pub fn new() -> Self {
        Self::default()
    }

    /// Parses `bytes` (with anything pending from the last call) into keys.
    pub fn feed(&mut self, bytes: &[u8]) -> Vec<Key> {
        let mut buf = std::mem::take(&mut self.pending);
        buf.extend_from_slice(bytes);
        let mut keys = Vec::new();
        let mut i = 0;
        while i < buf.len() {
            let rest = buf.get(i..).unwrap_or_default();
            match step(rest) {
                Step::Key(k, n) => {
                    keys.push(k);
                    i += n;
                }
                Step::Skip(n) => i += n.max(1),
                Step::Incomplete => {
                    if rest.len() <= MAX_PENDING {
                        self.pending = rest.to_vec();
                    }
                    break;
                }
            }
        }
        keys
    }
}

fn step(b: &[u8]) -> Step {
    let first = b[0];
    match first {
        0x1b => escape(b),
        b'\r' => {
            // CR LF (some clients) is one Enter.
            let n = if b.get(1) == Some(&b'\n') { 2 } else { 1 };
            Step::Key(key(Code::Enter), n)
        }
        b'\n' => Step::Key(key(Code::Enter), 1),
        b'\t' => Step::Key(key(Code::Tab), 1),
        0x7f | 0x08 => Step::Key(key(Code::Backspace), 1),
        0x00 => Step::Key(ctrl(' '), 1),
        0x01..=0x1a => Step::Key(ctrl(char::from(b'a' + first - 1)), 1),
        0x1c..=0x1f => Step::Skip(1),
        0x20..=0x7e => Step::Key(key(Code::Char(char::from(first))), 1),
        _ => utf8(b),
    }
}

fn utf8(b: &[u8]) -> Step {
    let len = match b[0] {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Step::Skip(1),
    };
    if b.len() < len {
        // Every byte so far must be a continuation byte, or it will never decode.
        return if b.iter().skip(1).all(|&c| c & 0xc0 == 0x80) {
            Step::Incomplete
        } else {
            Step::Skip(1)
        };
    }
    match std::str::from_utf8(&b[..len]) {
        Ok(s) => match s.chars().next() {
            Some(c) if !c.is_control() => Step::Key(key(Code::Char(c)), len),
            _ => Step::Skip(len),
        },
        Err(_) => Step::Skip(1),
    }
}

fn escape(b: &[u8]) -> Step {
    match b.get(1) {
        Some(b'[') => csi(b),
        Some(b'O') => match b.get(2) {
            None => Step::Incomplete,
            Some(&c) => {
                let code = match c {
                    b'A' => Code::Up,
                    b'B' => Code::Down,
                    b'C' => Code::Right,
                    b'D' => Code::Left,
                    b'H' => Code::Home,
                    b'F' => Code::End,
                    b'P' => Code::F(1),
                    b'Q' => Code::F(2),
                    b'R' => Code::F(3),
                    b'S' => Code::F(4),
                    _ => return Step::Skip(3),
                };
                Step::Key(key(code), 3)
            }
        },
        // A lone ESC at the end of a packet is the Esc key; ESC ESC or Alt+key: report Esc and
        // let the next byte be read on its own.
        _ => Step::Key(key(Code::Esc), 1),
    }
}

/// `ESC [ params final`: params are digits and `;`, the final byte is 0x40..=0x7e.
fn csi(b: &[u8]) -> Step {
    let mut end = 2;
    while let Some(&c) = b.get(end) {
        match c {
            b'0'..=b'9' | b';' | b'?' | b'<' | b'>' => end += 1,
            0x40..=0x7e => {
                let params = std::str::from_utf8(&b[2..end]).unwrap_or_default();
                let first: u16 = params
                    .split(';')
                    .next()
                    .and_then(|p| p.parse().ok())
                    .unwrap_or(0);
                let code = match c {
                    b'A' => Some(Code::Up),
                    b'B' => Some(Code::Down),
                    b'C' => Some(Code::Right),
                    b'D' => Some(Code::Left),
                    b'H' => Some(Code::Home),
                    b'F' => Some(Code::End),
                    b'Z' => Some(Code::Tab),
                    b'~' => match first {
                        1 | 7 => Some(Code::Home),
                        2 => Some(Code::Insert),
                        3 => Some(Code::Delete),
                        4 | 8 => Some(Code::End),
                        5 => Some(Code::PageUp),
                        6 => Some(Code::PageDown),
                        11..=15 => Some(Code::F((first - 10) as u8)),
                        17..=21 => Some(Code::F((first - 11) as u8)),
                        23 | 24 => Some(Code::F((first - 12) as u8)),
                        _ => None,
                    },
                    _ => None,
                };
                return match code {
                    Some(code) => Step::Key(key(code), end + 1),
                    None => Step::Skip(end + 1),
                };
            }
            // Not a CSI after all: drop the ESC [ and read on.
            _ => return Step::Skip(2),
        }
    }
    Step::Incomplete
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(bytes: &[u8]) -> Vec<Key> {
        InputParser::new().feed(bytes)
    }

    #[test]
    fn arrows_enter_escape_and_digits() {
        let keys = codes(b"\x1b[A\x1b[B\x1bOC\x1b[D2\r");
        let want = [
            Code::Up,
            Code::Down,
            Code::Right,
            Code::Left,
            Code::Char('2'),
            Code::Enter,
        ];
        assert_eq!(keys.iter().map(|k| k.code).collect::<Vec<_>>(), want);
        assert_eq!(codes(b"\x1b"), vec![key(Code::Esc)]);
        assert_eq!(codes(b"\r\n"), vec![key(Code::Enter)]);
    }

    #[test]
    fn page_keys_function_keys_and_modified_arrows() {
        let keys = codes(b"\x1b[5~\x1b[6~\x1b[1;5A\x1b[17~\x1bOP");
        let want = [
            Code::PageUp,
            Code::PageDown,
            Code::Up,
            Code::F(6),
            Code::F(1),
        ];
        assert_eq!(keys.iter().map(|k| k.code).collect::<Vec<_>>(), want);
    }

    #[test]
    fn ctrl_c_and_backspace() {
        assert_eq!(codes(b"\x03"), vec![ctrl('c')]);
        assert_eq!(codes(b"\x7f"), vec![key(Code::Backspace)]);
    }

    #[test]
    fn korean_jamo_and_syllables_even_when_split_between_packets() {
        let text = "ㅓ민";
        let bytes = text.as_bytes();
        let mut p = InputParser::new();
        let mut keys = Vec::new();
        // Every split point, byte by byte.
        for b in bytes {
            keys.extend(p.feed(std::slice::from_ref(b)));
        }
        assert_eq!(
            keys,
            vec![key(Code::Char('ㅓ')), key(Code::Char('민'))],
            "byte by byte"
        );
        assert_eq!(crate::keys::latin_for('ㅓ'), 'j');
    }

    #[test]
    fn an_escape_sequence_split_between_packets_is_one_key() {
        let mut p = InputParser::new();
        assert!(p.feed(b"\x1b[").is_empty());
        assert_eq!(p.feed(b"B"), vec![key(Code::Down)]);
    }

    #[test]
    fn garbage_never_panics_and_never_grows_the_pending_buffer() {
        let mut p = InputParser::new();
        let mut seed: u32 = 7;
        for _ in 0..2000 {
            let mut chunk = Vec::new();
            for _ in 0..(seed % 40) {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
                chunk.push((seed >> 16) as u8);
            }
            let _ = p.feed(&chunk);
            assert!(p.pending.len() <= MAX_PENDING);
        }
        assert_eq!(
            codes(b"\xff\xfe a"),
            vec![key(Code::Char(' ')), key(Code::Char('a'))]
        );
    }
}
