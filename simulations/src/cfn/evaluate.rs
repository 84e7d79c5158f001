//! The update rules: what a stack update from one template to another does to each resource.
//!
//! Per resource: the action (Add / Modify / Remove / unchanged), the replacement verdict
//! (True / False / Conditional, from the changed properties, as a change set would show it), and
//! the outcome for the resource and its data, after the custom-name rule, `UpdateReplacePolicy`,
//! `DeletionPolicy`, the stack policy and DynamoDB's one-GSI-per-update rule. aws-facts.md 4.1-4.4.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::Value;

use super::policy::StackPolicy;
use super::resolve::{Params, Unknowns, resolve};
use super::table::{Recreation, Table, TableInfo, table};
use super::template::{Policy, Resource, Template, references, same_value};
use super::{Text, sources};
use crate::Explanation;

/// What the update does to a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Action {
    /// Only in the new template: created.
    Add,
    /// In both, something changed.
    Modify,
    /// Only in the old template: deleted (or kept, per `DeletionPolicy`).
    Remove,
    /// In both, nothing changed.
    Unchanged,
}

/// A change set's `Replacement`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Replacement {
    /// A new resource with a new physical id is created and the old one deleted.
    True,
    /// Updated in place.
    False,
    /// May be replaced, depending on other settings or on values known only at deploy time.
    Conditional,
}

/// Whether a property changed in the template text or only through a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Evaluation {
    /// The template value changed.
    Static,
    /// The value refers to a resource that is being replaced, so it changes at deploy time.
    Dynamic,
    /// The value depends on a parameter or condition that cannot be computed (no default, no
    /// value given): it may or may not change.
    Unknown,
}

/// What happens to the resource and its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Nothing changes.
    Unchanged,
    /// Created.
    Added,
    /// Updated in place; same physical id, data kept.
    InPlace,
    /// Replaced; the type holds no data.
    Replaced,
    /// Replaced; the old copy and its data are deleted.
    ReplacedDataLost,
    /// Replaced; the old copy stays outside the stack with its data.
    ReplacedOldRetained,
    /// Replaced; a snapshot of the old copy is taken, then it is deleted.
    ReplacedSnapshotTaken,
    /// The update fails (and the whole stack update rolls back).
    UpdateFails,
    /// The stack policy does not allow it (the whole stack update fails).
    BlockedByStackPolicy,
    /// Removed from the stack and deleted; the type holds no data.
    Removed,
    /// Removed and deleted with its data.
    RemovedDataLost,
    /// Removed from the stack but kept.
    RemovedRetained,
    /// Removed; a snapshot is taken first.
    RemovedSnapshotTaken,
    /// The type is not in the table (or a SAM type whose transform is not modelled).
    NotEvaluated,
    /// Whether it is replaced depends on a value that cannot be computed (a parameter without a
    /// default or a given value, or a condition on one).
    Unknown,
}

impl Outcome {
    /// Whether this outcome destroys data.
    pub fn loses_data(self) -> bool {
        matches!(self, Self::ReplacedDataLost | Self::RemovedDataLost)
    }

    /// Whether this outcome makes the whole update fail.
    pub fn fails(self) -> bool {
        matches!(self, Self::UpdateFails | Self::BlockedByStackPolicy)
    }

    /// A short label.
    pub fn label(self) -> Text {
        let (ko, en) = match self {
            Self::Unchanged => ("변경 없음", "unchanged"),
            Self::Added => ("추가", "added"),
            Self::InPlace => ("제자리 업데이트", "in place"),
            Self::Replaced => ("교체", "replaced"),
            Self::ReplacedDataLost => ("교체: 데이터 삭제", "replaced: data lost"),
            Self::ReplacedOldRetained => ("교체: 이전 것 보존", "replaced: old copy retained"),
            Self::ReplacedSnapshotTaken => ("교체: 스냅샷", "replaced: snapshot taken"),
            Self::UpdateFails => ("업데이트 실패", "update fails"),
            Self::BlockedByStackPolicy => ("스택 정책이 막음", "blocked by stack policy"),
            Self::Removed => ("삭제", "removed"),
            Self::RemovedDataLost => ("삭제: 데이터 삭제", "removed: data lost"),
            Self::RemovedRetained => ("스택에서 빠짐: 보존", "removed: retained"),
            Self::RemovedSnapshotTaken => ("삭제: 스냅샷", "removed: snapshot taken"),
            Self::NotEvaluated => ("평가 안 함", "not evaluated"),
            Self::Unknown => (
                "알 수 없음 (값을 계산할 수 없어요)",
                "unknown (value cannot be computed)",
            ),
        };
        Text {
            ko: ko.into(),
            en: en.into(),
        }
    }
}

/// One changed property.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PropertyChange {
    /// Top-level property name (`Metadata`, `DeletionPolicy`… for attribute changes).
    pub name: String,
    /// How much the change disturbs the resource (for an unknown change: if it changes).
    pub requires_recreation: Recreation,
    /// Static (template text), dynamic (a referenced resource is replaced) or unknown.
    pub evaluation: Evaluation,
    /// For dynamic changes: the replaced resource the value refers to; for unknown changes: the
    /// parameters and conditions that cannot be computed.
    pub causing_entity: Option<String>,
    /// Curated history note, if any.
    pub note: Option<Text>,
}

/// The verdict for one resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResourceResult {
    /// Logical id.
    pub logical_id: String,
    /// Resource type (the new template's, or the old one's for removals).
    #[serde(rename = "type")]
    pub type_name: String,
    /// Add / Modify / Remove / Unchanged.
    pub action: Action,
    /// True / False / Conditional.
    pub replacement: Replacement,
    /// What happens to the resource and its data.
    pub outcome: Outcome,
    /// Why, in both languages (the last step of `explanation`).
    pub reason: Text,
    /// What would be lost (an annotation like `12,000 items`, or what the type holds).
    pub data_at_risk: Option<Text>,
    /// The changed properties.
    pub changes: Vec<PropertyChange>,
    /// The policy that decided the old copy's fate (`UpdateReplacePolicy: Delete`…), if any.
    pub policy: Option<String>,
    /// Every rule applied, in order.
    pub explanation: Vec<Explanation>,
}

/// The result of comparing two templates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// One entry per logical id in either template, sorted by id.
    pub resources: Vec<ResourceResult>,
    /// Some resource makes the update fail (it rolls back; nothing is deleted).
    pub update_fails: bool,
    /// One line: the data at risk, or why the update fails.
    pub summary: Text,
    /// Where the update-behaviour table came from.
    pub table: TableInfo,
}

impl Report {
    /// Whether some resource would lose data if the update went through.
    pub fn data_lost(&self) -> bool {
        self.resources.iter().any(|r| r.outcome.loses_data())
    }

    /// Whether some resource's verdict depends on a value that cannot be computed.
    pub fn unknown(&self) -> bool {
        self.resources.iter().any(|r| r.outcome == Outcome::Unknown)
    }

    /// `gureum sim replace`'s exit code: 4 when the update fails (and rolls back) or is blocked,
    /// 3 when data would be lost, 5 when a verdict depends on a value that cannot be computed,
    /// else 0.
    pub fn exit_code(&self) -> u8 {
        if self.update_fails {
            4
        } else if self.data_lost() {
            3
        } else if self.unknown() {
            5
        } else {
            0
        }
    }

    /// The entry for `logical_id`.
    pub fn get(&self, logical_id: &str) -> Option<&ResourceResult> {
        self.resources.iter().find(|r| r.logical_id == logical_id)
    }
}

fn ex(rule: &str, ko: String, en: String, source: Option<&str>) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: source.map(str::to_owned),
    }
}

/// How the rules see a resource type: the type itself, or what a SAM type generates.
struct View<'t> {
    /// The type whose rules apply (`AWS::DynamoDB::Table` for a `SimpleTable`).
    rules_type: String,
    /// SAM property → generated property, for SAM types.
    sam: Option<&'t BTreeMap<String, String>>,
    /// Whether the table knows the type.
    known: bool,
    /// A SAM type with no mapping.
    sam_unmapped: bool,
}

fn view<'t>(t: &'t Table, type_name: &str) -> View<'t> {
    if let Some(m) = t.sam(type_name) {
        return View {
            rules_type: m.generates.clone(),
            sam: Some(&m.properties),
            known: true,
            sam_unmapped: false,
        };
    }
    let sam_unmapped = type_name.starts_with("AWS::Serverless::");
    View {
        rules_type: type_name.to_owned(),
        sam: None,
        known: !sam_unmapped && t.rule(type_name).is_some(),
        sam_unmapped,
    }
}

impl View<'_> {
    /// The generated property a template property stands for (`None`: a SAM-only property).
    fn target<'p>(&'p self, property: &'p str) -> Option<&'p str> {
        match self.sam {
            Some(map) => map.get(property).map(String::as_str),
            None => Some(property),
        }
    }

    /// The template property that sets the custom name, if any.
    fn name_property(&self, t: &Table) -> Option<String> {
        let generated = t.name_property(&self.rules_type)?;
        match self.sam {
            Some(map) => map
                .iter()
                .find(|(_, g)| g.as_str() == generated)
                .map(|(s, _)| s.clone()),
            None => Some(generated.to_owned()),
        }
    }
}

/// The most intrusive change decides (a change set's rule): a static `Always` replaces; a dynamic
/// `Always` or any `Conditionally` may replace.
fn replacement_of(changes: &[PropertyChange]) -> Replacement {
    let static_always = changes
        .iter()
        .any(|c| c.requires_recreation == Recreation::Always && c.evaluation == Evaluation::Static);
    let maybe = changes.iter().any(|c| {
        c.requires_recreation == Recreation::Conditionally
            || c.requires_recreation == Recreation::Always
    });
    if static_always {
        Replacement::True
    } else if maybe {
        Replacement::Conditional
    } else {
        Replacement::False
    }
}

fn level_text(r: Recreation) -> (&'static str, &'static str) {
    match r {
        Recreation::Never => ("제자리에서 바뀌어요", "updated in place"),
        Recreation::Conditionally => ("교체될 수도 있어요", "may require replacement"),
        Recreation::Always => ("바꾸면 교체돼요", "requires replacement"),
        Recreation::Unsupported => ("만든 뒤에는 바꿀 수 없어요", "cannot be updated"),
    }
}

/// The statically changed properties of a resource in both templates (same type). `unknown`:
/// what cannot be computed in the old and the new template.
fn static_changes(
    t: &Table,
    v: &View<'_>,
    old: &Resource,
    new: &Resource,
    unknown: (&Unknowns, &Unknowns),
) -> Vec<PropertyChange> {
    let names: BTreeSet<&String> = old.properties.keys().chain(new.properties.keys()).collect();
    let mut out = Vec::new();
    for name in names {
        let (a, b) = (old.properties.get(name), new.properties.get(name));
        let same = match (a, b) {
            (Some(a), Some(b)) => same_value(a, b),
            (None, None) => true,
            _ => false,
        };
        if same {
            continue;
        }
        let (level, note) = match v.target(name) {
            Some(target) if v.known => (
                special_level(&v.rules_type, target, a, b, old, new).unwrap_or_else(|| {
                    t.recreation(&v.rules_type, target, a, b)
                        .unwrap_or(Recreation::Never)
                }),
                t.note(&v.rules_type, target).cloned(),
            ),
            Some(_) => (Recreation::Conditionally, None),
            None => (Recreation::Never, None),
        };
        let mut blind: Vec<String> = a.map(|a| unknown.0.in_value(a)).unwrap_or_default();
        blind.extend(b.map(|b| unknown.1.in_value(b)).unwrap_or_default());
        blind.sort();
        blind.dedup();
        out.push(PropertyChange {
            name: name.clone(),
            requires_recreation: level,
            evaluation: if blind.is_empty() {
                Evaluation::Static
            } else {
                Evaluation::Unknown
            },
            causing_entity: (!blind.is_empty()).then(|| blind.join(", ")),
            note,
        });
    }
    out
}

/// Cognito user pools: settings the service locks in at creation. `Some(why)` when the `Schema`
/// change modifies or deletes an existing attribute, or adds a required one (adding an optional
/// custom attribute works). Attributes are matched by `Name`.
fn cognito_schema_refusal(old: Option<&Value>, new: Option<&Value>) -> Option<Text> {
    fn attrs(v: Option<&Value>) -> BTreeMap<String, &Value> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|x| Some((x.get("Name")?.as_str()?.to_owned(), x)))
                    .collect()
            })
            .unwrap_or_default()
    }
    let (a, b) = (attrs(old), attrs(new));
    for (name, before) in &a {
        match b.get(name) {
            None => {
                return Some(Text {
                    ko: format!(
                        "Schema에서 기존 속성 `{name}`{} 지웠어요: 속성은 지울 수 없어요",
                        crate::josa::eul(name)
                    ),
                    en: format!(
                        "the Schema deletes the existing attribute `{name}`: attributes cannot be deleted"
                    ),
                });
            }
            Some(after) if !same_value(before, after) => {
                return Some(Text {
                    ko: format!(
                        "Schema에서 기존 속성 `{name}`의 정의를 바꿨어요: 만든 뒤에는 바꿀 수 없어요"
                    ),
                    en: format!(
                        "the Schema modifies the existing attribute `{name}`: it cannot change after creation"
                    ),
                });
            }
            Some(_) => {}
        }
    }
    let required = |v: &Value| {
        v.get("Required")
            .is_some_and(|r| r.as_bool() == Some(true) || r.as_str() == Some("true"))
    };
    b.iter()
        .find(|(name, v)| !a.contains_key(*name) && required(v))
        .map(|(name, _)| Text {
            ko: format!("Schema에 필수(Required) 속성 `{name}`{} 새로 넣었어요: 필수 속성은 풀을 만들 때만 정할 수 있어요", crate::josa::eul(name)),
            en: format!("the Schema adds `{name}` as a required attribute: required attributes are set only when the pool is created"),
        })
}

/// Rules the generated table cannot express: Cognito's locked-in `Schema` changes, and EC2's
/// `InstanceType`/`UserData` (stop and start on an EBS-backed instance; an instance store-backed
/// one is always replaced).
fn special_level(
    rules_type: &str,
    property: &str,
    a: Option<&Value>,
    b: Option<&Value>,
    old: &Resource,
    new: &Resource,
) -> Option<Recreation> {
    match (rules_type, property) {
        ("AWS::Cognito::UserPool", "Schema") => Some(if cognito_schema_refusal(a, b).is_some() {
            Recreation::Unsupported
        } else {
            Recreation::Never
        }),
        ("AWS::EC2::Instance", "InstanceType" | "UserData") => {
            Some(if old.instance_store || new.instance_store {
                Recreation::Always
            } else {
                Recreation::Never
            })
        }
        _ => None,
    }
}

/// Resource attributes that changed (they update the stack's record, not the resource).
fn attribute_changes(old: &Resource, new: &Resource) -> Vec<&'static str> {
    let mut out = Vec::new();
    if old.deletion_policy != new.deletion_policy {
        out.push("DeletionPolicy");
    }
    if old.update_replace_policy != new.update_replace_policy {
        out.push("UpdateReplacePolicy");
    }
    let meta_same = match (&old.metadata, &new.metadata) {
        (Some(a), Some(b)) => same_value(a, b),
        (None, None) => true,
        _ => false,
    };
    if !meta_same {
        out.push("Metadata");
    }
    if old.condition != new.condition {
        out.push("Condition");
    }
    out
}

/// How a value that refers to a replaced resource disturbs `property` (a dynamic change).
fn dynamic_level(t: &Table, v: &View<'_>, property: &str, value: &Value) -> Recreation {
    let Some(target) = v.target(property) else {
        return Recreation::Never;
    };
    if !v.known {
        return Recreation::Conditionally;
    }
    // The value changes at deploy time; the property's own rule says what that does. Nested
    // create-only paths are treated as changed too (the reference may sit under them).
    let level = t
        .recreation(&v.rules_type, target, None, Some(value))
        .unwrap_or(Recreation::Never);
    if level == Recreation::Never {
        t.rule(&v.rules_type).map_or(Recreation::Never, |r| {
            if r.create_only.iter().any(|p| p.top() == target) {
                Recreation::Always
            } else if r.conditional.iter().any(|p| p.top() == target) {
                Recreation::Conditionally
            } else {
                Recreation::Never
            }
        })
    } else {
        level
    }
}

/// Compares two templates. `data` maps logical ids to what they hold (`12,000 items`); it wins
/// over `Metadata.gureum.data` annotations in the templates. Parameters take their defaults.
pub fn evaluate(
    old: &Template,
    new: &Template,
    policy: Option<&StackPolicy>,
    data: &BTreeMap<String, String>,
) -> Report {
    evaluate_with(old, new, policy, data, &Params::default())
}

/// [`evaluate`] with parameter values given for both templates or for one side; parameters,
/// conditions and known intrinsic functions are evaluated first ([`resolve`]).
pub fn evaluate_with(
    old: &Template,
    new: &Template,
    policy: Option<&StackPolicy>,
    data: &BTreeMap<String, String>,
    params: &Params,
) -> Report {
    let (old, old_unknown) = resolve(old, &params.side(false));
    let (new, new_unknown) = resolve(new, &params.side(true));
    compare(&old, &new, (&old_unknown, &new_unknown), policy, data)
}

/// The comparison of two resolved templates.
fn compare(
    old: &Template,
    new: &Template,
    unknown: (&Unknowns, &Unknowns),
    policy: Option<&StackPolicy>,
    data: &BTreeMap<String, String>,
) -> Report {
    let t = table();
    let ids: BTreeSet<&String> = old.resources.keys().chain(new.resources.keys()).collect();

    // Pass 1: static changes of the resources in both templates.
    let mut changes: BTreeMap<&str, Vec<PropertyChange>> = BTreeMap::new();
    for id in &ids {
        if let (Some(o), Some(n)) = (old.resources.get(*id), new.resources.get(*id))
            && o.type_name == n.type_name
        {
            let v = view(t, &n.type_name);
            changes.insert(id.as_str(), static_changes(t, &v, o, n, unknown));
        }
    }

    // Pass 2: dynamic changes. A value that refers to a replaced resource (its name or ARN
    // changes) changes too, which may replace the referring resource in turn. A worklist over
    // "who refers to whom" keeps this linear in the size of the template.
    let mut referrers: BTreeMap<String, Vec<(&str, &str)>> = BTreeMap::new();
    for (id, n) in &new.resources {
        let Some(list) = changes.get(id.as_str()) else {
            continue;
        };
        for (name, value) in &n.properties {
            if list.iter().any(|c| &c.name == name) {
                continue;
            }
            for r in references(value) {
                if r != *id {
                    referrers
                        .entry(r)
                        .or_default()
                        .push((id.as_str(), name.as_str()));
                }
            }
        }
    }
    let mut queue: std::collections::VecDeque<String> = changes
        .iter()
        .filter(|(_, c)| replacement_of(c) != Replacement::False)
        .map(|(id, _)| (*id).to_owned())
        .collect();
    let mut queued: BTreeSet<String> = queue.iter().cloned().collect();
    while let Some(cause) = queue.pop_front() {
        let Some(list) = referrers.get(&cause) else {
            continue;
        };
        for &(id, name) in list {
            let (Some(chs), Some(n)) = (changes.get_mut(id), new.resources.get(id)) else {
                continue;
            };
            if chs.iter().any(|c| c.name == name) {
                continue;
            }
            let Some(value) = n.properties.get(name) else {
                continue;
            };
            let v = view(t, &n.type_name);
            chs.push(PropertyChange {
                name: name.to_owned(),
                requires_recreation: dynamic_level(t, &v, name, value),
                evaluation: Evaluation::Dynamic,
                causing_entity: Some(cause.clone()),
                note: None,
            });
            if !queued.contains(id) && replacement_of(chs) != Replacement::False {
                queued.insert(id.to_owned());
                queue.push_back(id.to_owned());
            }
        }
    }

    let mut results = Vec::new();
    for id in ids {
        let r = match (old.resources.get(id), new.resources.get(id)) {
            (None, Some(n)) => added(n),
            (Some(o), None) => removed(t, o, policy, data),
            (Some(o), Some(n)) => {
                let list = changes.remove(id.as_str()).unwrap_or_default();
                modified(t, o, n, list, policy, data)
            }
            (None, None) => continue,
        };
        results.push(r);
    }
    dangling_references(old, new, &mut results);
    let update_fails = results.iter().any(|r| r.outcome.fails());
    let summary = summary(t, &results, update_fails);
    Report {
        resources: results,
        update_fails,
        summary,
        table: t.info.clone(),
    }
}

/// A resource of the new template that still refers to a removed one makes the template invalid:
/// CloudFormation rejects the update before touching anything.
fn dangling_references(old: &Template, new: &Template, results: &mut [ResourceResult]) {
    for r in results.iter_mut() {
        let Some(n) = new.resources.get(&r.logical_id) else {
            continue;
        };
        let gone: Vec<String> = n
            .properties
            .values()
            .flat_map(references)
            .filter(|id| old.resources.contains_key(id) && !new.resources.contains_key(id))
            .collect();
        if let Some(target) = gone.first() {
            r.outcome = Outcome::UpdateFails;
            let e = ex(
                "cfn.dangling-ref",
                format!(
                    "{}{} 템플릿에서 지운 {target}{} 아직 참조해요: 템플릿 검증에서 업데이트가 실패해요",
                    r.logical_id,
                    crate::josa::i(&r.logical_id),
                    crate::josa::eul(target)
                ),
                format!(
                    "{} still refers to {target}, which the new template removes: the update fails validation",
                    r.logical_id
                ),
                None,
            );
            r.reason = Text {
                ko: e.ko.clone(),
                en: e.en.clone(),
            };
            r.explanation.push(e);
        }
    }
}

fn added(n: &Resource) -> ResourceResult {
    let reason = Text {
        ko: "새 템플릿에만 있어서 새로 만들어요".into(),
        en: "only in the new template: it is created".into(),
    };
    ResourceResult {
        logical_id: n.logical_id.clone(),
        type_name: n.type_name.clone(),
        action: Action::Add,
        replacement: Replacement::False,
        outcome: Outcome::Added,
        explanation: vec![ex(
            "cfn.action.add",
            reason.ko.clone(),
            reason.en.clone(),
            None,
        )],
        reason,
        data_at_risk: None,
        changes: Vec::new(),
        policy: None,
    }
}

/// What the resource holds, when it holds data: the annotation, else the curated description.
fn data_of(
    t: &Table,
    rules_type: &str,
    id: &str,
    res: &[&Resource],
    data: &BTreeMap<String, String>,
) -> Option<Text> {
    let note = data
        .get(id)
        .cloned()
        .or_else(|| res.iter().find_map(|r| r.data.clone()));
    if let Some(note) = note {
        return Some(Text {
            ko: note.clone(),
            en: note,
        });
    }
    // An Aurora member instance keeps no data of its own: it lives in the cluster's volume.
    if rules_type == "AWS::RDS::DBInstance"
        && res
            .iter()
            .any(|r| r.properties.contains_key("DBClusterIdentifier"))
    {
        return None;
    }
    t.curated(rules_type)
        .filter(|c| c.holds_data)
        .map(|c| c.data.clone())
}

/// Checks the stack policy; `Some(explanation)` when it blocks.
fn policy_check(
    policy: Option<&StackPolicy>,
    action: &str,
    id: &str,
    rules_type: &str,
    trail: &mut Vec<Explanation>,
) -> bool {
    let Some(p) = policy else {
        return false;
    };
    let d = p.decide(action, id, rules_type);
    let text = d.explain(action);
    trail.push(ex(
        if d.allowed() {
            "cfn.policy.allow"
        } else if matches!(d, super::policy::Decision::Denied(_)) {
            "cfn.policy.deny"
        } else {
            "cfn.policy.implicit-deny"
        },
        text.ko,
        text.en,
        Some(sources::STACK_POLICY),
    ));
    !d.allowed()
}

fn removed(
    t: &Table,
    o: &Resource,
    policy: Option<&StackPolicy>,
    data: &BTreeMap<String, String>,
) -> ResourceResult {
    let v = view(t, &o.type_name);
    let id = o.logical_id.as_str();
    let mut trail = vec![ex(
        "cfn.action.remove",
        "새 템플릿에 없어서 스택에서 빠져요".into(),
        "not in the new template: it leaves the stack".into(),
        None,
    )];
    let holds = data_of(t, &v.rules_type, id, &[o], data);
    let mut result = ResourceResult {
        logical_id: id.to_owned(),
        type_name: o.type_name.clone(),
        action: Action::Remove,
        replacement: Replacement::False,
        outcome: Outcome::Removed,
        reason: Text {
            ko: String::new(),
            en: String::new(),
        },
        data_at_risk: None,
        changes: Vec::new(),
        policy: None,
        explanation: Vec::new(),
    };
    if policy_check(policy, "Update:Delete", id, &v.rules_type, &mut trail) {
        result.outcome = Outcome::BlockedByStackPolicy;
        return finish(result, trail);
    }
    let (mut dp, default) = if let Some(p) = o.deletion_policy {
        (p, false)
    } else {
        // RDS keeps a snapshot by default: DBCluster, and DBInstance outside a cluster.
        let rds_default = v.rules_type == "AWS::RDS::DBCluster"
            || (v.rules_type == "AWS::RDS::DBInstance"
                && !o.properties.contains_key("DBClusterIdentifier"));
        if rds_default {
            trail.push(ex(
                "cfn.dp.rds-default-snapshot",
                format!("{}의 기본 DeletionPolicy는 Snapshot이에요", v.rules_type),
                format!("the default DeletionPolicy of {} is Snapshot", v.rules_type),
                Some(sources::DELETION_POLICY),
            ));
            (Policy::Snapshot, true)
        } else {
            (Policy::Delete, true)
        }
    };
    if dp == Policy::Snapshot && !t.supports_snapshot(&v.rules_type) {
        trail.push(ex(
            "cfn.dp.snapshot-fallback",
            format!(
                "{}{} 스냅샷을 지원하지 않아서 Snapshot 대신 Delete로 처리돼요",
                v.rules_type,
                crate::josa::eun(&v.rules_type)
            ),
            format!(
                "{} does not support snapshots: Snapshot falls back to Delete",
                v.rules_type
            ),
            Some(sources::DELETION_POLICY),
        ));
        dp = Policy::Delete;
    }
    result.policy = Some(format!(
        "DeletionPolicy: {}{}",
        dp.name(),
        if default { " (default)" } else { "" }
    ));
    let curated = t.curated(&v.rules_type);
    match dp {
        Policy::Retain | Policy::RetainExceptOnCreate => {
            result.outcome = Outcome::RemovedRetained;
            let extra = if dp == Policy::RetainExceptOnCreate {
                (
                    " (RetainExceptOnCreate: 이번 작업에서 만든 리소스가 아니라서 보존돼요)",
                    " (RetainExceptOnCreate: it was not created by this operation, so it is kept)",
                )
            } else {
                ("", "")
            };
            trail.push(ex(
                "cfn.dp.retain",
                format!(
                    "DeletionPolicy: {} — 스택에서는 빠지지만 리소스와 데이터는 스택 밖에 남아요{}. 계속 요금이 나가요",
                    dp.name(),
                    extra.0
                ),
                format!(
                    "DeletionPolicy: {} — it leaves the stack, but the resource and its data stay outside it{}; it keeps costing money",
                    dp.name(),
                    extra.1
                ),
                Some(sources::DELETION_POLICY),
            ));
        }
        Policy::Snapshot => {
            result.outcome = Outcome::RemovedSnapshotTaken;
            trail.push(ex(
                "cfn.dp.snapshot",
                "DeletionPolicy: Snapshot — 스냅샷을 남기고 삭제해요. 데이터는 스냅샷에서 복원할 수 있어요".into(),
                "DeletionPolicy: Snapshot — a snapshot is taken, then the resource is deleted; the data can be restored from it".into(),
                Some(sources::DELETION_POLICY),
            ));
        }
        Policy::Delete => {
            if curated.is_some_and(|c| c.delete_requires_empty) {
                let annotated = data.contains_key(id) || o.data.is_some();
                result.outcome = if annotated {
                    Outcome::RemovedRetained
                } else {
                    Outcome::Removed
                };
                trail.push(ex(
                    "cfn.dp.s3-not-empty",
                    "DeletionPolicy: Delete — 하지만 객체가 남은 버킷은 삭제할 수 없어요: 삭제가 실패하고 버킷은 객체와 함께 스택 밖에 남아요(비어 있으면 삭제돼요)".into(),
                    "DeletionPolicy: Delete — but a bucket with objects cannot be deleted: the deletion fails and the bucket stays outside the stack with its objects (an empty one is deleted)".into(),
                    Some(sources::DELETION_POLICY),
                ));
            } else if holds.is_some() {
                result.outcome = Outcome::RemovedDataLost;
                result.data_at_risk.clone_from(&holds);
                let what = holds.clone().unwrap_or_else(|| Text {
                    ko: String::new(),
                    en: String::new(),
                });
                trail.push(ex(
                    "cfn.dp.delete",
                    format!(
                        "DeletionPolicy: Delete(기본값) — 리소스가 삭제되고 데이터({})도 사라져요",
                        what.ko
                    ),
                    format!(
                        "DeletionPolicy: Delete (the default) — the resource is deleted with its data ({})",
                        what.en
                    ),
                    Some(sources::DELETION_POLICY),
                ));
            } else {
                trail.push(ex(
                    "cfn.dp.delete",
                    "DeletionPolicy: Delete(기본값) — 리소스가 삭제돼요".into(),
                    "DeletionPolicy: Delete (the default) — the resource is deleted".into(),
                    Some(sources::DELETION_POLICY),
                ));
            }
        }
    }
    finish(result, trail)
}

fn finish(mut r: ResourceResult, trail: Vec<Explanation>) -> ResourceResult {
    if let Some(last) = trail.last() {
        r.reason = Text {
            ko: last.ko.clone(),
            en: last.en.clone(),
        };
    }
    r.explanation = trail;
    r
}

#[allow(clippy::too_many_arguments)]
fn modified(
    t: &Table,
    o: &Resource,
    n: &Resource,
    changes: Vec<PropertyChange>,
    policy: Option<&StackPolicy>,
    data: &BTreeMap<String, String>,
) -> ResourceResult {
    let id = n.logical_id.as_str();
    let v = view(t, &n.type_name);
    let mut trail = Vec::new();
    let mut result = ResourceResult {
        logical_id: id.to_owned(),
        type_name: n.type_name.clone(),
        action: Action::Modify,
        replacement: Replacement::False,
        outcome: Outcome::InPlace,
        reason: Text {
            ko: String::new(),
            en: String::new(),
        },
        data_at_risk: None,
        changes: Vec::new(),
        policy: None,
        explanation: Vec::new(),
    };
    if o.type_name != n.type_name {
        result.outcome = Outcome::UpdateFails;
        trail.push(ex(
            "cfn.type-change",
            format!(
                "같은 논리 ID의 Type은 바꿀 수 없어요({} → {}): 업데이트가 실패해요. 새 논리 ID를 쓰세요",
                o.type_name, n.type_name
            ),
            format!(
                "the Type of a logical id cannot change from {} to {}: the update fails; use a new logical id",
                o.type_name, n.type_name
            ),
            Some(sources::UPDATE_BEHAVIORS),
        ));
        return finish(result, trail);
    }
    let attrs = attribute_changes(o, n);
    if changes.is_empty() && attrs.is_empty() {
        result.action = Action::Unchanged;
        result.outcome = Outcome::Unchanged;
        trail.push(ex(
            "cfn.action.unchanged",
            "바뀐 것이 없어요".into(),
            "nothing changed".into(),
            None,
        ));
        return finish(result, trail);
    }
    if let Some(cond) = &n.condition {
        trail.push(ex(
            "cfn.condition",
            format!(
                "Condition `{cond}`은 평가하지 않아요: 두 템플릿 모두에서 리소스가 있다고 봐요"
            ),
            format!(
                "Condition `{cond}` is not evaluated: the resource is assumed to exist in both"
            ),
            None,
        ));
    }
    for c in &changes {
        let (ko, en) = level_text(c.requires_recreation);
        let (ko, en) = match (&c.evaluation, &c.causing_entity) {
            (Evaluation::Unknown, Some(inputs)) => (
                format!(
                    "{}: {inputs}의 값을 계산할 수 없어서 바뀌는지 알 수 없어요 — 바뀌면 {ko}",
                    c.name
                ),
                format!(
                    "{}: depends on {inputs}, whose value cannot be computed — if it changes, it {en}",
                    c.name
                ),
            ),
            (Evaluation::Dynamic, Some(cause)) => (
                format!(
                    "{}: 참조하는 리소스({cause})가 교체돼서 배포할 때 값이 바뀌어요 — {ko}",
                    c.name
                ),
                format!(
                    "{}: refers to {cause}, which is replaced, so it changes at deploy time — {en}",
                    c.name
                ),
            ),
            _ => (
                format!("{}{} 바뀌었어요 — {ko}", c.name, crate::josa::i(&c.name)),
                format!("{} changed — {en}", c.name),
            ),
        };
        let source = if v.known && c.requires_recreation != Recreation::Never {
            Some(sources::SCHEMAS)
        } else {
            None
        };
        trail.push(ex("cfn.property", ko, en, source));
        // An unsupported change's note is the refusal itself (said once, below).
        if let Some(note) = &c.note
            && c.requires_recreation != Recreation::Unsupported
        {
            trail.push(ex("cfn.history", note.ko.clone(), note.en.clone(), None));
        }
    }
    if !attrs.is_empty() {
        let list = attrs.join(", ");
        trail.push(ex(
            "cfn.attributes",
            format!(
                "속성 {list}{} 바뀌었어요 — 리소스 자체는 그대로예요",
                crate::josa::i(&list)
            ),
            format!("attributes {list} changed — the resource itself is untouched"),
            None,
        ));
    }
    if v.sam_unmapped || !v.known {
        result.replacement = Replacement::Conditional;
        result.outcome = Outcome::NotEvaluated;
        let (ko, en) = if v.sam_unmapped {
            (
                format!(
                    "SAM 변환은 평가하지 않아요: {}에서 생기는 리소스는 이 표에 없어요",
                    n.type_name
                ),
                format!(
                    "SAM transform: not evaluated ({} expands into resources this table does not model)",
                    n.type_name
                ),
            )
        } else {
            (
                format!(
                    "{}{} 업데이트 동작 표(cfn-lint {})에 없어서 교체 여부를 알 수 없어요",
                    n.type_name,
                    crate::josa::eun(&n.type_name),
                    t.info.cfn_lint
                ),
                format!(
                    "{} is not in the update-behaviour table (cfn-lint {}): replacement unknown",
                    n.type_name, t.info.cfn_lint
                ),
            )
        };
        trail.push(ex(
            "cfn.not-evaluated",
            ko,
            en,
            Some(if v.sam_unmapped {
                sources::SAM_TRANSFORM
            } else {
                sources::SCHEMAS
            }),
        ));
        result.changes = changes;
        return finish(result, trail);
    }
    // Changes whose value cannot be computed do not decide the verdict on their own.
    let known: Vec<PropertyChange> = changes
        .iter()
        .filter(|c| c.evaluation != Evaluation::Unknown)
        .cloned()
        .collect();
    result.replacement = replacement_of(&known);
    let unsupported: Vec<&PropertyChange> = known
        .iter()
        .filter(|c| c.requires_recreation == Recreation::Unsupported)
        .collect();
    let blind: Vec<&PropertyChange> = changes
        .iter()
        .filter(|c| {
            c.evaluation == Evaluation::Unknown && c.requires_recreation != Recreation::Never
        })
        .collect();
    let replacing = result.replacement != Replacement::False;
    let maybe = if result.replacement == Replacement::Conditional {
        ("교체가 필요하다면 ", "if it needs replacement, ")
    } else {
        ("", "")
    };
    let holds = data_of(t, &v.rules_type, id, &[n, o], data);
    // A Conditional replacement needs Update:Replace to be allowed (conservative: it may replace).
    let action = if replacing {
        "Update:Replace"
    } else {
        "Update:Modify"
    };
    if policy_check(policy, action, id, &v.rules_type, &mut trail) {
        result.outcome = Outcome::BlockedByStackPolicy;
        result.changes = changes;
        return finish(result, trail);
    }
    if !unsupported.is_empty() {
        result.outcome = Outcome::UpdateFails;
        for c in &unsupported {
            let (why, source) = refusal(t, &v.rules_type, c, o, n);
            trail.push(ex(
                "cfn.unsupported",
                format!(
                    "{}: {} — 서비스가 변경을 거부해서 업데이트가 실패하고(UPDATE_FAILED) 스택이 롤백돼요. 아무것도 삭제되지 않지만 바뀌지도 않아요. 바꾸려면 새 논리 ID로 새 리소스를 만들고 데이터를 옮기세요",
                    c.name, why.ko
                ),
                format!(
                    "{}: {} — the service refuses the change, so the update fails (UPDATE_FAILED) and the stack rolls back; nothing is deleted, nothing changes. To change it, create a new resource under a new logical id and move the data",
                    c.name, why.en
                ),
                source.as_deref(),
            ));
        }
        result.changes = changes;
        return finish(result, trail);
    }
    if !replacing && !blind.is_empty() {
        result.outcome = Outcome::Unknown;
        result.replacement = Replacement::Conditional;
        result.data_at_risk.clone_from(&holds);
        let names: Vec<&str> = blind.iter().map(|c| c.name.as_str()).collect();
        let inputs: Vec<&str> = blind
            .iter()
            .filter_map(|c| c.causing_entity.as_deref())
            .collect();
        trail.push(ex(
            "cfn.unknown",
            format!(
                "알 수 없음 (값을 계산할 수 없어요): {}{} {}에 따라 정해지는데, 기본값도 주어진 값도 없어요. 바뀌면 {} — `--parameter 이름=값`으로 값을 주세요",
                names.join(", "),
                crate::josa::eun(&names.join(", ")),
                inputs.join(", "),
                level_text(blind.iter().map(|c| c.requires_recreation).max().unwrap_or(Recreation::Never)).0
            ),
            format!(
                "unknown (value cannot be computed): {} depend(s) on {}, which has no default and no given value; if it changes, it {} — give a value with `--parameter NAME=VALUE`",
                names.join(", "),
                inputs.join(", "),
                level_text(blind.iter().map(|c| c.requires_recreation).max().unwrap_or(Recreation::Never)).1
            ),
            None,
        ));
        result.changes = changes;
        return finish(result, trail);
    }
    if replacing {
        if let Some(name_prop) = v.name_property(t)
            && let (Some(a), Some(b)) = (o.properties.get(&name_prop), n.properties.get(&name_prop))
            && same_value(a, b)
        {
            result.outcome = Outcome::UpdateFails;
            let shown = b.as_str().map_or_else(|| b.to_string(), str::to_owned);
            trail.push(ex(
                "cfn.custom-name",
                format!(
                    "{}이름({name_prop}: {shown})을 정해 두어서 교체할 수 없어요 — 업데이트가 실패하고 롤백돼요. 고치려면 이름을 바꾸거나 지우세요(새 이름으로 새 리소스가 만들어지고, 이전 것은 UpdateReplacePolicy: Retain이 없으면 데이터와 함께 삭제돼요). 데이터를 지키려면 새 논리 ID와 새 이름으로 리소스를 추가해 데이터를 옮긴 뒤, 이전 것을 DeletionPolicy: Retain으로 빼세요",
                    maybe.0
                ),
                format!(
                    "{}{name_prop} is fixed to {shown}, so CloudFormation cannot replace it — the update fails and rolls back. To fix: change or remove the name (a new resource is created under the new name; the old one is deleted with its data unless UpdateReplacePolicy: Retain). To keep the data: add a new resource under a new logical id and name, copy the data, then remove the old one with DeletionPolicy: Retain",
                    maybe.1
                ),
                Some(sources::CUSTOM_NAME),
            ));
            result.changes = changes;
            return finish(result, trail);
        }
        // The template being deployed carries the policy CloudFormation applies (an assumption
        // the facts file does not settle; the guided scenario sets Retain in an earlier update).
        let (mut urp, default) = n
            .update_replace_policy
            .map_or((Policy::Delete, true), |p| (p, false));
        let mut fell_back = false;
        if urp == Policy::Snapshot && !t.supports_snapshot(&v.rules_type) {
            trail.push(ex(
                "cfn.urp.snapshot-fallback",
                format!(
                    "{}{} 스냅샷을 지원하지 않아서 UpdateReplacePolicy: Snapshot이 Delete로 처리돼요",
                    v.rules_type,
                    crate::josa::eun(&v.rules_type)
                ),
                format!(
                    "{} does not support snapshots: UpdateReplacePolicy: Snapshot falls back to Delete",
                    v.rules_type
                ),
                Some(sources::UPDATE_REPLACE_POLICY),
            ));
            urp = Policy::Delete;
            fell_back = true;
        }
        result.policy = Some(format!(
            "UpdateReplacePolicy: {}{}",
            urp.name(),
            if default { " (default)" } else { "" }
        ));
        let curated = t.curated(&v.rules_type);
        match urp {
            Policy::Retain | Policy::RetainExceptOnCreate => {
                result.outcome = Outcome::ReplacedOldRetained;
                trail.push(ex(
                    "cfn.urp.retain",
                    format!("{}새 리소스가 스택에 들어오고, 이전 리소스는 데이터와 함께 스택 밖에 남아요 (UpdateReplacePolicy: Retain). 계속 요금이 나가요", maybe.0),
                    format!("{}a new resource joins the stack; the old one stays outside it with its data (UpdateReplacePolicy: Retain) and keeps costing money", maybe.1),
                    Some(sources::UPDATE_REPLACE_POLICY),
                ));
            }
            Policy::Snapshot => {
                result.outcome = Outcome::ReplacedSnapshotTaken;
                trail.push(ex(
                    "cfn.urp.snapshot",
                    format!(
                        "{}이전 리소스의 스냅샷을 남기고 삭제해요. 새 리소스는 비어 있어요",
                        maybe.0
                    ),
                    format!(
                        "{}the old resource is snapshotted, then deleted; the new one starts empty",
                        maybe.1
                    ),
                    Some(sources::UPDATE_REPLACE_POLICY),
                ));
            }
            Policy::Delete => {
                if curated.is_some_and(|c| c.delete_requires_empty) {
                    let annotated = data.contains_key(id) || n.data.is_some() || o.data.is_some();
                    result.outcome = if annotated {
                        Outcome::ReplacedOldRetained
                    } else {
                        Outcome::Replaced
                    };
                    trail.push(ex(
                        "cfn.urp.s3-not-empty",
                        format!("{}새 버킷은 비어 있어요. 이전 버킷은 객체가 남아 있으면 삭제되지 않고 스택 밖에 남아요(비어 있으면 삭제돼요)", maybe.0),
                        format!("{}the new bucket is empty; the old bucket cannot be deleted while it has objects, so it stays outside the stack (an empty one is deleted)", maybe.1),
                        Some(sources::UPDATE_REPLACE_POLICY),
                    ));
                } else if let Some(what) = &holds {
                    result.outcome = Outcome::ReplacedDataLost;
                    result.data_at_risk = Some(what.clone());
                    let lost = curated.map_or_else(
                        || Text {
                            ko: "새 리소스는 비어 있고 이전 리소스는 삭제돼요".into(),
                            en: "the new resource is empty and the old one is deleted".into(),
                        },
                        |c| c.lost.clone(),
                    );
                    trail.push(ex(
                        "cfn.urp.delete",
                        format!(
                            "{}교체돼요: {} — 잃는 것: {} (UpdateReplacePolicy: Delete{})",
                            maybe.0,
                            lost.ko,
                            what.ko,
                            if fell_back {
                                ", Snapshot을 지원하지 않아 Delete로 처리"
                            } else if default {
                                ", 기본값"
                            } else {
                                ""
                            }
                        ),
                        format!(
                            "{}replaced: {} — lost: {} (UpdateReplacePolicy: Delete{})",
                            maybe.1,
                            lost.en,
                            what.en,
                            if fell_back {
                                ": Snapshot is not supported here and falls back to Delete"
                            } else if default {
                                ", the default"
                            } else {
                                ""
                            }
                        ),
                        Some(sources::UPDATE_REPLACE_POLICY),
                    ));
                } else {
                    result.outcome = Outcome::Replaced;
                    let lost = curated.map_or_else(
                        || Text {
                            ko: "담고 있는 데이터가 없어요".into(),
                            en: "it holds no data".into(),
                        },
                        |c| c.lost.clone(),
                    );
                    trail.push(ex(
                        "cfn.replace",
                        format!("{}새 물리 ID로 교체되고 참조가 새 리소스로 바뀐 뒤 이전 것은 삭제돼요 ({})", maybe.0, lost.ko),
                        format!("{}replaced with a new physical id; references switch to it and the old one is deleted ({})", maybe.1, lost.en),
                        Some(sources::UPDATE_BEHAVIORS),
                    ));
                }
            }
        }
        result.changes = changes;
        return finish(result, trail);
    }
    // In place. DynamoDB: one GSI created or deleted per update.
    if v.rules_type == "AWS::DynamoDB::Table"
        && let Some(fail) = gsi_rule(
            o.properties.get("GlobalSecondaryIndexes"),
            n.properties.get("GlobalSecondaryIndexes"),
        )
    {
        result.outcome = Outcome::UpdateFails;
        trail.push(ex(
            "cfn.ddb.one-gsi",
            fail.ko,
            fail.en,
            Some(sources::DYNAMODB_TABLE),
        ));
        result.changes = changes;
        return finish(result, trail);
    }
    if v.rules_type == "AWS::EC2::Instance"
        && changes
            .iter()
            .any(|c| c.name == "InstanceType" || c.name == "UserData")
    {
        trail.push(ex(
            "cfn.ec2.stop-start",
            "일부 중단(Some interruptions): 인스턴스를 중지했다가 다시 시작해요. 물리 ID와 EBS 볼륨의 데이터는 그대로예요(메모리와 인스턴스 스토어 볼륨의 데이터는 사라져요)".into(),
            "some interruptions: the instance is stopped and started again; same physical id, data on its EBS volumes kept (data in memory and on instance store volumes is lost)".into(),
            Some(sources::EC2_INSTANCE),
        ));
        result.changes = changes;
        return finish(result, trail);
    }
    trail.push(ex(
        "cfn.in-place",
        "제자리에서 업데이트돼요: 물리 ID와 데이터가 그대로예요".into(),
        "updated in place: same physical id, data kept".into(),
        Some(sources::UPDATE_BEHAVIORS),
    ));
    result.changes = changes;
    finish(result, trail)
}

/// Why the service refuses a change of `c` and the page that says so.
fn refusal(
    t: &Table,
    rules_type: &str,
    c: &PropertyChange,
    o: &Resource,
    n: &Resource,
) -> (Text, Option<String>) {
    let curated = t.curated_property(rules_type, &c.name);
    let source = curated
        .and_then(|p| p.source.clone())
        .or_else(|| t.curated(rules_type).and_then(|c| c.source.clone()));
    if rules_type == "AWS::Cognito::UserPool"
        && c.name == "Schema"
        && let Some(why) =
            cognito_schema_refusal(o.properties.get("Schema"), n.properties.get("Schema"))
    {
        return (why, source);
    }
    let why = curated
        .and_then(|p| p.note.clone())
        .unwrap_or_else(|| Text {
            ko: "만든 뒤에는 바꿀 수 없는 설정이에요".into(),
            en: "it cannot be changed after creation".into(),
        });
    (why, source)
}

/// DynamoDB lets one update create or delete one GSI; changing an existing GSI's keys or
/// projection means delete + create. `Some(why)` when the update fails.
fn gsi_rule(old: Option<&Value>, new: Option<&Value>) -> Option<Text> {
    let index = |v: Option<&Value>| -> BTreeMap<String, Value> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|g| {
                        let name = g.get("IndexName")?;
                        let name = name
                            .as_str()
                            .map_or_else(|| name.to_string(), str::to_owned);
                        Some((name, g.clone()))
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (a, b) = (index(old), index(new));
    let created: Vec<&String> = b.keys().filter(|k| !a.contains_key(*k)).collect();
    let deleted: Vec<&String> = a.keys().filter(|k| !b.contains_key(*k)).collect();
    let reshaped: Vec<&String> = a
        .iter()
        .filter(|(k, v)| {
            b.get(*k).is_some_and(|w| {
                ["KeySchema", "Projection"]
                    .iter()
                    .any(|f| match (v.get(f), w.get(f)) {
                        (Some(x), Some(y)) => !same_value(x, y),
                        (None, None) => false,
                        _ => true,
                    })
            })
        })
        .map(|(k, _)| k)
        .collect();
    if let Some(name) = reshaped.first() {
        return Some(Text {
            ko: format!(
                "GSI {name}의 KeySchema나 Projection은 바꿀 수 없어요(삭제 후 생성이 필요해요): 업데이트가 실패해요. 새 이름으로 GSI를 추가하고, 다음 업데이트에서 이전 것을 지우세요"
            ),
            en: format!(
                "GSI {name}: KeySchema or Projection cannot change in place (it needs delete + create): the update fails; add a GSI under a new name, then delete the old one in a later update"
            ),
        });
    }
    if created.len() + deleted.len() > 1 {
        let join = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
        return Some(Text {
            ko: format!(
                "업데이트 한 번에 GSI는 하나만 추가하거나 삭제할 수 있어요(추가: {}, 삭제: {}): 업데이트가 실패해요. 여러 번에 나눠 배포하세요",
                join(&created),
                join(&deleted)
            ),
            en: format!(
                "one update can add or delete only one GSI (added: {}, deleted: {}): the update fails; split it into several updates",
                join(&created),
                join(&deleted)
            ),
        });
    }
    None
}

fn summary(t: &Table, results: &[ResourceResult], fails: bool) -> Text {
    let lost: Vec<(String, String)> = results
        .iter()
        .filter(|r| r.outcome.loses_data())
        .map(|r| {
            let what = r.data_at_risk.clone().or_else(|| {
                t.curated(&view(t, &r.type_name).rules_type)
                    .map(|c| c.data.clone())
            });
            match what {
                Some(w) => (
                    format!("{} {}", r.logical_id, w.ko),
                    format!("{} {}", r.logical_id, w.en),
                ),
                None => (r.logical_id.clone(), r.logical_id.clone()),
            }
        })
        .collect();
    let lost_ko = lost
        .iter()
        .map(|l| l.0.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let lost_en = lost
        .iter()
        .map(|l| l.1.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    if fails {
        let failing: Vec<&str> = results
            .iter()
            .filter(|r| r.outcome.fails())
            .map(|r| r.logical_id.as_str())
            .collect();
        let failing = failing.join(", ");
        let mut ko =
            format!("업데이트 실패: {failing} — 스택 전체가 롤백돼서 아무것도 삭제되지 않아요");
        let mut en =
            format!("Update fails: {failing} — the whole stack rolls back, so nothing is deleted");
        if !lost.is_empty() {
            let _ = write!(ko, " (고쳐서 다시 배포하면 데이터 손실: {lost_ko})");
            let _ = write!(en, " (once fixed, data would be lost: {lost_en})");
        }
        return Text { ko, en };
    }
    let unknown: Vec<&str> = results
        .iter()
        .filter(|r| r.outcome == Outcome::Unknown)
        .map(|r| r.logical_id.as_str())
        .collect();
    let unknown = unknown.join(", ");
    if !lost.is_empty() {
        let mut ko = format!("데이터 손실 위험: {lost_ko}");
        let mut en = format!("Data loss risk: {lost_en}");
        if !unknown.is_empty() {
            let _ = write!(ko, " (그 밖에 알 수 없음: {unknown})");
            let _ = write!(en, " (also unknown: {unknown})");
        }
        return Text { ko, en };
    }
    if !unknown.is_empty() {
        return Text {
            ko: format!(
                "알 수 없음 (값을 계산할 수 없어요): {unknown} — 기본값 없는 파라미터에 달려 있어요. `--parameter 이름=값`으로 값을 주면 판단할 수 있어요"
            ),
            en: format!(
                "Unknown (value cannot be computed): {unknown} — it depends on a parameter without a default; give it with `--parameter NAME=VALUE`"
            ),
        };
    }
    let count = |o: &[Outcome]| results.iter().filter(|r| o.contains(&r.outcome)).count();
    let replaced = count(&[
        Outcome::Replaced,
        Outcome::ReplacedOldRetained,
        Outcome::ReplacedSnapshotTaken,
    ]);
    let in_place = count(&[Outcome::InPlace]);
    let added = count(&[Outcome::Added]);
    let removed = count(&[
        Outcome::Removed,
        Outcome::RemovedRetained,
        Outcome::RemovedSnapshotTaken,
    ]);
    let not_evaluated = count(&[Outcome::NotEvaluated]);
    let mut ko = format!(
        "데이터 손실 없음: 교체 {replaced}, 제자리 {in_place}, 추가 {added}, 삭제 {removed}"
    );
    let mut en = format!(
        "No data lost: {replaced} replaced, {in_place} in place, {added} added, {removed} removed"
    );
    if not_evaluated > 0 {
        let _ = write!(ko, ", 평가 안 함 {not_evaluated}");
        let _ = write!(en, ", {not_evaluated} not evaluated");
    }
    Text { ko, en }
}
