//! The key handling of every text box (the palette, the in-lesson search, the glossary filter,
//! simulation values and predictions, template paths), so every box edits alike:
//! ←/→ move, Home/End or Ctrl-A/Ctrl-E jump, Backspace/Delete erase, Ctrl-U clears to the start,
//! Ctrl-W erases the word before the cursor; a paste arrives as text ([`TextInput::insert`]).
//! Enter, Esc and the rest are left to the key map.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::text::input::TextInput;

/// What a key did to the box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved (or nothing changed).
    Moved,
    /// Not an editing key: the caller looks it up in the key map.
    Ignored,
}

/// Applies an editing key; every character is accepted.
pub fn edit(input: &mut TextInput, key: &KeyEvent) -> Edit {
    edit_with(input, key, |_| true)
}

/// Applies an editing key; typed characters that `accept` refuses are ignored (a number box
/// takes digits only).
pub fn edit_with(input: &mut TextInput, key: &KeyEvent, accept: impl Fn(char) -> bool) -> Edit {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let changed = |yes: bool| if yes { Edit::Changed } else { Edit::Moved };
    match key.code {
        KeyCode::Char(c) if !ctrl && !alt => {
            if accept(c) {
                let mut buf = [0; 4];
                changed(input.insert(c.encode_utf8(&mut buf)))
            } else {
                Edit::Moved
            }
        }
        KeyCode::Char('a') if ctrl => {
            input.home();
            Edit::Moved
        }
        KeyCode::Char('e') if ctrl => {
            input.end();
            Edit::Moved
        }
        KeyCode::Char('u') if ctrl => changed(input.erase_to_start()),
        KeyCode::Char('w') if ctrl => changed(input.erase_word()),
        KeyCode::Home => {
            input.home();
            Edit::Moved
        }
        KeyCode::End => {
            input.end();
            Edit::Moved
        }
        KeyCode::Left => {
            input.left();
            Edit::Moved
        }
        KeyCode::Right => {
            input.right();
            Edit::Moved
        }
        KeyCode::Backspace => changed(input.backspace()),
        KeyCode::Delete => changed(input.delete()),
        _ => Edit::Ignored,
    }
}

/// The most of one paste a box takes (a paste is a single line; more is surely a mistake).
pub const MAX_PASTE: usize = 4096;

/// Pastes `text` into the box: control characters and line breaks are dropped, and at most
/// [`MAX_PASTE`] bytes of it are taken (cut at a character boundary). Returns whether the text
/// changed.
pub fn paste(input: &mut TextInput, text: &str) -> bool {
    input.insert(paste_text(text))
}

/// The part of a paste a box takes: its first [`MAX_PASTE`] bytes, cut at a char boundary.
pub fn paste_text(text: &str) -> &str {
    let mut end = text.len().min(MAX_PASTE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// Where the caret goes in `shown` (the visible end of the box's text): before the part of the
/// text that follows the cursor.
pub fn caret(input: &TextInput, shown: &str) -> usize {
    crate::text::width(shown).saturating_sub(crate::text::width(input.after_cursor()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_capped_at_a_char_boundary_and_loses_control_characters() {
        let long = "구".repeat(MAX_PASTE);
        let taken = paste_text(&long);
        assert!(taken.len() <= MAX_PASTE && taken.len() > MAX_PASTE - 3);
        assert!(taken.chars().all(|c| c == '구'));
        let mut t = TextInput::default();
        assert!(paste(&mut t, "람다\u{7} 콜드"));
        assert_eq!(t.as_str(), "람다 콜드");
    }

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn every_editing_key_edits_and_the_rest_are_left_to_the_key_map() {
        let mut t = TextInput::default();
        for c in "cold start".chars() {
            assert_eq!(edit(&mut t, &key(KeyCode::Char(c))), Edit::Changed);
        }
        assert_eq!(edit(&mut t, &ctrl('w')), Edit::Changed);
        assert_eq!(t.as_str(), "cold ");
        assert_eq!(edit(&mut t, &ctrl('a')), Edit::Moved);
        assert_eq!(t.cursor_width(), 0);
        assert_eq!(edit(&mut t, &key(KeyCode::Delete)), Edit::Changed);
        assert_eq!(t.as_str(), "old ");
        assert_eq!(edit(&mut t, &ctrl('e')), Edit::Moved);
        assert_eq!(edit(&mut t, &ctrl('u')), Edit::Changed);
        assert_eq!(t.as_str(), "");
        for k in [KeyCode::Enter, KeyCode::Esc, KeyCode::Tab, KeyCode::Down] {
            assert_eq!(edit(&mut t, &key(k)), Edit::Ignored);
        }
        assert_eq!(edit(&mut t, &ctrl('c')), Edit::Ignored);
        let digits = |c: char| c.is_ascii_digit();
        assert_eq!(
            edit_with(&mut t, &key(KeyCode::Char('x')), digits),
            Edit::Moved
        );
        assert_eq!(
            edit_with(&mut t, &key(KeyCode::Char('7')), digits),
            Edit::Changed
        );
        assert_eq!(t.as_str(), "7");
    }
}
