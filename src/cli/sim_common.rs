//! What the `gureum sim sessions|cache|replicas|throttle` commands share: loading a preset by
//! name or file, printing a result as rows plus the explanation trail or as JSON, and reporting
//! invalid settings with status 2.

#![allow(clippy::doc_markdown)] // service names (DynamoDB, ElastiCache, MySQL) read better bare

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Args;
use serde::Serialize;
use serde::de::DeserializeOwned;
use simulations::challenge::{ChallengeResult, Preset, PresetError};

use gureum::strings::Lang;

/// Reports invalid input on stderr; the caller returns `Ok` of this (status 2).
pub(crate) fn invalid(msg: &str) -> ExitCode {
    errln!("gureum: {msg}");
    ExitCode::from(2)
}

/// The flags every one of `gureum sim sessions|cache|replicas|throttle` takes
/// (`#[command(flatten)]`; each command words `--duration` and `--scenario` for itself with
/// `mut_arg`).
#[derive(Debug, Args)]
pub struct SimArgs {
    /// 시뮬레이션할 시간(초)
    #[arg(long, value_name = "S")]
    pub duration: Option<u32>,
    /// 시나리오 TOML 파일, 또는 내장 프리셋 이름
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<String>,
    /// 난수 시드 (같은 시드 = 같은 결과)
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
    /// JSON으로 출력해요
    #[arg(long)]
    pub json: bool,
}

impl SimArgs {
    /// The preset of `--scenario` (a TOML file read with `parse`, or a built-in one from
    /// `builtin`, which is called only then) and the configuration to start from: the preset's,
    /// else the default, with `--duration` and `--seed` applied by `set_run`. A preset that is
    /// not found has been reported: return the exit code (2).
    pub(crate) fn scenario<C: Serialize + DeserializeOwned + Default + Clone>(
        &self,
        builtin: impl FnOnce() -> Result<Vec<Preset<C>>, PresetError>,
        parse: impl Fn(&str, &str) -> Result<Preset<C>, PresetError>,
    ) -> Result<(Option<Preset<C>>, C), ExitCode> {
        let preset = match &self.scenario {
            None => None,
            Some(name) => Some(load_preset(name, builtin, parse).map_err(|msg| invalid(&msg))?),
        };
        let config = preset
            .as_ref()
            .map_or_else(C::default, |p| p.config.clone());
        Ok((preset, config))
    }

    /// Applies `--duration` and `--seed` to a configuration's fields.
    pub(crate) fn set_run(&self, duration_s: &mut u32, seed: &mut u64) {
        set(duration_s, self.duration);
        set(seed, self.seed);
    }
}

/// Sets `slot` to `value` when the flag was given.
pub(crate) fn set<T>(slot: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *slot = v;
    }
}

/// A preset given to `--scenario`: a TOML file, or the name of a built-in preset.
fn load_preset<C: Serialize + DeserializeOwned>(
    name: &str,
    builtin: impl FnOnce() -> Result<Vec<Preset<C>>, PresetError>,
    parse: impl Fn(&str, &str) -> Result<Preset<C>, PresetError>,
) -> Result<Preset<C>, String> {
    let path = Path::new(name);
    if path.exists() {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
        return parse(name, &text).map_err(|e| e.to_string());
    }
    let presets = builtin().map_err(|e| e.to_string())?;
    let names: Vec<String> = presets.iter().map(|p| p.id.clone()).collect();
    presets
        .into_iter()
        .find(|p| p.id == name)
        .ok_or_else(|| {
            format!(
                "시나리오 파일이나 프리셋 `{name}`이 없어요 ({}) / no scenario file or preset `{name}` ({})",
                names.join(", "),
                names.join(", ")
            )
        })
}

/// Prints `result` as JSON; with a preset, adds `"challenge"`: each condition with its measured
/// value and whether it passed.
pub(crate) fn print_json<R: Serialize>(
    result: &R,
    challenge: Option<&ChallengeResult>,
) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    match challenge {
        // Straight from the struct, so the fields keep the model's order.
        None => serde_json::to_writer_pretty(&mut out, result)?,
        Some(c) => {
            let mut value = serde_json::to_value(result)?;
            if let Some(map) = value.as_object_mut() {
                map.insert("challenge".to_owned(), serde_json::to_value(c)?);
            }
            serde_json::to_writer_pretty(&mut out, &value)?;
        }
    }
    writeln!(out)?;
    Ok(ExitCode::SUCCESS)
}

/// One row of a command's text output: its Korean label, its English label, its value.
pub(crate) type Row = (&'static str, &'static str, String);

/// Ends a run of `gureum sim sessions|cache|replicas|throttle`: settings the model refused exit
/// 2 with its reason; else the result as JSON (with the preset's challenge), or as `rows`, then
/// the challenge condition by condition and the explanation trail (`trail`).
pub(crate) fn finish<C, R, E>(
    sim: &SimArgs,
    preset: Option<&Preset<C>>,
    config: &C,
    run: Result<R, E>,
    lang: Lang,
    trail: fn(&R) -> &[simulations::Explanation],
    rows: impl FnOnce(&R) -> Vec<Row>,
) -> anyhow::Result<ExitCode>
where
    C: Serialize + DeserializeOwned,
    R: Serialize,
    E: std::fmt::Display,
{
    let r = match run {
        Ok(r) => r,
        Err(e) => return Ok(invalid(&e.to_string())),
    };
    let challenge = preset.map(|p| p.check(config, &r));
    if sim.json {
        return print_json(&r, challenge.as_ref());
    }
    print_rows(&rows(&r), challenge.as_ref(), trail(&r), lang)
}

/// A count with separators (`12,345`).
pub(crate) fn count(v: u64) -> String {
    number(v as f64)
}

/// A count and its share (`1,234 (5.6%)`).
pub(crate) fn count_pct(v: u64, pct: f64) -> String {
    format!("{} ({}%)", count(v), number(pct))
}

/// Prints labelled rows, the challenge (if any) condition by condition, and the trail.
pub(crate) fn print_rows(
    rows: &[Row],
    challenge: Option<&ChallengeResult>,
    trail: &[simulations::Explanation],
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let mut out = super::stdout();
    for (ko, en, value) in rows {
        let label = if lang == Lang::En { *en } else { *ko };
        let pad = 24usize.saturating_sub(gureum::text::width(label));
        writeln!(out, "{label}{} {value}", " ".repeat(pad))?;
    }
    if let Some(c) = challenge {
        writeln!(out)?;
        let head = match (lang, c.passed) {
            (Lang::En, true) => "Challenge: ✓ passed",
            (Lang::En, false) => "Challenge: ✗ not yet",
            (_, true) => "과제: ✓ 통과",
            (_, false) => "과제: ✗ 아직이에요",
        };
        writeln!(out, "{head}")?;
        // A kept `fixed` setting is not news; a changed one is.
        for cond in c
            .conditions
            .iter()
            .filter(|c| !(c.passed && c.id.starts_with("fixed.")))
        {
            let mark = if cond.passed { "✓" } else { "✗" };
            let label = if lang == Lang::En {
                &cond.label_en
            } else {
                &cond.label_ko
            };
            let measured = if cond.id.starts_with("fixed.") {
                String::new()
            } else {
                format!(
                    " ({} {})",
                    lang.pick("측정값", "measured"),
                    number(cond.measured)
                )
            };
            writeln!(out, "  {mark} {label}{measured}")?;
        }
    }
    super::sim::print_trail(&mut out, trail, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// A number with thousands separators and at most two decimals (`1,234.5`).
pub(crate) fn number(v: f64) -> String {
    if !v.is_finite() {
        return "-".to_owned();
    }
    let text = format!("{v:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = text
        .split_once('.')
        .map_or((text, None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_get_separators() {
        assert_eq!(super::number(1_234_567.0), "1,234,567");
        assert_eq!(super::number(0.5), "0.5");
        assert_eq!(super::number(-1200.25), "-1,200.25");
        assert_eq!(super::number(f64::NAN), "-");
    }
}
