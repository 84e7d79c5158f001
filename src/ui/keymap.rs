//! Key bindings: one table that drives both key handling and the help overlay.
//!
//! Under a Korean keyboard layout the terminal sends the 2-set (두벌식) jamo for a letter key
//! (`ㅂ` for q, `ㅓ` for j), so letters are looked up after mapping jamo back to Latin. Shifted
//! letters are not distinguishable there (Shift+g is still `ㅎ`), which is why every core action
//! also has a non-letter key.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::strings::Lang;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The `CloudFormation` update screen (guided scenario, own templates).
    Replace,
}

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// One key as written in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key code.
    pub code: KeyCode,
    /// Only Ctrl and Alt matter; Shift is part of the character.
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// A binding: keys, the action, and its description in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it applies.
    pub context: Context,
    /// The keys (the first is shown in the status bar).
    pub keys: &'static [Key],
    /// What happens.
    pub action: Action,
    /// Description in Korean and English.
    pub desc: (&'static str, &'static str),
    /// Shown in the status bar.
    pub status: bool,
}

impl Binding {
    /// The description in `lang`.
    pub fn description(&self, lang: Lang) -> &'static str {
        lang.pick(self.desc.0, self.desc.1)
    }
}

macro_rules! bind {
    ($ctx:ident, [$($k:expr),+], $action:ident, $ko:literal, $en:literal, $status:literal) => {
        Binding {
            context: Context::$ctx,
            keys: &[$($k),+],
            action: Action::$action,
            desc: ($ko, $en),
            status: $status,
        }
    };
}

/// Every binding, most specific contexts first.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    // Search and value boxes: typing goes into the box; only these keys act.
    bind!(Search, [code(KeyCode::Enter)], Confirm, "확인", "Confirm", true),
    bind!(Search, [code(KeyCode::Esc)], Cancel, "취소", "Cancel", true),
    // Exam.
    bind!(Exam, [ch('j'), code(KeyCode::Down)], Down, "다음 보기", "Next choice", false),
    bind!(Exam, [ch('k'), code(KeyCode::Up)], Up, "이전 보기", "Previous choice", false),
    bind!(Exam, [ch('l'), code(KeyCode::Right)], Right, "다음 문제", "Next question", true),
    bind!(Exam, [ch('h'), code(KeyCode::Left)], Left, "이전 문제", "Previous question", false),
    bind!(Exam, [ch(' ')], Toggle, "보기 고르기·해제", "Choose / unchoose", false),
    bind!(Exam, [code(KeyCode::Enter)], Open, "확인 · 다음", "Confirm · next", false),
    bind!(Exam, [ch('f'), code(KeyCode::F(8))], Flag, "다시 볼 문제로 표시", "Flag for review", true),
    bind!(Exam, [ch('o'), code(KeyCode::Tab)], Overview, "전체 보기", "Overview", true),
    bind!(Exam, [ch('S'), code(KeyCode::F(10))], Submit, "제출", "Submit", true),
    bind!(Exam, [ch('e'), code(KeyCode::F(11))], ToggleEnglish, "영어 원문", "English original", false),
    bind!(Exam, [code(KeyCode::PageDown)], PageDown, "아래로 스크롤", "Scroll down", false),
    bind!(Exam, [code(KeyCode::PageUp)], PageUp, "위로 스크롤", "Scroll up", false),
    bind!(Exam, [ch('q'), code(KeyCode::Esc)], Back, "나가기 (시간은 계속 가요)", "Leave (the clock keeps running)", true),
    // Practice.
    bind!(Practice, [ch('j'), code(KeyCode::Down)], Down, "다음 보기", "Next choice", false),
    bind!(Practice, [ch('k'), code(KeyCode::Up)], Up, "이전 보기", "Previous choice", false),
    bind!(Practice, [code(KeyCode::Enter)], Open, "답하기 · 다음 문제", "Answer · next question", true),
    bind!(Practice, [ch(' ')], Toggle, "보기 표시 (여러 개 고르기)", "Mark a choice (multiple)", true),
    bind!(Practice, [ch('o'), code(KeyCode::F(6))], OpenLesson, "레슨의 그 절 보기", "Open the lesson section", true),
    bind!(Practice, [ch('e'), code(KeyCode::F(8))], ToggleEnglish, "영어 원문", "English original", true),
    bind!(Practice, [code(KeyCode::PageDown)], PageDown, "아래로 스크롤", "Scroll down", false),
    bind!(Practice, [code(KeyCode::PageUp)], PageUp, "위로 스크롤", "Scroll up", false),
    bind!(Practice, [ch('q'), code(KeyCode::Esc)], Back, "그만하기", "Stop", true),
    // One simulation.
    bind!(Sim, [ch('j'), code(KeyCode::Down)], Down, "다음 설정", "Next setting", false),
    bind!(Sim, [ch('k'), code(KeyCode::Up)], Up, "이전 설정", "Previous setting", false),
    bind!(Sim, [ch('h'), code(KeyCode::Left)], Left, "값 줄이기", "Decrease", true),
    bind!(Sim, [ch('l'), code(KeyCode::Right)], Right, "값 늘리기", "Increase", false),
    bind!(Sim, [code(KeyCode::Enter), ch('=')], Open, "값 입력", "Type a value", true),
    bind!(Sim, [ch('r'), code(KeyCode::F(5))], Run, "실행", "Run", true),
    bind!(Sim, [code(KeyCode::PageDown), ch(' ')], PageDown, "설명 아래로", "Scroll explanation down", false),
    bind!(Sim, [code(KeyCode::PageUp), ch('b')], PageUp, "설명 위로", "Scroll explanation up", false),
    bind!(Sim, [ch('o'), code(KeyCode::F(6))], OpenLesson, "관련 레슨", "Related lesson", true),
    bind!(Sim, [ch('q'), code(KeyCode::Esc), code(KeyCode::Backspace)], Back, "목록으로", "Back to the list", true),
    // The CloudFormation update screen.
    bind!(Replace, [ch('j'), code(KeyCode::Down)], Down, "다음 항목", "Next item", false),
    bind!(Replace, [ch('k'), code(KeyCode::Up)], Up, "이전 항목", "Previous item", false),
    bind!(Replace, [code(KeyCode::Enter)], Open, "적용 · 경로 입력", "Apply · type a path", true),
    bind!(Replace, [ch('r'), code(KeyCode::F(5))], Run, "적용 · 비교", "Apply · compare", false),
    bind!(Replace, [code(KeyCode::Tab), ch('t')], Overview, "안내 시나리오 ↔ 내 템플릿", "Guided ↔ own templates", true),
    bind!(Replace, [code(KeyCode::PageDown), ch(' ')], PageDown, "아래로 스크롤", "Scroll down", false),
    bind!(Replace, [code(KeyCode::PageUp), ch('b')], PageUp, "위로 스크롤", "Scroll up", false),
    bind!(Replace, [ch('o'), code(KeyCode::F(6))], OpenLesson, "관련 레슨", "Related lesson", false),
    bind!(Replace, [ch('q'), code(KeyCode::Esc), code(KeyCode::Backspace)], Back, "목록으로", "Back to the list", true),
    // The list of simulations.
    bind!(List, [ch('j'), code(KeyCode::Down)], Down, "아래로", "Down", false),
    bind!(List, [ch('k'), code(KeyCode::Up)], Up, "위로", "Up", false),
    bind!(List, [code(KeyCode::Enter), ch('l'), code(KeyCode::Right)], Open, "열기", "Open", true),
    bind!(List, [ch('q'), code(KeyCode::Esc), code(KeyCode::Backspace)], Back, "돌아가기", "Back", true),
    // Table of contents.
    bind!(Toc, [ch('j'), code(KeyCode::Down)], Down, "다음 제목", "Next heading", false),
    bind!(Toc, [ch('k'), code(KeyCode::Up)], Up, "이전 제목", "Previous heading", false),
    bind!(Toc, [code(KeyCode::Enter), ch('l'), code(KeyCode::Right)], Open, "제목으로 이동", "Go to heading", true),
    bind!(Toc, [code(KeyCode::Home), ch('g')], Top, "첫 제목", "First heading", false),
    bind!(Toc, [code(KeyCode::End), ch('G')], Bottom, "마지막 제목", "Last heading", false),
    bind!(Toc, [code(KeyCode::Tab), code(KeyCode::Esc)], FocusToc, "본문으로", "Back to text", true),
    bind!(Toc, [ch('t')], ToggleToc, "목차 닫기", "Close contents", false),
    // Reader.
    bind!(Reader, [ch('j'), code(KeyCode::Down)], Down, "한 줄 아래로", "Scroll down", false),
    bind!(Reader, [ch('k'), code(KeyCode::Up)], Up, "한 줄 위로", "Scroll up", false),
    bind!(Reader, [code(KeyCode::PageDown), ch(' '), ctrl('f')], PageDown, "한 쪽 아래로", "Page down", true),
    bind!(Reader, [code(KeyCode::PageUp), ch('b'), ctrl('b')], PageUp, "한 쪽 위로", "Page up", false),
    bind!(Reader, [ctrl('d')], HalfPageDown, "반 쪽 아래로", "Half page down", false),
    bind!(Reader, [ctrl('u')], HalfPageUp, "반 쪽 위로", "Half page up", false),
    bind!(Reader, [code(KeyCode::Home), ch('g')], Top, "맨 위로", "To the top", false),
    bind!(Reader, [code(KeyCode::End), ch('G')], Bottom, "맨 끝으로", "To the end", false),
    bind!(Reader, [code(KeyCode::Left), ch('h')], Left, "코드 왼쪽으로", "Code left", false),
    bind!(Reader, [code(KeyCode::Right), ch('l')], Right, "코드 오른쪽으로", "Code right", false),
    bind!(Reader, [ch('/'), ctrl('s')], SearchStart, "레슨에서 검색", "Search in lesson", true),
    bind!(Reader, [ch('n'), code(KeyCode::F(3))], SearchNext, "다음 검색 결과", "Next match", false),
    bind!(Reader, [ch('N'), Key { code: KeyCode::F(3), ctrl: true }], SearchPrev, "이전 검색 결과", "Previous match", false),
    bind!(Reader, [ch('t'), code(KeyCode::Tab)], ToggleToc, "목차 열기·닫기", "Toggle contents", true),
    bind!(Reader, [ch(']'), ch('.')], NextLesson, "다음 레슨", "Next lesson", true),
    bind!(Reader, [ch('['), ch(',')], PrevLesson, "이전 레슨", "Previous lesson", false),
    bind!(Reader, [ch('s'), code(KeyCode::F(4))], Simulations, "이 절의 시뮬레이션", "Simulation for this section", false),
    bind!(Reader, [ch('p'), code(KeyCode::F(7))], Practice, "이 레슨의 문제 풀기", "Practise this lesson", true),
    bind!(Reader, [ch('q'), code(KeyCode::Esc), code(KeyCode::Backspace)], Back, "홈으로", "Back to home", true),
    bind!(Reader, [ch('d')], Define, "화면의 용어 뜻", "Define terms on screen", true),
    // Home.
    bind!(Home, [ch('j'), code(KeyCode::Down)], Down, "아래로", "Down", false),
    bind!(Home, [ch('k'), code(KeyCode::Up)], Up, "위로", "Up", false),
    bind!(Home, [code(KeyCode::PageDown)], PageDown, "한 쪽 아래로", "Page down", false),
    bind!(Home, [code(KeyCode::PageUp)], PageUp, "한 쪽 위로", "Page up", false),
    bind!(Home, [code(KeyCode::Home), ch('g')], Top, "맨 위로", "To the top", false),
    bind!(Home, [code(KeyCode::End), ch('G')], Bottom, "맨 아래로", "To the bottom", false),
    bind!(Home, [code(KeyCode::Enter), ch('l'), code(KeyCode::Right)], Open, "레슨 열기", "Open lesson", true),
    bind!(Home, [ch('c'), ch('>')], Resume, "이어 읽기", "Continue reading", true),
    bind!(Home, [ch('s'), code(KeyCode::F(4))], Simulations, "시뮬레이션", "Simulations", true),
    bind!(Home, [ch('p'), code(KeyCode::F(7))], Practice, "문제 풀기", "Practice", true),
    bind!(Home, [ch('r'), code(KeyCode::F(9))], Review, "복습", "Review", false),
    bind!(Home, [ch('x'), code(KeyCode::F(10))], Exams, "모의고사", "Mock exams", false),
    bind!(Home, [ch('q'), code(KeyCode::Esc)], Quit, "끝내기", "Quit", true),
    bind!(Home, [ch('/')], Palette, "찾기", "Search", true),
    bind!(Home, [ch('w')], Glossary, "용어집", "Glossary", false),
    // Everywhere.
    bind!(Global, [ch('?'), code(KeyCode::F(1))], Help, "도움말", "Help", true),
    bind!(Global, [ch('L'), code(KeyCode::F(2))], ToggleLang, "한국어/English 전환", "Korean/English", false),
    bind!(Global, [ctrl('c')], Quit, "끝내기", "Quit", false),
    bind!(Global, [ctrl('k')], Palette, "모두 찾기 (레슨, 문제, 시뮬레이션, 용어)", "Search everything (lessons, questions, simulations, terms)", false),
];

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

/// Normalises a key event for lookup (jamo → Latin, Shift folded into the character).
pub fn normalize(ev: &KeyEvent) -> Key {
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    match ev.code {
        KeyCode::Char(c) => {
            let c = latin_for(c);
            // Ctrl+letter arrives lowercase or uppercase depending on the terminal.
            let c = if ctrl { c.to_ascii_lowercase() } else { c };
            Key {
                code: KeyCode::Char(c),
                ctrl,
            }
        }
        KeyCode::BackTab => Key {
            code: KeyCode::Tab,
            ctrl,
        },
        other => Key { code: other, ctrl },
    }
}

/// The action bound to `ev` in the first of `contexts` that binds it, then in [`Context::Global`].
pub fn lookup(contexts: &[Context], ev: &KeyEvent) -> Option<Action> {
    let key = normalize(ev);
    contexts
        .iter()
        .chain(std::iter::once(&Context::Global))
        .find_map(|ctx| {
            BINDINGS
                .iter()
                .filter(|b| b.context == *ctx)
                .find(|b| b.keys.contains(&key))
                .map(|b| b.action)
        })
}

/// A key's name as shown to the user.
pub fn key_name(key: &Key) -> String {
    let base = match key.code {
        KeyCode::Char(' ') => "Space".to_owned(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::Backspace => "Bksp".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::F(n) => format!("F{n}"),
        _ => "?".into(),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

/// The bindings shown in the status bar for these contexts.
pub fn status_bindings(contexts: &[Context]) -> impl Iterator<Item = &'static Binding> + '_ {
    BINDINGS.iter().filter(move |b| {
        b.status && (contexts.contains(&b.context) || b.context == Context::Global)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn korean_layout_jamo_act_like_latin_keys() {
        assert_eq!(
            lookup(&[Context::Home], &key(KeyCode::Char('ㅂ'))),
            Some(Action::Quit)
        );
        assert_eq!(
            lookup(&[Context::Reader], &key(KeyCode::Char('ㅓ'))),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(&[Context::Reader], &key(KeyCode::Char('ㅏ'))),
            Some(Action::Up)
        );
        assert_eq!(
            lookup(&[Context::Reader], &key(KeyCode::Char('ㅅ'))),
            Some(Action::ToggleToc)
        );
    }

    #[test]
    fn specific_context_wins_over_global() {
        assert_eq!(
            lookup(&[Context::Toc, Context::Reader], &key(KeyCode::Down)),
            Some(Action::Down)
        );
        assert_eq!(
            lookup(&[Context::Reader], &key(KeyCode::Char('?'))),
            Some(Action::Help)
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(&[Context::Reader], &ctrl_c), Some(Action::Quit));
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
        ];
        for action in core {
            let has = BINDINGS.iter().filter(|b| b.action == action).any(|b| {
                b.keys.iter().any(
                    |k| !matches!(k.code, KeyCode::Char(c) if c.is_ascii_alphabetic() && !k.ctrl),
                )
            });
            assert!(has, "{action:?} has only letter keys");
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
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
