//! The clock: time is an input.
//!
//! Wall-clock time has one unit in memory, [`UnixMillis`] (milliseconds since the Unix epoch),
//! and one function reads it, [`now`]. Nothing below an entry point reads a clock: a screen, the
//! store, the exam and the review scheduler are handed the time of the current turn, so a test
//! sets the time instead of waiting for it, and one turn's drawing and updates agree. Seconds
//! (the store's row stamps, review due dates) are derived from it with [`UnixMillis::secs`].
//!
//! # Every place in `src/` that reads a clock, and why
//!
//! Wall clock, through [`now`] only (`grep -rn 'clock::now()' src`):
//! - `ui::run`, the TUI loop: once per loop turn, after waiting for input. The turn's time
//!   goes to the screens (`Ctx::now_ms`), the tick (an exam's deadline) and the store's stamps
//!   ([`crate::store::Store::set_now`]). `ui::now_ms` reads it once more when `App::new`
//!   makes the app (its first frame comes before the first turn).
//! - `main.rs`: when the TUI starts (opening the store) and `gureum exam`'s default seed.
//! - Each command's run function, once: `cli::stats::run`, `cli::review::run`,
//!   `cli::quiz::run` (the seed and opening the store), `cli::class::run` (the seed and the
//!   wall-clock start of the class clock), `cli::bank::results` and `cli::exam::prepare`
//!   (opening the store).
//! - `cli::quiz::ask_plain`, the plain quiz's loop (also `gureum review --plain`): once per
//!   answer read, for the answer's time and its next review.
//!
//! Monotonic clock (`std::time::Instant::now`), for durations and the class clock, never stored:
//! - `cli::class::run`: the class clock's start ([`crate::class::server::ClassClock`]); the
//!   dashboard snapshot test (`class::screen_snapshots`) starts its own.
//! - `class::server`, once per event where it enters: a connection accepted (its input
//!   budget), a code tried (`auth_password`, `auth_keyboard_interactive`: the wrong-code
//!   limit), input bytes (`data`: the budget and the keys' arrival), a student's screen opening
//!   and each turn of its loop (`run_screen`: the class's time for that frame). After a frame,
//!   `elapsed()` measures the server's own frame and key times (`Timing`).
//! - `class::dashboard`: the teacher's loops (`run_dashboard`, `run_headless`), once before the
//!   first turn and once per turn after the wait; the wall-clock times the class records (the
//!   round's start) come from the class clock, not from a second reading.
//! - `cli::quiz::ask_plain`: when a question is shown; `elapsed()` at the answer is its
//!   `time_ms`.
//! - `search::build::Live`, the background index build (its own thread): how long since it
//!   last published the part built so far, so it publishes at most every 100 ms.
//!
//! Outside these, `quiz::review::local_offset_s` asks chrono for the local UTC offset
//! (`Local::now`: the time zone, which may change with the date).

use std::time::{SystemTime, UNIX_EPOCH};

/// A wall-clock time: milliseconds since the Unix epoch (1970-01-01 UTC).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixMillis(pub u64);

impl UnixMillis {
    /// The time `secs` seconds after the epoch.
    pub const fn from_secs(secs: u64) -> Self {
        Self(secs.saturating_mul(1000))
    }

    /// Milliseconds since the epoch.
    pub const fn millis(self) -> u64 {
        self.0
    }

    /// Whole seconds since the epoch (rounded down).
    pub const fn secs(self) -> u64 {
        self.0 / 1000
    }
}

/// Reads the wall clock (the epoch if the clock is set before it). Call it only at an entry
/// point (see the module docs) and hand the value down.
pub fn now() -> UnixMillis {
    UnixMillis(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_and_millis_agree() {
        let t = UnixMillis::from_secs(1_700_000_000);
        assert_eq!(t.millis(), 1_700_000_000_000);
        assert_eq!(UnixMillis(1_700_000_000_999).secs(), 1_700_000_000);
        assert_eq!(UnixMillis::from_secs(u64::MAX), UnixMillis(u64::MAX));
        assert!(now() > UnixMillis::from_secs(1_600_000_000), "after 2020");
    }
}
