//! Pictures of the app for the README, made from the real binary.
//!
//! `cargo build --release && cargo run --release --example screenshots` starts
//! `target/release/gureum` in a pseudo-terminal (the e2e tests' `tests/support/pty.rs`), drives it
//! with keys to the home screen, a lesson, a practice question with its feedback, a simulation
//! with its chart and the search palette, and writes each screen as an SVG to `docs/screenshots/`
//! (or the folder given as the first argument). Run it again when the screens change.
//!
//! An SVG has one `<text>` per row and a `<tspan>` per run of cells with the same colours and
//! weight, taken from vt100's cells; every cell sits at its column (`x` = column × cell width), so
//! a wide Hangul syllable takes two columns and the rows line up in any monospace font.

#[path = "../tests/support/pty.rs"]
mod pty;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::Duration;

use pty::{BIN, Pty};

const COLS: u16 = 100;
const ROWS: u16 = 30;
/// Cell size in SVG units: a monospace cell is about 0.6 em wide.
const CELL_W: f32 = 8.4;
const CELL_H: f32 = 18.0;
const FONT_SIZE: f32 = 14.0;

/// The default dark palette's background and foreground.
const BG: &str = "#1e1e2e";
const FG: &str = "#d4d4d4";

fn main() {
    let out = std::env::args()
        .nth(1)
        .map_or_else(|| PathBuf::from("docs/screenshots"), PathBuf::from);
    assert!(
        Path::new(BIN).exists(),
        "build the binary first: cargo build --release ({BIN})"
    );
    std::fs::create_dir_all(&out).expect("create the output folder");
    let data = tempfile::tempdir().expect("a temporary data folder");

    let mut t = Pty::gureum(data.path(), &[], &[], COLS, ROWS);
    t.wait_for("읽기 (c)");
    settle();
    save(&t, &out, "home");

    // A lesson: the first one on the home list.
    t.keys(&["Enter"]);
    t.wait_for("레슨에서 검색");
    t.keys(&["PageDown"]);
    settle();
    save(&t, &out, "lesson");
    t.keys(&["Escape"]);
    t.wait_for("읽기 (c)");

    // Practice: the first course's first question, answered, with its feedback (the verdict,
    // why each wrong choice is wrong, the explanation).
    t.keys(&["p"]);
    t.wait_for("범위 고르기");
    t.keys(&["Down"]);
    settle();
    t.keys(&["Enter"]);
    settle();
    answer(&mut t);
    save(&t, &out, "practice");
    home(&mut t);

    // A simulation: the first on the list, run, with its chart.
    t.keys(&["s"]);
    settle();
    t.keys(&["Enter"]);
    t.wait_for("실행");
    t.keys(&["r"]);
    settle();
    // The first run asks for a prediction first.
    if t.screen().contains("예측해") {
        t.text("5");
        t.keys(&["Enter"]);
        settle();
        settle();
    }
    save(&t, &out, "simulation");
    home(&mut t);

    // The palette with an initial-consonant query.
    t.keys(&["C-k"]);
    t.wait_for("초성도 돼요");
    t.text("ㄹㄷ");
    settle();
    save(&t, &out, "palette");
    t.keys(&["Escape"]);
    t.keys(&["C-c"]);
    t.wait_exit();
    println!("wrote 5 screens to {}", out.display());
}

/// Whether practice shows the feedback of an answer.
fn has_feedback(t: &Pty) -> bool {
    let s = t.screen();
    s.contains("✓ 정답이에요") || s.contains("✗ 틀렸어요")
}

/// Answers the practice question on screen: a number, the first choice, or (a multiple-response
/// question) marks from the first choice on until Enter takes the answer.
fn answer(t: &mut Pty) {
    let screen = t.screen();
    if screen.contains("숫자로 답하기") {
        t.text("1");
        t.keys(&["Enter"]);
    } else if screen.contains("여러 개 고르기") {
        for digit in ["1", "2", "3", "4", "5"] {
            t.keys(&[digit]);
            settle();
            t.keys(&["Enter"]);
            settle();
            if has_feedback(t) {
                break;
            }
        }
    } else {
        t.keys(&["1"]);
    }
    settle();
    assert!(
        has_feedback(t),
        "practice shows its feedback:\n{}",
        t.screen()
    );
}

/// Back to the home screen, one `Esc` at a time.
fn home(t: &mut Pty) {
    for _ in 0..5 {
        if t.screen().contains("읽기 (c)") {
            return;
        }
        t.keys(&["Escape"]);
        settle();
    }
    t.wait_for("읽기 (c)");
}

/// Waits for the screen to stop changing (a frame after the last key).
fn settle() {
    sleep(Duration::from_millis(900));
}

fn save(t: &Pty, dir: &Path, name: &str) {
    let svg = t.with_screen(svg);
    let path = dir.join(format!("{name}.svg"));
    std::fs::write(&path, svg).expect("write the SVG");
    println!("{}", path.display());
}

/// One cell's look.
#[derive(Clone, PartialEq)]
struct Look {
    fg: String,
    bg: Option<String>,
    bold: bool,
}

/// The screen as an SVG.
fn svg(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let (rows, cols): (u16, u16) = (rows.into(), cols.into());
    let width = f32::from(cols) * CELL_W + 16.0;
    let height = f32::from(rows) * CELL_H + 16.0;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">"#
    );
    let _ = writeln!(
        s,
        r#"<rect width="100%" height="100%" rx="6" fill="{BG}"/>"#
    );
    let _ = writeln!(
        s,
        r#"<g transform="translate(8 8)" font-family="'D2Coding', 'Noto Sans Mono CJK KR', 'Sarasa Mono K', ui-monospace, monospace" font-size="{FONT_SIZE}" xml:space="preserve">"#
    );
    // Backgrounds first, so text draws over them.
    for row in 0..rows {
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let look = look(cell);
            if let Some(bg) = look.bg {
                let w = if cell.is_wide() { 2.0 } else { 1.0 };
                let _ = writeln!(
                    s,
                    r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{CELL_H}" fill="{bg}"/>"#,
                    f32::from(col) * CELL_W,
                    f32::from(row) * CELL_H,
                    w * CELL_W
                );
            }
        }
    }
    for row in 0..rows {
        let y = f32::from(row) * CELL_H + CELL_H * 0.75;
        let mut line = String::new();
        for col in 0..cols {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            if cell.is_wide_continuation() {
                continue;
            }
            let text = cell.contents();
            if text.trim().is_empty() {
                continue;
            }
            let look = look(cell);
            let weight = if look.bold {
                r#" font-weight="bold""#
            } else {
                ""
            };
            let w = if cell.is_wide() { 2.0 } else { 1.0 };
            // Each cell at its own column, squeezed or stretched to its width: rows line up in
            // any font, whatever width it gives Hangul.
            let _ = write!(
                line,
                r#"<tspan x="{:.1}" fill="{}"{weight} textLength="{:.1}" lengthAdjust="spacingAndGlyphs">{}</tspan>"#,
                f32::from(col) * CELL_W,
                look.fg,
                w * CELL_W,
                escape(text)
            );
        }
        if !line.is_empty() {
            let _ = writeln!(s, r#"<text y="{y:.1}">{line}</text>"#);
        }
    }
    s.push_str("</g>\n</svg>\n");
    s
}

fn look(cell: &vt100::Cell) -> Look {
    let (mut fg, mut bg) = (color(cell.fgcolor()), color(cell.bgcolor()));
    if cell.inverse() {
        std::mem::swap(&mut fg, &mut bg);
        fg = fg.or_else(|| Some(BG.to_owned()));
        bg = bg.or_else(|| Some(FG.to_owned()));
    }
    let mut fg = fg.unwrap_or_else(|| FG.to_owned());
    if cell.dim() {
        "#808080".clone_into(&mut fg);
    }
    Look {
        fg,
        bg,
        bold: cell.bold(),
    }
}

/// A terminal colour as `#rrggbb` (`None`: the default).
fn color(c: vt100::Color) -> Option<String> {
    const ANSI: [&str; 16] = [
        "#1e1e2e", "#e06c75", "#98c379", "#e5c07b", "#61afef", "#c678dd", "#56b6c2", "#d4d4d4",
        "#5c6370", "#ff7b86", "#b5e890", "#ffd68a", "#7cc4ff", "#e09cf0", "#7fd8e0", "#ffffff",
    ];
    match c {
        vt100::Color::Default => None,
        vt100::Color::Idx(i) if i < 16 => Some(ANSI[usize::from(i)].to_owned()),
        vt100::Color::Idx(i) if i >= 232 => {
            let v = 8 + 10 * (i - 232);
            Some(format!("#{v:02x}{v:02x}{v:02x}"))
        }
        vt100::Color::Idx(i) => {
            let i = i - 16;
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            Some(format!(
                "#{:02x}{:02x}{:02x}",
                level(i / 36),
                level((i / 6) % 6),
                level(i % 6)
            ))
        }
        vt100::Color::Rgb(r, g, b) => Some(format!("#{r:02x}{g:02x}{b:02x}")),
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
