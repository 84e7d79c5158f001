//! The database: its schema and migrations, loading the in-memory model, importing
//! `progress.json`, and the row changes ([`Op`]) every store write is made of.
//!
//! The schema is described in the module docs of [`crate::store`].

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, Transaction, params};
use serde_json::{Map, Value};

use super::format::{
    AnswerLog, CardState, ExamAttempt, LegacyExtras, LegacyFile, LessonProgress, Progress, Settings,
};
use crate::clock::UnixMillis;
use crate::quiz::exam::ExamState;

/// The schema version this build reads and writes (`PRAGMA user_version`).
pub const SCHEMA_VERSION: u64 = 3;

/// Migration `n` (index `n - 1`) turns a database of version `n - 1` into version `n`.
/// Version 0 is an empty file. Append a step for every change; never edit a released one.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1: the first schema (format 1 of progress.json, with its extras typed).
    "CREATE TABLE lesson (
        id TEXT PRIMARY KEY NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        scroll INTEGER NOT NULL DEFAULT 0,
        percent INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE state (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
    CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
    CREATE TABLE answer (
        id INTEGER PRIMARY KEY,
        question TEXT NOT NULL,
        at INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        chosen TEXT NOT NULL,
        time_ms INTEGER NOT NULL
    );
    CREATE TABLE card (
        question TEXT PRIMARY KEY NOT NULL,
        due INTEGER NOT NULL,
        stability_milli INTEGER NOT NULL,
        difficulty_milli INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL
    );
    CREATE TABLE exam_attempt (
        id INTEGER PRIMARY KEY,
        exam TEXT NOT NULL,
        started INTEGER NOT NULL,
        seconds INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        total INTEGER NOT NULL
    );
    CREATE TABLE running_exam (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        ident TEXT NOT NULL,
        owner TEXT NOT NULL,
        saved_at INTEGER NOT NULL,
        state TEXT NOT NULL
    );
    CREATE TABLE finished_exam (
        id INTEGER PRIMARY KEY,
        finished_at INTEGER NOT NULL,
        state TEXT NOT NULL
    );
    CREATE TABLE tried_sim (id TEXT PRIMARY KEY NOT NULL, at INTEGER NOT NULL);
    CREATE TABLE kept_field (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);",
    // 1 -> 2: FSRS replaces SM-2. Every card keeps its due date; the SM-2 interval becomes the
    // FSRS stability (at 90% retention FSRS's interval equals its stability), the SM-2 ease
    // (1.3-2.5+) becomes an FSRS difficulty (2.5 -> 5, 1.3 -> 10, linear, within 1-10), and
    // the last review is the due date minus the interval (10 minutes for a missed card).
    "ALTER TABLE card ADD COLUMN state INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE card ADD COLUMN last_review INTEGER NOT NULL DEFAULT 0;
    UPDATE card SET
        state = CASE WHEN reps > 0 THEN 2 WHEN lapses > 0 THEN 3 ELSE 1 END,
        last_review = max(0, due - CASE WHEN reps > 0 THEN stability_milli * 86400 / 1000
                                        ELSE 600 END),
        stability_milli = CASE WHEN reps > 0 THEN max(stability_milli, 1000) ELSE 407 END,
        difficulty_milli = CASE WHEN difficulty_milli = 0 THEN 5000
            ELSE min(10000, max(1000, 5000 + (2500 - difficulty_milli) * 5000 / 1200)) END;",
    // 2 -> 3: a passed challenge gets its own table. Schema 2 kept it as the `tried_sim` row
    // `passed:<id>` (a string key on a shared mechanism); each such row moves over with its
    // time, and `tried_sim` keeps only simulations that were run.
    "CREATE TABLE passed_challenge (id TEXT PRIMARY KEY NOT NULL, at INTEGER NOT NULL);
    INSERT OR IGNORE INTO passed_challenge (id, at)
        SELECT substr(id, 8), at FROM tried_sim WHERE substr(id, 1, 7) = 'passed:';
    DELETE FROM tried_sim WHERE substr(id, 1, 7) = 'passed:';",
];

/// Key of the `state` row holding the lesson to resume.
const LAST_LESSON: &str = "last_lesson";

/// An `i64` column from a `u64` (saturating: `SQLite` integers are signed).
fn int(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// A `u64` from an `i64` column (negative values, which the store never writes, become 0).
fn uint(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

/// The identity of a running exam: the same exam started at the same time with the same seed.
pub(crate) fn exam_ident(state: &ExamState) -> String {
    format!(
        "{}:{}:{}",
        state.exam().id(),
        state.seed(),
        state.started_at_ms()
    )
}

/// The schema version of the open database.
pub(crate) fn version(conn: &Connection) -> rusqlite::Result<u64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
        .map(uint)
}

/// Brings the database to [`SCHEMA_VERSION`] in one transaction; when it was empty and
/// `import` is given, the file is imported in the same transaction (its rows stamped `now`).
/// Returns whether this call imported it (another process may have created the database first).
pub(crate) fn migrate(
    conn: &Connection,
    import: Option<&LegacyFile>,
    now: UnixMillis,
) -> rusqlite::Result<bool> {
    let tx = Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)?;
    // Read again inside the write lock: another window may have migrated meanwhile.
    let from = version(&tx)?;
    if from >= SCHEMA_VERSION {
        return Ok(false);
    }
    let mut imported = false;
    for (i, step) in MIGRATIONS.iter().enumerate().skip(from as usize) {
        tx.execute_batch(step)?;
        // `progress.json` (format 1) matches schema 1: import it there, so the later steps
        // (e.g. SM-2 cards to FSRS) convert it like any database of that version.
        if i == 0
            && let Some(file) = import
        {
            import_file(&tx, file.clone(), now)?;
            imported = true;
        }
    }
    tx.pragma_update(None, "user_version", int(SCHEMA_VERSION))?;
    tx.commit()?;
    Ok(imported)
}

/// Writes everything of `file` into the (empty) tables; rows that carry a time get `now`.
fn import_file(tx: &Transaction, mut file: LegacyFile, now: UnixMillis) -> rusqlite::Result<()> {
    let LegacyExtras {
        current_exam,
        finished_exams,
        tried_sims,
    } = file.take_extras();
    let step = |op: &Op| put(tx, op, now);
    let now = int(now.secs());
    for (id, l) in &file.lessons {
        step(&Op::Lesson(id.clone(), l.clone(), true))?;
    }
    if let Some(id) = &file.last_lesson {
        step(&Op::LastLesson(id.clone()))?;
    }
    step(&Op::Settings(settings_map(&file.settings)))?;
    for a in &file.answers {
        step(&Op::Answer(a.clone(), None))?;
    }
    for (q, c) in &file.cards {
        // Schema 1's columns: the SM-2 card as it was (migration 2 converts it).
        tx.execute(
            "INSERT OR REPLACE INTO card
             (question, due, stability_milli, difficulty_milli, reps, lapses)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                q,
                int(c.due),
                c.stability_milli,
                c.difficulty_milli,
                c.reps,
                c.lapses
            ],
        )?;
    }
    for e in &file.exams {
        tx.execute(
            "INSERT INTO exam_attempt (exam, started, seconds, correct, total)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![e.exam, int(e.started), int(e.seconds), e.correct, e.total],
        )?;
    }
    if let Some(json) = current_exam {
        // Kept even if it no longer parses (a newer exam format): nothing is dropped.
        let ident = ExamState::from_json(&json).map_or_else(|_| "?".into(), |s| exam_ident(&s));
        tx.execute(
            "INSERT INTO running_exam (slot, ident, owner, saved_at, state)
             VALUES (1, ?1, 'imported', ?2, ?3)",
            params![ident, now, json],
        )?;
    }
    for json in finished_exams {
        tx.execute(
            "INSERT INTO finished_exam (finished_at, state) VALUES (?1, ?2)",
            params![now, json],
        )?;
    }
    for id in tried_sims {
        step(&Op::TriedSim(id))?;
    }
    for (key, value) in &file.extra {
        tx.execute(
            "INSERT INTO kept_field (key, value) VALUES (?1, ?2)",
            params![key, value.to_string()],
        )?;
    }
    Ok(())
}

/// Runs an import step (which never touches the running exam, so only `SQLite` can fail).
fn put(tx: &Transaction, op: &Op, now: UnixMillis) -> rusqlite::Result<()> {
    match op.run(tx, "imported", now) {
        Err(OpError::Sql(e)) => Err(e),
        _ => Ok(()),
    }
}

/// The settings as (key, JSON value) rows.
pub(crate) fn settings_map(settings: &Settings) -> Map<String, Value> {
    match serde_json::to_value(settings) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}

/// Reads the in-memory model from the database.
pub(crate) fn load(conn: &Connection) -> rusqlite::Result<Progress> {
    let mut p = Progress::default();
    let mut stmt = conn.prepare("SELECT id, read, scroll, percent FROM lesson")?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            LessonProgress {
                read: r.get(1)?,
                scroll: usize::try_from(r.get::<_, i64>(2)?).unwrap_or(0),
                percent: u8::try_from(r.get::<_, i64>(3)?.clamp(0, 100)).unwrap_or(0),
            },
        ))
    })?;
    p.lessons = rows.collect::<Result<BTreeMap<_, _>, _>>()?;
    p.last_lesson = conn
        .query_row(
            "SELECT value FROM state WHERE key = ?1",
            [LAST_LESSON],
            |r| r.get(0),
        )
        .optional()?;
    let mut stmt = conn.prepare("SELECT key, value FROM setting")?;
    let settings: Map<String, Value> = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .filter_map(|row| {
            row.map(|(k, v)| serde_json::from_str(&v).ok().map(|v| (k, v)))
                .transpose()
        })
        .collect::<Result<_, _>>()?;
    // A setting of the wrong type is ignored (the default applies), never fatal.
    p.settings = serde_json::from_value(Value::Object(settings.clone())).unwrap_or_else(|_| {
        let mut s = Settings::default();
        for (k, v) in settings {
            let one = Value::Object(Map::from_iter([(k, v)]));
            if let Ok(part) = serde_json::from_value::<Settings>(one.clone()) {
                merge_setting(&mut s, &part, &one);
            }
        }
        s
    });
    let mut stmt = conn.prepare(
        "SELECT question, due, stability_milli, difficulty_milli, reps, lapses, state, last_review
         FROM card",
    )?;
    p.cards = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, card_from_row(r, 1)?)))?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn
        .prepare("SELECT exam, started, seconds, correct, total FROM exam_attempt ORDER BY id")?;
    p.exams = stmt
        .query_map([], |r| {
            Ok(ExamAttempt {
                exam: r.get(0)?,
                started: uint(r.get(1)?),
                seconds: uint(r.get(2)?),
                correct: r.get(3)?,
                total: r.get(4)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    p.current_exam = conn
        .query_row("SELECT state FROM running_exam WHERE slot = 1", [], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
        .and_then(|json| ExamState::from_json(&json).ok());
    let mut stmt = conn.prepare("SELECT id FROM tried_sim")?;
    p.tried_sims = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let mut stmt = conn.prepare("SELECT id FROM passed_challenge")?;
    p.passed_sims = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    Ok(p)
}

/// Copies the one setting present in `one` from `part` into `s`.
fn merge_setting(s: &mut Settings, part: &Settings, one: &Value) {
    let Some(key) = one.as_object().and_then(|m| m.keys().next()) else {
        return;
    };
    match key.as_str() {
        "lang" => s.lang.clone_from(&part.lang),
        "theme" => s.theme.clone_from(&part.theme),
        "mouse" => s.mouse = part.mouse,
        "exam_esl" => s.exam_esl = part.exam_esl,
        "review_retention" => s.review_retention = part.review_retention,
        _ => {}
    }
}

fn card_from_row(r: &rusqlite::Row, first: usize) -> rusqlite::Result<CardState> {
    Ok(CardState {
        due: uint(r.get(first)?),
        stability_milli: r.get(first + 1)?,
        difficulty_milli: r.get(first + 2)?,
        reps: r.get(first + 3)?,
        lapses: r.get(first + 4)?,
        state: u8::try_from(r.get::<_, i64>(first + 5)?).unwrap_or(0),
        last_review: uint(r.get(first + 6)?),
    })
}

/// The review card of `question` as stored now (another window may have changed it).
pub(crate) fn card(conn: &Connection, question: &str) -> rusqlite::Result<Option<CardState>> {
    conn.query_row(
        "SELECT due, stability_milli, difficulty_milli, reps, lapses, state, last_review
         FROM card WHERE question = ?1",
        [question],
        |r| card_from_row(r, 0),
    )
    .optional()
}

/// Every answer, oldest first.
pub(crate) fn answers(conn: &Connection) -> rusqlite::Result<Vec<AnswerLog>> {
    let mut stmt =
        conn.prepare("SELECT question, at, correct, chosen, time_ms FROM answer ORDER BY id")?;
    stmt.query_map([], |r| {
        let chosen: String = r.get(3)?;
        Ok(AnswerLog {
            question: r.get(0)?,
            at: uint(r.get(1)?),
            correct: r.get(2)?,
            chosen: serde_json::from_str(&chosen).unwrap_or_default(),
            time_ms: uint(r.get(4)?),
        })
    })?
    .collect()
}

/// The saved states of the finished exams, oldest first (JSON text).
pub(crate) fn finished_exams(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT state FROM finished_exam ORDER BY id")?;
    stmt.query_map([], |r| r.get(0))?.collect()
}

/// One row change. A store write is a list of these, run in one transaction; a list that
/// could not be written is kept and run again before the next one.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    /// Upsert a lesson's row: `read` and `percent` never go down; the position as given when
    /// the flag is set, else kept (marking a lesson read must not move another window's place).
    Lesson(String, LessonProgress, bool),
    /// The lesson to resume.
    LastLesson(String),
    /// Upsert these settings (key, JSON value).
    Settings(Map<String, Value>),
    /// Append an answer, with its rescheduled card if any.
    Answer(AnswerLog, Option<CardState>),
    /// Upsert a review card.
    Card(String, CardState),
    /// Save the running exam (JSON) under `ident`: `claim` takes the row over (a new or
    /// resumed exam in this window); otherwise it is written only if this window owns it.
    SaveExam {
        /// [`exam_ident`] of the state.
        ident: String,
        /// The state as JSON.
        json: String,
        /// Take the row over.
        claim: bool,
    },
    /// The exam `ident` was graded: drop its running row, keep its final state and attempt.
    FinishExam {
        /// [`exam_ident`] of the state.
        ident: String,
        /// The final state as JSON.
        json: Option<String>,
        /// The attempt for the history.
        attempt: ExamAttempt,
    },
    /// A simulation was run.
    TriedSim(String),
    /// A simulation's challenge was passed.
    PassedSim(String),
    /// Drop the running exam `ident` without a score.
    AbandonExam(String),
}

/// Why an [`Op`] failed.
#[derive(Debug)]
pub(crate) enum OpError {
    /// `SQLite` failed.
    Sql(rusqlite::Error),
    /// Another window resumed the running exam and owns it now.
    ExamElsewhere,
}

impl From<rusqlite::Error> for OpError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Sql(e)
    }
}

impl Op {
    /// Runs the change inside `tx`, as window `owner`, stamping rows that carry a time `now`.
    pub(crate) fn run(
        &self,
        tx: &Transaction,
        owner: &str,
        now: UnixMillis,
    ) -> Result<(), OpError> {
        let stamp = now;
        let now = int(now.secs());
        match self {
            Self::Lesson(id, l, scroll) => {
                tx.execute(
                    "INSERT INTO lesson (id, read, scroll, percent) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (id) DO UPDATE SET
                       scroll = CASE WHEN ?5 THEN excluded.scroll ELSE scroll END,
                       read = max(read, excluded.read), percent = max(percent, excluded.percent)",
                    params![id, l.read, int(l.scroll as u64), l.percent, scroll],
                )?;
            }
            Self::LastLesson(id) => {
                tx.execute(
                    "INSERT OR REPLACE INTO state (key, value) VALUES (?1, ?2)",
                    params![LAST_LESSON, id],
                )?;
            }
            Self::Settings(map) => {
                for (k, v) in map {
                    tx.execute(
                        "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, ?2)",
                        params![k, v.to_string()],
                    )?;
                }
            }
            Self::Answer(a, card) => {
                let chosen = serde_json::to_string(&a.chosen).unwrap_or_else(|_| "[]".into());
                tx.execute(
                    "INSERT INTO answer (question, at, correct, chosen, time_ms)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![a.question, int(a.at), a.correct, chosen, int(a.time_ms)],
                )?;
                if let Some(c) = card {
                    Self::Card(a.question.clone(), c.clone()).run(tx, owner, stamp)?;
                }
            }
            Self::Card(q, c) => {
                tx.execute(
                    "INSERT OR REPLACE INTO card (question, due, stability_milli,
                     difficulty_milli, reps, lapses, state, last_review)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![
                        q,
                        int(c.due),
                        c.stability_milli,
                        c.difficulty_milli,
                        c.reps,
                        c.lapses,
                        c.state,
                        int(c.last_review)
                    ],
                )?;
            }
            Self::SaveExam { ident, json, claim } => {
                if *claim {
                    tx.execute(
                        "INSERT OR REPLACE INTO running_exam (slot, ident, owner, saved_at, state)
                         VALUES (1, ?1, ?2, ?3, ?4)",
                        params![ident, owner, now, json],
                    )?;
                } else {
                    let n = tx.execute(
                        "UPDATE running_exam SET saved_at = ?1, state = ?2
                         WHERE slot = 1 AND ident = ?3 AND owner = ?4",
                        params![now, json, ident, owner],
                    )?;
                    if n == 0 {
                        return Err(OpError::ExamElsewhere);
                    }
                }
            }
            Self::FinishExam {
                ident,
                json,
                attempt: e,
            } => {
                tx.execute("DELETE FROM running_exam WHERE ident = ?1", [ident])?;
                if let Some(json) = json {
                    tx.execute(
                        "INSERT INTO finished_exam (finished_at, state) VALUES (?1, ?2)",
                        params![now, json],
                    )?;
                }
                tx.execute(
                    "INSERT INTO exam_attempt (exam, started, seconds, correct, total)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![e.exam, int(e.started), int(e.seconds), e.correct, e.total],
                )?;
            }
            Self::AbandonExam(ident) => {
                tx.execute("DELETE FROM running_exam WHERE ident = ?1", [ident])?;
            }
            Self::TriedSim(id) => {
                tx.execute(
                    "INSERT OR IGNORE INTO tried_sim (id, at) VALUES (?1, ?2)",
                    params![id, now],
                )?;
            }
            Self::PassedSim(id) => {
                tx.execute(
                    "INSERT OR IGNORE INTO passed_challenge (id, at) VALUES (?1, ?2)",
                    params![id, now],
                )?;
            }
        }
        Ok(())
    }
}
