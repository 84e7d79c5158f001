//! Snapshots of the class screens: a student's screen (a question, after answering, after the
//! teacher reveals) and the teacher's dashboard with a few students, at 120x40 and 80x24, in
//! Korean and English.

use std::sync::Arc;
use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::dashboard::Dashboard;
use super::screen::{ClassScreen, Ctx, Effect, Snapshot};
use super::server::{ClassClock, Limits, Shared};
use super::state::{Class, Phase, Spec};
use crate::clock::UnixMillis;
use crate::keys::{Code, Key};
use crate::lesson::{ContentSource, Library};
use crate::quiz::session::{Filter, Item, draw};
use crate::quiz::{Bank, BankSource, Kind};
use crate::strings::Lang;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn key(code: Code) -> Key {
    Key { code, ctrl: false }
}

/// The terminal's text, one line per row; a wide (Korean) cell covers the next one.
fn text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let area = buf.area;
    (0..area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0u16;
            while x < area.width {
                let symbol = buf[(x, y)].symbol();
                line.push_str(symbol);
                let w = unicode_width::UnicodeWidthStr::width(symbol).max(1);
                x += u16::try_from(w).unwrap_or(1);
            }
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The terminal with its test backend wiped: `TestBackend` keeps a cell that a wide character
/// covered in the previous frame, which a real terminal clears, so every snapshot starts clean.
fn fresh(t: &mut Terminal<TestBackend>) -> &mut Terminal<TestBackend> {
    t.clear().unwrap();
    t
}

/// Three single-answer questions, seed 3 (the same set every run).
fn items(bank: &Bank) -> Vec<Item> {
    draw(bank, &Filter::default(), 50, 3)
        .into_iter()
        .filter(|i| bank.entries[i.entry].question.kind == Kind::Single)
        .take(3)
        .collect()
}

/// The student's context at time 0.
fn ctx<'a>(bank: &'a Bank, library: &'a Library, items: &'a [Item], snap: &'a Snapshot) -> Ctx<'a> {
    Ctx {
        bank,
        library,
        items,
        snap,
        now_ms: 0,
    }
}

/// Draws `screen` as `ctx` shows it on a clean `t` and checks the snapshot `name`.
fn shot(t: &mut Terminal<TestBackend>, screen: &mut ClassScreen, ctx: &Ctx<'_>, name: &str) {
    fresh(t).draw(|f| screen.render(f, f.area(), ctx)).unwrap();
    insta::assert_snapshot!(name.to_owned(), text(t));
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ko => "ko",
        Lang::En => "en",
    }
}

#[test]
fn student_screen_question_answered_revealed() {
    let bank = Bank::load(&BankSource::Embedded);
    let library = Library::load(&ContentSource::Embedded);
    let items = items(&bank);
    for lang in [Lang::Ko, Lang::En] {
        for (w, h) in SIZES {
            let name = format!("{}_{w}x{h}", lang_name(lang));
            let mut snap = Snapshot {
                phase: Phase::Running,
                remaining_ms: 125_000,
                revealed: false,
                answers: vec![None; items.len()],
            };
            let mut screen = ClassScreen::new("민지", lang, &snap, 0);
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            let first = ctx(&bank, &library, &items, &snap);
            shot(
                &mut t,
                &mut screen,
                &first,
                &format!("student_question_{name}"),
            );

            // Pick the second choice and confirm, as the student would.
            screen.update(key(Code::Char('2')), &first);
            let Effect::Answer { n, chosen, time_ms } = screen.update(key(Code::Enter), &first)
            else {
                panic!("no answer");
            };
            let q = &bank.entries[items[n].entry].question;
            let correct = chosen.iter().all(|c| q.correct_ids().contains(&c.as_str()));
            snap.answers[n] = Some(super::state::Given {
                chosen,
                correct,
                time_ms,
                seq: 0,
            });
            let answered = ctx(&bank, &library, &items, &snap);
            screen.answered(&answered);
            shot(
                &mut t,
                &mut screen,
                &answered,
                &format!("student_answered_{name}"),
            );

            snap.phase = Phase::Ended;
            snap.revealed = true;
            let revealed = ctx(&bank, &library, &items, &snap);
            // Back to the answered question: the student's pick and the right answer.
            screen.update(key(Code::Left), &revealed);
            shot(
                &mut t,
                &mut screen,
                &revealed,
                &format!("student_revealed_{name}"),
            );
        }
    }
}

#[test]
fn dashboard_with_a_few_students() {
    let bank = Arc::new(Bank::load(&BankSource::Embedded));
    let library = Arc::new(Library::load(&ContentSource::Embedded));
    let items = items(&bank);
    let mut class = Class::new(Spec {
        exam_or_quiz: "class".into(),
        seed: 3,
        items: items.clone(),
        minutes: 10,
        max_students: 40,
    });
    let q0 = &bank.entries[items[0].entry].question;
    let right = q0.correct_ids()[0].to_owned();
    let wrong = q0
        .choices
        .iter()
        .find(|c| c.id != right)
        .map(|c| c.id.clone())
        .unwrap();
    let keys: Vec<String> = ["민지", "Jisoo", "서준", "Alex"]
        .iter()
        .map(|n| class.join(n).unwrap().0)
        .collect();
    class.start(0, 1_700_000_000);
    class
        .answer(&bank, &keys[0], 0, vec![right.clone()], 9000)
        .unwrap();
    class
        .answer(&bank, &keys[1], 0, vec![wrong.clone()], 12000)
        .unwrap();
    class
        .answer(&bank, &keys[2], 0, vec![wrong], 15000)
        .unwrap();
    class.leave(&keys[3], 1);
    // Paused: the clock shows the time left without reading the wall clock.
    class.toggle_pause(30_000, 1_700_000_030);
    let events = class.take_events();
    let clock = ClassClock::new(Instant::now(), UnixMillis::from_secs(1_700_000_000));
    let shared = Shared::new(
        class,
        bank,
        library,
        "4321".into(),
        None,
        Limits::default(),
        clock,
    );
    for lang in [Lang::Ko, Lang::En] {
        let mut dash = Dashboard {
            lang,
            labels: crate::quiz::bank::misconception_labels(&BankSource::Embedded),
            ..Dashboard::default()
        };
        dash.record(&events);
        dash.sync(&shared.lock(), &shared.bank);
        // Select the second student, as the teacher would before kicking.
        {
            let class = shared.lock();
            assert!(dash.update(key(Code::Down), &class).is_none());
        }
        for (w, h) in SIZES {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            fresh(&mut t)
                .draw(|f| dash.render(f, f.area(), &shared, 30_000))
                .unwrap();
            insta::assert_snapshot!(format!("dashboard_{}_{w}x{h}", lang_name(lang)), text(&t));
        }
    }
}
