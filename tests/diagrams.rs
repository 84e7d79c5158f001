//! Redrawn pictures: every diagram of the content draws within any width, the lessons show a
//! drawing or a description wherever the notes had a picture, and `gureum check` catches broken
//! diagram files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use gureum::lesson::callout::CalloutLabels;
use gureum::lesson::diagram::{self, Marks};
use gureum::lesson::{ContentSource, Library, RenderOptions, render};
use gureum::text::width;

const LABELS: CalloutLabels = CalloutLabels {
    title: "노트 이후 바뀐 점",
    correction: "노트 바로잡기",
    changed: "변경",
    source: "출처",
    english: false,
};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn library() -> Library {
    let lib = Library::load(&ContentSource::Dir(root().join("content")));
    let problems: Vec<String> = lib.check().iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    lib
}

fn gureum(args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .env("GUREUM_DATA_DIR", data.path())
        .output()
        .expect("run gureum")
}

fn plain(d: &diagram::Diagram, w: usize) -> String {
    diagram::render(d, w, &Marks::default())
        .iter()
        .map(gureum::lesson::styled::Line::plain)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_diagram_draws_within_every_width() {
    let lib = library();
    assert!(
        lib.diagrams.diagrams.len() >= 40,
        "at least 40 pictures redrawn"
    );
    for d in &lib.diagrams.diagrams {
        for w in [40, 60, 80, 120] {
            let lines = diagram::render(d, w, &Marks::default());
            assert!(lines.len() > 2, "{} at {w}: nothing drawn", d.id);
            for l in &lines {
                let text = l.plain();
                assert!(width(&text) <= w, "{} at {w}: {text:?}", d.id);
            }
            // Every box's label is on the page (possibly wrapped inside its box).
            let flat: String = plain(d, w).split_whitespace().collect();
            for n in &d.nodes {
                // Long words may be broken inside the box; their start is always there.
                let first: String = n
                    .label
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .chars()
                    .take(3)
                    .collect();
                assert!(flat.contains(&first), "{} at {w}: {first} missing", d.id);
            }
        }
    }
}

#[test]
fn snapshots_of_a_few_drawings() {
    let lib = library();
    let get = |id: &str| {
        lib.diagrams
            .diagrams
            .iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("{id}"))
    };
    insta::assert_snapshot!(
        "myclothes_server_session_80",
        plain(get("myclothes-server-session"), 80)
    );
    insta::assert_snapshot!(
        "myclothes_server_session_120",
        plain(get("myclothes-server-session"), 120)
    );
    insta::assert_snapshot!(
        "udacity_presigned_url_40",
        plain(get("udacity-presigned-url"), 40)
    );
    insta::assert_snapshot!(
        "udemy_rds_multi_az_60",
        plain(get("udemy-rds-multi-az"), 60)
    );
}

#[test]
fn no_lesson_keeps_a_bare_picture_placeholder() {
    let lib = library();
    let mut redrawn = 0;
    let mut described = 0;
    for (i, lesson) in lib.lessons.iter().enumerate() {
        let md = lib.lesson_markdown(i, LABELS);
        let rendered = render(
            &md,
            &RenderOptions {
                width: 80,
                ..RenderOptions::default()
            },
        );
        let lines: Vec<String> = rendered
            .lines
            .iter()
            .map(gureum::lesson::styled::Line::plain)
            .collect();
        for (k, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            if t.starts_with("[다시 그린 그림]") {
                redrawn += 1;
            }
            if line.contains("[그림]") {
                // The placeholder may end a paragraph; its description follows it.
                let described_here = lines
                    .iter()
                    .skip(k + 1)
                    .take(2)
                    .any(|s| s.trim_start().starts_with("└ "));
                assert!(
                    described_here,
                    "{}: picture without a drawing or description: {line}",
                    lesson.meta.id
                );
                described += 1;
            }
        }
    }
    let images = lib
        .lessons
        .iter()
        .map(|l| l.body.matches("![").count())
        .sum::<usize>();
    assert_eq!(redrawn + described, images, "every picture accounted for");
    assert!(redrawn >= 40, "{redrawn} redrawn");
}

#[test]
fn myclothes_shows_eight_drawings_and_no_file_placeholder() {
    let o = gureum(&["read", "myclothes-stateful-web-app", "--width", "80"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(out.matches("[다시 그린 그림]").count(), 8, "{out}");
    assert!(
        !out.lines()
            .any(|l| l.contains("[그림]") && l.contains(".png")),
        "{out}"
    );
}

/// A one-lesson content folder with one picture and the given diagram file.
fn content_with(dir: &Path, diagrams: &str) {
    let course = dir.join("01-c");
    std::fs::create_dir_all(&course).unwrap();
    std::fs::create_dir_all(dir.join("diagrams")).unwrap();
    std::fs::write(
        course.join("course.toml"),
        "id = \"c\"\ntitle = \"C\"\norder = 1\nsummary = \"s\"\n",
    )
    .unwrap();
    std::fs::write(
        course.join("01-l.md"),
        "+++\nid = \"l\"\ntitle = \"L\"\norder = 1\nsummary = \"s\"\n+++\n\n본문\n\n![a](/m/a.png)\n",
    )
    .unwrap();
    std::fs::write(dir.join("diagrams/d.toml"), diagrams).unwrap();
}

const GOOD: &str = r#"[[diagram]]
id = "d"
replaces = "![a](/m/a.png)"
nodes = [
  { id = "x", kind = "lambda" },
  { id = "y", kind = "s3" },
]
edges = [
  { from = "x", to = "y" },
]
"#;

#[test]
fn check_accepts_a_good_diagram_and_read_draws_it() {
    let dir = tempfile::tempdir().unwrap();
    content_with(dir.path(), GOOD);
    let d = dir.path().to_str().unwrap();
    let o = gureum(&["check", "--content-dir", d]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = gureum(&["read", "l", "--content-dir", d, "--width", "40"]);
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("[다시 그린 그림] a.png"), "{out}");
    assert!(out.contains("Lambda") && out.contains("S3"), "{out}");
}

#[test]
fn check_rejects_an_edge_to_an_unknown_node_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    content_with(dir.path(), &GOOD.replace(r#"to = "y""#, r#"to = "z""#));
    let d = dir.path().to_str().unwrap();
    let o = gureum(&["check", "--lang", "en", "--content-dir", d]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(
        err.contains("diagrams/d.toml:9: `d`: edge names unknown node `z`"),
        "{err}"
    );
}

#[test]
fn check_rejects_unknown_kinds_duplicates_and_stray_replaces() {
    let cases = [
        (GOOD.replace("\"s3\"", "\"s4\""), "diagrams/d.toml:6: "),
        (
            GOOD.replace(r#"id = "y""#, r#"id = "x""#),
            "duplicate id `x`",
        ),
        (
            GOOD.replace("/m/a.png", "/m/b.png"),
            "`replaces` matches no image in any lesson",
        ),
    ];
    for (text, want) in cases {
        let dir = tempfile::tempdir().unwrap();
        content_with(dir.path(), &text);
        let d = dir.path().to_str().unwrap();
        let o = gureum(&["check", "--lang", "en", "--content-dir", d]);
        assert_eq!(o.status.code(), Some(1), "{text}");
        let err = String::from_utf8(o.stderr).unwrap();
        assert!(err.contains(want), "{want}\n{err}");
    }
}
