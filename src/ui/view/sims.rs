//! Drawing the simulation list and one simulation: settings, pictures of the result, the
//! challenge, the learner's prediction and the explanation trail.

use ratatui::Frame;
use ratatui::layout::{Constraint, Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Axis, Block, Chart, Dataset, GraphType, LegendPosition, Paragraph, Sparkline,
};

use super::{deploy, sim_diagram, sims_newer, status_bar, title_bar};
use crate::sims::{Input, Outcome, Preset, Sim};
use crate::strings::Lang;
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::screen::Ctx;
use crate::ui::theme::Theme;
use simulations::Explanation;

pub(in crate::ui) fn topic_label(p: &Preset) -> &'static str {
    match p {
        Preset::Lambda(_) => "Lambda",
        Preset::Ddb(_) => "DynamoDB",
        Preset::Cfn(_) => "CFN",
        Preset::Deploy(_) => "Deploy",
        Preset::Phoenix(_) => "Phoenix",
        Preset::Sessions(_) => "Session",
        Preset::Cache(_) => "Cache",
        Preset::Replicas(_) => "RDS",
        Preset::Throttle(_) => "API GW",
    }
}

fn body(area: Rect) -> (Rect, Rect, Rect) {
    let b = crate::ui::layout::Bands::of(area);
    (b.title, b.body, b.status)
}

pub(in crate::ui) fn wrapped(s: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    s.lines()
        .flat_map(|para| text::wrap(para.trim(), usize::from(width.max(1))))
        .map(|l| Line::styled(l, style))
        .collect()
}

/// One simulation; `picture` is the diagram-or-chart choice (see `sim_diagram`).
pub(in crate::ui) fn draw_sim(
    sim: &Sim,
    picture: sim_diagram::Picture,
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
) {
    let lang = ctx.lang;
    let Some(preset) = ctx.presets.get(sim.preset) else {
        return;
    };
    let (title, body, status) = body(area);
    let narrow = title.width < 60;
    let verdict = match (sim.passed, narrow) {
        (Some(true), false) => lang.pick("✓ 과제 통과", "✓ challenge passed"),
        (Some(false), false) => lang.pick("✗ 아직 통과 못 했어요", "✗ not passed yet"),
        (Some(true), true) => "✓",
        (Some(false), true) => "✗",
        (None, _) => "",
    };
    let crumb = format!(
        "{} › {}",
        lang.pick("시뮬레이션", "Simulations"),
        preset.title(lang)
    );
    title_bar(ctx, frame, title, &crumb, verdict);

    let wide = body.width >= 90 && body.height >= 20;
    let (params_area, result_area) = if wide {
        let w = 42.min(body.width / 2);
        (
            Rect { width: w, ..body },
            Rect {
                x: body.x + w,
                width: body.width - w,
                ..body
            },
        )
    } else {
        // Narrow: the challenge (and the scenario, unless folded with `t`) on top, then a few
        // settings that scroll, and the rest for the result, whose chart keeps 6 rows.
        let result_min = RESULT_MIN.min(body.height);
        let params_min = (sim.params.len() as u16 + 2).min(5);
        let story_room = body.height.saturating_sub(result_min + params_min);
        let story = story_lines(ctx, sim, preset, body.width, story_room);
        let story_h = story.len() as u16;
        frame.render_widget(
            Paragraph::new(story),
            Rect {
                height: story_h,
                ..body
            },
        );
        let rest = body.height.saturating_sub(story_h);
        let h = (sim.params.len() as u16 + 2)
            .min(rest.saturating_sub(result_min))
            .max(params_min.min(rest));
        (
            Rect {
                y: body.y + story_h,
                height: h,
                ..body
            },
            Rect {
                y: body.y + story_h + h,
                height: rest.saturating_sub(h),
                ..body
            },
        )
    };
    draw_params(ctx, sim, preset, frame, params_area, wide);
    draw_result(ctx, sim, picture, frame, result_area);

    if let Some(input) = &sim.input {
        let (prompt, text) = match input {
            Input::Value(t) => {
                let range = sim
                    .params
                    .get(sim.selected)
                    .map(crate::sims::Param::range)
                    .unwrap_or_default();
                (
                    format!(" {} ({range}): ", lang.pick("새 값", "New value")),
                    t,
                )
            }
            Input::Guess(t) => (format!(" {} ", Sim::guess_prompt(preset, lang)), t),
        };
        let mut spans = vec![
            Span::styled(prompt.clone(), ctx.theme.key()),
            Span::raw(text.to_string()),
        ];
        // A rejected value stays in the box; the reason follows it on the same line.
        if let Some(note) = &sim.note {
            spans.push(Span::styled(format!("  {note}"), ctx.theme.warning()));
        }
        let line = Line::from(spans);
        frame.render_widget(Paragraph::new(line).style(ctx.theme.status_bar()), status);
        let x = status.x + (text::width(&prompt) + crate::ui::text_input::caret(text, text)) as u16;
        frame.set_cursor_position(Position {
            x: x.min(status.right().saturating_sub(1)),
            y: status.y,
        });
    } else {
        let note = sim
            .note
            .as_ref()
            .map(|n| Span::styled(n.clone(), ctx.theme.warning()));
        status_bar(ctx, frame, status, &[Context::Sim], note);
    }
}

/// Rows a narrow result panel needs: its border, a 6-row chart and 3 rows of text.
const RESULT_MIN: u16 = 11;

/// The challenge and (unless folded) the scenario, in at most `room` rows of `width` cells.
fn story_lines(ctx: &Ctx, sim: &Sim, preset: &Preset, width: u16, room: u16) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    // At most 5 rows: the settings and the chart need the rest.
    let room = usize::from(room).min(5);
    if room == 0 {
        return Vec::new();
    }
    let w = width.saturating_sub(1);
    let mut lines = wrapped(
        &format!(
            "{} {}",
            lang.pick("과제:", "Challenge:"),
            preset.challenge(lang)
        ),
        w,
        ctx.theme.key(),
    );
    let fold = if sim.story_open {
        lang.pick("t: 상황 접기", "t: fold the scenario")
    } else {
        lang.pick("t: 상황 펼치기", "t: show the scenario")
    };
    if sim.story_open {
        lines.extend(wrapped(preset.description(lang), w, ctx.theme.dim()));
    }
    if lines.len() >= room {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            let plain: String = last.spans.iter().map(|s| s.content.as_ref()).collect();
            let keep = usize::from(w).saturating_sub(text::width(fold) + 3);
            *last = Line::styled(
                format!("{} ({fold})", text::truncate(&plain, keep)),
                last.style,
            );
        }
    } else if lines.len() < room {
        lines.push(Line::styled(fold.to_owned(), ctx.theme.dim()));
    }
    lines
}

fn draw_params(
    ctx: &Ctx,
    sim: &Sim,
    preset: &Preset,
    frame: &mut Frame,
    area: Rect,
    with_challenge: bool,
) {
    let lang = ctx.lang;
    let block = Block::bordered()
        .title(format!(" {} ", lang.pick("설정", "Settings")))
        .border_style(ctx.theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    // Keep the selected setting in view when the panel is shorter than the list.
    let rows = usize::from(inner.height).max(1);
    let offset = if sim.params.len() > rows {
        (sim.selected + 1).saturating_sub(rows)
    } else {
        0
    };
    for (i, p) in sim.params.iter().enumerate().skip(offset) {
        let label = lang.pick(p.label.0, p.label.1);
        let value = format!("{}{}", p.display(lang), if p.locked { " •" } else { "" });
        let room = width.saturating_sub(text::width(&value) + 2);
        let label = text::fit(label, room);
        let style = if i == sim.selected {
            ctx.theme.selected()
        } else if p.locked {
            ctx.theme.dim()
        } else {
            Style::new()
        };
        lines.push(
            Line::from(vec![
                Span::raw(" "),
                Span::raw(label),
                Span::styled(value, ctx.theme.key()),
                Span::raw(" "),
            ])
            .style(style),
        );
    }
    let room = lines.len() + 2 <= usize::from(inner.height);
    if let Some(p) = sim.params.get(sim.selected).filter(|p| !p.switch && room) {
        let hint = if p.is_choice() {
            // A list of options has no numeric range: say where we are in it and how to move.
            format!(
                " {}/{} · {}",
                p.value.round() as i64 + 1,
                p.choices.len(),
                lang.pick("←/→ 또는 Enter로 바꿔요", "←/→ or Enter to change")
            )
        } else {
            format!(" {} {}", lang.pick("범위", "range"), p.range())
        };
        lines.push(Line::styled(hint, ctx.theme.dim()));
    }
    if sim.params.iter().any(|p| p.locked) && lines.len() < usize::from(inner.height) {
        lines.push(Line::styled(
            format!(
                " • {}",
                lang.pick("과제에서 고정된 값이에요", "fixed by the challenge")
            ),
            ctx.theme.dim(),
        ));
    }
    if with_challenge {
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            &format!(
                "{} {}",
                lang.pick("과제:", "Challenge:"),
                preset.challenge(lang)
            ),
            inner.width.saturating_sub(1),
            ctx.theme.key(),
        ));
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            preset.description(lang),
            inner.width.saturating_sub(1),
            ctx.theme.dim(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_result(ctx: &Ctx, sim: &Sim, picture: sim_diagram::Picture, frame: &mut Frame, area: Rect) {
    let lang = ctx.lang;
    let block = Block::bordered()
        .title(format!(" {} ", lang.pick("결과", "Result")))
        .border_style(ctx.theme.border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let Some(outcome) = &sim.outcome else {
        let hint = lang.pick(
            "설정을 바꾸고 r(또는 F5)을 눌러 실행해요. 실행하기 전에 결과를 먼저 예측해 보세요.",
            "Change the settings and press r (or F5) to run. You will be asked to predict the result first.",
        );
        frame.render_widget(
            Paragraph::new(wrapped(hint, inner.width, ctx.theme.dim())),
            inner,
        );
        return;
    };
    let compare_trail: Vec<Explanation>;
    let (summary, trail): (Vec<Line>, &[Explanation]) = match outcome {
        Outcome::Invalid(msg) => {
            frame.render_widget(
                Paragraph::new(wrapped(msg, inner.width, ctx.theme.warning())),
                inner,
            );
            return;
        }
        Outcome::Lambda(r) => (lambda_summary(ctx, sim, r), &r.explanations),
        Outcome::Ddb(r) => (ddb_summary(ctx, sim, r), &r.explanation),
        Outcome::Deploy(r) => (deploy::deploy_summary(ctx, sim, r), &r.explanation),
        Outcome::Compare(rs) => {
            compare_trail = deploy::compare_trail(rs);
            (deploy::compare_summary(ctx, sim, rs), &compare_trail)
        }
        Outcome::Phoenix(r) => (deploy::phoenix_summary(ctx, sim, r), &r.explanation),
        Outcome::Sessions(r) => (newer_summary(ctx, sim, outcome), &r.explanation),
        Outcome::Cache(r) => (newer_summary(ctx, sim, outcome), &r.explanation),
        Outcome::Replicas(r) => (newer_summary(ctx, sim, outcome), &r.explanation),
        Outcome::Throttle(r) => (newer_summary(ctx, sim, outcome), &r.explanation),
    };
    // Pictures take the top, the summary and explanation trail the rest.
    // A chart keeps at least 6 rows; the text below scrolls.
    let mut pic_h = (inner.height * 11 / 20).max(CHART_MIN).min(
        inner
            .height
            .saturating_sub(2)
            .max(inner.height.min(CHART_MIN)),
    );
    if let Outcome::Compare(rs) = outcome {
        // The table is the point of a comparison: give it its rows when the window allows.
        pic_h = pic_h
            .max(deploy::compare_height(rs))
            .min(inner.height.saturating_sub(1));
    }
    // The architecture diagram above the chart, or in its place (sim_diagram).
    let (inner, pic_h, diagram) = sim_diagram::place(ctx, outcome, picture, frame, inner, pic_h);
    let pic = Rect {
        height: pic_h,
        ..inner
    };
    match outcome {
        _ if pic_h == 0 => {}
        Outcome::Lambda(r) => draw_lambda_picture(ctx.theme, lang, r, frame, pic),
        Outcome::Ddb(r) => draw_ddb_picture(ctx.theme, lang, r, frame, pic),
        Outcome::Deploy(r) => deploy::draw_deploy_picture(ctx, r, frame, pic),
        Outcome::Compare(rs) => deploy::draw_compare_picture(ctx, rs, frame, pic),
        Outcome::Phoenix(r) => deploy::draw_phoenix_picture(ctx, r, frame, pic),
        Outcome::Invalid(_) => {}
        _ => {
            sims_newer::draw_picture(ctx, outcome, frame, pic);
        }
    }
    let rest = Rect {
        y: inner.y + pic_h,
        height: inner.height - pic_h,
        ..inner
    };
    let mut lines: Vec<Line> = diagram;
    lines.extend(summary.into_iter().flat_map(|l| {
        let style = l.style;
        let plain: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
        text::wrap(&plain, usize::from(rest.width).max(1))
            .into_iter()
            .map(move |w| Line::styled(w, style))
    }));
    lines.extend(condition_lines(ctx, sim, usize::from(rest.width)));
    lines.push(Line::styled(
        lang.pick("왜 이렇게 되나요", "Why"),
        Style::new().add_modifier(Modifier::BOLD),
    ));
    for e in trail {
        let t = if lang == Lang::En { &e.en } else { &e.ko };
        for (i, l) in text::wrap(t, usize::from(rest.width.saturating_sub(2)).max(1))
            .into_iter()
            .enumerate()
        {
            lines.push(Line::raw(if i == 0 {
                format!("• {l}")
            } else {
                format!("  {l}")
            }));
        }
    }
    let scroll = sim
        .trail_scroll
        .min(lines.len().saturating_sub(usize::from(rest.height)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), rest);
}

/// Rows a chart keeps on any screen: 6 for the plot and its axis, 1 for the legend.
const CHART_MIN: u16 = 7;

fn newer_summary(ctx: &Ctx, sim: &Sim, outcome: &Outcome) -> Vec<Line<'static>> {
    sims_newer::summary(ctx, sim, outcome).unwrap_or_default()
}

/// The challenge, condition by condition: ✓/✗, the condition, and what was measured.
fn condition_lines(ctx: &Ctx, sim: &Sim, width: usize) -> Vec<Line<'static>> {
    let Some(ch) = &sim.challenge else {
        return Vec::new();
    };
    let lang = ctx.lang;
    let mut lines = vec![Line::styled(
        if ch.passed {
            lang.pick(
                "✓ 과제 통과: 모든 조건을 지켰어요",
                "✓ Challenge passed: every condition holds",
            )
        } else {
            lang.pick(
                "✗ 과제: 아직 못 지킨 조건이 있어요",
                "✗ Challenge: some conditions do not hold yet",
            )
        },
        sims_newer::verdict_style(ctx, ch.passed),
    )];
    // A setting the challenge keeps fixed is listed only when it was changed (the screen
    // locks them, so that is a scenario file's or an old run's).
    for c in ch
        .conditions
        .iter()
        .filter(|c| !(c.passed && c.id.starts_with("fixed.")))
    {
        let label = if lang == Lang::En {
            &c.label_en
        } else {
            &c.label_ko
        };
        let measured = if c.id.starts_with("fixed.") {
            if c.passed {
                lang.pick("그대로", "unchanged").to_owned()
            } else {
                lang.pick("바뀜", "changed").to_owned()
            }
        } else if c.measured.is_nan() {
            lang.pick("없음", "none").to_owned()
        } else {
            measured_text(c.measured)
        };
        let mark = if c.passed { "✓" } else { "✗" };
        let text = if c.id.starts_with("fixed.") {
            format!("{mark} {label} — {measured}")
        } else {
            format!(
                "{mark} {label} — {} {measured}",
                lang.pick("측정", "measured")
            )
        };
        for (i, l) in text::wrap(&text, width.max(1)).into_iter().enumerate() {
            let l = if i == 0 { l } else { format!("  {l}") };
            lines.push(Line::styled(l, sims_newer::verdict_style(ctx, c.passed)));
        }
    }
    lines
}

/// A measured number with separators: whole numbers grouped, small ones with decimals.
fn measured_text(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        crate::sims::compare::group(v)
    } else if v.abs() >= 100.0 {
        format!("{v:.1}")
    } else if v.abs() >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.4}")
    }
}

pub(super) fn guess_line(ctx: &Ctx, sim: &Sim, what: &str) -> Option<Line<'static>> {
    let (guess, actual) = (sim.guess?, sim.actual()?);
    let close = (guess - actual).abs() <= (actual * 0.25).max(1.0);
    let verdict = match (ctx.lang, close) {
        (Lang::Ko, true) => "잘 맞혔어요",
        (Lang::Ko, false) => "예측과 달라요. 아래 설명을 읽어 보세요",
        (Lang::En, true) => "close!",
        (Lang::En, false) => "not quite: read why below",
    };
    let label = ctx.lang.pick("예측", "predicted");
    let real = ctx.lang.pick("실제", "actual");
    Some(Line::styled(
        format!("{label} {guess:.1}% → {real} {actual:.2}% {what} · {verdict}"),
        if close {
            ctx.theme.done()
        } else {
            ctx.theme.partial()
        },
    ))
}

fn lambda_summary(
    ctx: &Ctx,
    sim: &Sim,
    r: &simulations::lambda::LambdaResult,
) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let mut lines = vec![Line::raw(match lang {
        Lang::Ko => format!(
            "요청 {} · 콜드 스타트 {} ({:.2}%) · 스로틀 {} · DLQ {} · 최대 동시성 {}",
            r.events, r.cold_starts, r.cold_start_pct, r.throttles, r.dlq, r.max_concurrency
        ),
        Lang::En => format!(
            "events {} · cold starts {} ({:.2}%) · throttles {} · DLQ {} · max concurrency {}",
            r.events, r.cold_starts, r.cold_start_pct, r.throttles, r.dlq, r.max_concurrency
        ),
    })];
    lines.push(Line::raw(format!(
        "p50 {} ms · p95 {} ms · p99 {} ms · {} ${:.6}",
        r.p50_ms,
        r.p95_ms,
        r.p99_ms,
        lang.pick("비용", "cost"),
        r.cost_usd
    )));
    let what = ctx
        .presets
        .get(sim.preset)
        .map_or("", |p| p.lambda_goal_word(lang));
    lines.extend(guess_line(ctx, sim, what));
    lines
}

fn ddb_summary(ctx: &Ctx, sim: &Sim, r: &simulations::dynamodb::SimReport) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let secs = r.seconds.len().max(1) as f64;
    let mean = r.seconds.iter().map(|s| s.consumed).sum::<f64>() / secs;
    let util = if r.provisioned == 0 {
        0.0
    } else {
        mean * 100.0 / r.provisioned as f64
    };
    let mut lines = vec![Line::raw(match lang {
        Lang::Ko => format!(
            "요청 {} · 처리 {} · 스로틀 {} · 파티션 {}개 · 테이블 평균 사용률 {util:.0}%",
            r.total_offered, r.total_served, r.total_throttled, r.partitions
        ),
        Lang::En => format!(
            "offered {} · served {} · throttled {} · {} partitions · mean table use {util:.0}%",
            r.total_offered, r.total_served, r.total_throttled, r.partitions
        ),
    })];
    lines.extend(guess_line(ctx, sim, lang.pick("스로틀", "throttled")));
    lines
}

fn draw_lambda_picture(
    theme: Theme,
    lang: Lang,
    r: &simulations::lambda::LambdaResult,
    frame: &mut Frame,
    area: Rect,
) {
    let spark_h: u16 = if area.height >= 10 { 2 } else { 0 };
    let chart_area = Rect {
        height: area.height.saturating_sub(spark_h * 2),
        ..area
    };
    let pts = |f: fn(&simulations::lambda::SecondStats) -> f64| -> Vec<(f64, f64)> {
        r.timeline.iter().map(|s| (s.t_s as f64, f(s))).collect()
    };
    // Braille gives two points per cell: average the seconds down to that, or the lines turn to noise.
    let cols = usize::from(chart_area.width.saturating_sub(6)).max(1) * 2;
    let (busy, idle, init) = (
        downsample(&pts(|s| s.busy), cols),
        downsample(&pts(|s| s.idle), cols),
        downsample(&pts(|s| s.init), cols),
    );
    let ymax = busy
        .iter()
        .chain(&idle)
        .chain(&init)
        .map(|p| p.1)
        .fold(1.0_f64, f64::max)
        .ceil();
    let xmax = r.timeline.len().max(1) as f64;
    let color = |c| theme.series(c);
    let datasets = vec![
        line(lang.pick("실행 중", "busy"), color(Color::Green), &busy),
        line(lang.pick("대기", "idle"), color(Color::Blue), &idle),
        line("Init", color(Color::Yellow), &init),
    ];
    let chart = time_chart(theme, datasets, LegendPosition::TopLeft, xmax, ymax);
    frame.render_widget(chart, chart_area);
    if spark_h > 0 {
        let cold: Vec<u64> = r
            .timeline
            .iter()
            .map(|s| u64::from(s.cold_starts))
            .collect();
        let thr: Vec<u64> = r.timeline.iter().map(|s| u64::from(s.throttles)).collect();
        for (i, (label, data, c)) in [
            (
                lang.pick("콜드 스타트", "cold starts"),
                &cold,
                Color::Yellow,
            ),
            (lang.pick("스로틀", "throttles"), &thr, Color::Red),
        ]
        .into_iter()
        .enumerate()
        {
            let y = chart_area.bottom() + i as u16 * spark_h;
            let label_w = 12.min(area.width / 3);
            frame.render_widget(
                Paragraph::new(Line::styled(
                    text::fit(label, usize::from(label_w)),
                    theme.dim(),
                )),
                Rect {
                    x: area.x,
                    y,
                    width: label_w,
                    height: 1,
                },
            );
            let spark_area = Rect {
                x: area.x + label_w,
                y,
                width: area.width.saturating_sub(label_w),
                height: spark_h,
            };
            // Squeeze the timeline into the available columns by taking each column's maximum.
            let cols = usize::from(spark_area.width).max(1);
            let per = data.len().div_ceil(cols).max(1);
            let squeezed: Vec<u64> = data
                .chunks(per)
                .map(|c| c.iter().copied().max().unwrap_or(0))
                .collect();
            frame.render_widget(
                Sparkline::default().data(&squeezed).style(color(c)),
                spark_area,
            );
        }
    }
}

fn draw_ddb_picture(
    theme: Theme,
    lang: Lang,
    r: &simulations::dynamodb::SimReport,
    frame: &mut Frame,
    area: Rect,
) {
    let color = |c| theme.series(c);
    let n = r.partitions as usize;
    let gauge_rows = n.min(usize::from(area.height / 2)).min(8);
    let secs = r.seconds.len().max(1) as f64;
    let width = usize::from(area.width);
    let mut lines = Vec::new();
    for p in 0..gauge_rows {
        let consumed = r
            .seconds
            .iter()
            .filter_map(|s| s.partitions.get(p))
            .map(|ps| ps.consumed)
            .sum::<f64>()
            / secs;
        let throttled: u64 = r
            .seconds
            .iter()
            .filter_map(|s| s.partitions.get(p))
            .map(|ps| ps.throttled)
            .sum();
        let label = format!("P{:<2} ", p + 1);
        let tail = format!(
            " {consumed:>6.0}/{:.0} {}",
            r.partition_share,
            if throttled > 0 {
                format!("· {} {throttled}", lang.pick("스로틀", "throttled"))
            } else {
                String::new()
            }
        );
        let bar_w = width
            .saturating_sub(text::width(&label) + text::width(&tail))
            .max(4);
        // The bar's full width is the partition ceiling; the share mark shows the provisioned share.
        let ceiling = r.partition_ceiling.max(1.0);
        let filled = ((consumed / ceiling) * bar_w as f64).round() as usize;
        let share_at = ((r.partition_share / ceiling) * bar_w as f64).round() as usize;
        let mut bar = String::new();
        for i in 0..bar_w {
            bar.push(if i < filled.min(bar_w) {
                '█'
            } else if i == share_at.min(bar_w - 1) {
                '┆'
            } else {
                '░'
            });
        }
        let style = if throttled > 0 {
            color(Color::Red)
        } else {
            color(Color::Green)
        };
        lines.push(Line::from(vec![
            Span::styled(label, theme.dim()),
            Span::styled(bar, style),
            Span::raw(tail),
        ]));
    }
    if n > gauge_rows {
        lines.push(Line::styled(format!("… +{}", n - gauge_rows), theme.dim()));
    }
    let gauges_h = lines.len() as u16;
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: gauges_h.min(area.height),
            ..area
        },
    );
    let chart_area = Rect {
        y: area.y + gauges_h,
        height: area.height.saturating_sub(gauges_h),
        ..area
    };
    if chart_area.height < 3 {
        return;
    }
    let bank: Vec<(f64, f64)> = r
        .seconds
        .iter()
        .map(|s| (f64::from(s.second), s.burst_bank))
        .collect();
    let bank = downsample(
        &bank,
        usize::from(chart_area.width.saturating_sub(6)).max(1) * 2,
    );
    let ymax = bank.iter().map(|p| p.1).fold(1.0_f64, f64::max);
    let xmax = r.seconds.len().max(1) as f64;
    let ds = vec![line(
        lang.pick("버스트 잔량", "burst bank"),
        color(Color::Magenta),
        &bank,
    )];
    let chart = time_chart(theme, ds, LegendPosition::TopRight, xmax, ymax);
    frame.render_widget(chart, chart_area);
}

/// At most `max` points: consecutive points averaged together.
fn downsample(points: &[(f64, f64)], max: usize) -> Vec<(f64, f64)> {
    if points.len() <= max {
        return points.to_vec();
    }
    let per = points.len().div_ceil(max.max(1));
    points
        .chunks(per)
        .map(|c| {
            let n = c.len() as f64;
            (
                c.iter().map(|p| p.0).sum::<f64>() / n,
                c.iter().map(|p| p.1).sum::<f64>() / n,
            )
        })
        .collect()
}

/// One named line of a time chart, drawn in braille dots.
pub(super) fn line<'a>(name: &'static str, style: Style, data: &'a [(f64, f64)]) -> Dataset<'a> {
    Dataset::default()
        .name(name)
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(style)
        .data(data)
}

/// A chart over simulated seconds (x from 0 to `xmax` s, y from 0 to `ymax`), labelled at both ends.
pub(super) fn time_chart(
    theme: Theme,
    datasets: Vec<Dataset<'_>>,
    legend: LegendPosition,
    xmax: f64,
    ymax: f64,
) -> Chart<'_> {
    Chart::new(datasets)
        // The chart paints its plot's background: the palette's, not the terminal's.
        .style(theme.base())
        .legend_position(Some(legend))
        .hidden_legend_constraints((Constraint::Percentage(60), Constraint::Percentage(60)))
        .x_axis(
            Axis::default()
                .bounds([0.0, xmax])
                .labels(vec![Line::raw("0"), Line::raw(format!("{xmax:.0}s"))])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, ymax])
                .labels(vec![Line::raw("0"), Line::raw(format!("{ymax:.0}"))])
                .style(theme.dim()),
        )
}
