//! The reader's behaviour driven through `App` as key presses: progress, positions, navigation.

use gureum::lesson::{ContentSource, Library};
use gureum::store::{Progress, Store};
use gureum::strings::Lang;
use gureum::ui::App;
use gureum::ui::app::Screen;
use gureum::ui::theme::Theme;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

fn app() -> App {
    let library = Library::load(&ContentSource::Embedded);
    let mut a = App::new(
        library,
        Store::in_memory(Progress::default()),
        Lang::Ko,
        Theme {
            color: false,
            palette: gureum::ui::theme::Palette::Dark,
        },
    );
    a.prepare(Rect::new(0, 0, 100, 30));
    a
}

fn press(a: &mut App, code: KeyCode) {
    a.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    let area = a.area;
    a.prepare(area);
}

fn reader(a: &App) -> &gureum::ui::reader::Reader {
    a.layers
        .front::<gureum::ui::reader::Reader>()
        .expect("a lesson is open")
}

/// Index of the longest lesson, so there is room to scroll.
fn longest(a: &App) -> usize {
    (0..a.library.lessons.len())
        .max_by_key(|&i| a.library.lessons[i].body.len())
        .unwrap()
}

#[test]
fn reaching_the_end_marks_the_lesson_read() {
    let mut a = app();
    let li = longest(&a);
    a.open_lesson(li);
    let id = a.library.lessons[li].meta.id.clone();
    assert!(!a.store.is_read(&id));
    press(&mut a, KeyCode::PageDown);
    assert!(!a.store.is_read(&id), "one page is not the end");
    press(&mut a, KeyCode::End);
    assert!(a.store.is_read(&id));
    assert_eq!(a.store.lesson(&id).unwrap().percent, 100);
}

#[test]
fn scroll_position_is_remembered_per_lesson() {
    let mut a = app();
    let li = longest(&a);
    a.open_lesson(li);
    for _ in 0..5 {
        press(&mut a, KeyCode::PageDown);
    }
    let top = reader(&a).scroll;
    assert!(top > 50, "scrolled {top}");
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen(), Screen::Home);
    a.open_lesson(0);
    assert_eq!(reader(&a).scroll, 0, "another lesson starts at its top");
    press(&mut a, KeyCode::Esc);
    a.open_lesson(li);
    let back = reader(&a).scroll;
    assert!(back.abs_diff(top) <= 1, "reopened at {back}, left at {top}");
}

#[test]
fn position_survives_a_width_change() {
    let mut a = app();
    let li = longest(&a);
    a.open_lesson(li);
    for _ in 0..8 {
        press(&mut a, KeyCode::PageDown);
    }
    let before = reader(&a).current_heading().unwrap();
    a.prepare(Rect::new(0, 0, 60, 20));
    let after = reader(&a).current_heading().unwrap();
    assert!(
        before.abs_diff(after) <= 1,
        "section {before} became {after}"
    );
}

#[test]
fn next_and_previous_lesson() {
    let mut a = app();
    a.open_lesson(0);
    press(&mut a, KeyCode::Char(']'));
    assert_eq!(reader(&a).lesson, 1);
    press(&mut a, KeyCode::Char('['));
    assert_eq!(reader(&a).lesson, 0);
    press(&mut a, KeyCode::Char('['));
    assert_eq!(reader(&a).lesson, 0);
    assert!(a.message.is_some(), "told there is no previous lesson");
    let last = a.library.lessons.len() - 1;
    a.open_lesson(last);
    press(&mut a, KeyCode::Char('.'));
    assert_eq!(reader(&a).lesson, last);
}

#[test]
fn korean_layout_keys_scroll_and_quit() {
    let mut a = app();
    a.open_lesson(longest(&a));
    press(&mut a, KeyCode::Char('ㅓ'));
    press(&mut a, KeyCode::Char('ㅓ'));
    assert_eq!(reader(&a).scroll, 2);
    press(&mut a, KeyCode::Char('ㅏ'));
    assert_eq!(reader(&a).scroll, 1);
    press(&mut a, KeyCode::Char('ㅂ'));
    assert_eq!(a.screen(), Screen::Home);
    press(&mut a, KeyCode::Char('ㅂ'));
    assert!(a.quit);
}

#[test]
fn search_finds_highlights_and_steps_through_matches() {
    let mut a = app();
    a.open_lesson(longest(&a));
    press(&mut a, KeyCode::Char('/'));
    for c in "lambda".chars() {
        press(&mut a, KeyCode::Char(c));
    }
    // Letters typed into the search box are text, not commands.
    assert_eq!(a.screen(), Screen::Reader);
    press(&mut a, KeyCode::Enter);
    let r = reader(&a);
    let n = r.search.matches.len();
    assert!(n > 3, "case-insensitive matches for Lambda: {n}");
    for m in &r.search.matches {
        let line = r.rendered.lines[m.line].plain();
        assert!(
            line.get(m.start..m.end)
                .unwrap()
                .eq_ignore_ascii_case("lambda")
        );
    }
    let first = r.search.current;
    press(&mut a, KeyCode::Char('n'));
    assert_eq!(reader(&a).search.current, (first + 1) % n);
    press(&mut a, KeyCode::Char('N'));
    assert_eq!(reader(&a).search.current, first);
    let m = reader(&a).search.matches[first];
    let r = reader(&a);
    assert!(
        m.line >= r.scroll && m.line < r.scroll + r.page(),
        "current match is on screen"
    );
}

#[test]
fn toc_jumps_to_a_heading() {
    let mut a = app();
    a.open_lesson(longest(&a));
    press(&mut a, KeyCode::Char('t'));
    assert!(reader(&a).toc_focus);
    press(&mut a, KeyCode::End);
    let target = reader(&a).rendered.headings.last().unwrap().line;
    press(&mut a, KeyCode::Enter);
    let r = reader(&a);
    assert!(!r.toc_focus);
    assert!(
        r.scroll == target || r.scroll == r.rendered.lines.len() - r.page(),
        "jumped to {}",
        r.scroll
    );
}

#[test]
fn jumping_to_the_last_section_does_not_mark_the_lesson_read() {
    let mut a = app();
    let mut tried = 0;
    for li in 0..a.library.lessons.len() {
        a.open_lesson(li);
        let id = a.library.lessons[li].meta.id.clone();
        press(&mut a, KeyCode::Char('t'));
        press(&mut a, KeyCode::End);
        press(&mut a, KeyCode::Enter);
        let r = reader(&a);
        // Only lessons whose last section fits on one screen land at the very end.
        if r.rendered.lines.len() <= r.page() || r.scroll + r.page() < r.rendered.lines.len() {
            press(&mut a, KeyCode::Char('q'));
            continue;
        }
        tried += 1;
        assert!(!a.store.is_read(&id), "{id}: a jump is not reading");
        // Scrolling on from there is.
        press(&mut a, KeyCode::PageDown);
        assert!(a.store.is_read(&id), "{id}");
        press(&mut a, KeyCode::Char('q'));
    }
    assert!(tried > 0, "some lesson ends with a short section");
}

#[test]
fn mouse_wheel_scrolls() {
    let mut a = app();
    a.open_lesson(longest(&a));
    let wheel = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 10,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    a.handle_event(&wheel(MouseEventKind::ScrollDown));
    assert_eq!(reader(&a).scroll, 3);
    a.handle_event(&wheel(MouseEventKind::ScrollUp));
    assert_eq!(reader(&a).scroll, 0);
}

#[test]
fn wrong_answers_become_reviews_that_come_first() {
    let mut a = app();
    let filter = gureum::quiz::session::Filter {
        lesson: Some("udemy-rds".into()),
        ..Default::default()
    };
    a.apply(gureum::ui::screen::Effect::Open(
        gureum::ui::screen::Open::Practice(filter.clone(), "RDS".into()),
    ));
    // Answer the first question wrongly on purpose.
    let (entry, wrong) = {
        let p = a
            .layers
            .front::<gureum::ui::screens::practice::Practice>()
            .unwrap();
        let bank = a.data.bank.as_ref().unwrap();
        let item = p.item().unwrap().clone();
        let q = &bank.entries[item.entry].question;
        let right = q.correct_ids();
        let wrong = item
            .order
            .iter()
            .position(|&c| !right.contains(&q.choices[c].id.as_str()));
        (item.entry, wrong)
    };
    let kind = a.data.bank.as_ref().unwrap().entries[entry].question.kind;
    match (kind, wrong) {
        (gureum::quiz::Kind::Numeric, _) => {
            for c in "99999".chars() {
                press(&mut a, KeyCode::Char(c));
            }
            press(&mut a, KeyCode::Enter);
        }
        (gureum::quiz::Kind::Single, Some(n)) => {
            press(&mut a, KeyCode::Char(char::from(b'1' + n as u8)));
        }
        (gureum::quiz::Kind::Multiple, Some(n)) => {
            // Mark a wrong one plus enough others to reach the count; at least one is wrong.
            let need = a.data.bank.as_ref().unwrap().entries[entry]
                .question
                .correct_ids()
                .len();
            press(&mut a, KeyCode::Char(char::from(b'1' + n as u8)));
            let mut marked = 1;
            for i in 0..9u8 {
                if marked == need {
                    break;
                }
                if usize::from(i) != n {
                    press(&mut a, KeyCode::Char(char::from(b'1' + i)));
                    marked += 1;
                }
            }
            press(&mut a, KeyCode::Enter);
        }
        _ => unreachable!(),
    }
    let id = a.data.bank.as_ref().unwrap().entries[entry]
        .question
        .id
        .clone();
    let card = a
        .store
        .progress()
        .cards
        .get(&id)
        .cloned()
        .expect("a wrong answer creates a review card");
    assert_eq!(card.reps, 0);
    // Ten minutes later it is due, and a review session asks it first.
    a.store
        .set_card(&id, gureum::store::CardState { due: 0, ..card });
    press(&mut a, KeyCode::Esc);
    assert_eq!(
        gureum::quiz::review::due(&a.store.progress().cards, a.now_ms / 1000),
        vec![id.as_str()]
    );
    press(&mut a, KeyCode::Char('r'));
    assert_eq!(a.screen(), Screen::Practice);
    let p = a
        .layers
        .front::<gureum::ui::screens::practice::Practice>()
        .unwrap();
    assert_eq!(
        a.data.bank.as_ref().unwrap().entries[p.item().unwrap().entry]
            .question
            .id,
        id
    );
}

/// `o` on a practice question opens its lesson at the start of the question's section, and
/// going there is not reading: the lesson is not marked read and home does not offer it at 100%.
#[test]
fn a_lesson_opened_from_a_question_starts_at_its_section_and_is_not_read() {
    let mut a = app();
    a.load_bank();
    let bank = a.data.bank.as_ref().unwrap();
    let picks: Vec<(String, String, String)> = bank
        .entries
        .iter()
        .filter_map(|e| {
            let q = &e.question;
            Some((
                q.id.clone(),
                q.lesson_id().to_owned(),
                q.anchor()?.to_owned(),
            ))
        })
        .step_by(37)
        .take(12)
        .collect();
    assert!(picks.len() > 5);
    for (id, lesson, anchor) in picks {
        a.apply(gureum::ui::screen::Effect::Open(
            gureum::ui::screen::Open::Session(vec![id.clone()], "o".into()),
        ));
        assert_eq!(a.screen(), Screen::Practice, "{id}");
        press(&mut a, KeyCode::Char('o'));
        assert_eq!(a.screen(), Screen::Reader, "{id}");
        let r = reader(&a);
        let heading = r
            .rendered
            .headings
            .iter()
            .find(|h| h.anchor == anchor)
            .unwrap_or_else(|| panic!("{id}: no heading {anchor}"));
        let page = r.layout.text.height as usize;
        let max = r.rendered.lines.len().saturating_sub(page);
        assert_eq!(
            r.scroll,
            heading.line.min(max),
            "{id}: at the section's start"
        );
        press(&mut a, KeyCode::Esc);
        press(&mut a, KeyCode::Esc);
        assert_eq!(a.screen(), Screen::Home, "{id}");
        assert!(!a.store.is_read(&lesson), "{id}: a jump is not reading");
        let percent = a.store.lesson(&lesson).map_or(0, |p| p.percent);
        assert!(percent < 100, "{id}: {lesson} saved at {percent}%");
    }
}

/// Tab moves between the text and a visible table of contents (README); `t` shows or hides it.
#[test]
fn tab_focuses_the_contents_and_t_toggles_them() {
    let mut a = app();
    a.prepare(Rect::new(0, 0, 120, 40));
    a.open_lesson(longest(&a));
    assert!(reader(&a).toc_visible, "shown at 120 columns");
    press(&mut a, KeyCode::Tab);
    assert!(
        reader(&a).toc_visible && reader(&a).toc_focus,
        "Tab focuses it"
    );
    press(&mut a, KeyCode::Tab);
    assert!(
        reader(&a).toc_visible && !reader(&a).toc_focus,
        "and back to the text"
    );
    press(&mut a, KeyCode::Char('t'));
    assert!(!reader(&a).toc_visible);
}

/// While the window is below the minimum size only quitting works; help scrolls on g/G.
#[test]
fn keys_wait_while_the_window_is_too_small_and_help_scrolls_on_g() {
    let mut a = app();
    a.open_lesson(longest(&a));
    a.prepare(Rect::new(0, 0, 30, 10));
    press(&mut a, KeyCode::Char('q'));
    assert_eq!(
        a.screen(),
        Screen::Reader,
        "q (Back) does nothing while too small"
    );
    a.prepare(Rect::new(0, 0, 100, 30));
    press(&mut a, KeyCode::Char('?'));
    let help = gureum::ui::screens::help::Help::default();
    assert!(a.layers.top::<gureum::ui::screens::help::Help>().is_some());
    press(&mut a, KeyCode::Char('G'));
    let scrolled = a
        .layers
        .top::<gureum::ui::screens::help::Help>()
        .expect("still open");
    assert!(scrolled.scroll > help.scroll, "G scrolls to the end");
    press(&mut a, KeyCode::Char('g'));
    let top = a
        .layers
        .top::<gureum::ui::screens::help::Help>()
        .expect("still open");
    assert_eq!(top.scroll, 0);
    a.prepare(Rect::new(0, 0, 30, 10));
    a.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char('c'),
        KeyModifiers::CONTROL,
    )));
    assert!(a.quit, "Ctrl-C still quits");
}
