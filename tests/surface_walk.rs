//! A walk over every screen in Korean and in English (issue 16): the release binary in a
//! pseudo-terminal, each screen checked for what a learner must never see.
//!
//! Korean mode: no exam-domain ids (`saa.cost`), no heading anchors (`lesson#section`), no
//! markdown syntax (`**`), no file names of the source notes, and no English sentence in the
//! app's own text (the title and status bars, and screens that hold no content).
//! English mode: no Korean in the app's own text. Content (lesson text, questions, lesson and
//! section titles) stays in the language it was written in, so it is not checked for language.

mod support;

use support::pty::Pty;

/// Which language the walk runs in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Lang {
    Ko,
    En,
}

/// How much of a screen is the app's own text.
#[derive(Clone, Copy)]
enum Own {
    /// Only the title bar (first row) and the status bar (last row).
    Bars,
    /// Only the status bar: the title bar names content (a lesson, a question's topic).
    Status,
    /// Every row except those that hold content, given by a predicate on the row.
    AllBut(fn(&str) -> bool),
    /// The overlay in the middle of the screen (help, settings): its rows are given whole,
    /// cut out of the screen by `overlay`, so the screen under it is not checked.
    Overlay,
}

/// The rows of the box drawn around the centre of the screen (an overlay), inside its border.
/// Found from the centre cell outwards: the first vertical border on each side, then the
/// corners above and below the left border.
fn overlay(t: &Pty) -> String {
    t.with_screen(|s| {
        let (rows, cols) = s.size();
        let (rows, cols): (u16, u16) = (rows.into(), cols.into());
        let at = |r: u16, c: u16| {
            s.cell(r, c)
                .map(|c| c.contents().to_owned())
                .unwrap_or_default()
        };
        let vertical = |x: &str| matches!(x, "│" | "┃" | "║");
        let (mid_r, mid_c) = (rows / 2, cols / 2);
        let left = (0..mid_c)
            .rev()
            .find(|&c| vertical(&at(mid_r, c)))
            .unwrap_or(0);
        let right = (mid_c..cols)
            .find(|&c| vertical(&at(mid_r, c)))
            .unwrap_or(cols);
        let top = (0..mid_r)
            .rev()
            .find(|&r| matches!(&*at(r, left), "┌" | "╭" | "┏" | "╔"))
            .unwrap_or(0);
        let bottom = (mid_r..rows)
            .find(|&r| matches!(&*at(r, left), "└" | "╰" | "┗" | "╚"))
            .unwrap_or(rows);
        s.rows(left + 1, right.saturating_sub(left + 1))
            .skip(usize::from(top))
            .take(usize::from(bottom - top + 1))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{3131}'..='\u{318E}')
}

/// The row's words: split at spaces and box-drawing borders, punctuation trimmed.
fn words(row: &str) -> impl Iterator<Item = &str> {
    row.split(|c: char| c.is_whitespace() || ('\u{2500}'..='\u{257F}').contains(&c))
        .map(|w| w.trim_matches(|c: char| "()[]{},:;·'\"`".contains(c)))
        .filter(|w| !w.is_empty())
}

/// `saa.cost`, `dva.development`: an exam-domain id.
fn domain_id(row: &str) -> Option<String> {
    words(row)
        .find(|w| {
            ["saa.", "dva."].iter().any(|p| {
                w.strip_prefix(p)
                    .is_some_and(|rest| rest.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            })
        })
        .map(str::to_owned)
}

/// `udemy-rds#network--iam`: a lesson id with a heading anchor.
fn anchor(row: &str) -> Option<String> {
    words(row)
        .find(|w| {
            w.split_once('#').is_some_and(|(id, frag)| {
                id.len() >= 2
                    && id.contains('-')
                    && id
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    && frag
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
            })
        })
        .map(str::to_owned)
}

/// Three or more English words in a row, not a product or key name ("AWS …", "Ctrl-f").
fn english_sentence(row: &str) -> Option<String> {
    // Product names, and key names in key hints ("PgDn Space Ctrl-f").
    let product = |w: &str| {
        matches!(
            w,
            "AWS"
                | "Amazon"
                | "Elastic"
                | "API"
                | "SDK"
                | "CLI"
                | "PgDn"
                | "PgUp"
                | "Space"
                | "Ctrl"
                | "Enter"
                | "Esc"
                | "Tab"
                | "Home"
                | "End"
                | "Shift"
                | "Alt"
        )
    };
    let word = |w: &str| {
        let w = w.trim_end_matches(['.', ',', ':', '?', '!']);
        w.len() >= 2 && w.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
    };
    // Runs of words separated by exactly one space (two spaces part columns).
    let mut run: Vec<&str> = Vec::new();
    let mut best: Vec<&str> = Vec::new();
    // The words after a product word belong to its name ("Amazon RDS for PostgreSQL").
    let mut in_name = false;
    for piece in row.split(' ') {
        if !word(piece) {
            run.clear();
            in_name = false;
        } else if in_name || product(piece.split('-').next().unwrap_or(piece)) {
            run.clear();
            in_name = true;
        } else {
            run.push(piece);
            if run.len() > best.len() {
                best.clone_from(&run);
            }
        }
    }
    (best.len() >= 3).then(|| best.join(" "))
}

/// Checks one screen; returns what is wrong, or nothing.
fn problems(lang: Lang, what: &str, screen: &str, own: Own) -> Vec<String> {
    let screen = screen.trim_end();
    let mut found = Vec::new();
    let rows: Vec<&str> = screen.lines().collect();
    for row in &rows {
        if let Some(id) = domain_id(row) {
            found.push(format!("{what}: domain id `{id}`"));
        }
        if let Some(a) = anchor(row) {
            found.push(format!("{what}: anchor `{a}`"));
        }
        if row.contains("**") {
            found.push(format!("{what}: markdown `**` in `{}`", row.trim()));
        }
        if row.contains(".txt") {
            found.push(format!("{what}: a note's file name in `{}`", row.trim()));
        }
    }
    let last = rows.iter().rposition(|r| !r.trim().is_empty()).unwrap_or(0);
    let own_rows: Vec<&str> = match own {
        Own::Bars => vec![rows.first().copied().unwrap_or(""), rows[last]],
        Own::Status => vec![rows[last]],
        Own::AllBut(content) => {
            // A content row's wrapped continuation is content too (`Balancer를 씁니다.` after a
            // long Korean row); the title and status bars never are.
            let mut own = Vec::new();
            let mut prev = false;
            for (i, r) in rows.iter().enumerate() {
                let bar = i == 0 || i == last;
                let is_content = !bar && (content(r) || (prev && !r.trim().is_empty()));
                if !is_content {
                    own.push(*r);
                }
                prev = is_content;
            }
            own
        }
        Own::Overlay => rows.clone(),
    };
    for row in own_rows {
        match lang {
            Lang::Ko => {
                if let Some(s) = english_sentence(row) {
                    found.push(format!("{what}: English `{s}` in `{}`", row.trim()));
                }
            }
            Lang::En => {
                // The language setting names Korean in Korean, as language pickers do.
                let row = row.replace("한국어", "");
                if row.chars().any(is_hangul) {
                    found.push(format!("{what}: Korean in `{}`", row.trim()));
                }
            }
        }
    }
    found
}

/// A row of lesson or question content (Korean text the learner's notes and banks hold):
/// a row with four or more Hangul letters, an answer option (`✗ 2) OpenAPI의 servers 항목`,
/// however short its Korean), or the wrapped tail of a Korean sentence (`니다.`: Hangul,
/// no Latin letters, ends a sentence). Practice draws its questions at random, so the walk
/// cannot know which question's short rows it will meet.
fn content_row(row: &str) -> bool {
    let hangul = row.chars().filter(|c| is_hangul(*c)).count();
    // Markers before an option's number: ✗ ✓ (feedback), □ ■ (multiple choice), ▶ (cursor).
    let text = row
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let option = text
        .split_once(')')
        .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let tail = hangul > 0
        && !row.chars().any(|c| c.is_ascii_alphabetic())
        && text.ends_with(['.', ')', '?']);
    hangul >= 4 || option || tail
}

fn walk(lang: Lang) -> Vec<String> {
    let data = tempfile::tempdir().unwrap();
    let args: &[&str] = match lang {
        Lang::Ko => &[],
        Lang::En => &["--lang", "en"],
    };
    let (home_ready, reader_ready) = match lang {
        Lang::Ko => ("읽기 (c)", "레슨에서 검색"),
        Lang::En => ("reading (c)", "Search in lesson"),
    };
    let mut t = Pty::gureum(data.path(), args, &[], 100, 30);
    let mut found = Vec::new();
    let mut look = |t: &mut Pty, what: &str, own: Own| {
        std::thread::sleep(std::time::Duration::from_millis(400));
        let screen = match own {
            Own::Overlay => overlay(t),
            _ => t.screen(),
        };
        found.extend(problems(lang, what, &screen, own));
    };

    t.wait_for(home_ready);
    look(&mut t, "home", Own::Bars);
    t.keys(&["?"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    look(&mut t, "home help", Own::Overlay);
    t.keys(&["Escape"]);

    // A lesson and its help.
    t.keys(&["Down", "Enter"]);
    t.wait_for(reader_ready);
    look(&mut t, "reader", Own::Status);
    t.keys(&["?"]);
    look(&mut t, "reader help", Own::Overlay);
    t.keys(&["Escape", "Escape"]);
    t.wait_for(home_ready);

    // The palette with a query, the glossary and the settings.
    t.keys(&["C-k"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.text("rcu");
    look(&mut t, "palette", Own::Status);
    t.keys(&["Escape"]);
    t.keys(&["w"]);
    look(&mut t, "glossary", Own::Status);
    t.keys(&["Escape"]);
    t.keys(&[","]);
    look(&mut t, "settings", Own::Overlay);
    t.keys(&["Escape"]);
    t.wait_for(home_ready);

    // The simulations: the list and the first simulation.
    t.keys(&["s"]);
    look(&mut t, "simulation list", Own::Bars);
    t.keys(&["Enter"]);
    look(&mut t, "simulation", Own::Status);
    t.keys(&["Escape", "Escape"]);
    t.wait_for(home_ready);

    // Practice: the menu, a question, its feedback.
    t.keys(&["p"]);
    look(&mut t, "practice menu", Own::Bars);
    t.keys(&["Enter"]);
    look(&mut t, "practice question", Own::Status);
    t.keys(&["1", "Enter"]);
    look(&mut t, "practice feedback", Own::AllBut(content_row));
    t.keys(&["Escape"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    t.keys(&["Escape"]);
    t.wait_for(home_ready);

    // A mock exam: the menu, a question, submitted, its results.
    t.keys(&["x"]);
    look(&mut t, "exam menu", Own::Bars);
    t.keys(&["C-c"]);
    t.wait_exit();
    let mut e = Pty::gureum(
        data.path(),
        &[
            args,
            &["exam", "--count", "3", "--minutes", "5", "--seed", "4"],
        ]
        .concat(),
        &[],
        100,
        30,
    );
    std::thread::sleep(std::time::Duration::from_millis(800));
    look(&mut e, "exam question", Own::Status);
    e.keys(&["1", "Enter"]);
    e.keys(&["S"]);
    std::thread::sleep(std::time::Duration::from_millis(300));
    look(&mut e, "exam submit", Own::Status);
    e.keys(&["Enter"]);
    look(&mut e, "exam results", Own::AllBut(content_row));
    e.keys(&["C-c"]);
    e.wait_exit();
    found
}

#[test]
fn every_screen_in_korean_shows_no_ids_markdown_or_english() {
    let found = walk(Lang::Ko);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_screen_in_english_shows_no_korean_ui_text() {
    let found = walk(Lang::En);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_checks_catch_what_they_look_for() {
    let ko = "레슨: udemy-rds#network--iam (o)\n영역 dva.deployment saa.cost\n**강조**\nPress any key to continue";
    let found = problems(Lang::Ko, "t", ko, Own::AllBut(|_| false));
    assert!(found.iter().any(|f| f.contains("domain id")), "{found:?}");
    assert!(found.iter().any(|f| f.contains("anchor")), "{found:?}");
    assert!(found.iter().any(|f| f.contains("**")), "{found:?}");
    assert!(found.iter().any(|f| f.contains("English")), "{found:?}");
    let en = "Next steps\n 열기  q Quit";
    let found = problems(Lang::En, "t", en, Own::Status);
    assert!(found.iter().any(|f| f.contains("Korean")), "{found:?}");
    // Short option rows and wrapped sentence tails are content; the app's own rows are not.
    assert!(content_row("  ✗ 1) x-amazon-apigateway-integration 확장"));
    assert!(content_row("    5) OpenAPI의 servers 항목"));
    assert!(content_row("  □ 5) Application Load Balancer"));
    assert!(content_row("  니다."));
    assert!(!content_row(" Enter 답하기  ? Help"));
    assert!(!content_row("  ✗ Wrong 정답"));
    assert!(
        problems(
            Lang::Ko,
            "t",
            "AWS Lambda 함수 · Amazon API Gateway",
            Own::Bars
        )
        .is_empty()
    );
}
