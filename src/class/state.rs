//! The class as data: the question set, the round's clock, the students and their answers.
//!
//! No terminal, no network and no clock in here: every method that depends on time takes
//! `now_ms` (milliseconds on the server's monotonic clock), so the whole round is reproducible
//! in tests. The server keeps one [`Class`] behind a mutex; each student's connection and the
//! teacher's dashboard lock it briefly, read or change it, and let go before drawing.

use std::collections::HashMap;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use crate::quiz::Bank;
use crate::quiz::interchange::{AttemptResult, ResultAnswer};
use crate::quiz::session::Item;
use crate::text;

/// The longest name a student may use, in characters.
pub const MAX_NAME_CHARS: usize = 24;

/// Where the round is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Students join; the questions are hidden until the teacher starts.
    Waiting,
    /// The clock runs and answers are taken.
    Running,
    /// The clock stands still and answers wait.
    Paused,
    /// Time is up or the teacher ended the round: no more answers.
    Ended,
}

/// One answer as given.
#[derive(Debug, Clone, PartialEq)]
pub struct Given {
    /// The choice ids picked.
    pub chosen: Vec<String>,
    /// Whether they were right.
    pub correct: bool,
    /// Time the student spent on the question, in milliseconds.
    pub time_ms: u64,
    /// The order answers were given in (0 = first).
    pub seq: usize,
}

/// One student: everything that survives a dropped connection.
#[derive(Debug, Clone)]
pub struct Student {
    /// The name as typed (validated and sanitised).
    pub name: String,
    /// The name's identity: lowercase, so `Minji` and `minji` are one student.
    pub key: String,
    /// Per question of the set, the answer once given.
    pub answers: Vec<Option<Given>>,
    /// Whether a connection is attached now.
    pub connected: bool,
    /// Bumped at each (re)connection; an older connection seeing a newer number leaves.
    pub generation: u64,
    /// Removed by the teacher: may not come back this round.
    pub kicked: bool,
}

impl Student {
    /// How many questions answered, and how many of them right.
    pub fn progress(&self) -> (usize, usize) {
        let given = self.answers.iter().flatten();
        let answered = given.clone().count();
        let right = given.filter(|g| g.correct).count();
        (answered, right)
    }
}

/// Why a student cannot join.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinError {
    /// The name is empty, too long or has characters other than letters, digits, `-`, `_`, `.`.
    BadName,
    /// The class already has `--max-students` students.
    Full,
    /// The teacher removed this student.
    Kicked,
}

/// Why an answer was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerError {
    /// The round is not running (waiting, paused or ended).
    NotRunning,
    /// That question was already answered (the first answer counts).
    AlreadyAnswered,
    /// No such question or student, or a choice that is not the question's.
    Invalid,
}

/// Something that happened, for the dashboard's log and `--headless` output.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A student joined for the first time.
    Joined(String),
    /// A student came back.
    Resumed(String),
    /// A student's connection ended.
    Left(String),
    /// A student answered question `n` (0-based).
    Answered {
        /// Student name.
        name: String,
        /// Question index in the set.
        n: usize,
        /// Whether right.
        correct: bool,
    },
    /// The round started, paused, resumed or ended.
    Phase(Phase),
    /// The answers are shown to everyone.
    Revealed,
    /// The teacher removed a student.
    Kicked(String),
    /// The server refused something a connection asked for (logged once per kind and
    /// connection). The name is the login name if it is a valid one, else `?`.
    Refused {
        /// Login name (validated) or `?`.
        name: String,
        /// What was refused.
        what: Refused,
    },
}

/// What a connection asked for and was refused (see [`Event::Refused`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// `exec` (`ssh host command`).
    Exec,
    /// A subsystem (`sftp`).
    Subsystem,
    /// Port or socket forwarding (`-L`, `-R`, `-D`, `-W`).
    Forwarding,
    /// X11 or agent forwarding.
    X11OrAgent,
    /// A second session channel.
    Session,
}

impl Refused {
    /// Its bit in a per-connection set of kinds already logged.
    #[must_use]
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// How the class answered one question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionStat {
    /// How many students answered it.
    pub answered: usize,
    /// How many of them were right.
    pub right: usize,
    /// The most chosen wrong choice: (choice id, how many, its misconception tag).
    pub top_wrong: Option<(String, usize, Option<String>)>,
}

/// Validates a student name: 1..=[`MAX_NAME_CHARS`] letters (Hangul included), digits, `-`,
/// `_` or `.`, starting with a letter or digit. Returns the NFC form.
pub fn validate_name(raw: &str) -> Option<String> {
    let name = text::sanitize(raw.trim()).into_owned();
    let count = name.chars().count();
    let first_ok = name.chars().next().is_some_and(char::is_alphanumeric);
    let all_ok = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    (name == raw && (1..=MAX_NAME_CHARS).contains(&count) && first_ok && all_ok).then_some(name)
}

/// The identity of a (valid) name: two names with the same key are the same student.
pub fn name_key(name: &str) -> String {
    name.to_lowercase()
}

/// FNV-1a: a stable hash of a name (std's hasher may change between releases).
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The set's items with the choices shuffled for one student: the same name and seed always
/// give the same order, two students usually differ.
pub fn items_for(items: &[Item], seed: u64, key: &str) -> Vec<Item> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ fnv1a(key));
    items
        .iter()
        .map(|item| {
            let mut order = item.order.clone();
            order.shuffle(&mut rng);
            Item {
                entry: item.entry,
                order,
            }
        })
        .collect()
}

/// What the teacher set up.
#[derive(Debug, Clone)]
pub struct Spec {
    /// `exam_or_quiz` of the result files: `class`, `class:LESSON` or the exam id.
    pub exam_or_quiz: String,
    /// The seed the questions were drawn with.
    pub seed: u64,
    /// The questions, in the order everyone sees them.
    pub items: Vec<Item>,
    /// Length of the round.
    pub minutes: u32,
    /// How many different students may join.
    pub max_students: usize,
}

/// The whole class (see the module documentation).
#[derive(Debug)]
pub struct Class {
    /// The teacher's set-up.
    pub spec: Spec,
    phase: Phase,
    /// Clock time used before the current run (pauses excluded).
    used_ms: u64,
    /// When the current run started, while running.
    running_since: Option<u64>,
    /// Whether the answers are shown to everyone.
    pub revealed: bool,
    /// When the round started, in Unix seconds (0 before it starts).
    pub started_at: u64,
    /// Students in the order they first joined.
    pub students: Vec<Student>,
    by_key: HashMap<String, usize>,
    answers_given: usize,
    /// Events not yet taken by [`Class::take_events`].
    events: Vec<Event>,
    /// Bumped whenever something every student sees changes (phase, reveal, a kick).
    pub version: u64,
}

impl Class {
    /// A class waiting for its students.
    pub fn new(spec: Spec) -> Self {
        Self {
            spec,
            phase: Phase::Waiting,
            used_ms: 0,
            running_since: None,
            revealed: false,
            started_at: 0,
            students: Vec::new(),
            by_key: HashMap::new(),
            answers_given: 0,
            events: Vec::new(),
            version: 0,
        }
    }

    /// The round's phase (after [`Class::tick`]).
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Milliseconds left on the clock.
    pub fn remaining_ms(&self, now_ms: u64) -> u64 {
        let total = u64::from(self.spec.minutes) * 60_000;
        let used = self.used_ms + self.running_since.map_or(0, |s| now_ms.saturating_sub(s));
        total.saturating_sub(used)
    }

    /// Ends the round when the time is up; returns whether it just ended.
    pub fn tick(&mut self, now_ms: u64) -> bool {
        if self.phase == Phase::Running && self.remaining_ms(now_ms) == 0 {
            self.end(now_ms);
            return true;
        }
        false
    }

    fn set_phase(&mut self, phase: Phase) {
        self.phase = phase;
        self.version += 1;
        self.events.push(Event::Phase(phase));
    }

    /// Starts the round (from waiting) or resumes it (from paused).
    pub fn start(&mut self, now_ms: u64, unix_now: u64) {
        match self.phase {
            Phase::Waiting => {
                self.started_at = unix_now;
                self.running_since = Some(now_ms);
                self.set_phase(Phase::Running);
            }
            Phase::Paused => {
                self.running_since = Some(now_ms);
                self.set_phase(Phase::Running);
            }
            Phase::Running | Phase::Ended => {}
        }
    }

    /// Pauses a running round, resumes a paused one.
    pub fn toggle_pause(&mut self, now_ms: u64, unix_now: u64) {
        match self.phase {
            Phase::Running => {
                self.used_ms += self
                    .running_since
                    .take()
                    .map_or(0, |s| now_ms.saturating_sub(s));
                self.set_phase(Phase::Paused);
            }
            Phase::Paused => self.start(now_ms, unix_now),
            Phase::Waiting | Phase::Ended => {}
        }
    }

    /// Ends the round: no more answers.
    pub fn end(&mut self, now_ms: u64) {
        if self.phase == Phase::Ended {
            return;
        }
        self.used_ms += self
            .running_since
            .take()
            .map_or(0, |s| now_ms.saturating_sub(s));
        self.set_phase(Phase::Ended);
    }

    /// Shows the right answers and explanations to everyone (and ends the round: once the
    /// answers are out, answering would be copying).
    pub fn reveal(&mut self, now_ms: u64) {
        self.end(now_ms);
        if !self.revealed {
            self.revealed = true;
            self.version += 1;
            self.events.push(Event::Revealed);
        }
    }

    /// Removes a student's connection and keeps them out for this round.
    pub fn kick(&mut self, key: &str) {
        if let Some(&i) = self.by_key.get(key) {
            let s = &mut self.students[i];
            s.kicked = true;
            s.connected = false;
            self.version += 1;
            self.events.push(Event::Kicked(s.name.clone()));
        }
    }

    /// Logs a refusal (see [`Event::Refused`]).
    pub fn refused(&mut self, login: &str, what: Refused) {
        let name = validate_name(login).unwrap_or_else(|| "?".to_owned());
        self.events.push(Event::Refused { name, what });
    }

    /// A student (re)joins: returns the student's key and the connection's generation.
    pub fn join(&mut self, name: &str) -> Result<(String, u64), JoinError> {
        let name = validate_name(name).ok_or(JoinError::BadName)?;
        let key = name_key(&name);
        if let Some(&i) = self.by_key.get(&key) {
            let s = &mut self.students[i];
            if s.kicked {
                return Err(JoinError::Kicked);
            }
            s.connected = true;
            s.generation += 1;
            let generation = s.generation;
            // A second connection takes the place over: the first one sees the new generation.
            self.version += 1;
            self.events.push(Event::Resumed(name));
            return Ok((key, generation));
        }
        if self.students.len() >= self.spec.max_students {
            return Err(JoinError::Full);
        }
        self.by_key.insert(key.clone(), self.students.len());
        self.students.push(Student {
            name: name.clone(),
            key: key.clone(),
            answers: vec![None; self.spec.items.len()],
            connected: true,
            generation: 1,
            kicked: false,
        });
        self.events.push(Event::Joined(name));
        Ok((key, 1))
    }

    /// A connection of `key` ended; a newer connection of the same student is left alone.
    pub fn leave(&mut self, key: &str, generation: u64) {
        if let Some(&i) = self.by_key.get(key) {
            let s = &mut self.students[i];
            if s.generation == generation && s.connected {
                s.connected = false;
                self.events.push(Event::Left(s.name.clone()));
            }
        }
    }

    /// The student with this key.
    pub fn student(&self, key: &str) -> Option<&Student> {
        self.by_key.get(key).map(|&i| &self.students[i])
    }

    /// Whether the connection `(key, generation)` should stay open.
    pub fn is_current(&self, key: &str, generation: u64) -> bool {
        self.student(key)
            .is_some_and(|s| !s.kicked && s.generation == generation)
    }

    /// Records an answer: `chosen` are choice ids of question `n`.
    pub fn answer(
        &mut self,
        bank: &Bank,
        key: &str,
        n: usize,
        chosen: Vec<String>,
        time_ms: u64,
    ) -> Result<bool, AnswerError> {
        if self.phase != Phase::Running {
            return Err(AnswerError::NotRunning);
        }
        let item = self.spec.items.get(n).ok_or(AnswerError::Invalid)?;
        let question = &bank
            .entries
            .get(item.entry)
            .ok_or(AnswerError::Invalid)?
            .question;
        if chosen.is_empty()
            || !chosen
                .iter()
                .all(|id| question.choices.iter().any(|c| &c.id == id))
        {
            return Err(AnswerError::Invalid);
        }
        let &i = self.by_key.get(key).ok_or(AnswerError::Invalid)?;
        let seq = self.answers_given;
        let student = &mut self.students[i];
        let slot = student.answers.get_mut(n).ok_or(AnswerError::Invalid)?;
        if slot.is_some() {
            return Err(AnswerError::AlreadyAnswered);
        }
        let correct = crate::quiz::session::grade(
            question,
            &crate::quiz::session::Response::Choices(chosen.clone()),
        );
        *slot = Some(Given {
            chosen,
            correct,
            time_ms,
            seq,
        });
        self.answers_given += 1;
        self.events.push(Event::Answered {
            name: student.name.clone(),
            n,
            correct,
        });
        Ok(correct)
    }

    /// A student's answers as a result file (`gureum results export`'s format), in the order
    /// they were given.
    pub fn result_of(&self, bank: &Bank, key: &str) -> Option<AttemptResult> {
        let student = self.student(key)?;
        let mut given: Vec<(usize, &Given)> = student
            .answers
            .iter()
            .enumerate()
            .filter_map(|(n, g)| g.as_ref().map(|g| (n, g)))
            .collect();
        given.sort_by_key(|(_, g)| g.seq);
        let answers = given
            .into_iter()
            .filter_map(|(n, g)| {
                let q = &bank.entries.get(self.spec.items.get(n)?.entry)?.question;
                let right = q.correct_ids();
                let misconception_chosen = g
                    .chosen
                    .iter()
                    .filter(|id| !right.contains(&id.as_str()))
                    .find_map(|id| q.choices.iter().find(|c| &c.id == id))
                    .and_then(|c| c.misconception.clone());
                Some(ResultAnswer {
                    question: q.id.clone(),
                    correct: g.correct,
                    chosen: g.chosen.clone(),
                    time_ms: g.time_ms,
                    domains: q.domains.clone(),
                    misconception_chosen,
                })
            })
            .collect();
        Some(AttemptResult {
            student: student.name.clone(),
            exam_or_quiz: self.spec.exam_or_quiz.clone(),
            started_at: self.started_at,
            seed: Some(self.spec.seed),
            answers,
        })
    }

    /// Puts a saved result file's answers back (a restarted server resumes its class). Answers
    /// to questions not in this set are ignored.
    pub fn restore(&mut self, bank: &Bank, saved: &AttemptResult) -> bool {
        if saved.exam_or_quiz != self.spec.exam_or_quiz || saved.seed != Some(self.spec.seed) {
            return false;
        }
        let Ok((key, _)) = self.join(&saved.student) else {
            return false;
        };
        if let Some(&i) = self.by_key.get(&key) {
            self.students[i].connected = false;
        }
        self.events.clear();
        if self.started_at == 0 {
            self.started_at = saved.started_at;
        }
        for a in &saved.answers {
            let Some(n) = self.spec.items.iter().position(|it| {
                bank.entries
                    .get(it.entry)
                    .is_some_and(|e| e.question.id == a.question)
            }) else {
                continue;
            };
            let seq = self.answers_given;
            let Some(&i) = self.by_key.get(&key) else {
                continue;
            };
            if let Some(slot) = self.students[i].answers.get_mut(n) {
                *slot = Some(Given {
                    chosen: a.chosen.clone(),
                    correct: a.correct,
                    time_ms: a.time_ms,
                    seq,
                });
                self.answers_given += 1;
            }
        }
        true
    }

    /// How the class answered each question of the set.
    pub fn stats(&self, bank: &Bank) -> Vec<QuestionStat> {
        self.spec
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| {
                let question = bank.entries.get(item.entry).map(|e| &e.question);
                let mut answered = 0;
                let mut right = 0;
                let mut wrong: HashMap<&str, usize> = HashMap::new();
                for s in &self.students {
                    let Some(Some(g)) = s.answers.get(n) else {
                        continue;
                    };
                    answered += 1;
                    if g.correct {
                        right += 1;
                        continue;
                    }
                    let right_ids = question
                        .map(super::super::quiz::Question::correct_ids)
                        .unwrap_or_default();
                    for id in g
                        .chosen
                        .iter()
                        .filter(|id| !right_ids.contains(&id.as_str()))
                    {
                        *wrong.entry(id.as_str()).or_default() += 1;
                    }
                }
                // Most chosen first; ties go to the smaller id, so the table does not flicker.
                let top_wrong = wrong
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                    .map(|(id, count)| {
                        let tag = question.and_then(|q| {
                            q.choices
                                .iter()
                                .find(|c| c.id == id)
                                .and_then(|c| c.misconception.clone())
                        });
                        (id.to_owned(), count, tag)
                    });
                QuestionStat {
                    answered,
                    right,
                    top_wrong,
                }
            })
            .collect()
    }

    /// How many answers were given (and restored) so far: [`Class::stats`] changes only when
    /// this does.
    pub fn answers_given(&self) -> usize {
        self.answers_given
    }

    /// The events since the last call.
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// How many students are connected now.
    pub fn connected(&self) -> usize {
        self.students.iter().filter(|s| s.connected).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::BankSource;
    use crate::quiz::session::{Filter, draw};

    fn class() -> (Bank, Class) {
        let bank = Bank::load(&BankSource::Embedded);
        let items = draw(&bank, &Filter::default(), 5, 7)
            .into_iter()
            .filter(|i| !bank.entries[i.entry].question.choices.is_empty())
            .collect();
        let class = Class::new(Spec {
            exam_or_quiz: "class".into(),
            seed: 7,
            items,
            minutes: 10,
            max_students: 2,
        });
        (bank, class)
    }

    #[test]
    fn names_are_validated_and_case_folded() {
        assert_eq!(validate_name("민지").as_deref(), Some("민지"));
        assert_eq!(validate_name("kim.minji_2").as_deref(), Some("kim.minji_2"));
        for bad in [
            "",
            ".hidden",
            "a b",
            "a/b",
            "x\u{1b}[2J",
            &"가".repeat(25),
            "a\u{202e}",
        ] {
            assert_eq!(validate_name(bad), None, "{bad:?}");
        }
        assert_eq!(name_key("MinJi"), "minji");
    }

    #[test]
    fn choices_are_shuffled_per_student_but_stable_per_name() {
        let (_, c) = class();
        let a = items_for(&c.spec.items, 7, "민지");
        let again = items_for(&c.spec.items, 7, "민지");
        let other = items_for(&c.spec.items, 7, "서준");
        let orders = |v: &[Item]| v.iter().map(|i| i.order.clone()).collect::<Vec<_>>();
        assert_eq!(orders(&a), orders(&again));
        assert_ne!(orders(&a), orders(&other));
        // Same questions in the same order for everyone.
        let entries = |v: &[Item]| v.iter().map(|i| i.entry).collect::<Vec<_>>();
        assert_eq!(entries(&a), entries(&other));
    }

    #[test]
    fn a_round_takes_answers_only_while_running_and_keeps_them_across_reconnects() {
        let (bank, mut c) = class();
        let (key, g1) = c.join("Minji").unwrap();
        let q = &bank.entries[c.spec.items[0].entry].question;
        let right: Vec<String> = q.correct_ids().iter().map(|s| (*s).to_owned()).collect();
        assert_eq!(
            c.answer(&bank, &key, 0, right.clone(), 10),
            Err(AnswerError::NotRunning)
        );
        c.start(0, 1_767_225_600);
        assert_eq!(c.answer(&bank, &key, 0, right.clone(), 10), Ok(true));
        assert_eq!(
            c.answer(&bank, &key, 0, right.clone(), 10),
            Err(AnswerError::AlreadyAnswered)
        );
        assert_eq!(
            c.answer(&bank, &key, 1, vec!["nope".into()], 10),
            Err(AnswerError::Invalid)
        );
        c.leave(&key, g1);
        assert!(!c.student(&key).unwrap().connected);
        let (_, g2) = c.join("MINJI").unwrap_err_or_resume();
        assert!(g2 > g1);
        assert!(!c.is_current(&key, g1));
        assert_eq!(c.student(&key).unwrap().progress(), (1, 1));
        let result = c.result_of(&bank, &key).unwrap();
        assert_eq!(result.answers.len(), 1);
        assert_eq!(result.answers[0].question, q.id);
        assert_eq!(result.seed, Some(7));
        assert_eq!(result.started_at, 1_767_225_600);
    }

    trait Resume {
        fn unwrap_err_or_resume(self) -> (String, u64);
    }
    impl Resume for Result<(String, u64), JoinError> {
        fn unwrap_err_or_resume(self) -> (String, u64) {
            self.expect("resume")
        }
    }

    #[test]
    fn the_clock_pauses_and_ends_the_round() {
        let (_, mut c) = class();
        c.start(1000, 0);
        assert_eq!(c.remaining_ms(61_000), 540_000);
        c.toggle_pause(61_000, 0);
        assert_eq!(c.phase(), Phase::Paused);
        assert_eq!(c.remaining_ms(500_000), 540_000);
        c.toggle_pause(500_000, 0);
        assert!(!c.tick(500_000 + 539_999));
        assert!(c.tick(500_000 + 540_000));
        assert_eq!(c.phase(), Phase::Ended);
    }

    #[test]
    fn the_class_is_bounded_and_kicked_students_stay_out() {
        let (_, mut c) = class();
        let (a, _) = c.join("a").unwrap();
        c.join("b").unwrap();
        assert_eq!(c.join("c"), Err(JoinError::Full));
        c.kick(&a);
        assert_eq!(c.join("A"), Err(JoinError::Kicked));
        assert_eq!(c.join("bad name"), Err(JoinError::BadName));
    }

    #[test]
    fn stats_name_the_most_chosen_wrong_choice() {
        let (bank, mut c) = class();
        c.spec.max_students = 10;
        c.start(0, 0);
        let q = &bank.entries[c.spec.items[0].entry].question;
        let right = q.correct_ids();
        let wrong = q
            .choices
            .iter()
            .find(|ch| !right.contains(&ch.id.as_str()))
            .unwrap();
        let n_right = right.len();
        for name in ["a", "b", "c"] {
            let (k, _) = c.join(name).unwrap();
            let mut chosen: Vec<String> = right.iter().map(|s| (*s).to_owned()).collect();
            if name != "a" {
                chosen[0] = wrong.id.clone();
            }
            chosen.truncate(n_right);
            c.answer(&bank, &k, 0, chosen, 1).unwrap();
        }
        let s = &c.stats(&bank)[0];
        assert_eq!((s.answered, s.right), (3, 1));
        let (id, count, tag) = s.top_wrong.clone().unwrap();
        assert_eq!((id.as_str(), count), (wrong.id.as_str(), 2));
        assert_eq!(tag, wrong.misconception);
    }

    #[test]
    fn a_saved_result_is_restored() {
        let (bank, mut c) = class();
        let (k, _) = c.join("민지").unwrap();
        c.start(0, 99);
        let q = &bank.entries[c.spec.items[2].entry].question;
        let right: Vec<String> = q.correct_ids().iter().map(|s| (*s).to_owned()).collect();
        c.answer(&bank, &k, 2, right, 5).unwrap();
        let saved = c.result_of(&bank, &k).unwrap();
        let (_, mut fresh) = class();
        assert!(fresh.restore(&bank, &saved));
        let s = fresh.student(&k).unwrap();
        assert!(!s.connected);
        assert!(s.answers[2].as_ref().unwrap().correct);
        assert_eq!(fresh.result_of(&bank, &k).unwrap().answers, saved.answers);
    }
}
