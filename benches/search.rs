//! Search speed: building the index over all shipped content, and queries typed one keystroke
//! at a time (every prefix of the query is searched, as the palette does). Targets and figures:
//! README.md.
//!
//! Besides criterion's numbers (per whole query, with the keystroke count as throughput), the
//! bench prints the median and worst time of single keystrokes over all queries.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gureum::lesson::{ContentSource, Library};
use gureum::quiz::BankSource;
use gureum::search::Index;
use gureum::ui::palette::{PER_GROUP, build_index};

/// Latin, full Hangul, 초성, mixed, aliases, and a query with no result.
const QUERIES: [&str; 9] = [
    "ㄹㄷ ㅋㄷ",
    "ㄷㅇㄴㅁ",
    "ㅋㄷ스타트",
    "콜드 스타트",
    "provisioned concurrency",
    "읽기 용량 단위",
    "rcu",
    "DeletionPolicy Retain",
    "zzqx",
];

/// Every prefix of `q`, as typed.
fn keystrokes(q: &str) -> Vec<String> {
    q.char_indices()
        .filter_map(|(i, c)| q.get(..i + c.len_utf8()).map(str::to_owned))
        .collect()
}

fn median_keystroke(index: &Index) {
    let mut times: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for q in QUERIES {
        // Each run types the query afresh (the index remembers only the keystrokes before).
        let prefixes = keystrokes(q);
        let mut runs: Vec<Vec<Duration>> = vec![Vec::new(); prefixes.len()];
        for _ in 0..21 {
            index.forget();
            for (prefix, times) in prefixes.iter().zip(&mut runs) {
                let start = Instant::now();
                black_box(index.search(black_box(prefix), PER_GROUP));
                times.push(start.elapsed());
            }
        }
        for (prefix, mut runs) in prefixes.into_iter().zip(runs) {
            runs.sort();
            times.push(runs[runs.len() / 2]);
            slowest.push((runs[runs.len() / 2], prefix));
        }
    }
    times.sort();
    slowest.sort();
    let worst3: Vec<String> = slowest
        .iter()
        .rev()
        .take(3)
        .map(|(t, q)| format!("\"{q}\" {:.2} ms", t.as_secs_f64() * 1e3))
        .collect();
    println!("slowest keystrokes: {}", worst3.join(", "));
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    let worst = times[times.len() - 1];
    println!(
        "search keystrokes: {} prefixes of {} queries over {} documents; median {:.3} ms, p90 {:.3} ms, worst {:.3} ms",
        times.len(),
        QUERIES.len(),
        index.docs.len(),
        median.as_secs_f64() * 1e3,
        p90.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3
    );
}

fn benches(c: &mut Criterion) {
    let library = Library::load(&ContentSource::Embedded);
    let mut group = c.benchmark_group("search index");
    group.sample_size(10);
    group.bench_function(
        "build (19 lessons, all questions, presets, glossary)",
        |b| {
            b.iter(|| build_index(black_box(&library), &BankSource::Embedded));
        },
    );
    group.finish();

    let index = build_index(&library, &BankSource::Embedded);
    median_keystroke(&index);
    let mut group = c.benchmark_group("search typing");
    for q in QUERIES {
        let prefixes = keystrokes(q);
        group.throughput(Throughput::Elements(prefixes.len() as u64));
        group.bench_function(format!("type \"{q}\""), |b| {
            b.iter(|| {
                index.forget();
                for p in &prefixes {
                    black_box(index.search(black_box(p), PER_GROUP));
                }
            });
        });
    }
    group.finish();
}

criterion_group!(search, benches);
criterion_main!(search);
