//! Drawing the deployment and phoenix results: the traffic-shift chart with the rollback marked,
//! the strategies side by side, and the servers before and after a rebuild.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{GraphType, Paragraph};

use super::sims::{guess_line, line, time_chart};
use super::sims_newer;
use crate::sims::Sim;
use crate::sims::compare::{compare_table, group, short_name};
use crate::strings::Strings;
use crate::text;
use crate::ui::screen::Ctx;
use crate::ui::theme::Theme;
use simulations::Explanation;
use simulations::deploy::{DeployResult, Outcome, clock};
use simulations::phoenix::PhoenixReport;

/// A chart colour, given as its dark-palette colour, in the active palette (none with `NO_COLOR`).
fn color(theme: Theme, c: Color) -> Style {
    theme.series(c)
}

/// Summary lines under a deployment picture.
pub(super) fn deploy_summary(ctx: &Ctx, sim: &Sim, r: &DeployResult) -> Vec<Line<'static>> {
    let s = ctx.strings();
    let mut lines: Vec<Line> = s.deploy_summary(r).into_iter().map(Line::raw).collect();
    if let Some(first) = lines.first_mut() {
        *first = first.clone().style(if r.outcome == Outcome::RolledBack {
            ctx.theme.partial()
        } else if r.users_affected > 0.0 {
            ctx.theme.warning()
        } else {
            ctx.theme.done()
        });
    }
    if r.routing == simulations::deploy::Routing::Expected {
        lines.push(Line::styled(s.expected_view(), ctx.theme.dim()));
    }
    lines.extend(guess_line(ctx, sim, s.deploy_guess_what()));
    lines
}

/// How far the chart's time axis reaches: the interesting part, not ten quiet minutes after a
/// rollback; a bad release nobody rolled back is shown to the end of the watch.
fn chart_end(r: &DeployResult) -> u64 {
    if r.outcome == Outcome::Succeeded && r.users_affected > 0.0 {
        return r.simulated_s.max(1);
    }
    let end = r.duration_s.max(r.detected_at_s.unwrap_or(0));
    (end + (end / 5).max(60)).min(r.simulated_s).max(1)
}

/// The new version's share over time (a step line), its error rate per alarm period, and the
/// rollback as a vertical line, with the legend in `top` (off the data).
pub(super) fn draw_deploy_picture(
    ctx: &Ctx,
    r: &DeployResult,
    frame: &mut Frame,
    top: Rect,
    area: Rect,
) {
    let s = ctx.strings();
    let xmax = chart_end(r) as f64;
    let mut shift: Vec<(f64, f64)> = Vec::new();
    for p in &r.shift {
        if let Some(&(_, prev)) = shift.last() {
            shift.push((p.t_s as f64, prev));
        }
        shift.push((p.t_s as f64, p.new_percent));
    }
    if let Some(&(_, last)) = shift.last() {
        shift.push((xmax, last));
    }
    let errors: Vec<(f64, f64)> = r
        .periods
        .iter()
        .filter(|p| (p.start_s as f64) < xmax && p.requests_new > 0.0)
        .map(|p| (p.start_s as f64, p.errors_new * 100.0 / p.requests_new))
        .collect();
    let rollback: Vec<(f64, f64)> = r
        .rolled_back_at_s
        .map(|t| {
            let x = t as f64;
            vec![(x, 0.0), (x, 100.0)]
        })
        .unwrap_or_default();
    let threshold: Vec<(f64, f64)> = vec![
        (0.0, r.alarm_threshold * 100.0),
        (xmax, r.alarm_threshold * 100.0),
    ];
    // Each line has its own shape, named in the legend row above the plot: the lines are told
    // apart without colour (a monochrome terminal, colour-blind learners). The threshold goes
    // first so the new version's share draws over it where they share a cell.
    let mut keys = Vec::new();
    let mut datasets = Vec::new();
    if r.alarm_threshold <= 1.0 {
        keys.push(("▄", s.deploy_alarm_threshold(), Color::DarkGray));
        datasets.push(
            line(
                s.deploy_alarm_threshold(),
                color(ctx.theme, Color::DarkGray),
                &threshold,
            )
            .marker(Marker::Bar),
        );
    }
    keys.push(("⣀", s.deploy_new_percent(), Color::Green));
    datasets.push(line(
        s.deploy_new_percent(),
        color(ctx.theme, Color::Green),
        &shift,
    ));
    keys.push(("•", s.deploy_error_percent(), Color::Yellow));
    datasets.push(
        line(
            s.deploy_error_percent(),
            color(ctx.theme, Color::Yellow),
            &errors,
        )
        .marker(Marker::Dot)
        .graph_type(GraphType::Scatter),
    );
    if !rollback.is_empty() {
        // A vertical braille line, labelled on the chart as well.
        keys.push(("⡇", s.deploy_rollback(), Color::Red));
        datasets.push(line(
            s.deploy_rollback(),
            color(ctx.theme, Color::Red),
            &rollback,
        ));
    }
    if top.height > 0 {
        frame.render_widget(Paragraph::new(sims_newer::legend(ctx, &keys, "")), top);
    }
    let chart = time_chart(ctx, datasets, xmax, 100.0, "%");
    frame.render_widget(chart, area);
    // Label the rollback on the chart's top row, next to its line, when there is room.
    if let Some(t) = r.rolled_back_at_s {
        let label = format!("↩ {} {}", s.deploy_rollback(), clock(t));
        // The y-axis labels take the left columns ("100" plus the axis line).
        let plot_x = area.x + 4;
        let plot_w = area.width.saturating_sub(5);
        let x = plot_x + ((t as f64 / xmax) * f64::from(plot_w)).round() as u16;
        let w = text::width(&label) as u16;
        if area.height >= 4 && x + w < area.right() {
            frame.render_widget(
                Paragraph::new(Line::styled(label, color(ctx.theme, Color::Red))),
                Rect {
                    x: x + 1,
                    y: area.y + area.height.saturating_sub(3),
                    width: w,
                    height: 1,
                },
            );
        }
    }
}

/// Summary lines under a comparison.
pub(super) fn compare_summary(ctx: &Ctx, sim: &Sim, rs: &[DeployResult]) -> Vec<Line<'static>> {
    let s = ctx.strings();
    let mut lines = Vec::new();
    if !rs.is_empty() {
        lines.push(Line::styled(s.compare_legend(), ctx.theme.dim()));
    }
    lines.extend(guess_line(ctx, sim, s.compare_guess_what()));
    lines
}

/// The trail of a comparison: each strategy's outcome lines, named.
pub(super) fn compare_trail(rs: &[DeployResult]) -> Vec<Explanation> {
    rs.iter()
        .flat_map(|r| {
            let name = short_name(&r.strategy).to_owned();
            r.explanation
                .iter()
                .filter(|e| {
                    e.rule.starts_with("deploy.rollback.")
                        || e.rule == "deploy.alarm.after-end"
                        || e.rule == "deploy.impact"
                        || e.rule == "deploy.linear.assumption"
                })
                .map(move |e| Explanation {
                    rule: e.rule.clone(),
                    ko: format!("{name}: {}", e.ko),
                    en: format!("{name}: {}", e.en),
                    source: e.source.clone(),
                })
        })
        .collect()
}

/// Lines the comparison needs: the table (header + rows) and one bar per row.
pub(super) fn compare_height(rs: &[DeployResult]) -> u16 {
    (rs.len() * 2 + 2) as u16
}

/// The comparison: a table, then one bar per strategy for users affected.
pub(super) fn draw_compare_picture(ctx: &Ctx, rs: &[DeployResult], frame: &mut Frame, area: Rect) {
    let s = ctx.strings();
    let rows = simulations::deploy::rows(rs);
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = compare_table(&rows, ctx.lang, width)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                Line::styled(l, ctx.theme.dim())
            } else {
                Line::raw(l)
            }
        })
        .collect();
    let rows_h = lines.len();
    if usize::from(area.height) > rows_h + rs.len() {
        lines.push(Line::styled(s.deploy_bars_title(), ctx.theme.dim()));
        let max = rs.iter().map(|r| r.users_affected).fold(1.0, f64::max);
        let name_w = rs
            .iter()
            .map(|r| text::width(short_name(&r.strategy)))
            .max()
            .unwrap_or(0)
            .min(width / 3);
        for r in rs {
            let count = group(r.users_affected);
            let bar_room = width.saturating_sub(name_w + text::width(&count) + 3);
            let cells = ((r.users_affected / max) * bar_room as f64).round() as usize;
            // A release that reached anyone shows at least one cell.
            let cells = if r.users_affected > 0.0 {
                cells.max(1)
            } else {
                0
            };
            // The glyph carries the outcome (the legend names it); the colour repeats it.
            let (style, glyph) = if r.outcome == Outcome::RolledBack {
                (color(ctx.theme, Color::Green), "█")
            } else {
                (color(ctx.theme, Color::Red), "▒")
            };
            lines.push(Line::from(vec![
                Span::raw(text::fit(short_name(&r.strategy), name_w)),
                Span::raw(" "),
                Span::styled(glyph.repeat(cells), style),
                Span::raw(format!(" {count}")),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Summary lines under the phoenix picture.
pub(super) fn phoenix_summary(ctx: &Ctx, sim: &Sim, r: &PhoenixReport) -> Vec<Line<'static>> {
    let s: Strings = ctx.strings();
    let mut lines: Vec<Line> = s.phoenix_summary(r).into_iter().map(Line::raw).collect();
    lines.extend(guess_line(ctx, sim, s.phoenix_guess_what()));
    lines
}

/// Each server with its drift, then the state after the rebuild.
pub(super) fn draw_phoenix_picture(ctx: &Ctx, r: &PhoenixReport, frame: &mut Frame, area: Rect) {
    let s = ctx.strings();
    let width = usize::from(area.width);
    let mut lines = Vec::new();
    let shown = r
        .servers
        .len()
        .min(usize::from(area.height.saturating_sub(1)));
    for server in r.servers.iter().take(shown) {
        let n = server.drift.len();
        let marks = format!("{:<4}", "●".repeat(n.min(4)));
        let props: Vec<&str> = server.drift.iter().map(|d| d.property.as_str()).collect();
        let head = format!("{} ", server.name);
        let tail = format!(
            " {}{}",
            s.phoenix_drift(n),
            if props.is_empty() {
                String::new()
            } else {
                format!(": {}", props.join(", "))
            }
        );
        let room = width.saturating_sub(text::width(&head) + 4);
        lines.push(Line::from(vec![
            Span::styled(head, ctx.theme.dim()),
            Span::styled(
                marks,
                color(ctx.theme, if n == 0 { Color::Green } else { Color::Yellow }),
            ),
            Span::raw(text::truncate(&tail, room)),
        ]));
    }
    if r.servers.len() > shown && shown > 0 {
        lines.pop();
        lines.push(Line::styled(
            format!("… +{}", r.servers.len() + 1 - shown),
            ctx.theme.dim(),
        ));
    }
    lines.push(Line::styled(
        text::truncate(s.phoenix_after(r.rebuilt), width),
        if r.rebuilt {
            ctx.theme.done()
        } else {
            ctx.theme.warning()
        },
    ));
    // The story of the drift, as far as the room allows.
    let room = usize::from(area.height).saturating_sub(lines.len() + 2);
    if room > 0 && !r.changes.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(s.phoenix_changes_title(), ctx.theme.dim()));
        for c in r.changes.iter().take(room) {
            let what = if ctx.lang == crate::strings::Lang::En {
                &c.en
            } else {
                &c.ko
            };
            // A change that no longer shows as drift on its server is the template's now (the
            // fix was written back): say so, so both lists tell the same story.
            let drifting = r
                .servers
                .iter()
                .find(|sv| sv.name == c.server)
                .is_some_and(|sv| sv.drift.iter().any(|d| d.property == c.property));
            let note = if drifting {
                ""
            } else {
                ctx.lang.pick(
                    " · 템플릿과 같음(드리프트 아님)",
                    " · matches the template (no drift)",
                )
            };
            let text_line = format!("{} · {what} ({} = {}){note}", c.server, c.property, c.value);
            lines.push(Line::raw(text::truncate(&text_line, width)));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}
