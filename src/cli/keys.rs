//! `gureum keys`: the key bindings in use (the embedded `keymap.toml` with the user's file from
//! the config directory laid over it), as a table or as JSON.

use std::io::Write;
use std::process::ExitCode;

use gureum::keys::file::{self as keyfile, UserKeymap};
use gureum::keys::{self as keymap, Context, Keymap};
use gureum::strings::{Lang, Strings};
use gureum::text;

/// Lists the bindings; problems of the user's file go to stderr and exit with 2 (the listing
/// still shows what is in effect: the defaults for the entries that were skipped).
pub fn run(json: bool, lang: Lang) -> anyhow::Result<ExitCode> {
    let (map, report) = keyfile::load_default_location();
    let mut out = crate::cli::stdout();
    if json {
        out.json(&to_json(&map, &report, lang), true)?;
    } else {
        write_table(&mut out, &map, &report, lang)?;
    }
    let path = report
        .path
        .clone()
        .unwrap_or_else(|| keyfile::FILE_NAME.into());
    for p in &report.problems {
        errln!("gureum: {}", p.display(&path, lang));
    }
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

fn to_json(map: &Keymap, report: &UserKeymap, lang: Lang) -> serde_json::Value {
    let path = report
        .path
        .clone()
        .unwrap_or_else(|| keyfile::FILE_NAME.into());
    let bindings: Vec<_> = map
        .bindings
        .iter()
        .map(|b| {
            serde_json::json!({
                "context": b.context.name(),
                "run": b.action.name(),
                "on": b.keys.iter().map(keyfile::key_spec).collect::<Vec<_>>(),
                "desc": b.desc.0,
                "desc_en": b.desc.1,
                "hint": b.status,
            })
        })
        .collect();
    let problems: Vec<_> = report
        .problems
        .iter()
        .map(|p| {
            serde_json::json!({
                "file": path.display().to_string(),
                "line": p.line,
                "message": p.message(lang),
            })
        })
        .collect();
    serde_json::json!({
        "user_file": report.path.as_ref().map(|p| p.display().to_string()),
        "user_file_found": report.found,
        "applied": report.applied,
        "problems": problems,
        "bindings": bindings,
    })
}

fn write_table(
    out: &mut impl Write,
    map: &Keymap,
    report: &UserKeymap,
    lang: Lang,
) -> std::io::Result<()> {
    let s = Strings::new(lang);
    match &report.path {
        Some(path) => writeln!(
            out,
            "# {}: {} — {}",
            s.keymap_file(),
            path.display(),
            s.keymap_state(report.found, report.applied, report.problems.len())
        )?,
        None => writeln!(out, "# {}: {}", s.keymap_file(), s.no_config_dir())?,
    }
    let keys_w: usize = 24;
    let run_w = map
        .bindings
        .iter()
        .map(|b| b.action.name().len())
        .max()
        .unwrap_or(0);
    for context in Context::ALL {
        writeln!(out)?;
        writeln!(out, "[{}] {}", context.name(), s.group(context))?;
        for b in map.in_context(context) {
            let keys = b
                .keys
                .iter()
                .map(keymap::key_name)
                .collect::<Vec<_>>()
                .join(" ");
            let keys = if keys.is_empty() {
                "-".to_owned()
            } else {
                keys
            };
            let pad = keys_w.saturating_sub(text::width(&keys)).max(1);
            let run = b.action.name();
            writeln!(
                out,
                "  {keys}{}{run:<run_w$}  {}",
                " ".repeat(pad),
                b.description(lang)
            )?;
        }
    }
    Ok(())
}
