//! Spaced review, scheduled with SM-2 (the `SuperMemo` 2 algorithm by Piotr Wozniak).
//!
//! A question enters the review queue when it is answered wrongly or hesitantly (slower than
//! [`HESITANT_MS`]); a confident right answer to a question that has no card yet creates none.
//! Once a question has a card, every answer reschedules it. A wrong answer brings it back in ten
//! minutes (so one session can retry it) and resets the streak; right answers space it out by
//! 1 day, 6 days, then the previous interval times the ease factor.
//!
//! The store keeps integers only: `stability_milli` holds the interval in thousandths of a day,
//! `difficulty_milli` the ease factor in thousandths (SM-2 starts at 2.5, never below 1.3).

use crate::store::CardState;

/// An answer slower than this counts as hesitant (a right answer, but worth seeing again).
pub const HESITANT_MS: u64 = 40_000;

const DAY_S: u64 = 86_400;
const RETRY_S: u64 = 600;
const START_EASE: u32 = 2_500;
const MIN_EASE: u32 = 1_300;

/// SM-2's answer quality from a right/wrong answer and how long it took (0-5 scale).
fn quality(correct: bool, time_ms: u64) -> u8 {
    match (correct, time_ms > HESITANT_MS) {
        (false, _) => 1,
        (true, true) => 3,
        (true, false) => 5,
    }
}

/// The card after an answer at `now` (Unix seconds); `None` when no review is needed.
pub fn schedule(
    card: Option<&CardState>,
    correct: bool,
    time_ms: u64,
    now: u64,
) -> Option<CardState> {
    let q = quality(correct, time_ms);
    if card.is_none() && q == 5 {
        return None;
    }
    let mut c = card.cloned().unwrap_or(CardState {
        difficulty_milli: START_EASE,
        ..CardState::default()
    });
    if c.difficulty_milli == 0 {
        c.difficulty_milli = START_EASE;
    }
    // EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), in thousandths.
    let miss = i64::from(5 - q);
    let delta = 100 - miss * (80 + miss * 20);
    c.difficulty_milli = (i64::from(c.difficulty_milli) + delta).max(i64::from(MIN_EASE)) as u32;
    if q < 3 {
        if c.reps > 0 {
            c.lapses += 1;
        }
        c.reps = 0;
        c.stability_milli = 0;
        c.due = now + RETRY_S;
        return Some(c);
    }
    let interval_milli: u64 = match c.reps {
        0 => 1_000,
        1 => 6_000,
        _ => u64::from(c.stability_milli).max(1_000) * u64::from(c.difficulty_milli) / 1_000,
    };
    c.reps += 1;
    c.stability_milli = u32::try_from(interval_milli).unwrap_or(u32::MAX);
    c.due = now + interval_milli * DAY_S / 1_000;
    Some(c)
}

/// Ids of the cards due at `now`, most overdue first.
pub fn due<'a>(
    cards: impl IntoIterator<Item = (&'a String, &'a CardState)>,
    now: u64,
) -> Vec<&'a str> {
    let mut due: Vec<(&str, u64)> = cards
        .into_iter()
        .filter(|(_, c)| c.due <= now)
        .map(|(id, c)| (id.as_str(), c.due))
        .collect();
    due.sort_by_key(|&(id, d)| (d, id));
    due.into_iter().map(|(id, _)| id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: u64 = 1_800_000_000;

    #[test]
    fn confident_right_answers_need_no_card() {
        assert_eq!(schedule(None, true, 5_000, NOW), None);
    }

    #[test]
    fn wrong_answers_come_back_in_ten_minutes() {
        let c = schedule(None, false, 5_000, NOW).unwrap();
        assert_eq!(c.due, NOW + 600);
        assert_eq!(c.reps, 0);
        assert_eq!(
            c.difficulty_milli,
            2_500 - 540,
            "SM-2: q = 1 lowers the ease by 0.54"
        );
    }

    #[test]
    fn hesitant_right_answers_enter_the_queue_for_tomorrow() {
        let c = schedule(None, true, HESITANT_MS + 1, NOW).unwrap();
        assert_eq!(c.due, NOW + DAY_S);
        assert_eq!(
            c.difficulty_milli,
            2_500 - 140,
            "q = 3 lowers the ease by 0.14"
        );
    }

    #[test]
    fn intervals_grow_1_6_then_times_ease() {
        let c1 = schedule(None, false, 1_000, NOW).unwrap();
        let c2 = schedule(Some(&c1), true, 1_000, NOW).unwrap();
        assert_eq!(c2.due - NOW, DAY_S);
        let c3 = schedule(Some(&c2), true, 1_000, NOW).unwrap();
        assert_eq!(c3.due - NOW, 6 * DAY_S);
        let c4 = schedule(Some(&c3), true, 1_000, NOW).unwrap();
        // 6 days × ease (2.5 - 0.54 + 0.1 + 0.1 + 0.1 = 2.26) = 13.56 days.
        assert_eq!(c4.stability_milli, 6_000 * 2_260 / 1_000);
        let lapse = schedule(Some(&c4), false, 1_000, NOW).unwrap();
        assert_eq!((lapse.reps, lapse.lapses, lapse.due), (0, 1, NOW + 600));
    }

    #[test]
    fn ease_never_drops_below_1_3() {
        let mut c = schedule(None, false, 0, NOW).unwrap();
        for _ in 0..20 {
            c = schedule(Some(&c), false, 0, NOW).unwrap();
        }
        assert_eq!(c.difficulty_milli, MIN_EASE);
    }

    #[test]
    fn due_lists_the_most_overdue_first() {
        let cards: std::collections::BTreeMap<String, CardState> = [
            (
                "a".to_owned(),
                CardState {
                    due: NOW + 10,
                    ..CardState::default()
                },
            ),
            (
                "b".to_owned(),
                CardState {
                    due: NOW - 100,
                    ..CardState::default()
                },
            ),
            (
                "c".to_owned(),
                CardState {
                    due: NOW - 5,
                    ..CardState::default()
                },
            ),
        ]
        .into_iter()
        .collect();
        assert_eq!(due(&cards, NOW), vec!["b", "c"]);
    }
}
