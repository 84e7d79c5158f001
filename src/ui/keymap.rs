//! The terminal's key events in the key map's terms: the one place (besides the text-input
//! widget) that reads crossterm key codes. Everything else looks keys up through [`lookup`].

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use crate::keys::*;

/// The key map's key for a terminal key event (`None` for keys the map cannot bind, such as
/// media keys or a lone modifier).
pub fn key_of(ev: &KeyEvent) -> Option<Key> {
    let code = match ev.code {
        KeyCode::Char(c) => Code::Char(c),
        KeyCode::Enter => Code::Enter,
        KeyCode::Esc => Code::Esc,
        KeyCode::Tab | KeyCode::BackTab => Code::Tab,
        KeyCode::Backspace => Code::Backspace,
        KeyCode::Up => Code::Up,
        KeyCode::Down => Code::Down,
        KeyCode::Left => Code::Left,
        KeyCode::Right => Code::Right,
        KeyCode::PageUp => Code::PageUp,
        KeyCode::PageDown => Code::PageDown,
        KeyCode::Home => Code::Home,
        KeyCode::End => Code::End,
        KeyCode::Insert => Code::Insert,
        KeyCode::Delete => Code::Delete,
        KeyCode::F(n) => Code::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
    })
}

/// The action bound to `ev` in the first of `contexts` that binds it, then globally.
pub fn lookup(contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
    key_of(ev).and_then(|k| crate::keys::lookup(contexts, k))
}

/// A key that types into an answer rather than naming an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typed {
    /// A character typed without Ctrl or Alt.
    Char(char),
    /// Backspace.
    Backspace,
}

/// What `ev` types, if it types anything (answers: digits pick a choice, numbers are typed).
pub fn typed(ev: &KeyEvent) -> Option<Typed> {
    if ev
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    match ev.code {
        KeyCode::Char(c) => Some(Typed::Char(c)),
        KeyCode::Backspace => Some(Typed::Backspace),
        _ => None,
    }
}
