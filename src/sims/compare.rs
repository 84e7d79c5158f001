//! Formatting shared by the deployment screens and `gureum sim deploy`: numbers, short strategy
//! names and the width-aware comparison table. No drawing here; the words come from `strings`.

use simulations::deploy::{CompareRow, clock};

use crate::strings::{Lang, Strings};
use crate::text;

/// `CodeDeployDefault.LambdaCanary10Percent5Minutes` -> `Canary10Percent5Minutes`.
pub fn short_name(name: &str) -> &str {
    name.strip_prefix("CodeDeployDefault.Lambda")
        .or_else(|| name.strip_prefix("CodeDeployDefault."))
        .unwrap_or(name)
}

/// `1234567.0` -> `1,234,567`; a fraction (expected-value view) keeps one decimal.
pub fn group(v: f64) -> String {
    let whole = v.trunc().max(0.0) as u64;
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    let frac = v - v.trunc();
    if frac.abs() >= 0.05 {
        out.push_str(format!("{frac:.1}").trim_start_matches('0'));
    }
    out
}

/// The comparison as aligned text lines (header first) no wider than `max_width` cells.
///
/// Columns are dropped from the least important (rollback time, errors, duration, detection,
/// outcome) until the table fits; strategy and users affected always stay.
pub fn compare_table(rows: &[CompareRow], lang: Lang, max_width: usize) -> Vec<String> {
    let s = Strings::new(lang);
    let header = s.deploy_table_header();
    let mut table: Vec<[String; 7]> = vec![header.map(str::to_owned)];
    for r in rows {
        let users = match r.vs_first_pct {
            Some(p) if rows.len() > 1 => format!("{} ({p:.1}%)", group(r.users_affected)),
            _ => group(r.users_affected),
        };
        table.push([
            short_name(&r.strategy).to_owned(),
            s.deploy_outcome_short(r.outcome, r.reason, r.alarm_after_end)
                .to_owned(),
            r.detected_at_s.map_or_else(|| "-".to_owned(), clock),
            r.rolled_back_at_s.map_or_else(|| "-".to_owned(), clock),
            users,
            group(r.errors_bad),
            clock(r.duration_s),
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|c| table.iter().map(|r| text::width(&r[c])).max().unwrap_or(0))
        .collect();
    let mut shown: Vec<usize> = (0..7).collect();
    let total = |shown: &[usize]| {
        shown.iter().map(|&c| widths[c]).sum::<usize>() + 2 * shown.len().saturating_sub(1)
    };
    for drop in [3, 5, 6, 2, 1] {
        if total(&shown) <= max_width {
            break;
        }
        shown.retain(|&c| c != drop);
    }
    table
        .iter()
        .map(|r| {
            let mut line = String::new();
            for (i, &c) in shown.iter().enumerate() {
                let cell = &r[c];
                let pad = " ".repeat(widths[c].saturating_sub(text::width(cell)));
                // Times and counts right-aligned, words left-aligned.
                if c >= 2 {
                    line.push_str(&pad);
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    line.push_str(&pad);
                }
                if i + 1 < shown.len() {
                    line.push_str("  ");
                }
            }
            text::truncate(line.trim_end(), max_width)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use simulations::deploy::{DeployConfig, Strategy, compare};

    #[test]
    fn table_fits_the_width_and_keeps_strategy_and_users() {
        let base = DeployConfig {
            new_error_rate: 0.3,
            ..DeployConfig::default()
        };
        let rows = compare(
            &base,
            &["AllAtOnce", "Canary10Percent5Minutes"].map(|s| Strategy::parse(s).unwrap()),
        )
        .unwrap();
        for w in [200, 80, 56, 40] {
            let lines = compare_table(&rows, Lang::Ko, w);
            assert_eq!(lines.len(), 3);
            for l in &lines {
                assert!(text::width(l) <= w, "{w}: {l}");
            }
            assert!(
                lines[2].starts_with("Canary10Percent5Minutes") || w < 30,
                "{lines:?}"
            );
            assert!(lines[1].contains("60,000"), "{w}: {lines:?}");
        }
        assert_eq!(group(1_234_567.0), "1,234,567");
        assert_eq!(group(12.25), "12.2");
    }
}
