//! Printing a rendered lesson to a stream: with ANSI styles and OSC 8 links for a terminal,
//! or as plain text for pipes and `NO_COLOR`.

use std::fmt::Write as _;

use ratatui::style::{Color, Modifier, Style};

use super::theme::Theme;
use crate::lesson::styled::Rendered;

/// How to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Text only.
    Plain,
    /// SGR styles; OSC 8 hyperlinks for web links when `links` is set.
    Styled {
        /// Emit OSC 8 hyperlinks.
        links: bool,
    },
}

/// The lesson as text, one rendered line per output line.
pub fn to_string(rendered: &Rendered, theme: Theme, output: Output) -> String {
    let mut out = String::with_capacity(rendered.lines.len() * 64);
    for line in &rendered.lines {
        match output {
            Output::Plain => {
                for span in &line.spans {
                    out.push_str(&span.text);
                }
                let trimmed = out.trim_end_matches(' ').len();
                out.truncate(trimmed);
            }
            Output::Styled { links } => {
                for span in &line.spans {
                    let link = span.link.and_then(|i| rendered.links.get(i)).filter(|t| {
                        links && (t.starts_with("https://") || t.starts_with("http://"))
                    });
                    if let Some(url) = link {
                        let _ = write!(out, "\x1b]8;;{url}\x1b\\");
                    }
                    let sgr = sgr(theme.span(span.style));
                    if sgr.is_empty() {
                        out.push_str(&span.text);
                    } else {
                        let _ = write!(out, "\x1b[{sgr}m{}\x1b[0m", span.text);
                    }
                    if link.is_some() {
                        out.push_str("\x1b]8;;\x1b\\");
                    }
                }
            }
        }
        out.push('\n');
    }
    out
}

/// SGR parameters for a style, e.g. `1;36`.
fn sgr(style: Style) -> String {
    let mut codes: Vec<String> = Vec::new();
    let m = style.add_modifier;
    for (flag, code) in [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ] {
        if m.contains(flag) {
            codes.push(code.into());
        }
    }
    if let Some(fg) = style.fg.and_then(|c| color(c, false)) {
        codes.push(fg);
    }
    if let Some(bg) = style.bg.and_then(|c| color(c, true)) {
        codes.push(bg);
    }
    codes.join(";")
}

fn color(c: Color, bg: bool) -> Option<String> {
    let base = if bg { 40 } else { 30 };
    let named = |n: u8| Some((base + u16::from(n)).to_string());
    let bright = |n: u8| Some((base + 60 + u16::from(n)).to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(i) => Some(format!("{};5;{i}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::styled::{Line, LineKind, Role, Span, Style as S};

    fn sample() -> Rendered {
        let span = |text: &str, role, link| Span {
            text: text.into(),
            style: S::of(role),
            link,
        };
        Rendered {
            lines: vec![Line {
                spans: vec![
                    span("람다 ", Role::Text, None),
                    span("문서", Role::Link, Some(0)),
                    span("  ", Role::Text, None),
                ],
                kind: LineKind::Prose,
            }],
            headings: vec![],
            links: vec!["https://docs.aws.amazon.com/lambda/".into()],
        }
    }

    #[test]
    fn plain_output_has_no_escape_bytes_and_no_trailing_spaces() {
        let out = to_string(&sample(), Theme::dark(), Output::Plain);
        assert_eq!(out, "람다 문서\n");
    }

    #[test]
    fn styled_output_wraps_web_links_in_osc8() {
        let out = to_string(&sample(), Theme::dark(), Output::Styled { links: true });
        assert!(out.contains("\x1b]8;;https://docs.aws.amazon.com/lambda/\x1b\\"));
        assert!(out.contains("\x1b[4;94m문서\x1b[0m"), "{out:?}");
        let no_links = to_string(&sample(), Theme::dark(), Output::Styled { links: false });
        assert!(!no_links.contains("]8;;"));
    }
}
