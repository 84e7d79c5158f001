//! Subcommands beyond the basics: simulations, the plain quiz, banks, results and reports.
//!
//! Everything a subcommand writes goes through [`gureum::text::for_output`]: `stdout()` is a
//! [`SafeWriter`] and `outln!`/`errln!` replace `println!`/`eprintln!`, so no escape sequence or
//! bidi control from content, file names or key maps reaches the terminal. JSON goes through
//! `SafeWriter::json`, which escapes C1 and bidi controls as `\u`.

use std::io::{StdoutLock, Write};

use gureum::text::SafeWriter;

/// `println!` through the output gate; a closed pipe (`gureum lessons | head -1`) ends the
/// program quietly with exit 0.
macro_rules! outln {
    ($($t:tt)*) => { $crate::cli::emit_out(&format!($($t)*)) };
}

/// `eprintln!` through the output gate.
macro_rules! errln {
    ($($t:tt)*) => { $crate::cli::emit_err(&format!($($t)*)) };
}

pub mod bank;
pub mod class;
pub mod deploy;
pub mod keys;
pub mod quiz;
pub mod replace;
pub mod search;
pub mod sim;
pub mod sim_cache;
pub mod sim_common;
pub mod sim_replicas;
pub mod sim_sessions;
pub mod sim_throttle;

/// Standard output through the output gate.
pub fn stdout() -> SafeWriter<StdoutLock<'static>> {
    SafeWriter::new(std::io::stdout().lock())
}

/// Writes `line` and a newline to stdout through the output gate.
pub fn emit_out(line: &str) {
    let mut out = stdout();
    let result = writeln!(out, "{line}").and_then(|()| out.flush());
    if result.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
        // Nobody reads any more: nothing to say, nothing failed.
        std::process::exit(0);
    }
}

/// Writes `line` and a newline to stderr through the output gate.
pub fn emit_err(line: &str) {
    let mut err = SafeWriter::new(std::io::stderr().lock());
    let _ = writeln!(err, "{line}");
    let _ = err.flush();
}

/// Whether `e` (or an error it wraps, such as a `serde_json` write error) is a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}
