//! Per-condition challenge results for the older preset kinds (Lambda, deploy, DynamoDB,
//! phoenix), in the same [`ChallengeResult`] shape the newer models return from
//! [`crate::challenge::Preset::check`]. Each function agrees with that kind's `passes` (the tests
//! check it on every shipped preset) but says which condition failed and what was measured, so
//! a screen can list every condition with ✓/✗ instead of one verdict. A condition's label is
//! built from its metric, operator and threshold; a `fixed` setting the learner changed is a
//! failed condition of its own.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use crate::challenge::{ChallengeResult, ConditionResult, Op};
use crate::{deploy, dynamodb, lambda, phoenix};

fn threshold(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        let n = v.abs() as u64;
        let s = crate::sessions::group(n);
        if v < 0.0 { format!("-{s}") } else { s }
    } else {
        format!("{v}")
    }
}

fn labelled(id: &str, names: (&str, &str), op: Op, value: f64, measured: f64) -> ConditionResult {
    let (ko, en) = names;
    let t = threshold(value);
    ConditionResult::new(
        id,
        &format!("{ko} {} {t}", op.symbol()),
        &format!("{en} {} {t}", op.symbol()),
        op,
        value,
        measured,
    )
}

fn lambda_op(op: lambda::Op) -> Op {
    match op {
        lambda::Op::Lt => Op::Lt,
        lambda::Op::Le => Op::Le,
        lambda::Op::Eq => Op::Eq,
        lambda::Op::Ge => Op::Ge,
        lambda::Op::Gt => Op::Gt,
    }
}

fn deploy_op(op: deploy::Op) -> Op {
    match op {
        deploy::Op::Lt => Op::Lt,
        deploy::Op::Le => Op::Le,
        deploy::Op::Eq => Op::Eq,
        deploy::Op::Ge => Op::Ge,
        deploy::Op::Gt => Op::Gt,
    }
}

fn lambda_metric(m: lambda::Metric) -> (&'static str, (&'static str, &'static str)) {
    use lambda::Metric as M;
    match m {
        M::ColdStartPct => (
            "cold_start_pct",
            ("콜드 스타트 비율(%)", "cold-start share (%)"),
        ),
        M::ColdStarts => ("cold_starts", ("콜드 스타트 수", "cold starts")),
        M::CostUsd => ("cost_usd", ("비용(USD)", "cost (USD)")),
        M::Throttles => ("throttles", ("스로틀 수", "throttles")),
        M::Dlq => (
            "dlq",
            ("DLQ·버린 이벤트 수", "events to the DLQ or dropped"),
        ),
        M::DlqPct => (
            "dlq_pct",
            ("DLQ·버린 이벤트 비율(%)", "share to the DLQ or dropped (%)"),
        ),
        M::P99Ms => ("p99_ms", ("지연 p99(ms)", "latency p99 (ms)")),
        M::MaxConcurrency => ("max_concurrency", ("최대 동시성", "max concurrency")),
        M::SuccessPct => ("success_pct", ("성공 비율(%)", "success share (%)")),
    }
}

fn deploy_metric(m: deploy::Metric) -> (&'static str, (&'static str, &'static str)) {
    use deploy::Metric as M;
    match m {
        M::UsersAffected => (
            "users_affected",
            ("불량 버전을 만난 요청", "requests that met the bad version"),
        ),
        M::ErrorsBad => (
            "errors_bad",
            ("불량 버전의 오류", "errors of the bad version"),
        ),
        M::RolledBack => ("rolled_back", ("롤백됨(1 = 예)", "rolled back (1 = yes)")),
        M::Detected => ("detected", ("알람이 울림(1 = 예)", "alarm fired (1 = yes)")),
        M::DurationS => ("duration_s", ("배포 시간(초)", "deployment time (s)")),
        M::VsFirstPct => (
            "vs_first_pct",
            (
                "첫 전략 대비 피해(%)",
                "harm relative to the first strategy (%)",
            ),
        ),
    }
}

/// A Lambda preset's conditions on a run of `config`.
pub fn lambda(
    p: &lambda::Preset,
    config: &lambda::LambdaConfig,
    r: &lambda::LambdaResult,
) -> ChallengeResult {
    let out = p.pass.iter().map(|c| {
        let (id, names) = lambda_metric(c.metric);
        labelled(id, names, lambda_op(c.op), c.value, c.metric.value(r))
    });
    with_fixed(out, &p.fixed, &p.changed_fixed(config))
}

/// A single-run deployment preset's conditions on a run of `config`.
pub fn deploy(
    p: &deploy::Preset,
    config: &deploy::DeployConfig,
    r: &deploy::DeployResult,
) -> ChallengeResult {
    let out = p.pass.iter().map(|c| {
        let (id, names) = deploy_metric(c.metric);
        labelled(id, names, deploy_op(c.op), c.value, c.metric.value(r))
    });
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
        let (id, (ko, en)) = deploy_metric(c.metric);
        for row in rows
            .iter()
            .filter(|r| name.as_ref().is_none_or(|n| *n == r.strategy))
        {
            let ko = format!("{}: {ko}", row.strategy);
            let en = format!("{}: {en}", row.strategy);
            out.push(labelled(
                &format!("{id}@{}", row.strategy),
                (&ko, &en),
                deploy_op(c.op),
                c.value,
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
    let mut out = vec![labelled(
        "total_throttled",
        ("스로틀된 요청", "throttled requests"),
        Op::Le,
        p.pass.max_throttled as f64,
        r.total_throttled as f64,
    )];
    if let Some(min) = p.pass.min_mean_utilisation {
        out.push(labelled(
            "mean_utilisation",
            ("평균 사용률(0-1)", "mean utilisation (0-1)"),
            Op::Ge,
            min,
            r.mean_utilisation,
        ));
    }
    ChallengeResult::from_conditions(out)
}

/// A phoenix preset's conditions on a run: rebuilt, and no upload, session or fix lost.
pub fn phoenix(_p: &phoenix::Preset, r: &phoenix::PhoenixReport) -> ChallengeResult {
    ChallengeResult::from_conditions(vec![
        ConditionResult::new(
            "rebuilt",
            "서버를 다시 만들기",
            "rebuild the servers",
            Op::Eq,
            1.0,
            if r.rebuilt { 1.0 } else { 0.0 },
        ),
        labelled(
            "files_lost",
            ("잃은 업로드 파일", "uploaded files lost"),
            Op::Eq,
            0.0,
            r.files_lost as f64,
        ),
        labelled(
            "sessions_lost",
            ("잃은 세션", "sessions lost"),
            Op::Eq,
            0.0,
            r.sessions_lost as f64,
        ),
        labelled(
            "reverted_fixes",
            ("되돌려진 손 패치", "hand-made fixes reverted"),
            Op::Eq,
            0.0,
            f64::from(r.reverted_fixes),
        ),
    ])
}
