//! Scaling figures for issue 13's "bounded work" cases, measured once each (not a timed test):
//! `bank import` of N GIFT questions (parse, then TOML), and lessons of deeply nested block quotes
//! and lists.
//!
//! ```text
//! cargo run --release --example scale                 # 20,000 and 200,000 questions, 40 KB lessons
//! cargo run --release --example scale -- --questions 50000
//! ```

use std::time::Instant;

use gureum::lesson::{RenderOptions, render};
use gureum::quiz::format::{BankFile, FORMAT_VERSION};
use gureum::quiz::interchange::{Defaults, import_gift};

fn gift(n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let _ = std::fmt::Write::write_fmt(
            &mut s,
            format_args!(
                "// [id:q{i}] [tag:t{}]\n::Q{i}::질문 {i} 어떤 서비스가 서버리스입니까?{{\n  =AWS Lambda#맞습니다\n  ~Amazon EC2#아니에요\n  ~Amazon RDS\n  ####설명 {i}\n}}\n\n",
                i % 50
            ),
        );
    }
    s
}

fn time<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    println!(
        "{what:<58} {:>9.1} ms",
        start.elapsed().as_secs_f64() * 1000.0
    );
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let sizes: Vec<usize> = match args.iter().position(|a| a == "--questions") {
        Some(i) => vec![
            args.get(i + 1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(20_000),
        ],
        None => vec![20_000, 200_000],
    };
    let defaults = Defaults::new("imported", "saa.resilient");
    for n in sizes {
        let text = gift(n);
        let questions = time(
            &format!(
                "bank import: parse {n} GIFT questions ({} MB)",
                text.len() >> 20
            ),
            || import_gift(&text, &defaults).expect("valid GIFT"),
        );
        assert_eq!(questions.len(), n);
        let toml = time(&format!("bank import: {n} questions to TOML"), || {
            toml::to_string(&BankFile {
                format_version: FORMAT_VERSION,
                misconceptions: std::collections::BTreeMap::new(),
                question: questions,
            })
            .expect("serialisable")
        });
        drop(toml);
    }
    let opts = RenderOptions::default();
    for (name, unit) in [
        ("nested block quotes", "> "),
        ("nested lists", "- "),
        ("nested ordered lists", "1. "),
    ] {
        // Each line one level deeper than the last, up to 40 KB.
        let mut md = String::new();
        let mut depth = 1;
        while md.len() < 40 * 1024 {
            for _ in 0..depth {
                md.push_str(unit);
            }
            md.push_str("텍스트\n");
            depth += 1;
        }
        time(
            &format!("render a 40 KB lesson of {name} (depth {depth})"),
            || render(&md, &opts),
        );
        let flat = format!("{}텍스트\n", unit.repeat(20_000));
        time(&format!("render one line of 20,000 {name}"), || {
            render(&flat, &opts)
        });
        time(&format!("  pulldown-cmark alone, 20,000 {name}"), || {
            parse_only(&flat)
        });
    }
}

#[allow(dead_code)]
fn parse_only(md: &str) -> usize {
    pulldown_cmark::Parser::new(md).count()
}
