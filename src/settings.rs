//! The learner's settings as data: which settings exist, the colour palettes, and the values
//! to start with (flags win over saved settings). The settings screen draws and edits these.

use crate::store::Settings;

/// One row of the settings screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// UI language.
    Lang,
    /// Colour palette.
    Theme,
    /// Mouse capture.
    Mouse,
    /// The ESL accommodation (+30 minutes) of mock exams.
    ExamEsl,
    /// Desired retention of the review scheduler (FSRS).
    ReviewRetention,
}

impl Item {
    /// The rows, top to bottom.
    pub const ALL: [Self; 5] = [
        Self::Lang,
        Self::Theme,
        Self::Mouse,
        Self::ExamEsl,
        Self::ReviewRetention,
    ];
}

/// A colour palette (the `theme` setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Palette {
    /// Light text on the terminal's dark background (the default).
    #[default]
    Dark,
    /// Dark text on a white background.
    Light,
    /// White on black, bold bright accents, no grey.
    HighContrast,
}

impl Palette {
    /// Every palette, in the order the settings screen cycles through them.
    pub const ALL: [Self; 3] = [Self::Dark, Self::Light, Self::HighContrast];

    /// The name saved in settings and taken by `--theme`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Dark => "dark",
            Self::Light => "light",
            Self::HighContrast => "high-contrast",
        }
    }

    /// Parses a palette name (`dark`, `light`, `high-contrast`; `hc` and `contrast` too).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "dark" => Some(Self::Dark),
            "light" => Some(Self::Light),
            "high-contrast" | "highcontrast" | "high_contrast" | "contrast" | "hc" => {
                Some(Self::HighContrast)
            }
            _ => None,
        }
    }

    /// The next palette in [`Palette::ALL`] (`forward`) or the previous one.
    #[must_use]
    pub fn cycled(self, forward: bool) -> Self {
        let i = Self::ALL.iter().position(|p| *p == self).unwrap_or(0);
        let n = Self::ALL.len();
        Self::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// The palette to start with: the `--theme` flag for this run, else the saved setting, else
/// dark (an unknown saved name, e.g. from a newer build, falls back too).
pub fn start_palette(saved: &Settings, flag: Option<Palette>) -> Palette {
    flag.or_else(|| saved.theme.as_deref().and_then(Palette::parse))
        .unwrap_or_default()
}

/// Whether to start with mouse capture: on unless `--no-mouse` or the saved setting says off.
pub fn start_mouse(saved: &Settings, no_mouse_flag: bool) -> bool {
    !no_mouse_flag && saved.mouse.unwrap_or(true)
}

/// The desired retention of spaced review (FSRS), in percent: the saved setting when it is
/// one of [`crate::quiz::review::RETENTION_CHOICES`], else 90.
///
/// The settings screen's row for it: label [`crate::strings::Strings::setting_retention_label`],
/// value `"{n}%"`, help [`crate::strings::Strings::setting_retention_help`]; Left/Right call
/// [`cycle_retention`] and save with `store.update_settings(|s| s.review_retention = Some(n))`.
pub fn retention_percent(saved: &Settings) -> u8 {
    use crate::quiz::review::{DEFAULT_RETENTION_PERCENT, RETENTION_CHOICES};
    saved
        .review_retention
        .filter(|p| RETENTION_CHOICES.contains(p))
        .unwrap_or(DEFAULT_RETENTION_PERCENT)
}

/// The next (`forward`) or previous retention choice after `current`, wrapping around.
pub fn cycle_retention(current: u8, forward: bool) -> u8 {
    use crate::quiz::review::RETENTION_CHOICES;
    let n = RETENTION_CHOICES.len();
    let i = RETENTION_CHOICES
        .iter()
        .position(|&p| p == current)
        .unwrap_or(2);
    RETENTION_CHOICES[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}

#[cfg(test)]
mod retention_tests {
    use super::*;

    #[test]
    fn retention_defaults_to_90_and_cycles_through_the_choices() {
        let mut s = Settings::default();
        assert_eq!(retention_percent(&s), 90);
        s.review_retention = Some(42);
        assert_eq!(retention_percent(&s), 90, "not a choice: the default");
        s.review_retention = Some(95);
        assert_eq!(retention_percent(&s), 95);
        assert_eq!(cycle_retention(90, true), 93);
        assert_eq!(cycle_retention(95, true), 80);
        assert_eq!(cycle_retention(80, false), 95);
    }
}
