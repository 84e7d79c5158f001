//! The router: a stack of screens and the one place where their effects are applied.
//!
//! Every screen and overlay is a [`Component`] under `screens/`. The stack's bottom is
//! home; an overlay (help, palette, settings, definition popup) is a layer like any other that
//! draws over the screen below it instead of in its place (helix's compositor). Keys go to the
//! top layer; Back pops it and the one below comes back with its state. `App::prepare` lets the
//! screen in front fit itself to the terminal before each frame; `super::draw` then draws the
//! stack without changing it. Only the run loop touches the terminal.

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEventKind};
use ratatui::layout::Rect;

pub use super::screen::{Kind as Screen, Message};

use super::data::Data;
use super::keymap::{self, Action, Context};
use super::layers::Layers;
use super::screen::{Ctx, Effect, Open, Screen as Component, StatusKeys};
use super::screens::{self, home::Home, palette::is_palette_key};
use super::theme::Theme;
use crate::lesson::Library;
use crate::store::Store;
use crate::strings::{Lang, Strings};

pub use super::layout::{MIN_HEIGHT, MIN_WIDTH, too_small};
pub use super::now_ms;

/// Screens kept on the stack; the oldest above home are forgotten past this depth.
const MAX_DEPTH: usize = 32;

/// The app: shared data, the stack of screens, and what the run loop needs to know.
#[derive(Debug)]
pub struct App {
    /// All lessons.
    pub library: Library,
    /// Saved progress.
    pub store: Store,
    /// UI language.
    pub lang: Lang,
    /// Colours.
    pub theme: Theme,
    /// The stack, home at the bottom; never empty.
    pub layers: Layers,
    /// Status message.
    pub message: Option<Message>,
    /// Set when the app should exit.
    pub quit: bool,
    /// Terminal size at the last `prepare`.
    pub area: Rect,
    /// Question banks, presets and the search index, loaded when first needed.
    pub data: Data,
    /// The time of this loop turn (ms since the epoch): the run loop reads the clock once per
    /// turn and nothing else in the UI does, so drawing and updates agree and tests set it.
    pub now_ms: u64,
    /// Mouse capture wanted; the run loop turns it on or off to match.
    pub mouse: bool,
    /// What became of the user's key map file (shown in the settings).
    pub user_keymap: crate::keys::file::UserKeymap,
    /// Counts changes to the store (see [`Ctx::store_version`]).
    pub store_version: u64,
}

impl App {
    /// A new app on the home screen.
    pub fn new(library: Library, store: Store, lang: Lang, theme: Theme) -> Self {
        let mut app = Self {
            library,
            store,
            lang,
            theme,
            layers: Layers::default(),
            message: None,
            quit: false,
            area: Rect::default(),
            data: Data::default(),
            now_ms: now_ms(),
            mouse: false,
            user_keymap: crate::keys::file::UserKeymap::default(),
            store_version: 0,
        };
        // Only a suggestion about the last lesson needs the presets; a fresh start skips them.
        if app.store.progress().last_lesson.is_some() {
            app.data.ensure_presets();
        }
        let home = Home::start(&app.ctx());
        app.layers.push(Box::new(home));
        let problems = app.library.problems.len();
        app.message = (problems > 0)
            .then(|| Message::warn(Strings::new(app.lang).content_problems(problems)));
        app
    }

    /// The store changed (this window wrote, or another window committed).
    pub fn store_changed(&mut self) {
        self.store_version += 1;
    }

    /// Fits the screen in front (and the overlays over it) to the terminal. Call before each draw.
    pub fn prepare(&mut self, area: Rect) {
        self.area = area;
        if !too_small(area) {
            for i in self.layers.base()..self.layers.len() {
                let effect = self.with(i, |screen, ctx| screen.prepare(ctx));
                self.apply(effect);
            }
        }
    }

    /// Handles one input event.
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Mouse(m) if m.kind == MouseEventKind::ScrollDown => {
                self.layers.top_mut().scroll(3);
            }
            Event::Mouse(m) if m.kind == MouseEventKind::ScrollUp => {
                self.layers.top_mut().scroll(-3);
            }
            Event::Paste(text) => {
                self.message = None;
                let text = super::text_input::paste_text(text);
                // With no box focused the paste is dropped, never read as keys.
                let _ = self.layers.top_mut().paste(text);
            }
            _ => {}
        }
    }

    /// The key-map contexts of the layer in front, most specific first (key lookup, help).
    pub fn contexts(&self) -> Vec<Context> {
        self.layers.top_layer().contexts(&self.ctx())
    }

    /// Performs an action as if its key had been pressed on the layer in front.
    pub fn handle_action(&mut self, action: Action) {
        let top = self.layers.len() - 1;
        let effect = self.with(top, |screen, ctx| screen.update(action, ctx));
        self.apply(effect);
    }

    /// Which screen is in front (under any overlay).
    pub fn screen(&self) -> Screen {
        self.layers[self.layers.base()].kind()
    }

    /// The shared data screens read.
    pub fn ctx(&self) -> Ctx<'_> {
        let over = self.layers.iter().skip(self.layers.base() + 1);
        Ctx {
            library: &self.library,
            bank: self.data.bank.as_ref(),
            presets: &self.data.presets,
            store: &self.store,
            lang: self.lang,
            theme: self.theme,
            now_ms: self.now_ms,
            area: self.area,
            message: self.message.as_ref(),
            status_keys: over.last().map_or(StatusKeys::Screen, |s| s.status_keys()),
            mouse: self.mouse,
            user_keymap: &self.user_keymap,
            store_version: self.store_version,
        }
    }

    /// Runs `f` on layer `i` with the context (the layer is lifted out of the stack meanwhile).
    fn with<R>(&mut self, i: usize, f: impl FnOnce(&mut dyn Component, &Ctx) -> R) -> R {
        let mut screen = self.layers.remove(i);
        let out = f(screen.as_mut(), &self.ctx());
        self.layers.insert(i, screen);
        out
    }

    /// The top layer's state for the store (the reader's position), applied now.
    fn persist_top(&mut self) {
        let effect = self.layers.top_layer().persist(&self.ctx());
        self.apply(effect);
    }

    /// Does what a screen asked for: the one place where screens open and close, messages
    /// appear and progress changes on a screen's behalf.
    pub fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Push(screen) => {
                self.persist_top();
                self.layers.push(screen);
                if self.layers.len() > MAX_DEPTH {
                    self.layers.remove(1);
                }
            }
            Effect::Replace(screen) => {
                self.persist_top();
                self.layers.pop_above_home();
                self.layers.push(screen);
            }
            Effect::Pop | Effect::Close => {
                let overlay = self.layers.top_layer().is_overlay();
                self.persist_top();
                self.layers.pop_above_home();
                if !overlay {
                    let top = self.layers.len() - 1;
                    let effect = self.with(top, |screen, ctx| screen.resumed(ctx));
                    self.apply(effect);
                    self.save();
                }
            }
            Effect::Open(open) => self.open(open),
            Effect::Message(m) => self.message = Some(m),
            Effect::Store(write) => {
                write(&mut self.store);
                self.store_changed();
            }
            Effect::Setting(item, forward) => self.change_setting(item, forward),
            Effect::Save => self.save(),
            Effect::Quit => self.quit = true,
            Effect::Many(effects) => effects.into_iter().for_each(|e| self.apply(e)),
        }
    }

    /// Opens a screen built from the app's data, loading what it needs first.
    fn open(&mut self, open: Open) {
        if let Some(text) = screens::closed_book(&open, &self.store, self.now_ms, self.lang) {
            return self.warn(text);
        }
        let Some((problems, index)) = self.data.prepare_open(&open, &self.library) else {
            self.message = Some(Message::note(Strings::new(self.lang).loading_banks()));
            self.data.pending = Some(open);
            return;
        };
        self.bank_problems(problems);
        let toc = self
            .layers
            .front::<screens::reader::Reader>()
            .map(|r| r.toc_visible);
        let effect = screens::open(
            open,
            &self.ctx(),
            screens::Given {
                index,
                toc_visible: toc.unwrap_or(self.area.width >= 110),
                contexts: self.contexts(),
                sims_selected: self.data.sims_selected,
            },
        );
        self.apply(effect);
        if self.area.width > 0 {
            self.prepare(self.area);
        }
    }

    fn handle_key(&mut self, key: &KeyEvent) {
        // Keys typed while a screen waits for the banks are meant for that screen.
        self.open_pending(true);
        self.message = None;
        // Below the minimum size only "too small" is on screen: no key acts but quitting.
        if self.area != Rect::default() && too_small(self.area) {
            self.quit = keymap::lookup(&self.contexts(), key) == Some(Action::Quit);
            return;
        }
        let top = self.layers.len() - 1;
        if let Some(effect) = self.with(top, |s, ctx| s.text_key(key, ctx)) {
            self.apply(effect);
            return;
        }
        if is_palette_key(key) {
            self.open(Open::Palette);
            return;
        }
        let Some(action) = keymap::lookup(&self.contexts(), key) else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.open(Open::Help),
            Action::Palette => self.open(Open::Palette),
            Action::Glossary => self.open(Open::Glossary(None)),
            Action::Settings => self.open(Open::Settings),
            Action::ToggleLang => {
                self.change_setting(crate::settings::Item::Lang, true);
                self.message = Some(Message::note(Strings::new(self.lang).lang_switched()));
            }
            _ => self.handle_action(action),
        }
    }

    /// Opens lesson `index` in the reader over the screen in front, where it was left.
    pub fn open_lesson(&mut self, index: usize) {
        self.open(Open::Lesson(index, None));
    }

    /// Loads the question banks now if they are not yet; broken bank files are reported.
    pub fn load_bank(&mut self) {
        let problems = self.data.load_bank();
        self.bank_problems(problems);
    }

    /// Work for the moments when no input is waiting: the run loop calls it after a frame is on
    /// screen (and on later turns until it returns `true`), so loading the question banks never
    /// delays the first frame or a key (see [`Data::idle`]).
    pub fn idle(&mut self) -> bool {
        let (done, problems) = self.data.idle();
        self.open_pending(false);
        self.bank_problems(problems);
        done
    }

    /// Opens the screen that waited for the banks once they are here (or now, waiting for
    /// them, when `wait`).
    fn open_pending(&mut self, wait: bool) {
        if let Some(open) = self.data.take_pending(wait) {
            self.message = None;
            self.load_bank();
            self.open(open);
        }
    }

    fn bank_problems(&mut self, problems: usize) {
        if problems > 0 {
            self.warn(Strings::new(self.lang).bank_problems(problems));
        }
    }

    fn warn(&mut self, text: String) {
        self.message = Some(Message::warn(text));
    }

    /// Whether the run loop should wake up twice a second (a countdown is on screen).
    pub fn needs_tick(&self) -> bool {
        self.layers[self.layers.base()].needs_tick()
    }

    /// Advances the clock: an exam whose time is up is submitted and graded.
    pub fn tick(&mut self, now_ms: u64) {
        self.now_ms = now_ms;
        let base = self.layers.base();
        let effect = self.with(base, |screen, ctx| screen.tick(ctx));
        self.apply(effect);
    }

    /// Changes `item` to its next (or previous) value, applies it and saves.
    fn change_setting(&mut self, item: crate::settings::Item, forward: bool) {
        let (lang, theme, mouse) = (&mut self.lang, &mut self.theme, &mut self.mouse);
        screens::settings::change(item, forward, (lang, theme, mouse), &mut self.store);
        self.store_changed();
        self.save();
    }

    /// Writes progress to disk (with the reader's position), reporting failure in the status bar.
    pub fn save(&mut self) {
        let base = self.layers.base();
        let effect = self.layers[base].persist(&self.ctx());
        if let Effect::Store(write) = effect {
            write(&mut self.store);
        }
        // A read-only store (newer or unreadable file) was already reported at start-up.
        if self.store.is_read_only() {
            return;
        }
        if let Err(e) = self.store.save_if_dirty() {
            self.warn(Strings::new(self.lang).save_failed(&e.to_string()));
        }
    }
}
