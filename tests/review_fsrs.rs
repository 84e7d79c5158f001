//! FSRS review (issue 11): SM-2 cards migrate without losing a card or a due date, mock-exam
//! mistakes feed the review queue, and `gureum stats --json` / `gureum review --plain` see
//! what `gureum quiz --plain` recorded.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use gureum::quiz::exam::{Blueprint, ExamId, ExamResponse, ExamState, draw_exam, feed};
use gureum::quiz::review::{STATE_LEARNING, STATE_RELEARNING, STATE_REVIEW};
use gureum::quiz::session::{self, Filter, Item};
use gureum::quiz::{Answer, Bank, BankSource, Kind, Question};
use gureum::store::{CardState, ExamAttempt, SCHEMA_VERSION, Store};
use serde_json::Value;

const SM2_JSON: &str = include_str!("fixtures/progress-sm2/progress.json");
const SM2_SQL: &str = include_str!("fixtures/progress-sm2/progress-v1.sql");

/// The SM-2 cards of the JSON fixture (the SQL one holds the same).
fn sm2_cards() -> BTreeMap<String, CardState> {
    let v: Value = serde_json::from_str(SM2_JSON).unwrap();
    serde_json::from_value(v["cards"].clone()).unwrap()
}

fn check_migrated(store: &Store) {
    let before = sm2_cards();
    let after = &store.progress().cards;
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "no card is lost"
    );
    for (id, old) in &before {
        let new = &after[id];
        assert_eq!(new.due, old.due, "{id}: the due date is kept");
        assert_eq!((new.reps, new.lapses), (old.reps, old.lapses), "{id}");
        assert!(
            (1_000..=10_000).contains(&new.difficulty_milli),
            "{id}: FSRS difficulty 1-10: {new:?}"
        );
        assert!(new.stability_milli >= 100, "{id}: {new:?}");
        assert!(new.last_review <= new.due, "{id}: {new:?}");
        let want = if old.reps > 0 {
            STATE_REVIEW
        } else if old.lapses > 0 {
            STATE_RELEARNING
        } else {
            STATE_LEARNING
        };
        assert_eq!(new.state, want, "{id}");
    }
    // Mature SM-2 cards keep their interval as stability; ease maps onto difficulty.
    let mature = &after["us-ddb-gsi-consistency"];
    assert_eq!(mature.stability_milli, 13_560);
    assert_eq!(mature.last_review, 1_797_816_000 - 13_560 * 86_400 / 1000);
    assert_eq!(after["lapsed-card"].difficulty_milli, 10_000, "ease 1.3");
    assert_eq!(after["unset-ease"].difficulty_milli, 5_000);
    assert!(
        after["easy-card"].difficulty_milli < 5_000,
        "ease 2.9 is easy"
    );
    // The migrated cards schedule with FSRS from here.
    let next = store
        .scheduler()
        .next(Some(mature), gureum::quiz::review::Grade::Good, mature.due)
        .unwrap();
    assert!(next.due > mature.due + 13 * 86_400, "{next:?}");
}

#[test]
fn sm2_cards_of_progress_json_migrate_keeping_every_due_date() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("progress.json"), SM2_JSON).unwrap();
    let (store, notices) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    check_migrated(&store);
    assert_eq!(store.answers().unwrap().len(), 1);
    drop(store);
    let (again, _) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    check_migrated(&again);
}

#[test]
fn sm2_cards_of_a_schema_1_database_migrate_keeping_every_due_date() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join(gureum::store::DB_NAME);
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(SM2_SQL)
        .unwrap();
    let (store, notices) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    check_migrated(&store);
    assert_eq!(store.answers().unwrap().len(), 2, "answers untouched");
    let version: i64 = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version as u64, SCHEMA_VERSION);
}

/// Display numbers that answer `q` (shown as `item`) wrongly, or a wrong number.
fn wrong_input(q: &Question, item: &Item) -> String {
    if q.kind == Kind::Numeric {
        let Answer::Number(n) = q.answer else {
            unreachable!()
        };
        return (n + 12_345.0).to_string();
    }
    let right = q.correct_ids();
    let shown: Vec<bool> = item
        .order
        .iter()
        .map(|&c| right.contains(&q.choices[c].id.as_str()))
        .collect();
    let wrong = shown.iter().position(|r| !r).unwrap() + 1;
    if q.kind == Kind::Multiple {
        // One wrong choice plus right ones up to the count asked for.
        let mut picks = vec![wrong];
        picks.extend(
            shown
                .iter()
                .enumerate()
                .filter(|(_, r)| **r)
                .map(|(i, _)| i + 1)
                .take(right.len() - 1),
        );
        return picks
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",");
    }
    wrong.to_string()
}

/// Display numbers of the right answer.
fn right_input(q: &Question, item: &Item) -> String {
    if let Answer::Number(n) = q.answer {
        return n.to_string();
    }
    let right = q.correct_ids();
    item.order
        .iter()
        .enumerate()
        .filter(|(_, c)| right.contains(&q.choices[**c].id.as_str()))
        .map(|(i, _)| (i + 1).to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn gureum(data: &Path, args: &[&str], input: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .env("GUREUM_DATA_DIR", data)
        .env("GUREUM_CONFIG_DIR", data.join("config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gureum");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The question ids `quiz --plain`/`review --plain` asked (`[n/total] id` lines).
fn asked(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter(|l| l.starts_with('['))
        .filter_map(|l| l.split_whitespace().nth(1).map(str::to_owned))
        .collect()
}

fn stats(data: &Path) -> Value {
    let (code, out, err) = gureum(data, &["stats", "--json"], "");
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn quiz_mistakes_show_in_stats_and_review_asks_exactly_the_due_questions() {
    let data = tempfile::tempdir().unwrap();
    let bank = Bank::load(&BankSource::Embedded);
    let items = session::draw(&bank, &Filter::default(), 6, 11);
    // Wrong answers to the first four, right (and fast) to the last two.
    let input: String = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let q = &bank.entries[item.entry].question;
            let line = if i < 4 {
                wrong_input(q, item)
            } else {
                right_input(q, item)
            };
            line + "\n"
        })
        .collect();
    let (code, out, err) = gureum(
        data.path(),
        &["quiz", "--plain", "--seed", "11", "--count", "6"],
        &input,
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("6문제 중 2문제 맞혔어요"), "{out}");
    let ids: Vec<String> = items
        .iter()
        .map(|i| bank.entries[i.entry].question.id.clone())
        .collect();
    assert_eq!(asked(&out), ids);

    let s = stats(data.path());
    assert_eq!(s["cards"], 4, "a right first answer makes no card: {s}");
    assert_eq!(s["due_now"], 4, "mistakes are due at once: {s}");
    let week = s["due_next_7_days"].as_array().unwrap();
    assert_eq!(week.len(), 7);
    assert!(week.iter().all(|n| n.as_u64() == Some(0)), "{s}");
    // Every domain answered counts its answers; the six answers' domains add up.
    let domains = s["domains"].as_object().unwrap();
    assert_eq!(domains.len(), 8, "every exam domain: {s}");
    let answered: u64 = domains
        .values()
        .map(|d| d["answered"].as_u64().unwrap())
        .sum();
    let correct: u64 = domains
        .values()
        .map(|d| d["correct"].as_u64().unwrap())
        .sum();
    let tagged: usize = items
        .iter()
        .map(|i| bank.entries[i.entry].question.domains.len())
        .sum();
    assert_eq!(answered as usize, tagged);
    let right_tags: usize = items[4..]
        .iter()
        .map(|i| bank.entries[i.entry].question.domains.len())
        .sum();
    assert_eq!(correct as usize, right_tags);
    for d in domains.values() {
        let (a, c) = (
            d["answered"].as_f64().unwrap(),
            d["correct"].as_f64().unwrap(),
        );
        if a > 0.0 {
            assert!((d["accuracy"].as_f64().unwrap() - c / a).abs() < 1e-9);
        } else {
            assert!(d["accuracy"].is_null());
        }
    }
    assert_eq!(s["exams"], Value::Array(Vec::new()));

    // The review asks the due questions, most overdue first; `--count` caps them. Wrong
    // answers keep them due.
    let due_order = |data: &Path| -> Vec<String> {
        let (store, _) = Store::open_in(data, gureum::clock::now()).unwrap();
        gureum::quiz::review::due(&store.progress().cards, u64::MAX / 2)
            .into_iter()
            .map(str::to_owned)
            .collect()
    };
    let order = due_order(data.path());
    assert_eq!(
        order.iter().cloned().collect::<BTreeSet<_>>(),
        ids[..4].iter().cloned().collect::<BTreeSet<_>>()
    );
    let seeded = session::draw_ids(&bank, &order, 5);
    let wrong: String = seeded[..2]
        .iter()
        .map(|item| wrong_input(&bank.entries[item.entry].question, item) + "\n")
        .collect();
    let (code, out, err) = gureum(
        data.path(),
        &["review", "--plain", "--count", "2", "--seed", "5"],
        &wrong,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(asked(&out), order[..2].to_vec(), "{out}");
    assert!(out.contains("복습 2문제 중 0문제 맞혔어요"), "{out}");
    assert_eq!(stats(data.path())["due_now"], 4);
    // All of them, answered right.
    let order = due_order(data.path());
    let seeded = session::draw_ids(&bank, &order, 5);
    let input: String = seeded
        .iter()
        .map(|item| right_input(&bank.entries[item.entry].question, item) + "\n")
        .collect();
    let (code, out, err) = gureum(data.path(), &["review", "--plain", "--seed", "5"], &input);
    assert_eq!(code, 0, "{err}");
    assert_eq!(asked(&out), order, "exactly the due questions: {out}");
    assert!(out.contains("복습 4문제 중 4문제 맞혔어요"), "{out}");
    let s = stats(data.path());
    assert_eq!(s["due_now"], 0, "{s}");
    assert_eq!(s["cards"], 4);
    let (code, out, _) = gureum(data.path(), &["review", "--plain"], "");
    assert_eq!(code, 0);
    assert!(out.contains("지금 복습할 문제가 없어요"), "{out}");
    assert!(asked(&out).is_empty());
}

/// A submitted 5-question SAA-C03 exam: question 1 right, 2 wrong, 3 unanswered, 4 right and
/// flagged, 5 right.
fn finished_exam(bank: &Bank) -> ExamState {
    let drawn = draw_exam(bank, &Blueprint::saa_c03().custom(5, 10), 3);
    let mut state = ExamState::start(bank, &drawn, 10, 1_000);
    let items = state.resolve(bank).unwrap();
    for (i, item) in items.iter().enumerate() {
        let q = &bank.entries[item.entry].question;
        let input = match i {
            1 => wrong_input(q, item),
            2 => continue,
            _ => right_input(q, item),
        };
        let r = session::parse_response(q, item, &input).unwrap();
        state.answer(i, ExamResponse::from(r), 2_000);
    }
    state.toggle_flag(3);
    state.submit(5_000);
    state
}

#[test]
fn exam_mistakes_wrong_unanswered_and_flagged_become_due_cards() {
    let bank = Bank::load(&BankSource::Embedded);
    let state = finished_exam(&bank);
    let ids: Vec<String> = state.items().iter().map(|i| i.id.clone()).collect();
    let mistakes = feed::mistakes(&state, &bank);
    assert_eq!(
        mistakes,
        vec![ids[1].clone(), ids[2].clone(), ids[3].clone()]
    );
    let session = feed::mistakes_session(&state, &bank, 1);
    assert_eq!(
        session
            .iter()
            .map(|i| bank.entries[i.entry].question.id.clone())
            .collect::<Vec<_>>(),
        mistakes
    );

    let dir = tempfile::tempdir().unwrap();
    let (mut store, _) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    store.save_running_exam(&state);
    let now = 1_800_000_000;
    let attempt = ExamAttempt {
        exam: ExamId::SaaC03.id().into(),
        started: 1,
        seconds: 4,
        correct: 3,
        total: 5,
    };
    let back = store.finish_exam_graded(&state, attempt, feed::exam_reviews(&state, &bank), now);
    assert_eq!(back, mistakes);
    assert!(store.running_exam().is_none());
    drop(store);
    let (store, _) = Store::open_in(dir.path(), gureum::clock::now()).unwrap();
    let cards = &store.progress().cards;
    for id in &mistakes {
        assert_eq!(cards[id].due, now, "{id} is due now");
    }
    assert!(!cards.contains_key(&ids[0]) && !cards.contains_key(&ids[4]));
    assert_eq!(
        gureum::quiz::review::due(cards, now).len(),
        3,
        "the review queue has them"
    );
    assert_eq!(store.progress().exams.len(), 1);
    assert_eq!(store.finished_exams().unwrap().len(), 1);
    // Practice answers were not touched: the results export stays practice only.
    assert!(store.answers().unwrap().is_empty());
}

#[test]
fn a_right_exam_answer_reschedules_an_existing_card_like_practice() {
    let bank = Bank::load(&BankSource::Embedded);
    let state = finished_exam(&bank);
    let first = state.items()[0].id.clone();
    let mut store = Store::in_memory(gureum::store::Progress::default());
    let card = store
        .scheduler()
        .next(None, gureum::quiz::review::Grade::Again, 100)
        .unwrap();
    store.set_card(&first, card.clone());
    store.finish_exam_graded(
        &state,
        ExamAttempt::default(),
        feed::exam_reviews(&state, &bank),
        10_000,
    );
    let after = &store.progress().cards[&first];
    assert!(after.due > 10_000, "a Good answer moves it on: {after:?}");
    assert_eq!(after.last_review, 10_000);
}
