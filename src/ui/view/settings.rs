//! Drawing the settings overlay.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use crate::strings::Lang;
use crate::text;
use crate::ui::app::App;
use crate::ui::keymap::{self, Context};
use crate::ui::settings::Item;

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let Some(screen) = app.settings else {
        return;
    };
    let s = app.strings();
    let width = area.width.saturating_sub(4).min(76);
    let inner_w = usize::from(width.saturating_sub(4)).max(1);
    let label_w = Item::ALL
        .iter()
        .map(|&i| text::width(s.setting_label(i)))
        .max()
        .unwrap_or(0)
        + 3;
    let mut lines: Vec<Line> = Vec::new();
    for (row, &item) in Item::ALL.iter().enumerate() {
        let selected = row == screen.selected;
        let label = s.setting_label(item);
        let value: String = match item {
            Item::Lang => match app.lang {
                Lang::Ko => "한국어".to_owned(),
                Lang::En => "English".to_owned(),
            },
            Item::Theme => s.palette_name(app.theme.palette).to_owned(),
            Item::Mouse => s.on_off(app.mouse).to_owned(),
            Item::ExamEsl => s.on_off(app.store.progress().settings.exam_esl).to_owned(),
            Item::ReviewRetention => format!(
                "{}%",
                crate::settings::retention_percent(&app.store.progress().settings)
            ),
        };
        let pointer = if selected { "▸ " } else { "  " };
        let pad = label_w.saturating_sub(text::width(label));
        let value = if selected {
            format!("◂ {value} ▸")
        } else {
            format!("  {value}")
        };
        let line = Line::from(vec![
            Span::raw(format!("{pointer}{label}{}", " ".repeat(pad))),
            Span::styled(value, app.theme.key()),
        ]);
        lines.push(if selected {
            line.style(app.theme.selected())
        } else {
            line
        });
    }
    lines.push(Line::raw(""));
    for l in text::wrap(s.setting_help(screen.item()), inner_w) {
        lines.push(Line::styled(l, app.theme.dim()));
    }
    if !app.theme.color {
        for l in text::wrap(s.no_color_note(), inner_w) {
            lines.push(Line::styled(l, app.theme.dim()));
        }
    }
    lines.push(Line::raw(""));
    let keymap_file = &app.user_keymap;
    let bold = Style::new().add_modifier(Modifier::BOLD);
    if let Some(path) = &keymap_file.path {
        let head = format!("{}: ", s.keymap_file());
        for l in text::wrap(&format!("{head}{}", path.display()), inner_w) {
            lines.push(Line::styled(l, bold));
        }
        let state = s.keymap_state(
            keymap_file.found,
            keymap_file.applied,
            keymap_file.problems.len(),
        );
        for l in text::wrap(&state, inner_w.saturating_sub(2)) {
            lines.push(Line::raw(format!("  {l}")));
        }
        for p in &keymap_file.problems {
            let msg = p.display(std::path::Path::new(crate::keys::file::FILE_NAME), app.lang);
            for l in text::wrap(&msg, inner_w.saturating_sub(2)) {
                lines.push(Line::styled(format!("  {l}"), app.theme.warning()));
            }
        }
    } else {
        let line = format!("{}: {}", s.keymap_file(), s.no_config_dir());
        for l in text::wrap(&line, inner_w) {
            lines.push(Line::raw(l));
        }
    }
    let path = app.store.path();
    let saved = if app.store.is_read_only() || path.as_os_str().is_empty() {
        s.settings_not_saved().to_owned()
    } else {
        s.settings_saved_in(&path.display().to_string())
    };
    for l in text::wrap(&saved, inner_w) {
        lines.push(Line::styled(l, app.theme.dim()));
    }

    let height = (lines.len() as u16 + 2).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let footer = keymap::active()
        .status_bindings(&[Context::Settings])
        .filter(|b| b.context == Context::Settings)
        .filter_map(|b| {
            let key = keymap::key_name(b.keys.first()?);
            Some(format!("{key} {}", b.description(app.lang)))
        })
        .collect::<Vec<_>>()
        .join("  ");
    let block = Block::bordered()
        .title(format!(" {} ", s.settings_title()))
        .title_bottom(Line::from(format!(" {footer} ")).right_aligned())
        .border_style(app.theme.border(true));
    let inner = block.inner(rect);
    let inner = Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    };
    super::clear(app, frame, rect);
    frame.render_widget(block, rect);
    frame.render_widget(Paragraph::new(lines), inner);
}
