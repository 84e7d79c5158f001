//! Colours and text attributes, in one place.
//!
//! The renderer says what a span *is* ([`Role`]); the theme says how it looks. Three palettes:
//! [`Palette::Dark`] (for dark terminals, drawn on the terminal's own background),
//! [`Palette::Light`] (dark text on a white background it paints itself) and
//! [`Palette::HighContrast`] (pure white on black with a few bold bright accents and no grey).
//! With `NO_COLOR` set (<https://no-color.org>) no colour is used at all, whatever the palette:
//! only attributes such as bold, underline and reverse, so the selection stays visible.

use ratatui::style::{Color, Modifier, Style};

use crate::lesson::styled::{self, Role};

pub use crate::settings::Palette;

/// How each palette looks (the enum itself is a setting, in `crate::settings`).
impl Palette {
    fn colors(self) -> &'static Colors {
        match self {
            Self::Dark => &DARK,
            Self::Light => &LIGHT,
            Self::HighContrast => &HIGH_CONTRAST,
        }
    }
}

/// The colours of one palette. `(fg, bg)` pairs are for bars and highlights.
#[derive(Debug)]
struct Colors {
    /// Painted under everything (`None`: the terminal's own colours).
    base: Option<(Color, Color)>,
    h1: Color,
    h2: Color,
    h3: Color,
    number: Color,
    inline_code: Color,
    code_block: Color,
    dim: Color,
    quote: Color,
    list_marker: Color,
    link: Color,
    image: Color,
    title: (Color, Color),
    status: (Color, Color),
    key: Color,
    selected: (Color, Color),
    /// `None`: underline instead of a background.
    unfocused_bg: Option<Color>,
    border_focus: Color,
    border: Color,
    course: Color,
    done: Color,
    partial: Color,
    search: (Color, Color),
    current: (Color, Color),
    message: Color,
    warning: Color,
    /// Chart colours of the simulations: (dark-palette colour, this palette's colour).
    series: [(Color, Color); 7],
}

const DARK: Colors = Colors {
    base: None,
    h1: Color::LightCyan,
    h2: Color::Cyan,
    h3: Color::Blue,
    number: Color::DarkGray,
    inline_code: Color::Yellow,
    code_block: Color::Green,
    dim: Color::DarkGray,
    quote: Color::Magenta,
    list_marker: Color::Cyan,
    link: Color::LightBlue,
    image: Color::Magenta,
    title: (Color::Black, Color::Cyan),
    status: (Color::Gray, Color::Indexed(236)),
    key: Color::Yellow,
    selected: (Color::White, Color::Indexed(24)),
    unfocused_bg: Some(Color::Indexed(238)),
    border_focus: Color::Cyan,
    border: Color::DarkGray,
    course: Color::LightCyan,
    done: Color::Green,
    partial: Color::Yellow,
    search: (Color::Black, Color::Yellow),
    current: (Color::Black, Color::LightRed),
    message: Color::LightGreen,
    warning: Color::LightRed,
    series: [
        (Color::Green, Color::Green),
        (Color::Blue, Color::Blue),
        (Color::Yellow, Color::Yellow),
        (Color::Red, Color::Red),
        (Color::Magenta, Color::Magenta),
        (Color::Cyan, Color::Cyan),
        (Color::DarkGray, Color::DarkGray),
    ],
};

/// 256-colour indexes rather than the 16 named colours: those depend on the terminal's palette
/// and several (yellow, cyan) are unreadable on white in common ones.
const LIGHT: Colors = Colors {
    base: Some((Color::Indexed(16), Color::Indexed(231))),
    h1: Color::Indexed(18),
    h2: Color::Indexed(24),
    h3: Color::Indexed(25),
    number: Color::Indexed(242),
    inline_code: Color::Indexed(125),
    code_block: Color::Indexed(22),
    dim: Color::Indexed(242),
    quote: Color::Indexed(90),
    list_marker: Color::Indexed(24),
    link: Color::Indexed(19),
    image: Color::Indexed(90),
    title: (Color::Indexed(231), Color::Indexed(24)),
    status: (Color::Indexed(16), Color::Indexed(252)),
    key: Color::Indexed(18),
    selected: (Color::Indexed(16), Color::Indexed(153)),
    unfocused_bg: Some(Color::Indexed(254)),
    border_focus: Color::Indexed(24),
    border: Color::Indexed(245),
    course: Color::Indexed(18),
    done: Color::Indexed(28),
    partial: Color::Indexed(130),
    search: (Color::Indexed(16), Color::Indexed(228)),
    current: (Color::Indexed(231), Color::Indexed(160)),
    message: Color::Indexed(28),
    warning: Color::Indexed(160),
    series: [
        (Color::Green, Color::Indexed(28)),
        (Color::Blue, Color::Indexed(25)),
        (Color::Yellow, Color::Indexed(130)),
        (Color::Red, Color::Indexed(160)),
        (Color::Magenta, Color::Indexed(90)),
        (Color::Cyan, Color::Indexed(30)),
        (Color::DarkGray, Color::Indexed(242)),
    ],
};

const HIGH_CONTRAST: Colors = Colors {
    base: Some((Color::Indexed(231), Color::Indexed(16))),
    h1: Color::LightYellow,
    h2: Color::LightCyan,
    h3: Color::Indexed(231),
    number: Color::Indexed(231),
    inline_code: Color::LightYellow,
    code_block: Color::LightGreen,
    dim: Color::Indexed(231),
    quote: Color::LightMagenta,
    list_marker: Color::LightCyan,
    link: Color::LightCyan,
    image: Color::LightMagenta,
    title: (Color::Indexed(16), Color::Indexed(231)),
    status: (Color::Indexed(231), Color::Indexed(16)),
    key: Color::LightYellow,
    selected: (Color::Indexed(16), Color::LightYellow),
    unfocused_bg: None,
    border_focus: Color::LightYellow,
    border: Color::Indexed(231),
    course: Color::LightCyan,
    done: Color::LightGreen,
    partial: Color::LightYellow,
    search: (Color::Indexed(16), Color::LightCyan),
    current: (Color::Indexed(16), Color::LightMagenta),
    message: Color::LightGreen,
    warning: Color::LightRed,
    series: [
        (Color::Green, Color::LightGreen),
        (Color::Blue, Color::LightCyan),
        (Color::Yellow, Color::LightYellow),
        (Color::Red, Color::LightRed),
        (Color::Magenta, Color::LightMagenta),
        (Color::Cyan, Color::LightCyan),
        (Color::DarkGray, Color::Indexed(231)),
    ],
};

/// The active look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// `false` when `NO_COLOR` is set: attributes only.
    pub color: bool,
    /// The colours used when `color` is on.
    pub palette: Palette,
}

impl Theme {
    /// The dark palette in colour (tests and snapshots).
    pub const fn dark() -> Self {
        Self {
            color: true,
            palette: Palette::Dark,
        }
    }

    /// The theme for this environment in the dark palette (respects `NO_COLOR`).
    pub fn from_env() -> Self {
        Self::with_palette(Palette::Dark)
    }

    /// The theme for this environment in `palette` (respects `NO_COLOR`).
    pub fn with_palette(palette: Palette) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self {
            color: !no_color,
            palette,
        }
    }

    fn c(self) -> &'static Colors {
        self.palette.colors()
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    fn pair((fg, bg): (Color, Color)) -> Style {
        Style::new().fg(fg).bg(bg)
    }

    /// Painted under every screen and overlay: the palette's own background, or nothing
    /// (the terminal's colours) for the dark palette and without colour.
    pub fn base(self) -> Style {
        match self.c().base {
            Some(pair) if self.color => Self::pair(pair),
            _ => Style::new(),
        }
    }

    /// A chart colour of the simulations, given as its dark-palette colour, in this palette.
    pub fn series(self, dark: Color) -> Style {
        let c = self
            .c()
            .series
            .iter()
            .find(|(d, _)| *d == dark)
            .map_or(dark, |(_, c)| *c);
        self.fg(c)
    }

    /// Style of a rendered lesson span.
    pub fn span(self, s: styled::Style) -> Style {
        let c = self.c();
        let mut st = match s.role {
            Role::Text => Style::new(),
            Role::Heading(1) => self.fg(c.h1).add_modifier(Modifier::BOLD),
            Role::Heading(2) => self.fg(c.h2).add_modifier(Modifier::BOLD),
            Role::Heading(_) => self.fg(c.h3).add_modifier(Modifier::BOLD),
            Role::HeadingNumber => self.fg(c.number).add_modifier(Modifier::BOLD),
            Role::InlineCode => self.fg(c.inline_code),
            Role::CodeBlock => self.fg(c.code_block),
            Role::CodeLabel
            | Role::ClipMarker
            | Role::Dim
            | Role::LinkTarget
            | Role::TableBorder
            | Role::Rule => self.fg(c.dim),
            Role::QuoteBar => self.fg(c.quote),
            Role::ListMarker => self.fg(c.list_marker),
            Role::TableHeader => Style::new().add_modifier(Modifier::BOLD),
            Role::Link => self.fg(c.link).add_modifier(Modifier::UNDERLINED),
            Role::Image => self.fg(c.image).add_modifier(Modifier::ITALIC),
        };
        if !self.color && matches!(s.role, Role::LinkTarget | Role::Dim | Role::CodeLabel) {
            st = st.add_modifier(Modifier::DIM);
        }
        if s.bold {
            st = st.add_modifier(Modifier::BOLD);
        }
        if s.italic {
            st = st.add_modifier(Modifier::ITALIC);
        }
        if s.underline {
            st = st.add_modifier(Modifier::UNDERLINED);
        }
        if s.strike {
            st = st.add_modifier(Modifier::CROSSED_OUT);
        }
        st
    }

    /// The title bar.
    pub fn title_bar(self) -> Style {
        if self.color {
            Self::pair(self.c().title).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The status bar.
    pub fn status_bar(self) -> Style {
        if self.color {
            Self::pair(self.c().status)
        } else {
            Style::new()
        }
    }

    /// A key name in the status bar or help.
    pub fn key(self) -> Style {
        self.fg(self.c().key).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    pub fn selected(self) -> Style {
        if self.color {
            Self::pair(self.c().selected).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A selected row in a panel that does not have focus.
    pub fn selected_unfocused(self) -> Style {
        match self.c().unfocused_bg {
            Some(bg) if self.color => Style::new().bg(bg),
            Some(_) => Style::new().add_modifier(Modifier::UNDERLINED),
            None => Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        }
    }

    /// Panel borders: focused or not.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(self.c().border_focus)
        } else {
            self.fg(self.c().border)
        }
    }

    /// A glossary term in a lesson: a quiet underline in the palette's secondary colour, so the
    /// text still reads as text.
    pub fn glossary_term(self) -> Style {
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        if self.color {
            underline.underline_color(self.c().dim)
        } else {
            underline
        }
    }

    /// Secondary text.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(self.c().dim)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// A course row on the home screen.
    pub fn course(self) -> Style {
        self.fg(self.c().course).add_modifier(Modifier::BOLD)
    }

    /// The "read" check mark and finished gauges.
    pub fn done(self) -> Style {
        self.fg(self.c().done)
    }

    /// Partly read lessons.
    pub fn partial(self) -> Style {
        self.fg(self.c().partial)
    }

    /// A search match.
    pub fn search_match(self) -> Style {
        if self.color {
            Self::pair(self.c().search)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The current search match.
    pub fn search_current(self) -> Style {
        if self.color {
            Self::pair(self.c().current).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// A status message (info).
    pub fn message(self) -> Style {
        self.fg(self.c().message)
    }

    /// A warning or error message.
    pub fn warning(self) -> Style {
        self.fg(self.c().warning).add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_styles(t: Theme) -> Vec<Style> {
        let mut v = vec![
            t.base(),
            t.title_bar(),
            t.status_bar(),
            t.key(),
            t.selected(),
            t.selected_unfocused(),
            t.border(true),
            t.border(false),
            t.dim(),
            t.course(),
            t.done(),
            t.partial(),
            t.search_match(),
            t.search_current(),
            t.message(),
            t.warning(),
            t.series(Color::Yellow),
            t.series(Color::DarkGray),
        ];
        for role in [
            Role::Text,
            Role::Heading(1),
            Role::Heading(2),
            Role::Heading(3),
            Role::HeadingNumber,
            Role::InlineCode,
            Role::CodeBlock,
            Role::Dim,
            Role::QuoteBar,
            Role::Link,
            Role::Image,
        ] {
            v.push(t.span(styled::Style::of(role)));
        }
        v
    }

    #[test]
    fn palette_names_round_trip_and_cycle() {
        for p in Palette::ALL {
            assert_eq!(Palette::parse(p.name()), Some(p));
            assert_eq!(p.cycled(true).cycled(false), p);
        }
        assert_eq!(Palette::parse(" HC "), Some(Palette::HighContrast));
        assert_eq!(Palette::parse("solarized"), None);
        assert_eq!(Palette::Dark.cycled(true), Palette::Light);
        assert_eq!(Palette::Dark.cycled(false), Palette::HighContrast);
    }

    #[test]
    fn without_colour_no_style_has_a_colour_in_any_palette() {
        for palette in Palette::ALL {
            let t = Theme {
                color: false,
                palette,
            };
            for st in all_styles(t) {
                assert_eq!((st.fg, st.bg), (None, None), "{palette:?} {st:?}");
            }
            // Selection and search stay visible through attributes.
            assert!(t.selected().add_modifier.contains(Modifier::REVERSED));
            assert!(t.search_current().add_modifier.contains(Modifier::REVERSED));
        }
    }

    #[test]
    fn high_contrast_has_no_grey_and_light_paints_white() {
        let greys = |c: Color| match c {
            Color::DarkGray | Color::Gray => true,
            Color::Indexed(i) => (232..=255).contains(&i) || i == 8 || i == 7,
            _ => false,
        };
        let hc = Theme {
            color: true,
            palette: Palette::HighContrast,
        };
        for st in all_styles(hc) {
            for c in [st.fg, st.bg].into_iter().flatten() {
                assert!(!greys(c), "grey {c:?} in the high-contrast palette");
            }
        }
        let light = Theme {
            color: true,
            palette: Palette::Light,
        };
        assert_eq!(light.base().bg, Some(Color::Indexed(231)), "white");
        assert_eq!(light.base().fg, Some(Color::Indexed(16)), "black");
        assert_eq!(hc.base().bg, Some(Color::Indexed(16)));
        assert_eq!(
            Theme::dark().base(),
            Style::new(),
            "dark keeps the terminal's own"
        );
        // Yellow text (unreadable on white) is swapped for a dark orange in charts.
        assert_eq!(light.series(Color::Yellow).fg, Some(Color::Indexed(130)));
    }
}
