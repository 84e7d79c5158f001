//! The `gureum` command: the TUI by default, and scriptable twins of its features.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod cli;

use clap::{Parser, Subcommand};
use gureum::lesson::{ContentSource, Library, RenderOptions, render};
use gureum::quiz::{Bank, BankSource};
use gureum::store::Store;
use gureum::text;
use gureum::ui::print::{self, Output};
use gureum::ui::strings::{Lang, Strings};
use gureum::ui::theme::{Palette, Theme};
use gureum::ui::{self, App};

/// 구름(gureum): 한국어 학습 노트로 AWS 아키텍처를 배우는 터미널 앱
#[derive(Debug, Parser)]
#[command(name = "gureum", version, about, long_about = None)]
struct Cli {
    /// 내장 콘텐츠 대신 이 폴더의 레슨을 읽어요 (content/와 같은 구조)
    #[arg(long, global = true, value_name = "DIR")]
    content_dir: Option<PathBuf>,
    /// 내장 문제 은행 대신 이 폴더의 `*.toml` 문제 은행을 읽어요
    #[arg(long, global = true, value_name = "DIR")]
    quiz_dir: Option<PathBuf>,
    /// 화면 언어: ko 또는 en (기본값: 설정, 없으면 ko)
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    lang: Option<Lang>,
    /// 마우스를 쓰지 않아요 (터미널에서 글자를 선택할 수 있게)
    #[arg(long)]
    no_mouse: bool,
    /// 색 테마: dark, light, high-contrast (기본값: 설정, 없으면 dark). `NO_COLOR`가 있으면 색을 쓰지 않아요
    #[arg(long, global = true, value_name = "THEME", value_parser = parse_theme)]
    theme: Option<Palette>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// 레슨 id와 제목을 나열해요
    Lessons {
        /// JSON으로 출력해요
        #[arg(long)]
        json: bool,
    },
    /// 레슨을 렌더링해 표준 출력으로 보내요 (파이프나 `NO_COLOR`면 일반 텍스트)
    Read {
        /// 레슨 id (`gureum lessons`로 확인)
        id: String,
        /// 줄 너비(칸). 기본값: 터미널 너비(최대 100), 파이프면 80
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(10..=1000))]
        width: Option<u16>,
    },
    /// 모의고사 (진행 중인 시험이 있으면 이어서 해요)
    Exam(ExamArgs),
    /// 문제 풀기 (`--plain`: 한 줄씩 묻고 답해요)
    Quiz(cli::quiz::QuizArgs),
    /// 문제 은행 내보내기·가져오기 (GIFT, Aiken, Anki)
    #[command(subcommand)]
    Bank(cli::bank::BankCommand),
    /// 푼 결과를 파일로 내보내요
    #[command(subcommand)]
    Results(cli::bank::ResultsCommand),
    /// 학생들의 결과 파일을 모아 수업 보고서를 만들어요
    Report(cli::bank::ReportArgs),
    /// The simulations (help text in `about`: clap shows doc comments verbatim, backticks and all).
    #[command(
        subcommand,
        about = "시뮬레이션: DynamoDB 용량 계산, Lambda 실행 환경, 배포 전략, CloudFormation 교체, 피닉스 서버"
    )]
    Sim(cli::sim::SimCommand),
    /// 모든 콘텐츠를 검사하고 문제가 있으면 `파일:줄: 문제`를 출력해요
    Check,
    /// 레슨·절·문단, 문제, 시뮬레이션, 용어를 한 번에 찾아요 (초성도 돼요: `ㄹㄷ ㅋㄷ`)
    Search(cli::search::SearchArgs),
    /// 용어집: 용어의 뜻과 그 용어가 나오는 레슨, 문제, 시뮬레이션
    Glossary(cli::search::GlossaryArgs),
    /// 키 목록 (기본 keymap.toml + 설정 폴더의 keymap.toml)
    Keys {
        /// JSON으로 출력해요
        #[arg(long)]
        json: bool,
    },
}

/// Arguments of `gureum exam`.
#[derive(Debug, clap::Args)]
struct ExamArgs {
    /// 바로 시작할 시험 (없으면 모의고사 목록)
    #[arg(long, value_enum)]
    exam: Option<ExamArg>,
    /// 문항 수 (짧은 모의고사; 기본 65)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=200))]
    count: Option<u16>,
    /// 시간(분) (기본 130, ESL 설정이면 +30)
    #[arg(long, value_name = "M", value_parser = clap::value_parser!(u32).range(1..=600))]
    minutes: Option<u32>,
    /// 난수 시드: 같은 시드면 같은 문제를 같은 순서로 받아요
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
}

/// The exams of `--exam`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExamArg {
    /// AWS Certified Solutions Architect – Associate
    SaaC03,
    /// AWS Certified Developer – Associate
    DvaC02,
}

impl From<ExamArg> for gureum::quiz::exam::ExamId {
    fn from(e: ExamArg) -> Self {
        match e {
            ExamArg::SaaC03 => Self::SaaC03,
            ExamArg::DvaC02 => Self::DvaC02,
        }
    }
}

/// Opens the exam screen: the saved exam if there is one (never thrown away), else `choice`.
fn open_exam(app: &mut App, choice: Option<(ui::exam::Choice, u64)>) {
    use gureum::ui::keymap::Action;
    app.handle_action(Action::Exams);
    if app.saved_exam().is_some() {
        app.handle_action(Action::Open);
    } else if let Some((choice, seed)) = choice {
        app.start_exam(choice, seed);
    }
}

fn banks_of(cli: &Cli) -> BankSource {
    cli.quiz_dir
        .clone()
        .map_or(BankSource::Embedded, BankSource::Dir)
}

fn parse_theme(s: &str) -> Result<Palette, String> {
    Palette::parse(s).ok_or_else(|| format!("`{s}`: use `dark`, `light` or `high-contrast`"))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("`{s}`: use `ko` or `en`"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let source = match &cli.content_dir {
        Some(dir) if !dir.is_dir() => {
            let msg = match cli.lang.unwrap_or_default() {
                Lang::Ko => format!("콘텐츠 폴더가 없어요: {}", dir.display()),
                Lang::En => format!("no such content folder: {}", dir.display()),
            };
            eprintln!("gureum: {msg}");
            return ExitCode::from(2);
        }
        Some(dir) => ContentSource::Dir(dir.clone()),
        None => ContentSource::Embedded,
    };
    let banks = banks_of(&cli);
    let result = match cli.command {
        None => run_tui(
            &source,
            banks_of(&cli),
            (cli.lang, cli.theme),
            !cli.no_mouse,
            Start::Home,
        ),
        Some(Command::Exam(args)) => {
            let choice = args.exam.map(|exam| {
                let full = gureum::quiz::exam::Blueprint::full(exam.into());
                let choice = ui::exam::Choice {
                    exam: exam.into(),
                    count: args.count.map_or(full.count, usize::from),
                    minutes: args.minutes.unwrap_or(full.minutes),
                };
                let seed = args.seed.unwrap_or_else(|| {
                    std::time::SystemTime::now()
                        .duration_since(std::time::UNIX_EPOCH)
                        .map_or(0, |d| d.as_nanos() as u64)
                });
                (choice, seed)
            });
            run_tui(
                &source,
                banks,
                (cli.lang, cli.theme),
                !cli.no_mouse,
                Start::Exam(choice),
            )
        }
        Some(Command::Lessons { json }) => lessons(&source, json),
        Some(Command::Read { id, width }) => read(
            &source,
            cli.lang.unwrap_or_default(),
            Theme::with_palette(cli.theme.unwrap_or_default()),
            &id,
            width,
        ),
        Some(Command::Keys { json }) => cli::keys::run(json, cli.lang.unwrap_or_default()),
        Some(Command::Check) => {
            // The shipped banks refer to the shipped lessons: with a user's lessons, only the
            // user's banks (--quiz-dir) are checked.
            let banks = match (&cli.quiz_dir, &cli.content_dir) {
                (Some(dir), _) => Some(BankSource::Dir(dir.clone())),
                (None, None) => Some(BankSource::Embedded),
                (None, Some(_)) => None,
            };
            Ok(check(&source, banks.as_ref(), cli.lang.unwrap_or_default()))
        }
        Some(Command::Sim(cmd)) => cli::sim::run(cmd, cli.lang.unwrap_or_default()),
        Some(Command::Bank(cmd)) => {
            let banks = cli
                .quiz_dir
                .clone()
                .map_or(BankSource::Embedded, BankSource::Dir);
            cli::bank::bank(&cmd, &banks, cli.lang.unwrap_or_default())
        }
        Some(Command::Results(cmd)) => {
            let banks = cli
                .quiz_dir
                .clone()
                .map_or(BankSource::Embedded, BankSource::Dir);
            cli::bank::results(&cmd, &banks)
        }
        Some(Command::Report(args)) => {
            let banks = cli
                .quiz_dir
                .clone()
                .map_or(BankSource::Embedded, BankSource::Dir);
            cli::bank::report(&args, &banks, cli.lang.unwrap_or_default())
        }
        Some(Command::Search(args)) => {
            cli::search::run(&args, &source, &banks, cli.lang.unwrap_or_default())
        }
        Some(Command::Glossary(args)) => {
            cli::search::glossary(&args, &source, &banks, cli.lang.unwrap_or_default())
        }
        Some(Command::Quiz(args)) => {
            let banks = cli
                .quiz_dir
                .clone()
                .map_or(BankSource::Embedded, BankSource::Dir);
            cli::quiz::run(&args, &banks, cli.lang.unwrap_or_default())
        }
    };
    match result {
        Ok(code) => code,
        // `gureum read x | head` closes the pipe early: that is not an error worth a message.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gureum: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Where the TUI opens.
#[derive(Clone, Copy)]
enum Start {
    /// The home screen.
    Home,
    /// The mock exams: resume the one in progress, or start this one.
    Exam(Option<(ui::exam::Choice, u64)>),
}

fn run_tui(
    source: &ContentSource,
    banks: BankSource,
    (lang, theme): (Option<Lang>, Option<Palette>),
    mouse: bool,
    start: Start,
) -> anyhow::Result<ExitCode> {
    let library = Library::load(source);
    let (store, notices) = Store::open_default()?;
    // A flag wins over the saved setting for this run; the settings screen changes both.
    let settings = &store.progress().settings;
    let palette = ui::settings::start_palette(settings, theme);
    let mouse = ui::settings::start_mouse(settings, !mouse);
    let (keys, user_keymap) = ui::keyfile::load_default_location();
    ui::keymap::install(keys);
    let lang = lang
        .or_else(|| {
            store
                .progress()
                .settings
                .lang
                .as_deref()
                .and_then(Lang::parse)
        })
        .unwrap_or_default();
    let mut app = App::new(library, store, lang, Theme::with_palette(palette));
    app.bank_source = banks;
    // A broken key map is reported (the defaults still work); the settings list every problem.
    if let Some(text) = user_keymap.warning(lang) {
        app.message = Some(ui::app::Message {
            text,
            warning: true,
        });
    }
    let keymap_problems: Vec<String> = user_keymap
        .problems
        .iter()
        .map(|p| {
            let path = user_keymap.path.clone().unwrap_or_default();
            p.display(&path, lang)
        })
        .collect();
    app.user_keymap = user_keymap;
    if let Start::Exam(choice) = start {
        open_exam(&mut app, choice);
    }
    if let Some(notice) = notices.first() {
        app.message = Some(ui::app::Message {
            text: notice.message(lang == Lang::En),
            warning: true,
        });
    }
    ui::run(app, mouse)?;
    // The screen showed these only briefly; say them again where they stay.
    for p in &keymap_problems {
        eprintln!("gureum: {p}");
    }
    Ok(ExitCode::SUCCESS)
}

fn lessons(source: &ContentSource, json: bool) -> anyhow::Result<ExitCode> {
    let lib = Library::load(source);
    let mut out = std::io::stdout().lock();
    if json {
        let lessons: Vec<_> = lib
            .lessons
            .iter()
            .map(|l| {
                serde_json::json!({
                    "id": l.meta.id,
                    "title": l.meta.title,
                    "course": lib.course_of(l).meta.id,
                    "course_title": lib.course_of(l).meta.title,
                    "order": l.meta.order,
                    "summary": l.meta.summary,
                    "tags": l.meta.tags,
                    "source": l.meta.source,
                    "file": l.file,
                    "headings": headings(&l.body),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &serde_json::json!({ "lessons": lessons }))?;
        writeln!(out)?;
    } else {
        let id_w = lib
            .lessons
            .iter()
            .map(|l| l.meta.id.len())
            .max()
            .unwrap_or(0);
        for l in &lib.lessons {
            let course = &lib.course_of(l).meta.title;
            writeln!(out, "{:<id_w$}  {course} › {}", l.meta.id, l.meta.title)?;
        }
    }
    Ok(if lib.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// A lesson's headings as `{title, anchor, level}` for `lessons --json` (quiz authors link to them).
fn headings(markdown: &str) -> Vec<serde_json::Value> {
    render(markdown, &RenderOptions::default())
        .headings
        .iter()
        .map(|h| serde_json::json!({ "title": h.title, "anchor": h.anchor, "level": h.level }))
        .collect()
}

fn read(
    source: &ContentSource,
    lang: Lang,
    theme: Theme,
    id: &str,
    width: Option<u16>,
) -> anyhow::Result<ExitCode> {
    let lib = Library::load(source);
    let (Some(lesson), Some(index)) = (lib.lesson(id), lib.lesson_index(id)) else {
        eprintln!("gureum: {}", Strings::new(lang).unknown_lesson(id));
        return Ok(ExitCode::from(2));
    };
    let stdout = std::io::stdout();
    let tty = stdout.is_terminal();
    let width = width.unwrap_or_else(|| {
        if tty {
            ratatui::crossterm::terminal::size()
                .map_or(80, |(w, _)| w.min(ui::reader::MAX_TEXT_WIDTH))
        } else {
            80
        }
    });
    let mut opts = RenderOptions {
        width: usize::from(width),
        ..RenderOptions::default()
    };
    opts.image_label = Strings::new(lang).image_label();
    let markdown = lib.lesson_markdown(index, Strings::new(lang).callout_labels());
    let rendered = render(&markdown, &opts);
    let output = if tty && theme.color {
        Output::Styled { links: true }
    } else {
        Output::Plain
    };
    let mut out = stdout.lock();
    for line in text::wrap(&lesson.meta.title, usize::from(width)) {
        if output == Output::Plain {
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "\x1b[1m{line}\x1b[0m")?;
        }
    }
    writeln!(out)?;
    out.write_all(print::to_string(&rendered, theme, output).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn check(source: &ContentSource, banks: Option<&BankSource>, lang: Lang) -> ExitCode {
    let lib = Library::load(source);
    let bank = banks.map(Bank::load).unwrap_or_default();
    let root = match source {
        ContentSource::Embedded => "content".to_owned(),
        ContentSource::Dir(dir) => dir.display().to_string(),
    };
    let bank_root = match banks {
        Some(BankSource::Dir(dir)) => dir.display().to_string(),
        _ => "quizzes".to_owned(),
    };
    let mut problems: Vec<gureum::lesson::Problem> = lib
        .check()
        .into_iter()
        .map(|p| gureum::lesson::Problem {
            file: format!("{}/{}", root.trim_end_matches('/'), p.file),
            ..p
        })
        .collect();
    problems.extend(
        gureum::quiz::check::check(&bank, &lib)
            .into_iter()
            .map(|p| gureum::lesson::Problem {
                file: format!("{}/{}", bank_root.trim_end_matches('/'), p.file),
                ..p
            }),
    );
    // References, English and misconception labels: required of the shipped banks, advised for
    // a teacher's own (`--quiz-dir`: printed as warnings, the exit status stays 0).
    let mut incomplete: Vec<gureum::lesson::Problem> = gureum::quiz::check::completeness(&bank)
        .into_iter()
        .map(|p| gureum::lesson::Problem {
            file: format!("{}/{}", bank_root.trim_end_matches('/'), p.file),
            ..p
        })
        .collect();
    incomplete.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    if matches!(banks, Some(BankSource::Dir(_))) {
        for p in &incomplete {
            let label = if lang == Lang::En {
                "warning"
            } else {
                "경고"
            };
            eprintln!("{label}: {}", p.display(lang == Lang::En));
        }
    } else {
        problems.extend(incomplete);
    }
    problems.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    let s = Strings::new(lang);
    if problems.is_empty() {
        println!(
            "{}",
            s.check_ok(lib.courses.len(), lib.lessons.len(), bank.entries.len())
        );
        return ExitCode::SUCCESS;
    }
    for p in &problems {
        eprintln!("{}", p.display(lang == Lang::En));
    }
    eprintln!("{}", s.check_failed(problems.len()));
    ExitCode::FAILURE
}
