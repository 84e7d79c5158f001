//! Drawing the simulation list and one simulation: settings, pictures of the result, the
//! challenge, the learner's prediction and the explanation trail.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, GraphType, Paragraph, Sparkline};

use super::sims_newer::RunSeries;
use super::{deploy, sim_diagram, sims_newer, status_bar, title_bar};
use crate::sims::compare::group;
use crate::sims::{Input, Outcome, Preset, Sim};
use crate::strings::Lang;
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::screen::Ctx;
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

/// Where each part of a simulation screen goes. [`draw_sim`] draws into exactly these areas,
/// so what a test reads here is what the screen shows.
///
/// The chart's area is decided here (`picture` and `chart`): on a narrow screen the result
/// panel is given its rows first (a chart of [`CHART_ROWS`] plus its legend or gauges, and
/// [`TEXT_ROWS`] of summary), then the challenge and scenario (at most 5 rows), and the
/// settings take what is left and scroll.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SimLayout {
    /// The title bar.
    pub title: Rect,
    /// The status bar.
    pub status: Rect,
    /// The challenge and scenario above the settings (narrow screens; empty on a wide one,
    /// which shows them in the settings panel).
    pub story: Rect,
    /// The settings panel, border included.
    pub params: Rect,
    /// Whether the screen is wide (settings on the left, result on the right).
    pub wide: bool,
    /// The result panel, border included.
    pub result: Rect,
    /// The result's picture: its legend or gauges and its chart (empty before a run).
    pub picture: Rect,
    /// The chart itself, its axes included (for a table or a list, the whole picture).
    pub chart: Rect,
    /// The summary, the challenge's conditions and the explanation trail (scrolls).
    pub text: Rect,
}

/// Rows a chart keeps on any screen, its axes included.
pub const CHART_ROWS: u16 = 6;

/// Rows of text a result keeps under its picture (the summary's first lines).
const TEXT_ROWS: u16 = 2;

/// Rows a preset's picture needs besides its chart: the legend row, or the partition gauges
/// (at least two) and the legend.
fn picture_extra(preset: &Preset) -> u16 {
    match preset {
        Preset::Ddb(_) => 3,
        // A legend row; for phoenix, a row more for the first hand changes under the servers.
        Preset::Phoenix(_)
        | Preset::Lambda(_)
        | Preset::Sessions(_)
        | Preset::Cache(_)
        | Preset::Replicas(_)
        | Preset::Throttle(_) => 1,
        // A single deployment's chart has a legend row; a comparison is a table.
        Preset::Deploy(p) => u16::from(!p.is_comparison()),
        Preset::Cfn(_) => 0,
    }
}

/// The areas of `sim`'s screen in `area`, in `lang` (the challenge's wrapping depends on it).
pub fn layout(sim: &Sim, preset: &Preset, lang: Lang, area: Rect) -> SimLayout {
    let (title, body, status) = body(area);
    let wide = body.width >= 90 && body.height >= 20;
    let need = picture_extra(preset) + CHART_ROWS;
    let mut out = SimLayout {
        title,
        status,
        wide,
        ..SimLayout::default()
    };
    if wide {
        let w = 42.min(body.width / 2);
        out.params = Rect { width: w, ..body };
        out.result = Rect {
            x: body.x + w,
            width: body.width - w,
            ..body
        };
    } else {
        // Narrow: the result panel's rows first (border, chart and its legend, some text),
        // then the challenge and the scenario (unless folded with `t`), and the settings get
        // the rest, scrolling through at least two rows.
        let result_min = (2 + need + TEXT_ROWS).min(body.height);
        let params_min = (sim.params.len() as u16 + 2).min(4);
        let story_room = body.height.saturating_sub(result_min + params_min);
        let story_h = story_text(lang, sim, preset, body.width, story_room).len() as u16;
        out.story = Rect {
            height: story_h,
            ..body
        };
        let rest = body.height.saturating_sub(story_h);
        let h = (sim.params.len() as u16 + 2)
            .min(rest.saturating_sub(result_min))
            .max(params_min.min(rest));
        out.params = Rect {
            y: body.y + story_h,
            height: h,
            ..body
        };
        out.result = Rect {
            y: body.y + story_h + h,
            height: rest.saturating_sub(h),
            ..body
        };
    }
    // Inside the result's border, one column of padding each side.
    let inner = Rect {
        x: out.result.x + 2,
        y: out.result.y + 1,
        width: out.result.width.saturating_sub(4),
        height: out.result.height.saturating_sub(2),
    };
    let pic_h = match &sim.outcome {
        None | Some(Outcome::Invalid(_)) => 0,
        Some(outcome) => {
            // Pictures take the top, the summary and explanation trail the rest (it scrolls).
            let mut h = (inner.height * 11 / 20)
                .max(need)
                .min(inner.height.saturating_sub(TEXT_ROWS).max(need))
                .min(inner.height);
            if let Outcome::Compare(rs) = outcome {
                // The table is the point of a comparison: its rows when the window allows.
                h = h
                    .max(deploy::compare_height(rs))
                    .min(inner.height.saturating_sub(1));
            }
            h
        }
    };
    out.picture = Rect {
        height: pic_h,
        ..inner
    };
    out.chart = match &sim.outcome {
        Some(o) => picture_parts(o, out.picture).1,
        None => Rect::default(),
    };
    out.text = Rect {
        y: inner.y + pic_h,
        height: inner.height - pic_h,
        ..inner
    };
    out
}

/// A picture split into what goes above its chart (legend, gauges), the chart, and what goes
/// below it (the Lambda sparklines).
fn picture_parts(outcome: &Outcome, pic: Rect) -> (Rect, Rect, Rect) {
    let (top, bottom) = match outcome {
        Outcome::Lambda(_) => (1, if pic.height >= 1 + 8 + 4 { 4 } else { 0 }),
        Outcome::Ddb(r) => {
            let room = pic.height.saturating_sub(1 + CHART_ROWS);
            if room == 0 {
                // Too small for the chart and a gauge: the partitions are the story.
                (ddb_gauge_rows(r, pic.height), 0)
            } else {
                (ddb_gauge_rows(r, room) + 1, 0)
            }
        }
        Outcome::Sessions(_)
        | Outcome::Cache(_)
        | Outcome::Replicas(_)
        | Outcome::Throttle(_)
        | Outcome::Deploy(_) => (1, 0),
        _ => (0, 0),
    };
    let top = top.min(pic.height);
    let bottom = bottom.min(pic.height - top);
    (
        Rect { height: top, ..pic },
        Rect {
            y: pic.y + top,
            height: pic.height - top - bottom,
            ..pic
        },
        Rect {
            y: pic.bottom() - bottom,
            height: bottom,
            ..pic
        },
    )
}

/// One simulation.
///
/// `series` are the chart lines of the last run, built when it finished (a newer model's; the
/// older ones draw from the outcome); `picture` is the diagram-or-chart choice (see
/// `sim_diagram`).
pub(in crate::ui) fn draw_sim(
    sim: &Sim,
    series: Option<&RunSeries>,
    diagram: &sim_diagram::Drawn,
    picture: sim_diagram::Picture,
    frame: &mut Frame,
    area: Rect,
    ctx: &Ctx,
) {
    let lang = ctx.lang;
    let Some(preset) = ctx.presets.get(sim.preset) else {
        return;
    };
    let at = layout(sim, preset, lang, area);
    let (title, status) = (at.title, at.status);
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

    if !at.wide {
        let story: Vec<Line> = story_text(lang, sim, preset, at.story.width, at.story.height)
            .into_iter()
            .map(|(text, challenge)| {
                Line::styled(
                    text,
                    if challenge {
                        ctx.theme.key()
                    } else {
                        ctx.theme.dim()
                    },
                )
            })
            .collect();
        frame.render_widget(Paragraph::new(story), at.story);
    }
    draw_params(ctx, sim, preset, frame, at.params, at.wide);
    draw_result(ctx, sim, series, diagram, picture, frame, &at);

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

/// The challenge and (unless folded) the scenario, in at most `room` rows of `width` cells:
/// each row's text and whether it is the challenge's (the scenario's is dimmed).
fn story_text(
    lang: Lang,
    sim: &Sim,
    preset: &Preset,
    width: u16,
    room: u16,
) -> Vec<(String, bool)> {
    // At most 5 rows: the settings and the chart need the rest.
    let room = usize::from(room).min(5);
    if room == 0 {
        return Vec::new();
    }
    let w = usize::from(width.saturating_sub(1)).max(1);
    let wrap = |s: &str, challenge: bool| -> Vec<(String, bool)> {
        s.lines()
            .flat_map(|para| text::wrap(para.trim(), w))
            .map(|l| (l, challenge))
            .collect()
    };
    let mut lines = wrap(
        &format!(
            "{} {}",
            lang.pick("과제:", "Challenge:"),
            preset.challenge(lang)
        ),
        true,
    );
    let fold = if sim.story_open {
        lang.pick("t: 상황 접기", "t: fold the scenario")
    } else {
        lang.pick("t: 상황 펼치기", "t: show the scenario")
    };
    if sim.story_open {
        lines.extend(wrap(preset.description(lang), false));
    }
    if lines.len() >= room {
        lines.truncate(room);
        if let Some(last) = lines.last_mut() {
            let keep = w.saturating_sub(text::width(fold) + 3);
            last.0 = format!("{} ({fold})", text::truncate(&last.0, keep));
        }
    } else {
        lines.push((fold.to_owned(), false));
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
    let mut block = Block::bordered()
        .title(format!(" {} ", lang.pick("설정", "Settings")))
        .border_style(ctx.theme.border(true));
    // Keep the selected setting in view when the panel is shorter than the list.
    let rows = usize::from(area.height.saturating_sub(2)).max(1);
    let offset = if sim.params.len() > rows {
        (sim.selected + 1).saturating_sub(rows)
    } else {
        0
    };
    // Settings out of view are counted on the border, so a short panel does not hide them.
    let below = sim.params.len().saturating_sub(offset + rows);
    if offset > 0 || below > 0 {
        let mut more = Vec::new();
        if offset > 0 {
            more.push(format!("↑ {offset}"));
        }
        if below > 0 {
            more.push(format!("↓ {below}"));
        }
        let more = format!(" {}{} ", more.join(" "), lang.pick("개 더", " more"));
        block = block.title_bottom(Line::styled(more, ctx.theme.dim()).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
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

fn draw_result(
    ctx: &Ctx,
    sim: &Sim,
    series: Option<&RunSeries>,
    diagram: &sim_diagram::Drawn,
    picture: sim_diagram::Picture,
    frame: &mut Frame,
    at: &SimLayout,
) {
    let lang = ctx.lang;
    let block = Block::bordered()
        .title(format!(" {} ", lang.pick("결과", "Result")))
        .border_style(ctx.theme.border(false));
    frame.render_widget(block, at.result);
    let Some(outcome) = &sim.outcome else {
        let hint = lang.pick(
            "설정을 바꾸고 r(또는 F5)을 눌러 실행해요. 실행하기 전에 결과를 먼저 예측해 보세요.",
            "Change the settings and press r (or F5) to run. You will be asked to predict the result first.",
        );
        frame.render_widget(
            Paragraph::new(wrapped(hint, at.text.width, ctx.theme.dim())),
            at.text,
        );
        return;
    };
    let compare_trail: Vec<Explanation>;
    let (summary, trail): (Vec<Line>, &[Explanation]) = match outcome {
        Outcome::Invalid(msg) => {
            frame.render_widget(
                Paragraph::new(wrapped(msg, at.text.width, ctx.theme.warning())),
                at.text,
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
    // The architecture diagram above the chart, or in its place (sim_diagram); the picture
    // and the text under it share the result's inner area.
    let inner = Rect {
        height: at.picture.height + at.text.height,
        ..at.picture
    };
    let (inner, pic_h, diagram) = sim_diagram::place(
        ctx,
        outcome,
        diagram,
        picture,
        frame,
        inner,
        at.picture.height,
    );
    let pic = Rect {
        height: pic_h,
        ..inner
    };
    let (top, chart, bottom) = picture_parts(outcome, pic);
    match outcome {
        _ if pic_h == 0 => {}
        Outcome::Lambda(r) => draw_lambda_picture(ctx, sim, r, frame, top, chart, bottom),
        Outcome::Ddb(r) => draw_ddb_picture(ctx, sim, r, frame, top, chart),
        Outcome::Deploy(r) => deploy::draw_deploy_picture(ctx, r, frame, top, chart),
        Outcome::Compare(rs) => deploy::draw_compare_picture(ctx, rs, frame, chart),
        Outcome::Phoenix(r) => deploy::draw_phoenix_picture(ctx, r, frame, chart),
        Outcome::Invalid(_) => {}
        _ => {
            sims_newer::draw_picture(ctx, outcome, series, frame, pic);
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
    let n = |v: u64| group(v as f64);
    // Each figure in its label, in the language's word order (`{}` takes the values in turn).
    let pct = format!("{:.2}", r.cold_start_pct);
    let figures: [(&str, &str, Vec<String>); 5] = [
        ("요청 {}건", "{} requests", vec![n(r.events)]),
        (
            "콜드 스타트 {}번 ({}%)",
            "{} cold starts ({}%)",
            vec![n(r.cold_starts), pct],
        ),
        ("스로틀 {}번", "{} throttles", vec![n(r.throttles)]),
        ("DLQ {}건", "DLQ {}", vec![n(r.dlq)]),
        (
            "최대 동시성 {}",
            "max concurrency {}",
            vec![n(u64::from(r.max_concurrency))],
        ),
    ];
    let first: Vec<String> = figures
        .iter()
        .map(|(ko, en, values)| {
            values
                .iter()
                .fold(lang.pick(ko, en).to_owned(), |t, v| t.replacen("{}", v, 1))
        })
        .collect();
    let mut lines = vec![Line::raw(first.join(" · "))];
    lines.push(Line::raw(format!(
        "p50 {} ms · p95 {} ms · p99 {} ms · {} ${:.6}",
        n(r.p50_ms),
        n(r.p95_ms),
        n(r.p99_ms),
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
    let unit = ctx.presets.get(sim.preset).map_or("", ddb_unit);
    let n = |v: u64| group(v as f64);
    let mut lines = vec![Line::raw(match lang {
        Lang::Ko => format!(
            "요청 {}건 · 처리 {}건 · 스로틀 {}건 · 파티션 {}개 · 테이블 평균 사용률 {util:.0}% ({} {unit} 중)",
            n(r.total_offered),
            n(r.total_served),
            n(r.total_throttled),
            r.partitions,
            n(r.provisioned)
        ),
        Lang::En => format!(
            "{} requests · {} served · {} throttled · {} partitions · mean table use {util:.0}% of {} {unit}",
            n(r.total_offered),
            n(r.total_served),
            n(r.total_throttled),
            r.partitions,
            n(r.provisioned)
        ),
    })];
    lines.extend(guess_line(ctx, sim, lang.pick("스로틀", "throttled")));
    lines
}

/// The environments over time (busy, idle, in Init) in `chart` with its legend in `top` (off
/// the data, each line named by its marker), and the cold starts and throttles per second as
/// sparklines in `bottom` (two rows each) when it has rows.
fn draw_lambda_picture(
    ctx: &Ctx,
    sim: &Sim,
    r: &simulations::lambda::LambdaResult,
    frame: &mut Frame,
    top: Rect,
    chart: Rect,
    bottom: Rect,
) {
    let (theme, lang) = (ctx.theme, ctx.lang);
    let pts = |f: fn(&simulations::lambda::SecondStats) -> f64| -> Vec<(f64, f64)> {
        r.timeline.iter().map(|s| (s.t_s as f64, f(s))).collect()
    };
    // Braille gives two points per cell: average the seconds down to that, or the lines turn to noise.
    let cols = usize::from(chart.width.saturating_sub(8)).max(1) * 2;
    let (busy, idle, init) = (
        downsample(&pts(|s| s.busy), cols),
        downsample(&pts(|s| s.idle), cols),
        downsample(&pts(|s| s.init), cols),
    );
    // Init first: it is 0 most of the time, and the lines drawn after it cover it there. Its
    // marker is a lower half block in every cell (a half-block marker would flip between ▀ and
    // ▄ and stop matching its legend).
    let series = [
        sims_newer::Series {
            name: "Init",
            marker: Marker::Bar,
            color: Color::Yellow,
            points: &init,
        },
        sims_newer::Series {
            name: lang.pick("실행 중", "busy"),
            marker: Marker::Braille,
            color: Color::Green,
            points: &busy,
        },
        sims_newer::Series {
            name: lang.pick("대기", "idle"),
            marker: Marker::Dot,
            color: Color::Blue,
            points: &idle,
        },
    ];
    // The chart ends where the run's arrivals end (the last second's stragglers sit on its edge).
    let xmax = sim
        .params
        .iter()
        .find(|p| p.id == crate::sims::ParamId::Seconds)
        .map_or(r.timeline.len().saturating_sub(1) as f64, |p| p.value);
    let area = Rect {
        height: top.height + chart.height,
        ..top
    };
    sims_newer::series_chart(
        ctx,
        frame,
        area,
        &series,
        xmax,
        lang.pick("환경", "envs"),
        "",
    );
    let color = |c| theme.series(c);
    let spark_h = bottom.height / 2;
    if spark_h == 0 {
        return;
    }
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
        let y = bottom.y + i as u16 * spark_h;
        let label_w = 12.min(bottom.width / 3);
        // Each sparkline scales to its own busiest second: say how many that was.
        let peak = data.iter().copied().max().unwrap_or(0);
        let peak = match lang {
            Lang::Ko => format!("최대 {}/초", group(peak as f64)),
            Lang::En => format!("max {}/s", group(peak as f64)),
        };
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(text::fit(label, usize::from(label_w)), theme.dim()),
                Line::styled(text::fit(&peak, usize::from(label_w)), theme.dim()),
            ]),
            Rect {
                x: bottom.x,
                y,
                width: label_w,
                height: spark_h,
            },
        );
        let spark_area = Rect {
            x: bottom.x + label_w,
            y,
            width: bottom.width.saturating_sub(label_w),
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

/// Each partition's mean consumption and its throttled requests over the run.
fn ddb_partition_load(r: &simulations::dynamodb::SimReport) -> Vec<(f64, u64)> {
    let secs = r.seconds.len().max(1) as f64;
    (0..r.partitions as usize)
        .map(|p| {
            let parts = || r.seconds.iter().filter_map(move |s| s.partitions.get(p));
            (
                parts().map(|ps| ps.consumed).sum::<f64>() / secs,
                parts().map(|ps| ps.throttled).sum(),
            )
        })
        .collect()
}

/// Most partitions drawn as gauges.
const DDB_GAUGES_MAX: u16 = 8;

/// Rows the partition gauges take in at most `room` rows: one per partition when they fit,
/// else the busiest ones and a row for the rest.
fn ddb_gauge_rows(r: &simulations::dynamodb::SimReport, room: u16) -> u16 {
    let n = u16::try_from(r.partitions).unwrap_or(u16::MAX);
    n.min(room).min(DDB_GAUGES_MAX + 1)
}

/// The partitions as gauges in `top` (all but its last row, the chart's legend), and the
/// burst bank over time in `chart`.
fn draw_ddb_picture(
    ctx: &Ctx,
    sim: &Sim,
    r: &simulations::dynamodb::SimReport,
    frame: &mut Frame,
    top: Rect,
    chart: Rect,
) {
    let (theme, lang) = (ctx.theme, ctx.lang);
    let unit = ctx.presets.get(sim.preset).map_or("", |p| ddb_unit(p));
    let load = ddb_partition_load(r);
    // The chart (and its legend, `top`'s last row) only when it has room for a plot.
    let with_chart = chart.height >= 3;
    let rows = usize::from(top.height.saturating_sub(u16::from(with_chart)));
    // Everything when it fits; else the busiest partitions and one row for the others.
    let mut order: Vec<usize> = (0..load.len()).collect();
    let shown: Vec<usize> = if load.len() <= rows {
        order
    } else {
        order.sort_by(|&a, &b| {
            load[b]
                .1
                .cmp(&load[a].1)
                .then(load[b].0.total_cmp(&load[a].0))
                .then(a.cmp(&b))
        });
        // One row left for the others, unless that would leave no gauge at all.
        let keep_n = if rows > 1 { rows - 1 } else { rows };
        let mut keep: Vec<usize> = order.into_iter().take(keep_n).collect();
        keep.sort_unstable();
        keep
    };
    let width = usize::from(top.width);
    let ceiling = r.partition_ceiling.max(1.0);
    let mut lines = Vec::new();
    for &p in &shown {
        let (consumed, throttled) = load[p];
        let label = format!("P{:<2} ", p + 1);
        let throttled_text = if throttled > 0 {
            match lang {
                Lang::Ko => format!(" · 스로틀 {}건", group(throttled as f64)),
                Lang::En => format!(" · {} throttled", group(throttled as f64)),
            }
        } else {
            String::new()
        };
        let (used, limit) = (group(consumed.round()), group(ceiling));
        // The longest tail that leaves the bar 4 cells: with the unit, without, without the limit.
        let tail = [
            format!(" {used:>5}/{limit} {unit}{throttled_text}"),
            format!(" {used:>5}/{limit}{throttled_text}"),
            format!(" {used}{throttled_text}"),
        ]
        .into_iter()
        .find(|t| text::width(&label) + text::width(t) + 4 <= width)
        .unwrap_or_else(|| format!(" {used}"));
        let bar_w = width
            .saturating_sub(text::width(&label) + text::width(&tail))
            .max(4);
        // The bar's full width is the partition's own ceiling; ┆ marks its provisioned share.
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
            theme.series(Color::Red)
        } else {
            theme.series(Color::Green)
        };
        lines.push(Line::from(vec![
            Span::styled(label, theme.dim()),
            Span::styled(bar, style),
            Span::raw(tail),
        ]));
    }
    let rest: Vec<usize> = (0..load.len()).filter(|p| !shown.contains(p)).collect();
    if !rest.is_empty() && lines.len() < rows {
        let mean = rest.iter().map(|&p| load[p].0).sum::<f64>() / rest.len() as f64;
        let throttled: u64 = rest.iter().map(|&p| load[p].1).sum();
        let (k, mean, ceil, thr) = (
            rest.len(),
            group(mean.round()),
            group(ceiling),
            group(throttled as f64),
        );
        lines.push(Line::styled(
            match lang {
                Lang::Ko => {
                    format!("… 나머지 파티션 {k}개: 평균 {mean}/{ceil} {unit} · 스로틀 {thr}건")
                }
                Lang::En => {
                    format!("… {k} more partitions: mean {mean}/{ceil} {unit} · {thr} throttled")
                }
            },
            theme.dim(),
        ));
    }
    frame.render_widget(
        Paragraph::new(lines),
        Rect {
            height: rows as u16,
            ..top
        },
    );
    if !with_chart {
        return;
    }
    let legend_and_chart = Rect {
        y: chart.y.saturating_sub(1),
        height: chart.height + 1,
        ..chart
    };
    let bank: Vec<(f64, f64)> = r
        .seconds
        .iter()
        .map(|s| (f64::from(s.second), s.burst_bank))
        .collect();
    let bank = downsample(&bank, usize::from(chart.width.saturating_sub(6)).max(1) * 2);
    let series = [sims_newer::Series {
        name: lang.pick("버스트 잔량(모든 파티션)", "burst bank (all partitions)"),
        marker: Marker::Braille,
        color: Color::Magenta,
        points: &bank,
    }];
    let note = match lang {
        Lang::Ko => format!("┆ 파티션 몫 {} {unit}", group(r.partition_share)),
        Lang::En => format!("┆ partition share {} {unit}", group(r.partition_share)),
    };
    sims_newer::series_chart(
        ctx,
        frame,
        legend_and_chart,
        &series,
        r.seconds.len() as f64,
        unit,
        &note,
    );
}

/// RCU or WCU: the unit of a `DynamoDB` preset's capacity.
fn ddb_unit(p: &Preset) -> &'static str {
    match p {
        Preset::Ddb(p) if p.sim.dimension == simulations::dynamodb::Dimension::Read => "RCU",
        _ => "WCU",
    }
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

/// A chart over simulated seconds (x from 0 to `xmax` s, y from 0 to `ymax` in `unit`),
/// labelled at both ends. Its legend is drawn by the caller on its own row, off the data.
pub(super) fn time_chart<'a>(
    ctx: &Ctx,
    datasets: Vec<Dataset<'a>>,
    xmax: f64,
    ymax: f64,
    unit: &str,
) -> Chart<'a> {
    let theme = ctx.theme;
    Chart::new(datasets)
        // The chart paints its plot's background: the palette's, not the terminal's.
        .style(theme.base())
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([0.0, xmax])
                .labels(vec![
                    Line::raw("0"),
                    Line::raw(sims_newer::seconds_label(ctx.lang, xmax)),
                ])
                .style(theme.dim()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, ymax])
                .labels(vec![Line::raw("0"), Line::raw(format!("{ymax:.0}{unit}"))])
                .style(theme.dim()),
        )
}
