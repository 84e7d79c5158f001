//! The settings screen: language, theme, mouse and exam time, each applied at once (the app
//! applies [`Effect::Setting`]) and saved with the progress (atomically, like every save of the
//! store).
//!
//! It is an overlay over whatever screen was showing (`,` on the home screen, `F12` anywhere,
//! or from the help overlay), so closing it returns there.

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub use crate::settings::{Item, start_mouse, start_palette};
use crate::strings::Lang;
use crate::text;
use crate::ui::app::Screen as ScreenKind;
use crate::ui::keymap::{self, Action, Context};
use crate::ui::screen::{Ctx, Effect, Open, Screen, StatusKeys};

/// State of the settings overlay.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SettingsScreen {
    /// The highlighted row (index into [`Item::ALL`]).
    pub selected: usize,
}

impl SettingsScreen {
    /// The highlighted item.
    pub fn item(self) -> Item {
        Item::ALL[self.selected.min(Item::ALL.len() - 1)]
    }
}

/// Changes `item` to its next (or previous) value in the app's language, theme and mouse
/// setting and in the saved settings (the app then saves).
pub fn change(
    item: Item,
    forward: bool,
    (lang, theme, mouse): (&mut Lang, &mut crate::ui::theme::Theme, &mut bool),
    store: &mut crate::store::Store,
) {
    match item {
        Item::Lang => {
            *lang = lang.toggled();
            let code = lang.code().to_owned();
            store.update_settings(|s| s.lang = Some(code));
        }
        Item::Theme => {
            theme.palette = theme.palette.cycled(forward);
            let name = theme.palette.name().to_owned();
            store.update_settings(|s| s.theme = Some(name));
        }
        Item::Mouse => {
            // The run loop turns capture on or off before the next frame.
            *mouse = !*mouse;
            let on = *mouse;
            store.update_settings(|s| s.mouse = Some(on));
        }
        Item::ExamEsl => store.update_settings(|s| s.exam_esl = !s.exam_esl),
        Item::ReviewRetention => store.update_settings(|s| {
            let now = crate::settings::retention_percent(s);
            s.review_retention = Some(crate::settings::cycle_retention(now, forward));
        }),
    }
}

impl Screen for SettingsScreen {
    fn kind(&self) -> ScreenKind {
        ScreenKind::Settings
    }

    fn contexts(&self, _ctx: &Ctx) -> Vec<Context> {
        vec![Context::Settings]
    }

    fn is_overlay(&self) -> bool {
        true
    }

    fn status_keys(&self) -> StatusKeys {
        StatusKeys::Settings
    }

    fn update(&mut self, action: Action, _ctx: &Ctx) -> Effect {
        let n = Item::ALL.len();
        match action {
            Action::Down => self.selected = (self.selected + 1).min(n - 1),
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Right | Action::Left | Action::Toggle | Action::Open => {
                return Effect::Setting(self.item(), action != Action::Left);
            }
            Action::ToggleLang => return Effect::Setting(Item::Lang, true),
            Action::Back | Action::Settings => return Effect::Close,
            Action::Help => return Effect::Many(vec![Effect::Close, Effect::Open(Open::Help)]),
            Action::Quit => return Effect::Quit,
            _ => {}
        }
        Effect::None
    }

    /// Every key goes to the settings' key map (the screen below does not see it).
    fn text_key(&mut self, key: &KeyEvent, ctx: &Ctx) -> Option<Effect> {
        Some(
            keymap::lookup(&[Context::Settings], key)
                .map_or(Effect::None, |action| self.update(action, ctx)),
        )
    }

    fn render(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        draw(*self, ctx, frame, area);
    }
}

fn draw(screen: SettingsScreen, app: &Ctx, frame: &mut Frame, area: Rect) {
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
    let keymap_file = app.user_keymap;
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
    let titles = (s.settings_title(), footer.as_str());
    let inner = crate::ui::view::overlay_box(app, frame, rect, titles, 1);
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{ContentSource, Library};
    use crate::settings::Palette;
    use crate::store::{Settings, Store};
    use crate::strings::Lang;
    use crate::ui::App;
    use crate::ui::theme::Theme;

    fn app_in(dir: &std::path::Path) -> App {
        let (store, notices) =
            Store::open_in(dir, crate::clock::UnixMillis::from_secs(1_700_000_000)).unwrap();
        assert!(notices.is_empty());
        App::new(
            Library::load(&ContentSource::Embedded),
            store,
            Lang::Ko,
            Theme::dark(),
        )
    }

    #[test]
    fn every_setting_applies_at_once_and_survives_a_restart() {
        let dir = tempfile::tempdir().unwrap();
        let mut app = app_in(dir.path());
        app.mouse = true;
        app.apply(Effect::Open(Open::Settings));
        // Language (row 1), theme (row 2: dark -> light -> high-contrast), mouse, ESL.
        app.handle_action(Action::Right);
        assert_eq!(app.lang, Lang::En);
        app.handle_action(Action::Down);
        app.handle_action(Action::Right);
        app.handle_action(Action::Right);
        assert_eq!(app.theme.palette, Palette::HighContrast);
        app.handle_action(Action::Down);
        app.handle_action(Action::Toggle);
        assert!(!app.mouse, "mouse off at once");
        app.handle_action(Action::Down);
        app.handle_action(Action::Right);
        assert!(app.store.progress().settings.exam_esl);
        assert!(!app.store.is_dirty(), "saved after each change");
        app.handle_action(Action::Back);
        assert!(app.layers.top::<SettingsScreen>().is_none());

        let (store, _) = Store::open_in(
            dir.path(),
            crate::clock::UnixMillis::from_secs(1_700_000_000),
        )
        .unwrap();
        let saved = &store.progress().settings;
        assert_eq!(saved.lang.as_deref(), Some("en"));
        assert_eq!(saved.theme.as_deref(), Some("high-contrast"));
        assert_eq!(saved.mouse, Some(false));
        assert!(saved.exam_esl);
        // Left goes back through the palettes.
        app.apply(Effect::Open(Open::Settings));
        app.handle_action(Action::Down);
        app.handle_action(Action::Left);
        assert_eq!(app.theme.palette, Palette::Light);
    }

    #[test]
    fn saved_settings_choose_the_start_theme_and_mouse_unless_a_flag_says_otherwise() {
        let saved = Settings {
            theme: Some("light".into()),
            mouse: Some(false),
            ..Settings::default()
        };
        assert_eq!(start_palette(&saved, None), Palette::Light);
        assert_eq!(
            start_palette(&saved, Some(Palette::HighContrast)),
            Palette::HighContrast
        );
        let odd = Settings {
            theme: Some("sepia".into()),
            ..Settings::default()
        };
        assert_eq!(start_palette(&odd, None), Palette::Dark);
        assert!(!start_mouse(&saved, false));
        assert!(start_mouse(&Settings::default(), false));
        assert!(!start_mouse(&Settings::default(), true));
    }

    #[test]
    fn unknown_fields_of_the_progress_file_survive_a_settings_save() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("progress.json"),
            r#"{"format_version": 1, "from_the_future": [1, 2], "settings": {"lang": "ko"}}"#,
        )
        .unwrap();
        let mut app = app_in(dir.path());
        app.apply(Effect::Setting(Item::Theme, true));
        // Imported into the database (unknown fields too) and kept beside it, unchanged.
        let text = std::fs::read_to_string(dir.path().join("progress.json.imported")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["from_the_future"], serde_json::json!([1, 2]));
        let (store, _) = Store::open_in(
            dir.path(),
            crate::clock::UnixMillis::from_secs(1_700_000_000),
        )
        .unwrap();
        assert_eq!(store.progress().settings.theme.as_deref(), Some("light"));
        assert_eq!(store.progress().settings.lang.as_deref(), Some("ko"));
    }
}
