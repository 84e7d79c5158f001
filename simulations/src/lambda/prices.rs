//! Billing: dated prices from `data/lambda-prices.toml` and the rounding rules.
//!
//! The price table is compiled in with `include_str!` so the app needs no file or network at run
//! time. Prices are data, not code: each entry has a Region, a date, a source URL and a list of
//! the fields that are UNCONFIRMED (aws-facts.md 2.6 says current prices could not be confirmed).
//!
//! Rounding depends on the billing date: duration is rounded up to 1 ms since the December 2020
//! billing cycle and to 100 ms before it
//! (<https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/>);
//! the on-demand Init phase is billed like Invoke from 1 Aug 2025
//! (<https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase>).

use serde::{Deserialize, Serialize};

/// The embedded price file.
const PRICES_TOML: &str = include_str!("../../data/lambda-prices.toml");

/// One Region's prices at one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// AWS Region code, e.g. `us-east-1`.
    pub region: String,
    /// CPU architecture the prices are for.
    pub architecture: String,
    /// Date the prices were stated, `YYYY-MM-DD`.
    pub date: String,
    /// Where the request and duration prices come from.
    pub source: String,
    /// USD per 1 million requests.
    pub request_per_million_usd: f64,
    /// USD per GB-second of on-demand duration.
    pub duration_per_gb_s_usd: f64,
    /// USD per GB-second while provisioned concurrency is configured.
    pub provisioned_per_gb_s_usd: f64,
    /// USD per GB-second of duration on a provisioned environment.
    pub provisioned_duration_per_gb_s_usd: f64,
    /// Provisioned concurrency time is rounded up to this many seconds.
    pub provisioned_rounding_s: u64,
    /// Where the provisioned prices come from.
    pub provisioned_source: String,
    /// Names of the fields no source in the facts file confirms.
    pub unconfirmed: Vec<String>,
}

impl Price {
    /// Whether `field` is marked UNCONFIRMED.
    pub fn is_unconfirmed(&self, field: &str) -> bool {
        self.unconfirmed.iter().any(|f| f == field)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PriceFile {
    format_version: u32,
    price: Vec<Price>,
}

/// All embedded price entries.
pub fn price_table() -> Vec<Price> {
    // The file is compiled in and checked by a unit test, so failing here is a build-time bug.
    let file: PriceFile = toml::from_str(PRICES_TOML).expect("embedded lambda-prices.toml parses");
    assert_eq!(file.format_version, 1, "lambda-prices.toml format_version");
    file.price
}

/// The price entry for `region`, if the table has one.
pub fn price_for(region: &str) -> Option<Price> {
    price_table().into_iter().find(|p| p.region == region)
}

/// Billed duration in ms for a run of `run_us` microseconds, rounded up to `granularity_ms`.
///
/// Worked example L1 (aws-facts.md 2.7): 27.40 ms bills 28 ms at 1 ms granularity, 100 ms at
/// 100 ms granularity.
pub fn billed_duration_ms(run_us: u64, granularity_ms: u64) -> u64 {
    let step_us = granularity_ms.max(1) * 1000;
    run_us.div_ceil(step_us) * granularity_ms.max(1)
}

/// GB-seconds for `billed_ms` of duration at `memory_mb` (Lambda's MB are MiB: 1 GB = 1024 MB).
pub fn gb_seconds(billed_ms: u64, memory_mb: u32) -> f64 {
    billed_ms as f64 * f64::from(memory_mb) / 1024.0 / 1000.0
}

/// The cost of a run, by part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostBreakdown {
    /// Region of the price entry used.
    pub region: String,
    /// Date of the price entry used.
    pub price_date: String,
    /// Billed requests (every attempt that reached the function; throttled ones are free).
    pub requests: u64,
    /// Billed on-demand duration, ms (Init included when the billing date says so).
    pub billed_ms: u64,
    /// Billed duration on provisioned environments, ms.
    pub provisioned_billed_ms: u64,
    /// On-demand GB-seconds.
    pub gb_s: f64,
    /// Provisioned-environment duration GB-seconds.
    pub provisioned_gb_s: f64,
    /// GB-seconds of provisioned concurrency configured (environments x memory x time).
    pub provisioned_config_gb_s: f64,
    /// Seconds provisioned concurrency was billed for (rounded up).
    pub provisioned_config_s: u64,
    /// Request charge, USD.
    pub request_usd: f64,
    /// On-demand duration charge, USD.
    pub duration_usd: f64,
    /// Provisioned-environment duration charge, USD.
    pub provisioned_duration_usd: f64,
    /// Provisioned concurrency charge, USD.
    pub provisioned_config_usd: f64,
    /// Whether any non-zero part uses an UNCONFIRMED price.
    pub unconfirmed: bool,
}

impl CostBreakdown {
    /// Total in USD.
    pub fn total_usd(&self) -> f64 {
        self.request_usd
            + self.duration_usd
            + self.provisioned_duration_usd
            + self.provisioned_config_usd
    }
}

/// What a run used, in billing units.
#[derive(Debug, Clone, Copy, Default)]
pub struct Usage {
    /// Billed requests.
    pub requests: u64,
    /// Billed on-demand ms.
    pub billed_ms: u64,
    /// Billed provisioned-environment ms.
    pub provisioned_billed_ms: u64,
    /// Provisioned environments configured.
    pub provisioned: u32,
    /// How long they were configured, ms.
    pub configured_ms: u64,
    /// Memory size, MB.
    pub memory_mb: u32,
}

/// Prices `usage` with `price`.
pub fn cost(usage: &Usage, price: &Price) -> CostBreakdown {
    let gb_s = gb_seconds(usage.billed_ms, usage.memory_mb);
    let provisioned_gb_s = gb_seconds(usage.provisioned_billed_ms, usage.memory_mb);
    let provisioned_config_s = if usage.provisioned == 0 {
        0
    } else {
        let step = price.provisioned_rounding_s.max(1);
        usage.configured_ms.div_ceil(1000).div_ceil(step) * step
    };
    let provisioned_config_gb_s = f64::from(usage.provisioned) * f64::from(usage.memory_mb)
        / 1024.0
        * provisioned_config_s as f64;
    let request_usd = usage.requests as f64 * price.request_per_million_usd / 1_000_000.0;
    let duration_usd = gb_s * price.duration_per_gb_s_usd;
    let provisioned_duration_usd = provisioned_gb_s * price.provisioned_duration_per_gb_s_usd;
    let provisioned_config_usd = provisioned_config_gb_s * price.provisioned_per_gb_s_usd;
    let uses = |field: &str, amount: f64| amount > 0.0 && price.is_unconfirmed(field);
    let unconfirmed = uses("request_per_million_usd", request_usd)
        || uses("duration_per_gb_s_usd", duration_usd)
        || uses(
            "provisioned_duration_per_gb_s_usd",
            provisioned_duration_usd,
        )
        || uses("provisioned_per_gb_s_usd", provisioned_config_usd)
        || uses("provisioned_rounding_s", provisioned_config_usd);
    CostBreakdown {
        region: price.region.clone(),
        price_date: price.date.clone(),
        requests: usage.requests,
        billed_ms: usage.billed_ms,
        provisioned_billed_ms: usage.provisioned_billed_ms,
        gb_s,
        provisioned_gb_s,
        provisioned_config_gb_s,
        provisioned_config_s,
        request_usd,
        duration_usd,
        provisioned_duration_usd,
        provisioned_config_usd,
        unconfirmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_table_parses_and_has_sources() {
        let table = price_table();
        assert!(table.iter().any(|p| p.region == "us-east-1"));
        for p in &table {
            assert!(p.source.starts_with("https://"), "{}", p.region);
            for f in &p.unconfirmed {
                assert!(
                    [
                        "request_per_million_usd",
                        "duration_per_gb_s_usd",
                        "provisioned_per_gb_s_usd",
                        "provisioned_duration_per_gb_s_usd",
                        "provisioned_rounding_s"
                    ]
                    .contains(&f.as_str()),
                    "unknown field in unconfirmed: {f}"
                );
            }
        }
    }

    #[test]
    fn us_east_1_matches_the_facts_file() {
        // aws-facts.md 2.6: $0.20 per 1M requests, $0.0000166667 per GB-s (us-east-1, Dec 2020).
        let p = price_for("us-east-1").unwrap();
        assert!((p.request_per_million_usd - 0.20).abs() < 1e-12);
        assert!((p.duration_per_gb_s_usd - 0.000_016_666_7).abs() < 1e-15);
        assert!(!p.is_unconfirmed("request_per_million_usd"));
        assert!(p.is_unconfirmed("provisioned_per_gb_s_usd"));
    }
}
