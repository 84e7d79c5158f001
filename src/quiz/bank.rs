//! Loading question banks from the embedded `quizzes/` or a user's folder. A broken file is
//! reported with its file and line and left out; the other banks still load.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::PathBuf;

use include_dir::{Dir, include_dir};

use super::format::{BankFile, FORMAT_VERSION, Question};
use crate::lesson::{Problem, ProblemKind};

static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/quizzes");

/// Where banks come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankSource {
    /// The banks compiled into the binary.
    Embedded,
    /// A folder of `*.toml` banks.
    Dir(PathBuf),
}

/// A question with where it was defined.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The question.
    pub question: Question,
    /// Bank file name.
    pub file: String,
    /// 1-based line of its `[[question]]` header.
    pub line: usize,
}

/// Every loaded question.
#[derive(Debug, Clone, Default)]
pub struct Bank {
    /// Questions in file order (files sorted by name).
    pub entries: Vec<Entry>,
    /// Problems met while loading (whole files left out, duplicate ids dropped).
    pub problems: Vec<Problem>,
    /// Per bank file: the misconception tags its `[misconceptions.TAG]` tables label.
    pub labels: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

impl Bank {
    /// Loads every `*.toml` bank from `source`.
    pub fn load(source: &BankSource) -> Self {
        let mut files: Vec<(String, Cow<'static, str>)> = Vec::new();
        let mut bank = Bank::default();
        match source {
            BankSource::Embedded => {
                for f in EMBEDDED.files() {
                    let name = f.path().to_string_lossy().into_owned();
                    if let (true, Some(text)) = (is_bank(&name), f.contents_utf8()) {
                        files.push((name, Cow::Borrowed(text)));
                    }
                }
            }
            BankSource::Dir(dir) => match std::fs::read_dir(dir) {
                Ok(entries) => {
                    for e in entries.flatten() {
                        let name = e.file_name().to_string_lossy().into_owned();
                        if !is_bank(&name) {
                            continue;
                        }
                        match std::fs::read_to_string(e.path()) {
                            Ok(text) => files.push((name, Cow::Owned(text))),
                            Err(err) => bank.problems.push(Problem {
                                file: name,
                                line: 0,
                                kind: ProblemKind::Io(err.to_string()),
                            }),
                        }
                    }
                }
                Err(err) => bank.problems.push(Problem {
                    file: dir.display().to_string(),
                    line: 0,
                    kind: ProblemKind::Io(err.to_string()),
                }),
            },
        }
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut ids = HashSet::new();
        for (name, text) in files {
            bank.add_file(&name, &text, &mut ids);
        }
        bank
    }

    fn add_file(&mut self, name: &str, text: &str, ids: &mut HashSet<String>) {
        let parsed: BankFile = match toml::from_str(text) {
            Ok(b) => b,
            Err(e) => {
                let line = e.span().map_or(0, |s| line_of(text, s.start));
                let msg = e
                    .message()
                    .lines()
                    .next()
                    .unwrap_or("invalid TOML")
                    .trim()
                    .to_owned();
                // Valid TOML with a bad question: read the questions one by one, so that
                // `gureum check` reports every bad one and still checks the good ones.
                if let Ok(table) = toml::from_str::<toml::Table>(text)
                    && self.add_each(name, text, &table, ids) > 0
                {
                    return;
                }
                self.problems.push(Problem {
                    file: name.into(),
                    line,
                    kind: ProblemKind::Toml(msg),
                });
                return;
            }
        };
        if parsed.format_version > FORMAT_VERSION {
            self.problems.push(Problem {
                file: name.into(),
                line: 1,
                kind: ProblemKind::Message {
                    ko: format!(
                        "format_version {}은 이 gureum이 읽을 수 없는 새 형식이에요 (최대 {FORMAT_VERSION}). gureum을 업데이트해 주세요",
                        parsed.format_version
                    ),
                    en: format!(
                        "format_version {} is newer than this gureum reads ({FORMAT_VERSION}); update gureum",
                        parsed.format_version
                    ),
                },
            });
            return;
        }
        self.labels
            .insert(name.into(), parsed.misconceptions.keys().cloned().collect());
        let headers = question_lines(text);
        for (i, question) in parsed.question.into_iter().enumerate() {
            let line = headers.get(i).copied().unwrap_or(0);
            self.add_question(name, line, question, ids);
        }
    }

    /// Adds the questions of `table` that deserialise, reports each one that does not (at its
    /// `[[question]]` line) and returns how many were reported.
    fn add_each(
        &mut self,
        name: &str,
        text: &str,
        table: &toml::Table,
        ids: &mut HashSet<String>,
    ) -> usize {
        let headers = question_lines(text);
        let Some(questions) = table.get("question").and_then(toml::Value::as_array) else {
            return 0;
        };
        let mut bad = 0;
        for (i, value) in questions.iter().enumerate() {
            let line = headers.get(i).copied().unwrap_or(0);
            match value.clone().try_into::<crate::quiz::Question>() {
                Ok(question) => self.add_question(name, line, question, ids),
                Err(e) => {
                    bad += 1;
                    let msg = e.message().lines().next().unwrap_or("invalid").trim();
                    let id = value.get("id").and_then(toml::Value::as_str).unwrap_or("?");
                    self.problems.push(Problem {
                        file: name.into(),
                        line,
                        kind: ProblemKind::Toml(format!("{id}: {msg}")),
                    });
                }
            }
        }
        bad
    }

    fn add_question(
        &mut self,
        name: &str,
        line: usize,
        question: crate::quiz::Question,
        ids: &mut HashSet<String>,
    ) {
        if !ids.insert(question.id.clone()) {
            self.problems.push(Problem {
                file: name.into(),
                line,
                kind: ProblemKind::Message {
                    ko: format!("문제 id가 겹쳐요: `{}`", question.id),
                    en: format!("duplicate question id `{}`", question.id),
                },
            });
            return;
        }
        self.entries.push(Entry {
            question,
            file: name.into(),
            line,
        });
    }

    /// Looks a question up by id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.question.id == id)
    }
}

/// The line of each `[[question]]` header, in order.
fn question_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == "[[question]]")
        .map(|(i, _)| i + 1)
        .collect()
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Every bank file's misconception labels (`[misconceptions.TAG]`) by tag, the first file by
/// name to label a tag winning: what a report shows instead of the tag. Files that do not parse
/// are left out here (`Bank::load` reports them).
pub fn misconception_labels(
    source: &BankSource,
) -> std::collections::BTreeMap<String, crate::quiz::format::Label> {
    #[derive(serde::Deserialize)]
    struct Labels {
        #[serde(default)]
        misconceptions: std::collections::BTreeMap<String, crate::quiz::format::Label>,
    }
    let mut files: Vec<(String, Cow<'static, str>)> = Vec::new();
    match source {
        BankSource::Embedded => {
            for f in EMBEDDED.files() {
                let name = f.path().to_string_lossy().into_owned();
                if let (true, Some(text)) = (is_bank(&name), f.contents_utf8()) {
                    files.push((name, Cow::Borrowed(text)));
                }
            }
        }
        BankSource::Dir(dir) => {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if is_bank(&name)
                    && let Ok(text) = std::fs::read_to_string(e.path())
                {
                    files.push((name, Cow::Owned(text)));
                }
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = std::collections::BTreeMap::new();
    for (_, text) in files {
        if let Ok(parsed) = toml::from_str::<Labels>(&text) {
            for (tag, label) in parsed.misconceptions {
                out.entry(tag).or_insert(label);
            }
        }
    }
    out
}

fn is_bank(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
}
