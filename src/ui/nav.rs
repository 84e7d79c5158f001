//! Back as a stack: every screen opened over another keeps the one below with its state (scroll,
//! selection, answers so far), and Back brings exactly that screen back.
//!
//! The screen in front keeps its state in [`App`]'s slots (`reader`, `sim`, `practice`, …), where
//! drawing and key handling find it; a covered screen's state moves into its [`Covered`] entry and
//! back out when it is in front again. Home is the implicit bottom of the stack.

use super::app::{App, Screen};
use super::glossary::GlossaryView;
use super::reader::Reader;

/// Screens kept below the one in front; the oldest are forgotten past this depth.
const MAX_DEPTH: usize = 32;

/// The state a screen had when another screen was opened over it.
#[derive(Debug)]
pub enum Slot {
    /// A screen without per-visit state (home, lists, menus).
    None,
    /// A lesson, at its scroll position.
    Reader(Box<Reader>),
    /// A screen that owns its state.
    Boxed(Box<dyn super::screen::Screen>),
}

/// A screen under the one in front.
#[derive(Debug)]
pub struct Covered {
    /// Which screen.
    pub screen: Screen,
    /// Its state.
    pub slot: Slot,
    /// The glossary that was open over it when a glossary link opened the screen above: Back
    /// brings the glossary back at the same term.
    pub glossary: Option<GlossaryView>,
}

impl App {
    /// Covers the screen in front, keeping its state, so that a new screen can be opened over
    /// it. The caller then fills the new screen's slot and sets `screen`.
    pub(super) fn push_screen(&mut self) {
        if self.screen == Screen::Reader {
            self.save_reader_position();
        }
        let slot = self.take_slot(self.screen);
        self.stack.push(Covered {
            screen: self.screen,
            slot,
            glossary: None,
        });
        if self.stack.len() > MAX_DEPTH {
            self.stack.remove(0);
        }
    }

    /// Closes the screen in front and brings back the one below it (home at the bottom).
    pub(super) fn pop_screen(&mut self) {
        let leaving = self.screen;
        if leaving == Screen::Reader {
            self.save_reader_position();
        }
        self.take_slot(leaving);
        self.define = None;
        match self.stack.pop() {
            Some(below) => {
                self.screen = below.screen;
                self.put_slot(below.slot);
                if below.glossary.is_some() {
                    self.glossary = below.glossary;
                }
            }
            None => self.screen = Screen::Home,
        }
        if self.screen == Screen::Home && leaving == Screen::Reader {
            // Back home from a lesson: the next steps are in view and the first continues it.
            self.home.select_step(0);
        }
        if self.screen.boxed() {
            let effect = self.with_front(|screen, ctx| screen.resumed(ctx));
            self.apply(effect);
        }
        if self.screen == Screen::Reader {
            // Reflow for the current size and language; the section line is worked out anew.
            if let Some(r) = self.reader.as_mut() {
                r.invalidate();
            }
            self.section_for = None;
        }
        self.save();
    }

    /// Parks `glossary` with the screen just covered, so Back from the screen opened by one of
    /// its links brings it back.
    pub(super) fn park_glossary(&mut self, glossary: Option<GlossaryView>) {
        if let Some(below) = self.stack.last_mut() {
            below.glossary = glossary;
        }
    }

    /// How many screens are under the one in front.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    fn take_slot(&mut self, screen: Screen) -> Slot {
        match screen {
            Screen::Reader => self
                .reader
                .take()
                .map_or(Slot::None, |r| Slot::Reader(Box::new(r))),
            Screen::Home => Slot::None,
            _ => self.front.take().map_or(Slot::None, Slot::Boxed),
        }
    }

    fn put_slot(&mut self, slot: Slot) {
        match slot {
            Slot::None => {}
            Slot::Reader(r) => self.reader = Some(*r),
            Slot::Boxed(s) => self.front = Some(s),
        }
    }
}
