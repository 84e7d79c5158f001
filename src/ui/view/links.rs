//! Drawing the links: the home screen's next steps, the reader's section line, and the
//! lessons of a simulation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::links::Step;
use crate::text;
use crate::ui::app::App;
use crate::ui::keymap::{self, Action, Context};

/// The key of `action` on the home screen, as "(c)", or nothing when it is unbound.
fn home_key(action: Action) -> String {
    keymap::active()
        .first_key(Context::Home, action)
        .map_or(String::new(), |k| format!(" ({k})"))
}

/// One next step as a row of the home list.
pub(super) fn step_line(app: &App, i: usize, width: usize, selected: bool) -> Line<'static> {
    let s = app.strings();
    let pointer = if selected { "▸" } else { " " };
    let Some(step) = app.steps.get(i) else {
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
pub(super) fn draw_step_details(app: &App, step: Step, frame: &mut Frame, area: Rect) {
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

/// The reader's section line: the section's questions and simulation, with their keys.
pub(super) fn draw_section_line(app: &App, frame: &mut Frame, area: Rect) {
    if area.height == 0 {
        return;
    }
    let s = app.strings();
    let Some(section) = &app.section else {
        return;
    };
    let reader_key = |a| keymap::active().first_key(Context::Reader, a);
    let sim = section.sim.and_then(|i| app.presets.get(i));
    // The whole line, or shorter forms for narrow screens: first without the section's title
    // (the heading shows it), then without the simulation's name; the keys always stay.
    let build = |level: u8| {
        let mut spans = vec![Span::styled("▸ ", app.theme.dim())];
        let key = |spans: &mut Vec<Span<'static>>, action| {
            if let Some(k) = reader_key(action) {
                spans.push(Span::styled(" (", app.theme.dim()));
                spans.push(Span::styled(k, app.theme.key()));
                spans.push(Span::styled(")", app.theme.dim()));
            }
        };
        if section.questions > 0 {
            let label = if level == 0 {
                s.section_questions(&section.title, section.questions)
            } else {
                s.section_questions_short(section.questions)
            };
            spans.push(Span::styled(label, app.theme.dim()));
            key(&mut spans, Action::PracticeSection);
        } else {
            spans.push(Span::styled(s.no_section_questions(), app.theme.dim()));
        }
        if let Some(preset) = sim {
            spans.push(Span::styled(" · ", app.theme.dim()));
            let label = if level < 2 {
                s.section_sim(preset.title(app.lang))
            } else {
                s.section_sim_short().to_owned()
            };
            spans.push(Span::styled(label, app.theme.dim()));
            key(&mut spans, Action::Simulations);
        }
        spans
    };
    let fits = |spans: &[Span]| {
        spans
            .iter()
            .map(|sp| text::width(&sp.content))
            .sum::<usize>()
            <= usize::from(area.width)
    };
    let spans = (0..3)
        .map(build)
        .find(|spans| fits(spans))
        .unwrap_or_else(|| build(2));
    // Cut at the width, keeping whole spans where possible.
    let width = usize::from(area.width);
    let mut used = 0;
    let mut kept = Vec::new();
    for span in spans {
        let w = text::width(&span.content);
        if used + w > width {
            let rest = text::truncate(&span.content, width.saturating_sub(used));
            kept.push(Span::styled(rest, span.style));
            break;
        }
        used += w;
        kept.push(span);
    }
    frame.render_widget(Paragraph::new(Line::from(kept)), area);
}
