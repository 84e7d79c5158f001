//! `gureum sim deploy` and `gureum sim phoenix`: traffic shifting and phoenix servers on the
//! command line.
//!
//! Rates are fractions (`0.3`) or percentages (`30%`). Each flag checks its own range, so bad
//! input exits with status 2 and a message naming the flag and the allowed range; an unknown
//! strategy lists the valid names. `--json` prints the model's result (the contract fields
//! `outcome`, `rolled_back_at_s`, `shift`, `requests_new`, `errors_new`, `duration_s` and more).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use simulations::deploy::{
    self, AlarmMetric, ConfigError, DeployConfig, DeployResult, HookFail, Outcome, Routing,
    Strategy, clock,
};
use simulations::phoenix::{self, FileStore, LogStore, PhoenixConfig, SessionStore};

use gureum::sims::compare::{compare_table, group};
use gureum::strings::{Lang, Strings};
use gureum::text;

/// Which hook fails (`--hook-fail`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum HookArg {
    /// `PreTraffic`: before any traffic moves
    Pre,
    /// `PostTraffic`: after all traffic moved
    Post,
}

/// What the alarm watches (`--alarm-on`).
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AlarmOnArg {
    /// 새 버전의 오류율 (`ExecutedVersion` 차원)
    New,
    /// 별칭 전체의 오류율
    Alias,
    /// 새 버전의 평균 지연 시간 (임계값은 ms)
    Latency,
}

/// Arguments of `gureum sim deploy`.
#[derive(Debug, Args)]
pub struct DeployArgs {
    /// 배포 전략: `Canary10Percent5Minutes` 같은 `CodeDeploy` 설정 이름(`CodeDeployDefault.Lambda` 접두어는 있어도 없어도 돼요), `canary:20:5`, `linear:25:2`, `blue-green[:분]`, `apigw-canary:퍼센트[:분]`. `--compare`와 함께라면 여러 번(또는 쉼표로) 줄 수 있어요
    #[arg(long, value_name = "NAME", value_delimiter = ',', value_parser = parse_strategy)]
    strategy: Vec<Strategy>,
    /// 시나리오 TOML 파일, 또는 내장 프리셋 이름(예: `deploy-canary`)
    #[arg(long, value_name = "FILE")]
    scenario: Option<String>,
    /// 초당 요청 수 (0-100000)
    #[arg(long, value_name = "R", value_parser = parse_rps, allow_negative_numbers = true)]
    rps: Option<f64>,
    /// 새 버전의 오류율 (0-1 또는 `30%`)
    #[arg(long = "new-error-rate", value_name = "E", value_parser = parse_rate, allow_negative_numbers = true)]
    new_error_rate: Option<f64>,
    /// 이전 버전의 오류율 (0-1 또는 `1%`)
    #[arg(long = "old-error-rate", value_name = "E", value_parser = parse_rate, allow_negative_numbers = true)]
    old_error_rate: Option<f64>,
    /// 새 버전의 지연 시간(ms, 불량일 때)
    #[arg(long = "new-latency-ms", value_name = "MS", value_parser = parse_latency, allow_negative_numbers = true)]
    new_latency_ms: Option<f64>,
    /// 이전 버전의 지연 시간(ms)
    #[arg(long = "old-latency-ms", value_name = "MS", value_parser = parse_latency, allow_negative_numbers = true)]
    old_latency_ms: Option<f64>,
    /// 알람 임계값: 이 오류율(0-1 또는 `5%`)을 넘으면 알람이 울려요 (`--alarm-on latency`면 ms)
    #[arg(long = "alarm-threshold", value_name = "X", value_parser = parse_threshold, allow_negative_numbers = true)]
    alarm_threshold: Option<f64>,
    /// 알람 평가 기간 수 (N개 기간 중 M개가 넘으면 ALARM; 기본 M = N)
    #[arg(long = "alarm-periods", value_name = "N", value_parser = clap::value_parser!(u32).range(1..=8640))]
    alarm_periods: Option<u32>,
    /// 알람을 울리는 데이터포인트 수 M (1-평가 기간 수)
    #[arg(long = "alarm-datapoints", value_name = "M", value_parser = clap::value_parser!(u32).range(1..=8640))]
    alarm_datapoints: Option<u32>,
    /// `CloudWatch` 기간(초): 10, 20, 30 또는 60의 배수
    #[arg(long = "alarm-period-s", value_name = "S", value_parser = parse_period)]
    alarm_period_s: Option<u32>,
    /// 알람이 보는 지표
    #[arg(long = "alarm-on", value_enum, value_name = "WHAT")]
    alarm_on: Option<AlarmOnArg>,
    /// 알람 없이 배포해요
    #[arg(long = "no-alarm")]
    no_alarm: bool,
    /// 새 버전이 이 시각(초)부터 불량해져요 (기본 0)
    #[arg(long = "bad-from-s", value_name = "T", value_parser = clap::value_parser!(u32).range(0..=604_800))]
    bad_from_s: Option<u32>,
    /// 실패하는 훅
    #[arg(long = "hook-fail", value_enum, value_name = "pre|post")]
    hook_fail: Option<HookArg>,
    /// 배포가 끝난 뒤 더 지켜볼 시간(초, 0-86400; 누군가 알아채기까지의 가정)
    #[arg(long = "observe-s", value_name = "S", value_parser = clap::value_parser!(u32).range(0..=86_400))]
    observe_s: Option<u32>,
    /// 난수 시드 (같은 시드 = 같은 결과)
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// 무작위 대신 기댓값으로 나눠요 (요청 × 가중치)
    #[arg(long)]
    expected: bool,
    /// 같은 릴리스를 여러 전략으로 배포해 나란히 비교해요 (전략을 안 주면 기본 5가지)
    #[arg(long)]
    compare: bool,
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
}

/// Arguments of `gureum sim phoenix`.
#[derive(Debug, Args)]
pub struct PhoenixArgs {
    /// 템플릿으로 만든 서버 수 (1-20)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=20))]
    servers: Option<u32>,
    /// 지난 재구축 이후 손으로 한 변경 수 (0-200)
    #[arg(long = "hand-changes", value_name = "N", value_parser = clap::value_parser!(u32).range(0..=200))]
    hand_changes: Option<u32>,
    /// 사용자가 올린 파일 수
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
    uploads: Option<u64>,
    /// 업로드 파일을 두는 곳
    #[arg(long = "uploads-store", value_enum, value_name = "WHERE")]
    uploads_store: Option<FileStoreArg>,
    /// 로그인 세션 수
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(0..=100_000_000))]
    sessions: Option<u64>,
    /// 세션을 두는 곳
    #[arg(long = "sessions-store", value_enum, value_name = "WHERE")]
    sessions_store: Option<SessionStoreArg>,
    /// 로그를 두는 곳
    #[arg(long = "logs-store", value_enum, value_name = "WHERE")]
    logs_store: Option<LogStoreArg>,
    /// 손으로 한 수정을 템플릿(AMI)에도 반영했어요
    #[arg(long = "fixes-in-template")]
    fixes_in_template: bool,
    /// 다시 만들지 않고 드리프트만 봐요
    #[arg(long = "no-rebuild")]
    no_rebuild: bool,
    /// 난수 시드 (어느 서버에 어떤 변경이 갔는지)
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
}

/// `--uploads-store`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FileStoreArg {
    /// 서버 로컬 디스크
    Local,
    /// Amazon S3
    S3,
    /// Amazon EFS
    Efs,
}

/// `--sessions-store`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SessionStoreArg {
    /// 서버 메모리
    Local,
    /// A `DynamoDB` table.
    #[value(help = "DynamoDB 테이블")]
    Dynamodb,
    /// An `ElastiCache` cluster.
    #[value(help = "ElastiCache")]
    Elasticache,
}

/// `--logs-store`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LogStoreArg {
    /// 서버의 파일
    Local,
    /// `CloudWatch` Logs
    Cloudwatch,
}

fn parse_strategy(s: &str) -> Result<Strategy, String> {
    Strategy::parse(s).map_err(|e| match e {
        ConfigError::UnknownStrategy { valid, .. } => {
            format!("unknown strategy; valid names: {valid}")
        }
        other => other.to_string(),
    })
}

/// A number, or a percentage with `%` (divided by 100).
fn number_or_percent(s: &str) -> Result<f64, String> {
    let t = s.trim();
    let (body, scale) = match t.strip_suffix('%') {
        Some(b) => (b, 100.0),
        None => (t, 1.0),
    };
    body.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(|v| v / scale)
        .ok_or_else(|| format!("`{s}` is not a number"))
}

fn parse_rate(s: &str) -> Result<f64, String> {
    let v = number_or_percent(s)?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err("must be within 0-1 (0%-100%), e.g. 0.3 or 30%".to_owned())
    }
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let v = number_or_percent(s)?;
    if (0.0..=deploy::config::LATENCY_MAX_MS).contains(&v) {
        Ok(v)
    } else {
        Err("must be within 0-1 (0%-100%) for an error rate, or 0-900000 ms for latency".to_owned())
    }
}

fn parse_rps(s: &str) -> Result<f64, String> {
    let v = number_or_percent(s)?;
    if (0.0..=deploy::config::RPS_MAX).contains(&v) && !s.contains('%') {
        Ok(v)
    } else {
        Err("must be within 0-100000 requests per second".to_owned())
    }
}

fn parse_latency(s: &str) -> Result<f64, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=deploy::config::LATENCY_MAX_MS).contains(&v) {
        Ok(v)
    } else {
        Err("must be within 0-900000 ms".to_owned())
    }
}

fn parse_period(s: &str) -> Result<u32, String> {
    let v: u32 = s
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a whole number"))?;
    if matches!(v, 10 | 20 | 30) || (v > 0 && v.is_multiple_of(60) && v <= 86_400) {
        Ok(v)
    } else {
        Err("must be 10, 20, 30 or a multiple of 60 up to 86400 (CloudWatch)".to_owned())
    }
}

/// The CLI flag of a config field, for error messages.
fn flag_of(field: &str) -> String {
    match field {
        "alarm_evaluation_periods" => "--alarm-periods".to_owned(),
        "pre_traffic_s" | "post_traffic_s" => format!("{field} (scenario)"),
        f => format!("--{}", f.replace('_', "-")),
    }
}

/// An error message that names the flag where it can.
fn model_error(e: &ConfigError) -> String {
    match e {
        ConfigError::OutOfRange {
            field,
            value,
            range,
        } => {
            format!("{}: {value} must be within {range}", flag_of(field))
        }
        ConfigError::AlarmDatapoints { .. } => format!("--alarm-datapoints: {e}"),
        ConfigError::AlarmWindow { .. } => format!("--alarm-periods: {e}"),
        ConfigError::AlarmPeriod { .. } => format!("--alarm-period-s: {e}"),
        ConfigError::UnknownStrategy { .. }
        | ConfigError::StrategyPercent { .. }
        | ConfigError::StrategyMinutes { .. } => format!("--strategy: {e}"),
        ConfigError::TooLong { .. } => e.to_string(),
    }
}

/// A deployment scenario file (a preset with `[config]`, or a bare config), or a built-in preset.
fn load_scenario(name: &str, lang: Lang) -> Result<(DeployConfig, Vec<Strategy>), String> {
    use simulations::Localize;
    let en = lang == Lang::En;
    let path = Path::new(name);
    if !path.exists() {
        let presets = deploy::try_presets().map_err(|e| e.localize(en))?;
        let list = presets
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let missing = match lang {
            Lang::Ko => format!(
                "--scenario: 시나리오 파일이나 프리셋 `{name}`{} 없어요 (프리셋: {list})",
                gureum::text::josa::i(name)
            ),
            Lang::En => {
                format!("--scenario: no scenario file or preset `{name}` (presets: {list})")
            }
        };
        return presets
            .into_iter()
            .find(|p| p.id == name)
            .map(|p| (p.config, p.compare))
            .ok_or(missing);
    }
    let text = std::fs::read_to_string(path).map_err(|e| super::io_error(path, &e, lang))?;
    if text.lines().any(|l| l.trim() == "[config]") {
        deploy::Preset::from_toml(name, &text)
            .map(|p| (p.config, p.compare))
            .map_err(|e| format!("{name}: {}", e.localize(en)))
    } else {
        toml::from_str::<DeployConfig>(&text)
            .map(|c| (c, Vec::new()))
            .map_err(|e| {
                format!(
                    "{name}: {}",
                    simulations::lang::toml_message(&e.to_string(), en)
                )
            })
    }
}

fn apply(c: &mut DeployConfig, a: &DeployArgs) {
    if let Some(v) = a.rps {
        c.rps = v;
    }
    if let Some(v) = a.new_error_rate {
        c.new_error_rate = v;
    }
    if let Some(v) = a.old_error_rate {
        c.old_error_rate = v;
    }
    if let Some(v) = a.new_latency_ms {
        c.new_latency_ms = v;
    }
    if let Some(v) = a.old_latency_ms {
        c.old_latency_ms = v;
    }
    if let Some(v) = a.alarm_on {
        c.alarm_metric = match v {
            AlarmOnArg::New => AlarmMetric::NewVersionErrors,
            AlarmOnArg::Alias => AlarmMetric::AliasErrors,
            AlarmOnArg::Latency => AlarmMetric::NewVersionLatency,
        };
    }
    if let Some(v) = a.alarm_threshold {
        c.alarm_threshold = v;
    }
    if let Some(v) = a.alarm_periods {
        c.alarm_evaluation_periods = v;
    }
    if a.alarm_datapoints.is_some() {
        c.alarm_datapoints = a.alarm_datapoints;
    }
    if let Some(v) = a.alarm_period_s {
        c.alarm_period_s = v;
    }
    if a.no_alarm {
        c.alarm = false;
    }
    if let Some(v) = a.bad_from_s {
        c.bad_from_s = v;
    }
    if let Some(v) = a.hook_fail {
        c.hook_fail = match v {
            HookArg::Pre => HookFail::Pre,
            HookArg::Post => HookFail::Post,
        };
    }
    if let Some(v) = a.observe_s {
        c.observe_s = v;
    }
    if let Some(v) = a.seed {
        c.seed = v;
    }
    if a.expected {
        c.routing = Routing::Expected;
    }
}

/// Runs `gureum sim deploy`.
pub fn deploy(args: &DeployArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let (mut config, scenario_compare) = match &args.scenario {
        None => (DeployConfig::default(), Vec::new()),
        Some(name) => match load_scenario(name, lang) {
            Ok(c) => c,
            Err(msg) => return Ok(invalid(&msg)),
        },
    };
    apply(&mut config, args);
    if args.compare || !scenario_compare.is_empty() && args.strategy.is_empty() {
        let strategies = if !args.strategy.is_empty() {
            args.strategy.clone()
        } else if !scenario_compare.is_empty() {
            scenario_compare
        } else {
            deploy::default_compare()
        };
        let results = match deploy::compare_runs(&config, &strategies) {
            Ok(r) => r,
            Err(e) => return Ok(invalid(&model_error(&e))),
        };
        return print_compare(&config, &results, args.json, lang);
    }
    match args.strategy.as_slice() {
        [one] => config.strategy = one.clone(),
        [] if args.scenario.is_some() => {}
        [] => {
            return Ok(invalid(&format!(
                "{}: {}",
                lang.pick(
                    "--strategy가 필요해요. 쓸 수 있는 이름",
                    "--strategy is required; valid names"
                ),
                deploy::valid_names().join(", ")
            )));
        }
        _ => {
            return Ok(invalid(lang.pick(
                "--strategy는 하나만 줄 수 있어요 (여러 전략은 --compare와 함께)",
                "give one --strategy (several only with --compare)",
            )));
        }
    }
    let result = match deploy::simulate(&config) {
        Ok(r) => r,
        Err(e) => return Ok(invalid(&model_error(&e))),
    };
    let mut out = crate::cli::stdout();
    if args.json {
        out.json(&result, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    print_result(&mut out, &config, &result, lang)?;
    super::sim::print_trail(&mut out, &result.explanation, lang)?;
    Ok(ExitCode::SUCCESS)
}

fn print_result(
    out: &mut impl Write,
    config: &DeployConfig,
    r: &DeployResult,
    lang: Lang,
) -> std::io::Result<()> {
    // The config holds the strategy that ran; no need to parse the result's name again.
    let (describe_ko, describe_en) = config.strategy.describe();
    let describe = match lang {
        Lang::Ko => describe_ko,
        Lang::En => describe_en,
    };
    let row = |out: &mut dyn Write, ko: &str, en: &str, value: String| {
        let label = match lang {
            Lang::Ko => ko,
            Lang::En => en,
        };
        let pad = 16usize.saturating_sub(text::width(label));
        writeln!(out, "{label}{} {value}", " ".repeat(pad))
    };
    row(out, "전략", "strategy", r.strategy.clone())?;
    writeln!(out, "{}{describe}", " ".repeat(17))?;
    row(
        out,
        "결과",
        "outcome",
        format!(
            "{}{}",
            Strings::new(lang).deploy_outcome(r.outcome, r.reason, r.alarm_after_end),
            r.rolled_back_at_s
                .map(|t| format!(" · {}", clock(t)))
                .unwrap_or_default()
        ),
    )?;
    writeln!(
        out,
        "{}",
        lang.pick(
            "트래픽 이동 (새 버전 비율, 분:초)",
            "traffic shift (new version, m:ss)"
        )
    )?;
    for (i, p) in r.shift.iter().enumerate() {
        let cells = (p.new_percent / 5.0).round() as usize;
        let bar: String = "█".repeat(cells) + &"░".repeat(20usize.saturating_sub(cells));
        let mark = if Some(p.t_s) == r.rolled_back_at_s {
            lang.pick("  ← 롤백", "  <- rollback")
        } else if i + 1 == r.shift.len() && r.outcome == Outcome::Succeeded {
            lang.pick("  ✓ 완료", "  done")
        } else {
            ""
        };
        writeln!(
            out,
            "  {:>6}  {bar} {:>5}%{mark}",
            clock(p.t_s),
            percent(p.new_percent)
        )?;
    }
    row(
        out,
        "새 버전",
        "new version",
        match lang {
            Lang::Ko => format!(
                "요청 {} · 오류 {}",
                group(r.requests_new),
                group(r.errors_new)
            ),
            Lang::En => format!(
                "{} requests · {} errors",
                group(r.requests_new),
                group(r.errors_new)
            ),
        },
    )?;
    row(
        out,
        "이전 버전",
        "old version",
        match lang {
            Lang::Ko => format!(
                "요청 {} · 오류 {}",
                group(r.requests_old),
                group(r.errors_old)
            ),
            Lang::En => format!(
                "{} requests · {} errors",
                group(r.requests_old),
                group(r.errors_old)
            ),
        },
    )?;
    row(
        out,
        "탐지",
        "detected",
        match (r.detected_at_s, r.time_to_detect_s) {
            (Some(d), Some(t)) => match lang {
                Lang::Ko => format!("{} (불량 버전을 처음 만난 뒤 {})", clock(d), clock(t)),
                Lang::En => format!("{} ({} after the first contact)", clock(d), clock(t)),
            },
            (Some(d), None) => clock(d),
            (None, _) => lang
                .pick("알람이 울리지 않았어요", "the alarm never fired")
                .to_owned(),
        },
    )?;
    row(
        out,
        "영향받은 사용자",
        "users affected",
        match lang {
            Lang::Ko => format!(
                "{} (오류 {}, 전체 요청의 {:.2}%)",
                group(r.users_affected),
                group(r.errors_bad),
                r.affected_pct()
            ),
            Lang::En => format!(
                "{} ({} errors, {:.2}% of all requests)",
                group(r.users_affected),
                group(r.errors_bad),
                r.affected_pct()
            ),
        },
    )?;
    row(out, "배포 시간", "duration", clock(r.duration_s))?;
    if config.routing == Routing::Expected {
        writeln!(out, "{}", Strings::new(lang).expected_view())?;
    }
    Ok(())
}

fn print_compare(
    config: &DeployConfig,
    results: &[DeployResult],
    json: bool,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let rows = deploy::rows(results);
    let mut out = crate::cli::stdout();
    if json {
        out.json(
            &serde_json::json!({ "config": config, "rows": rows }),
            false,
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{}",
        Strings::new(lang).compare_intro(config.rps, config.new_error_rate, config.bad_from_s)
    )?;
    writeln!(out)?;
    for line in compare_table(&rows, lang, usize::MAX) {
        writeln!(out, "{line}")?;
    }
    if config.routing == Routing::Expected {
        writeln!(out, "{}", Strings::new(lang).expected_view())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs `gureum sim phoenix`.
pub fn phoenix(args: &PhoenixArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut c = PhoenixConfig::default();
    if let Some(v) = args.servers {
        c.servers = v;
    }
    if let Some(v) = args.hand_changes {
        c.hand_changes = v;
    }
    if let Some(v) = args.uploads {
        c.uploads = v;
    }
    if let Some(v) = args.sessions {
        c.sessions = v;
    }
    if let Some(v) = args.uploads_store {
        c.uploads_store = match v {
            FileStoreArg::Local => FileStore::Local,
            FileStoreArg::S3 => FileStore::S3,
            FileStoreArg::Efs => FileStore::Efs,
        };
    }
    if let Some(v) = args.sessions_store {
        c.sessions_store = match v {
            SessionStoreArg::Local => SessionStore::Local,
            SessionStoreArg::Dynamodb => SessionStore::Dynamodb,
            SessionStoreArg::Elasticache => SessionStore::Elasticache,
        };
    }
    if let Some(v) = args.logs_store {
        c.logs_store = match v {
            LogStoreArg::Local => LogStore::Local,
            LogStoreArg::Cloudwatch => LogStore::Cloudwatch,
        };
    }
    c.fixes_in_template = args.fixes_in_template;
    c.rebuild = !args.no_rebuild;
    if let Some(v) = args.seed {
        c.seed = v;
    }
    let r = match phoenix::simulate(&c) {
        Ok(r) => r,
        Err(e) => {
            return Ok(invalid(&simulations::Localize::localize(
                &e,
                lang == Lang::En,
            )));
        }
    };
    let mut out = crate::cli::stdout();
    if args.json {
        out.json(&r, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    match lang {
        Lang::Ko => writeln!(
            out,
            "서버 {}대 · 손으로 한 변경 {}번",
            c.servers,
            r.changes.len()
        )?,
        Lang::En => writeln!(
            out,
            "{} servers · {} hand changes",
            c.servers,
            r.changes.len()
        )?,
    }
    for s in &r.servers {
        let drift: Vec<String> = s
            .drift
            .iter()
            .map(|d| format!("{} {} → {}", d.property, d.template, d.actual))
            .collect();
        writeln!(
            out,
            "  {}  {} {}{}",
            s.name,
            lang.pick("드리프트", "drift"),
            s.drift.len(),
            if drift.is_empty() {
                String::new()
            } else {
                format!(": {}", drift.join(", "))
            }
        )?;
    }
    match lang {
        Lang::Ko => {
            writeln!(
                out,
                "재구축 전 구성 {}가지 → 뒤 {}가지 · 남은 드리프트 {}",
                r.distinct_configs_before, r.distinct_configs_after, r.drift_after
            )?;
            writeln!(
                out,
                "잃은 것: 업로드 파일 {}개 · 세션 {}개 · 손으로 한 수정 {}건 · 로그 {}대분",
                group(r.files_lost as f64),
                group(r.sessions_lost as f64),
                r.reverted_fixes,
                r.logs_lost_servers
            )?;
        }
        Lang::En => {
            writeln!(
                out,
                "configurations before {} -> after {} · drift left {}",
                r.distinct_configs_before, r.distinct_configs_after, r.drift_after
            )?;
            writeln!(
                out,
                "lost: {} uploaded files · {} sessions · {} hand-made fixes · logs of {} servers",
                group(r.files_lost as f64),
                group(r.sessions_lost as f64),
                r.reverted_fixes,
                r.logs_lost_servers
            )?;
        }
    }
    super::sim::print_trail(&mut out, &r.explanation, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// Reports invalid input; the caller returns `Ok` of this (status 2).
fn invalid(msg: &str) -> ExitCode {
    errln!("gureum: {msg}");
    ExitCode::from(2)
}

/// A percentage without a useless `.0`.
fn percent(p: f64) -> String {
    if (p - p.round()).abs() < 1e-9 {
        format!("{}", p.round() as i64)
    } else {
        format!("{p:.1}")
    }
}
