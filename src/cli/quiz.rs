//! `gureum quiz --plain`: a quiz line by line on stdin/stdout, for screen readers, scripts, `ssh`
//! without a full-screen terminal, and classrooms (`--seed N`: everyone gets the same questions
//! in the same order).

use std::io::{BufRead, Write};
use std::process::ExitCode;
use std::time::Instant;

use clap::Args;
use gureum::lesson::{ContentSource, Library, RenderOptions, render};
use gureum::quiz::session::{self, Filter, Item, Response};
use gureum::quiz::{Bank, BankSource, Kind};
use gureum::store::{AnswerLog, Store};
use gureum::strings::Lang;
use gureum::text;

/// Arguments of `gureum quiz`.
#[derive(Debug, Args)]
pub struct QuizArgs {
    /// 한 줄씩 묻고 답하는 모드 (화면 읽기 프로그램, 스크립트, 수업용)
    #[arg(long)]
    plain: bool,
    /// 난수 시드: 같은 시드면 모두 같은 문제를 같은 순서로 받아요
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// 문제 수
    #[arg(long, value_name = "K", default_value_t = 10)]
    count: usize,
    /// 이 레슨의 문제만
    #[arg(long, value_name = "ID")]
    lesson: Option<String>,
    /// 이 태그의 문제만
    #[arg(long, value_name = "TAG")]
    tag: Option<String>,
    /// 이 시험 영역의 문제만 (예: `saa.secure`, `dva.deployment`)
    #[arg(long, value_name = "DOMAIN")]
    domain: Option<String>,
}

/// A question's lesson as a learner knows it: `레슨 제목 › 절 제목` for `id#anchor`, the lesson
/// title for `id`, the reference itself when the lesson is not in the library.
fn lesson_label(library: &Library, reference: &str) -> String {
    let (id, anchor) = reference.split_once('#').unwrap_or((reference, ""));
    let Some(lesson) = library.lesson(id) else {
        return reference.to_owned();
    };
    let section = (!anchor.is_empty())
        .then(|| {
            render(&lesson.body, &RenderOptions::default())
                .headings
                .into_iter()
                .find(|h| h.anchor == anchor)
                .map(|h| h.title)
        })
        .flatten();
    match section {
        Some(title) => format!("{} › {title}", lesson.meta.title),
        None => lesson.meta.title.clone(),
    }
}

/// Unreadable answers to one question before it counts as wrong and the quiz moves on.
const MAX_UNREADABLE: usize = 3;

/// Runs `gureum quiz`.
pub fn run(
    args: &QuizArgs,
    banks: &BankSource,
    source: &ContentSource,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    if !args.plain {
        errln!(
            "gureum: {}",
            lang.pick(
                "지금은 --plain 모드만 있어요. 예: gureum quiz --plain --count 5",
                "only --plain is available for now, e.g. gureum quiz --plain --count 5"
            )
        );
        return Ok(ExitCode::from(2));
    }
    let bank = Bank::load(banks);
    let filter = Filter {
        lesson: args.lesson.clone(),
        tag: args.tag.clone(),
        domain: args.domain.clone(),
        ..Filter::default()
    };
    // The command's one clock reading (each answer reads its own: see `ask_plain`).
    let now = gureum::clock::now();
    // Without --seed every run differs; the clock is the only non-reproducible input.
    let seed = args.seed.unwrap_or(now.millis());
    let items = session::draw(&bank, &filter, args.count, seed);
    if items.is_empty() {
        errln!(
            "gureum: {}",
            lang.pick("조건에 맞는 문제가 없어요", "no questions match")
        );
        return Ok(ExitCode::from(2));
    }
    let library = Library::load(source);
    let mut store = super::bank::open_store(lang, now)?;
    let (asked, correct) = ask_plain(&bank, &library, &items, lang, &mut store)?;
    let mut out = crate::cli::stdout();
    let pct = (correct * 100).checked_div(asked).unwrap_or(0);
    match lang {
        Lang::Ko => writeln!(
            out,
            "\n{asked}문제 중 {correct}문제 맞혔어요 ({pct}%). 시드: {seed}"
        )?,
        Lang::En => writeln!(out, "\n{correct} of {asked} correct ({pct}%). Seed: {seed}")?,
    }
    if let Err(e) = store.save_if_dirty() {
        errln!("gureum: {e}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Asks `items` one per line on stdin/stdout and records every answer in `store` (committed
/// before the next question; the review card rescheduled with the learner's retention
/// setting). `q`, `quit`, `ㅂ` or the end of input stop early. Returns (asked, correct).
///
/// Each question is a turn: the monotonic clock is read when it is shown and the wall clock
/// once when its answer is read, for the answer's time and its next review (also given to the
/// store, so [`Store::now`] is the last answer's time afterwards).
///
/// Shared by `gureum quiz --plain` and `gureum review --plain`.
pub fn ask_plain(
    bank: &Bank,
    library: &Library,
    items: &[Item],
    lang: Lang,
    store: &mut Store,
) -> anyhow::Result<(usize, usize)> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let mut out = crate::cli::stdout();
    let total = items.len();
    let mut correct = 0usize;
    let mut asked = 0usize;
    let scheduler = store.scheduler();
    'questions: for (n, item) in items.iter().enumerate() {
        let q = &bank.entries[item.entry].question;
        let english = lang == Lang::En && q.prompt_en.is_some();
        writeln!(out, "\n[{}/{total}] {}", n + 1, q.id)?;
        let prompt = if english {
            q.prompt_en.as_deref().unwrap_or(&q.prompt)
        } else {
            &q.prompt
        };
        writeln!(out, "{}", text::sanitize(prompt.trim()))?;
        for (i, &c) in item.order.iter().enumerate() {
            let choice = if english {
                q.choices_en
                    .as_ref()
                    .and_then(|en| en.get(c))
                    .unwrap_or(&q.choices[c].text)
            } else {
                &q.choices[c].text
            };
            writeln!(out, "  {}) {}", i + 1, text::sanitize(choice))?;
        }
        let hint = match q.kind {
            Kind::Single => lang.pick("번호를 입력하세요", "type the number").to_owned(),
            Kind::Multiple => {
                let k = q.correct_ids().len();
                match lang {
                    Lang::Ko => format!("번호 {k}개를 쉼표로 구분해 입력하세요 (예: 1,3)"),
                    Lang::En => format!("type {k} numbers separated by commas, e.g. 1,3"),
                }
            }
            Kind::Numeric => format!(
                "{} ({})",
                lang.pick("숫자를 입력하세요", "type a number"),
                q.unit.as_deref().unwrap_or("")
            ),
        };
        let shown = Instant::now();
        let mut unread = 0;
        let response = loop {
            write!(out, "{hint}> ")?;
            out.flush()?;
            let Some(line) = lines.next() else {
                break 'questions;
            };
            let line = line?;
            if matches!(line.trim(), "q" | "quit" | "ㅂ") {
                break 'questions;
            }
            if let Some(r) = session::parse_response(q, item, &line) {
                break r;
            }
            unread += 1;
            if unread >= MAX_UNREADABLE {
                // A script's next lines belong to the next questions: do not eat them all here.
                writeln!(
                    out,
                    "{}",
                    lang.pick(
                        "답을 세 번 읽지 못해서 이 문제는 틀린 것으로 하고 넘어가요",
                        "three answers not understood: this one counts as wrong, moving on"
                    )
                )?;
                break Response::Choices(Vec::new());
            }
            let again = match (lang, q.kind) {
                (Lang::Ko, Kind::Multiple) => format!(
                    "이해하지 못했어요. 보기 번호 {}개를 쉼표로 구분해 다시 입력해 주세요",
                    q.correct_ids().len()
                ),
                (Lang::En, Kind::Multiple) => format!(
                    "not understood: type {} choice numbers separated by commas",
                    q.correct_ids().len()
                ),
                (_, Kind::Numeric) => lang
                    .pick(
                        "이해하지 못했어요. 숫자로 다시 입력해 주세요",
                        "not understood: type a number",
                    )
                    .to_owned(),
                _ => lang
                    .pick(
                        "이해하지 못했어요. 보기 번호 하나를 다시 입력해 주세요",
                        "not understood: type one choice number",
                    )
                    .to_owned(),
            };
            writeln!(out, "{again}")?;
        };
        asked += 1;
        let ok = session::grade(q, &response);
        if ok {
            correct += 1;
            writeln!(out, "{}", lang.pick("✓ 정답이에요.", "✓ Correct."))?;
        } else {
            writeln!(out, "{}", lang.pick("✗ 틀렸어요.", "✗ Not quite."))?;
            if let Response::Choices(chosen) = &response {
                for ch in q.choices.iter().filter(|c| chosen.contains(&c.id)) {
                    if let Some(why) = &ch.why {
                        writeln!(
                            out,
                            "  {} {}",
                            text::sanitize(&ch.text),
                            text::sanitize(why)
                        )?;
                    }
                }
            }
            let right: Vec<String> = item
                .order
                .iter()
                .enumerate()
                .filter(|(_, c)| q.correct_ids().contains(&q.choices[**c].id.as_str()))
                .map(|(i, c)| format!("{}) {}", i + 1, q.choices[*c].text))
                .collect();
            let answer = if right.is_empty() {
                match q.answer {
                    gureum::quiz::Answer::Number(n) => {
                        format!("{n} {}", q.unit.as_deref().unwrap_or(""))
                    }
                    _ => String::new(),
                }
            } else {
                right.join(", ")
            };
            writeln!(
                out,
                "{} {}",
                lang.pick("정답:", "Answer:"),
                text::sanitize(&answer)
            )?;
        }
        let explanation = if lang == Lang::En {
            q.explanation_en.as_deref().unwrap_or(&q.explanation)
        } else {
            &q.explanation
        };
        writeln!(out, "{}", text::sanitize(explanation.trim()))?;
        let (lesson_id, _) = q.lesson.split_once('#').unwrap_or((&q.lesson, ""));
        writeln!(
            out,
            "({} {} — `gureum read {lesson_id}`)",
            lang.pick("레슨:", "lesson:"),
            lesson_label(library, &q.lesson)
        )?;
        let chosen = match &response {
            Response::Choices(ids) => ids.clone(),
            Response::Number(n) => vec![n.to_string()],
        };
        let now = gureum::clock::now();
        store.set_now(now);
        let log = AnswerLog {
            question: q.id.clone(),
            at: now.secs(),
            correct: ok,
            chosen,
            time_ms: shown.elapsed().as_millis() as u64,
        };
        let (time_ms, at) = (log.time_ms, log.at);
        // Committed before the next question is asked: a killed run keeps every answer.
        let difficulty = q.difficulty;
        store.record_answer(log, |card| {
            scheduler.answer(card, ok, time_ms, difficulty, at)
        });
    }
    Ok((asked, correct))
}
