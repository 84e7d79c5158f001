//! The built-in lessons are the learner's notes, cut into pieces and otherwise untouched.
//!
//! For every course made from a note in `../shared/seeds`, the lesson bodies concatenated in
//! order must equal the note (without its YAML front matter) up to whitespace at lesson
//! boundaries, once the documented markdown fixes are applied to the note (the very list the
//! import uses, [`split_seeds::FIXES`], which `content/README.md` must also list) and the
//! `lesson:ID#anchor` link targets are turned back into `#anchor`.
//!
//! It also checks the front matter: ids, summaries, orders, tags and related links.

#[allow(dead_code)]
#[path = "../examples/split_seeds.rs"]
mod split_seeds;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use gureum::lesson::{ContentSource, Library};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load() -> Library {
    let lib = Library::load(&ContentSource::Dir(root().join("content")));
    let problems: Vec<String> = lib.check().iter().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        problems.join("\n")
    );
    lib
}

#[test]
fn lessons_are_the_notes_unchanged() {
    let seeds = root().join("../shared/seeds");
    if !seeds.is_dir() {
        eprintln!(
            "notice: {} not found; skipping the note comparison",
            seeds.display()
        );
        return;
    }
    let lib = load();
    let mut compared = 0;
    for course in &lib.courses {
        let Some(source) = course.meta.source.as_deref() else {
            continue;
        };
        let raw =
            std::fs::read_to_string(seeds.join(source)).expect("seed file named by course.toml");
        let fixed = split_seeds::apply_fixes(source, &raw).expect("fixes apply to the seed");
        let (yaml, note) = strip_yaml(&fixed);
        if let Some(yaml) = yaml {
            let origin = course
                .meta
                .origin
                .as_ref()
                .expect("a note with YAML front matter has [origin]");
            for key in yaml
                .lines()
                .filter_map(|l| l.split_once(':'))
                .map(|(k, _)| k.trim())
            {
                if !key.is_empty() && !key.starts_with('-') {
                    assert!(origin.contains_key(key), "{source}: [origin] lacks `{key}`");
                }
            }
        }
        let note = unlink_missing_anchors(note);

        let bodies: Vec<String> = course
            .lessons
            .iter()
            .map(|&i| {
                let lesson = &lib.lessons[i];
                assert_eq!(
                    lesson.meta.source.as_deref(),
                    Some(source),
                    "{}: source",
                    lesson.file
                );
                check_lesson_links(&lib, &lesson.body, &lesson.file);
                unlink_lessons(&lesson.body)
            })
            .collect();

        // Exact equality, whitespace at lesson boundaries aside.
        let mut rest = note.as_str();
        for (body, &i) in bodies.iter().zip(&course.lessons) {
            let piece = body.trim();
            rest = rest.trim_start();
            assert!(
                rest.starts_with(piece),
                "{}: does not continue the note here:\n{}",
                lib.lessons[i].file,
                first_difference(rest, piece)
            );
            rest = rest.get(piece.len()..).unwrap_or("");
        }
        assert!(
            rest.trim().is_empty(),
            "{source}: text left over after the last lesson:\n{rest}"
        );

        // And, independently, every line of the note is in some lesson.
        let lines: HashSet<&str> = bodies
            .iter()
            .flat_map(|b| b.lines())
            .map(str::trim)
            .collect();
        for (n, line) in note.lines().enumerate() {
            let line = line.trim();
            assert!(
                line.is_empty() || lines.contains(line),
                "{source}: line {} missing: {line}",
                n + 1
            );
        }
        compared += 1;
    }
    assert_eq!(compared, 5, "every seed has its course");
}

#[test]
fn fixes_are_documented() {
    let readme =
        std::fs::read_to_string(root().join("content/README.md")).expect("content/README.md");
    let section = readme
        .split_once("원본 노트와 달라진 점")
        .expect("README has the edits section")
        .1;
    for fix in split_seeds::FIXES {
        let listed = section.lines().any(|l| {
            l.contains(fix.seed)
                && l.split(|c: char| !c.is_ascii_digit())
                    .any(|n| n == fix.line.to_string())
        });
        assert!(
            listed,
            "content/README.md does not list the fix at {}:{}",
            fix.seed, fix.line
        );
    }
}

#[test]
fn front_matter_is_well_formed() {
    let lib = load();
    assert!(!lib.courses.is_empty());
    let mut ids = HashSet::new();
    let mut course_orders = HashSet::new();
    for course in &lib.courses {
        assert!(
            course_orders.insert(course.meta.order),
            "{}: duplicate course order",
            course.dir
        );
        assert_eq!(
            prefix(&course.dir),
            Some(course.meta.order),
            "{}: folder prefix = order",
            course.dir
        );
        assert!(
            one_sentence(&course.meta.summary),
            "{}: summary `{}`",
            course.dir,
            course.meta.summary
        );
        let mut orders = HashSet::new();
        for &i in &course.lessons {
            let lesson = &lib.lessons[i];
            let (meta, file) = (&lesson.meta, &lesson.file);
            assert!(
                kebab(&meta.id),
                "{file}: id `{}` is not lowercase ASCII kebab",
                meta.id
            );
            assert!(
                ids.insert(meta.id.clone()),
                "{file}: duplicate id `{}`",
                meta.id
            );
            assert!(
                orders.insert(meta.order),
                "{file}: duplicate order {}",
                meta.order
            );
            let name = Path::new(file)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("");
            assert_eq!(
                prefix(name),
                Some(meta.order),
                "{file}: file prefix = order"
            );
            assert!(!meta.title.trim().is_empty(), "{file}: empty title");
            assert!(
                one_sentence(&meta.summary),
                "{file}: summary `{}` is not one sentence",
                meta.summary
            );
            assert!(
                meta.summary.ends_with("요."),
                "{file}: summary not in 해요체: `{}`",
                meta.summary
            );
            assert!(!meta.tags.is_empty(), "{file}: no tags");
            for tag in &meta.tags {
                assert!(
                    kebab(tag),
                    "{file}: tag `{tag}` is not lowercase ASCII kebab"
                );
            }
            for rel in &meta.related {
                let other = lib
                    .lesson(rel)
                    .unwrap_or_else(|| panic!("{file}: related `{rel}` missing"));
                assert_ne!(
                    other.course, lesson.course,
                    "{file}: related `{rel}` is in the same course"
                );
                assert!(
                    other.meta.related.contains(&meta.id),
                    "{file}: `{rel}` does not link back"
                );
            }
        }
    }
}

/// Splits the note's leading `---` YAML block off.
fn strip_yaml(text: &str) -> (Option<&str>, &str) {
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        return (rest.get(..end), rest.get(end + 5..).unwrap_or(""));
    }
    (None, text)
}

/// `NN` of a `NN-name` file or folder.
fn prefix(name: &str) -> Option<u32> {
    name.split_once('-').and_then(|(n, _)| n.parse().ok())
}

fn kebab(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Non-empty, ends like a sentence, and no sentence ends before that.
fn one_sentence(s: &str) -> bool {
    let s = s.trim();
    let ends = ['.', '!', '?', '。'];
    let body = s.trim_end_matches(ends);
    !body.is_empty()
        && s.ends_with(ends)
        && !body.contains(". ")
        && !body.contains(['!', '?', '\n'])
}

/// The extensions the reader enables.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// The GitHub anchor of a heading's text.
fn slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// Anchors of every heading (repeats numbered `-1`, `-2`, … as on GitHub).
fn anchors(markdown: &str) -> HashSet<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = HashSet::new();
    let mut text: Option<String> = None;
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => text = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(s) = text.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let base = slug(&text.take().unwrap_or_default());
                let n = seen.entry(base.clone()).or_insert(0);
                out.insert(if *n == 0 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                });
                *n += 1;
            }
            _ => {}
        }
    }
    out
}

/// Link targets written as `](target)` in `markdown`, with the byte range of `target`.
fn targets(markdown: &str, prefix: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let open = format!("]({prefix}");
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = markdown.get(from..).and_then(|s| s.find(&open)) {
        let start = from + at + 2;
        let Some(len) = markdown.get(start..).and_then(|s| s.find(')')) else {
            break;
        };
        out.push((
            start..start + len,
            markdown.get(start..start + len).unwrap_or("").to_owned(),
        ));
        from = start + len;
    }
    out
}

fn replace_ranges(text: &str, edits: Vec<(std::ops::Range<usize>, String)>) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (range, new) in edits {
        out.push_str(text.get(last..range.start).unwrap_or(""));
        out.push_str(&new);
        last = range.end;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    out
}

/// In the note, `#anchor` links to no heading become `#` (the import links the lesson only).
fn unlink_missing_anchors(note: &str) -> String {
    let known = anchors(note);
    let edits = targets(note, "#")
        .into_iter()
        .filter(|(_, t)| !known.contains(t.get(1..).unwrap_or("")))
        .map(|(r, _)| (r, "#".to_owned()))
        .collect();
    replace_ranges(note, edits)
}

/// In a lesson, `lesson:ID#anchor` becomes `#anchor` and `lesson:ID` becomes `#`.
fn unlink_lessons(body: &str) -> String {
    let edits = targets(body, "lesson:")
        .into_iter()
        .map(|(r, t)| {
            let anchor = t.split_once('#').map_or("", |(_, a)| a);
            (r, format!("#{anchor}"))
        })
        .collect();
    replace_ranges(body, edits)
}

/// Every `lesson:ID#anchor` and `#anchor` link lands on a lesson and a heading.
fn check_lesson_links(lib: &Library, body: &str, file: &str) {
    for (_, target) in targets(body, "lesson:") {
        let rest = target.trim_start_matches("lesson:");
        let (id, anchor) = rest.split_once('#').unwrap_or((rest, ""));
        let linked = lib
            .lesson(id)
            .unwrap_or_else(|| panic!("{file}: link to unknown lesson `{id}`"));
        if !anchor.is_empty() {
            assert!(
                anchors(&linked.body).contains(anchor),
                "{file}: `{target}` is no heading of `{id}`"
            );
        }
    }
    let own = anchors(body);
    for (_, target) in targets(body, "#") {
        assert!(
            own.contains(target.get(1..).unwrap_or("")),
            "{file}: `{target}` is no heading here"
        );
    }
}

/// Where two texts part, for the failure message.
fn first_difference(note: &str, lesson: &str) -> String {
    let at = note
        .char_indices()
        .zip(lesson.chars())
        .find(|((_, a), b)| a != b)
        .map_or_else(|| note.len().min(lesson.len()), |((i, _), _)| i);
    let line = note.get(..at).unwrap_or("").matches('\n').count() + 1;
    let show = |s: &str| {
        s.get(at..)
            .unwrap_or("")
            .lines()
            .next()
            .unwrap_or("")
            .to_owned()
    };
    format!(
        "(line {line} of the piece)\n note:   {}\n lesson: {}",
        show(note),
        show(lesson)
    )
}
