//! gureum's simulation models, shared by the TUI, the CLI and the tests.
//!
//! Pure Rust: no terminal, no clock, no global RNG. Inputs are plain serde structs (so scenarios
//! load from TOML), randomness comes from a seeded RNG passed in, and time is simulated. Every
//! result carries the numbers the UI shows and an explanation trail saying which rule produced
//! which number.

pub mod dynamodb;
pub mod lambda;
