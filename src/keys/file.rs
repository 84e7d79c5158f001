//! Reading `keymap.toml`: the embedded defaults, and the user's file that overrides single
//! actions.
//!
//! The user's file has the format of the defaults (see `keymap.toml` next to this file). It
//! lives in the config directory: `$GUREUM_CONFIG_DIR` when set and non-empty, else the
//! platform config directory (`~/.config/gureum` on Linux, `~/Library/Application
//! Support/gureum` on macOS, `%APPDATA%\gureum\config` on Windows). An entry there with the same
//! `context` and `run` as a default replaces that action's keys (and its `desc`, `desc_en` and
//! `hint` when given); the keys it takes are removed from other actions of the same context, so
//! the user's choice wins. An entry for an action the context does not bind by default adds it.
//!
//! A broken file never breaks the keys: a TOML error ignores the whole file, an entry with an
//! unknown context, action or key name is skipped, and every problem is reported with the file's
//! line so the app can show it.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::{Action, Binding, Code, Context, Key, Keymap, latin_for};
use crate::strings::Lang;

/// The embedded default key map.
pub const DEFAULT_TOML: &str = include_str!("keymap.toml");

/// Name of the user's key map file inside the config directory.
pub const FILE_NAME: &str = "keymap.toml";

/// Environment variable that overrides the config directory.
pub const ENV_CONFIG_DIR: &str = "GUREUM_CONFIG_DIR";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    bindings: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    context: Spanned<String>,
    run: Spanned<String>,
    on: Option<Spanned<Vec<Spanned<String>>>>,
    desc: Option<String>,
    desc_en: Option<String>,
    hint: Option<bool>,
}

/// What is wrong with a key map file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file exists but could not be read.
    Unreadable(String),
    /// Not valid TOML, or not the shape of a key map (the parser's message).
    Syntax(String),
    /// `context = "..."` names no context.
    UnknownContext(String),
    /// `run = "..."` names no action; with the closest action name, if one is close.
    UnknownAction(String, Option<String>),
    /// A name in `on = [...]` is not a key.
    UnknownKey(String),
    /// A default entry has no `on` (only the user's file may leave it out).
    MissingKeys,
}

/// One problem, at a line of the file (0 = the whole file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    /// 1-based line, 0 when it concerns the whole file.
    pub line: usize,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl KeyProblem {
    /// The problem in `lang`, without the file name.
    pub fn message(&self, lang: Lang) -> String {
        let contexts = Context::ALL.map(Context::name).join(", ");
        match (&self.kind, lang) {
            (ProblemKind::Unreadable(e), Lang::Ko) => format!("파일을 읽을 수 없어요: {e}"),
            (ProblemKind::Unreadable(e), Lang::En) => format!("cannot read the file: {e}"),
            (ProblemKind::Syntax(e), Lang::Ko) => {
                format!("TOML 형식이 잘못됐어요 (파일 전체를 무시했어요): {e}")
            }
            (ProblemKind::Syntax(e), Lang::En) => {
                format!("not a valid key map (the whole file was ignored): {e}")
            }
            (ProblemKind::UnknownContext(c), Lang::Ko) => {
                format!("알 수 없는 context예요: `{c}` ({contexts} 중 하나)")
            }
            (ProblemKind::UnknownContext(c), Lang::En) => {
                format!("unknown context `{c}` (one of {contexts})")
            }
            (ProblemKind::UnknownAction(a, hint), Lang::Ko) => match hint {
                Some(h) => format!("알 수 없는 동작(run)이에요: `{a}`. 혹시 `{h}`인가요?"),
                None => format!("알 수 없는 동작(run)이에요: `{a}` (gureum keys로 목록 보기)"),
            },
            (ProblemKind::UnknownAction(a, hint), Lang::En) => match hint {
                Some(h) => format!("unknown action (run) `{a}`; did you mean `{h}`?"),
                None => format!("unknown action (run) `{a}` (`gureum keys` lists them)"),
            },
            (ProblemKind::UnknownKey(k), Lang::Ko) => format!(
                "알 수 없는 키 이름이에요: `{k}` (예: j, Space, Enter, PageDown, F5, Ctrl-f)"
            ),
            (ProblemKind::UnknownKey(k), Lang::En) => {
                format!("unknown key name `{k}` (e.g. j, Space, Enter, PageDown, F5, Ctrl-f)")
            }
            (ProblemKind::MissingKeys, Lang::Ko) => "on = [...] 키 목록이 없어요".to_owned(),
            (ProblemKind::MissingKeys, Lang::En) => "no keys: on = [...] is missing".to_owned(),
        }
    }

    /// `file:line: problem` (or `file: problem` for the whole file).
    pub fn display(&self, file: &Path, lang: Lang) -> String {
        if self.line == 0 {
            format!("{}: {}", file.display(), self.message(lang))
        } else {
            format!("{}:{}: {}", file.display(), self.line, self.message(lang))
        }
    }
}

/// What became of the user's key map file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserKeymap {
    /// Where it is looked for (`None` when there is no config directory).
    pub path: Option<PathBuf>,
    /// The file exists.
    pub found: bool,
    /// Entries applied over the defaults.
    pub applied: usize,
    /// Problems found; the entries concerned were skipped.
    pub problems: Vec<KeyProblem>,
}

impl UserKeymap {
    /// A one-line warning for the status bar when something was wrong, else `None`.
    pub fn warning(&self, lang: Lang) -> Option<String> {
        let first = self.problems.first()?;
        let path = self.path.as_deref().unwrap_or(Path::new(FILE_NAME));
        let more = self.problems.len() - 1;
        let tail = match (more, lang) {
            (0, _) => String::new(),
            (n, Lang::Ko) => format!(" (외 {n}개)"),
            (n, Lang::En) => format!(" (+{n} more)"),
        };
        Some(format!("{}{tail}", first.display(path, lang)))
    }
}

/// Resolves the config directory: a non-empty `env_value` (the value of [`ENV_CONFIG_DIR`])
/// wins, else the platform config directory, else `None`.
pub fn config_dir_from(env_value: Option<OsString>) -> Option<PathBuf> {
    match env_value {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "gureum").map(|p| p.config_dir().to_path_buf()),
    }
}

/// The defaults with the user's file from `GUREUM_CONFIG_DIR` or the platform config directory.
pub fn load_default_location() -> (Keymap, UserKeymap) {
    load(config_dir_from(std::env::var_os(ENV_CONFIG_DIR)).as_deref())
}

/// The defaults with the user's `keymap.toml` from `dir` laid over them.
pub fn load(dir: Option<&Path>) -> (Keymap, UserKeymap) {
    let mut report = UserKeymap::default();
    let defaults = Keymap::default();
    let Some(dir) = dir else {
        return (defaults, report);
    };
    let path = dir.join(FILE_NAME);
    report.path = Some(path.clone());
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (defaults, report),
        Err(e) => {
            report.found = true;
            report.problems.push(KeyProblem {
                line: 0,
                kind: ProblemKind::Unreadable(e.to_string()),
            });
            return (defaults, report);
        }
    };
    report.found = true;
    let (map, applied, problems) = apply_user(defaults, &text);
    report.applied = applied;
    report.problems = problems;
    (map, report)
}

/// Parses the embedded defaults; `Err` lists every problem (a test keeps the list empty).
pub fn parse_default() -> Result<Keymap, Vec<KeyProblem>> {
    let mut problems = Vec::new();
    let file: File = match toml::from_str(DEFAULT_TOML) {
        Ok(f) => f,
        Err(e) => return Err(vec![syntax_problem(DEFAULT_TOML, &e)]),
    };
    let mut bindings = Vec::with_capacity(file.bindings.len());
    for entry in &file.bindings {
        let Some(resolved) = resolve(DEFAULT_TOML, entry, &mut problems) else {
            continue;
        };
        let Some(keys) = resolved.keys else {
            problems.push(KeyProblem {
                line: line_of(DEFAULT_TOML, entry.run.span().start),
                kind: ProblemKind::MissingKeys,
            });
            continue;
        };
        bindings.push(Binding {
            context: resolved.context,
            keys,
            action: resolved.action,
            desc: (
                entry.desc.clone().unwrap_or_default(),
                entry.desc_en.clone().unwrap_or_default(),
            ),
            status: entry.hint.unwrap_or(false),
        });
    }
    if problems.is_empty() {
        Ok(Keymap { bindings })
    } else {
        Err(problems)
    }
}

/// Lays the user's file `text` over `map`; returns the map, the entries applied and problems.
pub fn apply_user(mut map: Keymap, text: &str) -> (Keymap, usize, Vec<KeyProblem>) {
    let mut problems = Vec::new();
    let file: File = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => return (map, 0, vec![syntax_problem(text, &e)]),
    };
    let mut applied = 0;
    for entry in &file.bindings {
        let Some(r) = resolve(text, entry, &mut problems) else {
            continue;
        };
        if let Some(keys) = &r.keys {
            // The user's keys win: no other action of the context keeps them.
            for b in map
                .bindings
                .iter_mut()
                .filter(|b| b.context == r.context && b.action != r.action)
            {
                b.keys.retain(|k| !keys.contains(k));
            }
        }
        let existing = map
            .bindings
            .iter_mut()
            .find(|b| b.context == r.context && b.action == r.action);
        if let Some(b) = existing {
            if let Some(keys) = r.keys {
                b.keys = keys;
            }
            if let Some(d) = &entry.desc {
                b.desc.0.clone_from(d);
            }
            if let Some(d) = &entry.desc_en {
                b.desc.1.clone_from(d);
            }
            if let Some(h) = entry.hint {
                b.status = h;
            }
        } else {
            let name = r.action.name();
            map.bindings.push(Binding {
                context: r.context,
                keys: r.keys.unwrap_or_default(),
                action: r.action,
                desc: (
                    entry.desc.clone().unwrap_or_else(|| name.clone()),
                    entry.desc_en.clone().unwrap_or(name),
                ),
                status: entry.hint.unwrap_or(false),
            });
        }
        applied += 1;
    }
    (map, applied, problems)
}

struct Resolved {
    context: Context,
    action: Action,
    keys: Option<Vec<Key>>,
}

/// Resolves the names of one entry; problems go to `problems` and make it `None`.
fn resolve(text: &str, entry: &Entry, problems: &mut Vec<KeyProblem>) -> Option<Resolved> {
    let before = problems.len();
    let context = Context::ALL
        .into_iter()
        .find(|c| c.name() == entry.context.get_ref().trim());
    if context.is_none() {
        problems.push(KeyProblem {
            line: line_of(text, entry.context.span().start),
            kind: ProblemKind::UnknownContext(entry.context.get_ref().clone()),
        });
    }
    let run = entry.run.get_ref().trim();
    let action = Action::ALL.into_iter().find(|a| a.name() == run);
    if action.is_none() {
        problems.push(KeyProblem {
            line: line_of(text, entry.run.span().start),
            kind: ProblemKind::UnknownAction(run.to_owned(), closest_action(run)),
        });
    }
    let keys = entry.on.as_ref().map(|on| {
        let mut keys: Vec<Key> = Vec::new();
        for name in on.get_ref() {
            match parse_key(name.get_ref()) {
                Some(k) if !keys.contains(&k) => keys.push(k),
                Some(_) => {}
                None => problems.push(KeyProblem {
                    line: line_of(text, name.span().start),
                    kind: ProblemKind::UnknownKey(name.get_ref().clone()),
                }),
            }
        }
        keys
    });
    if problems.len() > before {
        return None;
    }
    Some(Resolved {
        context: context?,
        action: action?,
        keys,
    })
}

fn syntax_problem(text: &str, e: &toml::de::Error) -> KeyProblem {
    KeyProblem {
        line: e.span().map_or(0, |s| line_of(text, s.start)),
        kind: ProblemKind::Syntax(e.message().trim().to_owned()),
    }
}

/// 1-based line of byte `offset` in `text`.
fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The action name closest to a misspelt `name`, if it is within two edits.
fn closest_action(name: &str) -> Option<String> {
    Action::ALL
        .into_iter()
        .map(Action::name)
        .map(|n| (edit_distance(name, &n), n))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Parses a key name: one character (jamo map to their Latin key), a named key, or either
/// after `Ctrl-`. Named keys are case-insensitive; single letters are not (`G` is Shift+g).
pub fn parse_key(name: &str) -> Option<Key> {
    let name = name.trim();
    let (ctrl, rest) = match (name.get(..5), name.get(5..)) {
        (Some(p), Some(r)) if p.eq_ignore_ascii_case("ctrl-") && !r.is_empty() => (true, r),
        _ => (false, name),
    };
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => {
            let c = latin_for(c);
            // Ctrl+letter arrives lowercase or uppercase depending on the terminal.
            Code::Char(if ctrl { c.to_ascii_lowercase() } else { c })
        }
        _ => named_key(&rest.to_ascii_lowercase())?,
    };
    Some(Key { code, ctrl })
}

fn named_key(lower: &str) -> Option<Code> {
    Some(match lower {
        "space" => Code::Char(' '),
        "enter" | "return" => Code::Enter,
        "esc" | "escape" => Code::Esc,
        "tab" | "backtab" => Code::Tab,
        "backspace" | "bksp" => Code::Backspace,
        "up" => Code::Up,
        "down" => Code::Down,
        "left" => Code::Left,
        "right" => Code::Right,
        "pageup" | "pgup" => Code::PageUp,
        "pagedown" | "pgdn" => Code::PageDown,
        "home" => Code::Home,
        "end" => Code::End,
        "insert" | "ins" => Code::Insert,
        "delete" | "del" => Code::Delete,
        f => {
            let n: u8 = f.strip_prefix('f')?.parse().ok()?;
            if !(1..=24).contains(&n) {
                return None;
            }
            Code::F(n)
        }
    })
}

/// The name of `key` as written in `keymap.toml` (the inverse of [`parse_key`]).
pub fn key_spec(key: &Key) -> String {
    let base = match key.code {
        Code::Char(' ') => "Space".to_owned(),
        Code::Char(c) => c.to_string(),
        Code::Enter => "Enter".into(),
        Code::Esc => "Esc".into(),
        Code::Tab => "Tab".into(),
        Code::Backspace => "Backspace".into(),
        Code::Up => "Up".into(),
        Code::Down => "Down".into(),
        Code::Left => "Left".into(),
        Code::Right => "Right".into(),
        Code::PageUp => "PageUp".into(),
        Code::PageDown => "PageDown".into(),
        Code::Home => "Home".into(),
        Code::End => "End".into(),
        Code::Insert => "Insert".into(),
        Code::Delete => "Delete".into(),
        Code::F(n) => format!("F{n}"),
    };
    if key.ctrl {
        format!("Ctrl-{base}")
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn ev(code: Code) -> Key {
        Key { code, ctrl: false }
    }

    #[test]
    fn default_keymap_parses_and_every_action_is_bound() {
        let map = parse_default().unwrap_or_else(|p| panic!("{p:?}"));
        assert!(map.bindings.len() > 80, "{}", map.bindings.len());
        for action in Action::ALL {
            assert!(
                map.bindings.iter().any(|b| b.action == action),
                "{action:?} is bound nowhere"
            );
        }
        for b in &map.bindings {
            assert!(!b.keys.is_empty(), "{b:?}");
            assert!(!b.desc.0.is_empty() && !b.desc.1.is_empty(), "{b:?}");
        }
        // One of each context is present, so the help overlay has no empty group.
        for c in Context::ALL {
            assert!(map.in_context(c).next().is_some(), "{c:?}");
        }
    }

    #[test]
    fn action_and_context_names_are_kebab_case() {
        assert_eq!(Action::PageDown.name(), "page-down");
        assert_eq!(Action::OpenLesson.name(), "open-lesson");
        assert_eq!(Action::PracticeSection.name(), "practice-section");
        assert_eq!(Context::Toc.name(), "toc");
        let names: Vec<String> = Action::ALL.into_iter().map(Action::name).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
    }

    #[test]
    fn key_names_parse_and_round_trip() {
        let k = |s| parse_key(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(k("j").code, Code::Char('j'));
        assert_eq!(k("ㅓ").code, Code::Char('j'), "jamo act as their Latin key");
        assert_eq!(k("G").code, Code::Char('G'));
        assert_eq!(k("Space").code, Code::Char(' '));
        assert_eq!(k("pagedown").code, Code::PageDown);
        assert_eq!(k("ESC").code, Code::Esc);
        assert_eq!(k("F12").code, Code::F(12));
        assert_eq!(
            k("Ctrl-F"),
            Key {
                code: Code::Char('f'),
                ctrl: true
            }
        );
        assert_eq!(
            k("Ctrl-F3"),
            Key {
                code: Code::F(3),
                ctrl: true
            }
        );
        assert_eq!(k("-").code, Code::Char('-'));
        for bad in ["", "Ctrl-", "F0", "F99", "PgDown", "jj", "Hyper-x"] {
            assert_eq!(parse_key(bad), None, "{bad}");
        }
        for b in &Keymap::default().bindings {
            for key in &b.keys {
                assert_eq!(parse_key(&key_spec(key)), Some(*key));
            }
        }
    }

    #[test]
    fn user_override_replaces_one_action_and_leaves_the_rest() {
        let user = r#"
bindings = [
  { context = "reader", on = ["x", "F5"], run = "down" },
]
"#;
        let (map, applied, problems) = apply_user(Keymap::default(), user);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(applied, 1);
        let down = |c| map.lookup(&[Context::Reader], ev(c));
        assert_eq!(down(Code::Char('x')), Some(Action::Down));
        assert_eq!(down(Code::F(5)), Some(Action::Down));
        assert_eq!(down(Code::Char('j')), None, "the old keys are replaced");
        assert_eq!(down(Code::Down), None);
        // Everything else is untouched, in this and other contexts.
        assert_eq!(down(Code::Char('k')), Some(Action::Up));
        assert_eq!(
            map.lookup(&[Context::Home], ev(Code::Char('j'))),
            Some(Action::Down)
        );
        let changed: Vec<&Binding> = map
            .bindings
            .iter()
            .zip(&Keymap::default().bindings)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a)
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert_eq!(
            changed[0].desc.0, "한 줄 아래로",
            "desc kept when not given"
        );
    }

    #[test]
    fn user_keys_are_taken_from_other_actions_of_the_context() {
        let user = "bindings = [ { context = \"reader\", on = [\"q\"], run = \"help\", desc_en = \"Keys\" } ]";
        let (map, _, problems) = apply_user(Keymap::default(), user);
        assert!(problems.is_empty(), "{problems:?}");
        let q = ev(Code::Char('q'));
        assert_eq!(map.lookup(&[Context::Reader], q), Some(Action::Help));
        assert_eq!(
            map.lookup(&[Context::Reader], ev(Code::Esc)),
            Some(Action::Back),
            "Back keeps its other keys"
        );
        assert_eq!(map.lookup(&[Context::Home], q), Some(Action::Quit));
        let added = map.bindings.last().unwrap();
        assert_eq!(
            (added.context, added.action, added.desc.1.as_str()),
            (Context::Reader, Action::Help, "Keys")
        );
    }

    #[test]
    fn unknown_action_is_reported_with_its_line_and_a_suggestion() {
        let user = "# my keys\nbindings = [\n  { context = \"reader\", on = [\"x\"], run = \"dwon\" },\n  { context = \"home\", on = [\"z\"], run = \"review\" },\n]\n";
        let (map, applied, problems) = apply_user(Keymap::default(), user);
        assert_eq!(applied, 1, "the good entry still applies");
        assert_eq!(
            problems,
            vec![KeyProblem {
                line: 3,
                kind: ProblemKind::UnknownAction("dwon".into(), Some("down".into()))
            }]
        );
        let msg = problems[0].display(Path::new("/c/keymap.toml"), Lang::En);
        assert_eq!(
            msg,
            "/c/keymap.toml:3: unknown action (run) `dwon`; did you mean `down`?"
        );
        assert_eq!(
            problems[0].message(Lang::Ko),
            "알 수 없는 동작(run)이에요: `dwon`. 혹시 `down`인가요?"
        );
        assert_eq!(
            map.lookup(&[Context::Reader], ev(Code::Char('j'))),
            Some(Action::Down),
            "defaults intact for the skipped entry"
        );
        assert_eq!(
            map.lookup(&[Context::Home], ev(Code::Char('z'))),
            Some(Action::Review)
        );
    }

    #[test]
    fn bad_context_and_key_names_are_reported_per_line() {
        let user = "bindings = [\n{ context = \"raeder\", on = [\"x\"], run = \"down\" },\n{ context = \"reader\", on = [\"x\", \"Hyper-y\"], run = \"down\" },\n]";
        let (map, applied, problems) = apply_user(Keymap::default(), user);
        assert_eq!(applied, 0);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 2);
        assert!(matches!(&problems[0].kind, ProblemKind::UnknownContext(c) if c == "raeder"));
        assert_eq!(problems[1].line, 3);
        assert!(matches!(&problems[1].kind, ProblemKind::UnknownKey(k) if k == "Hyper-y"));
        assert_eq!(map, Keymap::default());
    }

    #[test]
    fn a_toml_error_ignores_the_file_and_names_the_line() {
        let user = "bindings = [\n  { context = \"reader\", on = [\"x\"], run = \"down\" },\n  { context = \"reader\" on = [\"y\"] },\n]\n";
        let (map, applied, problems) = apply_user(Keymap::default(), user);
        assert_eq!((applied, problems.len()), (0, 1), "{problems:?}");
        assert_eq!(problems[0].line, 3);
        assert!(matches!(problems[0].kind, ProblemKind::Syntax(_)));
        assert_eq!(map, Keymap::default(), "defaults intact");
        // A misspelt field is a shape error, also with its line.
        let typo = "bindings = [\n  { context = \"reader\", keys = [\"x\"], run = \"down\" },\n]\n";
        let (_, _, problems) = apply_user(Keymap::default(), typo);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2, "{problems:?}");
    }

    #[test]
    fn load_reads_the_config_dir_and_reports_problems() {
        let dir = tempfile::tempdir().unwrap();
        let (map, report) = load(Some(dir.path()));
        assert_eq!(map, Keymap::default());
        assert!(!report.found && report.problems.is_empty());
        assert_eq!(report.warning(Lang::Ko), None);

        std::fs::write(
            dir.path().join(FILE_NAME),
            "bindings = [ { context = \"global\", run = \"help\", on = [\"F1\", \"h\"] },\n { context = \"home\", run = \"nope\", on = [\"n\"] } ]\n",
        )
        .unwrap();
        let (map, report) = load(Some(dir.path()));
        assert!(report.found);
        assert_eq!(report.applied, 1);
        assert_eq!(
            map.lookup(&[Context::Practice], ev(Code::Char('h'))),
            Some(Action::Help)
        );
        let warning = report.warning(Lang::En).unwrap();
        assert!(
            warning.contains("keymap.toml:2: unknown action (run) `nope`"),
            "{warning}"
        );
    }

    #[test]
    fn config_dir_prefers_non_empty_env_value() {
        assert_eq!(
            config_dir_from(Some("/tmp/gureum-cfg".into())),
            Some(PathBuf::from("/tmp/gureum-cfg"))
        );
        let platform =
            directories::ProjectDirs::from("", "", "gureum").map(|p| p.config_dir().to_path_buf());
        assert_eq!(config_dir_from(Some(OsString::new())), platform);
        assert_eq!(config_dir_from(None), platform);
    }
}
