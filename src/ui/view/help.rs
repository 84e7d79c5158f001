//! The help overlay, generated from the key map.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::text;
use crate::ui::app::App;
use crate::ui::keymap::{self, Context};

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect, scroll: usize) {
    let s = app.strings();
    let width = area.width.saturating_sub(4).min(72);
    let height = area.height.saturating_sub(2);
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    // This screen's keys first, then those that work everywhere (as lazygit does per panel).
    let mut groups = app.contexts();
    groups.push(Context::Global);
    // The group name without its parenthesised detail ("모의고사 (1-9: …)" → "모의고사").
    let screen = s.group(groups[0]).split(" (").next().unwrap_or_default();
    let block = Block::bordered()
        .title(format!(" {} ", s.help_title(screen)))
        .title_bottom(Line::from(format!(" {} ", s.help_close())).right_aligned())
        .border_style(app.theme.border(true));
    let inner = block.inner(rect);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    super::clear(app, frame, rect);
    frame.render_widget(block, rect);

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
            let desc = text::truncate(b.description(app.lang), inner_w.saturating_sub(key_w));
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, app.theme.key()),
                Span::raw(" ".repeat(pad)),
                Span::raw(desc),
            ]));
        }
    }
    let scroll = scroll.min(lines.len().saturating_sub(usize::from(inner.height)));
    frame.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), inner);
}
