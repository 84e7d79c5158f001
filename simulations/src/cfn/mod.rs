//! CloudFormation stack updates: which resources a template change replaces, and what data that
//! destroys (aws-facts.md, section 4).
//!
//! - [`template`] reads YAML/JSON templates (short-form tags such as `!Ref` and `!GetAtt` become
//!   their long form) into [`Template`]s.
//! - [`table`] is the update-behaviour table generated from the resource provider schemas that
//!   cfn-lint ships (`tools/gen_update_behaviour.py`), with curated notes on top.
//! - [`policy`] evaluates stack policies.
//! - [`resolve`](mod@resolve) evaluates parameters, conditions and the intrinsic functions whose
//!   value is known before deployment, so a change that arrives through them is seen.
//! - [`evaluate`](mod@evaluate) compares two templates and says, per resource, Add / Modify /
//!   Remove, Replacement True / False / Conditional, and the outcome for its data.
//! - [`scenario`] is the guided scenario the app plays: a template, a list of edits, and the data
//!   that vanishes or survives as the learner applies them.
//!
//! No terminal, no clock, no network: the table is embedded.

// AWS names (CloudFormation, DynamoDB, UpdateReplacePolicy…) are prose in these docs.
#![allow(clippy::doc_markdown)]

pub mod evaluate;
pub mod policy;
pub mod resolve;
pub mod scenario;
pub mod sources;
pub mod table;
pub mod template;

use serde::{Deserialize, Serialize};

pub use evaluate::{
    Action, Evaluation, Outcome, PropertyChange, Replacement, Report, ResourceResult, evaluate,
    evaluate_with,
};
pub use policy::{Decision, StackPolicy};
pub use resolve::{Params, Unknowns, resolve};
pub use table::{Recreation, Table, TableInfo, table};
pub use template::{ParseError, Policy, Resource, Template, parse};

/// A text in Korean and English.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// Korean (해요체).
    pub ko: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in English (`en`) or Korean.
    pub fn get(&self, en: bool) -> &str {
        if en { &self.en } else { &self.ko }
    }
}

/// Reads a data file: a TOML table mapping logical ids to what they hold, e.g.
/// `UsersTable = "12,000 items"` (numbers are allowed: `UsersTable = 12000`).
pub fn parse_data(
    file: &str,
    text: &str,
) -> Result<std::collections::BTreeMap<String, String>, ParseError> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text.get(..s.start).map_or(1, |t| t.lines().count().max(1)));
        ParseError::new(
            file,
            line,
            format!("데이터 파일(TOML)을 읽을 수 없어요: {}", e.message()),
            format!("invalid data file (TOML): {}", e.message()),
        )
    })?;
    let mut out = std::collections::BTreeMap::new();
    for (k, v) in table {
        let s = match v {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Float(f) => f.to_string(),
            _ => {
                return Err(ParseError::new(
                    file,
                    template::find_line(text, &k),
                    format!("`{k}`의 값은 문자열이나 숫자여야 해요 (예: \"12,000 items\")"),
                    format!("`{k}` must be a string or a number (e.g. \"12,000 items\")"),
                ));
            }
        };
        out.insert(k, s);
    }
    Ok(out)
}

/// Splits an amount such as `12,000 items` into `(12000, "items")`; `None` without a number.
pub fn parse_amount(s: &str) -> Option<(u64, String)> {
    let s = s.trim();
    let end = s
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ','))
        .map_or(s.len(), |(i, _)| i);
    let (num, unit) = s.split_at(end);
    let n: u64 = num.replace(',', "").parse().ok()?;
    Some((n, unit.trim().to_owned()))
}

/// Formats a count with thousands separators (`12000` → `12,000`).
pub fn group_digits(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
