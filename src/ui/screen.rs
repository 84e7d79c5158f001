//! The parts every screen is made of: the shared context it reads ([`Ctx`]), what it asks for
//! next ([`Effect`]), and the [`Screen`] trait itself.
//!
//! The design follows helix's compositor and gitui's environment. A screen owns its state and
//! has two halves side by side in one file under `screens/`: `update(action, ctx) -> Effect`
//! changes its own state and says what should happen next, and `render(frame, area, ctx)`
//! draws that state without changing it. A screen never sees [`App`](super::App): it reads the
//! shared data (lessons, banks, progress, language, colours, this turn's time) through a
//! [`Ctx`], and anything beyond its own state — opening or closing a screen, a status message,
//! a write to the progress store, quitting — is an [`Effect`] that the app applies. The app is a
//! stack of screens and the only place where effects take place. An overlay (help, palette,
//! settings, the definition popup) is a screen like any other whose [`Screen::is_overlay`] says
//! it is drawn over the screen below it; it usually takes every key through
//! [`Screen::text_key`] and closes with [`Effect::Close`].

use std::fmt;

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

use super::keymap::{Action, Context};
use super::theme::Theme;
use crate::lesson::Library;
use crate::quiz::Bank;
use crate::sims::Preset;
use crate::store::Store;
use crate::strings::{Lang, Strings};

/// Which screen (or overlay) a layer of the stack is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Courses and lessons.
    Home,
    /// Reading a lesson.
    Reader,
    /// The list of simulations.
    Sims,
    /// One simulation.
    Sim,
    /// Practising questions.
    Practice,
    /// Choosing what to practise.
    PracticeMenu,
    /// Choosing a mock exam.
    ExamMenu,
    /// Taking a mock exam, or reading its results.
    Exam,
    /// The `CloudFormation` update screen.
    Replace,
    /// The glossary.
    Glossary,
    /// The search palette (an overlay).
    Palette,
    /// The definition popup (an overlay).
    Define,
    /// The settings (an overlay).
    Settings,
    /// The help (an overlay).
    Help,
    /// Readiness: domain accuracy and mock exam scores.
    Readiness,
}

/// A one-line message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Shown as a warning.
    pub warning: bool,
}

impl Message {
    /// A warning.
    pub fn warn(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            warning: true,
        }
    }

    /// A plain message.
    pub fn note(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            warning: false,
        }
    }
}

/// The shared data a screen reads while updating or drawing (gitui's `Environment`).
///
/// The key map is process-wide (`keymap::active()`), installed once at start-up.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// All lessons.
    pub library: &'a Library,
    /// The question banks, once loaded.
    pub bank: Option<&'a Bank>,
    /// The simulation presets, once loaded.
    pub presets: &'a [Preset],
    /// Saved progress and settings (read-only: writes are [`Effect::Store`]).
    pub store: &'a Store,
    /// UI language.
    pub lang: Lang,
    /// Colours.
    pub theme: Theme,
    /// The time of this loop turn, in ms since the epoch (the only clock screens see).
    pub now_ms: u64,
    /// The terminal's size.
    pub area: Rect,
    /// The status message, shown in the status bar.
    pub message: Option<&'a Message>,
    /// Which key hints the status bar shows while an overlay is open.
    pub status_keys: StatusKeys,
    /// Mouse capture is on.
    pub mouse: bool,
    /// What became of the user's key map file (shown in the settings).
    pub user_keymap: &'a crate::keys::file::UserKeymap,
    /// Counts changes to the store (this window's writes and other windows' commits): a screen
    /// that derives data from the store redoes it only when this moved on.
    pub store_version: u64,
}

impl Ctx<'_> {
    /// The UI strings in the current language.
    pub fn strings(&self) -> Strings {
        Strings::new(self.lang)
    }
}

/// Whose keys the status bar lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusKeys {
    /// The screen's own.
    #[default]
    Screen,
    /// The settings overlay's.
    Settings,
    /// None: an overlay shows its keys in its border (palette, definition popup).
    InBorder,
}

/// A screen the app builds from its own data (kept there until each screen can build itself).
#[derive(Debug, Clone)]
pub enum Open {
    /// Lesson number `n` in the reader, at the heading anchor if one is given.
    Lesson(usize, Option<String>),
    /// Simulation number `n` of the presets.
    Sim(usize),
    /// A mock exam with these settings, seeded with the given number.
    Exam(super::exam::Choice, u64),
    /// The saved exam, where it was left.
    ResumeExam,
    /// The settings overlay.
    Settings,
    /// A practice session over `filter`, titled `label`.
    Practice(crate::quiz::session::Filter, String),
    /// A session asking exactly these questions (e.g. an exam's mistakes), titled `label`.
    Session(Vec<String>, String),
    /// The list of simulations.
    Sims,
    /// A lesson at a heading anchor and then at a spot of text (a search result).
    Found(usize, Option<String>, Option<crate::search::locate::Spot>),
    /// The search palette.
    Palette,
    /// The glossary, at the term with this id if one is given.
    Glossary(Option<String>),
    /// The definition popup for these glossary terms, over a reader whose contents panel is
    /// shown (`true`) or hidden.
    Define(Vec<usize>, bool),
    /// The help overlay for the screen in front.
    Help,
    /// Choosing what to practise.
    PracticeMenu,
    /// Choosing a mock exam.
    ExamMenu,
}

/// A change to the saved progress, applied by the app.
pub type StoreWrite = Box<dyn FnOnce(&mut Store)>;

/// What a screen asks for after an update; the app applies it.
#[must_use]
#[derive(Default)]
pub enum Effect {
    /// Nothing beyond the screen's own state.
    #[default]
    None,
    /// Open a screen over this one (this one keeps its state below it).
    Push(Box<dyn Screen>),
    /// Put a screen in this one's place (Back then leads where this one's did).
    Replace(Box<dyn Screen>),
    /// Close this screen and bring back the one below.
    Pop,
    /// Open a screen that the app builds.
    Open(Open),
    /// Close the overlay in front (the one that took the key).
    Close,
    /// Show a message in the status bar until the next key.
    Message(Message),
    /// Change the saved progress (then written to disk with the next save).
    Store(StoreWrite),
    /// Write progress to disk now.
    Save,
    /// Change a setting to its next (`true`) or previous value, apply it at once and save.
    Setting(crate::settings::Item, bool),
    /// Leave the app.
    Quit,
    /// Several effects, in order.
    Many(Vec<Effect>),
}

impl Effect {
    /// A plain (not warning) status message.
    pub fn note(text: impl Into<String>) -> Self {
        Self::Message(Message::note(text))
    }

    /// A warning in the status bar.
    pub fn warn(text: impl Into<String>) -> Self {
        Self::Message(Message::warn(text))
    }

    /// Whether the effect does nothing.
    pub fn is_none(&self) -> bool {
        matches!(self, Self::None)
    }
}

impl fmt::Debug for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::None => f.write_str("None"),
            Self::Push(s) => f.debug_tuple("Push").field(s).finish(),
            Self::Replace(s) => f.debug_tuple("Replace").field(s).finish(),
            Self::Pop => f.write_str("Pop"),
            Self::Close => f.write_str("Close"),
            Self::Open(o) => f.debug_tuple("Open").field(o).finish(),
            Self::Message(m) => f.debug_tuple("Message").field(m).finish(),
            Self::Store(_) => f.write_str("Store(..)"),
            Self::Save => f.write_str("Save"),
            Self::Setting(i, forward) => f.debug_tuple("Setting").field(i).field(forward).finish(),
            Self::Quit => f.write_str("Quit"),
            Self::Many(v) => f.debug_tuple("Many").field(v).finish(),
        }
    }
}

/// A screen as [`Any`](std::any::Any), so tests and the app can reach a concrete screen's state.
pub trait AsAny {
    /// `self` as `&dyn Any`.
    fn as_any(&self) -> &dyn std::any::Any;
    /// `self` as `&mut dyn Any`.
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any;
}

impl<T: std::any::Any> AsAny for T {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn std::any::Any {
        self
    }
}

/// One screen on the app's stack: its state, how actions change it, and how it is drawn.
pub trait Screen: fmt::Debug + AsAny {
    /// Which screen this is (for tests and the app's bookkeeping).
    fn kind(&self) -> Kind;

    /// The key-map contexts of this screen, most specific first (key lookup, help, status bar).
    fn contexts(&self, ctx: &Ctx) -> Vec<Context>;

    /// Performs `action` (already looked up in the key map for [`Screen::contexts`]).
    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect;

    /// Draws the screen into `area` (the whole terminal) without changing it.
    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx);

    /// Fits layout-dependent state to the terminal size before each frame.
    fn prepare(&mut self, _ctx: &Ctx) -> Effect {
        Effect::None
    }

    /// The screen is in front again after the one over it closed.
    fn resumed(&mut self, _ctx: &Ctx) -> Effect {
        Effect::None
    }

    /// A key for the screen's text box (or typed answer) before the key map sees it; `None`
    /// leaves the key to the key map.
    fn text_key(&mut self, _key: &KeyEvent, _ctx: &Ctx) -> Option<Effect> {
        None
    }

    /// Pasted text for the focused text box; returns whether a box took it.
    fn paste(&mut self, _text: &str) -> bool {
        false
    }

    /// Whether the run loop should wake up twice a second (a countdown is on screen).
    fn needs_tick(&self) -> bool {
        false
    }

    /// The clock moved on to `ctx.now_ms` without input.
    fn tick(&mut self, _ctx: &Ctx) -> Effect {
        Effect::None
    }

    /// The mouse wheel turned by `delta` lines.
    fn scroll(&mut self, _delta: isize) {}

    /// Whether the screen is drawn over the one below it (help, palette, popups) rather than
    /// instead of it.
    fn is_overlay(&self) -> bool {
        false
    }

    /// Whose keys the status bar of the screen below shows while this overlay is open.
    fn status_keys(&self) -> StatusKeys {
        StatusKeys::Screen
    }

    /// What to write to the store when the screen is covered, closed or the app saves (e.g.
    /// the reader's position).
    fn persist(&self, _ctx: &Ctx) -> Effect {
        Effect::None
    }
}
