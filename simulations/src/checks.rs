//! Per-condition challenge results for the older preset kinds (Lambda, deploy, DynamoDB,
//! phoenix), in the same [`ChallengeResult`] shape the newer models return from
//! [`crate::challenge::Preset::check`]. Each function agrees with that kind's `passes` (the tests
//! check it on every shipped preset) but says which condition failed and what was measured, so
//! a screen can list every condition with ✓/✗ instead of one verdict. A condition's label is
//! built from its metric, operator and threshold; a `fixed` setting the learner changed is a
//! failed condition of its own.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use crate::challenge::{ChallengeResult, ConditionResult, Metric};
use crate::{deploy, dynamodb, lambda, phoenix};

/// A Lambda preset's conditions on a run of `config`.
pub fn lambda(
    p: &lambda::Preset,
    config: &lambda::LambdaConfig,
    r: &lambda::LambdaResult,
) -> ChallengeResult {
    let out = p.pass.iter().map(|c| c.check(c.metric.value(r)));
    with_fixed(out, &p.fixed, &p.changed_fixed(config))
}

/// A single-run deployment preset's conditions on a run of `config`.
pub fn deploy(
    p: &deploy::Preset,
    config: &deploy::DeployConfig,
    r: &deploy::DeployResult,
) -> ChallengeResult {
    let out = p.pass.iter().map(|c| c.check(c.metric.value(r)));
    with_fixed(out, &p.fixed, &p.changed_fixed(config))
}

/// A comparison preset's conditions: one result per condition and strategy row it applies to
/// (id `metric@Strategy`).
pub fn deploy_comparison(
    p: &deploy::Preset,
    config: &deploy::DeployConfig,
    rows: &[deploy::CompareRow],
) -> ChallengeResult {
    let changed = p.changed_fixed(config);
    let mut out = Vec::new();
    for c in &p.pass {
        let name = c
            .strategy
            .as_deref()
            .and_then(|s| deploy::Strategy::parse(s).ok())
            .map(|s| s.name);
        for row in rows
            .iter()
            .filter(|r| name.as_ref().is_none_or(|n| *n == r.strategy))
        {
            out.push(c.check_as(
                &format!("{}@{}", c.metric.id(), row.strategy),
                (&row.strategy, &row.strategy),
                c.metric.row_value(row),
            ));
        }
    }
    with_fixed(out, &p.fixed, &changed)
}

/// `conditions`, then one condition per `fixed` setting (failed when it is in `changed`).
fn with_fixed(
    conditions: impl IntoIterator<Item = ConditionResult>,
    fixed: &[String],
    changed: &[String],
) -> ChallengeResult {
    let mut out: Vec<ConditionResult> = conditions.into_iter().collect();
    out.extend(
        fixed
            .iter()
            .map(|f| ConditionResult::fixed(f, !changed.contains(f))),
    );
    ChallengeResult::from_conditions(out)
}

/// A DynamoDB preset's conditions on a run.
pub fn dynamodb(p: &dynamodb::Preset, r: &dynamodb::SimReport) -> ChallengeResult {
    ChallengeResult::from_conditions(
        p.pass
            .conditions()
            .iter()
            .map(|c| c.check(c.metric.value(r)))
            .collect(),
    )
}

/// A phoenix preset's conditions on a run: rebuilt, and no upload, session or fix lost.
pub fn phoenix(p: &phoenix::Preset, r: &phoenix::PhoenixReport) -> ChallengeResult {
    ChallengeResult::from_conditions(
        p.conditions()
            .iter()
            .map(|c| c.check(c.metric.value(r)))
            .collect(),
    )
}
