//! The lessons that explain a simulation, picked from a short list drawn over the simulation
//! (or template) screen: move, open one (Back there returns to the simulation), or close it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::links::Picker;
use crate::text;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::{Ctx, Effect, Open};

/// Opens the lesson list of simulation `preset` in `picker`, or says there is none.
pub fn open(picker: &mut Option<Picker>, preset: usize, ctx: &Ctx) -> Effect {
    let items = crate::links::lessons_for(ctx.library, ctx.presets, preset);
    if items.is_empty() {
        Effect::note(ctx.strings().no_sim_lessons())
    } else {
        *picker = Some(Picker { items, selected: 0 });
        Effect::None
    }
}

/// Performs `action` on the open list `picker` (closing it on Back or Open).
pub fn update(picker: &mut Option<Picker>, action: Action) -> Effect {
    let Some(p) = picker.as_mut() else {
        return Effect::None;
    };
    match action {
        Action::Down => p.selected = super::next_row(p.selected, p.items.len()),
        Action::Up => p.selected = p.selected.saturating_sub(1),
        Action::Open => {
            let link = p.items.get(p.selected).cloned();
            *picker = None;
            if let Some(link) = link {
                return Effect::Open(Open::Lesson(link.lesson, link.anchor));
            }
        }
        Action::Back => *picker = None,
        _ => {}
    }
    Effect::None
}

/// Draws the list over `area`.
pub fn render(picker: &Picker, frame: &mut Frame, area: Rect, ctx: &Ctx) {
    let s = ctx.strings();
    let rows = picker.items.len() as u16;
    let width = area.width.saturating_sub(4).min(70);
    let height = (rows + 2).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let footer = [Action::Open, Action::Back]
        .into_iter()
        .filter_map(|a| {
            let b = keymap::active()
                .in_context(Context::List)
                .find(|b| b.action == a)?;
            let key = keymap::key_name(b.keys.first()?);
            Some(format!("{key} {}", b.description(ctx.lang)))
        })
        .collect::<Vec<_>>()
        .join("  ");
    let titles = (s.sim_lessons_title(), footer.as_str());
    let inner = crate::ui::view::overlay_box(ctx, frame, rect, titles, 0);
    let inner_w = usize::from(inner.width);
    let visible = usize::from(inner.height).max(1);
    let offset = picker.selected.saturating_sub(visible - 1);
    let lines: Vec<Line> = picker
        .items
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, link)| {
            let lesson = &ctx.library.lessons[link.lesson].meta.title;
            let label = match &link.section {
                Some(section) => format!(" {lesson} › {section}"),
                None => format!(" {lesson} ({})", s.whole_lesson()),
            };
            let line = Line::raw(text::truncate(&label, inner_w));
            if i == picker.selected {
                line.style(ctx.theme.selected())
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
