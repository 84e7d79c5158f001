//! Ending the TUI cleanly when the terminal closes or the process is asked to stop.
//!
//! SIGHUP (the terminal window was closed), SIGTERM and SIGINT only set a flag; the run loop
//! wakes at least four times a second, sees it, leaves its loop, saves, restores the terminal and
//! returns, so `main` exits normally with 128 + the signal's number, as a shell reports it. A
//! second signal while that is under way ends the process at once (a stuck save cannot keep it
//! alive). Only the TUI installs this: the command-line twins keep the default behaviour.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// Set by any of the signals (the second one ends the process).
static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();
/// The number of the last signal received, 0 before any.
static SIGNAL: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Installs the handlers (once; later calls do nothing).
pub fn install() -> std::io::Result<()> {
    if FLAG.get().is_some() {
        return Ok(());
    }
    let flag = Arc::new(AtomicBool::new(false));
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGHUP, SIGTERM, SIGINT] {
        // Registered first, so it sees the flag as the previous signal left it.
        // 128 + n, as for the first signal (a shell's "killed by signal n").
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&flag))?;
        signal_hook::flag::register(sig, Arc::clone(&flag))?;
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)?;
    }
    let _ = FLAG.set(flag);
    let _ = SIGNAL.set(signal);
    Ok(())
}

/// Whether a stop was asked for.
pub fn requested() -> bool {
    FLAG.get().is_some_and(|f| f.load(Ordering::Relaxed))
}

/// The signal that asked for the stop, if one did.
pub fn signal() -> Option<i32> {
    let sig = SIGNAL.get()?.load(Ordering::Relaxed);
    (sig != 0).then_some(sig as i32)
}
