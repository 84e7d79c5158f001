//! Colours and text attributes, in one place.
//!
//! The renderer says what a span *is* ([`Role`]); the theme says how it looks. With `NO_COLOR`
//! set (<https://no-color.org>) only attributes such as bold and reverse are used.

use ratatui::style::{Color, Modifier, Style};

use crate::lesson::styled::{self, Role};

/// The active look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// `false` when `NO_COLOR` is set: attributes only.
    pub color: bool,
}

impl Theme {
    /// The theme for this environment (respects `NO_COLOR`).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self { color: !no_color }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Style of a rendered lesson span.
    pub fn span(self, s: styled::Style) -> Style {
        let mut st = match s.role {
            Role::Text => Style::new(),
            Role::Heading(1) => self.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            Role::Heading(2) => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Role::Heading(_) => self.fg(Color::Blue).add_modifier(Modifier::BOLD),
            Role::HeadingNumber => self.fg(Color::DarkGray).add_modifier(Modifier::BOLD),
            Role::InlineCode => self.fg(Color::Yellow),
            Role::CodeBlock => self.fg(Color::Green),
            Role::CodeLabel | Role::ClipMarker | Role::Dim | Role::LinkTarget => {
                self.fg(Color::DarkGray)
            }
            Role::QuoteBar => self.fg(Color::Magenta),
            Role::ListMarker => self.fg(Color::Cyan),
            Role::TableBorder | Role::Rule => self.fg(Color::DarkGray),
            Role::TableHeader => Style::new().add_modifier(Modifier::BOLD),
            Role::Link => self.fg(Color::LightBlue).add_modifier(Modifier::UNDERLINED),
            Role::Image => self.fg(Color::Magenta).add_modifier(Modifier::ITALIC),
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
            Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
        }
    }

    /// The status bar.
    pub fn status_bar(self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(236)).fg(Color::Gray)
        } else {
            Style::new()
        }
    }

    /// A key name in the status bar or help.
    pub fn key(self) -> Style {
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    pub fn selected(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::Indexed(24))
                .fg(Color::White)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// A selected row in a panel that does not have focus.
    pub fn selected_unfocused(self) -> Style {
        if self.color {
            Style::new().bg(Color::Indexed(238))
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Panel borders: focused or not.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan)
        } else {
            self.fg(Color::DarkGray)
        }
    }

    /// Secondary text.
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// A course row on the home screen.
    pub fn course(self) -> Style {
        self.fg(Color::LightCyan).add_modifier(Modifier::BOLD)
    }

    /// The "read" check mark and finished gauges.
    pub fn done(self) -> Style {
        self.fg(Color::Green)
    }

    /// Partly read lessons.
    pub fn partial(self) -> Style {
        self.fg(Color::Yellow)
    }

    /// A search match.
    pub fn search_match(self) -> Style {
        if self.color {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }

    /// The current search match.
    pub fn search_current(self) -> Style {
        if self.color {
            Style::new()
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    /// A status message (info).
    pub fn message(self) -> Style {
        self.fg(Color::LightGreen)
    }

    /// A warning or error message.
    pub fn warning(self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    /// A glossary term in a lesson: a quiet underline, so the text still reads as text.
    pub fn glossary_term(self) -> Style {
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        if self.color {
            underline.underline_color(Color::DarkGray)
        } else {
            underline
        }
    }
}
