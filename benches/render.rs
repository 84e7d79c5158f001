//! Speed of the paths a learner feels: rendering the longest lesson, loading all content and
//! building the home screen, and drawing one reader frame. Targets and figures: README.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gureum::lesson::{ContentSource, Library, RenderOptions, render};
use gureum::store::{Progress, Store};
use gureum::strings::Lang;
use gureum::ui::theme::Theme;
use gureum::ui::{App, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn longest(lib: &Library) -> usize {
    (0..lib.lessons.len())
        .max_by_key(|&i| lib.lessons[i].body.len())
        .expect("lessons")
}

fn benches(c: &mut Criterion) {
    let lib = Library::load(&ContentSource::Embedded);
    let li = longest(&lib);
    let body = lib.lessons[li].body.to_string();
    for width in [80, 120] {
        let opts = RenderOptions {
            width,
            ..RenderOptions::default()
        };
        c.bench_function(
            &format!(
                "render longest lesson ({} KB) at {width}",
                body.len() / 1024
            ),
            |b| {
                b.iter(|| render(black_box(&body), &opts));
            },
        );
    }

    // The whole Udacity note (split into seven lessons) in one piece, to compare with the
    // reference figures for that 78 KB note in ../shared/bench/README.md.
    let course = lib.lessons[li].course;
    let whole: String = lib.courses[course]
        .lessons
        .iter()
        .map(|&i| lib.lessons[i].body.as_ref())
        .collect();
    let opts = RenderOptions {
        width: 100,
        ..RenderOptions::default()
    };
    c.bench_function(
        &format!("render a whole course ({} KB) at 100", whole.len() / 1024),
        |b| {
            b.iter(|| render(black_box(&whole), &opts));
        },
    );

    c.bench_function("load all content (front matter)", |b| {
        b.iter(|| Library::load(black_box(&ContentSource::Embedded)));
    });

    c.bench_function("build and draw the home screen 120x40", |b| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
        b.iter(|| {
            let lib = Library::load(&ContentSource::Embedded);
            let mut app = App::new(
                lib,
                Store::in_memory(Progress::default()),
                Lang::Ko,
                Theme::dark(),
            );
            terminal
                .draw(|f| {
                    app.prepare(f.area());
                    draw(&app, f);
                })
                .expect("draw");
        });
    });

    let mut app = App::new(
        lib.clone(),
        Store::in_memory(Progress::default()),
        Lang::Ko,
        Theme::dark(),
    );
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    terminal
        .draw(|f| {
            app.prepare(f.area());
            draw(&app, f);
        })
        .expect("draw");
    app.open_lesson(li);
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::PageDown,
        KeyModifiers::NONE,
    )));
    c.bench_function("draw one reader frame 120x40", |b| {
        b.iter(|| {
            terminal
                .draw(|f| {
                    app.prepare(f.area());
                    draw(&app, f);
                })
                .expect("draw");
        });
    });
}

criterion_group!(render_benches, benches);
criterion_main!(render_benches);
