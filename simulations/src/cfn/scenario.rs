//! The guided scenario: a deployed stack, a list of edits the learner can try, and what each edit
//! does to the data the stack holds.
//!
//! Files: `simulations/scenarios/cfn-groups.yaml` (the deployed template, with
//! `Metadata.gureum.data` saying what each resource holds) and `cfn-groups.toml` (the edits). Every
//! edit starts from the deployed stack, so trying one never changes what the next one sees.

use serde::Deserialize;
use serde_json::{Map, Value};

use super::evaluate::{Outcome, Report, evaluate};
use super::policy::StackPolicy;
use super::template::{self, ParseError, Template};
use super::{Text, group_digits, parse_amount};

const TEMPLATE: &str = include_str!("../../scenarios/cfn-groups.yaml");
const EDITS: &str = include_str!("../../scenarios/cfn-groups.toml");

/// One change to the template.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Op {
    /// Sets the value at this `/`-separated path (creating maps on the way).
    pub set: Option<String>,
    /// The value to set, as YAML (short tags allowed).
    pub yaml: Option<String>,
    /// Removes the value at this path.
    pub remove: Option<String>,
}

/// One edit the learner can try.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edit {
    /// Stable id, e.g. `key-schema`.
    pub id: String,
    /// Short title.
    pub title: Text,
    /// What the edit does, or the question it asks.
    pub explain: Text,
    /// What the deployed stack already had for this edit (applied to the old template too).
    #[serde(default)]
    pub before: Vec<Op>,
    /// This update's change.
    #[serde(default)]
    pub ops: Vec<Op>,
    /// The stack policy in force (JSON), if any.
    pub policy: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Checked by `challenge::check_version` before the rest is read.
    #[serde(default, rename = "format_version")]
    _format_version: u32,
    title: Text,
    description: Text,
    challenge: Text,
    #[serde(rename = "edit")]
    edits: Vec<Edit>,
}

/// The guided scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Title.
    pub title: Text,
    /// What the stack is.
    pub description: Text,
    /// What to try.
    pub challenge: Text,
    /// The deployed template.
    pub base: Value,
    /// The edits, in the order shown.
    pub edits: Vec<Edit>,
}

/// What a resource holds: `12,000 items` is `{amount: 12000, unit: "items"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holding {
    /// Logical id.
    pub logical_id: String,
    /// How many.
    pub amount: u64,
    /// Of what (`items`, `users`).
    pub unit: String,
}

impl Holding {
    /// `12,000 items`.
    pub fn text(&self) -> String {
        format!("{} {}", group_digits(self.amount), self.unit)
    }
}

/// A copy that left the stack but still exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outside {
    /// What it was, with its data.
    pub holding: Holding,
    /// A snapshot (else the resource itself, retained).
    pub snapshot: bool,
}

/// The change set of an edit, before applying it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The stack as deployed for this edit (the base plus `before`).
    pub old: Template,
    /// The template after the edit.
    pub new: Template,
    /// The verdict per resource.
    pub report: Report,
}

/// The stack after applying an edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The change set that was applied.
    pub preview: Preview,
    /// The update failed and rolled back: nothing changed.
    pub rolled_back: bool,
    /// Data in the stack before.
    pub before: Vec<Holding>,
    /// Data in the stack after.
    pub after: Vec<Holding>,
    /// Copies left outside the stack (retained resources, snapshots).
    pub outside: Vec<Outside>,
}

/// The embedded scenario.
pub fn groups() -> Result<Scenario, ParseError> {
    Scenario::from_texts("cfn-groups.yaml", TEMPLATE, "cfn-groups.toml", EDITS)
}

fn amount_of(note: &str) -> Option<(u64, String)> {
    parse_amount(note)
}

impl Scenario {
    /// Reads a scenario from its template and edits.
    pub fn from_texts(
        template_file: &str,
        template_text: &str,
        edits_file: &str,
        edits_text: &str,
    ) -> Result<Self, ParseError> {
        let base = template::to_value(template_file, template_text)?;
        // Fail early on a bad template.
        template::from_value(template_file, base.clone(), Some(template_text))?;
        crate::challenge::check_version(edits_file, edits_text)
            .map_err(|e| ParseError::new(edits_file, None, e.problem(false), e.problem(true)))?;
        let file: File = toml::from_str(edits_text).map_err(|e| {
            let line = e.span().map(|s| {
                edits_text
                    .get(..s.start)
                    .map_or(1, |t| t.lines().count().max(1))
            });
            ParseError::new(
                edits_file,
                line,
                format!("시나리오 파일을 읽을 수 없어요: {}", e.message()),
                format!("invalid scenario file: {}", e.message()),
            )
        })?;
        let s = Self {
            title: file.title,
            description: file.description,
            challenge: file.challenge,
            base,
            edits: file.edits,
        };
        for i in 0..s.edits.len() {
            s.preview(i)?;
        }
        Ok(s)
    }

    /// What the deployed stack holds, from its `Metadata.gureum.data` annotations.
    pub fn holdings(&self) -> Vec<Holding> {
        let Ok(t) = template::from_value("cfn-groups.yaml", self.base.clone(), None) else {
            return Vec::new();
        };
        holdings_of(&t)
    }

    /// The change set of edit `index`.
    pub fn preview(&self, index: usize) -> Result<Preview, ParseError> {
        let label = "cfn-groups.toml";
        let Some(edit) = self.edits.get(index) else {
            return Err(ParseError::new(
                label,
                None,
                format!("{index}번 편집이 없어요"),
                format!("no edit {index}"),
            ));
        };
        let mut old = self.base.clone();
        for op in &edit.before {
            apply_op(&mut old, op, &edit.id)?;
        }
        let mut new = old.clone();
        for op in &edit.ops {
            apply_op(&mut new, op, &edit.id)?;
        }
        let old = template::from_value("deployed.yaml", old, None)?;
        let new = template::from_value("new.yaml", new, None)?;
        let policy = edit
            .policy
            .as_deref()
            .map(|p| StackPolicy::parse(&format!("{label} [{}] policy", edit.id), p))
            .transpose()?;
        let report = evaluate(
            &old,
            &new,
            policy.as_ref(),
            &std::collections::BTreeMap::new(),
        );
        Ok(Preview { old, new, report })
    }

    /// Applies edit `index` to the deployed stack: what the data looks like afterwards.
    pub fn apply(&self, index: usize) -> Result<Applied, ParseError> {
        let preview = self.preview(index)?;
        let before = holdings_of(&preview.old);
        if preview.report.update_fails {
            return Ok(Applied {
                preview,
                rolled_back: true,
                after: before.clone(),
                before,
                outside: Vec::new(),
            });
        }
        let mut after = Vec::new();
        let mut outside = Vec::new();
        for h in &before {
            let outcome = preview
                .report
                .get(&h.logical_id)
                .map_or(Outcome::Unchanged, |r| r.outcome);
            let emptied = Holding {
                amount: 0,
                ..h.clone()
            };
            match outcome {
                Outcome::ReplacedDataLost => after.push(emptied),
                Outcome::ReplacedOldRetained | Outcome::ReplacedSnapshotTaken => {
                    outside.push(Outside {
                        holding: h.clone(),
                        snapshot: outcome == Outcome::ReplacedSnapshotTaken,
                    });
                    after.push(emptied);
                }
                Outcome::RemovedRetained | Outcome::RemovedSnapshotTaken => outside.push(Outside {
                    holding: h.clone(),
                    snapshot: outcome == Outcome::RemovedSnapshotTaken,
                }),
                Outcome::RemovedDataLost | Outcome::Removed => {}
                _ => after.push(h.clone()),
            }
        }
        Ok(Applied {
            preview,
            rolled_back: false,
            before,
            after,
            outside,
        })
    }
}

/// What the resources of `t` hold, from their `Metadata.gureum.data` annotations.
pub fn holdings_of(t: &Template) -> Vec<Holding> {
    t.resources
        .values()
        .filter_map(|r| {
            let (amount, unit) = amount_of(r.data.as_deref()?)?;
            Some(Holding {
                logical_id: r.logical_id.clone(),
                amount,
                unit,
            })
        })
        .collect()
}

fn apply_op(v: &mut Value, op: &Op, edit: &str) -> Result<(), ParseError> {
    let bad = |ko: String, en: String| ParseError::new("cfn-groups.toml", None, ko, en);
    match (&op.set, &op.yaml, &op.remove) {
        (Some(path), Some(yaml), None) => {
            let value = template::to_value(&format!("cfn-groups.toml [{edit}]"), yaml)?;
            let keys: Vec<&str> = path.split('/').collect();
            let Some((last, parents)) = keys.split_last() else {
                return Err(bad(
                    format!("[{edit}] 빈 경로"),
                    format!("[{edit}] empty path"),
                ));
            };
            let mut cur = v;
            for k in parents {
                let Value::Object(map) = cur else {
                    return Err(bad(
                        format!("[{edit}] `{path}`: `{k}` 앞이 맵이 아니에요"),
                        format!("[{edit}] `{path}`: not a mapping before `{k}`"),
                    ));
                };
                cur = map
                    .entry((*k).to_owned())
                    .or_insert_with(|| Value::Object(Map::new()));
            }
            let Value::Object(map) = cur else {
                return Err(bad(
                    format!("[{edit}] `{path}`: 맵이 아니에요"),
                    format!("[{edit}] `{path}`: not a mapping"),
                ));
            };
            map.insert((*last).to_owned(), value);
            Ok(())
        }
        (None, None, Some(path)) => {
            let keys: Vec<&str> = path.split('/').collect();
            let Some((last, parents)) = keys.split_last() else {
                return Err(bad(
                    format!("[{edit}] 빈 경로"),
                    format!("[{edit}] empty path"),
                ));
            };
            let mut cur = v;
            for k in parents {
                match cur.get_mut(*k) {
                    Some(next) => cur = next,
                    None => {
                        return Err(bad(
                            format!("[{edit}] 지울 `{path}`{} 없어요", crate::josa::i(path)),
                            format!("[{edit}] nothing to remove at `{path}`"),
                        ));
                    }
                }
            }
            match cur.as_object_mut().and_then(|m| m.remove(*last)) {
                Some(_) => Ok(()),
                None => Err(bad(
                    format!("[{edit}] 지울 `{path}`{} 없어요", crate::josa::i(path)),
                    format!("[{edit}] nothing to remove at `{path}`"),
                )),
            }
        }
        _ => Err(bad(
            format!("[{edit}] 편집은 `set`+`yaml` 또는 `remove` 중 하나예요"),
            format!("[{edit}] an op is either `set` + `yaml` or `remove`"),
        )),
    }
}
