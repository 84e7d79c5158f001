//! The `CloudFormation` update simulation's entry in the simulation list (its texts come from the
//! embedded guided scenario).

use simulations::cfn;
use simulations::cfn::scenario::{self, Scenario};

/// The entry in the simulation list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable id.
    pub id: String,
    /// Korean title.
    pub title: String,
    /// Korean description.
    pub description: String,
    /// Korean challenge.
    pub challenge: String,
    /// English title.
    pub title_en: String,
    /// English description.
    pub description_en: String,
    /// English challenge.
    pub challenge_en: String,
}

impl Entry {
    /// The guided scenario's entry (from its embedded file; a placeholder text if it is broken,
    /// which tests rule out).
    pub fn groups() -> Self {
        let s = scenario::groups().ok();
        let pick = |f: fn(&Scenario) -> &cfn::Text| s.as_ref().map(|s| f(s).ko.clone());
        let pick_en = |f: fn(&Scenario) -> &cfn::Text| s.as_ref().map(|s| f(s).en.clone());
        Self {
            id: "cfn-groups".into(),
            title: pick(|s| &s.title).unwrap_or_else(|| "스택 업데이트와 데이터 손실".into()),
            description: pick(|s| &s.description).unwrap_or_default(),
            challenge: pick(|s| &s.challenge).unwrap_or_default(),
            title_en: pick_en(|s| &s.title).unwrap_or_else(|| "Stack updates and data loss".into()),
            description_en: pick_en(|s| &s.description).unwrap_or_default(),
            challenge_en: pick_en(|s| &s.challenge).unwrap_or_default(),
        }
    }
}
