//! `gureum sim …`: the simulations on the command line, for teachers' scripts and tests.
//!
//! Output is a short Korean (or English) summary with the model's explanation trail, or the
//! model's result as JSON with `--json`. Invalid settings exit with status 2 and a message that
//! names the limit and where AWS documents it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use simulations::dynamodb::{self, Consistency, ItemSpec, Operation, Request};
use simulations::lambda::{self, InvokeType, LambdaConfig};

use super::sim_common::{count, count_pct, print_rows};
use simulations::{Explanation, Localize};

use gureum::strings::Lang;

/// `gureum sim` subcommands.
#[derive(Debug, Subcommand)]
pub enum SimCommand {
    /// One request's capacity units.
    #[command(about = "DynamoDB 요청 하나가 쓰는 읽기·쓰기 용량(RCU/WCU, RRU/WRU)을 계산해요")]
    Capacity(CapacityArgs),
    /// Lambda 함수 하나의 실행 환경(콜드 스타트, 동시성, 스로틀, 비용)을 시뮬레이션해요
    Lambda(LambdaArgs),
    /// A table's capacity and monthly cost.
    #[command(about = "DynamoDB 테이블에 필요한 RCU/WCU와 프로비저닝·온디맨드 월 비용을 비교해요")]
    Plan(PlanArgs),
    /// 트래픽 이동 배포(카나리·선형·한꺼번에·블루/그린·API Gateway 카나리)에서 불량 릴리스가 몇 명에게 닿는지 시뮬레이션해요
    Deploy(super::deploy::DeployArgs),
    /// A stack update's replacements and data loss.
    #[command(
        about = "CloudFormation 템플릿 두 개를 비교해 교체되는 리소스와 잃는 데이터를 알려 줘요 (종료 코드: 0 손실 없음, 3 데이터 손실, 4 업데이트 실패·롤백·차단, 5 알 수 없음(값을 계산할 수 없어요), 2 읽을 수 없는 입력)",
        after_help = "종료 코드 / exit codes:\n  0  잃는 데이터 없음 / no data lost\n  3  데이터를 잃어요 / data would be lost\n  4  업데이트가 실패하고 롤백돼요(서비스가 거부, 이름 정한 리소스 교체 등) 또는 스택 정책이 막아요 / the update fails and rolls back, or the stack policy blocks it\n  5  알 수 없음: 값을 계산할 수 없어요(기본값 없는 파라미터) / unknown: a value cannot be computed (a parameter without a default)\n  2  읽을 수 없는 입력 / unreadable input"
    )]
    Replace(super::replace::ReplaceArgs),
    /// 피닉스 서버: 손으로 한 변경(드리프트)과 재구축 때 잃는 데이터를 보여줘요
    Phoenix(super::deploy::PhoenixArgs),
    /// 장바구니가 어디 있나: 고정 세션, 쿠키, ElastiCache·DynamoDB 세션 저장소에서 인스턴스가 멈추거나 줄 때 잃는 장바구니
    Sessions(super::sim_sessions::SessionsArgs),
    /// 캐시 전략: 지연 로딩과 쓰기 시 기록, TTL, 오래된 값, 노드 장애 뒤 미스
    Cache(super::sim_cache::CacheArgs),
    /// 읽기 복제본과 장애 조치: 오래된 읽기, Multi-AZ·Aurora 장애 조치 시간, 잃는 쓰기
    Replicas(super::sim_replicas::ReplicasArgs),
    /// API Gateway 스로틀: 계정·스테이지·메서드·사용량 계획의 토큰 버킷과 429
    Throttle(super::sim_throttle::ThrottleArgs),
}

/// Arguments of `gureum sim plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// 초당 읽기 수
    #[arg(long = "reads-per-second", value_name = "R", default_value_t = 0)]
    reads: u64,
    /// 읽는 항목 크기 (바이트 또는 `4KB`)
    #[arg(long = "read-item", value_name = "BYTES", value_parser = parse_size, default_value = "1KB")]
    read_item: u64,
    /// 읽기 일관성
    #[arg(long, value_enum)]
    consistency: Option<ConsistencyArg>,
    /// 초당 쓰기 수
    #[arg(long = "writes-per-second", value_name = "W", default_value_t = 0)]
    writes: u64,
    /// 쓰는 항목 크기 (바이트 또는 `1KB`)
    #[arg(long = "write-item", value_name = "BYTES", value_parser = parse_size, default_value = "1KB")]
    write_item: u64,
    /// 쓰기가 트랜잭션이에요 (2배)
    #[arg(long)]
    transactional: bool,
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
}

/// The operation names of `--op`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OpArg {
    /// `GetItem`
    Get,
    /// `BatchGetItem` (rounded per item)
    BatchGet,
    /// `Query` (one rounding on the sum)
    Query,
    /// `Scan` (items evaluated)
    Scan,
    /// `PutItem`
    Put,
    /// `UpdateItem` (larger of before and after)
    Update,
    /// `DeleteItem`
    Delete,
    /// `BatchWriteItem` (per item)
    BatchWrite,
    /// `TransactGetItems`
    TransactGet,
    /// `TransactWriteItems`
    TransactWrite,
}

/// Read consistency of `--consistency`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ConsistencyArg {
    /// Strongly consistent
    Strong,
    /// Eventually consistent
    Eventual,
    /// Transactional
    Transactional,
}

/// How the function is invoked.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InvokeArg {
    /// `RequestResponse`
    Sync,
    /// `Event`
    Async,
}

/// Arguments of `gureum sim capacity`.
#[derive(Debug, Args)]
pub struct CapacityArgs {
    /// 작업 종류
    #[arg(long, value_enum)]
    op: OpArg,
    /// 항목 크기(바이트, 또는 `4KB`처럼 KB 단위; 1 KB = 1024 B). 여러 개면 항목마다 하나씩
    #[arg(long = "item", value_name = "BYTES", num_args = 1.., value_parser = parse_size)]
    items: Vec<u64>,
    /// 업데이트 전 항목 크기
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    before: Option<u64>,
    /// 업데이트 후 항목 크기
    #[arg(long, value_name = "BYTES", value_parser = parse_size)]
    after: Option<u64>,
    /// 읽기 일관성 (읽기 작업만)
    #[arg(long, value_enum)]
    consistency: Option<ConsistencyArg>,
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
}

/// Arguments of `gureum sim lambda`.
#[derive(Debug, Args)]
pub struct LambdaArgs {
    /// 시나리오 TOML 파일, 또는 내장 프리셋 이름(예: `lambda-cold-start`)
    #[arg(long, value_name = "FILE")]
    scenario: Option<String>,
    /// 초당 요청 수
    #[arg(long, value_name = "R")]
    rps: Option<f64>,
    /// 시뮬레이션할 시간(초)
    #[arg(long, value_name = "S")]
    seconds: Option<u32>,
    /// 요청 하나의 실행 시간(ms)
    #[arg(long = "duration-ms", value_name = "D")]
    duration_ms: Option<u32>,
    /// 새 실행 환경의 Init 시간(ms)
    #[arg(long = "init-ms", value_name = "I")]
    init_ms: Option<u32>,
    /// 메모리(MB, 128-10,240)
    #[arg(long = "memory-mb", value_name = "M")]
    memory_mb: Option<u32>,
    /// 예약된 동시성
    #[arg(long, value_name = "N")]
    reserved: Option<u32>,
    /// 프로비저닝된 동시성
    #[arg(long, value_name = "N")]
    provisioned: Option<u32>,
    /// 계정 동시성 한도
    #[arg(long = "account-limit", value_name = "N")]
    account_limit: Option<u32>,
    /// 쉬는 실행 환경을 회수하기까지의 시간(초, AWS가 공개하지 않는 가정값)
    #[arg(long = "idle-timeout-s", value_name = "T")]
    idle_timeout_s: Option<u32>,
    /// 호출 방식
    #[arg(long, value_enum)]
    invoke: Option<InvokeArg>,
    /// 함수 오류 비율(0-1)
    #[arg(long = "error-rate", value_name = "E")]
    error_rate: Option<f64>,
    /// 난수 시드 (같은 시드 = 같은 결과)
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
}

fn parse_size(s: &str) -> Result<u64, String> {
    dynamodb::parse_size(s).map_err(|e| e.localize(super::lang() == Lang::En))
}

/// Runs a `gureum sim` command.
pub fn run(cmd: SimCommand, lang: Lang) -> anyhow::Result<ExitCode> {
    match cmd {
        SimCommand::Replace(args) => super::replace::run(&args, lang),
        SimCommand::Capacity(args) => capacity(&args, lang),
        SimCommand::Lambda(args) => lambda(&args, lang),
        SimCommand::Plan(args) => plan(&args, lang),
        SimCommand::Deploy(args) => super::deploy::deploy(&args, lang),
        SimCommand::Phoenix(args) => super::deploy::phoenix(&args, lang),
        SimCommand::Sessions(args) => super::sim_sessions::run(&args, lang),
        SimCommand::Cache(args) => super::sim_cache::run(&args, lang),
        SimCommand::Replicas(args) => super::sim_replicas::run(&args, lang),
        SimCommand::Throttle(args) => super::sim_throttle::run(&args, lang),
    }
}

fn capacity(args: &CapacityArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let operation = match args.op {
        OpArg::Get => Operation::Get,
        OpArg::BatchGet => Operation::BatchGet,
        OpArg::Query => Operation::Query,
        OpArg::Scan => Operation::Scan,
        OpArg::Put => Operation::Put,
        OpArg::Update => Operation::Update,
        OpArg::Delete => Operation::Delete,
        OpArg::BatchWrite => Operation::BatchWrite,
        OpArg::TransactGet => Operation::TransactGet,
        OpArg::TransactWrite => Operation::TransactWrite,
    };
    let mut items: Vec<ItemSpec> = args.items.iter().copied().map(ItemSpec::bytes).collect();
    match (args.before, args.after) {
        (Some(before), Some(after)) => items = vec![ItemSpec::replacing(after, before)],
        (None, Some(after)) => items = vec![ItemSpec::bytes(after)],
        (Some(before), None) => {
            // The new size comes from --item; the old one from --before.
            let Some(first) = items.first_mut() else {
                return Ok(invalid(lang.pick(
                    "--before에는 --after나 --item이 필요해요",
                    "--before needs --after or --item",
                )));
            };
            first.before = Some(before);
        }
        (None, None) => {}
    }
    if items.is_empty() {
        return Ok(invalid(lang.pick(
            "항목 크기를 --item으로 알려 주세요",
            "give the item size with --item",
        )));
    }
    let mut request = Request::new(operation, &[]);
    request.items = items;
    request.consistency = args.consistency.map(consistency);
    let result = match dynamodb::calculate(&request) {
        Ok(r) => r,
        Err(e) => return Ok(invalid(&e.localize(lang == Lang::En))),
    };
    let mut out = crate::cli::stdout();
    if args.json {
        out.json(&result, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (read, write) = (
        result.read_units.to_string(),
        result.write_units.to_string(),
    );
    let rru = result.request_units.read.to_string();
    let wru = result.request_units.write.to_string();
    match lang {
        Lang::Ko => {
            writeln!(out, "읽기: {read} RCU (온디맨드 {rru} RRU)")?;
            writeln!(out, "쓰기: {write} WCU (온디맨드 {wru} WRU)")?;
        }
        Lang::En => {
            writeln!(out, "read:  {read} RCU (on-demand {rru} RRU)")?;
            writeln!(out, "write: {write} WCU (on-demand {wru} WRU)")?;
        }
    }
    if result.gsi_write_units.to_string() != "0" {
        writeln!(out, "GSI: {} WCU", result.gsi_write_units)?;
    }
    print_trail(&mut out, &result.explanation, lang)?;
    Ok(ExitCode::SUCCESS)
}

fn lambda(args: &LambdaArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut config = match &args.scenario {
        None => LambdaConfig::default(),
        Some(name) => match load_scenario(name, lang) {
            Ok(c) => c,
            Err(msg) => return Ok(invalid(&msg)),
        },
    };
    apply_flags(&mut config, args);
    let result = match lambda::simulate(&config) {
        Ok(r) => r,
        Err(e) => return Ok(invalid(&e.localize(lang == Lang::En))),
    };
    if args.json {
        crate::cli::stdout().json(&result, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    let rows = vec![
        ("이벤트", "events", count(result.events)),
        ("호출 시도", "attempts", count(result.attempts)),
        (
            "콜드 스타트",
            "cold starts",
            count_pct(result.cold_starts, result.cold_start_pct),
        ),
        ("스로틀 (429)", "throttles (429)", count(result.throttles)),
        ("DLQ", "DLQ", count(result.dlq)),
        (
            "최대 동시성",
            "max concurrency",
            count(u64::from(result.max_concurrency)),
        ),
        (
            "지연 p50 / p95 / p99",
            "latency p50 / p95 / p99",
            format!(
                "{} / {} / {} ms",
                count(result.p50_ms),
                count(result.p95_ms),
                count(result.p99_ms)
            ),
        ),
        ("비용", "cost", format!("${:.6}", result.cost_usd)),
        (
            "시뮬레이션 시간",
            "simulated",
            format!("{} s", count(u64::from(config.seconds))),
        ),
    ];
    print_rows(&rows, None, &result.explanations, lang)
}

fn plan(args: &PlanArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let input = dynamodb::PlanInput {
        reads_per_second: args.reads,
        read_item_bytes: args.read_item,
        read_consistency: args.consistency.map(consistency),
        writes_per_second: args.writes,
        write_item_bytes: args.write_item,
        transactional_writes: args.transactional,
    };
    let plan = match dynamodb::plan(&input) {
        Ok(p) => p,
        Err(e) => return Ok(invalid(&e.localize(lang == Lang::En))),
    };
    let mut out = crate::cli::stdout();
    if args.json {
        out.json(&plan, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    let m = &plan.monthly;
    match lang {
        Lang::Ko => {
            writeln!(out, "프로비저닝: {} RCU, {} WCU", plan.rcu, plan.wcu)?;
            writeln!(
                out,
                "월 비용 ({}): 프로비저닝 {:.2}, 온디맨드 {:.2} (가격 기준일 {})",
                m.currency, m.provisioned, m.on_demand, plan.prices_taken_on
            )?;
        }
        Lang::En => {
            writeln!(out, "provisioned: {} RCU, {} WCU", plan.rcu, plan.wcu)?;
            writeln!(
                out,
                "monthly ({}): provisioned {:.2}, on-demand {:.2} (prices as of {})",
                m.currency, m.provisioned, m.on_demand, plan.prices_taken_on
            )?;
        }
    }
    print_trail(&mut out, &plan.explanation, lang)?;
    Ok(ExitCode::SUCCESS)
}

fn consistency(c: ConsistencyArg) -> Consistency {
    match c {
        ConsistencyArg::Strong => Consistency::Strong,
        ConsistencyArg::Eventual => Consistency::Eventual,
        ConsistencyArg::Transactional => Consistency::Transactional,
    }
}

/// A scenario file (a preset with `[config]`, or a bare config), or a built-in preset name.
fn load_scenario(name: &str, lang: Lang) -> Result<LambdaConfig, String> {
    let en = lang == Lang::En;
    let path = Path::new(name);
    if !path.exists() {
        let presets = lambda::try_presets().map_err(|e| e.localize(en))?;
        let names: Vec<&str> = presets.iter().map(|p| p.id.as_str()).collect();
        let list = names.join(", ");
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
            .map(|p| p.config)
            .ok_or(missing);
    }
    let text = std::fs::read_to_string(path).map_err(|e| super::io_error(path, &e, lang))?;
    if text.lines().any(|l| l.trim() == "[config]") {
        lambda::Preset::from_toml(name, &text)
            .map(|p| p.config)
            .map_err(|e| format!("{name}: {}", e.localize(en)))
    } else {
        toml::from_str::<LambdaConfig>(&text).map_err(|e| {
            format!(
                "{name}: {}",
                simulations::lang::toml_message(&e.to_string(), en)
            )
        })
    }
}

fn apply_flags(c: &mut LambdaConfig, a: &LambdaArgs) {
    if let Some(v) = a.rps {
        c.rps = v;
    }
    if let Some(v) = a.seconds {
        c.seconds = v;
    }
    if let Some(v) = a.duration_ms {
        c.duration_ms = v;
    }
    if let Some(v) = a.init_ms {
        c.init_ms = v;
    }
    if let Some(v) = a.memory_mb {
        c.memory_mb = v;
    }
    if a.reserved.is_some() {
        c.reserved = a.reserved;
    }
    if let Some(v) = a.provisioned {
        c.provisioned = v;
    }
    if let Some(v) = a.account_limit {
        c.account_limit = v;
    }
    if let Some(v) = a.idle_timeout_s {
        c.idle_timeout_s = v;
    }
    if let Some(v) = a.invoke {
        c.invoke = match v {
            InvokeArg::Sync => InvokeType::Sync,
            InvokeArg::Async => InvokeType::Async,
        };
    }
    if let Some(v) = a.error_rate {
        c.error_rate = v;
    }
    if let Some(v) = a.seed {
        c.seed = v;
    }
}

pub(crate) fn print_trail(
    out: &mut impl Write,
    trail: &[Explanation],
    lang: Lang,
) -> std::io::Result<()> {
    writeln!(out)?;
    writeln!(
        out,
        "{}",
        lang.pick("왜 이렇게 계산했나요", "How this was worked out")
    )?;
    for e in trail {
        let text = if lang == Lang::En { &e.en } else { &e.ko };
        writeln!(out, "  • {text}")?;
        if let Some(src) = &e.source {
            writeln!(out, "    {src}")?;
        }
    }
    Ok(())
}

/// Reports invalid input; the caller returns `Ok` of this (status 2).
fn invalid(msg: &str) -> ExitCode {
    errln!("gureum: {msg}");
    ExitCode::from(2)
}
