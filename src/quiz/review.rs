//! Spaced review, scheduled with FSRS (the Free Spaced Repetition Scheduler, FSRS-5 default
//! weights) through the `rs-fsrs` crate.
//!
//! # Grades
//!
//! gureum does not ask the learner to grade themselves; the grade comes from the answer:
//!
//! - wrong (or unanswered in a mock exam) → **Again**;
//! - right, but slower than [`slow_threshold_ms`] for the question's difficulty (or flagged in
//!   a mock exam: the learner was unsure) → **Hard**;
//! - right → **Good**.
//!
//! "Slow" is more than 30 s + 30 s × difficulty: 60 s for an easy question (difficulty 1),
//! 90 s for a medium one, 120 s for a hard one. 120 s is the real exam's average pace (130
//! minutes for 65 questions), so a hard question answered slower than that would cost time in
//! the exam; easier questions should go faster.
//!
//! A question enters the review queue when its grade is Again or Hard; a Good answer to a
//! question that has no card yet creates none. Once a question has a card, every answer
//! reschedules it.
//!
//! # Due times
//!
//! - Again is due at once (FSRS would wait 1-5 minutes): a mistake belongs in the very next
//!   review, which the learner starts when they choose ("틀린 문제 N개 지금 복습").
//! - The crate's other short learning steps (5 or 10 minutes) are kept.
//! - An interval of n ≥ 1 days is due from the learner's **local midnight** n days after the
//!   answer's local day, not n × 86,400 s after the answer: a card due "tomorrow" is due from
//!   00:00 tomorrow. The local UTC offset comes from the system ([`local_offset_s`]) and can be
//!   set with [`ENV_TZ_OFFSET`] (minutes east of UTC), e.g. for tests.
//!
//! # Storage
//!
//! The store keeps integers only: `stability_milli` is FSRS stability in thousandths of a day,
//! `difficulty_milli` FSRS difficulty (1-10) in thousandths, `state` the FSRS state
//! ([`STATE_NEW`] …), `last_review` Unix seconds. Cards of the earlier SM-2 scheduler are
//! converted by the store's schema migration 1 → 2, keeping their due dates.

use chrono::{DateTime, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};

use crate::store::CardState;

/// Environment variable: the local UTC offset in minutes east of UTC (e.g. `540` for Seoul),
/// overriding the system's.
pub const ENV_TZ_OFFSET: &str = "GUREUM_TZ_OFFSET_MINUTES";

/// Desired retention when the setting is unset, in percent.
pub const DEFAULT_RETENTION_PERCENT: u8 = 90;

/// The retention values the settings offer, in percent.
pub const RETENTION_CHOICES: [u8; 5] = [80, 85, 90, 93, 95];

/// An answer slower than this counts as slow for a medium question (difficulty 2); see
/// [`slow_threshold_ms`].
pub const HESITANT_MS: u64 = 90_000;

/// FSRS state of a card that was never reviewed.
pub const STATE_NEW: u8 = 0;
/// FSRS state: in its first learning steps.
pub const STATE_LEARNING: u8 = 1;
/// FSRS state: learnt, reviewed at day intervals.
pub const STATE_REVIEW: u8 = 2;
/// FSRS state: forgotten after being learnt, relearning.
pub const STATE_RELEARNING: u8 = 3;

const DAY_S: i64 = 86_400;

/// The grade FSRS schedules with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    /// Wrong or unanswered.
    Again,
    /// Right but slow, or flagged as unsure.
    Hard,
    /// Right.
    Good,
}

impl Grade {
    fn rating(self) -> Rating {
        match self {
            Self::Again => Rating::Again,
            Self::Hard => Rating::Hard,
            Self::Good => Rating::Good,
        }
    }
}

/// Above this time a right answer is slow: 30 s + 30 s × difficulty (1-3; other values are
/// clamped), i.e. 60, 90 or 120 s.
pub fn slow_threshold_ms(difficulty: u8) -> u64 {
    30_000 + 30_000 * u64::from(difficulty.clamp(1, 3))
}

/// The grade of an answer: wrong → Again; right but slower than [`slow_threshold_ms`] → Hard;
/// right → Good.
pub fn grade(correct: bool, time_ms: u64, difficulty: u8) -> Grade {
    if !correct {
        Grade::Again
    } else if time_ms > slow_threshold_ms(difficulty) {
        Grade::Hard
    } else {
        Grade::Good
    }
}

/// The local UTC offset in seconds east of UTC: [`ENV_TZ_OFFSET`] when set to a whole number
/// of minutes within ±18 hours, else the system's offset now.
pub fn local_offset_s() -> i64 {
    if let Some(min) = std::env::var(ENV_TZ_OFFSET)
        .ok()
        .and_then(|v| v.trim().parse::<i64>().ok())
        .filter(|m| m.abs() <= 18 * 60)
    {
        return min * 60;
    }
    i64::from(chrono::Local::now().offset().local_minus_utc())
}

/// The local day number (days since 1970-01-01 local time) of Unix time `t`.
pub fn local_day(t: u64, offset_s: i64) -> i64 {
    i64::try_from(t)
        .unwrap_or(i64::MAX)
        .saturating_add(offset_s)
        .div_euclid(DAY_S)
}

/// Unix time of local midnight starting local day `day`.
pub fn day_start(day: i64, offset_s: i64) -> u64 {
    u64::try_from(day.saturating_mul(DAY_S).saturating_sub(offset_s)).unwrap_or(0)
}

/// The scheduler: FSRS with a desired retention, days rolling over at local midnight.
#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    /// Desired retention (0-1).
    pub retention: f64,
    /// Local UTC offset in seconds east of UTC.
    pub offset_s: i64,
}

impl Default for Scheduler {
    /// Retention 0.9, the system's local offset.
    fn default() -> Self {
        Self::new(None)
    }
}

impl Scheduler {
    /// Retention from the setting (percent, `None` = 90), the system's local offset.
    pub fn new(retention_percent: Option<u8>) -> Self {
        Self::with_offset(retention_percent, local_offset_s())
    }

    /// Like [`Scheduler::new`] with the offset given (seconds east of UTC).
    pub fn with_offset(retention_percent: Option<u8>, offset_s: i64) -> Self {
        let percent = retention_percent
            .filter(|p| (70..=99).contains(p))
            .unwrap_or(DEFAULT_RETENTION_PERCENT);
        let retention = f64::from(percent) / 100.0;
        let params = Parameters {
            request_retention: retention,
            ..Parameters::default()
        };
        Self {
            fsrs: FSRS::new(params),
            retention,
            offset_s,
        }
    }

    /// The card after an answer graded `grade` at `now` (Unix seconds); `None` when no review
    /// is needed (a Good answer to a question without a card).
    pub fn next(&self, card: Option<&CardState>, grade: Grade, now: u64) -> Option<CardState> {
        if card.is_none() && grade == Grade::Good {
            return None;
        }
        let now_dt = utc(now);
        let before = card.map_or_else(
            || Card {
                due: now_dt,
                last_review: now_dt,
                ..Card::default()
            },
            to_fsrs,
        );
        let after = self.fsrs.next(before, now_dt, grade.rating()).card;
        let mut c = from_fsrs(&after);
        c.last_review = now;
        // `reps` counts successful reviews (as the store documents it; the crate counts every
        // review and uses the number only to seed its fuzz, which is off).
        c.reps = card.map_or(0, |k| k.reps) + u32::from(grade != Grade::Again);
        let wait = after.due.timestamp() - now_dt.timestamp();
        c.due = if grade == Grade::Again {
            now
        } else if wait >= DAY_S {
            // Whole days from today's local date, due from local midnight.
            let days = (wait + DAY_S / 2) / DAY_S;
            day_start(local_day(now, self.offset_s) + days, self.offset_s)
        } else {
            u64::try_from(after.due.timestamp()).unwrap_or(now)
        };
        Some(c)
    }

    /// [`Scheduler::next`] for an answer: graded by [`grade`].
    pub fn answer(
        &self,
        card: Option<&CardState>,
        correct: bool,
        time_ms: u64,
        difficulty: u8,
        now: u64,
    ) -> Option<CardState> {
        self.next(card, grade(correct, time_ms, difficulty), now)
    }
}

/// The card after an answer, with retention 0.9, the system's local offset and a medium
/// question (difficulty 2). Prefer [`Scheduler::answer`], which knows the setting and the
/// question's difficulty.
pub fn schedule(
    card: Option<&CardState>,
    correct: bool,
    time_ms: u64,
    now: u64,
) -> Option<CardState> {
    Scheduler::default().answer(card, correct, time_ms, 2, now)
}

fn utc(t: u64) -> DateTime<Utc> {
    DateTime::from_timestamp(i64::try_from(t).unwrap_or(i64::MAX), 0).unwrap_or_default()
}

fn to_fsrs(c: &CardState) -> Card {
    let state = match c.state {
        STATE_LEARNING => State::Learning,
        STATE_REVIEW => State::Review,
        STATE_RELEARNING => State::Relearning,
        _ => State::New,
    };
    Card {
        due: utc(c.due),
        stability: (f64::from(c.stability_milli) / 1000.0).max(0.1),
        difficulty: (f64::from(c.difficulty_milli) / 1000.0).clamp(1.0, 10.0),
        elapsed_days: 0,
        scheduled_days: 0,
        reps: i32::try_from(c.reps).unwrap_or(i32::MAX),
        lapses: i32::try_from(c.lapses).unwrap_or(i32::MAX),
        state,
        last_review: utc(c.last_review),
    }
}

fn from_fsrs(c: &Card) -> CardState {
    let state = match c.state {
        State::New => STATE_NEW,
        State::Learning => STATE_LEARNING,
        State::Review => STATE_REVIEW,
        State::Relearning => STATE_RELEARNING,
    };
    CardState {
        due: u64::try_from(c.due.timestamp()).unwrap_or(0),
        stability_milli: (c.stability * 1000.0)
            .round()
            .clamp(0.0, f64::from(u32::MAX)) as u32,
        difficulty_milli: (c.difficulty * 1000.0).round().clamp(0.0, 10_000.0) as u32,
        reps: u32::try_from(c.reps).unwrap_or(0),
        lapses: u32::try_from(c.lapses).unwrap_or(0),
        state,
        last_review: u64::try_from(c.last_review.timestamp()).unwrap_or(0),
    }
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

/// How many cards are due now and on each of the next days, by local day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Forecast {
    /// Due now (including overdue).
    pub due_now: usize,
    /// Not due yet but due before local midnight.
    pub later_today: usize,
    /// Due on each of the next 7 local days, tomorrow first.
    pub next_days: [usize; 7],
}

impl Forecast {
    /// Cards to review today: due now and later today.
    pub fn today(&self) -> usize {
        self.due_now + self.later_today
    }

    /// The home screen's line: "오늘 12 · 내일 8 · 모레 3 · …" (today, then the next 7 days;
    /// days after tomorrow and the day after are shown as `+N일`).
    pub fn line(&self, lang: crate::strings::Lang) -> String {
        let en = lang == crate::strings::Lang::En;
        let mut parts = vec![format!(
            "{} {}",
            if en { "Today" } else { "오늘" },
            self.today()
        )];
        for (i, n) in self.next_days.iter().enumerate() {
            let label = match (i, en) {
                (0, false) => "내일".to_owned(),
                (1, false) => "모레".to_owned(),
                (0, true) => "Tomorrow".to_owned(),
                (_, false) => format!("+{}일", i + 1),
                (_, true) => format!("+{}d", i + 1),
            };
            parts.push(format!("{label} {n}"));
        }
        parts.join(" · ")
    }
}

/// The forecast of `cards` at `now` with the local offset `offset_s`.
pub fn forecast<'a>(
    cards: impl IntoIterator<Item = &'a CardState>,
    now: u64,
    offset_s: i64,
) -> Forecast {
    let today = local_day(now, offset_s);
    let mut f = Forecast::default();
    for c in cards {
        if c.due <= now {
            f.due_now += 1;
            continue;
        }
        match local_day(c.due, offset_s) - today {
            0 => f.later_today += 1,
            d @ 1..=7 => f.next_days[(d - 1) as usize] += 1,
            _ => {}
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2027-01-15 03:00:00 UTC = 12:00 in Seoul (UTC+9).
    const NOW: u64 = 1_800_000_000 - (1_800_000_000 % 86_400) + 3 * 3600;
    const SEOUL: i64 = 9 * 3600;

    fn sched() -> Scheduler {
        Scheduler::with_offset(None, SEOUL)
    }

    #[test]
    fn grades_follow_the_stated_rule() {
        assert_eq!(grade(false, 1_000, 1), Grade::Again);
        assert_eq!(grade(true, 60_000, 1), Grade::Good);
        assert_eq!(grade(true, 60_001, 1), Grade::Hard);
        assert_eq!(grade(true, 90_001, 2), Grade::Hard);
        assert_eq!(grade(true, 90_000, 2), Grade::Good);
        assert_eq!(grade(true, 120_001, 3), Grade::Hard);
        assert_eq!(grade(true, 110_000, 3), Grade::Good);
        assert_eq!(slow_threshold_ms(2), HESITANT_MS);
    }

    #[test]
    fn a_good_first_answer_needs_no_card() {
        assert_eq!(sched().next(None, Grade::Good, NOW), None);
    }

    #[test]
    fn a_mistake_is_due_at_once_with_fsrs_again_values() {
        let c = sched().next(None, Grade::Again, NOW).unwrap();
        assert_eq!(c.due, NOW);
        assert_eq!(c.state, STATE_LEARNING);
        // FSRS-5 default weights: S0(Again) = w0 = 0.4072, D0(Again) = w4 = 7.2102.
        assert_eq!(c.stability_milli, 407);
        assert_eq!(c.difficulty_milli, 7_210);
        assert_eq!(c.last_review, NOW);
        assert_eq!((c.reps, c.lapses), (0, 0), "no success yet");
    }

    #[test]
    fn a_slow_right_answer_comes_back_in_five_minutes() {
        let c = sched().next(None, Grade::Hard, NOW).unwrap();
        assert_eq!(c.due, NOW + 300, "FSRS's first Hard step");
        assert_eq!(c.stability_milli, 1_183, "S0(Hard) = w1");
    }

    #[test]
    fn day_intervals_start_at_local_midnight() {
        let s = sched();
        let c1 = s.next(None, Grade::Again, NOW).unwrap();
        let c2 = s.next(Some(&c1), Grade::Good, NOW + 60).unwrap();
        assert_eq!(c2.state, STATE_REVIEW);
        // One day (FSRS: round(S) for 90%), due from the next Seoul midnight (15:00 UTC),
        // 12 hours after the answer at noon, not 24.
        assert_eq!(
            local_day(c2.due, SEOUL),
            local_day(NOW, SEOUL) + 1,
            "{c2:?}"
        );
        assert_eq!((c2.due as i64 + SEOUL) % 86_400, 0, "{c2:?}");
        assert_eq!(c2.due - NOW, 12 * 3600);
        // Reviewed two days late: stability grows and the interval with it; Hard is shorter.
        let t3 = c2.due + 2 * 86_400;
        let c3 = s.next(Some(&c2), Grade::Good, t3).unwrap();
        assert!(c3.stability_milli > c2.stability_milli, "{c2:?} {c3:?}");
        let days = |c: &CardState, at: u64| local_day(c.due, SEOUL) - local_day(at, SEOUL);
        assert!(days(&c3, t3) > days(&c2, NOW), "{c3:?}");
        assert_eq!((c3.due as i64 + SEOUL) % 86_400, 0);
        let hard = s.next(Some(&c2), Grade::Hard, t3).unwrap();
        assert!(hard.due < c3.due, "{hard:?} {c3:?}");
        // Again lapses a learnt card: relearning, due at once, stability drops.
        let lapse = s.next(Some(&c3), Grade::Again, c3.due).unwrap();
        assert_eq!(
            (lapse.lapses, lapse.state, lapse.due),
            (1, STATE_RELEARNING, c3.due)
        );
        assert!(lapse.stability_milli < c3.stability_milli);
    }

    #[test]
    fn a_card_due_tomorrow_is_due_from_local_midnight_not_24_hours_later() {
        // 23:50 in Seoul: the next local midnight is 10 minutes away.
        let midnight = day_start(local_day(NOW, SEOUL) + 1, SEOUL);
        let late = midnight - 600;
        let card = CardState {
            due: late,
            stability_milli: 500,
            difficulty_milli: 5_000,
            reps: 1,
            lapses: 0,
            state: STATE_LEARNING,
            last_review: late - 600,
        };
        let c = sched().next(Some(&card), Grade::Good, late).unwrap();
        assert!(c.due >= midnight, "{c:?}");
        assert_eq!((c.due - midnight) % 86_400, 0, "due at a local midnight");
        let days = (c.due - midnight) / 86_400 + 1;
        assert!(c.due < late + days * 86_400, "earlier than n x 24 h");
        // The same card in UTC+0 is due at UTC midnight instead.
        let utc = Scheduler::with_offset(None, 0)
            .next(Some(&card), Grade::Good, late)
            .unwrap();
        assert_eq!(utc.due % 86_400, 0);
        assert_ne!(utc.due, c.due);
    }

    #[test]
    fn higher_retention_means_shorter_intervals() {
        let card = CardState {
            due: NOW,
            stability_milli: 20_000,
            difficulty_milli: 5_000,
            reps: 3,
            lapses: 0,
            state: STATE_REVIEW,
            last_review: NOW - 20 * 86_400,
        };
        let low = Scheduler::with_offset(Some(80), SEOUL)
            .next(Some(&card), Grade::Good, NOW)
            .unwrap();
        let high = Scheduler::with_offset(Some(95), SEOUL)
            .next(Some(&card), Grade::Good, NOW)
            .unwrap();
        assert!(high.due < low.due, "{high:?} {low:?}");
        assert!((Scheduler::with_offset(None, 0).retention - 0.9).abs() < 1e-9);
    }

    #[test]
    fn forecast_counts_by_local_day() {
        let today = local_day(NOW, SEOUL);
        let at = |due| CardState {
            due,
            ..CardState::default()
        };
        let cards = [
            at(NOW - 100),
            at(NOW),
            at(NOW + 60),
            at(day_start(today + 1, SEOUL)),
            at(day_start(today + 1, SEOUL) + 3600),
            at(day_start(today + 2, SEOUL) - 1),
            at(day_start(today + 7, SEOUL)),
            at(day_start(today + 8, SEOUL)),
        ];
        let f = forecast(&cards, NOW, SEOUL);
        assert_eq!(f.due_now, 2);
        assert_eq!(f.later_today, 1);
        assert_eq!(f.next_days, [3, 0, 0, 0, 0, 0, 1]);
        assert_eq!(f.today(), 3);
        assert_eq!(
            f.line(crate::strings::Lang::Ko),
            "오늘 3 · 내일 3 · 모레 0 · +3일 0 · +4일 0 · +5일 0 · +6일 0 · +7일 1"
        );
    }

    #[test]
    fn due_lists_the_most_overdue_first() {
        let cards: std::collections::BTreeMap<String, CardState> =
            [("a", NOW + 10), ("b", NOW - 100), ("c", NOW - 5)]
                .into_iter()
                .map(|(id, due)| {
                    (
                        id.to_owned(),
                        CardState {
                            due,
                            ..CardState::default()
                        },
                    )
                })
                .collect();
        assert_eq!(due(&cards, NOW), vec!["b", "c"]);
    }
}
