//! The settings screen: language, theme, mouse and exam time, each applied at once and saved
//! with the progress (atomically, like every save of the store).
//!
//! It is an overlay over whatever screen was showing (`,` on the home screen, `F12` anywhere,
//! or from the help overlay), so closing it returns there.

use ratatui::crossterm::event::KeyEvent;

use super::app::App;
use super::keymap::{self, Action, Context};
use crate::settings::Palette;
pub use crate::settings::{Item, start_mouse, start_palette};

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

impl App {
    /// Opens the settings over the current screen (closing the help overlay).
    pub fn open_settings(&mut self) {
        self.help = None;
        self.settings = Some(SettingsScreen::default());
    }

    /// A key while the settings are open.
    pub(super) fn settings_key(&mut self, key: &KeyEvent) {
        if let Some(action) = keymap::lookup(&[Context::Settings], key) {
            self.settings_action(action);
        }
    }

    /// An action while the settings are open.
    pub fn settings_action(&mut self, action: Action) {
        let Some(screen) = self.settings.as_mut() else {
            return;
        };
        let n = Item::ALL.len();
        match action {
            Action::Down => screen.selected = (screen.selected + 1).min(n - 1),
            Action::Up => screen.selected = screen.selected.saturating_sub(1),
            Action::Right | Action::Left | Action::Toggle | Action::Open => {
                let item = screen.item();
                self.change_setting(item, action != Action::Left);
            }
            Action::ToggleLang => self.change_setting(Item::Lang, true),
            Action::Back | Action::Settings => self.settings = None,
            Action::Help => {
                self.settings = None;
                self.help = Some(super::screens::help::Help::default());
            }
            Action::Quit => self.quit = true,
            _ => {}
        }
    }

    /// Changes `item` to its next (or previous) value, applies it and saves.
    pub fn change_setting(&mut self, item: Item, forward: bool) {
        match item {
            Item::Lang => {
                self.lang = self.lang.toggled();
                self.store
                    .update_settings(|s| s.lang = Some(self.lang.code().to_owned()));
                if let Some(r) = self.reader.as_mut() {
                    r.invalidate();
                }
            }
            Item::Theme => {
                let palette: Palette = self.theme.palette.cycled(forward);
                self.theme.palette = palette;
                self.store
                    .update_settings(|s| s.theme = Some(palette.name().to_owned()));
            }
            Item::Mouse => {
                // The run loop turns capture on or off before the next frame.
                self.mouse = !self.mouse;
                self.store.update_settings(|s| s.mouse = Some(self.mouse));
            }
            Item::ExamEsl => {
                self.store.update_settings(|s| s.exam_esl = !s.exam_esl);
            }
            Item::ReviewRetention => {
                self.store.update_settings(|s| {
                    let now = crate::settings::retention_percent(s);
                    s.review_retention = Some(crate::settings::cycle_retention(now, forward));
                });
            }
        }
        self.save();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::{ContentSource, Library};
    use crate::store::{Settings, Store};
    use crate::strings::Lang;
    use crate::ui::theme::Theme;

    fn app_in(dir: &std::path::Path) -> App {
        let (store, notices) = Store::open_in(dir).unwrap();
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
        app.open_settings();
        // Language (row 1), theme (row 2: dark -> light -> high-contrast), mouse, ESL.
        app.settings_action(Action::Right);
        assert_eq!(app.lang, Lang::En);
        app.settings_action(Action::Down);
        app.settings_action(Action::Right);
        app.settings_action(Action::Right);
        assert_eq!(app.theme.palette, Palette::HighContrast);
        app.settings_action(Action::Down);
        app.settings_action(Action::Toggle);
        assert!(!app.mouse, "mouse off at once");
        app.settings_action(Action::Down);
        app.settings_action(Action::Right);
        assert!(app.store.progress().settings.exam_esl);
        assert!(!app.store.is_dirty(), "saved after each change");
        app.settings_action(Action::Back);
        assert!(app.settings.is_none());

        let (store, _) = Store::open_in(dir.path()).unwrap();
        let saved = &store.progress().settings;
        assert_eq!(saved.lang.as_deref(), Some("en"));
        assert_eq!(saved.theme.as_deref(), Some("high-contrast"));
        assert_eq!(saved.mouse, Some(false));
        assert!(saved.exam_esl);
        // Left goes back through the palettes.
        app.open_settings();
        app.settings_action(Action::Down);
        app.settings_action(Action::Left);
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
        app.change_setting(Item::Theme, true);
        // Imported into the database (unknown fields too) and kept beside it, unchanged.
        let text = std::fs::read_to_string(dir.path().join("progress.json.imported")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["from_the_future"], serde_json::json!([1, 2]));
        let (store, _) = Store::open_in(dir.path()).unwrap();
        assert_eq!(store.progress().settings.theme.as_deref(), Some("light"));
        assert_eq!(store.progress().settings.lang.as_deref(), Some("ko"));
    }
}
