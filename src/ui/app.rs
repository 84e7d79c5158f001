//! The router: a stack of screens and the one place where their effects are applied.
//!
//! Every screen and overlay is a [`component::Screen`] under `screens/`. The stack's bottom is
//! home; an overlay (help, palette, settings, definition popup) is a layer like any other that
//! draws over the screen below it instead of in its place (helix's compositor). Keys go to the
//! top layer; Back pops it and the one below comes back with its state. `App::prepare` lets the
//! screen in front fit itself to the terminal before each frame; `super::draw` then draws the
//! stack without changing it. Only the run loop touches the terminal.

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::keymap::{self, Action, Context};
use super::screen::{self as component, Ctx, Effect, Open, StatusKeys};
use super::screens::{self, home::Home, palette::is_palette_key};
use super::theme::Theme;
use crate::lesson::Library;
use crate::quiz::{Bank, BankSource};
use crate::search::build::IndexSlot;
use crate::sims;
use crate::store::Store;
use crate::strings::{Lang, Strings};

/// Smallest terminal the UI draws into; below it, one centred message.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal height the UI draws into.
pub const MIN_HEIGHT: u16 = 12;

/// Screens kept on the stack; the oldest above home are forgotten past this depth.
const MAX_DEPTH: usize = 32;

/// Which screen (or overlay) a layer of the stack is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
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
}

/// A one-line message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Shown as a warning.
    pub warning: bool,
}

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
    layers: Vec<Box<dyn component::Screen>>,
    /// Status message.
    pub message: Option<Message>,
    /// Set when the app should exit.
    pub quit: bool,
    /// Terminal size at the last `prepare`.
    pub area: Rect,
    /// Simulation presets (loaded when first needed).
    pub presets: Vec<sims::Preset>,
    /// The simulation opened last (the list starts there).
    pub sims_selected: usize,
    /// Where question banks come from.
    pub bank_source: BankSource,
    /// The banks on their way (a user's `--quiz-dir` loads on a thread).
    pub bank_loader: Option<crate::quiz::BankLoader>,
    /// Question banks (loaded after the first frame, to keep start-up fast).
    pub bank: Option<Bank>,
    /// The time of this loop turn (ms since the epoch): the run loop reads the clock once per
    /// turn and nothing else in the UI does, so drawing and updates agree and tests set it.
    pub now_ms: u64,
    /// The search index (built when search or the glossary is first opened).
    pub search_index: IndexSlot,
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
            layers: Vec::new(),
            message: None,
            quit: false,
            area: Rect::default(),
            presets: Vec::new(),
            sims_selected: 0,
            bank_source: BankSource::Embedded,
            bank_loader: None,
            bank: None,
            now_ms: now_ms(),
            search_index: IndexSlot::default(),
            mouse: false,
            user_keymap: crate::keys::file::UserKeymap::default(),
            store_version: 0,
        };
        // Only a suggestion about the last lesson needs the presets; a fresh start skips them.
        if app.store.progress().last_lesson.is_some() {
            app.ensure_presets();
        }
        // Start on the first of the next steps, so Enter continues where the learner left off.
        let mut home = Home::new(&app.library, &app.store);
        home.refresh(&app.ctx());
        home.select_step(0);
        app.layers.push(Box::new(home));
        if !app.library.problems.is_empty() {
            let text = app.strings().content_problems(app.library.problems.len());
            app.message = Some(Message {
                text,
                warning: true,
            });
        }
        app
    }

    /// The UI strings in the current language.
    pub fn strings(&self) -> Strings {
        Strings::new(self.lang)
    }

    /// Whether the terminal is big enough to draw the UI.
    pub fn fits(&self) -> bool {
        self.area.width >= MIN_WIDTH && self.area.height >= MIN_HEIGHT
    }

    /// The store changed (this window wrote, or another window committed).
    pub fn store_changed(&mut self) {
        self.store_version += 1;
    }

    /// Fits the screen in front (and the overlays over it) to the terminal. Call before each draw.
    pub fn prepare(&mut self, area: Rect) {
        self.area = area;
        if self.fits() {
            for i in self.base()..self.layers.len() {
                let effect = self.with_layer(i, |screen, ctx| screen.prepare(ctx));
                self.apply(effect);
            }
        }
    }

    /// Handles one input event.
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Mouse(mouse) => self.handle_mouse(*mouse),
            Event::Paste(text) => {
                self.message = None;
                let text = super::text_input::paste_text(text);
                // With no box focused the paste is dropped, never read as keys.
                let _ = self.top_mut().paste(text);
            }
            _ => {}
        }
    }

    /// The key-map contexts of the layer in front, most specific first (key lookup, help).
    pub fn contexts(&self) -> Vec<Context> {
        self.top_layer().contexts(&self.ctx())
    }

    /// Performs an action as if its key had been pressed on the layer in front.
    pub fn handle_action(&mut self, action: Action) {
        let top = self.layers.len() - 1;
        let effect = self.with_layer(top, |screen, ctx| screen.update(action, ctx));
        self.apply(effect);
    }

    /// Index of the screen drawn in full: the top layer that is not an overlay.
    fn base(&self) -> usize {
        self.layers.iter().rposition(|s| !s.is_overlay()).unwrap_or(0)
    }

    /// Which screen is in front (under any overlay).
    pub fn screen(&self) -> Screen {
        self.layers[self.base()].kind()
    }

    /// The layers from the screen in front upwards (drawing order).
    pub fn visible(&self) -> &[Box<dyn component::Screen>] {
        &self.layers[self.base()..]
    }

    fn top_layer(&self) -> &dyn component::Screen {
        self.layers.last().expect("home is never popped").as_ref()
    }

    fn top_mut(&mut self) -> &mut dyn component::Screen {
        self.layers.last_mut().expect("home is never popped").as_mut()
    }

    /// The screen in front (under any overlay) as a `T`, if it is one.
    pub fn front<T: 'static>(&self) -> Option<&T> {
        self.layers[self.base()].as_any().downcast_ref()
    }

    /// The screen in front as a mutable `T`, if it is one.
    pub fn front_mut<T: 'static>(&mut self) -> Option<&mut T> {
        let base = self.base();
        self.layers[base].as_any_mut().downcast_mut()
    }

    /// The top layer (an overlay or the screen in front) as a `T`, if it is one.
    pub fn top<T: 'static>(&self) -> Option<&T> {
        self.top_layer().as_any().downcast_ref()
    }

    /// The home screen, at the bottom of the stack.
    pub fn home(&self) -> &Home {
        self.layers[0].as_any().downcast_ref().expect("home at the bottom")
    }

    /// The home screen, mutable.
    pub fn home_mut(&mut self) -> &mut Home {
        self.layers[0].as_any_mut().downcast_mut().expect("home at the bottom")
    }

    /// How many screens are under the one in front.
    pub fn depth(&self) -> usize {
        self.base()
    }

    /// The shared data screens read.
    pub fn ctx(&self) -> Ctx<'_> {
        let over = self.layers.iter().skip(self.base() + 1);
        Ctx {
            library: &self.library,
            bank: self.bank.as_ref(),
            presets: &self.presets,
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
    fn with_layer<R>(
        &mut self,
        i: usize,
        f: impl FnOnce(&mut dyn component::Screen, &Ctx) -> R,
    ) -> R {
        let mut screen = self.layers.remove(i);
        let out = f(screen.as_mut(), &self.ctx());
        self.layers.insert(i, screen);
        out
    }

    /// The top layer's state for the store (the reader's position), applied now.
    fn persist_top(&mut self) {
        let effect = self.top_layer().persist(&self.ctx());
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
                if self.layers.len() > 1 {
                    self.layers.pop();
                }
                self.layers.push(screen);
            }
            Effect::Pop | Effect::Close => {
                let overlay = self.top_layer().is_overlay();
                self.persist_top();
                if self.layers.len() > 1 {
                    self.layers.pop();
                } else {
                    self.quit = matches!(effect, Effect::Pop);
                }
                if !overlay {
                    let top = self.layers.len() - 1;
                    let effect = self.with_layer(top, |screen, ctx| screen.resumed(ctx));
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
            self.message = Some(Message {
                text,
                warning: true,
            });
            return;
        }
        self.ensure_presets();
        if screens::needs_bank(&open) {
            self.load_bank();
        }
        let index = matches!(open, Open::Palette | Open::Glossary(_)).then(|| self.index());
        if let Open::Sim(i) = open {
            self.sims_selected = i;
        }
        if let Open::Lesson(li, _) | Open::Found(li, ..) = open
            && let Some(lesson) = self.library.lessons.get(li)
        {
            self.store.set_last_lesson(&lesson.meta.id);
            self.store_changed();
        }
        let toc = self.front::<screens::reader::Reader>().map(|r| r.toc_visible);
        let effect = screens::open(
            open,
            &self.ctx(),
            screens::Given {
                index,
                toc_visible: toc.unwrap_or(self.area.width >= 110),
                contexts: self.contexts(),
                sims_selected: self.sims_selected,
            },
        );
        self.apply(effect);
        if self.area.width > 0 {
            self.prepare(self.area);
        }
    }

    fn handle_key(&mut self, key: &KeyEvent) {
        self.message = None;
        let top = self.layers.len() - 1;
        if let Some(effect) = self.with_layer(top, |s, ctx| s.text_key(key, ctx)) {
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
                self.message = Some(Message {
                    text: self.strings().lang_switched().into(),
                    warning: false,
                });
            }
            _ => self.handle_action(action),
        }
    }

    fn handle_mouse(&mut self, mouse: MouseEvent) {
        let delta: isize = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            _ => return,
        };
        self.top_mut().scroll(delta);
    }

    /// Opens lesson `index` in the reader over the screen in front, where it was left.
    pub fn open_lesson(&mut self, index: usize) {
        self.open(Open::Lesson(index, None));
    }

    /// Starts an exam from `choice`, drawn by `seed` (the command line passes `--seed`).
    pub fn start_exam(&mut self, choice: super::exam::Choice, seed: u64) {
        self.open(Open::Exam(choice, seed));
    }

    /// Loads the question banks once; a broken bank file is reported, the rest still load.
    pub fn load_bank(&mut self) {
        if self.bank.is_none() {
            let bank = match self.bank_loader.take() {
                Some(loader) => loader.wait(),
                None => Bank::load(&self.bank_source),
            };
            self.set_bank(bank);
        }
    }

    /// Work for the moments when no input is waiting: the run loop calls it after a frame is on
    /// screen (and on later turns until it returns `true`), so loading the question banks never
    /// delays the first frame or a key: the shipped banks are compiled and arrive at once; a
    /// user's `--quiz-dir` is parsed on a thread (see [`crate::quiz::BankLoader`]) and taken
    /// here when ready. Practice started before then waits for it.
    pub fn idle(&mut self) -> bool {
        if self.bank.is_some() {
            return true;
        }
        let source = &self.bank_source;
        let loader = self
            .bank_loader
            .get_or_insert_with(|| crate::quiz::BankLoader::start(source.clone()));
        let Some(bank) = loader.try_take() else {
            return false;
        };
        self.bank_loader = None;
        self.set_bank(bank);
        true
    }

    /// Keeps loaded banks, reporting broken bank files (the rest still load).
    fn set_bank(&mut self, bank: Bank) {
        if !bank.problems.is_empty() {
            self.message = Some(Message {
                text: self.strings().bank_problems(bank.problems.len()),
                warning: true,
            });
        }
        self.bank = Some(bank);
    }

    fn ensure_presets(&mut self) {
        if self.presets.is_empty() {
            self.presets = sims::all_presets();
        }
    }

    /// The search index, built now if it is not yet.
    fn index(&mut self) -> std::sync::Arc<crate::search::Index> {
        if let Some(index) = self.search_index.ready() {
            return std::sync::Arc::clone(index);
        }
        self.load_bank();
        let empty = Bank::default();
        let bank = self.bank.as_ref().unwrap_or(&empty);
        let docs = crate::search::build::preset_docs(&sims::all_presets());
        let index = std::sync::Arc::new(crate::search::Index::build(&self.library, bank, &docs));
        self.search_index.set(std::sync::Arc::clone(&index));
        index
    }

    /// Whether the run loop should wake up twice a second (a countdown is on screen).
    pub fn needs_tick(&self) -> bool {
        self.layers[self.base()].needs_tick()
    }

    /// Advances the clock: an exam whose time is up is submitted and graded.
    pub fn tick(&mut self, now_ms: u64) {
        self.now_ms = now_ms;
        let base = self.base();
        let effect = self.with_layer(base, |screen, ctx| screen.tick(ctx));
        self.apply(effect);
    }

    /// Changes `item` to its next (or previous) value, applies it and saves.
    fn change_setting(&mut self, item: crate::settings::Item, forward: bool) {
        use crate::settings::Item;
        match item {
            Item::Lang => {
                self.lang = self.lang.toggled();
                let code = self.lang.code().to_owned();
                self.store.update_settings(|s| s.lang = Some(code));
            }
            Item::Theme => {
                self.theme.palette = self.theme.palette.cycled(forward);
                let name = self.theme.palette.name().to_owned();
                self.store.update_settings(|s| s.theme = Some(name));
            }
            Item::Mouse => {
                // The run loop turns capture on or off before the next frame.
                self.mouse = !self.mouse;
                let mouse = self.mouse;
                self.store.update_settings(|s| s.mouse = Some(mouse));
            }
            Item::ExamEsl => self.store.update_settings(|s| s.exam_esl = !s.exam_esl),
            Item::ReviewRetention => self.store.update_settings(|s| {
                let now = crate::settings::retention_percent(s);
                s.review_retention = Some(crate::settings::cycle_retention(now, forward));
            }),
        }
        self.store_changed();
        self.save();
    }

    /// Writes progress to disk (with the reader's position), reporting failure in the status bar.
    pub fn save(&mut self) {
        let base = self.base();
        let effect = self.layers[base].persist(&self.ctx());
        if let Effect::Store(write) = effect {
            write(&mut self.store);
        }
        // A read-only store (newer or unreadable file) was already reported at start-up.
        if self.store.is_read_only() {
            return;
        }
        if let Err(e) = self.store.save_if_dirty() {
            let text = self.strings().save_failed(&e.to_string());
            self.message = Some(Message {
                text,
                warning: true,
            });
        }
    }
}

/// Wall-clock milliseconds: the exam deadline is absolute, so resuming counts the time away.
///
/// The one clock of the UI: read by the run loop once per turn (and when the app is made), then
/// handed to everything as `App::now_ms`, so a test sets the time instead of waiting for it.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}
