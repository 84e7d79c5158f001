//! `gureum stats [--json]`: review cards and the 7-day forecast, per exam domain accuracy over
//! recent answers (weighted by the blueprint), and the mock-exam scores over time.

use std::io::Write;
use std::process::ExitCode;

use clap::Args;
use gureum::quiz::exam::readiness::{self, DomainAccuracy};
use gureum::quiz::exam::{ExamId, PASSING_SCORE, domain_label};
use gureum::quiz::review;
use gureum::quiz::{Bank, BankSource};
use gureum::strings::Lang;
use serde_json::{Map, Value, json};

/// Arguments of `gureum stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// JSON으로 출력해요
    #[arg(long)]
    json: bool,
}

/// Width of a text bar, in cells.
const BAR: usize = 20;

fn domain_json(answered: usize, correct: usize) -> Value {
    let accuracy = (answered > 0).then(|| correct as f64 / answered as f64);
    json!({ "answered": answered, "correct": correct, "accuracy": accuracy })
}

/// `value` of `max` as a bar of [`BAR`] cells, with a `|` at `mark` (of `max`) if given.
fn bar(value: f64, max: f64, mark: Option<f64>) -> String {
    let filled = ((value / max).clamp(0.0, 1.0) * BAR as f64).round() as usize;
    let mark = mark.map(|m| ((m / max).clamp(0.0, 1.0) * BAR as f64).round() as usize);
    (0..BAR)
        .map(|i| match (mark == Some(i), i < filled) {
            (true, _) => '|',
            (false, true) => '█',
            (false, false) => '░',
        })
        .collect()
}

/// Runs `gureum stats`.
pub fn run(args: &StatsArgs, banks: &BankSource, lang: Lang) -> anyhow::Result<ExitCode> {
    let bank = Bank::load(banks);
    // The command's one clock reading.
    let clock = gureum::clock::now();
    let store = super::bank::open_store(lang, clock)?;
    let now = clock.secs();
    let cards = &store.progress().cards;
    let forecast = review::forecast(cards.values(), now, review::local_offset_s());
    let finished = store.finished_exams()?;
    let outcomes = readiness::outcomes(&store.answers()?, &finished, &bank);
    let domains = readiness::domain_accuracy(&outcomes);
    let scores = readiness::exam_scores(&finished, &bank);
    let mut out = crate::cli::stdout();
    if args.json {
        let domain_map: Map<String, Value> = domains
            .iter()
            .map(|d| (d.domain.to_owned(), domain_json(d.answered, d.correct)))
            .collect();
        let exams: Vec<Value> = scores
            .iter()
            .map(|s| {
                let d: Map<String, Value> = s
                    .domains
                    .iter()
                    .map(|&(id, total, correct)| (id.to_owned(), domain_json(total, correct)))
                    .collect();
                json!({
                    "finished_at": s.finished_at,
                    "exam": s.exam.id(),
                    "count": s.count,
                    "percent": s.percent,
                    "scaled_estimate": s.scaled_estimate,
                    "domains": d,
                })
            })
            .collect();
        let ready: Map<String, Value> = ExamId::ALL
            .iter()
            .map(|&e| {
                (
                    e.id().to_owned(),
                    json!(readiness::weighted_accuracy(&domains, e)),
                )
            })
            .collect();
        let value = json!({
            "cards": cards.len(),
            "due_now": forecast.due_now,
            "due_later_today": forecast.later_today,
            "due_next_7_days": forecast.next_days,
            "domains": domain_map,
            "weighted_accuracy": ready,
            "exams": exams,
        });
        out.json(&value, true)?;
        return Ok(ExitCode::SUCCESS);
    }
    let en = lang == Lang::En;
    if en {
        writeln!(
            out,
            "Review cards: {} · due now: {}",
            cards.len(),
            forecast.due_now
        )?;
        writeln!(out, "Forecast: {}", forecast.line(lang))?;
        writeln!(
            out,
            "\nReadiness (accuracy over the last {} answers per domain, weighted by the exam guide)",
            readiness::RECENT_ANSWERS
        )?;
    } else {
        writeln!(
            out,
            "복습 카드 {}장 · 지금 복습할 문제 {}개",
            cards.len(),
            forecast.due_now
        )?;
        writeln!(out, "예보: {}", forecast.line(lang))?;
        writeln!(
            out,
            "\n준비도 (영역마다 최근 답 {}개의 정답률, 시험 안내서의 비중으로 가중)",
            readiness::RECENT_ANSWERS
        )?;
    }
    for exam in ExamId::ALL {
        let weighted = readiness::weighted_accuracy(&domains, exam).map_or_else(
            || lang.pick("답한 문제 없음", "no answers").to_owned(),
            |a| format!("{:.0}%", a * 100.0),
        );
        writeln!(
            out,
            "{}  {} {weighted}",
            exam.code(),
            lang.pick("가중 정답률", "weighted accuracy")
        )?;
        let mine: Vec<&DomainAccuracy> = domains.iter().filter(|d| d.exam == exam).collect();
        // Domains by name in the user's language (ids stay in --json), padded by display width.
        let names: Vec<String> = mine.iter().map(|d| domain_label(d.domain, lang)).collect();
        let name_w = names
            .iter()
            .map(|n| gureum::text::width(n))
            .max()
            .unwrap_or(0);
        for (d, name) in mine.into_iter().zip(names) {
            let acc = d.accuracy();
            let shown = acc.map_or_else(|| "  -".to_owned(), |a| format!("{:>3.0}%", a * 100.0));
            let pad = " ".repeat(name_w.saturating_sub(gureum::text::width(&name)));
            writeln!(
                out,
                "  {name}{pad} {:>2}%  {}  {shown} ({}/{})",
                d.weight,
                bar(acc.unwrap_or(0.0), 1.0, None),
                d.correct,
                d.answered
            )?;
        }
    }
    writeln!(
        out,
        "\n{} ({} {PASSING_SCORE}, |)",
        lang.pick("모의고사 점수 (추정)", "Mock exam scores (estimated)"),
        lang.pick("합격선", "pass mark")
    )?;
    if scores.is_empty() {
        writeln!(
            out,
            "  {}",
            lang.pick("아직 끝낸 모의고사가 없어요", "No finished mock exams yet")
        )?;
    }
    let zone = chrono::FixedOffset::east_opt(i32::try_from(review::local_offset_s()).unwrap_or(0))
        .unwrap_or(chrono::FixedOffset::east_opt(0).expect("UTC is a valid offset"));
    for s in &scores {
        let date = chrono::DateTime::from_timestamp(i64::try_from(s.finished_at).unwrap_or(0), 0)
            .map(|d| d.with_timezone(&zone).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default();
        let pass = if s.scaled_estimate >= PASSING_SCORE {
            "✓"
        } else {
            " "
        };
        writeln!(
            out,
            "  {date}  {}  {}  {:>4} {pass} ({}/{}, {:.0}%)",
            s.exam.code(),
            bar(
                f64::from(s.scaled_estimate),
                1000.0,
                Some(f64::from(PASSING_SCORE))
            ),
            s.scaled_estimate,
            s.correct,
            s.count,
            s.percent
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
