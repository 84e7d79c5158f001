//! gureum's simulation models, shared by the TUI, the CLI and the tests.
//!
//! Pure Rust: no terminal, no clock, no global RNG. Inputs are plain serde structs (so scenarios
//! load from TOML), randomness comes from a seeded RNG passed in, and time is simulated. Every
//! result carries the numbers the UI shows and an explanation trail saying which rule produced
//! which number.

pub mod cache;
pub mod cfn;
pub mod challenge;
pub mod checks;
pub mod deploy;
pub mod dynamodb;
#[path = "../../src/text/josa.rs"]
pub mod josa;
pub mod lambda;
pub mod lang;
pub mod phoenix;
pub mod replicas;
pub mod sessions;
mod story;
pub mod throttle;

use serde::Serialize;

pub use lang::Localize;

/// One line of an explanation trail: which rule produced which number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explanation {
    /// Stable rule id, e.g. `ddb.read.strong-4kb`.
    pub rule: String,
    /// The line in Korean (해요체), with the numbers filled in.
    pub ko: String,
    /// The same line in English.
    pub en: String,
    /// Where the rule comes from (an AWS documentation URL), if any.
    pub source: Option<String>,
}
