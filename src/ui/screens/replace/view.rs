//! Drawing the `CloudFormation` update screen: the guided scenario (edits, change set, the data in
//! the stack before and after) and the own-templates comparison.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use simulations::cfn::scenario::{Applied, Holding};
use simulations::cfn::{
    Action, Evaluation, Outcome, Replacement, Report, ResourceResult, group_digits,
};

use super::{ReplaceScreen, Tab};
use crate::strings::Lang;
use crate::text;
use crate::ui::keymap::Context;
use crate::ui::screen::Ctx;
use crate::ui::view::{gauge, status_bar, title_bar};

/// `s` wrapped to `width`, the first line after `indent`, the others aligned under it.
fn wrapped(s: &str, width: u16, style: Style, indent: &str) -> Vec<Line<'static>> {
    let w = text::width(indent);
    let room = usize::from(width).saturating_sub(w).max(1);
    let pad = " ".repeat(w);
    text::wrap(s, room)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { indent } else { pad.as_str() };
            Line::styled(format!("{lead}{l}"), style)
        })
        .collect()
}

fn outcome_style(ctx: &Ctx, o: Outcome) -> Style {
    match o {
        _ if o.fails() || o.loses_data() => ctx.theme.warning(),
        Outcome::ReplacedOldRetained
        | Outcome::ReplacedSnapshotTaken
        | Outcome::RemovedRetained
        | Outcome::RemovedSnapshotTaken => ctx.theme.message(),
        Outcome::InPlace | Outcome::Added => ctx.theme.done(),
        _ => ctx.theme.dim(),
    }
}

fn marker(o: Outcome) -> &'static str {
    if o.fails() {
        "✗"
    } else if o.loses_data() {
        "!"
    } else {
        "·"
    }
}

fn action_name(a: Action) -> &'static str {
    match a {
        Action::Add => "Add",
        Action::Modify => "Modify",
        Action::Remove => "Remove",
        Action::Unchanged => "-",
    }
}

fn replacement_name(r: &ResourceResult) -> &'static str {
    if matches!(r.action, Action::Add | Action::Remove | Action::Unchanged) {
        return "-";
    }
    match r.replacement {
        Replacement::True => "True",
        Replacement::False => "False",
        Replacement::Conditional => "Conditional",
    }
}

/// The change set rows (changed resources only), with a header when there is room for columns.
fn change_rows(ctx: &Ctx, report: &Report, width: u16) -> Vec<Line<'static>> {
    let lang = ctx.lang;
    let en = lang == Lang::En;
    let changed: Vec<&ResourceResult> = report
        .resources
        .iter()
        .filter(|r| r.action != Action::Unchanged)
        .collect();
    let id_w = changed
        .iter()
        .map(|r| text::width(&r.logical_id))
        .max()
        .unwrap_or(8)
        .clamp(8, 24);
    let wide = usize::from(width) >= id_w + 40;
    let mut lines = Vec::new();
    if wide {
        let [res, act, rep, out] = ctx.strings().cfn_columns();
        lines.push(Line::styled(
            text::truncate(
                &format!(
                    "  {}{}{}{out}",
                    text::fit(res, id_w + 1),
                    text::fit(act, 8),
                    text::fit(rep, 12)
                ),
                usize::from(width),
            ),
            ctx.theme.dim(),
        ));
    }
    for r in &changed {
        let label = r.outcome.label();
        let row = if wide {
            format!(
                "{} {}{}{}{}",
                marker(r.outcome),
                text::fit(&r.logical_id, id_w + 1),
                text::fit(action_name(r.action), 8),
                text::fit(replacement_name(r), 12),
                label.get(en)
            )
        } else {
            format!(
                "{} {} {} · {}",
                marker(r.outcome),
                r.logical_id,
                replacement_name(r),
                label.get(en)
            )
        };
        lines.push(Line::styled(
            text::truncate(&row, usize::from(width)),
            outcome_style(ctx, r.outcome),
        ));
    }
    let unchanged = report.resources.len() - changed.len();
    if unchanged > 0 {
        lines.push(Line::styled(
            format!("  {}", ctx.strings().cfn_unchanged(unchanged)),
            ctx.theme.dim(),
        ));
    }
    lines
}

/// The stack's resources drawn as a diagram, each marked replaced / updated in place / added /
/// removed / unchanged by glyph and word, with a blank line after.
fn diagram_lines(ctx: &Ctx, report: &Report, width: u16) -> Vec<Line<'static>> {
    let a = crate::ui::view::sim_diagram::cfn(report, ctx.lang);
    let mut lines = crate::ui::view::sim_diagram::lines(&a, width, ctx);
    lines.push(Line::raw(""));
    lines
}

/// The reasons of the changed resources, with the curated history notes.
fn reasons(ctx: &Ctx, report: &Report, width: u16) -> Vec<Line<'static>> {
    let en = ctx.lang == Lang::En;
    let mut lines = vec![Line::styled(
        ctx.strings().cfn_why().to_owned(),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    for r in report
        .resources
        .iter()
        .filter(|r| r.action != Action::Unchanged)
    {
        lines.push(Line::styled(
            r.logical_id.clone(),
            outcome_style(ctx, r.outcome),
        ));
        if !r.changes.is_empty() {
            let list: Vec<String> = r
                .changes
                .iter()
                .map(|c| match (&c.evaluation, &c.causing_entity) {
                    (Evaluation::Dynamic, Some(cause)) => {
                        format!("{} {:?} (← {cause})", c.name, c.requires_recreation)
                    }
                    _ => format!("{} {:?}", c.name, c.requires_recreation),
                })
                .collect();
            lines.extend(wrapped(&list.join(" · "), width, ctx.theme.dim(), "  "));
        }
        lines.extend(wrapped(r.reason.get(en), width, Style::new(), "  → "));
        // History notes of the changes that decided the verdict (all of them when it stays).
        let deciding: Vec<&str> = r
            .changes
            .iter()
            .filter(|c| {
                r.replacement == Replacement::False
                    || c.requires_recreation != simulations::cfn::Recreation::Never
            })
            .map(|c| c.name.as_str())
            .collect();
        for c in r
            .changes
            .iter()
            .filter(|c| deciding.contains(&c.name.as_str()))
        {
            if let Some(note) = &c.note {
                lines.extend(wrapped(note.get(en), width, ctx.theme.dim(), "  ※ "));
            }
        }
    }
    lines.push(Line::raw(""));
    lines.extend(wrapped(
        report.summary.get(en),
        width,
        if report.update_fails || report.data_lost() {
            ctx.theme.warning()
        } else {
            ctx.theme.done()
        },
        "",
    ));
    lines.push(Line::styled(
        ctx.strings().cfn_exit_code(report.exit_code()),
        ctx.theme.dim(),
    ));
    lines
}

fn holding_line(
    ctx: &Ctx,
    label_w: usize,
    bar_w: usize,
    id: &str,
    full: u64,
    now: Option<&Holding>,
) -> Line<'static> {
    let s = ctx.strings();
    let (pct, text, style) = match now {
        Some(h) => {
            let pct = h
                .amount
                .saturating_mul(100)
                .checked_div(full)
                .map_or(0, |p| p.min(100) as u8);
            let text = if h.amount == full {
                h.text()
            } else {
                format!(
                    "{} → {} {}",
                    group_digits(full),
                    group_digits(h.amount),
                    h.unit
                )
            };
            let style = if h.amount < full {
                ctx.theme.warning()
            } else {
                ctx.theme.done()
            };
            (pct, text, style)
        }
        None => (0, s.cfn_left_stack().to_owned(), ctx.theme.message()),
    };
    Line::from(vec![
        Span::raw(format!(" {} ", text::fit(id, label_w))),
        Span::styled(gauge(pct, bar_w), style),
        Span::styled(format!(" {text}"), style),
    ])
}

/// The data panel: each holding's gauge, before or after applying.
fn data_lines(
    ctx: &Ctx,
    screen: &ReplaceScreen,
    before: &[Holding],
    width: u16,
) -> Vec<Line<'static>> {
    let s = ctx.strings();
    let label_w = before
        .iter()
        .map(|h| text::width(&h.logical_id))
        .max()
        .unwrap_or(10)
        .min(usize::from(width) / 3);
    let bar_w = (usize::from(width) / 3).clamp(4, 24);
    let mut lines = Vec::new();
    match &screen.applied {
        None => {
            for h in before {
                lines.push(holding_line(
                    ctx,
                    label_w,
                    bar_w,
                    &h.logical_id,
                    h.amount,
                    Some(h),
                ));
            }
            lines.push(Line::styled(
                format!(" {}", s.cfn_apply_hint()),
                ctx.theme.key(),
            ));
        }
        Some(a) => lines.extend(applied_lines(ctx, a, label_w, bar_w, width)),
    }
    lines
}

fn applied_lines(
    ctx: &Ctx,
    a: &Applied,
    label_w: usize,
    bar_w: usize,
    width: u16,
) -> Vec<Line<'static>> {
    let s = ctx.strings();
    let mut lines = Vec::new();
    if a.rolled_back {
        lines.extend(wrapped(
            s.cfn_rolled_back(),
            width,
            ctx.theme.warning(),
            " ",
        ));
    }
    for h in &a.before {
        let now = a.after.iter().find(|x| x.logical_id == h.logical_id);
        lines.push(holding_line(
            ctx,
            label_w,
            bar_w,
            &h.logical_id,
            h.amount,
            now,
        ));
    }
    for o in &a.outside {
        lines.extend(wrapped(
            &s.cfn_outside(&o.holding.logical_id, &o.holding.text(), o.snapshot),
            width,
            ctx.theme.message(),
            " ↳ ",
        ));
    }
    lines.push(Line::styled(
        format!(" {}", s.cfn_again_hint()),
        ctx.theme.key(),
    ));
    lines
}

fn scrolled(lines: Vec<Line<'static>>, scroll: usize, height: u16) -> Vec<Line<'static>> {
    let max = lines.len().saturating_sub(usize::from(height));
    lines.into_iter().skip(scroll.min(max)).collect()
}

/// The whole screen.
pub(super) fn draw(screen: &ReplaceScreen, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let b = crate::ui::layout::Bands::of(area);
    let lang = ctx.lang;
    let (guided, own) = ctx.strings().cfn_tabs();
    let tabs = match screen.tab {
        Tab::Guided => format!("[{guided}] {own}"),
        Tab::Own => format!("{guided} [{own}]"),
    };
    let title = match &screen.scenario {
        Ok(s) => s.title.get(lang == Lang::En).to_owned(),
        Err(_) => String::new(),
    };
    let crumb = format!("{} › {title}", ctx.strings().cfn_crumb());
    title_bar(ctx, frame, b.title, &crumb, &tabs);
    match screen.tab {
        Tab::Guided => draw_guided(ctx, screen, frame, b.body),
        Tab::Own => draw_own(ctx, screen, frame, b.body),
    }
    if screen.editing {
        status_bar(ctx, frame, b.status, &[Context::Search], None);
    } else {
        status_bar(ctx, frame, b.status, &[Context::Replace], None);
    }
}

fn draw_guided(ctx: &Ctx, screen: &ReplaceScreen, frame: &mut Frame, body: Rect) {
    let en = ctx.lang == Lang::En;
    let s = ctx.strings();
    let scenario = match &screen.scenario {
        Ok(sc) => sc,
        Err(e) => {
            frame.render_widget(
                Paragraph::new(wrapped(e, body.width, ctx.theme.warning(), " ")),
                body,
            );
            return;
        }
    };
    let wide = body.width >= 100;
    let (list_area, right) = if wide {
        let w = (body.width * 2 / 5).min(48);
        (
            Some(Rect { width: w, ..body }),
            Rect {
                x: body.x + w,
                width: body.width - w,
                ..body
            },
        )
    } else {
        (None, body)
    };
    if let Some(area) = list_area {
        let block = Block::bordered()
            .title(format!(" {} ", s.cfn_edits()))
            .border_style(ctx.theme.border(true));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let rows = usize::from(inner.height).max(1);
        let offset = (screen.selected + 1).saturating_sub(rows);
        let lines: Vec<Line> = scenario
            .edits
            .iter()
            .enumerate()
            .skip(offset)
            .map(|(i, e)| {
                let mark = if i == screen.selected { "▸" } else { " " };
                let line = Line::raw(text::truncate(
                    &format!("{mark}{}", e.title.get(en)),
                    usize::from(inner.width),
                ));
                if i == screen.selected {
                    line.style(ctx.theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
    }
    // Right (or whole) column: the change set on top, the data below.
    let holdings = match &screen.preview {
        Some(Ok(p)) => simulations::cfn::scenario::holdings_of(&p.old),
        _ => scenario.holdings(),
    };
    let data_h = {
        let outside = screen.applied.as_ref().map_or(0, |a| a.outside.len() * 2);
        let rolled = screen.applied.as_ref().is_some_and(|a| a.rolled_back);
        (holdings.len() + outside + 3 + usize::from(rolled) * 2) as u16
    };
    let data_h = data_h.min(right.height / 2).max(3);
    let cs_area = Rect {
        height: right.height.saturating_sub(data_h),
        ..right
    };
    let data_area = Rect {
        y: right.y + cs_area.height,
        height: data_h,
        ..right
    };
    let block = Block::bordered()
        .title(format!(" {} ", s.cfn_change_set()))
        .border_style(ctx.theme.border(false));
    let inner = block.inner(cs_area);
    frame.render_widget(block, cs_area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    let mut lines: Vec<Line> = Vec::new();
    if let Some(edit) = scenario.edits.get(screen.selected) {
        let head = if wide {
            edit.title.get(en).to_owned()
        } else {
            format!(
                "‹ {}/{} › {}",
                screen.selected + 1,
                scenario.edits.len(),
                edit.title.get(en)
            )
        };
        lines.extend(wrapped(
            &head,
            inner.width,
            Style::new().add_modifier(Modifier::BOLD),
            "",
        ));
        lines.extend(wrapped(
            edit.explain.get(en),
            inner.width,
            ctx.theme.dim(),
            "",
        ));
        if edit.policy.is_some() {
            lines.extend(wrapped(
                s.cfn_policy_set(),
                inner.width,
                ctx.theme.dim(),
                "",
            ));
        }
        lines.push(Line::raw(""));
    }
    match &screen.preview {
        Some(Ok(p)) => {
            lines.extend(change_rows(ctx, &p.report, inner.width));
            lines.push(Line::raw(""));
            lines.extend(diagram_lines(ctx, &p.report, inner.width));
            lines.extend(reasons(ctx, &p.report, inner.width));
        }
        Some(Err(e)) => lines.extend(wrapped(e, inner.width, ctx.theme.warning(), "")),
        None => {}
    }
    if wide && screen.selected == 0 && screen.applied.is_none() {
        lines.push(Line::raw(""));
        lines.extend(wrapped(
            &format!("{} {}", s.cfn_challenge(), scenario.challenge.get(en)),
            inner.width,
            ctx.theme.key(),
            "",
        ));
    }
    frame.render_widget(
        Paragraph::new(scrolled(lines, screen.scroll, inner.height)),
        inner,
    );
    let block = Block::bordered()
        .title(format!(" {} ", s.cfn_data()))
        .border_style(ctx.theme.border(screen.applied.is_some()));
    let inner = block.inner(data_area);
    frame.render_widget(block, data_area);
    frame.render_widget(
        Paragraph::new(data_lines(ctx, screen, &holdings, inner.width)),
        inner,
    );
}

fn draw_own(ctx: &Ctx, screen: &ReplaceScreen, frame: &mut Frame, body: Rect) {
    let s = ctx.strings();
    let area = Rect {
        x: body.x + 1,
        width: body.width.saturating_sub(2),
        ..body
    };
    let labels = s.cfn_path_labels();
    let label_w = labels.iter().map(|l| text::width(l)).max().unwrap_or(0) + 1;
    let field_w = usize::from(area.width).saturating_sub(label_w + 3).max(1);
    let mut lines: Vec<Line> = wrapped(s.cfn_own_hint(), area.width, ctx.theme.dim(), "");
    let mut cursor = None;
    for (i, label) in labels.iter().enumerate() {
        let value = &screen.paths[i];
        // Show the end of a long path: that is where the file name is.
        let shown = if text::width(value) > field_w.saturating_sub(1) {
            let chars: Vec<char> = value.chars().collect();
            let mut tail = String::new();
            for c in chars.iter().rev() {
                if text::width(&tail) + 2 > field_w.saturating_sub(1) {
                    break;
                }
                tail.insert(0, *c);
            }
            format!("…{tail}")
        } else {
            value.to_string()
        };
        let selected = i == screen.field;
        let style = if selected && screen.editing {
            ctx.theme.selected()
        } else if selected {
            ctx.theme.selected_unfocused()
        } else {
            Style::new()
        };
        if selected && screen.editing {
            cursor = Some((
                (label_w + 2 + text::width(&shown)) as u16,
                lines.len() as u16,
            ));
        }
        lines.push(Line::from(vec![
            Span::styled(text::fit(label, label_w), ctx.theme.key()),
            Span::raw(" "),
            Span::styled(text::fit(&format!("[{shown}"), field_w + 1), style),
            Span::raw("]"),
        ]));
    }
    lines.push(Line::raw(""));
    let top = lines.len();
    let mut result: Vec<Line> = Vec::new();
    match &screen.own {
        None => result.extend(wrapped(s.cfn_own_empty(), area.width, ctx.theme.dim(), "")),
        Some(Err(e)) => result.extend(wrapped(e, area.width, ctx.theme.warning(), "")),
        Some(Ok(r)) => {
            result.extend(change_rows(ctx, &r.report, area.width));
            result.push(Line::raw(""));
            result.extend(diagram_lines(ctx, &r.report, area.width));
            result.extend(reasons(ctx, &r.report, area.width));
        }
    }
    let room = area.height.saturating_sub(top as u16);
    lines.extend(scrolled(result, screen.scroll, room));
    frame.render_widget(Paragraph::new(lines), area);
    if let Some((x, y)) = cursor {
        frame.set_cursor_position(Position {
            x: (area.x + x).min(area.right().saturating_sub(1)),
            y: area.y + y,
        });
    }
}
