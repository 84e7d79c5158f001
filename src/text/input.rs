//! A single-line text box's contents and cursor, with the editing operations every box shares.
//! The keys that trigger them are the UI's (`ui::text_input`); this is plain string editing.
//!
//! The cursor moves by `char`: a Hangul syllable typed with an IME is one `char` (composed, NFC),
//! so Backspace removes the whole syllable, as in other terminal apps. Control characters and
//! bidi overrides never enter the text (a paste of escape sequences is stripped).

use super::{sanitize, width};

/// A text box: its text and a cursor (a byte index on a `char` boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
}

impl std::ops::Deref for TextInput {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl TextInput {
    /// A box holding `text`, the cursor at its end.
    pub fn with_text(text: &str) -> Self {
        let text = clean(text);
        let cursor = text.len();
        Self { text, cursor }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text after the cursor.
    pub fn after_cursor(&self) -> &str {
        self.text.get(self.cursor..).unwrap_or_default()
    }

    /// Display width (cells) of the text before the cursor, to place the terminal's cursor.
    pub fn cursor_width(&self) -> usize {
        self.text
            .get(..self.cursor)
            .map_or_else(|| width(&self.text), width)
    }

    /// Empties the box.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    /// Inserts `s` at the cursor (typed or pasted), without control characters or line breaks.
    /// Returns whether anything was inserted.
    pub fn insert(&mut self, s: &str) -> bool {
        let s = clean(s);
        self.text.insert_str(self.cursor, &s);
        self.cursor += s.len();
        !s.is_empty()
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    /// Moves the cursor one character left.
    pub fn left(&mut self) {
        self.cursor = self.prev(self.cursor);
    }

    /// Moves the cursor one character right.
    pub fn right(&mut self) {
        self.cursor = self.next(self.cursor);
    }

    /// Erases the character before the cursor; returns whether the text changed.
    pub fn backspace(&mut self) -> bool {
        self.erase(self.prev(self.cursor), self.cursor)
    }

    /// Erases the character after the cursor.
    pub fn delete(&mut self) -> bool {
        self.erase(self.cursor, self.next(self.cursor))
    }

    /// Erases from the start to the cursor.
    pub fn erase_to_start(&mut self) -> bool {
        self.erase(0, self.cursor)
    }

    /// Erases the word before the cursor (and the spaces after it).
    pub fn erase_word(&mut self) -> bool {
        let before = self.text.get(..self.cursor).unwrap_or_default();
        let start = before.trim_end().rfind(' ').map_or(0, |i| i + 1);
        self.erase(start, self.cursor)
    }

    fn erase(&mut self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        self.text.replace_range(from..to, "");
        self.cursor = from;
        true
    }

    /// The byte index of the `char` before `at`.
    fn prev(&self, at: usize) -> usize {
        self.text
            .get(..at)
            .and_then(|s| s.char_indices().next_back())
            .map_or(0, |(i, _)| i)
    }

    /// The byte index after the `char` at `at`.
    fn next(&self, at: usize) -> usize {
        self.text
            .get(at..)
            .and_then(|s| s.chars().next())
            .map_or(self.text.len(), |c| at + c.len_utf8())
    }
}

/// `s` without control characters or bidi overrides; line breaks and tabs become spaces.
fn clean(s: &str) -> String {
    let spaced: String = s
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect();
    sanitize(&spaced).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_works_on_hangul_syllables_and_words() {
        let mut t = TextInput::with_text("람다 콜드");
        assert_eq!(t.cursor_width(), 9);
        t.left();
        t.left();
        assert_eq!(t.cursor_width(), 5);
        assert!(t.backspace());
        assert_eq!(t.as_str(), "람다콜드");
        assert!(t.delete());
        assert_eq!(t.as_str(), "람다드");
        t.home();
        t.insert("x");
        assert_eq!(t.as_str(), "x람다드");
        t.end();
        assert_eq!(t.cursor_width(), 7);
        let mut w = TextInput::with_text("cold  start now");
        w.erase_word();
        assert_eq!(w.as_str(), "cold  start ");
        w.erase_word();
        assert_eq!(w.as_str(), "cold  ");
        w.left();
        w.erase_to_start();
        assert_eq!(w.as_str(), " ");
    }

    #[test]
    fn a_paste_loses_its_control_characters() {
        let mut t = TextInput::default();
        t.insert("a\u{1b}]52;c;ZXZpbA==\u{7}b\nc\u{202e}");
        assert!(!t.chars().any(char::is_control), "{:?}", t.as_str());
        assert!(!t.contains('\u{202e}'), "{:?}", t.as_str());
        assert!(t.starts_with('a') && t.ends_with('c'));
    }
}
