//! A live class over SSH (`gureum class serve`): students join with `ssh`, the teacher watches.
//!
//! - [`state`]: the class as data (question set, clock, students, answers, statistics), no
//!   terminal, network or clock of its own;
//! - [`input`]: a student's channel bytes turned into [`crate::keys::Key`]s;
//! - [`screen`]: the student's screen, a component (`update(key, ctx) -> Effect`, `render`);
//! - [`server`]: russh on tokio: authentication by class code, the channel rules, the limits,
//!   one task per student drawing with ratatui into the SSH channel;
//! - [`dashboard`]: the teacher's live view (or `--headless` event lines) and commands;
//! - [`hostkey`]: the ed25519 host key, made once and kept in the data folder.
//!
//! Every answer is written at once to the student's result file (the `gureum results export`
//! JSON), so a dropped connection or a stopped server loses nothing: a student who connects
//! again with the same name, even to a restarted server with the same set-up, resumes.

pub mod dashboard;
pub mod hostkey;
pub mod input;
pub mod screen;
#[cfg(test)]
mod screen_snapshots;
pub mod server;
pub mod state;

pub use state::{Class, Event, Phase, Refused, Spec};
