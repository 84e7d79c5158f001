//! `gureum class serve`: a live class over SSH (see [`gureum::class`]).

use std::io::IsTerminal;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Subcommand};
use gureum::class::dashboard;
use gureum::class::server::{self, ClassClock, Limits, Shared};
use gureum::class::{Class, Spec, hostkey};
use gureum::lesson::{ContentSource, Library};
use gureum::quiz::exam::{Blueprint, ExamId, draw_exam};
use gureum::quiz::interchange::AttemptResult;
use gureum::quiz::session::{self, Filter, Item};
use gureum::quiz::{Bank, BankSource, Kind};
use gureum::strings::Lang;

/// `gureum class …`.
#[derive(Debug, Subcommand)]
pub enum ClassCommand {
    /// SSH로 수업을 열어요: 학생은 `ssh -p PORT 이름@주소`로 들어오고 수업 코드를 비밀번호로 입력해요
    Serve(ServeArgs),
}

/// The exams of `--exam`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExamChoice {
    /// AWS Certified Solutions Architect – Associate
    SaaC03,
    /// AWS Certified Developer – Associate
    DvaC02,
}

/// Arguments of `gureum class serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// 들을 주소와 포트 (예: 127.0.0.1:2222, 교실 LAN이면 0.0.0.0:2222). 기본값은 없어요
    #[arg(long, value_name = "ADDR:PORT")]
    listen: SocketAddr,
    /// 수업 코드: 학생이 비밀번호로 입력해요 (4–64자)
    #[arg(long, value_name = "CODE")]
    code: String,
    /// 문제 수 (기본 10, --lesson이면 그 레슨의 모든 문제, --exam이면 65)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=200))]
    count: Option<u16>,
    /// 난수 시드: 같은 시드면 모두 같은 문제를 같은 순서로 받아요 (보기 순서는 학생마다 달라요)
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// 이 레슨의 문제만
    #[arg(long, value_name = "ID", conflicts_with = "exam")]
    lesson: Option<String>,
    /// 모의고사의 영역 비율로 뽑아요
    #[arg(long, value_enum, value_name = "EXAM")]
    exam: Option<ExamChoice>,
    /// 제한 시간(분) (기본: 문제당 2분, 최소 5분; --exam이면 시험의 시간)
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(u32).range(1..=600))]
    minutes: Option<u32>,
    /// 학생 수 상한 (기본 200)
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = clap::value_parser!(u16).range(1..=1000))]
    max_students: u16,
    /// 학생마다 결과 파일을 여기에 저장해요 (`gureum report DIR/*`로 보고서)
    #[arg(long, value_name = "DIR")]
    results: Option<PathBuf>,
    /// 호스트 키 파일 (기본: 데이터 폴더의 `class_host_ed25519`, 없으면 만들어요)
    #[arg(long, value_name = "FILE")]
    host_key: Option<PathBuf>,
    /// 대시보드 대신 일을 한 줄씩 출력해요 (표준 입력 명령: start, pause, end, reveal, kick 이름, stats, quit)
    #[arg(long)]
    headless: bool,
}

/// Runs `gureum class`.
pub fn run(
    cmd: &ClassCommand,
    source: &ContentSource,
    banks: &BankSource,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let ClassCommand::Serve(args) = cmd;
    serve(args, source, banks, lang)
}

/// The question set of the arguments, and its `exam_or_quiz` label and default minutes.
fn question_set(args: &ServeArgs, bank: &Bank, seed: u64) -> (Vec<Item>, String, u32) {
    // Numeric questions need typing; the class screen takes choices only.
    let choice = |i: &Item| bank.entries[i.entry].question.kind != Kind::Numeric;
    if let Some(exam) = args.exam {
        let id = match exam {
            ExamChoice::SaaC03 => ExamId::SaaC03,
            ExamChoice::DvaC02 => ExamId::DvaC02,
        };
        let full = Blueprint::full(id);
        let count = args.count.map_or(full.count, usize::from);
        let minutes = if count == full.count {
            full.minutes
        } else {
            (full.minutes as usize * count).div_ceil(full.count) as u32
        };
        let blueprint = full.custom(count, minutes);
        let items = draw_exam(bank, &blueprint, seed)
            .items
            .iter()
            .map(gureum::quiz::exam::DrawnItem::item)
            .filter(choice)
            .collect();
        return (items, id.id().to_owned(), minutes);
    }
    let filter = Filter {
        lesson: args.lesson.clone(),
        ..Filter::default()
    };
    let count = args.count.map_or(
        if args.lesson.is_some() {
            usize::MAX
        } else {
            10
        },
        usize::from,
    );
    let mut items: Vec<Item> = session::draw(bank, &filter, usize::MAX, seed)
        .into_iter()
        .filter(choice)
        .collect();
    items.truncate(count);
    let minutes = (items.len() as u32 * 2).max(5);
    let label = args
        .lesson
        .as_ref()
        .map_or_else(|| "class".to_owned(), |l| format!("class:{l}"));
    (items, label, minutes)
}

fn serve(
    args: &ServeArgs,
    source: &ContentSource,
    banks: &BankSource,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let code = args.code.trim();
    if !(4..=64).contains(&code.chars().count()) || code.chars().any(char::is_control) {
        errln!(
            "gureum: {}",
            lang.pick(
                "수업 코드는 4–64자여야 해요 (제어 문자 없이)",
                "the class code must be 4–64 characters, no control characters"
            )
        );
        return Ok(ExitCode::from(2));
    }
    let bank = Arc::new(Bank::load(banks));
    let library = Arc::new(Library::load(source));
    // The command's one wall-clock reading: the default seed and the class clock's start.
    let now = gureum::clock::now();
    let seed = args.seed.unwrap_or(now.millis());
    let (items, label, default_minutes) = question_set(args, &bank, seed);
    if items.is_empty() {
        errln!(
            "gureum: {}",
            lang.pick("조건에 맞는 문제가 없어요", "no questions match")
        );
        return Ok(ExitCode::from(2));
    }
    let total = items.len();
    let mut class = Class::new(Spec {
        exam_or_quiz: label,
        seed,
        items,
        minutes: args.minutes.unwrap_or(default_minutes),
        max_students: usize::from(args.max_students),
    });
    let mut restored = 0;
    if let Some(dir) = &args.results {
        std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
        // A restarted server picks its class up again from the files it wrote.
        for entry in std::fs::read_dir(dir)?.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json")
                && let Ok(text) = std::fs::read_to_string(&path)
                && let Ok(saved) = AttemptResult::from_json(&text)
                && class.restore(&bank, &saved)
            {
                restored += 1;
            }
        }
    }
    let Some(key_path) = args.host_key.clone().or_else(hostkey::default_path) else {
        anyhow::bail!(
            "{}",
            lang.pick(
                "데이터 폴더가 없어요: --host-key FILE을 주세요",
                "no data folder: give --host-key FILE"
            )
        );
    };
    let (key, made) = hostkey::load_or_create(&key_path)?;
    let fingerprint = hostkey::fingerprint(&key);
    let limits = Limits {
        max_connections: usize::from(args.max_students) + 56,
        ..Limits::default()
    };
    let config = Arc::new(server::config(key, &limits));
    let mut shared = Shared::new(
        class,
        bank,
        library,
        code.to_owned(),
        args.results.clone(),
        limits,
        ClassClock::new(std::time::Instant::now(), now),
    );
    shared.lang = lang;
    let shared = Arc::new(shared);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = match runtime.block_on(tokio::net::TcpListener::bind(args.listen)) {
        Ok(l) => l,
        Err(e) => {
            errln!("gureum: {}: {e}", args.listen);
            return Ok(ExitCode::from(2));
        }
    };
    let addr = listener.local_addr()?;
    runtime.spawn(server::serve(shared.clone(), listener, config));
    gureum::stop::install()?;
    let en = lang == Lang::En;
    outln!(
        "{} {addr}",
        if en {
            "listening on"
        } else {
            "수업을 열었어요:"
        }
    );
    outln!(
        "{} {fingerprint}{}",
        if en { "host key" } else { "호스트 키" },
        if made {
            if en { " (new)" } else { " (새로 만듦)" }
        } else {
            ""
        }
    );
    outln!(
        "{} ssh -p {} NAME@HOST   ({} {total}, seed {seed})",
        if en { "join:" } else { "접속:" },
        addr.port(),
        if en { "questions" } else { "문제" }
    );
    if restored > 0 {
        outln!(
            "{} {restored}",
            if en {
                "students restored from the results folder:"
            } else {
                "결과 폴더에서 이어 받은 학생:"
            }
        );
    }
    if args.headless || !std::io::stdout().is_terminal() {
        dashboard::run_headless(&shared, lang, &mut |line| outln!("{line}"));
    } else {
        let labels = gureum::quiz::bank::misconception_labels(banks);
        dashboard::run_dashboard(&shared, lang, labels)?;
    }
    runtime.shutdown_timeout(std::time::Duration::from_millis(500));
    if let Some(dir) = &args.results {
        outln!(
            "{} gureum report {}/*",
            if en {
                "class report:"
            } else {
                "수업 보고서:"
            },
            dir.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
