//! The `gureum` command: the TUI by default, and scriptable twins of its features.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[macro_use]
mod cli;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use gureum::lesson::{ContentSource, Library, RenderOptions, render};
use gureum::quiz::{Bank, BankSource};
use gureum::store::Store;
use gureum::strings::{Lang, Strings};
use gureum::text;
use gureum::ui::print::{self, Output};
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
    #[arg(long, global = true)]
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
    /// 복습할 때가 된 문제 풀기 (`--plain`: 한 줄씩 묻고 답해요)
    Review(cli::review::ReviewArgs),
    /// 복습 카드, 예보, 영역별 정답률, 모의고사 점수 (`--json`)
    Stats(cli::stats::StatsArgs),
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
        about = "시뮬레이션: DynamoDB 용량 계산, Lambda 실행 환경, 배포 전략, CloudFormation 교체, 피닉스 서버, 세션, 캐시, 읽기 복제본, 스로틀"
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
    /// SSH로 여는 실시간 수업: 학생은 ssh로 들어와 풀고, 선생님은 대시보드로 봐요
    #[command(subcommand)]
    Class(cli::class::ClassCommand),
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
    /// 진행 중인 시험을 포기하고 새로 시작해요
    #[arg(long)]
    new: bool,
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
    if app.store.running_exam().is_some() {
        app.handle_action(Action::Open);
    } else if let Some((choice, seed)) = choice {
        app.apply(ui::screen::Effect::Open(ui::screen::Open::Exam(
            choice, seed,
        )));
    }
}

fn banks_of(cli: &Cli) -> BankSource {
    cli.quiz_dir
        .clone()
        .map_or(BankSource::Embedded, BankSource::Dir)
}

fn parse_theme(s: &str) -> Result<Palette, String> {
    Palette::parse(s).ok_or_else(|| {
        "dark, light, high-contrast 중 하나를 쓰세요 / use `dark`, `light` or `high-contrast`"
            .to_owned()
    })
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| "ko나 en을 쓰세요 / use `ko` or `en`".to_owned())
}

/// Parses the command line in the language it asks for (clap's own words translated, errors
/// exit with status 2 in that language).
fn parse_args() -> Result<Cli, ExitCode> {
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::args::prescan_lang(&argv).unwrap_or_default();
    cli::set_lang(lang);
    let mut cmd = cli::args::localize(Cli::command(), lang);
    let parsed = cmd
        .try_get_matches_from_mut(&argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    match parsed {
        Ok(cli) => Ok(cli),
        Err(e)
            if matches!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion
            ) =>
        {
            let _ = e.print();
            Err(ExitCode::SUCCESS)
        }
        Err(e) => {
            errln!("{}", cli::args::render_error(&e, lang));
            Err(ExitCode::from(2))
        }
    }
}

fn main() -> ExitCode {
    let cli = match parse_args() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let source = match &cli.content_dir {
        Some(dir) if !dir.is_dir() => {
            let msg = match cli.lang.unwrap_or_default() {
                Lang::Ko => format!("콘텐츠 폴더가 없어요: {}", dir.display()),
                Lang::En => format!("no such content folder: {}", dir.display()),
            };
            errln!("gureum: {msg}");
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
            // Resume, start or refuse (exit 2) is decided before the terminal is needed.
            let request = gureum::quiz::exam::start::ExamRequest {
                exam: args.exam.map(Into::into),
                count: args.count.map(usize::from),
                minutes: args.minutes,
                seed: args.seed,
                new: args.new,
            };
            match cli::exam::prepare(&request, cli.lang.unwrap_or_default(), has_terminal()) {
                Ok(cli::exam::Prepared::Refused) => Ok(ExitCode::from(2)),
                Ok(cli::exam::Prepared::Open(choice)) => {
                    let choice = choice.map(|choice| {
                        let seed = args.seed.unwrap_or_else(|| gureum::clock::now().millis());
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
                Err(e) => Err(e),
            }
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
            cli::bank::results(&cmd, &banks, cli.lang.unwrap_or_default())
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
        Some(Command::Class(cmd)) => {
            cli::class::run(&cmd, &source, &banks, cli.lang.unwrap_or_default())
        }
        Some(Command::Quiz(args)) => {
            let banks = cli
                .quiz_dir
                .clone()
                .map_or(BankSource::Embedded, BankSource::Dir);
            cli::quiz::run(&args, &banks, &source, cli.lang.unwrap_or_default())
        }
        Some(Command::Review(args)) => {
            cli::review::run(&args, &banks, &source, cli.lang.unwrap_or_default())
        }
        Some(Command::Stats(args)) => cli::stats::run(&args, &banks, cli.lang.unwrap_or_default()),
    };
    match result {
        Ok(code) => code,
        // `gureum read x | head` closes the pipe early: that is not an error worth a message.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            errln!("gureum: {e:#}");
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
    if !has_terminal() {
        errln!(
            "{}",
            lang.unwrap_or_default()
                .pick(NO_TERMINAL_KO, NO_TERMINAL_EN)
        );
        return Ok(ExitCode::from(2));
    }
    // SIGHUP (the window closed), SIGTERM and SIGINT end the loop; the store's writes are whole.
    gureum::stop::install()?;
    let library = Library::load(source);
    let (store, notices) = Store::open_default(gureum::clock::now())?;
    // A flag wins over the saved setting for this run; the settings screen changes both.
    let settings = &store.progress().settings;
    let palette = ui::settings::start_palette(settings, theme);
    let mouse = ui::settings::start_mouse(settings, !mouse);
    let (keys, user_keymap) = gureum::keys::file::load_default_location();
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
    app.data.banks.source = banks;
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
    let ran = ui::run(app, mouse);
    if let Some(sig) = gureum::stop::signal() {
        // Asked to stop: saved and restored; the terminal may be gone, so say nothing more.
        return Ok(ExitCode::from(
            128u8.saturating_add(u8::try_from(sig).unwrap_or(0)),
        ));
    }
    ran?;
    // The screen showed these only briefly; say them again where they stay.
    for p in &keymap_problems {
        errln!("gureum: {p}");
    }
    Ok(ExitCode::SUCCESS)
}

fn lessons(source: &ContentSource, json: bool) -> anyhow::Result<ExitCode> {
    let lib = Library::load(source);
    let mut out = crate::cli::stdout();
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
        out.json(&serde_json::json!({ "lessons": lessons }), true)?;
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
    let lib = Library::load_lesson(source, id);
    let (Some(lesson), Some(index)) = (lib.lesson(id), lib.lesson_index(id)) else {
        errln!("gureum: {}", Strings::new(lang).unknown_lesson(id));
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
    let mut out = text::SafeWriter::new(stdout.lock());
    for line in text::wrap(&lesson.meta.title, usize::from(width)) {
        if output == Output::Plain {
            writeln!(out, "{line}")?;
        } else {
            out.styled(&format!("\x1b[1m{}\x1b[0m\n", text::for_output(&line)))?;
        }
    }
    writeln!(out)?;
    let body = print::to_string(&rendered, theme, output);
    if output == Output::Plain {
        out.write_all(body.as_bytes())?;
    } else {
        // Styled by the printer around text the renderer already passed through the gate.
        out.styled(&body)?;
    }
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
            errln!("{label}: {}", p.display(lang == Lang::En));
        }
    } else {
        problems.extend(incomplete);
    }
    problems.extend(control_problems(&lib, &bank, &root, &bank_root));
    problems.sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
    let s = Strings::new(lang);
    if problems.is_empty() {
        outln!(
            "{}",
            s.check_ok(lib.courses.len(), lib.lessons.len(), bank.entries.len())
        );
        return ExitCode::SUCCESS;
    }
    for p in &problems {
        errln!("{}", p.display(lang == Lang::En));
    }
    errln!("{}", s.check_failed(problems.len()));
    ExitCode::FAILURE
}

/// Whether the TUI has a terminal to draw on and read keys from: stdout is one, and stdin is one
/// or the process has a controlling terminal (crossterm reads `/dev/tty` then).
fn has_terminal() -> bool {
    let keys =
        std::io::stdin().is_terminal() || (cfg!(unix) && std::fs::File::open("/dev/tty").is_ok());
    std::io::stdout().is_terminal() && keys
}

const NO_TERMINAL_KO: &str = "gureum의 화면에는 터미널이 필요해요 — `gureum quiz --plain`으로 한 줄씩 문제를 풀거나, \
`gureum lessons`, `gureum read <id>`, `gureum search <말>` 같은 명령을 써 보세요 (`gureum --help`). \
ssh로 실행한다면 `ssh -t`를 쓰세요.";
const NO_TERMINAL_EN: &str = "gureum's screen needs a terminal — try `gureum quiz --plain` to answer questions line by \
line, or commands such as `gureum lessons`, `gureum read <id>`, `gureum search <words>` (`gureum --help`). \
Over ssh, use `ssh -t`.";

/// The first character of `s` that has no place in content: a C0/C1 control other than tab and
/// newline (ESC starts every terminal escape sequence) or a bidi override/isolate.
fn content_control(s: &str) -> Option<(usize, char)> {
    s.split('\n').enumerate().find_map(|(i, line)| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        line.chars()
            .find(|&c| {
                matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            })
            .map(|c| (i, c))
    })
}

/// `gureum check`'s report of escape sequences, control characters and bidi overrides in
/// lessons, course files and questions (the output gate removes them, but content should not
/// carry them: a teacher's file with them was most likely pasted from a terminal).
fn control_problems(
    lib: &Library,
    bank: &Bank,
    root: &str,
    bank_root: &str,
) -> Vec<gureum::lesson::Problem> {
    use gureum::lesson::{Problem, ProblemKind};
    let problem = |file: String, line: usize, c: char| Problem {
        file,
        line,
        kind: ProblemKind::Message {
            ko: format!(
                "제어 문자 U+{:04X}가 있어요 (터미널 이스케이프 시퀀스나 양방향 재정의 문자는 콘텐츠에 쓸 수 없어요)",
                u32::from(c)
            ),
            en: format!(
                "control character U+{:04X} (terminal escape sequences and bidi overrides are not allowed in content)",
                u32::from(c)
            ),
        },
    };
    let root = root.trim_end_matches('/');
    let mut out = Vec::new();
    for l in &lib.lessons {
        let file = format!("{root}/{}", l.file);
        let mut meta = [l.meta.title.as_str(), l.meta.summary.as_str()]
            .into_iter()
            .chain(l.meta.tags.iter().map(String::as_str));
        if let Some((_, c)) = meta.find_map(content_control) {
            out.push(problem(file.clone(), 1, c));
        }
        if let Some((i, c)) = content_control(&l.body) {
            out.push(problem(file, l.body_line + i, c));
        }
    }
    for c in &lib.courses {
        if let Some((_, ch)) = [c.meta.title.as_str(), c.meta.summary.as_str()]
            .into_iter()
            .find_map(content_control)
        {
            out.push(problem(format!("{root}/{}/course.toml", c.dir), 1, ch));
        }
    }
    let bank_root = bank_root.trim_end_matches('/');
    for e in &bank.entries {
        let Ok(value) = serde_json::to_value(&e.question) else {
            continue;
        };
        if let Some(c) = first_control_in(&value) {
            out.push(problem(format!("{bank_root}/{}", e.file), e.line, c));
        }
    }
    out
}

/// The first bad character in any string of `v`.
fn first_control_in(v: &serde_json::Value) -> Option<char> {
    match v {
        serde_json::Value::String(s) => content_control(s).map(|(_, c)| c),
        serde_json::Value::Array(a) => a.iter().find_map(first_control_in),
        serde_json::Value::Object(o) => o.values().find_map(first_control_in),
        _ => None,
    }
}
