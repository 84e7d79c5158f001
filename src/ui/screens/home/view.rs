//! Drawing the home screen: title, the list (next steps, courses, lessons), the details panel.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::{Home, Row};
use crate::links::Step;
use crate::store::LessonProgress;
use crate::text;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::Ctx;
use crate::ui::view::{gauge, status_bar, title_bar};

pub(super) fn draw(home: &Home, frame: &mut Frame, _area: Rect, app: &Ctx) {
    let s = app.strings();
    let layout = home.layout;
    let lib = app.library;
    let progress = app.store.progress();
    let read = lib
        .lessons
        .iter()
        .filter(|l| progress.lessons.get(&l.meta.id).is_some_and(|p| p.read))
        .count();
    let total = lib.lessons.len();
    let pct = percent(read, total);
    let right = if layout.title.width >= 70 {
        format!("{}  {} {pct}%", s.read_count(read, total), gauge(pct, 10))
    } else {
        s.read_count(read, total)
    };
    title_bar(app, frame, layout.title, s.app_title(), &right);
    draw_list(home, app, frame, layout.list);
    if layout.details.width > 0 {
        draw_details(home, app, frame, layout.details);
    }
    status_bar(app, frame, layout.status, &[Context::Home], None);
}

fn lesson_progress<'a>(app: &Ctx<'a>, li: usize) -> Option<&'a LessonProgress> {
    app.store
        .progress()
        .lessons
        .get(&app.library.lessons[li].meta.id)
}

fn draw_list(home: &Home, app: &Ctx, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    let block = Block::bordered()
        .title(format!(" {} ", s.lessons_panel()))
        .border_style(app.theme.border(true));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    for (i, row) in home
        .rows
        .iter()
        .enumerate()
        .skip(home.offset)
        .take(usize::from(inner.height))
    {
        let selected = i == home.selected;
        let line = match *row {
            Row::Course(ci) => course_line(app, ci, width),
            Row::Lesson(li) => lesson_line(app, li, width, selected),
            Row::Steps => {
                // The review forecast beside the heading: "복습 · 오늘 12 · 내일 8 · …".
                let heading = match &home.forecast {
                    Some(f) => format!(
                        "{} · {} {}",
                        s.next_steps(),
                        app.lang.pick("복습", "Reviews:"),
                        f.line(app.lang)
                    ),
                    None => s.next_steps().to_owned(),
                };
                Line::styled(text::truncate(&heading, width), app.theme.course())
            }
            Row::Step(i) => step_line(home, app, i, width, selected),
        };
        lines.push(if selected {
            line.style(app.theme.selected())
        } else {
            line
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn course_line(app: &Ctx, ci: usize, width: usize) -> Line<'static> {
    let course = &app.library.courses[ci];
    let n = course.lessons.len();
    let read = course
        .lessons
        .iter()
        .filter(|&&li| lesson_progress(app, li).is_some_and(|p| p.read))
        .count();
    let pct = percent(read, n);
    let right = if width >= 50 {
        format!(" {read}/{n} {}", gauge(pct, 8))
    } else {
        format!(" {read}/{n}")
    };
    let title = text::truncate(
        &course.meta.title,
        width.saturating_sub(text::width(&right) + 1),
    );
    let pad = width.saturating_sub(text::width(&title) + text::width(&right));
    let gauge_style = if read == n && n > 0 {
        app.theme.done()
    } else {
        app.theme.dim()
    };
    Line::from(vec![
        Span::styled(title, app.theme.course()),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, gauge_style),
    ])
}

fn lesson_line(app: &Ctx, li: usize, width: usize, selected: bool) -> Line<'static> {
    let lesson = &app.library.lessons[li];
    let p = lesson_progress(app, li);
    let (mark, mark_style) = match p {
        Some(p) if p.read => ("✓", app.theme.done()),
        _ => (" ", app.theme.dim()),
    };
    let pct = match p {
        Some(p) if !p.read && p.percent > 0 => format!(" {:>3}%", p.percent),
        _ => String::new(),
    };
    let pointer = if selected { "▸" } else { " " };
    let head = format!(" {pointer}{mark} ");
    let title = text::truncate(
        &lesson.meta.title,
        width.saturating_sub(text::width(&head) + text::width(&pct)),
    );
    let pad = width.saturating_sub(text::width(&head) + text::width(&title) + text::width(&pct));
    Line::from(vec![
        Span::raw(format!(" {pointer}")),
        Span::styled(mark.to_owned(), mark_style),
        Span::raw(" "),
        Span::raw(title),
        Span::raw(" ".repeat(pad)),
        Span::styled(pct, app.theme.partial()),
    ])
}

fn draw_details(home: &Home, app: &Ctx, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    let block = Block::bordered()
        .title(format!(" {} ", s.details_panel()))
        .border_style(app.theme.border(false));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(1),
        ..inner
    };
    let step = home.selected_step().and_then(|i| home.steps.get(i));
    let li = match step {
        Some(Step::Resume { lesson, .. }) => *lesson,
        Some(step) => {
            draw_step_details(app, *step, frame, inner);
            return;
        }
        None => match home.selected_lesson() {
            Some(li) => li,
            None => return,
        },
    };
    let lesson = &app.library.lessons[li];
    let course = app.library.course_of(lesson);
    let width = usize::from(inner.width).max(1);
    let p = lesson_progress(app, li).cloned().unwrap_or_default();
    let bold = Style::new().add_modifier(ratatui::style::Modifier::BOLD);
    let mut lines: Vec<Line> = Vec::new();
    lines.push(Line::styled(
        text::truncate(&course.meta.title, width),
        app.theme.dim(),
    ));
    for l in text::wrap(&lesson.meta.title, width) {
        lines.push(Line::styled(l, bold));
    }
    lines.push(Line::raw(""));
    for l in text::wrap(&lesson.meta.summary, width) {
        lines.push(Line::raw(l));
    }
    lines.push(Line::raw(""));
    let state_style = if p.read {
        app.theme.done()
    } else {
        app.theme.partial()
    };
    let pct = if p.read { 100 } else { p.percent };
    lines.push(Line::from(vec![
        Span::styled(gauge(pct, 12.min(width.saturating_sub(1))), state_style),
        Span::raw(" "),
        Span::styled(s.lesson_state(p.read, p.percent), state_style),
    ]));
    if !lesson.meta.tags.is_empty() {
        lines.push(Line::raw(""));
        let tags = lesson
            .meta
            .tags
            .iter()
            .map(|t| format!("#{t}"))
            .collect::<Vec<_>>()
            .join(" ");
        let tags = text::wrap(&format!("{}: {tags}", s.tags()), width);
        lines.extend(tags.into_iter().map(|l| Line::styled(l, app.theme.dim())));
    }
    let related: Vec<&str> = lesson
        .meta
        .related
        .iter()
        .filter_map(|id| app.library.lesson(id))
        .map(|l| l.meta.title.as_str())
        .collect();
    if !related.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(s.related().to_owned(), bold));
        for title in related {
            lines.push(Line::raw(text::truncate(&format!("→ {title}"), width)));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `part` of `total` in percent; 0 for an empty total.
fn percent(part: usize, total: usize) -> u8 {
    (part * 100).checked_div(total).unwrap_or(0).min(100) as u8
}

/// The key of `action` on the home screen, as "(c)", or nothing when it is unbound.
fn home_key(action: Action) -> String {
    keymap::active()
        .first_key(Context::Home, action)
        .map_or(String::new(), |k| format!(" ({k})"))
}

/// One next step as a row of the home list.
fn step_line(home: &Home, app: &Ctx, i: usize, width: usize, selected: bool) -> Line<'static> {
    let s = app.strings();
    let pointer = if selected { "▸" } else { " " };
    let Some(step) = home.steps.get(i) else {
        return Line::raw("");
    };
    let (mark, mark_style, label, right) = match *step {
        Step::Resume {
            lesson,
            percent,
            started,
        } => {
            let what = if started { s.resume() } else { s.start_here() };
            let title = &app.library.lessons[lesson].meta.title;
            let right = if percent > 0 && percent < 100 {
                format!(" {percent:>3}%")
            } else {
                String::new()
            };
            (
                "▶",
                app.theme.key(),
                format!("{what}{} · {title}", home_key(Action::Resume)),
                right,
            )
        }
        Step::Review(n) => (
            "↻",
            app.theme.warning(),
            format!("{}{}", s.step_review(n), home_key(Action::Review)),
            String::new(),
        ),
        Step::TrySim(p) => {
            let title = app.presets.get(p).map_or("", |p| p.title(app.lang));
            (
                "◆",
                app.theme.done(),
                format!("{} · {title}", s.step_try_sim()),
                String::new(),
            )
        }
    };
    let head = format!(" {pointer}{mark} ");
    let room = width.saturating_sub(text::width(&head) + text::width(&right));
    let label = text::truncate(&label, room);
    let pad = width.saturating_sub(text::width(&head) + text::width(&label) + text::width(&right));
    Line::from(vec![
        Span::raw(format!(" {pointer}")),
        Span::styled(mark.to_owned(), mark_style),
        Span::raw(" "),
        Span::raw(label),
        Span::raw(" ".repeat(pad)),
        Span::styled(right, app.theme.partial()),
    ])
}

/// The details panel for a review or simulation step.
fn draw_step_details(app: &Ctx, step: Step, frame: &mut Frame, area: Rect) {
    let s = app.strings();
    let width = usize::from(area.width).max(1);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let enter = keymap::active()
        .first_key(Context::Home, Action::Open)
        .unwrap_or_default();
    let mut lines: Vec<Line> = Vec::new();
    match step {
        Step::Resume { .. } => {}
        Step::Review(n) => {
            lines.extend(
                text::wrap(&s.step_review(n), width)
                    .into_iter()
                    .map(|l| Line::styled(l, bold)),
            );
            lines.push(Line::raw(""));
            lines.extend(
                text::wrap(s.review_details(), width)
                    .into_iter()
                    .map(Line::raw),
            );
        }
        Step::TrySim(p) => {
            let Some(preset) = app.presets.get(p) else {
                return;
            };
            lines.push(Line::styled(
                text::truncate(s.step_try_sim(), width),
                app.theme.dim(),
            ));
            lines.extend(
                text::wrap(preset.title(app.lang), width)
                    .into_iter()
                    .map(|l| Line::styled(l, bold)),
            );
            lines.push(Line::raw(""));
            lines.extend(
                text::wrap(preset.description(app.lang), width)
                    .into_iter()
                    .map(Line::raw),
            );
            let last = app
                .store
                .progress()
                .last_lesson
                .as_deref()
                .and_then(|id| app.library.lesson(id));
            if let Some(lesson) = last {
                lines.push(Line::raw(""));
                lines.extend(
                    text::wrap(&s.sim_related_to(&lesson.meta.title), width)
                        .into_iter()
                        .map(|l| Line::styled(l, app.theme.dim())),
                );
            }
        }
    }
    if !enter.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            text::truncate(&s.press_to_start(&enter), width),
            app.theme.key(),
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}
