//! The list of simulations: the presets on the left, the selected one's description and
//! challenge on the right when the terminal is wide.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use crate::text;
use crate::ui::app::Screen as Kind;
use crate::ui::keymap::{Action, Context};
use crate::ui::layout::Bands;
use crate::ui::screen::{Ctx, Effect, Open, Screen};
use crate::ui::view::sims::{topic_label, wrapped};
use crate::ui::view::{status_bar, title_bar};

/// The simulation list and its selected row.
#[derive(Debug, Default)]
pub struct SimList {
    /// Selected row (a preset's index).
    pub selected: usize,
}

impl SimList {
    /// The list with row `selected` highlighted.
    pub fn new(selected: usize) -> Self {
        Self { selected }
    }
}

impl Screen for SimList {
    fn kind(&self) -> Kind {
        Kind::Sims
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::List]
    }

    fn update(&mut self, action: Action, ctx: &Ctx) -> Effect {
        match action {
            Action::Down => self.selected = super::next_row(self.selected, ctx.presets.len()),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Open => return Effect::Open(Open::Sim(self.selected)),
            Action::Back => return Effect::Pop,
            _ => {}
        }
        Effect::None
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let lang = ctx.lang;
        let Bands {
            title,
            body,
            status,
        } = Bands::of(area);
        title_bar(
            ctx,
            frame,
            title,
            lang.pick("시뮬레이션", "Simulations"),
            "",
        );
        let wide = body.width >= 80;
        let list_w = if wide {
            (body.width * 2 / 5).max(36)
        } else {
            body.width
        };
        let list = Rect {
            width: list_w,
            ..body
        };
        let block = Block::bordered()
            .title(format!(" {} ", lang.pick("프리셋", "Presets")))
            .border_style(ctx.theme.border(true));
        let inner = block.inner(list);
        frame.render_widget(block, list);
        // Scroll just enough to keep the selection on screen (the list outgrows 60x20).
        let rows = usize::from(inner.height).max(1);
        let first = (self.selected + 1).saturating_sub(rows);
        let lines: Vec<Line> = ctx
            .presets
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(i, p)| {
                // ✓ marks a passed challenge (the mark is the meaning; no colour needed).
                let mark = if ctx.store.sim_passed(p.id()) {
                    "✓"
                } else {
                    " "
                };
                let label = format!("{mark}{:<8} {}", topic_label(p), p.title(lang));
                let line = Line::raw(text::truncate(&label, usize::from(inner.width)));
                if i == self.selected {
                    line.style(ctx.theme.selected())
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(lines), inner);
        if wide {
            let right = Rect {
                x: body.x + list_w,
                width: body.width.saturating_sub(list_w),
                ..body
            };
            let block = Block::bordered().border_style(ctx.theme.border(false));
            let inner = block.inner(right);
            frame.render_widget(block, right);
            if let Some(p) = ctx.presets.get(self.selected) {
                let inner = Rect {
                    x: inner.x + 1,
                    width: inner.width.saturating_sub(2),
                    ..inner
                };
                let mut lines = vec![
                    Line::styled(
                        p.title(lang).to_owned(),
                        Style::new().add_modifier(Modifier::BOLD),
                    ),
                    Line::raw(""),
                ];
                lines.extend(wrapped(p.description(lang), inner.width, Style::new()));
                lines.push(Line::raw(""));
                lines.extend(wrapped(
                    &format!("{} {}", lang.pick("과제:", "Challenge:"), p.challenge(lang)),
                    inner.width,
                    ctx.theme.key(),
                ));
                frame.render_widget(Paragraph::new(lines), inner);
            }
        }
        status_bar(ctx, frame, status, &[Context::List], None);
    }
}
