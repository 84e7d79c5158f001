//! `gureum bank`, `gureum results` and `gureum report`: question banks in and out of other
//! tools (Moodle GIFT and Aiken, Anki), a learner's answers as a result file, and a teacher's
//! class report from several result files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use gureum::quiz::exam::ExamState;
use gureum::quiz::format::{BankFile, FORMAT_VERSION};
use gureum::quiz::interchange::{self, AttemptResult, Defaults, ResultAnswer};
use gureum::quiz::{Bank, BankSource};
use gureum::store::Store;
use gureum::strings::Lang;

/// `gureum bank` subcommands.
#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// 문제 은행을 다른 도구의 형식으로 내보내요 (Moodle GIFT, Aiken, Anki)
    Export(BankExport),
    /// GIFT나 Aiken 파일을 gureum 문제 은행(TOML)으로 가져와요
    Import(BankImport),
}

/// Export formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportFormat {
    /// Moodle GIFT (every kind of question; round-trips through `bank import`)
    Gift,
    /// Aiken (single-answer questions only)
    Aiken,
    /// Anki text import (tab-separated, with `#separator`/`#columns` headers)
    Anki,
}

/// Import formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ImportFormat {
    /// Moodle GIFT
    Gift,
    /// Aiken
    Aiken,
}

/// Arguments of `gureum bank export`.
#[derive(Debug, Args)]
pub struct BankExport {
    /// 형식
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// 출력 파일 (없으면 표준 출력)
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

/// Arguments of `gureum bank import`.
#[derive(Debug, Args)]
pub struct BankImport {
    /// 가져올 파일
    file: PathBuf,
    /// 형식 (없으면 확장자로: .gift = GIFT, 그 밖 = Aiken이 아니면 GIFT)
    #[arg(long, value_enum)]
    format: Option<ImportFormat>,
    /// 출력 폴더 (그 안에 `<파일 이름>.toml`을 써요; 없으면 표준 출력)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// 가져온 문제에 정보가 없을 때 쓸 레슨 id
    #[arg(long, value_name = "ID", default_value = "imported")]
    lesson: String,
    /// 가져온 문제에 정보가 없을 때 쓸 시험 영역
    #[arg(long, value_name = "DOMAIN", default_value = "saa.resilient")]
    domain: String,
}

/// Arguments of `gureum results export`.
#[derive(Debug, Args)]
pub struct ResultsExport {
    /// 형식
    #[arg(long, value_enum, default_value = "json")]
    format: ResultFormat,
    /// 출력 파일 (없으면 표준 출력)
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// 결과 파일에 적을 학생 이름
    #[arg(long, value_name = "NAME", default_value = "")]
    student: String,
    /// 연습 기록 대신 마지막으로 끝낸 모의고사를 내보내요
    #[arg(long)]
    exam: bool,
    /// 끝낸 모의고사 중 N번째(오래된 것부터 1)를 내보내요
    #[arg(long, value_name = "N")]
    attempt: Option<usize>,
}

/// Result file formats.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ResultFormat {
    /// JSON
    Json,
    /// CSV (one row per answer)
    Csv,
}

/// `gureum results` subcommands.
#[derive(Debug, Subcommand)]
pub enum ResultsCommand {
    /// 지금까지 푼 답을 결과 파일(JSON/CSV)로 내보내요
    Export(ResultsExport),
}

/// Arguments of `gureum report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// 학생들의 결과 파일 (JSON 또는 CSV)
    #[arg(required = true, value_name = "FILES")]
    files: Vec<PathBuf>,
    /// 보고서를 CSV로도 써요
    #[arg(long, value_name = "FILE")]
    csv: Option<PathBuf>,
    /// 표 너비 (칸)
    #[arg(long, value_name = "N", default_value_t = 100)]
    width: usize,
}

/// The largest file `bank import` reads: 64 MiB is about 350,000 GIFT questions, far more than
/// any bank a class uses, and imports in a few seconds (`examples/scale.rs`).
const MAX_IMPORT_BYTES: u64 = 64 << 20;

/// An I/O error in the user's language.
fn io_message(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind;
    let ko = match e.kind() {
        ErrorKind::NotFound => "파일이나 폴더가 없어요",
        ErrorKind::PermissionDenied => "권한이 없어요",
        ErrorKind::AlreadyExists => "이미 있어요",
        ErrorKind::NotADirectory => "폴더가 아니에요",
        ErrorKind::IsADirectory => "파일이 아니라 폴더예요",
        ErrorKind::StorageFull => "디스크 공간이 없어요",
        ErrorKind::ReadOnlyFilesystem => "읽기 전용 파일 시스템이에요",
        _ => "읽거나 쓸 수 없어요",
    };
    match lang {
        Lang::Ko => ko.to_owned(),
        Lang::En => e.to_string(),
    }
}

fn write_out(out: Option<&Path>, text: &str) -> anyhow::Result<()> {
    if let Some(path) = out {
        return std::fs::write(path, text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()));
    }
    // Data (TOML, JSON, GIFT, CSV) on a terminal: C1 and bidi controls as `\u` escapes, which
    // TOML and JSON read back as the same characters; the gate removes anything else.
    crate::cli::stdout().write_all(gureum::text::escape_json(text).as_bytes())?;
    Ok(())
}

/// Whether `text` reads as Aiken: an option line (`A. …` or `A) …`) and an `ANSWER: A` line, and
/// no GIFT answer block (`{` followed by `=` or `~`).
fn looks_like_aiken(text: &str) -> bool {
    let option = |l: &str| {
        let mut c = l.chars();
        matches!(
            (c.next(), c.next(), c.next()),
            (Some('A'..='Z'), Some('.' | ')'), Some(' '))
        )
    };
    let answer = |l: &str| {
        l.strip_prefix("ANSWER:").is_some_and(|rest| {
            let rest = rest.trim();
            rest.len() == 1 && rest.chars().all(|c| c.is_ascii_uppercase())
        })
    };
    let lines = || text.lines().map(str::trim);
    let gift_block = text
        .split('{')
        .skip(1)
        .any(|after| after.trim_start().starts_with(['=', '~']));
    lines().any(option) && lines().any(answer) && !gift_block
}

/// Runs `gureum bank …`.
pub fn bank(cmd: &BankCommand, banks: &BankSource, lang: Lang) -> anyhow::Result<ExitCode> {
    match cmd {
        BankCommand::Export(args) => {
            let bank = Bank::load(banks);
            let questions: Vec<_> = bank.entries.iter().map(|e| e.question.clone()).collect();
            let text = match args.format {
                ExportFormat::Gift => interchange::export_gift(&questions),
                ExportFormat::Anki => interchange::export_anki(&questions),
                ExportFormat::Aiken => {
                    let export = interchange::export_aiken(&questions);
                    let skipped = export.skipped_multiple + export.skipped_numeric;
                    if skipped > 0 {
                        let msg = match lang {
                            Lang::Ko => format!(
                                "Aiken은 정답이 하나인 문제만 담을 수 있어서 {skipped}문항은 빼고 {}문항을 내보냈어요",
                                export.exported
                            ),
                            Lang::En => format!(
                                "Aiken holds single-answer questions only: exported {}, skipped {skipped}",
                                export.exported
                            ),
                        };
                        errln!("gureum: {msg}");
                    }
                    export.text
                }
            };
            write_out(args.out.as_deref(), &text)?;
            Ok(ExitCode::SUCCESS)
        }
        BankCommand::Import(args) => {
            let size = std::fs::metadata(&args.file).map_or(0, |m| m.len());
            if size > MAX_IMPORT_BYTES {
                let msg = match lang {
                    Lang::Ko => format!(
                        "{}: 파일이 너무 커요 ({} MiB). 가져오기는 {} MiB까지 돼요. 파일을 나눠서 가져오세요",
                        args.file.display(),
                        size >> 20,
                        MAX_IMPORT_BYTES >> 20
                    ),
                    Lang::En => format!(
                        "{}: file too large ({} MiB); import takes up to {} MiB, split the file",
                        args.file.display(),
                        size >> 20,
                        MAX_IMPORT_BYTES >> 20
                    ),
                };
                errln!("gureum: {msg}");
                return Ok(ExitCode::FAILURE);
            }
            let text = match std::fs::read(&args.file) {
                Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                Err(e) => {
                    errln!("gureum: {}: {}", args.file.display(), io_message(&e, lang));
                    return Ok(ExitCode::FAILURE);
                }
            };
            let defaults = Defaults::new(&args.lesson, &args.domain);
            let format = args.format.unwrap_or_else(|| {
                let gift = args
                    .file
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("gift"));
                if gift {
                    ImportFormat::Gift
                } else if looks_like_aiken(&text) || !text.contains('{') {
                    // An Aiken question may well contain `{` (a JSON policy in its prompt).
                    ImportFormat::Aiken
                } else {
                    ImportFormat::Gift
                }
            });
            let imported = match format {
                ImportFormat::Gift => interchange::import_gift(&text, &defaults),
                ImportFormat::Aiken => interchange::import_aiken(&text, &defaults),
            };
            let questions = match imported {
                Ok(q) => q,
                Err(e) => {
                    let msg = if lang == Lang::En {
                        e.to_string()
                    } else {
                        e.message_ko()
                    };
                    errln!("{}: {msg}", args.file.display());
                    return Ok(ExitCode::FAILURE);
                }
            };
            let n = questions.len();
            let toml = bank_toml(&questions)?;
            let out = args.out.as_ref().map(|dir| {
                let stem = args
                    .file
                    .file_stem()
                    .map_or("imported".into(), |s| s.to_string_lossy().into_owned());
                dir.join(format!("{stem}.toml"))
            });
            if let Some(dir) = &args.out
                && let Err(e) = std::fs::create_dir_all(dir)
            {
                errln!("gureum: {}: {}", dir.display(), io_message(&e, lang));
                return Ok(ExitCode::FAILURE);
            }
            write_out(out.as_deref(), &toml)?;
            if let Some(path) = out {
                let msg = match lang {
                    Lang::Ko => format!(
                        "{n}문항을 {}에 썼어요. gureum check --quiz-dir로 확인해 보세요",
                        path.display()
                    ),
                    Lang::En => format!(
                        "wrote {n} questions to {}; check them with gureum check --quiz-dir",
                        path.display()
                    ),
                };
                errln!("{msg}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// A bank file holding `questions`, written one question at a time: the same text as
/// serialising a whole `BankFile`, which takes time quadratic in the number of questions
/// (20,000 took 4.4 s; see `examples/scale.rs`).
fn bank_toml(questions: &[gureum::quiz::Question]) -> anyhow::Result<String> {
    #[derive(serde::Serialize)]
    struct One<'a> {
        question: [&'a gureum::quiz::Question; 1],
    }
    let mut out = toml::to_string(&BankFile {
        format_version: FORMAT_VERSION,
        misconceptions: std::collections::BTreeMap::new(),
        question: Vec::new(),
    })?;
    // `question = []` is the empty list the tables below replace.
    if let Some(at) = out.find("question = []") {
        out.truncate(at);
    }
    for q in questions {
        out.push('\n');
        out.push_str(&toml::to_string(&One { question: [q] })?);
    }
    Ok(out)
}

/// Opens the progress store for a command, telling the user on stderr, in `lang`, about any
/// problem it met (a damaged file moved aside, a newer file opened read-only, …). `now` is the
/// command's time (its one clock reading).
pub fn open_store(lang: Lang, now: gureum::clock::UnixMillis) -> anyhow::Result<Store> {
    let (store, notices) = Store::open_default(now)?;
    for notice in &notices {
        errln!("gureum: {}", notice.message(lang == Lang::En));
    }
    Ok(store)
}

/// Runs `gureum results export`: the learner's logged answers as one result file.
pub fn results(cmd: &ResultsCommand, banks: &BankSource, lang: Lang) -> anyhow::Result<ExitCode> {
    let ResultsCommand::Export(args) = cmd;
    let bank = Bank::load(banks);
    let (store, notices) = Store::open_default(gureum::clock::now())?;
    // A progress file that could not be read was moved aside: exporting the empty fresh store
    // would look like a learner with no answers. Say so and fail instead.
    if let Some(notice) = notices
        .iter()
        .find(|n| matches!(n, gureum::store::Notice::MovedAside { .. }))
    {
        errln!("gureum: {}", notice.message(lang == Lang::En));
        return Ok(ExitCode::FAILURE);
    }
    if args.exam || args.attempt.is_some() {
        let finished = store.finished_exams()?;
        // --attempt N counts from 1 = the oldest kept; without it, the latest.
        let pick = match args.attempt {
            Some(n) => n.checked_sub(1).and_then(|i| finished.get(i)),
            None => finished.last(),
        };
        let Some(result) = pick.and_then(|state| exam_result(state, &bank, &args.student)) else {
            errln!(
                "gureum: 내보낼 모의고사가 없어요 (끝낸 시험 {}개) / no such finished mock exam ({} kept)",
                finished.len(),
                finished.len()
            );
            return Ok(ExitCode::from(2));
        };
        let text = match args.format {
            ResultFormat::Json => result.to_json(),
            ResultFormat::Csv => result.to_csv(),
        };
        write_out(args.out.as_deref(), &text)?;
        return Ok(ExitCode::SUCCESS);
    }
    let answers = &store.answers()?;
    let result = AttemptResult {
        student: args.student.clone(),
        exam_or_quiz: "practice".into(),
        started_at: answers.first().map_or(0, |a| a.at),
        seed: None,
        answers: answers
            .iter()
            .map(|a| ResultAnswer::from_log(a, &bank))
            .collect(),
    };
    let text = match args.format {
        ResultFormat::Json => result.to_json(),
        ResultFormat::Csv => result.to_csv(),
    };
    write_out(args.out.as_deref(), &text)?;
    Ok(ExitCode::SUCCESS)
}

/// A finished exam (its final state) as a result file: one row per question, graded.
fn exam_result(state: &ExamState, bank: &Bank, student: &str) -> Option<AttemptResult> {
    use gureum::quiz::exam::{ExamResponse, ExamResult, Verdict};
    let graded = ExamResult::grade(state, bank).ok()?;
    let answers = state
        .items()
        .iter()
        .zip(&graded.verdicts)
        .map(|(item, verdict)| {
            let chosen = match &item.response {
                Some(ExamResponse::Choices(ids)) => ids.clone(),
                Some(ExamResponse::Number(n)) => vec![n.to_string()],
                None => Vec::new(),
            };
            let question = bank.get(&item.id).map(|e| &e.question);
            let misconception_chosen = question.and_then(|q| {
                let right = q.correct_ids();
                chosen
                    .iter()
                    .filter(|id| !right.contains(&id.as_str()))
                    .find_map(|id| q.choices.iter().find(|c| &c.id == id))
                    .and_then(|c| c.misconception.clone())
            });
            ResultAnswer {
                question: item.id.clone(),
                correct: *verdict == Verdict::Correct,
                chosen,
                time_ms: 0,
                domains: vec![item.domain.clone()],
                misconception_chosen,
            }
        })
        .collect();
    Some(AttemptResult {
        student: student.to_owned(),
        exam_or_quiz: state.exam().id().to_owned(),
        started_at: state.started_at_ms() / 1000,
        seed: Some(state.seed()),
        answers,
    })
}

/// Runs `gureum report FILES…`.
pub fn report(args: &ReportArgs, banks: &BankSource, lang: Lang) -> anyhow::Result<ExitCode> {
    let bank = Bank::load(banks);
    let mut results = Vec::new();
    let mut seen: Vec<std::path::PathBuf> = Vec::new();
    for file in &args.files {
        // The same file twice (`report a.json a.json`, `report ./a.json a.json`) counts once.
        let key = std::fs::canonicalize(file).unwrap_or_else(|_| file.clone());
        if seen.contains(&key) {
            let name = file.display().to_string();
            errln!(
                "gureum: {}",
                match lang {
                    Lang::Ko => format!(
                        "{name}{} 두 번 주었어요: 한 번만 셌어요",
                        gureum::text::josa::eul(&name)
                    ),
                    Lang::En => format!("{name} was given twice: counted once"),
                }
            );
            continue;
        }
        seen.push(key);
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                errln!("gureum: {}", crate::cli::io_error(file, &e, lang));
                return Ok(ExitCode::from(2));
            }
        };
        let parsed = if text.trim_start().starts_with('{') {
            AttemptResult::from_json(&text).map(|r| vec![r])
        } else {
            AttemptResult::from_csv(&text)
        };
        match parsed {
            Ok(mut r) => results.append(&mut r),
            Err(e) => {
                let what = lang.pick("결과 파일을 읽을 수 없어요", "not a result file");
                errln!("{}: {what}: {e}", file.display());
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    let report = interchange::report(&results, &bank);
    crate::cli::stdout().write_all(
        report
            .to_table_labeled(
                args.width,
                &bank,
                &gureum::quiz::bank::misconception_labels(banks),
                lang == Lang::En,
            )
            .as_bytes(),
    )?;
    if let Some(path) = &args.csv {
        write_out(Some(path), &report.to_csv())?;
    }
    Ok(ExitCode::SUCCESS)
}
