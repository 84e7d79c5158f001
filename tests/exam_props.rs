//! Property tests of the exam state machine: random action sequences with a clock that only
//! moves forward never panic, never give negative or growing remaining time, always end
//! submitted after the deadline, and survive a JSON save and load unchanged.

use std::sync::LazyLock;

use gureum::quiz::exam::{
    Blueprint, ExamId, ExamResponse, ExamResult, ExamState, Outcome, Slot, draw_exam,
};
use gureum::quiz::{Bank, BankSource};
use proptest::prelude::*;
use proptest::sample::Index;

static BANK: LazyLock<Bank> = LazyLock::new(|| Bank::load(&BankSource::Embedded));

const T0: u64 = 1_700_000_000_000;

/// A response as generated: resolved against the target question when applied, so most are
/// valid choice ids and some are deliberately wrong (unknown id, wrong kind, NaN).
#[derive(Debug, Clone)]
enum Resp {
    Picks(Vec<Index>),
    Unknown,
    Number(f64),
}

#[derive(Debug, Clone)]
enum Action {
    Answer(Index, Resp),
    Clear(Index),
    Flag(Index),
    Goto(Index),
    GotoFar(usize),
    Next,
    Prev,
    Tick,
    Submit,
    SaveLoad,
}

fn resp() -> impl Strategy<Value = Resp> {
    prop_oneof![
        4 => prop::collection::vec(any::<Index>(), 0..4).prop_map(Resp::Picks),
        1 => Just(Resp::Unknown),
        2 => any::<f64>().prop_map(Resp::Number),
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        6 => (any::<Index>(), resp()).prop_map(|(i, r)| Action::Answer(i, r)),
        1 => any::<Index>().prop_map(Action::Clear),
        2 => any::<Index>().prop_map(Action::Flag),
        1 => any::<Index>().prop_map(Action::Goto),
        1 => any::<usize>().prop_map(Action::GotoFar),
        2 => Just(Action::Next),
        1 => Just(Action::Prev),
        2 => Just(Action::Tick),
        1 => Just(Action::Submit),
        2 => Just(Action::SaveLoad),
    ]
}

/// Time steps: mostly seconds to minutes, sometimes none, sometimes a jump past any deadline.
fn step() -> impl Strategy<Value = u64> {
    prop_oneof![
        2 => Just(0u64),
        8 => 0u64..180_000,
        1 => 0u64..u64::MAX / 4,
    ]
}

/// An index into the exam; an empty exam still gets one (out of range) so actions hit it.
fn pick(i: Index, len: usize) -> usize {
    i.index(len.max(1))
}

fn to_response(state: &ExamState, index: usize, r: &Resp) -> ExamResponse {
    let choices = state
        .items()
        .get(index)
        .map(|it| it.choices.clone())
        .unwrap_or_default();
    match r {
        Resp::Picks(picks) if !choices.is_empty() => {
            ExamResponse::Choices(picks.iter().map(|p| p.get(&choices).clone()).collect())
        }
        Resp::Picks(_) | Resp::Unknown => ExamResponse::Choices(vec!["no-such-choice".into()]),
        Resp::Number(n) => ExamResponse::Number(*n),
    }
}

fn roundtrip(state: &ExamState) -> ExamState {
    let json = state.to_json().expect("serialises");
    let back = ExamState::from_json(&json).expect("loads what it saved");
    assert_eq!(&back, state);
    assert_eq!(
        back.to_json().unwrap(),
        json,
        "re-saving gives the same bytes"
    );
    back
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_action_sequence_keeps_the_exam_consistent(
        exam in prop::sample::select(ExamId::ALL.to_vec()),
        count in 0usize..12,
        minutes in 0u32..20,
        seed in any::<u64>(),
        start_offset in 0u64..1_000_000_000,
        actions in prop::collection::vec((step(), action()), 0..60),
    ) {
        let bank = &*BANK;
        let bp = Blueprint::full(exam).custom(count, minutes);
        let drawn = draw_exam(bank, &bp, seed);
        prop_assert_eq!(drawn.items.len(), count, "the real bank fills small mocks");
        let started = T0 + start_offset;
        let mut state = ExamState::start(bank, &drawn, minutes, started);
        let full = u64::from(minutes) * 60_000;
        let mut now = started;
        let mut last_remaining = state.remaining_ms(now);
        prop_assert_eq!(last_remaining, full);

        for (dt, action) in actions {
            now = now.saturating_add(dt);
            let before = state.clone();
            let len = state.len();
            let outcome = match &action {
                Action::Answer(i, r) => {
                    let index = pick(*i, len);
                    let response = to_response(&state, index, r);
                    state.answer(index, response, now)
                }
                Action::Clear(i) => state.clear(pick(*i, len), now),
                Action::Flag(i) => state.toggle_flag(pick(*i, len)),
                Action::Goto(i) => state.goto(pick(*i, len)),
                Action::GotoFar(i) => state.goto(*i),
                Action::Next => state.next_question(),
                Action::Prev => state.prev_question(),
                Action::Tick => state.tick(now),
                Action::Submit => state.submit(now),
                Action::SaveLoad => {
                    state = roundtrip(&state);
                    Outcome::Unchanged
                }
            };

            // The outcome tells the truth about whether anything changed.
            prop_assert_eq!(outcome.changed(), state != before, "{:?} -> {:?}", action, outcome);
            // Nothing changes once submitted.
            if before.is_submitted() {
                prop_assert_eq!(&state, &before);
            }
            // An answer is only ever recorded before the deadline.
            if matches!(action, Action::Answer(..)) && outcome == Outcome::Applied {
                prop_assert!(now < state.deadline_ms());
            }
            // Time-sensitive actions at or after the deadline leave the exam submitted.
            let timed = matches!(action, Action::Answer(..) | Action::Clear(_) | Action::Tick | Action::Submit);
            if timed && now >= state.deadline_ms() {
                prop_assert!(state.is_submitted());
                if !before.is_submitted() {
                    prop_assert_eq!(outcome, Outcome::TimeUp);
                }
            }
            // The UI ticks every frame: after that, past the deadline means submitted.
            state.tick(now);
            if state.is_expired(now) {
                prop_assert!(state.is_submitted());
            }
            if let Some(s) = state.submission() {
                prop_assert!(s.at_ms >= started && s.at_ms <= state.deadline_ms());
            }

            // Remaining time: never more than allowed, never growing as the clock moves on.
            let remaining = state.remaining_ms(now);
            prop_assert!(remaining <= full);
            prop_assert!(remaining <= last_remaining);
            // Zero exactly when the time ran out: now, or frozen at a submission at the deadline.
            let ran_out = state
                .submission()
                .map_or(state.is_expired(now), |s| s.at_ms == state.deadline_ms());
            prop_assert_eq!(remaining == 0, ran_out);
            last_remaining = remaining;

            // Views stay in range and agree with each other.
            prop_assert!(state.current() < state.len().max(1));
            let overview = state.overview();
            prop_assert_eq!(overview.len(), state.len());
            let empty_or_flagged_unanswered = overview
                .iter()
                .filter(|s| matches!(s, Slot::Empty | Slot::Flagged { answered: false }))
                .count();
            prop_assert_eq!(empty_or_flagged_unanswered, state.unanswered().len());
            prop_assert_eq!(
                overview.iter().filter(|s| matches!(s, Slot::Flagged { .. })).count(),
                state.flagged().len()
            );
        }

        // Save and load round-trips whatever the sequence did, and a finished exam grades
        // with per-domain totals that add up.
        let state = roundtrip(&state);
        let mut finished = state.clone();
        finished.submit(now);
        prop_assert!(finished.is_submitted());
        let result = ExamResult::grade(&finished, bank).expect("grades");
        prop_assert_eq!(result.total, count);
        prop_assert_eq!(result.domains.iter().map(|d| d.total).sum::<usize>(), count);
        prop_assert_eq!(result.domains.iter().map(|d| d.correct).sum::<usize>(), result.correct);
        prop_assert_eq!(result.correct + result.wrong.len() + result.skipped.len(), count);
        prop_assert!((100..=1000).contains(&result.estimated_scaled_score));
    }

    #[test]
    fn loading_arbitrary_text_never_panics(text in ".{0,200}") {
        let _ = ExamState::from_json(&text);
    }

    #[test]
    fn loading_a_damaged_save_never_panics_and_what_loads_is_usable(
        seed in any::<u64>(),
        field in prop::sample::select(vec!["current", "deadline_ms", "started_at_ms", "version", "seed"]),
        value in any::<u64>(),
        now in any::<u64>(),
    ) {
        let bank = &*BANK;
        let bp = Blueprint::saa_c03().custom(5, 10);
        let drawn = draw_exam(bank, &bp, seed);
        let state = ExamState::start(bank, &drawn, 10, T0);
        let mut v: serde_json::Value = serde_json::from_str(&state.to_json().unwrap()).unwrap();
        v[field] = value.into();
        if let Ok(mut loaded) = ExamState::from_json(&v.to_string()) {
            // Whatever passed the checks must behave like any other exam.
            let _ = loaded.remaining_ms(now);
            let current = loaded.current();
            let _ = loaded.answer(current, ExamResponse::Number(1.0), now);
            let _ = loaded.next_question();
            let _ = loaded.tick(now);
            prop_assert!(loaded.current() < loaded.len().max(1));
        }
    }
}
