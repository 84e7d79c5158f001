//! Random keys, pastes, mouse events and resizes (1x1 to 300x100) into the real binary in a
//! pseudo-terminal: it never crashes and quits with status 0 (`tests/support/fuzz.rs`).
//! `GUREUM_FUZZ_SEED=N` replays a seed; `cargo run --release --example fuzz -- --events 1000000`
//! runs a long one.

mod support;

#[test]
fn twenty_thousand_random_events_never_crash_the_tui() {
    let seed = std::env::var("GUREUM_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(13);
    let stats = support::fuzz::run(seed, 20_000, 200, |_| {});
    eprintln!("fuzz seed {seed}: {stats:?}");
    assert_eq!(stats.events, 20_000);
    assert!(stats.resizes > 100, "{stats:?}");
}
