//! gureum (구름): learn AWS architecture from Korean study notes, in the terminal.
//!
//! Layers, each depending only on those listed before it (no module above [`ui`] knows ratatui
//! or crossterm, so the command line, the tests and the TUI share every model):
//! - [`clock`]: the one wall-clock reading, and the time unit ([`clock::UnixMillis`]);
//! - [`text`]: sanitising, display width and wrapping helpers for Korean text;
//! - [`strings`]: every piece of UI text in Korean and English; [`settings`]: the settings as data;
//! - [`lesson`]: content loading, front matter, and markdown rendering to styled lines;
//! - [`quiz`]: question banks, their format and validation, practice sessions, exams, reviews;
//! - [`store`]: the learner's saved progress and settings;
//! - [`sims`]: simulation presets and their parameters, driving the `simulations` crate;
//! - [`search`]: the search index over lessons, questions, presets and glossary terms;
//! - [`links`]: links between lessons, questions, simulations and glossary terms;
//! - [`keys`]: the key map (`keymap.toml`): contexts, actions, bindings, the user's overrides;
//! - [`stop`]: SIGHUP, SIGTERM and SIGINT turned into a clean end of the TUI;
//! - [`ui`]: the terminal interface (the only module that knows ratatui/crossterm): a stack of
//!   screens over a shared context.

pub mod class;
pub mod clock;
pub mod keys;
pub mod lesson;
pub mod links;
pub mod quiz;
pub mod search;
pub mod settings;
pub mod sims;
pub mod stop;
pub mod store;
pub mod strings;
pub mod text;
pub mod ui;
