//! Key bindings: one table that drives key handling, the status bar and the help overlay.
//!
//! The table is the embedded `keymap.toml` (next to this file), parsed at start-up by
//! [`crate::keys::file`], with the user's own `keymap.toml` from the config directory laid over it
//! (an entry with the same context and action replaces that action's keys). The app installs the
//! result once with [`install`]; until then, and in tests, the defaults are used.
//!
//! Under a Korean keyboard layout the terminal sends the 2-set (두벌식) jamo for a letter key
//! (`ㅂ` for q, `ㅓ` for j), so letters are looked up after mapping jamo back to Latin. Shifted
//! letters are not distinguishable there (Shift+g is still `ㅎ`), which is why every core action
//! also has a non-letter key.

use crate::strings::Lang;

pub mod file;

/// A key, independent of the terminal library (the UI converts its key events into these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Code {
    /// A character (Shift is part of it).
    Char(char),
    /// Enter.
    Enter,
    /// Escape.
    Esc,
    /// Tab (Shift-Tab too).
    Tab,
    /// Backspace.
    Backspace,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
    /// Insert.
    Insert,
    /// Delete.
    Delete,
    /// A function key.
    F(u8),
}

/// Where a binding applies (`context = "..."` in `keymap.toml`, kebab-case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Context {
    /// Every screen (unless a more specific binding takes the key).
    Global,
    /// The home screen.
    Home,
    /// The lesson reader.
    Reader,
    /// The reader's table of contents, when it has focus.
    Toc,
    /// Typing into a box (search query, a value, a prediction).
    Search,
    /// A list to choose from (simulations, practice topics).
    List,
    /// One simulation.
    Sim,
    /// Answering practice questions.
    Practice,
    /// Taking an exam.
    Exam,
    /// The exam's overview grid of questions.
    ExamOverview,
    /// An exam's results and review.
    ExamResults,
    /// The `CloudFormation` update screen (guided scenario, own templates).
    Replace,
    /// The settings screen.
    Settings,
    /// The help overlay.
    Help,
    /// The search palette (typing goes into its box).
    Palette,
    /// The glossary (typing goes into its filter).
    Glossary,
    /// The reader's popup of the terms on screen.
    Define,
    /// The exam menu (a list, plus its own keys).
    ExamMenu,
    /// The readiness screen (domain bars, score chart).
    Readiness,
    /// The teacher's live dashboard of `gureum class serve`.
    Class,
}

impl Context {
    /// Every context, in the order the help overlay and `gureum keys` list them.
    pub const ALL: [Self; 20] = [
        Self::Global,
        Self::Home,
        Self::Reader,
        Self::Toc,
        Self::Search,
        Self::List,
        Self::Sim,
        Self::Practice,
        Self::Exam,
        Self::ExamOverview,
        Self::ExamResults,
        Self::Replace,
        Self::Settings,
        Self::Help,
        Self::Palette,
        Self::Glossary,
        Self::Define,
        Self::ExamMenu,
        Self::Readiness,
        Self::Class,
    ];

    /// The name used in `keymap.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Global => "global",
            Self::Home => "home",
            Self::Reader => "reader",
            Self::Toc => "toc",
            Self::Search => "search",
            Self::List => "list",
            Self::Sim => "sim",
            Self::Practice => "practice",
            Self::Exam => "exam",
            Self::ExamOverview => "exam-overview",
            Self::ExamResults => "exam-results",
            Self::Help => "help",
            Self::Palette => "palette",
            Self::Glossary => "glossary",
            Self::Define => "define",
            Self::Replace => "replace",
            Self::Settings => "settings",
            Self::ExamMenu => "exam-menu",
            Self::Readiness => "readiness",
            Self::Class => "class",
        }
    }
}

/// What a key does (`run = "..."` in `keymap.toml`, kebab-case: `page-down`, `open-lesson`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// Quit the app.
    Quit,
    /// Leave the current screen or overlay.
    Back,
    /// Show or hide the help overlay.
    Help,
    /// Switch between Korean and English.
    ToggleLang,
    /// Move up / scroll up one line.
    Up,
    /// Move down / scroll down one line.
    Down,
    /// One page up.
    PageUp,
    /// One page down.
    PageDown,
    /// Half a page up.
    HalfPageUp,
    /// Half a page down.
    HalfPageDown,
    /// To the top.
    Top,
    /// To the end.
    Bottom,
    /// Open the selection.
    Open,
    /// Open the lesson to continue.
    Resume,
    /// Show or hide the table of contents.
    ToggleToc,
    /// Move focus between the table of contents and the text.
    FocusToc,
    /// Start typing a search.
    SearchStart,
    /// Next search match.
    SearchNext,
    /// Previous search match.
    SearchPrev,
    /// Next lesson.
    NextLesson,
    /// Previous lesson.
    PrevLesson,
    /// Scroll code blocks left.
    Left,
    /// Scroll code blocks right.
    Right,
    /// Confirm the search.
    Confirm,
    /// Cancel the search.
    Cancel,
    /// Open the simulations.
    Simulations,
    /// Run the simulation.
    Run,
    /// Open the lesson that explains the simulation.
    OpenLesson,
    /// Practise questions (of the current lesson in the reader).
    Practice,
    /// Practise the questions of the reader's current section.
    PracticeSection,
    /// Open the settings.
    Settings,
    /// Mark or unmark a choice.
    Toggle,
    /// Show the English original.
    ToggleEnglish,
    /// Review the questions that are due.
    Review,
    /// Open the mock exams.
    Exams,
    /// Flag the question for review.
    Flag,
    /// Show the overview grid.
    Overview,
    /// Submit the exam.
    Submit,
    /// Open the search palette.
    Palette,
    /// Open the glossary.
    Glossary,
    /// Show the definitions of the glossary terms on screen.
    Define,
    /// Open the web address of a picture on screen in the browser.
    OpenLink,
    /// Open the readiness screen (domain accuracy, mock exam scores).
    Readiness,
    /// Class dashboard: start (or resume) the round.
    StartRound,
    /// Class dashboard: pause or resume the round.
    Pause,
    /// Class dashboard: end the round.
    EndRound,
    /// Class dashboard: show the answers to every student.
    Reveal,
    /// Class dashboard: remove the selected student.
    Kick,
    /// A simulation: switch between its architecture diagram and its chart (where both do not
    /// fit together).
    ToggleDiagram,
}

impl Action {
    /// Every action (for listing and for tests).
    pub const ALL: [Self; 49] = [
        Self::Quit,
        Self::Back,
        Self::Help,
        Self::ToggleLang,
        Self::Up,
        Self::Down,
        Self::PageUp,
        Self::PageDown,
        Self::HalfPageUp,
        Self::HalfPageDown,
        Self::Top,
        Self::Bottom,
        Self::Open,
        Self::Resume,
        Self::ToggleToc,
        Self::FocusToc,
        Self::SearchStart,
        Self::SearchNext,
        Self::SearchPrev,
        Self::NextLesson,
        Self::PrevLesson,
        Self::Left,
        Self::Right,
        Self::Confirm,
        Self::Cancel,
        Self::Simulations,
        Self::Run,
        Self::OpenLesson,
        Self::Practice,
        Self::PracticeSection,
        Self::Settings,
        Self::Toggle,
        Self::ToggleEnglish,
        Self::Review,
        Self::Exams,
        Self::Flag,
        Self::Overview,
        Self::Submit,
        Self::Palette,
        Self::Glossary,
        Self::Define,
        Self::OpenLink,
        Self::Readiness,
        Self::StartRound,
        Self::Pause,
        Self::EndRound,
        Self::Reveal,
        Self::Kick,
        Self::ToggleDiagram,
    ];

    /// The name used in `keymap.toml` (`run = "page-down"`).
    pub fn name(self) -> String {
        // The serde name is the one source of truth; a unit variant serialises to a string.
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

/// One key of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key code.
    pub code: Code,
    /// Only Ctrl matters; Shift is part of the character.
    pub ctrl: bool,
}

/// A binding: keys, the action, and its description in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys (the first is shown in the status bar); empty when the user unbound them.
    pub keys: Vec<Key>,
    /// What happens.
    pub action: Action,
    /// Description in Korean and English.
    pub desc: (String, String),
    /// Shown in the status bar.
    pub status: bool,
}

impl Binding {
    /// The description in `lang`.
    pub fn description(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.desc.0,
            Lang::En => &self.desc.1,
        }
    }
}

/// A complete key map: the defaults, possibly with the user's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    /// Every binding, most specific contexts first (the order of `keymap.toml`).
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The embedded `keymap.toml`.
    fn default() -> Self {
        DEFAULT.clone()
    }
}

/// The embedded defaults, parsed once. The file ships with the binary and a unit test parses
/// it, so a parse failure here is a build defect, not user input.
static DEFAULT: std::sync::LazyLock<Keymap> = std::sync::LazyLock::new(|| {
    file::parse_default().expect("the embedded keymap.toml is valid (tested)")
});

/// The key map in use: installed once at start-up; the defaults until then.
static ACTIVE: std::sync::OnceLock<Keymap> = std::sync::OnceLock::new();

/// Makes `map` the key map of this process. Returns `false` if one was already in use (the
/// first stays: key handling must not change under a running UI).
pub fn install(map: Keymap) -> bool {
    ACTIVE.set(map).is_ok()
}

/// The key map in use.
pub fn active() -> &'static Keymap {
    ACTIVE.get_or_init(Keymap::default)
}

impl Keymap {
    /// The action bound to `ev` in the first of `contexts` that binds it, then in
    /// [`Context::Global`].
    pub fn lookup(&self, contexts: &[Context], key: Key) -> Option<Action> {
        let key = normalize(key);
        contexts
            .iter()
            .chain(std::iter::once(&Context::Global))
            .find_map(|ctx| {
                self.bindings
                    .iter()
                    .filter(|b| b.context == *ctx)
                    .find(|b| b.keys.contains(&key))
                    .map(|b| b.action)
            })
    }

    /// The bindings shown in the status bar for these contexts (only those with a key).
    pub fn status_bindings<'a, 'c>(
        &'a self,
        contexts: &'c [Context],
    ) -> impl Iterator<Item = &'a Binding> + use<'a, 'c> {
        self.bindings.iter().filter(move |b| {
            b.status
                && !b.keys.is_empty()
                && (contexts.contains(&b.context) || b.context == Context::Global)
        })
    }

    /// The bindings of one context, in file order.
    pub fn in_context(&self, context: Context) -> impl Iterator<Item = &Binding> + '_ {
        self.bindings.iter().filter(move |b| b.context == context)
    }

    /// The first key bound to `action` in `context`, as shown to the user.
    pub fn first_key(&self, context: Context, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .and_then(|b| b.keys.first())
            .map(key_name)
    }
}

/// The 2-set (두벌식) jamo a Latin letter key produces, for aliasing.
const JAMO: [(char, char); 33] = [
    ('ㅂ', 'q'),
    ('ㅈ', 'w'),
    ('ㄷ', 'e'),
    ('ㄱ', 'r'),
    ('ㅅ', 't'),
    ('ㅛ', 'y'),
    ('ㅕ', 'u'),
    ('ㅑ', 'i'),
    ('ㅐ', 'o'),
    ('ㅔ', 'p'),
    ('ㅁ', 'a'),
    ('ㄴ', 's'),
    ('ㅇ', 'd'),
    ('ㄹ', 'f'),
    ('ㅎ', 'g'),
    ('ㅗ', 'h'),
    ('ㅓ', 'j'),
    ('ㅏ', 'k'),
    ('ㅣ', 'l'),
    ('ㅋ', 'z'),
    ('ㅌ', 'x'),
    ('ㅊ', 'c'),
    ('ㅍ', 'v'),
    ('ㅠ', 'b'),
    ('ㅜ', 'n'),
    ('ㅡ', 'm'),
    ('ㅃ', 'Q'),
    ('ㅉ', 'W'),
    ('ㄸ', 'E'),
    ('ㄲ', 'R'),
    ('ㅆ', 'T'),
    ('ㅒ', 'O'),
    ('ㅖ', 'P'),
];

/// Maps a 2-set jamo to the Latin key it sits on; other characters are returned unchanged.
pub fn latin_for(c: char) -> char {
    JAMO.iter().find(|(j, _)| *j == c).map_or(c, |(_, l)| *l)
}

/// Normalises a key for lookup (jamo → Latin; Ctrl+letter lowercase, as terminals differ).
pub fn normalize(key: Key) -> Key {
    match key.code {
        Code::Char(c) => {
            let c = latin_for(c);
            let c = if key.ctrl { c.to_ascii_lowercase() } else { c };
            Key {
                code: Code::Char(c),
                ctrl: key.ctrl,
            }
        }
        _ => key,
    }
}

/// The action bound to `key` in the active key map (see [`Keymap::lookup`]).
pub fn lookup(contexts: &[Context], key: Key) -> Option<Action> {
    active().lookup(contexts, key)
}

/// A key's name as shown to the user.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        Code::Char(' ') => "Space".to_owned(),
        Code::Char(c) => c.to_string(),
        Code::Enter => "Enter".into(),
        Code::Esc => "Esc".into(),
        Code::Tab => "Tab".into(),
        Code::Backspace => "Bksp".into(),
        Code::Up => "↑".into(),
        Code::Down => "↓".into(),
        Code::Left => "←".into(),
        Code::Right => "→".into(),
        Code::PageUp => "PgUp".into(),
        Code::PageDown => "PgDn".into(),
        Code::Home => "Home".into(),
        Code::End => "End".into(),
        Code::Insert => "Ins".into(),
        Code::Delete => "Del".into(),
        Code::F(n) => format!("F{n}"),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The bindings shown in the status bar for these contexts, from the active key map.
pub fn status_bindings(contexts: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    active().status_bindings(contexts)
}

#[cfg(test)]
mod tests {
    use super::*;
    fn key(code: Code) -> Key {
        Key { code, ctrl: false }
    }

    #[test]
    fn korean_layout_jamo_act_like_latin_keys() {
        assert_eq!(
            lookup(&[Context::Home], key(Code::Char('ㅂ'))),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(&[Context::Reader], key(Code::Char('ㅓ'))),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(&[Context::Reader], key(Code::Char('ㅏ'))),
            Some(Action::Up)
        );
        assert_eq!(
            lookup(&[Context::Reader], key(Code::Char('ㅅ'))),
            Some(Action::ToggleToc)
        );
    }

    #[test]
    fn specific_context_wins_over_global() {
        assert_eq!(
            lookup(&[Context::Toc, Context::Reader], key(Code::Down)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(&[Context::Reader], key(Code::Char('?'))),
            Some(Action::Help)
        );
        let ctrl_c = Key {
            code: Code::Char('c'),
            ctrl: true,
        };
        assert_eq!(lookup(&[Context::Reader], ctrl_c), Some(Action::Quit));
    }

    #[test]
    fn every_core_action_has_a_non_letter_key() {
        let core = [
            Action::Quit,
            Action::Back,
            Action::Help,
            Action::Up,
            Action::Down,
            Action::PageUp,
            Action::PageDown,
            Action::Top,
            Action::Bottom,
            Action::Open,
            Action::Resume,
            Action::ToggleToc,
            Action::SearchStart,
            Action::SearchNext,
            Action::SearchPrev,
            Action::NextLesson,
            Action::PrevLesson,
            Action::ToggleLang,
            Action::Simulations,
            Action::Run,
            Action::OpenLesson,
            Action::Practice,
            Action::ToggleEnglish,
            Action::Review,
            Action::Exams,
            Action::Flag,
            Action::Overview,
            Action::Submit,
            Action::PracticeSection,
            Action::Settings,
        ];
        let map = Keymap::default();
        for action in core {
            let has = map.bindings.iter().filter(|b| b.action == action).any(|b| {
                b.keys
                    .iter()
                    .any(|k| !matches!(k.code, Code::Char(c) if c.is_ascii_alphabetic() && !k.ctrl))
            });
            assert!(has, "{action:?} has only letter keys");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let map = Keymap::default();
        for (i, a) in map.bindings.iter().enumerate() {
            for b in &map.bindings[i + 1..] {
                if a.context == b.context {
                    for k in &a.keys {
                        assert!(
                            !b.keys.contains(k),
                            "{:?} bound twice in {:?}",
                            k,
                            a.context
                        );
                    }
                }
            }
        }
    }
}
