//! The learner's progress: which lessons were read and where each was left, settings, every
//! answer, review cards, mock exams (the running one and the finished ones) and the
//! simulations tried.
//!
//! # Location
//!
//! Progress lives in one `SQLite` database, `progress.db`, inside `$GUREUM_DATA_DIR` when that
//! variable is set and non-empty, else inside the platform data directory
//! (`~/.local/share/gureum` on Linux, `~/Library/Application Support/gureum` on macOS,
//! `%APPDATA%\gureum\data` on Windows). If neither can be found the store lives in memory only
//! and says so with a [`Notice`]; the app never fails to start because of its progress.
//!
//! # Writes
//!
//! The app changes progress only through [`Store`] methods, and each method is one
//! transaction, committed before it returns: an answer is on disk once it is given, in
//! practice, review and exams alike. The database runs in WAL mode with `synchronous=FULL`, so
//! a commit survives `kill -9` and power loss, and several windows (processes) can write at
//! once: each waits up to [`BUSY_TIMEOUT`] for the others. Nothing is rewritten wholesale, so
//! no window loses what another wrote: answers are appended rows; lessons, cards, settings and
//! tried simulations are rows updated one by one (a lesson's `read` and `percent` never go
//! down). A write that fails (disk full, a window holding the lock too long) keeps the change
//! in memory, leaves the store dirty and is tried again before the next write; [`Store::save`]
//! retries it and returns the error.
//!
//! The running exam is one row owned by the window that started or last resumed it (a token
//! of the process id, the time the store was opened and a counter): a window that resumes an exam takes it over on its first
//! change, and the other window's later saves of that exam are refused
//! ([`StoreError::ExamElsewhere`]) rather than overwrite it.
//!
//! # Schema (version [`SCHEMA_VERSION`], in `PRAGMA user_version`)
//!
//! | table | rows |
//! | --- | --- |
//! | `lesson (id, read, scroll, percent)` | one per lesson opened: reading position |
//! | `state (key, value)` | `last_lesson`: the lesson to resume |
//! | `setting (key, value)` | one per [`Settings`] field, the value as JSON |
//! | `answer (id, question, at, correct, chosen, time_ms)` | every answer, appended; `chosen` is a JSON array of choice ids |
//! | `card (question, due, stability_milli, difficulty_milli, reps, lapses, state, last_review)` | FSRS review state per question (schema 2; schema 1 held SM-2 values) |
//! | `exam_attempt (id, exam, started, seconds, correct, total)` | every finished mock exam's score |
//! | `running_exam (slot = 1, ident, owner, saved_at, state)` | the exam in progress: `state` is the [`ExamState`] JSON |
//! | `finished_exam (id, finished_at, state)` | every finished exam's final state (for `gureum results export --exam`) |
//! | `tried_sim (id, at)` | simulations run at least once |
//! | `passed_challenge (id, at)` | simulations whose challenge was passed (schema 3; schema 2 kept them as `tried_sim` rows `passed:<id>`) |
//! | `kept_field (key, value)` | top-level fields of the imported `progress.json` this build did not know |
//!
//! Times are Unix seconds (exam states keep their own milliseconds). The store never reads a
//! clock: it is opened at a time ([`Store::open_in`]; the name of a file moved aside, the
//! stamps of an import) and stamps rows with the time its owner last gave it
//! ([`Store::set_now`], once per loop turn or command; see [`crate::clock`]). A database of an older
//! version is migrated in one transaction ([`schema`]'s `MIGRATIONS`, one step per version).
//! A database of a *newer* version is never written: its data is read as far as possible into
//! a read-only store and [`Notice::NewerVersion`] says so.
//!
//! # Importing `progress.json`
//!
//! Before `SQLite`, progress was one JSON file (format [`FORMAT_VERSION`], whose `extra` map held
//! `current_exam`, `finished_exams` and `tried_sims`). When `progress.db` does not exist and
//! `progress.json` does, the file is imported in the transaction that creates the database and
//! is then renamed to `progress.json.imported` (never deleted); `.progress.json.tmp-*` files
//! left by killed saves are removed. A JSON file of a newer format is not imported: the store
//! opens it read-only, as above.
//!
//! # Damaged files
//!
//! A database `SQLite` cannot read ("file is not a database", a corrupt page), like a JSON file
//! that is empty, not UTF-8, not JSON or of the wrong shape, is never deleted: it is renamed to
//! `<name>.corrupt-<unix-seconds>` (with its `-wal` and `-shm` files) and the store starts
//! fresh, reporting [`Notice::MovedAside`]. A file that cannot be read at all (permissions, a
//! directory in its place) opens the store read-only with [`Notice::Unreadable`].

mod format;
mod fsio;
mod schema;

use std::cell::RefCell;
use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, Transaction, TransactionBehavior};

pub use format::{
    AnswerLog, CardState, ExamAttempt, FORMAT_VERSION, LessonProgress, Progress, Settings, migrate,
};
use format::{Decoded, LegacyFile, decode};
pub use schema::SCHEMA_VERSION;
use schema::{Op, OpError};

use crate::clock::UnixMillis;
use crate::quiz::exam::ExamState;

/// Environment variable that overrides the data directory.
pub const ENV_DATA_DIR: &str = "GUREUM_DATA_DIR";

/// Name of the database inside the data directory.
pub const DB_NAME: &str = "progress.db";

/// Name of the JSON progress file of earlier builds (imported once, then renamed).
pub const FILE_NAME: &str = "progress.json";

/// Suffix added to `progress.json` once it is imported.
pub const IMPORTED_SUFFIX: &str = ".imported";

/// How long a write waits for another window's transaction before it fails.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Something the user should be told about the store (e.g. a corrupt file moved aside).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be read and was moved to the given path; the store started fresh.
    MovedAside {
        /// Where the file was.
        from: PathBuf,
        /// Where it is now.
        to: PathBuf,
        /// Why it could not be read (the parse error).
        reason: String,
    },
    /// The file was made by a newer gureum; it was opened read-only and will not be saved.
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The format (JSON) or schema (database) version found in it.
        found: u64,
        /// The newest version this build supports.
        supported: u64,
    },
    /// The file exists but could not be read or moved aside; opened read-only.
    Unreadable {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// No data directory could be found; progress is kept in memory only.
    NotSaved {
        /// Why there is no directory.
        reason: String,
    },
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// I/O failed.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory involved.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The database failed.
    #[error("{path}: {source}")]
    Sql {
        /// The database.
        path: PathBuf,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The store was opened read-only (newer or unreadable file), so nothing was written.
    #[error("{path}: opened read-only to protect the file; progress was not saved")]
    ReadOnly {
        /// The protected file.
        path: PathBuf,
    },
    /// Another window resumed the running exam; this window's copy was not saved over it.
    #[error(
        "the mock exam continues in another window; this window's changes to it were not saved"
    )]
    ExamElsewhere,
}

/// How the store's database may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The file: load and write normally.
    Writable,
    /// An in-memory copy of a file that must not be written (newer or unreadable).
    ReadOnly,
    /// In memory only (tests, snapshots, no data directory).
    Memory,
}

/// The progress store: the database and an in-memory copy of everything but the history.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    mode: Mode,
    conn: Connection,
    data: Progress,
    /// This window's token, owner of the running exam it starts or resumes.
    owner: String,
    /// The [`schema::exam_ident`] of the running exam this window saved last (its own).
    exam_owned: Option<String>,
    /// Changes not yet written (a write failed), oldest first, and the last error.
    pending: RefCell<(Vec<Op>, Option<StoreError>)>,
    /// `PRAGMA data_version` when the model was last read: it changes when another connection
    /// (another window) commits.
    seen: Option<i64>,
    /// The time rows written now are stamped with (see [`Store::set_now`]).
    now: UnixMillis,
}

/// Resolves the data directory: a non-empty `env_value` (the value of [`ENV_DATA_DIR`]) wins,
/// else the platform data directory, else `None`.
pub fn data_dir_from(env_value: Option<OsString>) -> Option<PathBuf> {
    match env_value {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => directories::ProjectDirs::from("", "", "gureum").map(|p| p.data_dir().to_path_buf()),
    }
}

/// What opening the database file found.
enum Opened {
    Ok(Connection, Progress, bool),
    Newer(u64, Progress),
}

impl Store {
    /// Opens the store in `GUREUM_DATA_DIR` or the platform data directory at time `now`; in
    /// memory, with a [`Notice::NotSaved`], if there is neither.
    pub fn open_default(now: UnixMillis) -> Result<(Self, Vec<Notice>), StoreError> {
        if let Some(dir) = data_dir_from(std::env::var_os(ENV_DATA_DIR)) {
            Self::open_in(&dir, now)
        } else {
            let reason = "no home or data directory found".to_owned();
            let mut store = Self::in_memory(Progress::default());
            store.set_now(now);
            Ok((store, vec![Notice::NotSaved { reason }]))
        }
    }

    /// Opens (or creates) the database in `dir` at time `now`, creating `dir` if needed and
    /// importing `progress.json` if the database is new.
    ///
    /// Problems with the files become [`Notice`]s (see the module docs), never a lost file;
    /// a file moved aside is named after `now`.
    pub fn open_in(dir: &Path, now: UnixMillis) -> Result<(Self, Vec<Notice>), StoreError> {
        let db = dir.join(DB_NAME);
        let json = dir.join(FILE_NAME);
        let mut notices = Vec::new();
        let mut import = None;
        if std::fs::symlink_metadata(&db).is_err() {
            match read_json(&json, now) {
                JsonFile::Missing => {}
                JsonFile::Current(file) => import = Some(file),
                JsonFile::Refused(notice, progress) => {
                    return Ok((Self::read_only(&json, progress), vec![notice]));
                }
                JsonFile::MovedAside(notice) => notices.push(notice),
            }
        }
        let fallback = |import: Option<&LegacyFile>| {
            import.map_or_else(Progress::default, |f| f.model(&f.clone().take_extras()))
        };
        if let Err(e) = std::fs::create_dir_all(dir) {
            let notice = Notice::Unreadable {
                path: dir.to_path_buf(),
                reason: e.to_string(),
            };
            notices.push(notice);
            return Ok((Self::read_only(&db, fallback(import.as_ref())), notices));
        }
        let mut opened = open_file(&db, import.as_ref(), now);
        if let Err(e) = &opened
            && is_corrupt(e)
        {
            match move_db_aside(&db, now) {
                Ok(to) => {
                    notices.push(Notice::MovedAside {
                        from: db.clone(),
                        to,
                        reason: e.to_string(),
                    });
                    opened = open_file(&db, import.as_ref(), now);
                }
                Err(io) => {
                    notices.push(Notice::Unreadable {
                        path: db.clone(),
                        reason: format!("{e}; could not move it aside: {io}"),
                    });
                    return Ok((Self::read_only(&db, fallback(import.as_ref())), notices));
                }
            }
        }
        match opened {
            Ok(Opened::Ok(conn, data, imported)) => {
                if imported {
                    finish_import(dir, &json);
                }
                let seen = data_version(&conn);
                let store = Self {
                    path: db,
                    mode: Mode::Writable,
                    conn,
                    data,
                    owner: window_token(now),
                    exam_owned: None,
                    pending: RefCell::default(),
                    seen,
                    now,
                };
                Ok((store, notices))
            }
            Ok(Opened::Newer(found, data)) => {
                notices.push(Notice::NewerVersion {
                    path: db.clone(),
                    found,
                    supported: SCHEMA_VERSION,
                });
                Ok((Self::read_only(&db, data), notices))
            }
            Err(e) => {
                notices.push(Notice::Unreadable {
                    path: db.clone(),
                    reason: e.to_string(),
                });
                Ok((Self::read_only(&db, fallback(import.as_ref())), notices))
            }
        }
    }

    /// A store in memory only (tests, snapshots, no data directory): it works in full but
    /// nothing reaches a file. Its time is the epoch until [`Store::set_now`].
    pub fn in_memory(data: Progress) -> Self {
        Self::memory(PathBuf::new(), Mode::Memory, data)
    }

    /// An in-memory copy of the file at `path`, which is never written.
    fn read_only(path: &Path, data: Progress) -> Self {
        Self::memory(path.to_path_buf(), Mode::ReadOnly, data)
    }

    fn memory(path: PathBuf, mode: Mode, data: Progress) -> Self {
        let conn = Connection::open_in_memory().expect("SQLite opens an in-memory database");
        schema::migrate(&conn, None, UnixMillis::default())
            .expect("the schema applies to an empty database");
        let mut store = Self {
            path,
            mode,
            conn,
            data: Progress::default(),
            owner: window_token(UnixMillis::default()),
            exam_owned: None,
            pending: RefCell::default(),
            seen: None,
            now: UnixMillis::default(),
        };
        store.seed(data);
        store
    }

    /// Writes `data` into a fresh in-memory database and keeps it as the model.
    fn seed(&mut self, data: Progress) {
        let mut ops: Vec<Op> = data
            .lessons
            .iter()
            .map(|(id, l)| Op::Lesson(id.clone(), l.clone(), true))
            .collect();
        ops.extend(data.last_lesson.clone().map(Op::LastLesson));
        ops.push(Op::Settings(schema::settings_map(&data.settings)));
        ops.extend(
            data.cards
                .iter()
                .map(|(q, c)| Op::Card(q.clone(), c.clone())),
        );
        ops.extend(data.tried_sims.iter().cloned().map(Op::TriedSim));
        ops.extend(data.passed_sims.iter().cloned().map(Op::PassedSim));
        if let Some(state) = &data.current_exam
            && let Ok(json) = state.to_json()
        {
            ops.push(Op::SaveExam {
                ident: schema::exam_ident(state),
                json,
                claim: true,
            });
        }
        // Attempts go straight in: `FinishExam` would also record a finished state.
        let attempts = data.exams.clone();
        self.write(ops);
        for e in attempts {
            let _ = self.conn.execute(
                "INSERT INTO exam_attempt (exam, started, seconds, correct, total)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![
                    e.exam,
                    i64::try_from(e.started).unwrap_or(i64::MAX),
                    i64::try_from(e.seconds).unwrap_or(i64::MAX),
                    e.correct,
                    e.total
                ],
            );
        }
        self.data = data;
    }

    /// Sets the time the next writes are stamped with (the time of the caller's loop turn or
    /// command: the store never reads a clock).
    pub fn set_now(&mut self, now: UnixMillis) {
        self.now = now;
    }

    /// The time the store was last given (at opening or by [`Store::set_now`]).
    pub fn now(&self) -> UnixMillis {
        self.now
    }

    /// The database file (empty for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current data (everything but the history: see [`Store::answers`]).
    pub fn progress(&self) -> &Progress {
        &self.data
    }

    /// Reads the model again from the database, picking up other windows' changes.
    pub fn reload(&mut self) -> Result<(), StoreError> {
        let seen = data_version(&self.conn);
        self.data = schema::load(&self.conn).map_err(|e| self.sql(e))?;
        self.seen = seen;
        Ok(())
    }

    /// Reads the model again if another window (process) committed a change since it was last
    /// read; returns whether the model changed. Cheap when nothing changed (one `PRAGMA data_version`), so
    /// the UI calls it once per loop turn to show the other window's progress. Does nothing for
    /// a store in memory or read-only, or while a change of this window waits to be written
    /// (it is in the model, not yet in the database).
    pub fn refresh_if_changed(&mut self) -> bool {
        if self.mode != Mode::Writable || self.is_dirty() {
            return false;
        }
        let now = data_version(&self.conn);
        if now.is_none() || now == self.seen {
            return false;
        }
        match schema::load(&self.conn) {
            Ok(data) => {
                self.seen = now;
                let changed = data != self.data;
                self.data = data;
                changed
            }
            Err(_) => false,
        }
    }

    /// Whether writes are refused to protect the file (newer version or unreadable).
    pub fn is_read_only(&self) -> bool {
        self.mode == Mode::ReadOnly
    }

    /// Whether some change could not be written yet (see [`Store::save`]).
    pub fn is_dirty(&self) -> bool {
        let pending = self.pending.borrow();
        !pending.0.is_empty() || pending.1.is_some()
    }

    /// Progress of lesson `id`, if it was ever opened.
    pub fn lesson(&self, id: &str) -> Option<&LessonProgress> {
        self.data.lessons.get(id)
    }

    /// Whether lesson `id` was read to the end at least once.
    pub fn is_read(&self, id: &str) -> bool {
        self.lesson(id).is_some_and(|l| l.read)
    }

    /// Records where lesson `id` was left: top `line`, and `percent` seen (clamped to 100;
    /// the most seen is kept).
    pub fn set_scroll(&mut self, id: &str, line: usize, percent: u8) {
        let percent = percent.min(100);
        self.update_lesson(id, |l| {
            l.scroll = line;
            l.percent = l.percent.max(percent);
        });
    }

    /// Marks lesson `id` as read to the end (100% seen); returns whether it was not before.
    pub fn mark_read(&mut self, id: &str) -> bool {
        let was = self.is_read(id);
        self.update_lesson(id, |l| {
            l.read = true;
            l.percent = 100;
        });
        !was
    }

    /// Remembers `id` as the lesson to resume ("이어 읽기").
    pub fn set_last_lesson(&mut self, id: &str) {
        self.refresh_if_changed();
        if self.data.last_lesson.as_deref() != Some(id) {
            self.data.last_lesson = Some(id.to_owned());
            self.write(vec![Op::LastLesson(id.to_owned())]);
        }
    }

    /// Applies `change` to lesson `id` (creating it) and writes the row if anything changed.
    fn update_lesson(&mut self, id: &str, change: impl FnOnce(&mut LessonProgress)) {
        self.refresh_if_changed();
        let entry = self.data.lessons.entry(id.to_owned());
        let is_new = matches!(entry, std::collections::btree_map::Entry::Vacant(_));
        let lesson = entry.or_default();
        let before = lesson.clone();
        change(lesson);
        if is_new || *lesson != before {
            let scroll = is_new || lesson.scroll != before.scroll;
            let op = Op::Lesson(id.to_owned(), lesson.clone(), scroll);
            self.write(vec![op]);
        }
    }

    /// Changes the settings with `change` and writes the ones that changed.
    pub fn update_settings(&mut self, change: impl FnOnce(&mut Settings)) {
        self.refresh_if_changed();
        let before = schema::settings_map(&self.data.settings);
        change(&mut self.data.settings);
        let mut after = schema::settings_map(&self.data.settings);
        after.retain(|k, v| before.get(k) != Some(v));
        if !after.is_empty() {
            self.write(vec![Op::Settings(after)]);
        }
    }

    /// Logs an answer and its review card: `reschedule` gets the card as stored now (another
    /// window may have moved it) and returns the new one, if any. Committed before returning.
    pub fn record_answer(
        &mut self,
        log: AnswerLog,
        reschedule: impl FnOnce(Option<&CardState>) -> Option<CardState>,
    ) {
        let stored = schema::card(&self.conn, &log.question)
            .ok()
            .flatten()
            .or_else(|| self.data.cards.get(&log.question).cloned());
        let card = reschedule(stored.as_ref());
        if let Some(card) = &card {
            self.data.cards.insert(log.question.clone(), card.clone());
        }
        self.write(vec![Op::Answer(log, card)]);
    }

    /// Replaces the review card of `question` (e.g. a scheduler's correction).
    pub fn set_card(&mut self, question: &str, card: CardState) {
        self.data.cards.insert(question.to_owned(), card.clone());
        self.write(vec![Op::Card(question.to_owned(), card)]);
    }

    /// Every answer ever logged, oldest first (from the database: all windows' answers).
    pub fn answers(&self) -> Result<Vec<AnswerLog>, StoreError> {
        schema::answers(&self.conn).map_err(|e| self.sql(e))
    }

    /// The mock exam in progress, if any.
    pub fn running_exam(&self) -> Option<&ExamState> {
        self.data.current_exam.as_ref()
    }

    /// Saves the running exam after a change. The first save of an exam in this window (a new
    /// one, or one resumed) takes the exam over; later saves are refused with
    /// [`StoreError::ExamElsewhere`] if another window has taken it over since.
    pub fn save_running_exam(&mut self, state: &ExamState) {
        let Ok(json) = state.to_json() else { return };
        let ident = schema::exam_ident(state);
        let claim = self.exam_owned.as_deref() != Some(ident.as_str());
        self.exam_owned = Some(ident.clone());
        self.data.current_exam = Some(state.clone());
        self.write(vec![Op::SaveExam { ident, json, claim }]);
    }

    /// The one way an exam ends: the exam screen graded `final_state` (the submitted state)
    /// and hands over `attempt` and the review grades of its questions
    /// ([`crate::quiz::exam::feed::exam_reviews`]). In one transaction the attempt and the final
    /// state are recorded, the running exam is forgotten, and every graded question is
    /// rescheduled with the learner's retention setting; wrong, unanswered and flagged
    /// questions are due at `now` (Unix seconds). Returns their ids in exam order (the results
    /// screen's "틀린 문제 N개 지금 복습").
    pub fn finish_exam_graded(
        &mut self,
        final_state: &ExamState,
        attempt: ExamAttempt,
        reviews: Vec<crate::quiz::exam::feed::ExamReview>,
        now: u64,
    ) -> Vec<String> {
        let scheduler = self.scheduler();
        let mut ops = Vec::new();
        let mut mistakes = Vec::new();
        for r in reviews {
            let stored = schema::card(&self.conn, &r.id)
                .ok()
                .flatten()
                .or_else(|| self.data.cards.get(&r.id).cloned());
            let Some(mut card) = scheduler.next(stored.as_ref(), r.grade, now) else {
                continue;
            };
            if r.is_mistake() {
                card.due = card.due.min(now);
                mistakes.push(r.id.clone());
            }
            self.data.cards.insert(r.id.clone(), card.clone());
            ops.push(Op::Card(r.id, card));
        }
        let ident = schema::exam_ident(final_state);
        let json = final_state.to_json().ok();
        self.data.current_exam = None;
        self.exam_owned = None;
        self.data.exams.push(attempt.clone());
        ops.insert(
            0,
            Op::FinishExam {
                ident,
                json,
                attempt,
            },
        );
        self.write(ops);
        mistakes
    }

    /// Abandons the running exam (`gureum exam --new`, 포기하고 새로 시작): it is forgotten
    /// without a score, as if never started.
    pub fn abandon_exam(&mut self) {
        let Some(state) = self.data.current_exam.take() else {
            return;
        };
        self.exam_owned = None;
        self.write(vec![Op::AbandonExam(schema::exam_ident(&state))]);
    }

    /// The review scheduler with the learner's retention setting and local offset.
    pub fn scheduler(&self) -> crate::quiz::review::Scheduler {
        crate::quiz::review::Scheduler::new(self.data.settings.review_retention)
    }

    /// The final states of the finished exams, oldest first (ones that no longer parse, e.g.
    /// of a newer exam format, are left out).
    pub fn finished_exams(&self) -> Result<Vec<ExamState>, StoreError> {
        let rows = schema::finished_exams(&self.conn).map_err(|e| self.sql(e))?;
        Ok(rows
            .iter()
            .filter_map(|j| ExamState::from_json(j).ok())
            .collect())
    }

    /// The simulations run at least once, sorted.
    pub fn tried_sims(&self) -> &std::collections::BTreeSet<String> {
        &self.data.tried_sims
    }

    /// Records that simulation `id` was run; returns whether it was new.
    pub fn mark_sim_tried(&mut self, id: &str) -> bool {
        self.refresh_if_changed();
        if !self.data.tried_sims.insert(id.to_owned()) {
            return false;
        }
        self.write(vec![Op::TriedSim(id.to_owned())]);
        true
    }

    /// Records that simulation `id`'s challenge was passed; returns whether it was new.
    pub fn mark_sim_passed(&mut self, id: &str) -> bool {
        self.refresh_if_changed();
        if !self.data.passed_sims.insert(id.to_owned()) {
            return false;
        }
        self.write(vec![Op::PassedSim(id.to_owned())]);
        true
    }

    /// Whether simulation `id`'s challenge was ever passed.
    pub fn sim_passed(&self, id: &str) -> bool {
        self.data.passed_sims.contains(id)
    }

    /// The simulations whose challenge was passed, sorted.
    pub fn passed_sims(&self) -> &std::collections::BTreeSet<String> {
        &self.data.passed_sims
    }

    /// Runs `ops` (after any still pending) in one transaction; on failure keeps them pending.
    fn write(&self, ops: Vec<Op>) {
        let mut pending = self.pending.borrow_mut();
        pending.0.extend(ops);
        match self.commit(&pending.0) {
            Ok(()) => {
                pending.0.clear();
                if self.mode == Mode::ReadOnly {
                    pending.1 = Some(StoreError::ReadOnly {
                        path: self.path.clone(),
                    });
                }
            }
            Err(OpError::ExamElsewhere) => {
                // Not retried: the other window's exam stays as it is.
                pending.0.retain(|op| !matches!(op, Op::SaveExam { .. }));
                let retry = self.commit(&pending.0);
                pending.1 = Some(StoreError::ExamElsewhere);
                if let Err(OpError::Sql(e)) = retry {
                    pending.1 = Some(self.sql(e));
                } else {
                    pending.0.clear();
                }
            }
            Err(OpError::Sql(e)) => pending.1 = Some(self.sql(e)),
        }
    }

    fn commit(&self, ops: &[Op]) -> Result<(), OpError> {
        if ops.is_empty() {
            return Ok(());
        }
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        for op in ops {
            op.run(&tx, &self.owner, self.now)?;
        }
        tx.commit()?;
        Ok(())
    }

    fn sql(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sql {
            path: self.path.clone(),
            source,
        }
    }

    /// Writes what is still pending and reports the last write error since the previous call
    /// (every change is already committed when it is made, so normally this does nothing).
    ///
    /// An in-memory store never fails; a read-only one returns [`StoreError::ReadOnly`] once
    /// anything was changed.
    pub fn save(&self) -> Result<(), StoreError> {
        self.write(Vec::new());
        let mut pending = self.pending.borrow_mut();
        if self.mode == Mode::ReadOnly {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        match pending.1.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Like [`Store::save`], only if something is pending; returns whether there was.
    pub fn save_if_dirty(&self) -> Result<bool, StoreError> {
        if !self.is_dirty() {
            return Ok(false);
        }
        self.save()?;
        Ok(true)
    }
}

/// `PRAGMA data_version` of `conn`: unchanged by its own commits, changed by any other
/// connection's.
fn data_version(conn: &Connection) -> Option<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0)).ok()
}

/// A token naming this window (process) as the owner of a running exam: the process id (unique
/// among running processes), the time the store was opened (a later process with a reused id
/// differs) and a counter (several stores of one process differ).
fn window_token(opened: UnixMillis) -> String {
    static STORES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = STORES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{}-{}-{n}", std::process::id(), opened.millis())
}

/// What `progress.json` holds, for a database that does not exist yet.
enum JsonFile {
    Missing,
    Current(LegacyFile),
    /// Not to be imported (newer or unreadable): open read-only with what could be read.
    Refused(Notice, Progress),
    MovedAside(Notice),
}

fn read_json(path: &Path, now: UnixMillis) -> JsonFile {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return JsonFile::Missing,
        Err(e) => {
            let notice = Notice::Unreadable {
                path: path.to_path_buf(),
                reason: e.to_string(),
            };
            return JsonFile::Refused(notice, Progress::default());
        }
    };
    match decode(&bytes) {
        Ok(Decoded::Current(file)) => JsonFile::Current(file),
        Ok(Decoded::Newer { version, progress }) => {
            let notice = Notice::NewerVersion {
                path: path.to_path_buf(),
                found: version,
                supported: FORMAT_VERSION,
            };
            let model = progress.map_or_else(Progress::default, |mut f| {
                let extras = f.take_extras();
                f.model(&extras)
            });
            JsonFile::Refused(notice, model)
        }
        Err(reason) => match fsio::move_aside(path, now) {
            Ok(to) => JsonFile::MovedAside(Notice::MovedAside {
                from: path.to_path_buf(),
                to,
                reason,
            }),
            Err(e) => JsonFile::Refused(
                Notice::Unreadable {
                    path: path.to_path_buf(),
                    reason: format!("{reason}; could not move it aside: {e}"),
                },
                Progress::default(),
            ),
        },
    }
}

/// Opens the database file, migrating it (and importing `import` into a new one at `now`).
fn open_file(db: &Path, import: Option<&LegacyFile>, now: UnixMillis) -> rusqlite::Result<Opened> {
    let conn = Connection::open(db)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let found = schema::version(&conn)?;
    if found > SCHEMA_VERSION {
        // Read what can be read, never write (not even the journal mode).
        let data = schema::load(&conn).unwrap_or_default();
        return Ok(Opened::Newer(found, data));
    }
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    let imported = schema::migrate(&conn, import, now)?;
    let data = schema::load(&conn)?;
    Ok(Opened::Ok(conn, data, imported))
}

/// Whether `SQLite` says the file is not a database or is damaged.
fn is_corrupt(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Moves a damaged database aside with its `-wal` and `-shm` files (best effort for those).
fn move_db_aside(db: &Path, now: UnixMillis) -> io::Result<PathBuf> {
    let to = fsio::move_aside(db, now)?;
    for suffix in ["-wal", "-shm"] {
        let mut from = db.as_os_str().to_owned();
        from.push(suffix);
        let mut dest = to.as_os_str().to_owned();
        dest.push(suffix);
        if std::fs::symlink_metadata(&from).is_ok() {
            let _ = std::fs::rename(&from, &dest);
        }
    }
    Ok(to)
}

/// After a committed import: keeps `progress.json` as `progress.json.imported` (or
/// `.imported-1`, … if that exists) and removes the temp files of killed JSON saves.
fn finish_import(dir: &Path, json: &Path) {
    for n in 0..1000 {
        let name = if n == 0 {
            format!("{FILE_NAME}{IMPORTED_SUFFIX}")
        } else {
            format!("{FILE_NAME}{IMPORTED_SUFFIX}-{n}")
        };
        let to = dir.join(name);
        if std::fs::symlink_metadata(&to).is_err() {
            let _ = std::fs::rename(json, &to);
            break;
        }
    }
    fsio::remove_temp_leftovers(dir, FILE_NAME);
}

impl Notice {
    /// A short message for the user, in Korean (해요체) or, if `lang_en`, English.
    pub fn message(&self, lang_en: bool) -> String {
        match (self, lang_en) {
            (Self::MovedAside { to, reason, .. }, false) => format!(
                "진도 파일이 손상되어 다른 이름으로 옮겨 두었어요. 새로 시작해요. \
                 (옮긴 파일: {}, 원인: {reason})",
                to.display()
            ),
            (Self::MovedAside { to, reason, .. }, true) => format!(
                "The progress file was damaged and was moved to {}. Starting fresh. ({reason})",
                to.display()
            ),
            (
                Self::NewerVersion {
                    path,
                    found,
                    supported,
                },
                false,
            ) => format!(
                "진도 파일이 더 새로운 gureum으로 만들어졌어요(형식 {found}, 지원 {supported}). \
                 파일을 지키려고 읽기 전용으로 열었으니 이번 진도는 저장되지 않아요. \
                 gureum을 업데이트해 주세요. ({})",
                path.display()
            ),
            (
                Self::NewerVersion {
                    path,
                    found,
                    supported,
                },
                true,
            ) => format!(
                "The progress file was made by a newer gureum (format {found}, this build \
                 supports {supported}). It was opened read-only, so progress will not be saved. \
                 Please update gureum. ({})",
                path.display()
            ),
            (Self::Unreadable { path, reason }, false) => format!(
                "진도 파일을 읽을 수 없어 읽기 전용으로 열었어요. 이번 진도는 저장되지 않아요. \
                 ({}: {reason})",
                path.display()
            ),
            (Self::Unreadable { path, reason }, true) => format!(
                "The progress file could not be read, so it was opened read-only; progress will \
                 not be saved. ({}: {reason})",
                path.display()
            ),
            (Self::NotSaved { reason }, false) => format!(
                "진도를 저장할 폴더를 찾지 못해서 이번 진도는 저장되지 않아요. \
                 {ENV_DATA_DIR} 환경 변수로 폴더를 지정할 수 있어요. ({reason})"
            ),
            (Self::NotSaved { reason }, true) => format!(
                "No data directory was found, so progress will not be saved. Set {ENV_DATA_DIR} \
                 to choose one. ({reason})"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The time the tests open stores at.
    const T: UnixMillis = UnixMillis::from_secs(1_700_000_000);

    #[test]
    fn convenience_methods_change_the_model_and_the_database() {
        let mut store = Store::in_memory(Progress::default());
        assert!(!store.is_dirty());
        assert!(store.lesson("a").is_none());
        store.set_scroll("a", 10, 250);
        assert_eq!(
            store.lesson("a"),
            Some(&LessonProgress {
                read: false,
                scroll: 10,
                percent: 100
            })
        );
        store.set_scroll("a", 3, 20);
        assert_eq!(
            store.lesson("a").map(|l| (l.scroll, l.percent)),
            Some((3, 100))
        );
        assert!(!store.is_dirty(), "written at once");
        assert!(!store.save_if_dirty().unwrap());
        store.set_last_lesson("a");
        assert!(!store.is_read("a"));
        assert!(store.mark_read("a"));
        assert!(!store.mark_read("a"), "already read");
        assert!(store.mark_sim_tried("x") && !store.mark_sim_tried("x"));
        assert!(!store.sim_passed("x"));
        assert!(store.mark_sim_passed("x") && !store.mark_sim_passed("x"));
        assert!(store.sim_passed("x") && !store.sim_passed("y"));
        assert_eq!(store.tried_sims().iter().collect::<Vec<_>>(), ["x"]);
        assert_eq!(store.passed_sims().iter().collect::<Vec<_>>(), ["x"]);
        store.update_settings(|s| s.exam_esl = true);
        let before = store.progress().clone();
        store.reload().unwrap();
        assert_eq!(store.progress(), &before, "the database holds the same");
    }

    #[test]
    fn a_second_handle_sees_the_first_ones_changes_and_overwrites_none_of_them() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, _) = Store::open_in(dir.path(), T).unwrap();
        let (mut b, _) = Store::open_in(dir.path(), T).unwrap();
        assert!(!b.refresh_if_changed(), "nothing changed yet");

        // Reading position: B sees A's, and B marking the lesson read keeps A's place.
        a.set_scroll("l", 100, 40);
        assert!(!a.refresh_if_changed(), "its own commit is no change");
        assert!(b.refresh_if_changed());
        assert!(!b.refresh_if_changed(), "seen once");
        assert_eq!(
            b.lesson("l").map(|l| (l.scroll, l.percent)),
            Some((100, 40))
        );
        a.set_scroll("l", 200, 60);
        assert!(b.mark_read("l"));
        assert!(a.refresh_if_changed());
        assert_eq!(
            a.lesson("l"),
            Some(&LessonProgress {
                read: true,
                scroll: 200,
                percent: 100
            })
        );

        // Settings: each handle writes only what it changed, and a change back to what the
        // stale copy held is still written.
        a.update_settings(|s| s.theme = Some("light".into()));
        b.update_settings(|s| s.exam_esl = true);
        b.update_settings(|s| s.lang = Some("en".into()));
        a.update_settings(|s| s.theme = None);
        b.update_settings(|s| s.theme = Some("light".into()));
        let (fresh, _) = Store::open_in(dir.path(), T).unwrap();
        let s = &fresh.progress().settings;
        assert_eq!(s.theme.as_deref(), Some("light"));
        assert_eq!(s.lang.as_deref(), Some("en"));
        assert!(s.exam_esl);

        // Answers and cards: B reschedules from A's card, not from its own empty copy.
        let log = |q: &str| AnswerLog {
            question: q.into(),
            at: 1,
            correct: true,
            chosen: vec!["a".into()],
            time_ms: 5,
        };
        let card = |reps| CardState {
            due: 10,
            stability_milli: 1000,
            difficulty_milli: 5000,
            reps,
            lapses: 0,
            state: 2,
            last_review: 1,
        };
        a.record_answer(log("q1"), |c| {
            assert!(c.is_none());
            Some(card(1))
        });
        b.record_answer(log("q1"), |c| {
            assert_eq!(c.map(|c| c.reps), Some(1), "A's card");
            Some(card(2))
        });
        a.record_answer(log("q2"), |_| Some(card(1)));
        assert!(b.refresh_if_changed());
        assert_eq!(b.progress().cards.get("q1").map(|c| c.reps), Some(2));
        assert_eq!(b.progress().cards.get("q2").map(|c| c.reps), Some(1));
        assert_eq!(b.answers().unwrap().len(), 3);

        // Last lesson and tried simulations.
        a.set_last_lesson("x");
        b.set_last_lesson("y");
        a.set_last_lesson("x");
        assert!(a.mark_sim_tried("s1"));
        assert!(!b.mark_sim_tried("s1"), "A tried it already");
        let (fresh, _) = Store::open_in(dir.path(), T).unwrap();
        assert_eq!(fresh.progress().last_lesson.as_deref(), Some("x"));
        assert!(fresh.tried_sims().contains("s1"));

        // In memory: never anything to pick up.
        let mut m = Store::in_memory(Progress::default());
        assert!(!m.refresh_if_changed());
    }

    #[test]
    fn rows_are_stamped_with_the_time_the_store_was_given() {
        let mut store = Store::in_memory(Progress::default());
        store.set_now(UnixMillis::from_secs(1_800_000_000));
        store.mark_sim_tried("a");
        store.set_now(UnixMillis(1_800_000_060_500));
        store.mark_sim_passed("a");
        let at = |sql: &str| {
            store
                .conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .unwrap()
        };
        assert_eq!(at("SELECT at FROM tried_sim"), 1_800_000_000);
        assert_eq!(at("SELECT at FROM passed_challenge"), 1_800_000_060);
        // Two stores opened at the same time by one process are still two windows.
        assert_ne!(window_token(T), window_token(T));
    }

    #[test]
    fn data_dir_prefers_non_empty_env_value() {
        let dir = data_dir_from(Some("/tmp/gureum-test".into()));
        assert_eq!(dir, Some(PathBuf::from("/tmp/gureum-test")));
        let platform =
            directories::ProjectDirs::from("", "", "gureum").map(|p| p.data_dir().to_path_buf());
        assert_eq!(data_dir_from(Some(OsString::new())), platform);
        assert_eq!(data_dir_from(None), platform);
    }

    #[test]
    fn messages_are_korean_or_english() {
        let notices = [
            Notice::MovedAside {
                from: "p".into(),
                to: "p.corrupt-1".into(),
                reason: "r".into(),
            },
            Notice::NewerVersion {
                path: "p".into(),
                found: 2,
                supported: 1,
            },
            Notice::Unreadable {
                path: "p".into(),
                reason: "r".into(),
            },
            Notice::NotSaved { reason: "r".into() },
        ];
        for n in &notices {
            let ko = n.message(false);
            let en = n.message(true);
            assert!(ko.contains("요."), "{ko}");
            assert!(!en.chars().any(|c| ('가'..='힣').contains(&c)), "{en}");
        }
        assert!(notices[0].message(false).contains("p.corrupt-1"));
        assert!(notices[1].message(true).contains("newer gureum"));
    }
}
