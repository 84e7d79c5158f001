//! gureum (구름): learn AWS architecture from Korean study notes, in the terminal.
//!
//! Layers, each depending only on those listed before it:
//! - [`text`]: sanitising, display width and wrapping helpers for Korean text;
//! - [`lesson`]: content loading, front matter, and markdown rendering to styled lines;
//! - [`quiz`]: question banks, their format and validation;
//! - [`store`]: the learner's saved progress and settings;
//! - [`stop`]: SIGHUP, SIGTERM and SIGINT turned into a clean end of the TUI;
//! - [`ui`]: the terminal interface (the only module that knows ratatui/crossterm).

pub mod lesson;
pub mod quiz;
pub mod search;
pub mod stop;
pub mod store;
pub mod text;
pub mod ui;
