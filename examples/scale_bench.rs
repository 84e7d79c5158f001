//! Issue 17's scaling bench: the shipped content at 1×/4×/16× and the shipped banks at 1×/10×,
//! measured in process (library load, search index build = the first Ctrl-K, one search
//! keystroke) and as whole processes (`--version`, `read`, `search`, and the TUI in a
//! pseudo-terminal: first frame, first key, peak RSS reading and after a search).
//!
//! ```text
//! bash bench/scale.sh                 # builds, then runs this with the defaults
//! target/release/examples/scale_bench [--runs N] [--dir /tmp/gureum-scale]
//! ```
//!
//! Not a timed test: figures go to the README (see "Performance"). The machine is shared, so
//! compare ratios from one run.

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use gureum::lesson::{ContentSource, Library};
use gureum::quiz::{Bank, BankSource};
use gureum::search::Index;
use gureum::search::build::preset_docs;
use support::pty::{BIN, Pty};

/// Latin, full Hangul, 초성, mixed, aliases, and a query with no result (as benches/search.rs).
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

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Copies `content/` `k` times into `dir`: copy `i > 0` has `-c{i}` after every course and lesson
/// id (links keep pointing at the first copy).
fn make_content(root: &Path, dir: &Path, k: usize) {
    let src = root.join("content");
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("a folder");
    for entry in std::fs::read_dir(&src).expect("content/").flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_file() {
            std::fs::copy(&path, dir.join(&name)).expect("copy");
            continue;
        }
        if name == "diagrams" {
            let to = dir.join(&name);
            std::fs::create_dir_all(&to).expect("a folder");
            for f in std::fs::read_dir(&path).expect("diagrams").flatten() {
                std::fs::copy(f.path(), to.join(f.file_name())).expect("copy");
            }
            continue;
        }
        for i in 0..k {
            let suffix = if i == 0 {
                String::new()
            } else {
                format!("-c{i}")
            };
            let to = dir.join(format!("{name}{suffix}"));
            std::fs::create_dir_all(&to).expect("a folder");
            for f in std::fs::read_dir(&path).expect("a course").flatten() {
                let text = std::fs::read_to_string(f.path()).unwrap_or_default();
                let text = suffix_first_id(&text, &suffix);
                std::fs::write(to.join(f.file_name()), text).expect("write");
            }
        }
    }
}

/// `text` with `suffix` after the value of its first `id = "..."` line.
fn suffix_first_id(text: &str, suffix: &str) -> String {
    let mut done = suffix.is_empty();
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.split_inclusive('\n') {
        if !done && line.starts_with("id = \"") {
            let body = line.trim_end();
            out.push_str(body.strip_suffix('"').unwrap_or(body));
            out.push_str(suffix);
            out.push_str("\"\n");
            done = true;
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Copies `quizzes/*.toml` `k` times into `dir`, question ids suffixed `-b{i}` in copy `i > 0`.
fn make_banks(root: &Path, dir: &Path, k: usize) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("a folder");
    for entry in std::fs::read_dir(root.join("quizzes"))
        .expect("quizzes/")
        .flatten()
    {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".toml") else {
            continue;
        };
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        for i in 0..k {
            let suffix = format!("-b{i}");
            let mut out = String::with_capacity(text.len() + 4096);
            let mut want_id = false;
            for line in text.split_inclusive('\n') {
                if line.trim() == "[[question]]" {
                    want_id = true;
                } else if want_id && line.starts_with("id = \"") {
                    let body = line.trim_end();
                    out.push_str(body.strip_suffix('"').unwrap_or(body));
                    out.push_str(&suffix);
                    out.push_str("\"\n");
                    want_id = false;
                    continue;
                }
                out.push_str(line);
            }
            std::fs::write(dir.join(format!("{stem}{suffix}.toml")), out).expect("write");
        }
    }
}

/// Every prefix of `q`, as typed.
fn keystrokes(q: &str) -> Vec<String> {
    q.char_indices()
        .filter_map(|(i, c)| q.get(..i + c.len_utf8()).map(str::to_owned))
        .collect()
}

/// (p50, p99, worst) of one keystroke, each prefix's median of 11 runs; each run types the
/// query afresh, prefix by prefix (the index remembers only the keystrokes before, as in the
/// palette).
///
/// With `narrowed` false the index forgets before every keystroke: each is searched in full, as
/// before session 6 (the "before" of the keystroke columns, measured in the same run).
fn keystroke_times(index: &Index, narrowed: bool) -> (f64, f64, f64, String) {
    let mut times: Vec<(f64, String)> = Vec::new();
    for q in QUERIES {
        let prefixes = keystrokes(q);
        let mut runs: Vec<Vec<f64>> = vec![Vec::new(); prefixes.len()];
        for _ in 0..11 {
            index.forget();
            for (prefix, times) in prefixes.iter().zip(&mut runs) {
                if !narrowed {
                    index.forget();
                }
                let start = Instant::now();
                black_box(index.search(black_box(prefix), 5));
                times.push(ms(start.elapsed()));
            }
        }
        for (prefix, mut runs) in prefixes.into_iter().zip(runs) {
            runs.sort_by(f64::total_cmp);
            times.push((runs[runs.len() / 2], prefix));
        }
    }
    times.sort_by(|a, b| a.0.total_cmp(&b.0));
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize].0;
    let worst = times.last().cloned().unwrap_or_default();
    (at(0.5), at(0.99), worst.0, worst.1)
}

/// Wall time of `gureum args` (median of `runs`) and its peak RSS in KiB (`/usr/bin/time`).
fn process(args: &[&str], data: &Path, runs: usize) -> (f64, Option<u64>) {
    let cmd = || {
        let mut c = Command::new(BIN);
        c.args(args)
            .env("GUREUM_DATA_DIR", data)
            .env("GUREUM_CONFIG_DIR", data.join("config"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        c
    };
    let _ = cmd().status();
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let _ = cmd().status();
            ms(start.elapsed())
        })
        .collect();
    let rss = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%M")
        .arg(BIN)
        .args(args)
        .env("GUREUM_DATA_DIR", data)
        .env("GUREUM_CONFIG_DIR", data.join("config"))
        .stdout(std::process::Stdio::null())
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()?
                .trim()
                .parse()
                .ok()
        });
    (median(times), rss)
}

/// Polls the emulated screen until `done`; the time since `t0`, or `None` after 30 s.
fn until(t: &Pty, t0: Instant, done: impl Fn(&str) -> bool) -> Option<f64> {
    loop {
        if done(&t.screen()) {
            return Some(ms(t0.elapsed()));
        }
        if t0.elapsed() > Duration::from_secs(30) {
            return None;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
}

/// `VmHWM` (peak RSS) and `RssAnon` (heap and stacks, now) of a process, in KiB. The peak
/// includes the pages of the 14 MB binary that the kernel maps in (`RssFile`, ~13 MiB on this
/// machine), which no change to the heap moves; `RssAnon` is what the app allocates.
fn peak_kib(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<u64> {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    };
    Some((field("VmHWM:")?, field("RssAnon:")?))
}

struct Tui {
    first_frame: f64,
    first_key: f64,
    first_palette: f64,
    rss_reading: Option<(u64, u64)>,
    rss_full: Option<(u64, u64)>,
}

/// The TUI in a 120x40 pty: first frame (`구름`), the first key (`c`, the reader's status line),
/// peak RSS after ten `PgDn`, then `Ctrl-K`, typing `람다` and waiting for a result, Esc.
fn tui(args: &[&str], data: &Path) -> Option<Tui> {
    let _ = std::fs::remove_dir_all(data);
    std::fs::create_dir_all(data).ok()?;
    let t0 = Instant::now();
    let mut t = Pty::gureum(data, args, &[], 120, 40);
    let first_frame = until(&t, t0, |s| s.contains("읽기 (c)"))?;
    let t1 = Instant::now();
    t.send(b"c");
    let first_key = until(&t, t1, |s| s.contains("레슨에서 검색"))?;
    for _ in 0..10 {
        t.send(b"\x1b[6~");
        std::thread::sleep(Duration::from_millis(30));
    }
    std::thread::sleep(Duration::from_millis(300));
    let pid = t.pid();
    let rss_reading = peak_kib(pid);
    let t2 = Instant::now();
    t.send(b"\x0b");
    let first_palette = until(&t, t2, |s| s.contains("찾기"))?;
    t.send("람다".as_bytes());
    let _ = until(&t, Instant::now(), |s| {
        s.contains("용어 ·") || s.contains("레슨/절 ·")
    });
    std::thread::sleep(Duration::from_millis(300));
    let rss_full = peak_kib(pid);
    t.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(100));
    t.send(b"q");
    std::thread::sleep(Duration::from_millis(100));
    t.send(b"q");
    Some(Tui {
        first_frame,
        first_key,
        first_palette,
        rss_reading,
        rss_full,
    })
}

fn mib(kib: Option<u64>) -> String {
    kib.map_or_else(|| "?".to_owned(), |k| format!("{:.1}", k as f64 / 1024.0))
}

/// "peak (anon)" in MiB.
fn mib2(kib: Option<(u64, u64)>) -> String {
    kib.map_or_else(
        || "?".to_owned(),
        |(peak, anon)| format!("{} ({})", mib(Some(peak)), mib(Some(anon))),
    )
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let runs: usize = arg(&args, "--runs")
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let dir = PathBuf::from(arg(&args, "--dir").unwrap_or_else(|| "/tmp/gureum-scale".into()));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    assert!(
        Path::new(BIN).is_file(),
        "build the binary first: cargo build --release ({BIN})"
    );
    let data = dir.join("data");
    std::fs::create_dir_all(&data).expect("a folder");

    println!("## Whole processes (median of {runs} runs; peak RSS from /usr/bin/time)");
    let (version, version_rss) = process(&["--version"], &data, runs);
    let (read, read_rss) = process(&["read", "developing-lambda"], &data, runs);
    let (search, search_rss) = process(&["search", "rcu", "--json"], &data, runs);
    let (search_k, _) = process(&["search", "ㄹㄷ", "--json"], &data, runs);
    println!(
        "gureum --version                 {version:7.2} ms  {} MiB",
        mib(version_rss)
    );
    println!(
        "gureum read developing-lambda    {read:7.2} ms  {} MiB  ({:.2}× --version; target ≤ 1.5×)",
        mib(read_rss),
        read / version
    );
    println!(
        "gureum search rcu --json         {search:7.2} ms  {} MiB  ({:.2}× --version; target ≤ 5×)",
        mib(search_rss),
        search / version
    );
    println!(
        "gureum search ㄹㄷ --json         {search_k:7.2} ms  ({:.2}× --version)",
        search_k / version
    );

    let tui_data = dir.join("tui-data");
    let shipped = tui(&[], &tui_data);
    println!();
    println!("## Per scale");
    println!(
        "| content | banks | lessons | questions | docs | load library ms | build index (first Ctrl-K) ms | keystroke in full p50 / p99 / worst ms | keystroke narrowed p50 / p99 / worst ms | TUI first frame ms | first key ms | first Ctrl-K ms | peak RSS reading MiB (anon) | peak RSS after a search MiB (anon) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    if let Some(t) = &shipped {
        let library = Library::load(&ContentSource::Embedded);
        let bank = Bank::load(&BankSource::Embedded);
        let start = Instant::now();
        let index = Index::build(&library, &bank, &preset_docs(&gureum::sims::all_presets()));
        let build = ms(start.elapsed());
        let (f50, f99, fworst, fslow) = keystroke_times(&index, false);
        let (p50, p99, worst, slow) = keystroke_times(&index, true);
        println!(
            "| shipped (embedded) | shipped (compiled) | {} | {} | {} | – | {build:.1} | {f50:.3} / {f99:.3} / {fworst:.3} (`{fslow}`) | {p50:.3} / {p99:.3} / {worst:.3} (`{slow}`) | {:.1} | {:.1} | {:.1} | {} | {} |",
            library.lessons.len(),
            bank.entries.len(),
            index.docs.len(),
            t.first_frame,
            t.first_key,
            t.first_palette,
            mib2(t.rss_reading),
            mib2(t.rss_full),
        );
    }
    for k in [1, 4, 16] {
        let content = dir.join(format!("content-{k}x"));
        make_content(&root, &content, k);
        for b in [1, 10] {
            let banks = dir.join(format!("banks-{b}x"));
            if k == 1 {
                make_banks(&root, &banks, b);
            }
            let start = Instant::now();
            let library = Library::load(&ContentSource::Dir(content.clone()));
            let load = ms(start.elapsed());
            let bank = Bank::load(&BankSource::Dir(banks.clone()));
            let start = Instant::now();
            let index = Index::build(&library, &bank, &preset_docs(&gureum::sims::all_presets()));
            let build = ms(start.elapsed());
            let (f50, f99, fworst, fslow) = keystroke_times(&index, false);
            let (p50, p99, worst, slow) = keystroke_times(&index, true);
            let (c, q) = (content.display().to_string(), banks.display().to_string());
            let t = tui(&["--content-dir", &c, "--quiz-dir", &q], &tui_data);
            let f = |v: Option<f64>| v.map_or_else(|| "?".to_owned(), |v| format!("{v:.1}"));
            println!(
                "| {k}× | {b}× | {} | {} | {} | {load:.1} | {build:.1} | {f50:.3} / {f99:.3} / {fworst:.3} (`{fslow}`) | {p50:.3} / {p99:.3} / {worst:.3} (`{slow}`) | {} | {} | {} | {} | {} |",
                library.lessons.len(),
                bank.entries.len(),
                index.docs.len(),
                f(t.as_ref().map(|t| t.first_frame)),
                f(t.as_ref().map(|t| t.first_key)),
                f(t.as_ref().map(|t| t.first_palette)),
                mib2(t.as_ref().and_then(|t| t.rss_reading)),
                mib2(t.as_ref().and_then(|t| t.rss_full)),
            );
        }
    }
}
