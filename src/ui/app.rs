//! The whole UI state and its update function.
//!
//! `App::handle_event` turns input into state changes; `App::prepare` fits layout-dependent
//! state (rendered lesson width, page height, scroll limits) to the terminal size before each
//! frame; `super::draw` then draws the state without changing it. Only the run loop touches the
//! terminal.

use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use super::home::Home;
use super::keymap::{self, Action, Context};
use super::reader::Reader;
use super::screen::{self as component, Ctx, Effect, Open, StatusKeys};
use super::screens::{
    exam_menu::ExamMenu, practice::Practice, practice_menu::PracticeMenu, replace::ReplaceScreen,
    sim::SimScreen, sim_list::SimList,
};
use super::theme::Theme;
use crate::lesson::Library;
use crate::quiz::session::Filter;
use crate::quiz::{Bank, BankSource};
use crate::sims::{self, Sim};
use crate::store::Store;
use crate::strings::{Lang, Strings};

/// Smallest terminal the UI draws into; below it, one centred message.
pub const MIN_WIDTH: u16 = 40;
/// Smallest terminal height the UI draws into.
pub const MIN_HEIGHT: u16 = 12;

/// Which screen is in front.
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
    /// Readiness: domain accuracy and mock exam scores.
    Readiness,
}

impl Screen {
    /// Whether this screen is one of `screens/` (its state in `App::front`).
    pub fn boxed(self) -> bool {
        matches!(
            self,
            Screen::Sims
                | Screen::Sim
                | Screen::Replace
                | Screen::Practice
                | Screen::Exam
                | Screen::PracticeMenu
                | Screen::ExamMenu
                | Screen::Readiness
        )
    }
}

/// A one-line message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// Shown as a warning.
    pub warning: bool,
}

/// Everything the UI shows.
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
    /// The screen in front.
    pub screen: Screen,
    /// The screen in front when it is one of `screens/` (`screen` then says which).
    pub front: Option<Box<dyn component::Screen>>,
    /// Home screen state.
    pub home: Home,
    /// Reader state, while a lesson is open.
    pub reader: Option<Reader>,
    /// The help overlay, when open.
    pub help: Option<super::screens::help::Help>,
    /// Status message.
    pub message: Option<Message>,
    /// Set when the app should exit.
    pub quit: bool,
    /// Terminal size at the last `prepare`.
    pub area: Rect,
    /// Simulation presets (loaded when the simulations are first opened).
    pub presets: Vec<sims::Preset>,
    /// The simulation opened last (the list starts there; the template screen's preset).
    pub sims_selected: usize,
    /// Where question banks come from.
    pub bank_source: BankSource,
    /// The banks on their way (a user's `--quiz-dir` loads on a thread; the shipped banks are
    /// compiled and arrive at once).
    pub bank_loader: Option<crate::quiz::BankLoader>,
    /// Question banks (loaded when practice first starts, to keep start-up fast).
    pub bank: Option<Bank>,
    /// Questions due for review, counted when the home screen is prepared.
    pub due_count: usize,
    /// Reviews due today and on each of the next 7 local days (when there are any cards).
    pub forecast: Option<crate::quiz::review::Forecast>,
    /// The time of this loop turn (ms since the epoch): the run loop reads the clock once per
    /// turn and nothing else in the UI does, so drawing and updates agree and tests set it.
    pub now_ms: u64,
    /// The search palette, open over the current screen.
    pub palette: Option<super::palette::Palette>,
    /// The search index (built when search or the glossary is first opened).
    pub search_index: super::palette::IndexSlot,
    /// The glossary screen, open over the current screen.
    pub glossary: Option<super::glossary::GlossaryView>,
    /// The reader's definition popup.
    pub define: Option<super::glossary::Define>,
    /// The settings overlay, when open.
    pub settings: Option<super::settings::SettingsScreen>,
    /// Mouse capture wanted; the run loop turns it on or off to match.
    pub mouse: bool,
    /// What became of the user's key map file (shown in the settings).
    pub user_keymap: crate::keys::file::UserKeymap,
    /// The reader's current section and its links (fitted in `prepare`).
    pub section: Option<crate::links::SectionLinks>,
    /// What `section` was worked out for (lesson, heading, banks loaded, preset count): counting a
    /// section's questions scans the whole bank, so it is redone only when one of these changes,
    /// not on every frame.
    pub(super) section_for: Option<(usize, Option<usize>, bool, usize)>,
    /// The home screen's "다음에 할 일" (fitted in `prepare`).
    pub steps: Vec<crate::links::Step>,
    /// The screens under the one in front, each with its state (Back pops).
    pub(super) stack: Vec<super::nav::Covered>,
}

impl App {
    /// A new app on the home screen.
    pub fn new(library: Library, store: Store, lang: Lang, theme: Theme) -> Self {
        let home = Home::new(&library, &store);
        let mut app = Self {
            library,
            store,
            lang,
            theme,
            screen: Screen::Home,
            front: None,
            home,
            reader: None,
            help: None,
            message: None,
            quit: false,
            area: Rect::default(),
            presets: Vec::new(),
            sims_selected: 0,
            bank_source: BankSource::Embedded,
            bank_loader: None,
            bank: None,
            due_count: 0,
            forecast: None,
            now_ms: now_ms(),
            palette: None,
            search_index: super::palette::IndexSlot::default(),
            glossary: None,
            define: None,
            settings: None,
            mouse: false,
            user_keymap: crate::keys::file::UserKeymap::default(),
            section: None,
            section_for: None,
            steps: Vec::new(),
            stack: Vec::new(),
        };
        // Start on the first of the next steps, so Enter continues where the learner left off.
        app.refresh_steps();
        app.home.select_step(0);
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

    /// Fits layout-dependent state to the terminal size. Call before each draw.
    pub fn prepare(&mut self, area: Rect) {
        self.area = area;
        if !self.fits() {
            return;
        }
        match self.screen {
            Screen::Home => {
                self.refresh_steps();
                self.home.prepare(area, &self.library);
            }
            Screen::Reader => {
                if let Some(r) = self.reader.as_mut() {
                    let end = r.prepare(area, &self.library, self.lang);
                    if end {
                        self.reached_end();
                    }
                }
                let key = self.reader.as_ref().map(|r| {
                    (
                        r.lesson,
                        r.current_heading(),
                        self.bank.is_some(),
                        self.presets.len(),
                    )
                });
                if key != self.section_for {
                    self.section = self.current_section();
                    self.section_for = key;
                }
            }
            _ => {
                let effect = self.with_front(|screen, ctx| screen.prepare(ctx));
                self.apply(effect);
            }
        }
    }

    /// Handles one input event.
    pub fn handle_event(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Mouse(mouse) => self.handle_mouse(*mouse),
            Event::Paste(text) => self.paste(text),
            _ => {}
        }
    }

    /// The key-map contexts of the screen in front, most specific first (key lookup, help).
    pub fn contexts(&self) -> Vec<Context> {
        match self.screen {
            Screen::Home => vec![Context::Home],
            Screen::Reader => match &self.reader {
                Some(r) if r.search.editing => vec![Context::Search],
                Some(r) if r.toc_focus => vec![Context::Toc, Context::Reader],
                _ => vec![Context::Reader],
            },
            _ => self
                .front
                .as_ref()
                .map_or_else(Vec::new, |s| s.contexts(&self.ctx())),
        }
    }

    /// Performs an action as if its key had been pressed (for the command line's entry points).
    pub fn handle_action(&mut self, action: Action) {
        self.dispatch(action);
    }

    fn dispatch(&mut self, action: Action) {
        match self.screen {
            Screen::Home => self.home_action(action),
            Screen::Reader => self.reader_action(action),
            _ => {
                let effect = self.with_front(|screen, ctx| screen.update(action, ctx));
                self.apply(effect);
            }
        }
    }

    /// The screen in front as a `T`, if it is one (for tests and the command line's entry points).
    pub fn front<T: 'static>(&self) -> Option<&T> {
        self.front
            .as_deref()
            .and_then(|s| s.as_any().downcast_ref())
    }

    /// The screen in front as a mutable `T`, if it is one.
    pub fn front_mut<T: 'static>(&mut self) -> Option<&mut T> {
        self.front
            .as_deref_mut()
            .and_then(|s| s.as_any_mut().downcast_mut())
    }

    /// The shared data screens read.
    pub fn ctx(&self) -> Ctx<'_> {
        let status_keys = if self.palette.is_some() || self.define.is_some() {
            StatusKeys::InBorder
        } else if self.settings.is_some() {
            StatusKeys::Settings
        } else {
            StatusKeys::Screen
        };
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
            status_keys,
        }
    }

    /// Runs `f` on the screen in front with the context (nothing when no screen is boxed).
    pub(super) fn with_front(
        &mut self,
        f: impl FnOnce(&mut dyn component::Screen, &Ctx) -> Effect,
    ) -> Effect {
        let Some(mut screen) = self.front.take() else {
            return Effect::None;
        };
        let effect = f(screen.as_mut(), &self.ctx());
        self.front = Some(screen);
        effect
    }

    /// Opens `screen` over the one in front, which keeps its state below it.
    fn push(&mut self, screen: Box<dyn component::Screen>) {
        self.push_screen();
        self.screen = screen.kind();
        self.front = Some(screen);
    }

    /// Does what a screen asked for: the one place where screens open and close, messages
    /// appear and progress changes on a screen's behalf.
    pub fn apply(&mut self, effect: Effect) {
        match effect {
            Effect::None => {}
            Effect::Push(screen) => self.push(screen),
            Effect::Replace(screen) => {
                self.screen = screen.kind();
                self.front = Some(screen);
            }
            Effect::Pop => self.pop_screen(),
            Effect::Close => self.close_overlay(),
            Effect::Open(open) => self.open(open),
            Effect::Message(m) => self.message = Some(m),
            Effect::Store(write) => write(&mut self.store),
            Effect::Save => self.save(),
            Effect::Quit => self.quit = true,
            Effect::Many(effects) => {
                for e in effects {
                    self.apply(e);
                }
            }
        }
    }

    /// Opens a screen built from the app's data.
    fn open(&mut self, open: Open) {
        match open {
            Open::Sim(i) => self.open_sim(i),
            Open::Lesson(index, anchor) => {
                self.open_lesson(index);
                if let Some(r) = self.reader.as_mut() {
                    r.jump_anchor = anchor;
                }
                if self.area.width > 0 {
                    self.prepare(self.area);
                }
            }
            Open::Exam(choice, seed) => self.start_exam(choice, seed),
            Open::ResumeExam => self.resume_exam(),
            Open::Practice(filter, label) => self.start_practice(&filter, label),
            Open::Session(ids, label) => {
                self.start_session(&ids, &crate::quiz::session::Filter::default(), label);
            }
            Open::Settings => self.open_settings(),
        }
    }

    /// Closes the overlay in front, the one that takes the keys.
    fn close_overlay(&mut self) {
        if self.help.take().is_none()
            && self.settings.take().is_none()
            && self.palette.take().is_none()
            && self.define.take().is_none()
        {
            self.glossary = None;
        }
    }

    fn handle_key(&mut self, key: &KeyEvent) {
        self.message = None;
        if let Some(help) = self.help.as_mut() {
            let effect = help.update(keymap::lookup(&[Context::Help], key));
            self.apply(effect);
            return;
        }
        if self.settings.is_some() {
            self.settings_key(key);
            return;
        }
        if self.palette.is_some() {
            self.palette_key(key);
            return;
        }
        if self.define.is_some() {
            self.define_key(key);
            return;
        }
        if super::palette::is_palette_key(key) {
            self.open_palette();
            return;
        }
        if self.glossary.is_some() {
            self.glossary_key(key);
            return;
        }
        if self.screen.boxed()
            && let Some(mut screen) = self.front.take()
        {
            let used = screen.text_key(key, &self.ctx());
            self.front = Some(screen);
            if let Some(effect) = used {
                self.apply(effect);
                return;
            }
        }
        let contexts = self.contexts();
        if contexts == [Context::Search] {
            // Ctrl-C quits from a text box too (its key map has no other use for it).
            if keymap::lookup(&[], key) == Some(Action::Quit) {
                self.quit = true;
                return;
            }
            if let Some(r) = self.reader.as_mut() {
                r.search_key(key);
            }
            return;
        }
        let Some(action) = keymap::lookup(&contexts, key) else {
            return;
        };
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = Some(super::screens::help::Help::default()),
            Action::Palette => self.open_palette(),
            Action::Glossary => self.open_glossary(None),
            Action::Define => self.open_define(),
            Action::Settings => self.open_settings(),
            Action::ToggleLang => {
                self.lang = self.lang.toggled();
                self.store
                    .update_settings(|s| s.lang = Some(self.lang.code().to_owned()));
                self.message = Some(Message {
                    text: self.strings().lang_switched().into(),
                    warning: false,
                });
                if let Some(r) = self.reader.as_mut() {
                    r.invalidate();
                }
            }
            _ => self.handle_action(action),
        }
    }

    /// A bracketed paste goes into the focused text box as typed text (cleaned and capped, see
    /// `text_input::paste`); with no box focused it is dropped, never read as keys.
    fn paste(&mut self, text: &str) {
        use super::text_input::paste;
        self.message = None;
        if self.help.is_some() || self.settings.is_some() {
            return;
        }
        if let Some(p) = self.palette.as_mut() {
            if paste(&mut p.input, text) {
                p.refresh();
            }
            return;
        }
        if self.define.is_some() {
            return;
        }
        if let Some(g) = self.glossary.as_mut() {
            if paste(&mut g.filter, text) {
                g.refilter(&self.library);
            }
            return;
        }
        match self.screen {
            Screen::Reader => {
                if let Some(r) = self.reader.as_mut().filter(|r| r.search.editing) {
                    paste(&mut r.search.input, text);
                }
            }
            kind if kind.boxed() => {
                if let Some(s) = self.front.as_mut() {
                    s.paste(super::text_input::paste_text(text));
                }
            }
            _ => {}
        }
    }

    fn handle_mouse(&mut self, mouse: MouseEvent) {
        let delta: isize = match mouse.kind {
            MouseEventKind::ScrollDown => 3,
            MouseEventKind::ScrollUp => -3,
            _ => return,
        };
        match self.screen {
            Screen::Home => self.home.move_by(delta.signum()),
            Screen::Reader => {
                if let Some(r) = self.reader.as_mut() {
                    r.scroll_by(delta);
                }
            }
            _ => {
                if let Some(s) = self.front.as_mut() {
                    s.scroll(delta);
                }
            }
        }
    }

    fn home_action(&mut self, action: Action) {
        match action {
            Action::Open => {
                if let Some(step) = self.home.selected_step() {
                    self.run_step(step);
                } else if let Some(lesson) = self.home.selected_lesson() {
                    self.open_lesson(lesson);
                }
            }
            Action::Resume => {
                if let Some(lesson) = self.home.resume_target(&self.library, &self.store) {
                    self.open_lesson(lesson);
                }
            }
            Action::Simulations => self.open_sims(),
            Action::Practice => {
                self.load_bank();
                self.push(Box::new(PracticeMenu::default()));
            }
            Action::Exams => {
                self.load_bank();
                let menu = ExamMenu::new(&self.ctx());
                self.push(Box::new(menu));
            }
            Action::Review => {
                let due = self.due_reviews();
                if due.is_empty() {
                    let text = self
                        .lang
                        .pick("지금 복습할 문제가 없어요", "Nothing is due for review")
                        .to_owned();
                    self.message = Some(Message {
                        text,
                        warning: false,
                    });
                } else {
                    let label = self.lang.pick("복습", "Review").to_owned();
                    self.start_session(&due, &Filter::default(), label);
                }
            }
            other => self.home.action(other),
        }
    }

    fn reader_action(&mut self, action: Action) {
        let Some(reader) = self.reader.as_mut() else {
            return;
        };
        match action {
            Action::Back => self.pop_screen(),
            Action::PracticeSection => {
                let lesson = self.library.lessons[reader.lesson].meta.id.clone();
                match self.current_section() {
                    Some(section) if section.questions > 0 => {
                        let filter = section.filter(&lesson);
                        self.start_practice(&filter, section.title);
                    }
                    _ => {
                        self.message = Some(Message {
                            text: self.strings().no_section_questions().into(),
                            warning: false,
                        });
                    }
                }
            }
            Action::Practice => {
                let lesson = &self.library.lessons[reader.lesson].meta;
                let filter = Filter {
                    lesson: Some(lesson.id.clone()),
                    ..Filter::default()
                };
                let label = lesson.title.clone();
                self.start_practice(&filter, label);
            }
            Action::Simulations => {
                let lesson = reader.lesson;
                let heading = reader
                    .current_heading()
                    .and_then(|i| reader.rendered.headings.get(i))
                    .map_or(String::new(), |h| h.title.clone());
                self.ensure_presets();
                let tags = &self.library.lessons[lesson].meta.tags;
                match sims::preset_for(&heading, tags, &self.presets) {
                    Some(i) => self.open_sim(i),
                    None => self.open_sims(),
                }
            }
            Action::NextLesson | Action::PrevLesson => {
                let next = action == Action::NextLesson;
                let current = reader.lesson;
                let target = if next {
                    Some(current + 1).filter(|&i| i < self.library.lessons.len())
                } else {
                    current.checked_sub(1)
                };
                if let Some(i) = target {
                    // The next lesson takes this one's place: Back still leads where this one's did.
                    self.save_reader_position();
                    self.open_lesson_in_place(i);
                } else {
                    let s = self.strings();
                    let text = if next {
                        s.last_lesson()
                    } else {
                        s.first_lesson()
                    };
                    self.message = Some(Message {
                        text: text.into(),
                        warning: false,
                    });
                }
            }
            other => {
                if let Some(text) = reader.action(other, self.lang) {
                    self.message = Some(Message {
                        text,
                        warning: false,
                    });
                }
            }
        }
    }

    /// Starts practising up to ten questions matching `filter`; Back returns to this screen.
    pub fn start_practice(&mut self, filter: &Filter, label: String) {
        self.start_session(&[], filter, label);
    }

    /// Loads the question banks once; a broken bank file is reported, the rest still load.
    pub(super) fn load_bank(&mut self) {
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
            let text = match self.lang {
                crate::strings::Lang::Ko => format!(
                    "문제 은행 파일에서 고칠 곳 {}개를 찾았어요 (gureum check로 확인)",
                    bank.problems.len()
                ),
                crate::strings::Lang::En => format!(
                    "{} problem(s) in the question banks (see `gureum check`)",
                    bank.problems.len()
                ),
            };
            self.message = Some(Message {
                text,
                warning: true,
            });
        }
        self.bank = Some(bank);
    }

    /// Starts a session that asks the questions `first` (e.g. due reviews) before drawing others.
    pub fn start_session(&mut self, first: &[String], filter: &Filter, label: String) {
        self.load_bank();
        let Some(bank) = self.bank.as_ref() else {
            return;
        };
        // Each session draws differently; `gureum quiz --plain --seed` is the reproducible twin.
        let seed = self.now_ms;
        let count = if first.is_empty() { 10 } else { first.len() };
        let practice = Practice::with_first(bank, first, filter, count, seed, label, self.now_ms);
        if practice.items.is_empty() {
            let text = self
                .lang
                .pick(
                    "이 레슨에는 아직 문제가 없어요",
                    "No questions for this lesson yet",
                )
                .to_owned();
            self.message = Some(Message {
                text,
                warning: false,
            });
            return;
        }
        self.push(Box::new(practice));
    }

    /// Ids of the questions due for review now.
    pub fn due_reviews(&self) -> Vec<String> {
        let now = self.now_ms / 1000;
        crate::quiz::review::due(&self.store.progress().cards, now)
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Whether the run loop should wake up twice a second (a countdown is on screen).
    pub fn needs_tick(&self) -> bool {
        self.screen.boxed() && self.front.as_ref().is_some_and(|s| s.needs_tick())
    }

    /// Advances the clock: an exam whose time is up is submitted and graded.
    pub fn tick(&mut self, now_ms: u64) {
        self.now_ms = now_ms;
        let effect = self.with_front(|screen, ctx| screen.tick(ctx));
        self.apply(effect);
    }

    /// The saved, unfinished exam, if any.
    pub fn saved_exam(&self) -> Option<&crate::quiz::exam::ExamState> {
        self.store.running_exam()
    }

    /// Resumes the saved exam over the screen in front (or says why it cannot).
    fn resume_exam(&mut self) {
        self.load_bank();
        let (Some(bank), Some(saved)) = (self.bank.as_ref(), self.store.running_exam().cloned())
        else {
            return;
        };
        if let Some(mut exam) = super::exam::ExamScreen::resume(bank, saved, self.now_ms) {
            let finished = exam.finished(bank, self.now_ms);
            self.push(Box::new(exam));
            self.apply(finished);
        } else {
            let text = self
                .lang
                .pick(
                    "저장된 시험을 이어 할 수 없어요 (문제 은행이 바뀌었어요)",
                    "The saved exam no longer fits the question bank",
                )
                .to_owned();
            self.message = Some(Message {
                text,
                warning: true,
            });
        }
    }

    /// Starts an exam from `choice`, drawn by `seed` (the command line passes `--seed`).
    pub fn start_exam(&mut self, choice: super::exam::Choice, seed: u64) {
        self.load_bank();
        let Some(bank) = self.bank.as_ref() else {
            return;
        };
        let esl = self.store.progress().settings.exam_esl;
        let (exam, short) = super::exam::ExamScreen::start(bank, choice, esl, seed, self.now_ms);
        if !short.is_empty() {
            let lead = self.lang.pick(
                "문제 은행에 문항이 모자란 영역:",
                "Not enough questions for:",
            );
            self.message = Some(Message {
                text: format!("{lead} {}", short.join(", ")),
                warning: true,
            });
        }
        let save = exam.save();
        self.push(Box::new(exam));
        self.apply(save);
    }

    pub(super) fn ensure_presets(&mut self) {
        if self.presets.is_empty() {
            self.presets = sims::all_presets();
        }
    }

    /// Opens the list of simulations; Back returns to this screen.
    pub fn open_sims(&mut self) {
        self.ensure_presets();
        self.push(Box::new(SimList::new(self.sims_selected)));
    }

    /// Opens simulation `index` with its preset's settings.
    pub fn open_sim(&mut self, index: usize) {
        self.ensure_presets();
        let Some(preset) = self.presets.get(index) else {
            return;
        };
        self.sims_selected = index;
        if matches!(preset, sims::Preset::Cfn(_)) {
            self.push(Box::new(ReplaceScreen::new(index, self.lang)));
        } else {
            let sim = Sim::new(index, preset);
            self.push(Box::new(SimScreen::new(sim)));
        }
    }

    /// Recomputes the home screen's next steps and fits the home list to them.
    pub fn refresh_steps(&mut self) {
        // Only a suggestion about the last lesson needs the presets; a fresh start skips them.
        if self.store.progress().last_lesson.is_some() {
            self.ensure_presets();
        }
        self.due_count = self.due_reviews().len();
        let cards = &self.store.progress().cards;
        self.forecast = (!cards.is_empty()).then(|| {
            crate::quiz::review::forecast(
                cards.values(),
                self.now_ms / 1000,
                crate::quiz::review::local_offset_s(),
            )
        });
        let resume = self.home.resume_target(&self.library, &self.store);
        self.steps = crate::links::next_steps(
            &self.library,
            self.store.progress(),
            resume,
            self.due_count,
            &self.presets,
        );
        self.home.set_steps(self.steps.len());
    }

    /// Does next step `i` of the home screen.
    fn run_step(&mut self, i: usize) {
        match self.steps.get(i).copied() {
            Some(crate::links::Step::Resume { lesson, .. }) => self.open_lesson(lesson),
            Some(crate::links::Step::Review(_)) => self.home_action(Action::Review),
            Some(crate::links::Step::TrySim(preset)) => self.open_sim(preset),
            None => {}
        }
    }

    /// The links of the reader's current section (its questions and simulation).
    pub fn current_section(&self) -> Option<crate::links::SectionLinks> {
        let r = self.reader.as_ref()?;
        let lesson = self.library.lessons.get(r.lesson)?;
        crate::links::section_links(
            &r.rendered.headings,
            r.current_heading(),
            &lesson.meta.id,
            &lesson.meta.tags,
            self.bank.as_ref(),
            &self.presets,
        )
    }

    /// Opens lesson `index` in the reader over the current screen, restoring its saved position.
    pub fn open_lesson(&mut self, index: usize) {
        if index >= self.library.lessons.len() {
            return;
        }
        let toc = self.reader.as_ref().map(|r| r.toc_visible);
        self.push_screen();
        self.open_lesson_in_place(index);
        if let (Some(r), Some(toc)) = (self.reader.as_mut(), toc) {
            r.toc_visible = toc;
        }
    }

    /// Opens lesson `index` in the reader in place of the current screen.
    fn open_lesson_in_place(&mut self, index: usize) {
        let Some(lesson) = self.library.lessons.get(index) else {
            return;
        };
        let saved = self
            .store
            .progress()
            .lessons
            .get(&lesson.meta.id)
            .cloned()
            .unwrap_or_default();
        let toc_visible = self
            .reader
            .as_ref()
            .map_or(self.area.width >= 110, |r| r.toc_visible);
        self.store.set_last_lesson(&lesson.meta.id);
        self.reader = Some(Reader::new(index, saved.scroll, toc_visible));
        self.screen = Screen::Reader;
        self.section_for = None;
        // The section line counts the questions of each section (usually loaded already by
        // `idle`).
        self.load_bank();
        self.ensure_presets();
        self.home.select_lesson(index);
        if self.area.width > 0 {
            self.prepare(self.area);
        }
    }

    /// Records the reader's position in the store (not yet written to disk).
    pub(super) fn save_reader_position(&mut self) {
        let Some(r) = self.reader.as_ref() else {
            return;
        };
        let Some(lesson) = self.library.lessons.get(r.lesson) else {
            return;
        };
        let (position, percent) = (r.position(), r.percent());
        self.store.set_scroll(&lesson.meta.id, position, percent);
    }

    /// The reader reached the end of its lesson: mark it read.
    fn reached_end(&mut self) {
        let Some(r) = self.reader.as_ref() else {
            return;
        };
        let Some(lesson) = self.library.lessons.get(r.lesson) else {
            return;
        };
        if self.store.mark_read(&lesson.meta.id) {
            self.message = Some(Message {
                text: self.strings().marked_read().into(),
                warning: false,
            });
            self.save();
        }
    }

    /// Writes progress to disk, reporting failure in the status bar.
    pub fn save(&mut self) {
        self.save_reader_position();
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
