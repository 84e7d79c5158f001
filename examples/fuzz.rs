//! The TUI under random input for as long as you like (issue 13's reliability proof): random keys,
//! pastes, mouse events and resizes from 1x1 to 300x100 into the release binary in a
//! pseudo-terminal, restarted whenever it quits. Prints progress and the seed; exits non-zero
//! with the seed on a crash or a hang.
//!
//! ```text
//! cargo build --release && cargo run --release --example fuzz -- --events 1000000
//! cargo run --release --example fuzz -- --seed 7 --events 50000 --batch 100
//! ```

#[path = "../tests/support/mod.rs"]
mod support;

fn arg(args: &[String], name: &str, default: u64) -> u64 {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.replace(['_', ','], "").parse().ok())
        .unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let events = arg(&args, "--events", 1_000_000);
    let batch = arg(&args, "--batch", 200).max(1);
    let seed = arg(
        &args,
        "--seed",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs()),
    );
    assert!(
        std::path::Path::new(support::pty::BIN).is_file(),
        "build the binary first: cargo build --release ({})",
        support::pty::BIN
    );
    println!("fuzz: seed {seed}, {events} events in batches of {batch}");
    let mut next = 0;
    let stats = support::fuzz::run(seed, events, batch, |s| {
        if s.events >= next {
            println!(
                "fuzz: {} events, {} resizes, {} restarts, {:.0} s",
                s.events,
                s.resizes,
                s.restarts,
                s.elapsed.as_secs_f64()
            );
            next += 50_000;
        }
    });
    println!(
        "fuzz: done, seed {seed}: {} events ({} resizes), {} restarts, 0 crashes, {:.0} s",
        stats.events,
        stats.resizes,
        stats.restarts,
        stats.elapsed.as_secs_f64()
    );
}
