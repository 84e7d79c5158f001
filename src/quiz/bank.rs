//! Loading question banks from the embedded `quizzes/` or a user's folder. A broken file is
//! reported with its file and line and left out; the other banks still load.

use std::borrow::Cow;
use std::collections::HashSet;
use std::path::PathBuf;

use serde::Deserialize;

use super::format::{BankFile, FORMAT_VERSION, Question};
use crate::lesson::{Problem, ProblemKind};

/// The shipped banks, glossary and callouts as compiled by `build.rs` (JSON of the same structs,
/// decoded without the TOML parser).
pub(crate) mod compiled {
    include!(concat!(env!("OUT_DIR"), "/compiled.rs"));
}

/// One compiled bank file (see `build.rs`).
#[derive(Deserialize)]
struct CompiledBank {
    /// Line of each `[[question]]` header.
    lines: Vec<usize>,
    bank: BankFile,
}

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
                // Compiled at build time, already sorted by name; a file that did not parse
                // there is parsed here, to report its problems like a user's file.
                let mut ids = HashSet::new();
                for &(name, json, toml) in compiled::BANKS {
                    match serde_json::from_str::<CompiledBank>(json) {
                        Ok(c) => bank.add_parsed(name, c.bank, &c.lines, &mut ids),
                        Err(_) => bank.add_file(name, toml, &mut ids),
                    }
                }
                return bank;
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
        self.add_parsed(name, parsed, &question_lines(text), ids);
    }

    /// Adds a parsed bank file whose `[[question]]` headers are at `headers`.
    fn add_parsed(
        &mut self,
        name: &str,
        parsed: BankFile,
        headers: &[usize],
        ids: &mut HashSet<String>,
    ) {
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
        self.entries.reserve(parsed.question.len());
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

/// Banks loading off the UI thread: a user's `--quiz-dir` is parsed as TOML (5,900 questions
/// take ~120 ms and a 30 MiB high-water mark), so the UI can start this after its first frame and
/// take the banks when [`BankLoader::try_take`] has them, showing a loading line meanwhile. The
/// shipped banks are compiled (a few milliseconds to decode), so they load at once, on the
/// calling thread: no thread, and no thread arena keeping freed memory.
#[derive(Debug)]
pub struct BankLoader(std::sync::mpsc::Receiver<Bank>);

impl BankLoader {
    /// Starts loading `source`.
    pub fn start(source: BankSource) -> Self {
        if source != BankSource::Embedded {
            return Self::start_thread(source);
        }
        let (tx, rx) = std::sync::mpsc::channel();
        let _ = tx.send(Bank::load(&source));
        Self(rx)
    }

    /// Starts loading `source` on a thread, the compiled banks too (the app's run loop: the
    /// first key after the first frame does not wait for their decoding).
    pub fn start_thread(source: BankSource) -> Self {
        Self::start_thread_then(source, || {})
    }

    /// Like [`BankLoader::start_thread`], then runs `then` on the same thread (other start-up
    /// loading: one thread at a time keeps one allocator arena, not one per thread).
    pub fn start_thread_then(source: BankSource, then: impl FnOnce() + Send + 'static) -> Self {
        let (tx, rx) = std::sync::mpsc::channel();
        let again = source.clone();
        let sender = tx.clone();
        let spawned = std::thread::Builder::new()
            .name("gureum-banks".into())
            .spawn(move || {
                let _ = sender.send(Bank::load(&source));
                then();
            });
        if spawned.is_err() {
            let _ = tx.send(Bank::load(&again));
        }
        Self(rx)
    }

    /// The banks, once loaded (then `None` again: they are handed over once).
    pub fn try_take(&self) -> Option<Bank> {
        self.0.try_recv().ok()
    }

    /// Waits for the banks (e.g. when the user starts practice before they arrive).
    pub fn wait(self) -> Bank {
        self.0.recv().unwrap_or_default()
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
            // The compiled banks carry their labels; only a file that did not compile is TOML.
            let mut out = std::collections::BTreeMap::new();
            for &(_, json, toml) in compiled::BANKS {
                let labels = match serde_json::from_str::<CompiledBank>(json) {
                    Ok(c) => c.bank.misconceptions,
                    Err(_) => toml::from_str::<Labels>(toml)
                        .map(|l| l.misconceptions)
                        .unwrap_or_default(),
                };
                for (tag, label) in labels {
                    out.entry(tag).or_insert(label);
                }
            }
            return out;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The compiled banks are the TOML parse: same files, questions, ids, lines, order, labels.
    #[test]
    fn compiled_banks_equal_the_toml_parse() {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("quizzes");
        let toml = Bank::load(&BankSource::Dir(dir));
        let compiled = Bank::load(&BankSource::Embedded);
        assert!(compiled::BANKS.iter().all(|(_, json, _)| !json.is_empty()));
        assert!(toml.entries.len() > 500, "{}", toml.entries.len());
        assert_eq!(compiled.entries.len(), toml.entries.len());
        for (c, t) in compiled.entries.iter().zip(&toml.entries) {
            assert_eq!((&c.file, c.line), (&t.file, t.line));
            assert_eq!(c.question, t.question, "{}", t.question.id);
        }
        assert_eq!(compiled.labels, toml.labels);
        assert_eq!(compiled.problems.len(), toml.problems.len());
    }

    #[test]
    fn the_loader_hands_over_the_banks_of_either_source() {
        let embedded = BankLoader::start(BankSource::Embedded);
        let bank = embedded.try_take().expect("the shipped banks load at once");
        assert_eq!(
            bank.entries.len(),
            Bank::load(&BankSource::Embedded).entries.len()
        );
        assert!(embedded.try_take().is_none());
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("quizzes");
        let bank = BankLoader::start(BankSource::Dir(dir)).wait();
        assert!(bank.entries.len() > 500 && bank.problems.is_empty());
    }
}
