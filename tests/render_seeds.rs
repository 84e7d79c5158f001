//! Renderer invariants over the learner's real notes in `../shared/seeds`.
//!
//! These tests skip (with a notice) when the seeds folder is absent, e.g. in a fresh clone.

use std::collections::HashSet;
use std::path::PathBuf;

use gureum::lesson::styled::{LineKind, Rendered};
use gureum::lesson::{RenderOptions, render};
use gureum::text;

/// (file name, markdown) of every seed, or `None` when the folder is missing.
fn seeds() -> Option<Vec<(String, String)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("notice: {} not found; skipping seed tests", dir.display());
        return None;
    };
    let mut out: Vec<(String, String)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| {
            Some((
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).ok()?,
            ))
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "seeds folder is empty");
    Some(out)
}

fn render_at(md: &str, width: usize) -> Rendered {
    render(
        md,
        &RenderOptions {
            width,
            ..RenderOptions::default()
        },
    )
}

/// Asserts the width and blank-line invariants of one rendering.
fn check_layout(name: &str, r: &Rendered, width: usize) {
    for (i, line) in r.lines.iter().enumerate() {
        if line.kind != LineKind::Code {
            let w = text::width(&line.plain());
            assert!(
                w <= width,
                "{name} w={width} line {i} is {w} cells: {:?}",
                line.plain()
            );
        }
    }
    assert_ne!(
        r.lines.first().map(|l| l.kind),
        Some(LineKind::Blank),
        "{name}: starts with a blank"
    );
    assert_ne!(
        r.lines.last().map(|l| l.kind),
        Some(LineKind::Blank),
        "{name}: ends with a blank"
    );
    for pair in r.lines.windows(2) {
        assert!(
            !(pair[0].kind == LineKind::Blank && pair[1].kind == LineKind::Blank),
            "{name}: two blank lines in a row"
        );
    }
}

/// The markdown without a leading YAML front matter block.
fn strip_front_matter(md: &str) -> &str {
    let Some(rest) = md.strip_prefix("---\n") else {
        return md;
    };
    match rest.find("\n---\n") {
        Some(end) => rest.get(end + 5..).unwrap_or_default(),
        None => md,
    }
}

/// (prose lines, code lines) of a note, split at backtick and tilde fences.
fn split_code(md: &str) -> (Vec<&str>, Vec<&str>) {
    let (mut prose, mut code, mut fence) = (Vec::new(), Vec::new(), None::<&str>);
    for line in strip_front_matter(md).lines() {
        let t = line.trim_start();
        let opener = ["```", "~~~"].into_iter().find(|f| t.starts_with(f));
        match (fence, opener) {
            (Some(f), Some(o))
                if f == o
                    && t.trim_end()
                        .trim_start_matches(o.chars().next().unwrap_or('`'))
                        .is_empty() =>
            {
                fence = None;
            }
            (Some(_), _) => code.push(line),
            (None, Some(o)) => fence = Some(o),
            (None, None) => prose.push(line),
        }
    }
    (prose, code)
}

#[test]
fn lines_fit_at_20_40_80() {
    let Some(seeds) = seeds() else { return };
    for (name, md) in &seeds {
        for width in [20, 40, 80] {
            check_layout(name, &render_at(md, width), width);
        }
    }
}

#[test]
fn lines_fit_at_every_width_from_10_to_120() {
    let Some(seeds) = seeds() else { return };
    for (name, md) in &seeds {
        for width in 10..=120 {
            check_layout(name, &render_at(md, width), width);
        }
    }
}

#[test]
fn code_lines_are_never_wrapped() {
    let Some(seeds) = seeds() else { return };
    for (name, md) in &seeds {
        let (_, code) = split_code(md);
        for width in [20, 80] {
            let r = render_at(md, width);
            let rendered: HashSet<String> = r
                .lines
                .iter()
                .filter(|l| l.kind == LineKind::Code)
                .map(|l| {
                    l.plain()
                        .trim_start_matches([' ', '│'])
                        .trim_end()
                        .to_owned()
                })
                .collect();
            for line in &code {
                let expected = text::sanitize(&text::expand_tabs(line, 4))
                    .trim()
                    .to_owned();
                if expected.is_empty() {
                    continue;
                }
                assert!(
                    rendered.contains(&expected),
                    "{name} w={width}: code line not intact: {expected:?}"
                );
            }
        }
    }
}

/// Replaces, within one line, each `open … mid … close` by `keep` (image syntax, link
/// targets, HTML tags).
fn cut(line: &str, open: &str, mid: &str, close: char, keep: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        let found = rest.find(open).and_then(|i| {
            let m = i + open.len() + rest.get(i + open.len()..)?.find(mid)?;
            let c = m + mid.len() + rest.get(m + mid.len()..)?.find(close)?;
            Some((i, c))
        });
        let Some((start, end)) = found else { break };
        out.push_str(rest.get(..start).unwrap_or_default());
        out.push_str(keep);
        rest = rest.get(end + close.len_utf8()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// Prose of a note as the fidelity check sees it: no images, link targets, URLs or tags.
fn visible_prose(prose: &[&str]) -> String {
    let mut out = String::new();
    for line in prose {
        let line = cut(line, "![", "](", ')', " ");
        let line = cut(&line, "](", "", ')', "] ");
        let line: Vec<&str> = line
            .split(' ')
            .filter(|w| !w.starts_with("http://") && !w.starts_with("https://"))
            .collect();
        let line = cut(&line.join(" "), "<", "", '>', " ");
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Hangul runs of 2+ syllables and Latin words of 4+ letters.
fn words(s: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut cur = String::new();
    let mut kind = 0; // 1 = Hangul, 2 = Latin
    let mut flush = |cur: &mut String, kind: u8| {
        let n = cur.chars().count();
        if (kind == 1 && n >= 2) || (kind == 2 && n >= 4) {
            out.insert(cur.clone());
        }
        cur.clear();
    };
    for c in s.chars() {
        let k = if ('가'..='힣').contains(&c) {
            1
        } else if c.is_ascii_alphabetic() {
            2
        } else {
            0
        };
        if k != kind {
            flush(&mut cur, kind);
            kind = k;
        }
        if k != 0 {
            cur.push(c);
        }
    }
    flush(&mut cur, kind);
    out
}

#[test]
fn no_prose_word_is_lost() {
    let Some(seeds) = seeds() else { return };
    for (name, md) in &seeds {
        let md = text::sanitize(md);
        let (prose, _) = split_code(&md);
        let prose = visible_prose(&prose);
        let r = render_at(&md, 100);
        let flat: String = r
            .lines
            .iter()
            .map(gureum::lesson::styled::Line::plain)
            .collect::<String>()
            .split_whitespace()
            .collect();
        let mut missing: Vec<String> = words(&prose)
            .into_iter()
            .filter(|w| !flat.contains(w.as_str()))
            .collect();
        missing.sort();
        assert!(
            missing.is_empty(),
            "{name}: words missing from the rendering: {missing:?}"
        );
    }
}

#[test]
fn seed_headings_have_github_anchors() {
    let Some(seeds) = seeds() else { return };
    for (name, md) in &seeds {
        let r = render_at(md, 80);
        let from_headings: Vec<&str> = r.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(gureum::lesson::render::anchors(md), from_headings, "{name}");
        for h in &r.headings {
            assert!(
                r.lines[h.line]
                    .plain()
                    .contains(h.title.split_whitespace().next().unwrap_or_default()),
                "{name}: {h:?}"
            );
            assert!(
                md.lines()
                    .nth(h.source_line - 1)
                    .is_some_and(|l| l.contains('#')),
                "{name}: {h:?}"
            );
        }
        // Every `#anchor` link in the note's own table of contents resolves.
        for (_, target) in gureum::lesson::render::link_targets(md) {
            if let Some(anchor) = target.strip_prefix('#') {
                assert!(
                    from_headings.contains(&anchor),
                    "{name}: dangling #{anchor}"
                );
            }
        }
    }
}

/// Prints render timings for the largest seed; run with
/// `cargo test --release --test render_seeds -- --ignored --nocapture timing`.
#[test]
#[ignore = "timing, run in release"]
fn timing() {
    let Some(seeds) = seeds() else { return };
    let Some((name, md)) = seeds.iter().max_by_key(|(_, md)| md.len()) else {
        return;
    };
    for width in [80, 120] {
        let runs = 200;
        let start = std::time::Instant::now();
        for _ in 0..runs {
            std::hint::black_box(render_at(std::hint::black_box(md), width));
        }
        let per = start.elapsed() / runs;
        println!(
            "{name} ({} bytes) at width {width}: {per:?} per render",
            md.len()
        );
    }
}
