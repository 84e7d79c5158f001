//! Snapshots of the screens, drawn into ratatui's `TestBackend` from the embedded lessons.

use gureum::lesson::{ContentSource, Library};
use gureum::store::{LessonProgress, Progress, Store};
use gureum::strings::Lang;
use gureum::ui::screens::sim::SimScreen;
use gureum::ui::theme::Theme;
use gureum::ui::{App, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn app(progress: Progress) -> App {
    let library = Library::load(&ContentSource::Embedded);
    App::new(library, Store::in_memory(progress), Lang::Ko, Theme::dark())
}

/// A new learner's app in `lang`.
fn app_in(lang: Lang) -> App {
    let library = Library::load(&ContentSource::Embedded);
    App::new(
        library,
        Store::in_memory(Progress::default()),
        lang,
        Theme::dark(),
    )
}

fn some_progress() -> Progress {
    let mut p = Progress::default();
    let lib = Library::load(&ContentSource::Embedded);
    let first = &lib.lessons[0].meta.id;
    let second = &lib.lessons[1].meta.id;
    p.lessons.insert(
        first.clone(),
        LessonProgress {
            read: true,
            scroll: 9000,
            percent: 100,
        },
    );
    p.lessons.insert(
        second.clone(),
        LessonProgress {
            read: false,
            scroll: 2500,
            percent: 40,
        },
    );
    p.last_lesson = Some(second.clone());
    p
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_event(&Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| {
            app.prepare(f.area());
            draw(app, f);
        })
        .unwrap();
    plain(terminal.backend().buffer())
}

/// The screen as text, one line per row; the cell after a wide (Hangul) character is skipped.
fn plain(buf: &ratatui::buffer::Buffer) -> String {
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

#[test]
fn home_80x24() {
    let mut a = app(some_progress());
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn home_min_size_40x12() {
    let mut a = app(some_progress());
    insta::assert_snapshot!(screen(&mut a, 40, 12));
}

#[test]
fn below_min_size_shows_one_message_and_recovers() {
    let mut a = app(some_progress());
    let small = screen(&mut a, 39, 11);
    assert!(small.contains("창이 너무 작아요"), "{small}");
    insta::assert_snapshot!(small);
    let back = screen(&mut a, 80, 24);
    assert_eq!(
        back,
        screen(&mut app(some_progress()), 80, 24),
        "resizing back restores the screen"
    );
}

#[test]
fn reader_80x24() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    press(&mut a, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn reader_min_size_40x12() {
    let mut a = app(Progress::default());
    screen(&mut a, 40, 12);
    press(&mut a, KeyCode::Enter);
    insta::assert_snapshot!(screen(&mut a, 40, 12));
}

#[test]
fn reader_with_toc_and_search_120x40() {
    let mut a = app(Progress::default());
    screen(&mut a, 120, 40);
    // From "처음부터 읽기" on top, past the first lesson to the second.
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "Lambda");
    let typing = screen(&mut a, 120, 40);
    assert!(typing.contains("검색 / Lambda"), "{typing}");
    press(&mut a, KeyCode::Enter);
    let found = screen(&mut a, 120, 40);
    assert!(found.contains("개 일치"), "{found}");
    insta::assert_snapshot!(found);
}

#[test]
fn help_overlay_80x24() {
    let mut a = app(Progress::default());
    press(&mut a, KeyCode::Char('?'));
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

#[test]
fn english_switch_changes_the_ui_text() {
    let mut a = app(Progress::default());
    press(&mut a, KeyCode::F(2));
    let s = screen(&mut a, 80, 24);
    assert!(
        s.contains("Lessons") && s.contains("Enter Open") && s.contains("? Help"),
        "{s}"
    );
    assert!(!s.contains("끝내기"));
}

fn open_sim(a: &mut App, id: &str) {
    screen(a, 80, 24);
    press(a, KeyCode::Char('s'));
    let index = a
        .data
        .presets
        .iter()
        .position(|p| p.id() == id)
        .expect("preset");
    for _ in 0..index {
        press(a, KeyCode::Down);
    }
    press(a, KeyCode::Enter);
}

#[test]
fn simulation_list_80x24() {
    let mut a = app(Progress::default());
    press(&mut a, KeyCode::Char('s'));
    insta::assert_snapshot!(screen(&mut a, 80, 24));
}

fn has_hangul(s: &str) -> bool {
    s.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c))
}

#[test]
fn simulation_list_in_english_shows_english_titles_80x24() {
    let mut a = app(Progress::default());
    press(&mut a, KeyCode::F(2));
    press(&mut a, KeyCode::Char('s'));
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("Cold starts") && s.contains("Challenge:"), "{s}");
    // Titles, the selected preset's description and challenge, and the chrome: no Korean left.
    assert!(!has_hangul(&s), "{s}");
    insta::assert_snapshot!("simulation_list_en_80x24", s);
    // The simulation screen: its breadcrumb and challenge are English too.
    press(&mut a, KeyCode::Enter);
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("Simulations › Cold starts"), "{s}");
    assert!(s.contains("Challenge: Get cold starts below 1%"), "{s}");
}

#[test]
fn home_next_step_names_the_simulation_in_english() {
    let mut a = app(some_progress());
    let ko = screen(&mut a, 100, 30);
    let ko_row = ko
        .lines()
        .find(|l| l.contains("안 해 본 시뮬레이션"))
        .unwrap_or_else(|| panic!("{ko}"))
        .to_owned();
    press(&mut a, KeyCode::F(2));
    let en = screen(&mut a, 100, 30);
    let en_row = en
        .lines()
        .find(|l| l.contains("Not tried yet · "))
        .unwrap_or_else(|| panic!("{en}"));
    assert!(!has_hangul(en_row), "{en_row} (Korean: {ko_row})");
}

#[test]
fn search_palette_in_english_finds_a_preset_by_either_title_and_shows_english_first() {
    let mut a = app(Progress::default());
    screen(&mut a, 100, 30);
    press(&mut a, KeyCode::F(2));
    ctrl(&mut a, 'k');
    type_str(&mut a, "flash-sale");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Flash-sale surge · 깜짝 세일 폭주"), "{s}");
    for _ in 0.."flash-sale".len() {
        press(&mut a, KeyCode::Backspace);
    }
    type_str(&mut a, "깜짝 세일");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("Flash-sale surge · 깜짝 세일 폭주"), "{s}");
}

#[test]
fn glossary_in_english_names_the_english_term_first() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    press(&mut a, KeyCode::F(2));
    press(&mut a, KeyCode::Char('w'));
    type_str(&mut a, "cold start");
    let s = screen(&mut a, 80, 24);
    // The list row starts with the English name; the heading names English, then Korean.
    assert!(s.lines().any(|l| l.starts_with("│cold start ")), "{s}");
    assert!(s.contains("cold start  콜드 스타트"), "{s}");
    assert!(!s.contains("│콜드 스타트"), "{s}");
}

#[test]
fn simulation_list_scrolls_to_keep_the_last_preset_visible_60x12() {
    let mut a = app(Progress::default());
    press(&mut a, KeyCode::Char('s'));
    // The first few letters are enough: a narrow list truncates the title.
    let last: String = a
        .data
        .presets
        .last()
        .expect("presets")
        .title(Lang::Ko)
        .chars()
        .take(4)
        .collect();
    let top = screen(&mut a, 60, 12);
    assert!(
        !top.contains(&last),
        "the list is longer than the screen:\n{top}"
    );
    for _ in 1..a.data.presets.len() {
        press(&mut a, KeyCode::Down);
    }
    let bottom = screen(&mut a, 60, 12);
    assert!(bottom.contains(&last), "{last}:\n{bottom}");
}

#[test]
fn lambda_simulation_predict_then_result_100x30() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "lambda-cold-start");
    press(&mut a, KeyCode::Char('r'));
    let asking = screen(&mut a, 100, 30);
    assert!(asking.contains("먼저 예측해 보세요"), "{asking}");
    type_str(&mut a, "10");
    press(&mut a, KeyCode::Enter);
    let shown = screen(&mut a, 100, 30);
    assert!(shown.contains("예측 10.0%"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn dynamodb_hot_key_simulation_80x24_and_min_size() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "ddb-hot-key");
    press(&mut a, KeyCode::Char('r'));
    press(&mut a, KeyCode::Enter);
    let wide = screen(&mut a, 80, 24);
    assert!(wide.contains("스로틀"), "{wide}");
    insta::assert_snapshot!("ddb_80x24", wide);
    insta::assert_snapshot!("ddb_40x12", screen(&mut a, 40, 12));
}

#[test]
fn a_lesson_section_opens_its_simulation_and_back() {
    let mut a = app(Progress::default());
    screen(&mut a, 100, 30);
    let li = a
        .library
        .lessons
        .iter()
        .position(|l| l.meta.id == "developing-lambda")
        .expect("lesson");
    a.open_lesson(li);
    screen(&mut a, 100, 30);
    press(&mut a, KeyCode::Char('s'));
    let sim = screen(&mut a, 100, 30);
    assert!(sim.contains("시뮬레이션 ›"), "{sim}");
    press(&mut a, KeyCode::Esc);
    let back = screen(&mut a, 100, 30);
    assert!(back.contains("레슨에서 검색"), "back in the reader: {back}");
}

#[test]
fn selected_setting_stays_visible_in_a_small_window() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "lambda-cold-start");
    for _ in 0..11 {
        press(&mut a, KeyCode::Down);
    }
    let s = screen(&mut a, 40, 12);
    assert!(
        s.contains("시드"),
        "the last setting (seed) is shown when selected:\n{s}"
    );
}

#[test]
fn practice_from_a_lesson_answers_and_jumps_back_to_the_section() {
    let mut a = app(Progress::default());
    screen(&mut a, 100, 30);
    let li = a
        .library
        .lessons
        .iter()
        .position(|l| l.meta.id == "udemy-rds")
        .expect("lesson");
    a.open_lesson(li);
    screen(&mut a, 100, 30);
    press(&mut a, KeyCode::Char('p'));
    let asking = screen(&mut a, 100, 30);
    assert!(asking.contains("문제 풀기 · RDS"), "{asking}");
    assert!(asking.contains("1)") && asking.contains("4)"), "{asking}");
    // Answer whatever the first question is; feedback shows the verdict and the lesson link.
    let p = a
        .layers
        .front::<gureum::ui::screens::practice::Practice>()
        .unwrap();
    let q = &a.data.bank.as_ref().unwrap().entries[p.item().unwrap().entry].question;
    match q.kind {
        gureum::quiz::Kind::Single => press(&mut a, KeyCode::Char('1')),
        gureum::quiz::Kind::Multiple => {
            for _ in 0..q.correct_ids().len() {
                press(&mut a, KeyCode::Char(' '));
                press(&mut a, KeyCode::Down);
            }
            press(&mut a, KeyCode::Enter);
        }
        gureum::quiz::Kind::Numeric => {
            type_str(&mut a, "1");
            press(&mut a, KeyCode::Enter);
        }
    }
    let feedback = screen(&mut a, 100, 30);
    assert!(
        feedback.contains("정답이에요") || feedback.contains("틀렸어요"),
        "{feedback}"
    );
    // The lesson by its title ("RDS › 절 제목"), never `udemy-rds#anchor`.
    assert!(
        feedback.contains("레슨: RDS") && !feedback.contains("udemy-rds"),
        "{feedback}"
    );
    assert_eq!(a.store.answers().unwrap().len(), 1, "the answer is logged");
    press(&mut a, KeyCode::Char('o'));
    let lesson = screen(&mut a, 100, 30);
    assert!(
        lesson.contains("레슨에서 검색"),
        "the lesson opens: {lesson}"
    );
    press(&mut a, KeyCode::Char('q'));
    let back = screen(&mut a, 100, 30);
    assert!(
        back.contains("문제 풀기 · RDS"),
        "and q returns to the question: {back}"
    );
}

#[test]
fn practice_question_80x24() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    // A fixed question so the snapshot is stable: the session's seed comes from the clock.
    let filter = gureum::quiz::session::Filter {
        lesson: Some("udemy-aurora".into()),
        ..Default::default()
    };
    a.apply(gureum::ui::screen::Effect::Open(
        gureum::ui::screen::Open::Practice(filter.clone(), "Aurora".into()),
    ));
    let bank = a.data.bank.as_ref().unwrap();
    let first = bank
        .entries
        .iter()
        .position(|e| e.question.lesson_id() == "udemy-aurora")
        .unwrap();
    let choices = bank.entries[first].question.choices.len();
    let p = a
        .layers
        .front_mut::<gureum::ui::screens::practice::Practice>()
        .unwrap();
    p.items = vec![gureum::quiz::session::Item {
        entry: first,
        order: (0..choices).collect(),
    }];
    insta::assert_snapshot!(screen(&mut a, 80, 24));
    // Feedback: mark two choices and answer; the verdict, the explanation and the lesson link show.
    press(&mut a, KeyCode::Char('1'));
    press(&mut a, KeyCode::Char('2'));
    press(&mut a, KeyCode::Enter);
    let feedback = screen(&mut a, 80, 24);
    insta::assert_snapshot!("practice_feedback_80x24", feedback);
    // Below the explanation: the AWS references, then the lesson link.
    for _ in 0..6 {
        press(&mut a, KeyCode::PageDown);
    }
    let end = screen(&mut a, 80, 24);
    assert!(
        end.contains("레슨: Aurora") && !end.contains("udemy-aurora"),
        "{end}"
    );
    assert!(end.contains("시험 영역: 고성능 아키텍처 설계"), "{end}");
}

#[test]
fn practice_menu_offers_courses_and_exam_domains() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    press(&mut a, KeyCode::Char('p'));
    let menu = screen(&mut a, 80, 24);
    assert!(
        menu.contains("모든 레슨") && menu.contains("SAA-C03") && menu.contains("DVA-C02"),
        "{menu}"
    );
    insta::assert_snapshot!(menu);
    // The second row is the first course: its questions only.
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Enter);
    let course: Vec<String> = a.library.courses[0]
        .lessons
        .iter()
        .map(|&i| a.library.lessons[i].meta.id.clone())
        .collect();
    let p = a
        .layers
        .front::<gureum::ui::screens::practice::Practice>()
        .expect("practice started");
    let bank = a.data.bank.as_ref().unwrap();
    assert!(p.items.iter().all(|i| {
        course
            .iter()
            .any(|l| l == bank.entries[i.entry].question.lesson_id())
    }));
    press(&mut a, KeyCode::Esc);
    assert!(
        screen(&mut a, 80, 24).contains("범위 고르기"),
        "Back returns to the menu"
    );
}

/// The countdown changes every second: mask it in snapshots.
fn mask_clock(s: &str) -> String {
    s.lines()
        .map(|l| match l.find("남은 시간 ") {
            Some(i) => {
                let (head, tail) = l.split_at(i + "남은 시간 ".len());
                let rest = tail.trim_start_matches(|c: char| c.is_ascii_digit() || c == ':');
                format!("{head}[clock]{rest}")
            }
            None => l.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn exam_question_overview_confirm_and_results_80x24() {
    let mut a = app(Progress::default());
    // A fixed copy of one bank, so growing the shipped banks does not change these screens.
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/snapshot-bank");
    a.data.banks.source = gureum::quiz::BankSource::Dir(fixture);
    screen(&mut a, 80, 24);
    let choice = gureum::ui::exam::menu()[2];
    a.apply(gureum::ui::screen::Effect::Open(
        gureum::ui::screen::Open::Exam(choice, 7),
    ));
    let question = mask_clock(&screen(&mut a, 80, 24));
    assert!(
        question.contains("1/10") && question.contains("[clock]"),
        "{question}"
    );
    insta::assert_snapshot!("exam_question", question);
    press(&mut a, KeyCode::Char('1'));
    press(&mut a, KeyCode::Char('f'));
    press(&mut a, KeyCode::Char('o'));
    insta::assert_snapshot!("exam_overview", mask_clock(&screen(&mut a, 80, 24)));
    press(&mut a, KeyCode::Esc);
    press(&mut a, KeyCode::Char('S'));
    let confirm = mask_clock(&screen(&mut a, 80, 24));
    assert!(confirm.contains("안 푼 문제: 2, 3, 4"), "{confirm}");
    insta::assert_snapshot!("exam_confirm", confirm);
    press(&mut a, KeyCode::Enter);
    let results = screen(&mut a, 80, 24);
    assert!(results.contains("추정 점수"), "{results}");
    insta::assert_snapshot!("exam_results", results);
    // The review: per question your answer beside the right one, the lesson section by title.
    press(&mut a, KeyCode::Tab);
    for _ in 0..12 {
        press(&mut a, KeyCode::Down);
    }
    let review = screen(&mut a, 80, 40);
    assert!(
        review.contains("내 답:") && review.contains("정답:") && review.contains("레슨:"),
        "{review}"
    );
    assert!(!review.contains('#'), "no id#anchor: {review}");
    // From the results, s opens readiness; Back returns.
    press(&mut a, KeyCode::Char('s'));
    assert_eq!(a.screen(), gureum::ui::app::Screen::Readiness);
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen(), gureum::ui::app::Screen::Exam);
}

/// A learner partway through the Lambda lesson, with three reviews due.
fn progress_with_reviews() -> Progress {
    let mut p = Progress {
        last_lesson: Some("developing-lambda".into()),
        ..Progress::default()
    };
    p.lessons.insert(
        "developing-lambda".into(),
        LessonProgress {
            read: false,
            scroll: 3000,
            percent: 30,
        },
    );
    let bank = gureum::quiz::Bank::load(&gureum::quiz::BankSource::Embedded);
    for e in bank.entries.iter().take(3) {
        p.cards
            .insert(e.question.id.clone(), gureum::store::CardState::default());
    }
    p
}

#[test]
fn home_next_steps_fresh_learner_60x20() {
    let mut a = app(Progress::default());
    let s = screen(&mut a, 60, 20);
    assert!(
        s.contains("다음에 할 일") && s.contains("처음부터 읽기 (c)"),
        "{s}"
    );
    assert!(!s.contains("복습할 문제"), "nothing due: {s}");
    insta::assert_snapshot!(s);
}

#[test]
fn home_next_steps_with_progress_and_reviews_60x20() {
    let mut a = app(progress_with_reviews());
    let s = screen(&mut a, 60, 20);
    assert!(
        s.contains("이어 읽기 (c)")
            && s.contains("복습할 문제 3개 (r)")
            && s.contains("안 해 본 시뮬레이션"),
        "{s}"
    );
    insta::assert_snapshot!(s);
    // The details panel explains the selected step.
    press(&mut a, KeyCode::Down);
    press(&mut a, KeyCode::Down);
    let sim = screen(&mut a, 100, 24);
    assert!(sim.contains("마지막으로 읽은"), "{sim}");
    insta::assert_snapshot!("home_next_step_simulation_100x24", sim);
}

#[test]
fn settings_80x24() {
    let mut a = app(Progress::default());
    a.user_keymap = gureum::keys::file::UserKeymap {
        path: Some("/home/learner/.config/gureum/keymap.toml".into()),
        found: true,
        applied: 2,
        problems: vec![gureum::keys::file::KeyProblem {
            line: 3,
            kind: gureum::keys::file::ProblemKind::UnknownAction(
                "dwon".into(),
                Some("down".into()),
            ),
        }],
    };
    screen(&mut a, 80, 24);
    press(&mut a, KeyCode::Char(','));
    press(&mut a, KeyCode::Down);
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("keymap.toml:3:"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn simulation_lessons_100x30() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "lambda-cold-start");
    press(&mut a, KeyCode::Char('o'));
    insta::assert_snapshot!(screen(&mut a, 100, 30));
}

/// The edit with `id` selected on the `CloudFormation` screen.
fn select_cfn_edit(a: &mut App, id: &str) {
    let index = a
        .layers
        .front::<gureum::ui::screens::replace::ReplaceScreen>()
        .and_then(|r| r.scenario.as_ref().ok())
        .and_then(|s| s.edits.iter().position(|e| e.id == id))
        .expect("edit");
    for _ in 0..index {
        press(a, KeyCode::Down);
    }
}

#[test]
fn cfn_guided_key_schema_before_and_after_applying_120x40() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "cfn-groups");
    select_cfn_edit(&mut a, "key-schema");
    let before = screen(&mut a, 120, 40);
    assert!(
        before.contains("replaced: data lost") || before.contains("교체: 데이터 삭제"),
        "{before}"
    );
    assert!(before.contains("12,000 items"), "{before}");
    insta::assert_snapshot!("cfn_guided_key_schema_before_120x40", before);
    press(&mut a, KeyCode::Enter);
    let after = screen(&mut a, 120, 40);
    assert!(after.contains("12,000 → 0 items"), "{after}");
    insta::assert_snapshot!("cfn_guided_key_schema_after_120x40", after);
}

#[test]
fn cfn_guided_retain_keeps_the_old_table_60x20() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "cfn-groups");
    select_cfn_edit(&mut a, "key-schema-retain");
    press(&mut a, KeyCode::Enter);
    let s = screen(&mut a, 60, 20);
    assert!(s.contains("스택 밖에 남아 있어요"), "{s}");
    insta::assert_snapshot!("cfn_guided_retain_after_60x20", s);
}

#[test]
fn cfn_guided_billing_and_named_table_120x40() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "cfn-groups");
    press(&mut a, KeyCode::Enter);
    let billing = screen(&mut a, 120, 40);
    assert!(billing.contains("12,000 items"), "{billing}");
    assert!(!billing.contains("→ 0 items"), "{billing}");
    press(&mut a, KeyCode::Enter);
    select_cfn_edit(&mut a, "key-schema-named");
    press(&mut a, KeyCode::Enter);
    let named = screen(&mut a, 120, 40);
    assert!(named.contains("롤백"), "{named}");
    insta::assert_snapshot!("cfn_guided_named_table_fails_120x40", named);
}

#[test]
fn cfn_own_templates_result_list_120x40_and_60x20() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "cfn-groups");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, "tests/fixtures/cfn/snapshot-fallback.old.yaml");
    press(&mut a, KeyCode::Enter);
    type_str(&mut a, "tests/fixtures/cfn/snapshot-fallback.new.yaml");
    press(&mut a, KeyCode::Enter);
    let wide = screen(&mut a, 120, 40);
    assert!(wide.contains("UsersTable"), "{wide}");
    assert!(wide.contains("Database"), "{wide}");
    insta::assert_snapshot!("cfn_own_templates_120x40", wide);
    insta::assert_snapshot!("cfn_own_templates_60x20", screen(&mut a, 60, 20));
    press(&mut a, KeyCode::Esc);
    let list = screen(&mut a, 80, 24);
    assert!(list.contains("프리셋"), "back to the list: {list}");
}

fn run_sim_with_guess(a: &mut App, id: &str, guess: &str) {
    open_sim(a, id);
    press(a, KeyCode::Char('r'));
    type_str(a, guess);
    press(a, KeyCode::Enter);
}

/// Issue 14: at 80x24 every simulation screen (the CFN presets have their own) shows its challenge,
/// the start of its scenario and, after a run, a chart of at least 6 rows, its axes included
/// (the chart's area as the screen lays it out and draws it), in Korean and in English.
#[test]
fn every_simulation_at_80x24_shows_challenge_scenario_and_a_6_row_chart() {
    let mut list = app(Progress::default());
    screen(&mut list, 80, 24);
    press(&mut list, KeyCode::Char('s'));
    let ids: Vec<String> = list
        .data
        .presets
        .iter()
        .filter(|p| !matches!(p, gureum::sims::Preset::Cfn(_)))
        .map(|p| p.id().to_owned())
        .collect();
    assert!(ids.len() >= 20, "{ids:?}");
    for lang in [Lang::Ko, Lang::En] {
        for id in &ids {
            let mut a = app_in(lang);
            run_sim_with_guess(&mut a, id, "");
            let s = screen(&mut a, 80, 24);
            let front = a.layers.front::<SimScreen>().expect("sim");
            assert!(
                matches!(
                    front.sim.outcome,
                    Some(ref o) if !matches!(o, gureum::sims::Outcome::Invalid(_))
                ),
                "{id} ran:\n{s}"
            );
            let at = front
                .layout(
                    &a.data.presets,
                    lang,
                    ratatui::layout::Rect::new(0, 0, 80, 24),
                )
                .expect("layout");
            assert!(at.chart.height >= 6, "{id} {lang:?}: {at:?}\n{s}");
            let preset = &a.data.presets[front.sim.preset];
            assert!(
                s.contains(lang.pick("과제:", "Challenge:")),
                "{id} {lang:?}: the challenge\n{s}"
            );
            let start: Vec<&str> = preset
                .description(lang)
                .split_whitespace()
                .take(2)
                .collect();
            assert!(
                s.contains(&start.join(" ")),
                "{id} {lang:?}: the scenario ({start:?})\n{s}"
            );
        }
    }
}

#[test]
fn deploy_canary_simulation_120x40_and_60x20() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "deploy-canary", "5");
    let wide = screen(&mut a, 120, 40);
    for needle in [
        "카나리 10% 5분",
        "롤백됐어요 (알람)",
        "새 버전 %",
        "↩ 롤백 3:00",
        "예측 5.0%",
    ] {
        assert!(wide.contains(needle), "{needle}:\n{wide}");
    }
    insta::assert_snapshot!("deploy_canary_120x40", wide);
    let small = screen(&mut a, 60, 20);
    assert!(small.contains("롤백"), "{small}");
    insta::assert_snapshot!("deploy_canary_60x20", small);
}

/// Issue 14: the deployment chart at 80x24 names each line by a glyph of its own (not by colour
/// alone) on a legend row above the plot, and labels its axes with units, in both languages;
/// its settings panel counts the settings scrolled out of view.
#[test]
fn deploy_chart_at_80x24_has_a_glyph_legend_and_units() {
    for (lang, legend, seconds) in [
        (
            Lang::Ko,
            &[
                "▄ 알람 임계값",
                "⣀ 새 버전 %",
                "• 새 버전 오류율 %",
                "⡇ 롤백",
            ][..],
            "240초",
        ),
        (
            Lang::En,
            &["▄ threshold", "⣀ new version %", "• errors %", "⡇ rollback"][..],
            "240s",
        ),
    ] {
        let mut a = app_in(lang);
        run_sim_with_guess(&mut a, "deploy-canary", "5");
        let s = screen(&mut a, 80, 24);
        let row = s
            .lines()
            .find(|l| l.contains(legend[0]))
            .unwrap_or_else(|| panic!("{lang:?}: no legend row\n{s}"));
        for key in legend {
            assert!(row.contains(key), "{lang:?} {key}: {row}");
        }
        assert!(s.contains("100%│"), "{lang:?}: y unit\n{s}");
        assert!(s.contains(seconds), "{lang:?}: x unit\n{s}");
        // Four of its settings fit: the border counts those out of view.
        let params = a.layers.front::<SimScreen>().expect("sim").sim.params.len();
        let more = format!("↓ {}{}", params - 4, lang.pick("개 더", " more"));
        assert!(s.contains(&more), "{lang:?}: {more}\n{s}");
    }
}

#[test]
fn deploy_comparison_120x40_and_60x20() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "deploy-compare", "10");
    let wide = screen(&mut a, 120, 40);
    for needle in [
        "AllAtOnce",
        "Canary10Percent5Minutes",
        "blue-green:5",
        "성공(알람 늦음)",
        "영향받은 요청",
    ] {
        assert!(wide.contains(needle), "{needle}:\n{wide}");
    }
    insta::assert_snapshot!("deploy_compare_120x40", wide);
    let small = screen(&mut a, 60, 20);
    assert!(
        small.contains("AllAtOnce") && small.contains("60,000"),
        "{small}"
    );
    insta::assert_snapshot!("deploy_compare_60x20", small);
}

#[test]
fn phoenix_simulation_80x24() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "phoenix-drift", "50");
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("web-1") && s.contains("드리프트"), "{s}");
    insta::assert_snapshot!("phoenix_80x24", s);
    let wide = screen(&mut a, 120, 40);
    assert!(wide.contains("손으로 한 변경 (순서대로)"), "{wide}");
    insta::assert_snapshot!("phoenix_120x40", wide);
}

fn ctrl(app: &mut App, c: char) {
    app.handle_event(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

#[test]
fn search_palette_with_a_query_80x24_and_60x20() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    ctrl(&mut a, 'k');
    let empty = screen(&mut a, 80, 24);
    assert!(empty.contains("초성도 돼요"), "{empty}");
    type_str(&mut a, "ㄹㄷ ㅋㄷ");
    let shown = screen(&mut a, 80, 24);
    assert!(shown.contains("› ㄹㄷ ㅋㄷ"), "{shown}");
    assert!(shown.contains("레슨/절"), "{shown}");
    assert!(shown.contains("▸ 콜드 스타트 최소화 하기"), "{shown}");
    insta::assert_snapshot!("search_palette_80x24", shown);
    insta::assert_snapshot!("search_palette_60x20", screen(&mut a, 60, 20));
    // Backspace takes one character (a whole syllable or jamo), Esc closes.
    press(&mut a, KeyCode::Backspace);
    assert_eq!(
        a.layers
            .top::<gureum::ui::palette::Palette>()
            .map(|p| p.input.as_str()),
        Some("ㄹㄷ ㅋ")
    );
    press(&mut a, KeyCode::Esc);
    assert!(a.layers.top::<gureum::ui::palette::Palette>().is_none());
}

/// Moves the palette selection down to the first hit of `group`.
fn select_group(a: &mut App, group: gureum::search::Group) {
    for _ in 0..40 {
        let p = a
            .layers
            .top::<gureum::ui::palette::Palette>()
            .expect("palette open");
        let (doc, _) = p.selected_doc().expect("a hit");
        if p.index.docs[doc].kind.group() == group {
            return;
        }
        press(a, KeyCode::Down);
    }
    panic!("no {group:?} result");
}

#[test]
fn search_palette_enter_opens_the_reader_at_the_section_or_line() {
    let mut a = app(Progress::default());
    screen(&mut a, 100, 30);
    press(&mut a, KeyCode::Char('/'));
    type_str(&mut a, "ㄹㄷ ㅋㄷ");
    press(&mut a, KeyCode::Enter);
    let s = screen(&mut a, 100, 30);
    assert!(a.layers.top::<gureum::ui::palette::Palette>().is_none());
    let r = a
        .layers
        .front::<gureum::ui::reader::Reader>()
        .expect("reader");
    assert_eq!(
        a.library.lessons[r.lesson].meta.id, "developing-lambda",
        "{s}"
    );
    let heading = r
        .rendered
        .headings
        .iter()
        .find(|h| h.anchor == "콜드-스타트-최소화-하기")
        .unwrap();
    assert!(
        heading.line >= r.scroll && heading.line < r.scroll + r.page(),
        "{s}"
    );
    assert!(s.contains("콜드 스타트 최소화 하기"), "{s}");

    // A paragraph hit scrolls to the line that holds the match, here deep in a long lesson.
    ctrl(&mut a, 'k');
    type_str(&mut a, "배포해놓는");
    select_group(&mut a, gureum::search::Group::Paragraphs);
    let p = a.layers.top::<gureum::ui::palette::Palette>().unwrap();
    let (doc, _) = p.selected_doc().unwrap();
    let paragraph = p.index.docs[doc].text[0].clone();
    press(&mut a, KeyCode::Enter);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("미리 배포해놓는것"), "{paragraph}\n{s}");
    assert!(
        a.layers
            .front::<gureum::ui::reader::Reader>()
            .unwrap()
            .scroll
            > 0,
        "{s}"
    );
}

#[test]
fn search_palette_opens_a_question_in_practice_and_a_preset() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    ctrl(&mut a, 'k');
    type_str(&mut a, "프로비저닝된 동시성");
    select_group(&mut a, gureum::search::Group::Questions);
    let p = a.layers.top::<gureum::ui::palette::Palette>().unwrap();
    let id = p.index.docs[p.selected_doc().unwrap().0].id.clone();
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), gureum::ui::app::Screen::Practice);
    let practice = a
        .layers
        .front::<gureum::ui::screens::practice::Practice>()
        .unwrap();
    let bank = a.data.bank.as_ref().unwrap();
    assert_eq!(practice.items.len(), 1);
    assert_eq!(bank.entries[practice.items[0].entry].question.id, id);
    // Back leads where the palette was opened (home).
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen(), gureum::ui::app::Screen::Home);

    ctrl(&mut a, 'k');
    type_str(&mut a, "ㅋㄷ ㅅㅌㅌ");
    select_group(&mut a, gureum::search::Group::Simulations);
    press(&mut a, KeyCode::Enter);
    assert_eq!(a.screen(), gureum::ui::app::Screen::Sim);
    let sim = &a.layers.front::<SimScreen>().unwrap().sim;
    assert_eq!(a.data.presets[sim.preset].id(), "lambda-cold-start");
}

#[test]
fn glossary_screen_80x24_and_define_popup_in_the_reader() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    press(&mut a, KeyCode::Char('w'));
    type_str(&mut a, "ㅋㄷ");
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("용어집"), "{s}");
    assert!(s.contains("콜드 스타트") && s.contains("cold start"), "{s}");
    assert!(s.contains("이 용어가 나오는 곳"), "{s}");
    insta::assert_snapshot!("glossary_80x24", s);
    // Tab to the links, Enter on the first: the lesson section.
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Enter);
    assert!(
        a.layers
            .front::<gureum::ui::glossary::GlossaryView>()
            .is_none()
    );
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("콜드 스타트 최소화 하기"), "{s}");
    // Terms are marked in the lesson; only the first mention per section is drawn highlighted.
    let r = a.layers.front::<gureum::ui::reader::Reader>().unwrap();
    assert!(r.terms.iter().any(|m| m.first) && r.terms.iter().any(|m| !m.first));
    let section_of = |line: usize| r.rendered.headings.iter().rposition(|h| h.line <= line);
    for m in r.terms.iter().filter(|m| m.first) {
        let repeated = r.terms.iter().any(|o| {
            o.first
                && o.term == m.term
                && o.line != m.line
                && section_of(o.line) == section_of(m.line)
        });
        assert!(!repeated, "{m:?}");
    }
    // `d` shows the terms on screen with the first one's definition; `d` again cycles.
    press(&mut a, KeyCode::Char('d'));
    let d = a
        .layers
        .top::<gureum::ui::screens::define::Define>()
        .cloned()
        .expect("terms on screen");
    assert!(d.terms.len() > 1, "{d:?}");
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("화면의 용어"), "{s}");
    insta::assert_snapshot!("define_popup_80x24", s);
    press(&mut a, KeyCode::Char('d'));
    assert_eq!(
        a.layers
            .top::<gureum::ui::screens::define::Define>()
            .map(|d| d.selected),
        Some(1)
    );
    press(&mut a, KeyCode::Esc);
    assert!(
        a.layers
            .top::<gureum::ui::screens::define::Define>()
            .is_none()
    );
}

#[test]
fn a_prediction_outside_0_to_100_percent_is_asked_again() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "deploy-canary", "1000");
    let sim = &a.layers.front::<SimScreen>().expect("sim").sim;
    assert!(sim.outcome.is_none(), "not run on a bad prediction");
    assert!(sim.input.is_some(), "still asking");
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("0에서 100 사이"), "{s}");
    for _ in 0..4 {
        press(&mut a, KeyCode::Backspace);
    }
    type_str(&mut a, "5%");
    press(&mut a, KeyCode::Enter);
    let sim = &a.layers.front::<SimScreen>().expect("sim").sim;
    assert_eq!(sim.guess, Some(5.0));
    assert!(sim.outcome.is_some());
    assert!(sim.note.is_none(), "the complaint is gone once answered");
}

#[test]
fn back_from_a_glossary_link_returns_to_the_glossary_at_the_same_term() {
    let mut a = app(Progress::default());
    screen(&mut a, 80, 24);
    press(&mut a, KeyCode::Char('w'));
    type_str(&mut a, "ㅋㄷ");
    let term = a
        .layers
        .front::<gureum::ui::glossary::GlossaryView>()
        .and_then(gureum::ui::glossary::GlossaryView::term)
        .expect("a term");
    press(&mut a, KeyCode::Tab);
    press(&mut a, KeyCode::Enter);
    assert!(
        a.layers
            .front::<gureum::ui::glossary::GlossaryView>()
            .is_none(),
        "the link opened the lesson"
    );
    assert_eq!(a.screen(), gureum::ui::app::Screen::Reader);
    press(&mut a, KeyCode::Esc);
    let g = a
        .layers
        .front::<gureum::ui::glossary::GlossaryView>()
        .expect("back in the glossary");
    assert_eq!(g.term(), Some(term));
    // Esc steps out of the links, clears the filter, then closes; it stays closed.
    for _ in 0..3 {
        press(&mut a, KeyCode::Esc);
    }
    assert!(
        a.layers
            .front::<gureum::ui::glossary::GlossaryView>()
            .is_none()
    );
    press(&mut a, KeyCode::Esc);
    assert!(
        a.layers
            .front::<gureum::ui::glossary::GlossaryView>()
            .is_none()
            && !a.quit
    );
}

#[test]
fn enter_on_a_multiple_answer_question_with_too_few_marks_says_how_many() {
    let mut a = app(Progress::default());
    screen(&mut a, 100, 30);
    a.idle();
    let id = a
        .data
        .bank
        .as_ref()
        .and_then(|b| {
            b.entries
                .iter()
                .find(|e| e.question.kind == gureum::quiz::format::Kind::Multiple)
        })
        .map(|e| e.question.id.clone())
        .expect("the bank has multiple-answer questions");
    a.apply(gureum::ui::screen::Effect::Open(
        gureum::ui::screen::Open::Session(vec![id.clone()], "multiple".into()),
    ));
    assert_eq!(a.screen(), gureum::ui::app::Screen::Practice);
    press(&mut a, KeyCode::Enter);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("개를 골라 주세요 (지금 0개)"), "{s}");
    assert_eq!(
        a.layers
            .front::<gureum::ui::screens::practice::Practice>()
            .map(|p| p.phase.clone()),
        Some(gureum::ui::screens::practice::Phase::Asking),
        "nothing was submitted"
    );
}

#[test]
fn the_section_line_keeps_both_keys_on_a_narrow_screen() {
    let mut a = app(Progress::default());
    screen(&mut a, 60, 20);
    a.idle();
    let li = a.library.lesson_index("developing-lambda").expect("lesson");
    a.open_lesson(li);
    a.layers
        .front_mut::<gureum::ui::reader::Reader>()
        .expect("reader")
        .jump_anchor = Some("콜드-스타트-최소화-하기".into());
    let wide = screen(&mut a, 120, 40);
    assert!(
        wide.contains("「콜드 스타트 최소화 하기」 문제")
            && wide.contains("시뮬레이션: 콜드 스타트 (s)"),
        "{wide}"
    );
    let narrow = screen(&mut a, 60, 20);
    let line = narrow
        .lines()
        .find(|l| l.contains('▸'))
        .expect("the section line");
    assert!(line.contains("(P)") && line.contains("(s)"), "{line}");
}

#[test]
fn the_enter_that_moves_on_never_judges_the_next_question() {
    let mut a = app(Progress::default());
    screen(&mut a, 100, 30);
    a.idle();
    let ids: Vec<String> = a
        .data
        .bank
        .as_ref()
        .map(|b| {
            b.entries
                .iter()
                .filter(|e| e.question.kind == gureum::quiz::format::Kind::Numeric)
                .take(2)
                .map(|e| e.question.id.clone())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(ids.len(), 2, "the bank has numeric questions");
    a.apply(gureum::ui::screen::Effect::Open(
        gureum::ui::screen::Open::Session(ids.clone(), "numeric".into()),
    ));
    // Answer the first (wrongly is fine), then Enter to move on.
    press(&mut a, KeyCode::Char('1'));
    press(&mut a, KeyCode::Enter);
    assert!(matches!(
        a.layers
            .front::<gureum::ui::screens::practice::Practice>()
            .map(|p| p.phase.clone()),
        Some(gureum::ui::screens::practice::Phase::Feedback { .. })
    ));
    press(&mut a, KeyCode::Enter);
    let s = screen(&mut a, 100, 30);
    assert!(s.contains("2/2"), "on the second question: {s}");
    assert!(
        !s.contains("숫자로 답해 주세요"),
        "no complaint before any key: {s}"
    );
}

/// A finished 10-question mock of `exam` drawn by `seed` and submitted at `at_s` (Unix s): in
/// each domain the `k`-th question is answered right when `right(k)` (so the numbers do not
/// depend on which questions the bank gives).
fn finished_mock(
    bank: &gureum::quiz::Bank,
    exam: gureum::quiz::exam::ExamId,
    seed: u64,
    at_s: u64,
    right: impl Fn(usize) -> bool,
) -> gureum::quiz::exam::ExamState {
    use gureum::quiz::exam::{Blueprint, ExamResponse, ExamState, draw_exam};
    let blueprint = Blueprint::full(exam).custom(10, 20);
    let drawn = draw_exam(bank, &blueprint, seed);
    let start = (at_s - 600) * 1000;
    let mut state = ExamState::start(bank, &drawn, 20, start);
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::default();
    for i in 0..state.items().len() {
        let item = state.items()[i].clone();
        let k = seen.entry(item.domain.clone()).or_default();
        let ok = right(*k);
        *k += 1;
        let q = &bank.get(&item.id).expect("drawn from the bank").question;
        let response = match &q.answer {
            gureum::quiz::Answer::Number(n) => ExamResponse::Number(if ok { *n } else { n + 1e6 }),
            _ if ok => {
                ExamResponse::Choices(q.correct_ids().iter().map(|s| (*s).to_owned()).collect())
            }
            _ => {
                let wrong = q
                    .choices
                    .iter()
                    .find(|c| !q.correct_ids().contains(&c.id.as_str()))
                    .expect("a wrong choice");
                ExamResponse::Choices(vec![wrong.id.clone()])
            }
        };
        state.answer(i, response, start + 1000);
    }
    state.submit(at_s * 1000);
    state
}

/// An app whose store holds three finished mock exams: SAA-C03 twice (better the second
/// time), then DVA-C02 once.
fn app_with_three_exams(lang: Lang) -> App {
    use gureum::quiz::exam::{ExamId, feed};
    /// An exam, its seed, when it finished, and which answers were right.
    type Run = (ExamId, u64, u64, fn(usize) -> bool);
    let bank = gureum::quiz::Bank::load(&gureum::quiz::BankSource::Embedded);
    let library = Library::load(&ContentSource::Embedded);
    let mut store = Store::in_memory(Progress::default());
    let day = 86_400;
    let t0 = 1_800_000_000 - 1_800_000_000 % day + day / 2;
    let runs: [Run; 3] = [
        (ExamId::SaaC03, 3, t0, |k| k % 2 == 0),
        (ExamId::SaaC03, 5, t0 + 2 * day, |k| k % 4 != 3),
        (ExamId::DvaC02, 8, t0 + 3 * day, |k| k % 3 != 2),
    ];
    for (exam, seed, at, right) in runs {
        let state = finished_mock(&bank, exam, seed, at, right);
        let reviews = feed::exam_reviews(&state, &bank);
        let correct = reviews.iter().filter(|r| r.correct).count();
        let attempt = gureum::store::ExamAttempt {
            exam: exam.id().to_owned(),
            started: at - 600,
            seconds: 600,
            correct: u32::try_from(correct).unwrap(),
            total: 10,
        };
        store.finish_exam_graded(&state, attempt, reviews, at);
    }
    App::new(library, store, lang, Theme::dark())
}

#[test]
fn readiness_from_the_exam_menu_120x40_80x24_and_60x20() {
    let mut a = app_with_three_exams(Lang::Ko);
    screen(&mut a, 120, 40);
    press(&mut a, KeyCode::Char('x'));
    let menu = screen(&mut a, 80, 24);
    assert!(
        menu.contains("s 준비도"),
        "the status bar offers it: {menu}"
    );
    press(&mut a, KeyCode::Char('s'));
    assert_eq!(a.screen(), gureum::ui::app::Screen::Readiness);
    let wide = screen(&mut a, 120, 40);
    for want in [
        "준비도",
        "안전한 아키텍처 설계",
        "AWS 서비스를 사용한 개발",
        "합격선 720",
        "1회 SAA-C03",
        "3회 DVA-C02",
    ] {
        assert!(wide.contains(want), "{want}: {wide}");
    }
    assert!(!wide.contains("saa.") && !wide.contains("dva."), "{wide}");
    insta::assert_snapshot!("readiness_120x40", wide);
    let narrow = screen(&mut a, 80, 24);
    assert!(
        narrow.contains("합격선 720") && narrow.contains("복원력을 갖춘"),
        "{narrow}"
    );
    insta::assert_snapshot!("readiness_80x24", narrow);
    let small = screen(&mut a, 60, 20);
    assert!(
        small.contains("준비도") && small.contains("3회 DVA-C02"),
        "the scores stay readable: {small}"
    );
    press(&mut a, KeyCode::Esc);
    assert_eq!(a.screen(), gureum::ui::app::Screen::ExamMenu);

    let mut en = app_with_three_exams(Lang::En);
    screen(&mut en, 80, 24);
    press(&mut en, KeyCode::Char('x'));
    press(&mut en, KeyCode::Char('s'));
    let english = screen(&mut en, 80, 24);
    assert!(
        english.contains("Design Secure Architectures")
            && english.to_lowercase().contains("pass mark 720"),
        "{english}"
    );
    assert!(!has_hangul(&english), "{english}");
}

/// Rows between the chart's top label (`unit`) and its time axis (`end`) on a screen.
fn chart_rows(s: &str, unit: &str, end: &str) -> usize {
    let lines: Vec<&str> = s.lines().collect();
    let top = lines.iter().position(|l| l.contains(unit)).expect(unit);
    let bottom = lines.iter().rposition(|l| l.contains(end)).expect(end);
    bottom.saturating_sub(top) + 1
}

#[test]
fn the_newer_simulations_show_challenge_conditions_and_a_chart_120x40_and_80x24() {
    for (id, guess, end) in [
        ("sessions-sticky-failure", "30", "600초"),
        ("cache-stale-prices", "20", "300초"),
        ("replicas-failover", "300", "600초"),
        ("throttle-burst", "300", "10초"),
    ] {
        let mut a = app(Progress::default());
        run_sim_with_guess(&mut a, id, guess);
        let sim = &a.layers.front::<SimScreen>().expect("sim").sim;
        assert_eq!(sim.passed, Some(false), "{id}");
        let wide = screen(&mut a, 120, 40);
        for needle in ["과제:", "✗ 과제", "측정", "왜 이렇게 되나요", "예측"] {
            assert!(wide.contains(needle), "{id} {needle}:\n{wide}");
        }
        insta::assert_snapshot!(format!("{id}_120x40"), wide);
        let small = screen(&mut a, 80, 24);
        assert!(small.contains("과제:"), "{id}:\n{small}");
        assert!(chart_rows(&small, "건/초", end) >= 6, "{id}:\n{small}");
        insta::assert_snapshot!(format!("{id}_80x24"), small);
    }
}

#[test]
fn throttle_done_when_numbers_on_screen() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "throttle-burst", "");
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("요청 1,500건 · 통과 1,199건 · 429 301건"), "{s}");
}

#[test]
fn a_failed_challenge_lists_each_condition_and_the_fix_passes_it() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "sessions-sticky-failure", "10");
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("✗ 잃은 장바구니 0개 — 측정"), "{s}");
    // Sticky → cookie → ElastiCache: the store is the first setting.
    press(&mut a, KeyCode::Right);
    press(&mut a, KeyCode::Right);
    press(&mut a, KeyCode::Char('r'));
    let sim = &a.layers.front::<SimScreen>().expect("sim").sim;
    assert_eq!(sim.passed, Some(true));
    let s = screen(&mut a, 120, 40);
    assert!(s.contains("✓ 잃은 장바구니 0개 — 측정 0"), "{s}");
    // The list marks the passed challenge, from the progress store.
    press(&mut a, KeyCode::Esc);
    let list = screen(&mut a, 80, 24);
    assert!(list.contains("✓Session"), "{list}");
    assert!(!list.contains("✓Cache"), "{list}");
}

#[test]
fn a_prediction_that_is_not_a_number_is_asked_again() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "lambda-async-dlq", "abc");
    let sim = &a.layers.front::<SimScreen>().expect("sim").sim;
    assert!(sim.outcome.is_none() && sim.input.is_some());
    let note = sim.note.clone().unwrap_or_default();
    assert!(note.contains("비우면 건너뛰어요"), "{note}");
    let s = screen(&mut a, 120, 30);
    assert!(s.contains("DLQ"), "{s}");
}

#[test]
fn the_scenario_folds_with_t_at_80x24() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "replicas-read-after-write");
    let open = screen(&mut a, 80, 24);
    assert!(open.contains("과제:") && open.contains("t: 상황"), "{open}");
    press(&mut a, KeyCode::Char('t'));
    let folded = screen(&mut a, 80, 24);
    assert!(
        folded.contains("과제:") && folded.contains("t: 상황 펼치기"),
        "{folded}"
    );
}

/// Simulations drawn on their architecture diagram (issue 18, point 4): where the result
/// panel has room the diagram sits above the chart; where it has not, `d` puts it in the
/// chart's place and back. Snapshots at 120x40 (diagram shown) and 80x24 in both states.
#[test]
fn simulations_drawn_on_their_diagram_120x40_and_80x24_both_states() {
    for (id, guess, marks) in [
        (
            "sessions-sticky-failure",
            "30",
            &["✗ EC2", "[멈춤 · 300초]", "개 잃음"][..],
        ),
        (
            "replicas-failover",
            "300",
            &["✗ RDS", "▲ RDS", "[승격 · 300초 뒤]", "지연 평균"][..],
        ),
        (
            "deploy-canary",
            "5",
            &["✗ Lambda", "[롤백 · 3:00]", "90%", "시간별 트래픽 분할"][..],
        ),
    ] {
        let mut a = app(Progress::default());
        run_sim_with_guess(&mut a, id, guess);
        let mut wide = screen(&mut a, 120, 40);
        if !wide.contains("[구성도]") {
            // No room for both: the chart shows, and the key says how to see the diagram.
            assert!(wide.contains("d: 구성도 보기"), "{id}:\n{wide}");
            press(&mut a, KeyCode::Char('d'));
            wide = screen(&mut a, 120, 40);
            // Back to the chart for the two states at 80x24.
            press(&mut a, KeyCode::Char('d'));
        }
        assert!(
            wide.contains("[구성도]") && wide.contains("과제:"),
            "{id}:\n{wide}"
        );
        for m in marks {
            assert!(wide.contains(m), "{id} {m}:\n{wide}");
        }
        for l in wide.lines() {
            assert!(unicode_width::UnicodeWidthStr::width(l) <= 120, "{l}");
        }
        insta::assert_snapshot!(format!("{id}_diagram_120x40"), wide);

        let chart = screen(&mut a, 80, 24);
        assert!(chart.contains("d: 구성도 보기"), "{id}:\n{chart}");
        assert!(chart.contains("과제:"), "{id}:\n{chart}");
        assert!(!chart.contains("[구성도]"), "{id}:\n{chart}");
        insta::assert_snapshot!(format!("{id}_chart_80x24"), chart);
        press(&mut a, KeyCode::Char('d'));
        let diagram = screen(&mut a, 80, 24);
        assert!(diagram.contains("[구성도]"), "{id}:\n{diagram}");
        assert!(diagram.contains("d: 차트 보기"), "{id}:\n{diagram}");
        assert!(diagram.contains("과제:"), "{id}:\n{diagram}");
        insta::assert_snapshot!(format!("{id}_diagram_80x24"), diagram);
        // And back to the chart.
        press(&mut a, KeyCode::Char('d'));
        assert_eq!(screen(&mut a, 80, 24), chart, "{id}");
    }
}

#[test]
fn a_simulation_diagram_in_english_and_a_simulation_without_one() {
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "sessions-sticky-failure", "30");
    press(&mut a, KeyCode::Char('L'));
    let mut s = screen(&mut a, 120, 40);
    if !s.contains("[Diagram]") {
        assert!(s.contains("d: show the diagram"), "{s}");
        press(&mut a, KeyCode::Char('d'));
        s = screen(&mut a, 120, 40);
    }
    for m in ["[Diagram]", "✗ EC2", "[failed at 300 s]", "carts lost"] {
        assert!(s.contains(m), "{m}:\n{s}");
    }
    // The Lambda simulation has no diagram: the key says so instead of doing nothing.
    let mut a = app(Progress::default());
    run_sim_with_guess(&mut a, "lambda-cold-start", "1");
    press(&mut a, KeyCode::Char('d'));
    let s = screen(&mut a, 80, 24);
    assert!(s.contains("구성도가 없어요"), "{s}");
}

#[test]
fn cfn_change_set_marks_replaced_resources_on_the_diagram_120x40_and_80x24() {
    let mut a = app(Progress::default());
    open_sim(&mut a, "cfn-groups");
    select_cfn_edit(&mut a, "key-schema");
    let wide = screen(&mut a, 120, 40);
    for m in [
        "[구성도]",
        "↻ DynamoDB",
        "[교체·데이터 잃음]",
        "= Cognito",
        "[그대로]",
    ] {
        assert!(wide.contains(m), "{m}:\n{wide}");
    }
    insta::assert_snapshot!("cfn_diagram_key_schema_120x40", wide);
    select_cfn_edit(&mut a, "gsi-one");
    let small = screen(&mut a, 80, 24);
    assert!(small.contains("[구성도]"), "{small}");
    insta::assert_snapshot!("cfn_diagram_80x24", small);
}
