//! Drawing: a frame is a pure function of [`App`]'s stack. The pieces every screen draws with
//! (title bar, status bar, clearing under an overlay) live here; each screen draws itself.

mod deploy;
pub(in crate::ui) mod practice;
pub(in crate::ui) mod sim_diagram;
pub(in crate::ui) mod sims;
pub(in crate::ui) mod sims_newer;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::app::{App, MIN_HEIGHT, MIN_WIDTH};
use super::keymap::{self, Context};
use super::screen::{Ctx, StatusKeys};
use crate::text;

/// Draws the whole UI: the screen in front, then the overlays over it, bottom to top.
pub fn draw(app: &App, frame: &mut Frame) {
    let area = frame.area();
    let ctx = app.ctx();
    // Light and high-contrast palettes paint their own background; dark keeps the terminal's.
    paint(&ctx, frame, area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(&ctx, frame, area);
        return;
    }
    for screen in app.layers.visible() {
        screen.render(frame, area, &ctx);
    }
}

/// Fills `area` with the theme's base colours (nothing for the dark palette or `NO_COLOR`).
fn paint(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    let base = ctx.theme.base();
    if base != ratatui::style::Style::new() {
        frame.render_widget(ratatui::widgets::Block::new().style(base), area);
    }
}

/// Clears `area` for an overlay, keeping the theme's background.
pub(in crate::ui) fn clear_for(ctx: &Ctx, frame: &mut Frame, area: Rect) {
    frame.render_widget(ratatui::widgets::Clear, area);
    paint(ctx, frame, area);
    split_wide_edge(frame.buffer_mut(), area);
}

/// Blanks a wide (Hangul) character just left of `area` whose right half the overlay covers:
/// ratatui skips a cell covered by the wide character before it, so the overlay's left border
/// would never reach the terminal and the character would show through in its place.
fn split_wide_edge(buf: &mut ratatui::buffer::Buffer, area: Rect) {
    if area.x <= buf.area.x {
        return;
    }
    for y in area.top()..area.bottom().min(buf.area.bottom()) {
        let cell = &mut buf[(area.x - 1, y)];
        if text::width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

fn draw_too_small(app: &Ctx, frame: &mut Frame, area: Rect) {
    let msg = app.strings().too_small(MIN_WIDTH, MIN_HEIGHT);
    let lines = text::wrap(&msg, usize::from(area.width.max(1)));
    let h = (lines.len() as u16).min(area.height);
    let y = area.y + area.height.saturating_sub(h) / 2;
    let rect = Rect {
        y,
        height: h,
        ..area
    };
    let para = Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
        .alignment(Alignment::Center);
    frame.render_widget(para, rect);
}

/// The top bar: `left` title, `right` info, in the title style.
pub(in crate::ui) fn title_bar(ctx: &Ctx, frame: &mut Frame, area: Rect, left: &str, right: &str) {
    let style = ctx.theme.title_bar();
    let width = usize::from(area.width);
    let right_w = text::width(right);
    let left = text::truncate(left, width.saturating_sub(right_w + 3));
    let pad = width.saturating_sub(text::width(&left) + right_w + 2);
    let line = Line::from(format!(" {left}{}{right} ", " ".repeat(pad))).style(style);
    frame.render_widget(Paragraph::new(line), area);
}

/// The bottom bar: key hints for `contexts` on the left, the status message on the right.
pub(in crate::ui) fn status_bar(
    ctx: &Ctx,
    frame: &mut Frame,
    area: Rect,
    contexts: &[Context],
    right: Option<Span<'_>>,
) {
    let bar = ctx.theme.status_bar();
    let mut spans: Vec<Span> = Vec::new();
    let width = usize::from(area.width);
    let right = match ctx.message {
        Some(m) => Some(Span::styled(
            m.text.clone(),
            if m.warning {
                ctx.theme.warning()
            } else {
                ctx.theme.message()
            },
        )),
        None => right,
    };
    // An open overlay takes the keys, so the hints of the screen under it would not work: the
    // settings show their own, the palette and the define popup show theirs in their border.
    let keys_in_border = ctx.status_keys == StatusKeys::InBorder;
    let contexts: &[Context] = if ctx.status_keys == StatusKeys::Settings {
        &[Context::Settings]
    } else {
        contexts
    };
    let right_w = right.as_ref().map_or(0, |s| text::width(&s.content));
    let mut used = 1;
    spans.push(Span::raw(" "));
    let lang = ctx.lang;
    let hint = |b: &'static keymap::Binding| {
        let key = keymap::key_name(&b.keys[0]);
        let desc = b.description(lang);
        let w = text::width(&key) + 1 + text::width(desc) + 2;
        (key, desc, w)
    };
    // The help hint always shows (it lists everything else), so its room is kept first.
    let (help, others): (Vec<_>, Vec<_>) = keymap::status_bindings(contexts)
        .filter(|_| !keys_in_border)
        .partition(|b| b.action == keymap::Action::Help);
    let help_w = help.first().map_or(0, |&b| hint(b).2);
    let mut shown = Vec::new();
    for b in others {
        let (key, desc, w) = hint(b);
        if used + w + help_w + right_w + 1 > width {
            break;
        }
        used += w;
        shown.push((key, desc));
    }
    if let Some(&b) = help.first() {
        let (key, desc, w) = hint(b);
        if used + w + right_w < width {
            used += w;
            shown.push((key, desc));
        }
    }
    for (key, desc) in shown {
        spans.push(Span::styled(key, ctx.theme.key()));
        spans.push(Span::raw(format!(" {desc}  ")));
    }
    if let Some(r) = right {
        let room = width.saturating_sub(used + 1);
        let text = text::truncate(&r.content, room);
        let pad = width.saturating_sub(used + text::width(&text) + 1);
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(text, r.style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(bar), area);
}

/// A text progress bar of `width` cells for `percent`.
pub(in crate::ui) fn gauge(percent: u8, width: usize) -> String {
    let full = usize::from(percent.min(100)) * width / 100;
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

/// The end of `s` that fits in `width` cells (a text box keeps its caret end in view).
pub(in crate::ui) fn tail(s: &str, width: usize) -> String {
    let mut used = 0;
    let mut start = s.len();
    for (i, ch) in s.char_indices().rev() {
        let w = text::width(ch.encode_utf8(&mut [0; 4]));
        if used + w > width {
            break;
        }
        used += w;
        start = i;
    }
    s.get(start..).unwrap_or("").to_owned()
}

/// Clears `rect` for an overlay and draws its border, titled `title` with `keys` at the bottom
/// right; returns the inside, narrowed by `pad` cells each side.
pub(in crate::ui) fn overlay_box(
    ctx: &Ctx,
    frame: &mut Frame,
    rect: Rect,
    (title, keys): (&str, &str),
    pad: u16,
) -> Rect {
    let block = ratatui::widgets::Block::bordered()
        .title(format!(" {title} "))
        .title_bottom(Line::from(format!(" {keys} ")).right_aligned())
        .border_style(ctx.theme.border(true));
    let inner = block.inner(rect);
    clear_for(ctx, frame, rect);
    frame.render_widget(block, rect);
    Rect {
        x: inner.x + pad,
        width: inner.width.saturating_sub(2 * pad),
        ..inner
    }
}
