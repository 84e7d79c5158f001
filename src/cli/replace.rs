//! `gureum sim replace OLD NEW`: what a `CloudFormation` stack update from template OLD to NEW does
//! to each resource, and which data it destroys — a change set without an AWS account.
//!
//! Exit status, so a deployment script can use it as a guard: 0 nothing is lost, 3 data would be
//! lost, 4 the update would fail and roll back (the service refuses the change, a named resource
//! cannot be replaced…) or be blocked by the stack policy, 5 a verdict depends on a value that
//! cannot be computed (a parameter without a default and without `--parameter`), 2 unreadable
//! input (the message names the file and line).
//!
//! Parameters: `--parameter KEY=VALUE` sets a value for both templates (as an update that keeps
//! the same parameter values); `--old-parameter`/`--new-parameter` set it for one side (the value
//! deployed now, the value the update passes). Otherwise each template's `Default` applies.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;
use simulations::cfn::{
    self, Action, Outcome, Params, Report, ResourceResult, StackPolicy, Template,
};

use gureum::strings::Lang;

/// Arguments of `gureum sim replace`.
#[derive(Debug, Args)]
pub struct ReplaceArgs {
    /// 지금 배포된 템플릿 (YAML 또는 JSON)
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// 배포하려는 새 템플릿
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// 스택 정책 (JSON)
    #[arg(long = "stack-policy", value_name = "FILE")]
    stack_policy: Option<PathBuf>,
    /// 리소스가 담은 데이터 (TOML, 예: `UsersTable = "12,000 items"`)
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    /// 두 템플릿 모두에 줄 파라미터 값 (여러 번 쓸 수 있어요)
    #[arg(long = "parameter", value_name = "KEY=VALUE")]
    parameter: Vec<String>,
    /// 지금 배포된 템플릿(OLD)에만 줄 파라미터 값
    #[arg(long = "old-parameter", value_name = "KEY=VALUE")]
    old_parameter: Vec<String>,
    /// 새 템플릿(NEW)에만 줄 파라미터 값
    #[arg(long = "new-parameter", value_name = "KEY=VALUE")]
    new_parameter: Vec<String>,
    /// JSON으로 출력해요 (리소스마다 `{logical_id, type, action, replacement, outcome, reason}`)
    #[arg(long)]
    json: bool,
}

/// `KEY=VALUE` pairs, or the message for status 2.
fn pairs(list: &[String], flag: &str, lang: Lang) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for item in list {
        let Some((k, v)) = item.split_once('=').filter(|(k, _)| !k.trim().is_empty()) else {
            return Err(match lang {
                Lang::Ko => format!("--{flag} {item}: `이름=값` 형식이어야 해요"),
                Lang::En => format!("--{flag} {item}: expected `KEY=VALUE`"),
            });
        };
        out.insert(k.trim().to_owned(), v.to_owned());
    }
    Ok(out)
}

/// Reads a file for `what`, or the message for status 2.
fn read(path: &Path, lang: Lang) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| super::io_error(path, &e, lang))
}

fn load(args: &ReplaceArgs, lang: Lang) -> Result<Inputs, String> {
    let en = lang == Lang::En;
    let template = |path: &Path| -> Result<Template, String> {
        let text = read(path, lang)?;
        cfn::parse(&path.display().to_string(), &text).map_err(|e| e.message(en))
    };
    let old = template(&args.old)?;
    let new = template(&args.new)?;
    let policy = match &args.stack_policy {
        Some(path) => {
            let text = read(path, lang)?;
            Some(
                StackPolicy::parse(&path.display().to_string(), &text)
                    .map_err(|e| e.message(en))?,
            )
        }
        None => None,
    };
    let data = match &args.data {
        Some(path) => {
            let text = read(path, lang)?;
            cfn::parse_data(&path.display().to_string(), &text).map_err(|e| e.message(en))?
        }
        None => BTreeMap::new(),
    };
    let params = Params {
        both: pairs(&args.parameter, "parameter", lang)?,
        old: pairs(&args.old_parameter, "old-parameter", lang)?,
        new: pairs(&args.new_parameter, "new-parameter", lang)?,
    };
    let undeclared = params.undeclared(&old, &new);
    if !undeclared.is_empty() {
        let list = undeclared.join(", ");
        return Err(match lang {
            Lang::Ko => format!("템플릿의 Parameters에 없는 파라미터예요: {list}"),
            Lang::En => format!("not declared under the templates' Parameters: {list}"),
        });
    }
    Ok(Inputs {
        old,
        new,
        policy,
        data,
        params,
    })
}

struct Inputs {
    old: Template,
    new: Template,
    policy: Option<StackPolicy>,
    data: BTreeMap<String, String>,
    params: Params,
}

/// Runs `gureum sim replace`.
pub fn run(args: &ReplaceArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let inputs = match load(args, lang) {
        Ok(i) => i,
        Err(msg) => {
            errln!("gureum: {msg}");
            return Ok(ExitCode::from(2));
        }
    };
    let report = cfn::evaluate_with(
        &inputs.old,
        &inputs.new,
        inputs.policy.as_ref(),
        &inputs.data,
        &inputs.params,
    );
    let mut out = crate::cli::stdout();
    if args.json {
        out.json(&json(&report, lang), true)?;
    } else {
        human(&mut out, &report, args, lang)?;
    }
    Ok(ExitCode::from(report.exit_code()))
}

/// The JSON list: the contract fields first, then the details.
fn json(report: &Report, lang: Lang) -> serde_json::Value {
    let en = lang == Lang::En;
    let list: Vec<serde_json::Value> = report
        .resources
        .iter()
        .map(|r| {
            serde_json::json!({
                "logical_id": r.logical_id,
                "type": r.type_name,
                "action": r.action,
                "replacement": r.replacement,
                "outcome": r.outcome,
                "reason": r.reason.get(en),
                "data_at_risk": r.data_at_risk.as_ref().map(|d| d.get(en)),
                "policy": r.policy,
                "changes": r.changes.iter().map(|c| serde_json::json!({
                    "name": c.name,
                    "requires_recreation": c.requires_recreation,
                    "evaluation": c.evaluation,
                    "causing_entity": c.causing_entity,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::Value::Array(list)
}

fn action_label(a: Action, lang: Lang) -> &'static str {
    match a {
        Action::Add => lang.pick("추가(Add)", "Add"),
        Action::Modify => lang.pick("수정(Modify)", "Modify"),
        Action::Remove => lang.pick("제거(Remove)", "Remove"),
        Action::Unchanged => lang.pick("변경 없음", "Unchanged"),
    }
}

fn marker(o: Outcome) -> &'static str {
    if o.fails() {
        "✗"
    } else if o.loses_data() {
        "!"
    } else if o == Outcome::Unknown {
        "?"
    } else {
        "·"
    }
}

fn resource(out: &mut impl Write, r: &ResourceResult, lang: Lang) -> std::io::Result<()> {
    let en = lang == Lang::En;
    writeln!(
        out,
        "{} {}  ({})",
        marker(r.outcome),
        r.logical_id,
        r.type_name
    )?;
    writeln!(
        out,
        "    {} · {} · {}",
        action_label(r.action, lang),
        replacement_label(r.replacement, lang),
        r.outcome.label().get(en)
    )?;
    if !r.changes.is_empty() {
        let list: Vec<String> = r
            .changes
            .iter()
            .map(|c| {
                let dynamic = match c.evaluation {
                    cfn::Evaluation::Dynamic => lang.pick(", 동적", ", dynamic"),
                    cfn::Evaluation::Unknown => lang.pick(", 알 수 없음", ", unknown"),
                    cfn::Evaluation::Static => "",
                };
                format!(
                    "{} ({}{dynamic})",
                    c.name,
                    recreation_label(c.requires_recreation, lang)
                )
            })
            .collect();
        writeln!(
            out,
            "    {} {}",
            lang.pick("바뀐 속성:", "changed:"),
            list.join(", ")
        )?;
    }
    if let Some(p) = &r.policy {
        writeln!(out, "    {p}")?;
    }
    writeln!(out, "    → {}", r.reason.get(en))?;
    if let Some(d) = &r.data_at_risk {
        writeln!(
            out,
            "    {} {}",
            lang.pick("잃는 데이터:", "data lost:"),
            d.get(en)
        )?;
    }
    for e in r.explanation.iter().filter(|e| e.rule == "cfn.history") {
        writeln!(
            out,
            "    {} {}",
            lang.pick("참고:", "note:"),
            if en { &e.en } else { &e.ko }
        )?;
    }
    Ok(())
}

fn human(
    out: &mut impl Write,
    report: &Report,
    args: &ReplaceArgs,
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(
        out,
        "{} {} → {}",
        lang.pick("스택 업데이트:", "Stack update:"),
        args.old.display(),
        args.new.display()
    )?;
    writeln!(out)?;
    let (unchanged, changed): (Vec<&ResourceResult>, Vec<&ResourceResult>) = report
        .resources
        .iter()
        .partition(|r| r.action == Action::Unchanged);
    for r in &changed {
        resource(out, r, lang)?;
    }
    if changed.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("바뀌는 리소스가 없어요", "No resource changes")
        )?;
    }
    if !unchanged.is_empty() {
        let ids: Vec<&str> = unchanged.iter().map(|r| r.logical_id.as_str()).collect();
        writeln!(
            out,
            "· {} {}",
            lang.pick("변경 없음:", "unchanged:"),
            ids.join(", ")
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", report.summary.get(lang == Lang::En))?;
    let t = &report.table;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Ko => format!(
                "(업데이트 동작 표: cfn-lint {} 스키마, {} 생성)",
                t.cfn_lint, t.generated
            ),
            Lang::En => format!(
                "(update-behaviour table: cfn-lint {} schemas, generated {})",
                t.cfn_lint, t.generated
            ),
        }
    )?;
    Ok(())
}

/// A change set's `Replacement` column: `Replacement: True` in English (as the console shows
/// it), `교체: 예/아니요/조건부` in Korean.
fn replacement_label(r: cfn::Replacement, lang: Lang) -> String {
    match lang {
        Lang::En => format!("Replacement: {r:?}"),
        Lang::Ko => {
            let word = match r {
                cfn::Replacement::True => "예",
                cfn::Replacement::False => "아니요",
                cfn::Replacement::Conditional => "조건부",
            };
            format!("교체: {word}")
        }
    }
}

/// A property's update behaviour (`RequiresRecreation`): the table's words in English, 항상/없음/
/// 조건부/변경 불가 in Korean.
fn recreation_label(r: cfn::Recreation, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{r:?}"),
        Lang::Ko => match r {
            cfn::Recreation::Never => "교체 없음",
            cfn::Recreation::Conditionally => "조건부 교체",
            cfn::Recreation::Always => "항상 교체",
            cfn::Recreation::Unsupported => "변경 불가",
        }
        .to_owned(),
    }
}
