//! Settings and links driven through `App` as key presses: themes and `NO_COLOR` on every
//! screen, the section's questions, a simulation's lessons, the home screen's next steps.

use std::collections::BTreeSet;

use gureum::lesson::{ContentSource, Library};
use gureum::store::{CardState, Progress, Store};
use gureum::strings::Lang;
use gureum::ui::app::Screen;
use gureum::ui::screens::replace::ReplaceScreen;
use gureum::ui::screens::sim::SimScreen;
use gureum::ui::theme::{Palette, Theme};
use gureum::ui::{App, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn app_with(progress: Progress, theme: Theme) -> App {
    App::new(
        Library::load(&ContentSource::Embedded),
        Store::in_memory(progress),
        Lang::Ko,
        theme,
    )
}

fn app(progress: Progress) -> App {
    app_with(progress, Theme::dark())
}

fn press(a: &mut App, code: KeyCode) {
    a.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn frame(a: &mut App, w: u16, h: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            a.prepare(f.area());
            draw(a, f);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            out.push_str(sym);
        }
        out.push('\n');
    }
    out
}

fn open(a: &mut App, lesson: &str) {
    frame(a, 100, 30);
    let li = a.library.lesson_index(lesson).expect("lesson");
    a.open_lesson(li);
    frame(a, 100, 30);
}

/// Home, reader with the section line, help, settings, the search palette, the glossary, the
/// define popup, a simulation with its lesson list, a practice question: every kind of screen
/// and overlay.
fn every_screen(theme: Theme) -> Vec<Buffer> {
    let mut shots = Vec::new();
    let mut a = app_with(Progress::default(), theme);
    shots.push(frame(&mut a, 80, 24));
    press(&mut a, KeyCode::Char('?'));
    shots.push(frame(&mut a, 80, 24));
    press(&mut a, KeyCode::F(12));
    shots.push(frame(&mut a, 80, 24));
    press(&mut a, KeyCode::Esc);
    // The search palette and the glossary.
    press(&mut a, KeyCode::Char('/'));
    for c in "ㄹㄷ".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    shots.push(frame(&mut a, 80, 24));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('w'));
    shots.push(frame(&mut a, 80, 24));
    press(&mut a, KeyCode::Esc);
    open(&mut a, "developing-lambda");
    // The definition of the terms on screen.
    press(&mut a, KeyCode::Char('d'));
    shots.push(frame(&mut a, 100, 30));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('/'));
    for c in "람다".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    press(&mut a, KeyCode::Enter);
    shots.push(frame(&mut a, 120, 40));
    press(&mut a, KeyCode::Char('s'));
    press(&mut a, KeyCode::Char('o'));
    shots.push(frame(&mut a, 100, 30));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Esc);
    // The pictures of each kind of simulation, after a run.
    for id in [
        "lambda-cold-start",
        "ddb-hot-key",
        "deploy-canary",
        "phoenix-drift",
        "cfn-groups",
        "sessions-sticky-failure",
        "cache-stale-prices",
        "replicas-failover",
        "throttle-burst",
    ] {
        let i = a.data.presets.iter().position(|p| p.id() == id).expect(id);
        a.apply(gureum::ui::screen::Effect::Open(
            gureum::ui::screen::Open::Sim(i),
        ));
        press(&mut a, KeyCode::Char('r'));
        press(&mut a, KeyCode::Enter);
        shots.push(frame(&mut a, 120, 40));
        press(&mut a, KeyCode::Esc);
    }
    press(&mut a, KeyCode::Char('p'));
    assert_eq!(a.screen(), Screen::Practice);
    shots.push(frame(&mut a, 80, 24));
    shots
}

#[test]
fn no_color_draws_no_colour_on_any_screen_in_any_palette() {
    for palette in Palette::ALL {
        let shots = every_screen(Theme {
            color: false,
            palette,
        });
        let mut reversed = 0;
        for buf in &shots {
            for cell in buf.content() {
                assert_eq!(
                    (cell.fg, cell.bg),
                    (Color::Reset, Color::Reset),
                    "{palette:?}: {cell:?} in\n{}",
                    text(buf)
                );
                if cell.modifier.contains(Modifier::REVERSED) {
                    reversed += 1;
                }
            }
        }
        assert!(
            reversed > 0,
            "the selection is still visible (reverse video)"
        );
    }
}

fn colours(buf: &Buffer) -> BTreeSet<(String, String)> {
    buf.content()
        .iter()
        .map(|c| (format!("{:?}", c.fg), format!("{:?}", c.bg)))
        .collect()
}

#[test]
fn the_three_palettes_look_different_and_light_and_high_contrast_paint_every_cell() {
    let dark = every_screen(Theme::dark());
    let light = every_screen(Theme {
        color: true,
        palette: Palette::Light,
    });
    let hc = every_screen(Theme {
        color: true,
        palette: Palette::HighContrast,
    });
    for i in 0..dark.len() {
        let (d, l, h) = (colours(&dark[i]), colours(&light[i]), colours(&hc[i]));
        assert!(d != l && l != h && d != h, "screen {i}");
        if i != 2 && i + 1 != dark.len() {
            // (The settings screen names the palette; practice draws by the clock.)
            assert_eq!(text(&dark[i]), text(&light[i]), "same text, other colours");
        }
    }
    // Light: every cell has a background (white unless a bar or highlight), never the
    // terminal's own; high contrast likewise, and no grey anywhere.
    for (i, buf) in light.iter().chain(&hc).enumerate() {
        // The cell after a wide (Hangul) character is drawn by the terminal with the wide
        // character's colours; ratatui leaves it reset.
        let covered = |x: u16, y: u16| {
            x > 0 && unicode_width::UnicodeWidthStr::width(buf[(x - 1, y)].symbol()) > 1
        };
        let reset: Vec<(u16, u16)> = (0..buf.area.height)
            .flat_map(|y| (0..buf.area.width).map(move |x| (x, y)))
            .filter(|&(x, y)| buf[(x, y)].bg == Color::Reset && !covered(x, y))
            .collect();
        assert!(reset.is_empty(), "screen {i}: {reset:?}\n{}", text(buf));
    }
    let white = light[0]
        .content()
        .iter()
        .filter(|c| c.bg == Color::Indexed(231))
        .count();
    assert!(white > light[0].content().len() / 2, "mostly white");
    for buf in &hc {
        for c in buf.content() {
            for colour in [c.fg, c.bg] {
                assert!(
                    !matches!(
                        colour,
                        Color::DarkGray | Color::Gray | Color::Indexed(232..=255)
                    ),
                    "grey {colour:?} in high contrast"
                );
            }
        }
    }
    // Dark keeps the terminal's background in the text.
    assert!(dark[0].content().iter().any(|c| c.bg == Color::Reset));
}

#[test]
fn settings_change_the_theme_live_and_open_from_the_help_overlay() {
    let mut a = app(Progress::default());
    let before = colours(&frame(&mut a, 80, 24));
    press(&mut a, KeyCode::Char('?'));
    press(&mut a, KeyCode::F(12));
    assert!(
        a.layers.top::<gureum::ui::screens::help::Help>().is_none()
            && a.layers
                .top::<gureum::ui::settings::SettingsScreen>()
                .is_some()
    );
    let s = text(&frame(&mut a, 80, 24));
    assert!(s.contains("테마") && s.contains("어두운 배경"), "{s}");
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.theme.palette, Palette::Light);
    assert_eq!(a.store.progress().settings.theme.as_deref(), Some("light"));
    press(&mut a, KeyCode::Esc);
    assert!(
        a.layers
            .top::<gureum::ui::settings::SettingsScreen>()
            .is_none()
    );
    assert_ne!(colours(&frame(&mut a, 80, 24)), before, "applied at once");
    // `,` opens them on the home screen; language switches the whole UI.
    press(&mut a, KeyCode::Char(','));
    press(&mut a, KeyCode::Char('l'));
    assert_eq!(a.lang, Lang::En);
    assert!(text(&frame(&mut a, 80, 24)).contains("Settings"));
}

#[test]
fn section_practice_asks_exactly_the_questions_of_the_section() {
    let mut a = app(Progress::default());
    open(&mut a, "udemy-rds");
    a.layers
        .front_mut::<gureum::ui::reader::Reader>()
        .unwrap()
        .jump_anchor = Some("backups".into());
    let shown = text(&frame(&mut a, 100, 30));
    let section = a
        .layers
        .front::<gureum::ui::reader::Reader>()
        .unwrap()
        .section
        .clone()
        .expect("section links");
    let bank = a.data.bank.as_ref().expect("loaded for the section line");
    let expected: BTreeSet<String> = bank
        .entries
        .iter()
        .filter(|e| e.question.lesson == "udemy-rds#backups")
        .map(|e| e.question.id.clone())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(section.questions, expected.len());
    assert!(
        shown.contains(&format!("문제 {}개 (P)", expected.len())),
        "{shown}"
    );
    press(&mut a, KeyCode::Char('P'));
    let p = a
        .layers
        .front::<gureum::ui::screens::practice::Practice>()
        .expect("practice");
    let bank = a.data.bank.as_ref().unwrap();
    let asked: BTreeSet<String> = p
        .items
        .iter()
        .map(|i| bank.entries[i.entry].question.id.clone())
        .collect();
    assert_eq!(asked, expected, "all of the section and nothing else");
    // Back returns to the section.
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen(), Screen::Reader);
    // The lesson key still practises the whole lesson.
    press(&mut a, KeyCode::Char('p'));
    let bank = a.data.bank.as_ref().unwrap();
    let p = a
        .layers
        .front::<gureum::ui::screens::practice::Practice>()
        .unwrap();
    assert!(
        p.items
            .iter()
            .all(|i| bank.entries[i.entry].question.lesson_id() == "udemy-rds")
    );
}

#[test]
fn a_section_without_questions_of_its_own_practises_the_enclosing_section() {
    let mut a = app(Progress::default());
    open(&mut a, "udacity-serverless-basics");
    let r = a.layers.front::<gureum::ui::reader::Reader>().unwrap();
    let bank = a.data.bank.as_ref().unwrap();
    // A sub-section no question is anchored to.
    let h =
        r.rendered
            .headings
            .iter()
            .find(|h| {
                h.level > 1
                    && !bank.entries.iter().any(|e| {
                        e.question.lesson == format!("udacity-serverless-basics#{}", h.anchor)
                    })
            })
            .expect("a section without questions");
    let own = h.anchor.clone();
    a.layers
        .front_mut::<gureum::ui::reader::Reader>()
        .unwrap()
        .jump_anchor = Some(own.clone());
    frame(&mut a, 100, 30);
    let section = a
        .layers
        .front::<gureum::ui::reader::Reader>()
        .unwrap()
        .section
        .clone()
        .unwrap();
    assert!(section.questions > 0, "{section:?}");
    assert!(
        section.anchors.contains(&own),
        "the enclosing section contains it"
    );
    assert!(section.anchors.len() > 1);
}

#[test]
fn a_simulation_lists_the_lessons_that_explain_it_and_back_returns_to_it() {
    let mut a = app(Progress::default());
    frame(&mut a, 100, 30);
    let cold = gureum::sims::all_presets()
        .iter()
        .position(|p| p.id() == "lambda-cold-start")
        .unwrap();
    a.apply(gureum::ui::screen::Effect::Open(
        gureum::ui::screen::Open::Sim(cold),
    ));
    press(&mut a, KeyCode::Char('o'));
    let list = text(&frame(&mut a, 100, 30));
    assert!(list.contains("이 시뮬레이션을 설명하는 레슨"), "{list}");
    let picker = a
        .layers
        .front::<SimScreen>()
        .and_then(|s| s.picker.clone())
        .expect("the list is open");
    assert!(picker.items.len() >= 2, "{picker:?}");
    let first = picker.items[0].clone();
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), Screen::Reader);
    let r = a.layers.front::<gureum::ui::reader::Reader>().unwrap();
    assert_eq!(r.lesson, first.lesson);
    let heading = r
        .rendered
        .headings
        .iter()
        .find(|h| Some(&h.anchor) == first.anchor.as_ref())
        .unwrap()
        .clone();
    assert!(
        r.scroll <= heading.line && heading.line < r.scroll + r.page(),
        "the section's heading is on screen"
    );
    let page = text(&frame(&mut a, 100, 30));
    assert!(
        page.contains(&heading.title),
        "lands on the section: {page}"
    );
    press(&mut a, KeyCode::Char('q'));
    assert_eq!(a.screen(), Screen::Sim, "Back returns to the simulation");
    assert!(a.layers.front::<SimScreen>().is_some());
    // The simulation was opened straight from here (not from the list): Back is home.
    press(&mut a, KeyCode::Char('q'));
    assert_eq!(a.screen(), Screen::Home);
}

#[test]
fn a_lesson_opened_from_a_simulation_opened_from_a_lesson_leads_back_through_each() {
    let mut a = app(Progress::default());
    open(&mut a, "developing-lambda");
    press(&mut a, KeyCode::Char('s'));
    assert_eq!(a.screen(), Screen::Sim);
    press(&mut a, KeyCode::Char('o'));
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), Screen::Reader);
    press(&mut a, KeyCode::Char('q'));
    assert_eq!(a.screen(), Screen::Sim);
    // Back is a stack: the first lesson is still there under the simulation, then home.
    press(&mut a, KeyCode::Char('q'));
    assert_eq!(a.screen(), Screen::Reader);
    assert!(a.layers.front::<gureum::ui::reader::Reader>().is_some());
    press(&mut a, KeyCode::Char('q'));
    assert_eq!(a.screen(), Screen::Home);
    assert!(text(&frame(&mut a, 80, 24)).contains("다음에 할 일"));
}

#[test]
fn next_steps_continue_review_and_suggest_an_untried_simulation_until_it_is_run() {
    let mut p = Progress {
        last_lesson: Some("developing-lambda".into()),
        ..Progress::default()
    };
    p.lessons.insert(
        "developing-lambda".into(),
        gureum::store::LessonProgress {
            read: false,
            scroll: 3000,
            percent: 30,
        },
    );
    let bank = gureum::quiz::Bank::load(&gureum::quiz::BankSource::Embedded);
    for e in bank.entries.iter().take(3) {
        p.cards.insert(e.question.id.clone(), CardState::default());
    }
    let mut a = app(p);
    let home = text(&frame(&mut a, 60, 20));
    assert!(home.contains("이어 읽기 (c)"), "{home}");
    assert!(home.contains("복습할 문제 3개 (r)"), "{home}");
    assert!(home.contains("안 해 본 시뮬레이션"), "{home}");
    assert!(a.layers.home().selected_step() == Some(0));
    // Enter on the first step continues reading.
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), Screen::Reader);
    press(&mut a, KeyCode::Char('q'));
    // Enter on the review step starts the review of exactly the due questions.
    a.layers.home_mut().select_step(1);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), Screen::Practice);
    assert_eq!(
        a.layers
            .front::<gureum::ui::screens::practice::Practice>()
            .unwrap()
            .items
            .len(),
        3
    );
    press(&mut a, KeyCode::Esc);
    // The simulation step opens it; once run, another one is suggested.
    frame(&mut a, 60, 20);
    let gureum::links::Step::TrySim(sim) = a.layers.home().steps[2] else {
        panic!("{:?}", a.layers.home().steps)
    };
    let id = a.data.presets[sim].id().to_owned();
    a.layers.home_mut().select_step(2);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), Screen::Sim);
    press(&mut a, KeyCode::Char('r'));
    press(&mut a, KeyCode::Enter);
    let tried = gureum::links::tried_sims(a.store.progress());
    assert_eq!(tried, std::slice::from_ref(&id), "saved in progress");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen(), Screen::Home);
    frame(&mut a, 60, 20);
    assert!(
        !a.layers
            .home()
            .steps
            .contains(&gureum::links::Step::TrySim(sim)),
        "{:?}",
        a.layers.home().steps
    );
}

#[test]
fn banks_loaded_while_idle_reach_the_section_line() {
    let mut a = app(Progress::default());
    assert!(
        a.data.bank.is_none(),
        "nothing is loaded before the first frame"
    );
    frame(&mut a, 100, 30);
    a.idle();
    assert!(
        a.data.bank.is_some(),
        "the run loop's idle work loads the banks"
    );
    open(&mut a, "udemy-rds");
    frame(&mut a, 100, 30);
    assert!(
        a.layers
            .front::<gureum::ui::reader::Reader>()
            .unwrap()
            .section
            .as_ref()
            .is_some_and(|s| s.questions > 0)
    );
    // Practice uses the same banks (no second load).
    press(&mut a, KeyCode::Char('p'));
    assert_eq!(a.screen(), Screen::Practice);
}

#[test]
fn the_cloudformation_screen_lists_its_lessons_too_and_back_returns_to_it() {
    let mut a = app(Progress::default());
    frame(&mut a, 100, 30);
    let cfn = gureum::sims::all_presets()
        .iter()
        .position(|p| p.id() == "cfn-groups")
        .unwrap();
    a.apply(gureum::ui::screen::Effect::Open(
        gureum::ui::screen::Open::Sim(cfn),
    ));
    assert_eq!(a.screen(), Screen::Replace);
    press(&mut a, KeyCode::Char('o'));
    let list = text(&frame(&mut a, 100, 30));
    assert!(list.contains("이 시뮬레이션을 설명하는 레슨"), "{list}");
    let picker = a
        .layers
        .front::<ReplaceScreen>()
        .and_then(|s| s.picker.clone())
        .unwrap();
    for link in &picker.items {
        let tags = &a.library.lessons[link.lesson].meta.tags;
        assert!(tags.iter().any(|t| t == "cloudformation"), "{link:?}");
    }
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), Screen::Reader);
    press(&mut a, KeyCode::Char('q'));
    assert_eq!(
        a.screen(),
        Screen::Replace,
        "Back returns to the update screen"
    );
    press(&mut a, KeyCode::Enter);
    assert_eq!(
        gureum::links::tried_sims(a.store.progress()),
        ["cfn-groups"],
        "applying an update counts as a run"
    );
}

/// A jump to a section near the end of a lesson stops with an earlier section at the top of
/// the screen; the link line and `P` must still be about the section jumped to.
#[test]
fn a_jump_to_the_last_section_links_that_section_not_the_one_at_the_top() {
    let mut a = app(Progress::default());
    open(&mut a, "developing-api-gateway");
    a.layers
        .front_mut::<gureum::ui::reader::Reader>()
        .unwrap()
        .jump_anchor = Some("canary-릴리스".into());
    let shown = text(&frame(&mut a, 100, 30));
    let r = a.layers.front::<gureum::ui::reader::Reader>().unwrap();
    let canary = r
        .rendered
        .headings
        .iter()
        .find(|h| h.anchor == "canary-릴리스")
        .unwrap();
    assert!(
        r.scroll < canary.line,
        "the end of the lesson stops short of it"
    );
    let section = a
        .layers
        .front::<gureum::ui::reader::Reader>()
        .unwrap()
        .section
        .clone()
        .unwrap();
    assert_eq!(section.title, "Canary 릴리스");
    assert!(shown.contains("「Canary 릴리스」 문제 3개 (P)"), "{shown}");
    press(&mut a, KeyCode::Char('P'));
    let bank = a.data.bank.as_ref().unwrap();
    let p = a
        .layers
        .front::<gureum::ui::screens::practice::Practice>()
        .unwrap();
    assert!(p.items.iter().all(|i| {
        bank.entries[i.entry].question.lesson == "developing-api-gateway#canary-릴리스"
    }));
    press(&mut a, KeyCode::Esc);
    // Scrolling away lets the top of the screen decide again.
    press(&mut a, KeyCode::Char('g'));
    frame(&mut a, 100, 30);
    assert_ne!(
        a.layers
            .front::<gureum::ui::reader::Reader>()
            .unwrap()
            .section
            .clone()
            .unwrap()
            .title,
        "Canary 릴리스"
    );
}

/// An overlay's left border over Hangul: a wide character whose right half the border covers
/// must not stay in the buffer, or the terminal shows it instead of the border.
#[test]
fn overlay_borders_over_hangul_are_not_swallowed_by_a_wide_character() {
    let mut a = app(Progress::default());
    frame(&mut a, 120, 40);
    press(&mut a, KeyCode::Char('/'));
    for c in "ㄹㄷ ㅋㄷ".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    let buf = frame(&mut a, 120, 40);
    // (Column 0 is the home screen's own box.)
    let x = (1..120u16)
        .find(|&x| buf[(x, 1)].symbol() == "┌")
        .expect("the palette's corner");
    let mut rows = 0;
    for y in 2..39u16 {
        if buf[(x, y)].symbol() == "└" {
            break;
        }
        rows += 1;
        assert_eq!(buf[(x, y)].symbol(), "│", "row {y}:\n{}", text(&buf));
        assert!(
            unicode_width::UnicodeWidthStr::width(buf[(x - 1, y)].symbol()) <= 1,
            "row {y} has a wide character over the border:\n{}",
            text(&buf)
        );
    }
    assert!(rows > 20);
    // The home screen's lesson list has Hangul at that column on some row.
    press(&mut a, KeyCode::Esc);
    let home = frame(&mut a, 120, 40);
    assert!(
        (2..39u16).any(|y| unicode_width::UnicodeWidthStr::width(home[(x - 1, y)].symbol()) > 1),
        "the test covers a wide character"
    );
}

/// Leaving a lesson at a heading and coming back opens it at that heading, not a line above it
/// (which made the previous section the current one on the link line).
#[test]
fn a_lesson_reopens_at_the_line_it_was_left_at() {
    let mut a = app(Progress::default());
    open(&mut a, "developing-lambda");
    for anchor in ["람다의-런타임-수명주기", "권한", "오류-처리"] {
        a.layers
            .front_mut::<gureum::ui::reader::Reader>()
            .unwrap()
            .jump_anchor = Some(anchor.into());
        frame(&mut a, 100, 30);
        let left = a
            .layers
            .front::<gureum::ui::reader::Reader>()
            .unwrap()
            .scroll;
        let title = a
            .layers
            .front::<gureum::ui::reader::Reader>()
            .unwrap()
            .section
            .clone()
            .unwrap()
            .title;
        press(&mut a, KeyCode::Char('q'));
        assert_eq!(a.screen(), Screen::Home);
        press(&mut a, KeyCode::Char('c'));
        frame(&mut a, 100, 30);
        assert_eq!(
            a.layers
                .front::<gureum::ui::reader::Reader>()
                .unwrap()
                .scroll,
            left,
            "{anchor}"
        );
        assert_eq!(
            a.layers
                .front::<gureum::ui::reader::Reader>()
                .unwrap()
                .section
                .clone()
                .unwrap()
                .title,
            title
        );
    }
}

/// With an overlay open its keys apply, so the status bar does not offer the keys of the
/// screen under it ("s 시뮬레이션" under the settings or while typing a search).
#[test]
fn the_status_bar_under_an_overlay_offers_only_keys_that_work_there() {
    let mut a = app(Progress::default());
    let last = |buf: &Buffer| text(buf).lines().last().unwrap().to_owned();
    let home = last(&frame(&mut a, 100, 30));
    assert!(home.contains("s 시뮬레이션"), "{home}");
    press(&mut a, KeyCode::Char(','));
    let settings = last(&frame(&mut a, 100, 30));
    assert!(!settings.contains("시뮬레이션"), "{settings}");
    assert!(settings.contains("값 바꾸기"), "{settings}");
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('/'));
    let palette = last(&frame(&mut a, 100, 30));
    assert!(
        !palette.contains("시뮬레이션") && !palette.contains("도움말"),
        "{palette}"
    );
    press(&mut a, KeyCode::Esc);
    open(&mut a, "developing-lambda");
    press(&mut a, KeyCode::Char('d'));
    assert!(
        a.layers
            .top::<gureum::ui::screens::define::Define>()
            .is_some()
    );
    let define = last(&frame(&mut a, 100, 30));
    assert!(!define.contains("목차"), "{define}");
}
