//! Subcommands beyond the basics: simulations, the plain quiz, banks, results and reports.
//!
//! Everything a subcommand writes goes through [`gureum::text::for_output`]: `stdout()` is a
//! [`SafeWriter`] and `outln!`/`errln!` replace `println!`/`eprintln!`, so no escape sequence or
//! bidi control from content, file names or key maps reaches the terminal. JSON goes through
//! `SafeWriter::json`, which escapes C1 and bidi controls as `\u`.

use std::io::{StdoutLock, Write};

use gureum::strings::Lang;
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

pub mod args;
pub mod bank;
pub mod class;
pub mod deploy;
pub mod exam;
pub mod keys;
pub mod quiz;
pub mod replace;
pub mod review;
pub mod search;
pub mod sim;
pub mod sim_cache;
pub mod sim_common;
pub mod sim_replicas;
pub mod sim_sessions;
pub mod sim_throttle;
pub mod stats;

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

/// The language of this run, known before the arguments are parsed (see [`args::prescan_lang`]).
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language of this run's messages (once, before parsing the arguments).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language of this run's messages.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// An error line in one language: a model message written `한국어 / English` becomes the side
/// of this run's language, and an OS error code (`(os error 2)`) is dropped.
pub fn one_language(line: &str) -> String {
    let mut line = simulations::lang::pick(line, lang() == Lang::En);
    if lang() == Lang::Ko {
        // `path: {io::Error}` from code that formats the error itself.
        for (en, ko) in [
            ("No such file or directory", "파일이나 폴더가 없어요"),
            ("Permission denied", "권한이 없어요"),
            ("Is a directory", "파일이 아니라 폴더예요"),
            ("Not a directory", "폴더가 아니에요"),
            (
                "stream did not contain valid UTF-8",
                "UTF-8 텍스트가 아니에요",
            ),
        ] {
            line = line.replace(en, ko);
        }
    }
    match line.find(" (os error ") {
        Some(i) => {
            let rest = line.get(i + 1..).unwrap_or_default();
            let end = rest.find(')').map_or(line.len(), |e| i + 1 + e + 1);
            format!(
                "{}{}",
                line.get(..i).unwrap_or_default(),
                line.get(end..).unwrap_or_default()
            )
        }
        None => line,
    }
}

/// A file that could not be read or written, as a sentence in `lang` naming it.
pub fn io_error(path: &std::path::Path, e: &std::io::Error, lang: Lang) -> String {
    use gureum::text::josa;
    use std::io::ErrorKind;
    let name = path.display().to_string();
    match (lang, e.kind()) {
        (Lang::Ko, ErrorKind::NotFound) => format!("파일 {name}{} 없어요", josa::i(&name)),
        (Lang::Ko, ErrorKind::PermissionDenied) => {
            format!("파일 {name}{} 열 권한이 없어요", josa::eul(&name))
        }
        (Lang::Ko, ErrorKind::IsADirectory) => {
            format!("{name}{} 파일이 아니라 폴더예요", josa::eun(&name))
        }
        (Lang::Ko, ErrorKind::InvalidData) => {
            format!("파일 {name}{} UTF-8 텍스트가 아니에요", josa::eun(&name))
        }
        (Lang::Ko, ErrorKind::StorageFull) => {
            format!(
                "디스크 공간이 없어서 {name}{} 쓸 수 없어요",
                josa::eul(&name)
            )
        }
        (Lang::Ko, _) => format!("파일 {name}{} 읽거나 쓸 수 없어요", josa::eul(&name)),
        (Lang::En, ErrorKind::NotFound) => format!("no such file: {name}"),
        (Lang::En, ErrorKind::PermissionDenied) => format!("permission denied: {name}"),
        (Lang::En, ErrorKind::IsADirectory) => format!("{name} is a folder, not a file"),
        (Lang::En, ErrorKind::InvalidData) => format!("{name} is not UTF-8 text"),
        (Lang::En, ErrorKind::StorageFull) => format!("no space left to write {name}"),
        (Lang::En, _) => format!("cannot read or write {name}"),
    }
}

/// Writes `line` and a newline to stderr through the output gate, in one language.
pub fn emit_err(line: &str) {
    let line = one_language(line);
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
