#![allow(clippy::map_unwrap_or, clippy::single_match_else)]
//! Random input for the TUI in a pseudo-terminal: keys, pastes, mouse events and resizes from
//! 1x1 to 300x100, all drawn from one seed. Used by `tests/fuzz.rs` (20,000 events in
//! `cargo test`) and `examples/fuzz.rs` (a million and more).
//!
//! Events are written in batches (one write per batch, as a fast typist or a paste would send
//! them); after each batch the program must still run, or have quit with status 0, in which case
//! it is started again on the same data folder. Any other exit (a panic is 101), or a program
//! that stops reading its input for [`STUCK`], fails with the seed and the batch that did it.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::pty::Pty;

/// How long a batch may take to be accepted before the run counts as stuck.
pub const STUCK: Duration = Duration::from_secs(90);

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    /// Events sent (keys, pastes, mouse events, resizes).
    pub events: u64,
    /// Of which resizes.
    pub resizes: u64,
    /// Times the program quit (status 0) and was started again.
    pub restarts: u64,
    /// Wall time.
    pub elapsed: Duration,
}

/// Named keys as a terminal sends them.
const KEYS: &[&[u8]] = &[
    b"\r",
    b"\t",
    b"\x1b[Z",
    b"\x7f",
    b" ",
    b"\x1b[A",
    b"\x1b[B",
    b"\x1b[C",
    b"\x1b[D",
    b"\x1b[H",
    b"\x1b[F",
    b"\x1b[5~",
    b"\x1b[6~",
    b"\x1b[3~",
    b"\x1b[2~",
    b"\x1bOP",
    b"\x1bOQ",
    b"\x1b[15~",
    b"\x1b[1;5A",
    b"\x1b[1;2B",
    b"\x1b[1;3C",
];

/// Text pieces for keys and pastes: Latin, jamo, syllables, wide and combining characters, and
/// a few hostile ones.
const TEXT: &[&str] = &[
    "a",
    "j",
    "k",
    "/",
    "?",
    ",",
    ".",
    "1",
    "2",
    "5",
    "n",
    "N",
    "g",
    "G",
    "f",
    "o",
    "S",
    "c",
    "e",
    "r",
    "s",
    "x",
    "ㄹ",
    "ㄷ",
    "ㅋ",
    "ㅓ",
    "ㅏ",
    "람다",
    "콜드 스타트",
    "DynamoDB",
    "👩\u{200d}💻",
    "e\u{301}",
    "\u{202e}",
    "\x1b]52;c;aGk=\x07",
    "\u{9b}2J",
    "\n",
    "\t",
    "ﾟ",
    "𝕏",
];

/// Keys that quit from most screens: rare, so that a run explores before it restarts.
const QUIT: &[&[u8]] = &[b"q", b"\x1b", b"\x03"];

fn event(rng: &mut ChaCha8Rng, cols: u16, rows: u16, out: &mut Vec<u8>) {
    match rng.random_range(0..1000) {
        0..=1 => out.extend_from_slice(QUIT[rng.random_range(0..QUIT.len())]),
        2..=399 => out.extend_from_slice(TEXT[rng.random_range(0..TEXT.len())].as_bytes()),
        400..=749 => out.extend_from_slice(KEYS[rng.random_range(0..KEYS.len())]),
        750..=799 => {
            // Ctrl+letter other than C-c, and Alt+letter.
            let c = b"abdefghijklnoprstuvwxyz"[rng.random_range(0..23)];
            if rng.random_bool(0.5) {
                out.push(c - b'a' + 1);
            } else {
                out.extend_from_slice(&[0x1b, c]);
            }
        }
        800..=899 => {
            // SGR mouse: press, release, drag, wheel; anywhere, edges and beyond included.
            let button = [0, 1, 2, 32, 64, 65, 66, 67][rng.random_range(0..8)];
            let x = rng.random_range(1..=cols.saturating_add(3));
            let y = rng.random_range(1..=rows.saturating_add(3));
            let end = if rng.random_bool(0.5) { 'M' } else { 'm' };
            out.extend_from_slice(format!("\x1b[<{button};{x};{y}{end}").as_bytes());
        }
        _ => {
            // A bracketed paste of a few pieces.
            out.extend_from_slice(b"\x1b[200~");
            for _ in 0..rng.random_range(1..12) {
                out.extend_from_slice(TEXT[rng.random_range(0..TEXT.len())].as_bytes());
            }
            out.extend_from_slice(b"\x1b[201~");
        }
    }
}

fn size(rng: &mut ChaCha8Rng) -> (u16, u16) {
    match rng.random_range(0..10) {
        0 => (1, 1),
        1 => (rng.random_range(1..20), rng.random_range(1..8)),
        2 => (300, 100),
        _ => (rng.random_range(20..=300), rng.random_range(5..=100)),
    }
}

fn start(data: &Path, rng: &mut ChaCha8Rng, cols: u16, rows: u16) -> Pty {
    let seed = rng.random::<u32>().to_string();
    let args: Vec<&str> = match rng.random_range(0..4) {
        // `--new`: a restart with other settings would otherwise be refused (exit 2) while the
        // last run's exam is still going, as `gureum exam` promises.
        0 => vec![
            "exam", "--exam", "saa-c03", "--count", "5", "--seed", &seed, "--new",
        ],
        1 => vec!["--no-mouse"],
        _ => vec![],
    };
    Pty::gureum(data, &args, &[], cols, rows)
}

/// Sends `events` random events in batches of `batch` from `seed`; panics with the seed on a
/// failure. `progress` is called after every batch.
pub fn run(seed: u64, events: u64, batch: u64, mut progress: impl FnMut(&Stats)) -> Stats {
    let data = tempfile::tempdir().expect("a data folder");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut cols, mut rows) = size(&mut rng);
    let mut t = start(data.path(), &mut rng, cols, rows);
    let mut stats = Stats::default();
    let began = Instant::now();
    // Watchdog: a write that blocks this long means the program stopped reading.
    let beat = Arc::new(AtomicU64::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let watched = Arc::new(std::sync::Mutex::new((t.screen_handle(), t.pid())));
    {
        let (beat, done, watched) = (Arc::clone(&beat), Arc::clone(&done), Arc::clone(&watched));
        std::thread::spawn(move || {
            let mut last = (0, Instant::now());
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(500));
                let now = beat.load(Ordering::Relaxed);
                if now != last.0 {
                    last = (now, Instant::now());
                } else if last.1.elapsed() > STUCK {
                    let (screen, pid) = watched
                        .lock()
                        .map(|w| (Arc::clone(&w.0), w.1))
                        .unwrap_or_else(|e| {
                            let w = e.into_inner();
                            (Arc::clone(&w.0), w.1)
                        });
                    let text = screen
                        .lock()
                        .map(|p| p.screen().contents())
                        .unwrap_or_default();
                    let state =
                        std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
                    let wchan =
                        std::fs::read_to_string(format!("/proc/{pid}/wchan")).unwrap_or_default();
                    let tty = std::fs::read_link(format!("/proc/{pid}/fd/0")).unwrap_or_default();
                    let stty = std::process::Command::new("stty")
                        .arg("-a")
                        .arg("-F")
                        .arg(&tty)
                        .output()
                        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
                        .unwrap_or_default();
                    // Written to the real stderr: the test harness captures `eprintln!`, and
                    // `exit` below would drop what it captured.
                    let mut err = std::io::stderr().lock();
                    let _ = writeln!(err, "tty {}: {stty}", tty.display());
                    let _ = writeln!(
                        err,
                        "fuzz: stuck for {} s at batch {now}; reproduce with seed {seed}\nprocess {pid}: {state} wchan {wchan}\nscreen:\n{text}",
                        STUCK.as_secs()
                    );
                    std::process::exit(1);
                }
            }
        });
    }
    let mut bytes = Vec::new();
    let mut n_batch = 0u64;
    while stats.events < events {
        bytes.clear();
        let this = batch.min(events - stats.events);
        for _ in 0..this {
            if rng.random_range(0..100) == 0 {
                // A resize ends the batch's bytes so far, like a window drag between keys.
                t.send(&bytes);
                bytes.clear();
                (cols, rows) = size(&mut rng);
                t.resize(cols, rows);
                stats.resizes += 1;
            } else {
                event(&mut rng, cols, rows, &mut bytes);
            }
        }
        t.send(&bytes);
        stats.events += this;
        n_batch += 1;
        beat.store(n_batch, Ordering::Relaxed);
        // Let the program catch up a little, as a person types: it must read, not just buffer.
        std::thread::sleep(Duration::from_millis(2));
        if t.exited() {
            let status = t.wait_exit();
            // Ctrl-C typed while the terminal is still (or again) in cooked mode, at start-up
            // or on the way out, is a SIGINT: a clean stop with 130 is right then.
            if !status.success()
                && status.exit_code() != 130
                && status.signal() != Some("Interrupt")
            {
                let raw = t.raw();
                let tail = String::from_utf8_lossy(
                    raw.get(raw.len().saturating_sub(600)..).unwrap_or_default(),
                )
                .into_owned();
                panic!(
                    "fuzz: gureum exited with {status:?} after event {} (batch {n_batch}); reproduce with seed {seed}\nscreen:\n{}\nlast output: {tail:?}",
                    stats.events,
                    t.screen()
                );
            }
            stats.restarts += 1;
            t = start(data.path(), &mut rng, cols, rows);
            if let Ok(mut w) = watched.lock() {
                *w = (t.screen_handle(), t.pid());
            }
        }
        stats.elapsed = began.elapsed();
        progress(&stats);
    }
    // Still alive at the end: it must quit on request and restore the terminal.
    t.send(b"\x1b\x1b");
    std::thread::sleep(Duration::from_millis(100));
    done.store(true, Ordering::Relaxed);
    stats.elapsed = began.elapsed();
    drop(t);
    stats
}
