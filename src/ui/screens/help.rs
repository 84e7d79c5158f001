//! The help overlay, generated from the key map: the keys of the screen in front first (titled
//! with its name), then the ones that work everywhere.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::text;
use crate::ui::app::Screen as ScreenKind;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::{Ctx, Effect, Open, Screen};

/// The help overlay, scrolled by `scroll` lines.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Help {
    /// Lines scrolled (drawing clamps it to the last page).
    pub scroll: usize,
    /// The key-map contexts of the screen it was opened over, most specific first.
    pub contexts: Vec<Context>,
}

impl Help {
    /// Help for a screen whose key-map contexts are `contexts`.
    pub fn new(contexts: Vec<Context>) -> Self {
        Self {
            scroll: 0,
            contexts,
        }
    }

    /// Performs `action` (the key looked up in the help context): scrolling keeps the overlay
    /// open, anything else closes it.
    pub fn key_action(&mut self, action: Option<Action>) -> Effect {
        match action {
            Some(Action::Down) => self.scroll += 1,
            Some(Action::Up) => self.scroll = self.scroll.saturating_sub(1),
            Some(Action::PageDown) => self.scroll += 10,
            Some(Action::PageUp) => self.scroll = self.scroll.saturating_sub(10),
            Some(Action::Top) => self.scroll = 0,
            // Drawing clamps the scroll to the last page.
            Some(Action::Bottom) => self.scroll = usize::MAX / 2,
            Some(Action::Settings) => {
                return Effect::Many(vec![Effect::Close, Effect::Open(Open::Settings)]);
            }
            Some(Action::Quit) => return Effect::Many(vec![Effect::Close, Effect::Quit]),
            _ => return Effect::Close,
        }
        Effect::None
    }

    /// Draws the overlay over `area`.
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let contexts = &self.contexts;
        let scroll = self.scroll;
        let s = ctx.strings();
        let width = area.width.saturating_sub(4).min(72);
        let height = area.height.saturating_sub(2);
        let rect = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        // This screen's keys first, then those that work everywhere (as lazygit does per panel).
        let mut groups = contexts.clone();
        groups.push(Context::Global);
        // The group name without its parenthesised detail ("모의고사 (1-9: …)" → "모의고사").
        let screen = s.group(groups[0]).split(" (").next().unwrap_or_default();
        let titles = (s.help_title(screen), s.help_close());
        let inner = crate::ui::view::overlay_box(ctx, frame, rect, (&titles.0, titles.1), 1);

        let inner_w = usize::from(inner.width);
        let key_w = 22.min(inner_w / 2);
        let mut lines: Vec<Line> = Vec::new();
        for group in groups {
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(
                s.group(group).to_owned(),
                Style::new().add_modifier(Modifier::BOLD),
            ));
            for b in keymap::active().in_context(group) {
                let keys = b
                    .keys
                    .iter()
                    .map(keymap::key_name)
                    .collect::<Vec<_>>()
                    .join(" ");
                let keys = text::truncate(&keys, key_w.saturating_sub(1));
                let pad = key_w.saturating_sub(text::width(&keys) + 2);
                let desc = text::truncate(b.description(ctx.lang), inner_w.saturating_sub(key_w));
                lines.push(Line::from(vec![
                    Span::raw("  "),
                    Span::styled(keys, ctx.theme.key()),
                    Span::raw(" ".repeat(pad)),
                    Span::raw(desc),
                ]));
            }
        }
        let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
        frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
    }
}

impl Screen for Help {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Help
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Help]
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Effect {
        self.key_action(Some(action))
    }

    /// Every key: the help's own scroll, anything else closes it.
    fn text_key(&mut self, key: &KeyEvent, _ctx: &Ctx) -> Option<Effect> {
        Some(self.key_action(keymap::lookup(&[Context::Help], key)))
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        self.draw(frame, area, ctx);
    }
}
