//! `gureum review --plain`: the questions due for review, asked line by line like
//! `gureum quiz --plain` (the same code: [`super::quiz::ask_plain`]), answers recorded.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use gureum::quiz::review;
use gureum::quiz::session;
use gureum::quiz::{Bank, BankSource};
use gureum::strings::Lang;

/// Arguments of `gureum review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// 한 줄씩 묻고 답하는 모드 (화면 읽기 프로그램, 스크립트, 수업용)
    #[arg(long)]
    plain: bool,
    /// 최대 문제 수 (기본: 복습할 때가 된 문제 모두)
    #[arg(long, value_name = "K")]
    count: Option<usize>,
    /// 난수 시드: 보기 순서를 정해요
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
}

/// Runs `gureum review`.
pub fn run(
    args: &ReviewArgs,
    banks: &BankSource,
    source: &gureum::lesson::ContentSource,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    if !args.plain {
        errln!(
            "gureum: {}",
            lang.pick(
                "지금은 --plain 모드만 있어요. 예: gureum review --plain",
                "only --plain is available for now, e.g. gureum review --plain"
            )
        );
        return Ok(ExitCode::from(2));
    }
    let bank = Bank::load(banks);
    // The command's one clock reading (each answer reads its own: see `ask_plain`).
    let clock = gureum::clock::now();
    let mut store = super::bank::open_store(lang, clock)?;
    let now = clock.secs();
    // Most overdue first; cards of questions no longer in the bank cannot be asked.
    let mut ids: Vec<String> = review::due(&store.progress().cards, now)
        .into_iter()
        .filter(|id| bank.entries.iter().any(|e| e.question.id == *id))
        .map(str::to_owned)
        .collect();
    if let Some(k) = args.count {
        ids.truncate(k);
    }
    let offset = review::local_offset_s();
    if ids.is_empty() {
        let f = review::forecast(store.progress().cards.values(), now, offset);
        outln!(
            "{} ({})",
            lang.pick("지금 복습할 문제가 없어요", "Nothing is due for review now"),
            f.line(lang)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let seed = args.seed.unwrap_or(clock.millis());
    let items = session::draw_ids(&bank, &ids, seed);
    let library = gureum::lesson::Library::load(source);
    let (asked, correct) = super::quiz::ask_plain(&bank, &library, &items, lang, &mut store)?;
    // What is still due after the last answer.
    let now = store.now().secs().max(now);
    let f = review::forecast(store.progress().cards.values(), now, offset);
    let mut out = crate::cli::stdout();
    match lang {
        Lang::Ko => writeln!(
            out,
            "\n복습 {asked}문제 중 {correct}문제 맞혔어요. 남은 복습: {}",
            f.line(lang)
        )?,
        Lang::En => writeln!(
            out,
            "\n{correct} of {asked} reviews correct. Still due: {}",
            f.line(lang)
        )?,
    }
    if let Err(e) = store.save_if_dirty() {
        errln!("gureum: {e}");
    }
    Ok(ExitCode::SUCCESS)
}
