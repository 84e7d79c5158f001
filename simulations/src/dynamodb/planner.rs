//! Capacity planner: steady reads/s and writes/s → provisioned RCU/WCU, and a monthly bill for
//! provisioned vs on-demand.
//!
//! The per-request cost comes from the [calculator](super::calculator) (same rounding), so the
//! planner is "units per request × requests per second", rounded up to whole units because
//! provisioned capacity is set in whole units (minimum 1 each,
//! <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html>).
//!
//! Prices are data, not code: `simulations/data/ddb-prices.toml` records the region, currency, the
//! date the prices were written down, the source and whether each figure is confirmed; the date and
//! the "unconfirmed" flag appear in the trail. Provisioned cost assumes the capacity is reserved all
//! month (you pay for it used or not); on-demand cost assumes the given rates all month.

use serde::{Deserialize, Serialize};

use super::calculator::{Consistency, Operation, Request, calculate};
use super::error::{Error, invalid};
use super::sources::{self, line};
use super::units::{Units, show_bytes};
use crate::Explanation;

/// Newest price-table format this build reads.
pub const PRICES_FORMAT_VERSION: u32 = 1;
/// Default per-table throughput quota for provisioned tables (RCU and WCU each).
pub const TABLE_QUOTA_UNITS: u64 = 40_000;
const PRICES_FILE: &str = "ddb-prices.toml";
const PRICES_TOML: &str = include_str!("../../data/ddb-prices.toml");

/// Steady workload to plan for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PlanInput {
    /// Reads per second.
    pub reads_per_second: u64,
    /// Size of each item read, in bytes.
    pub read_item_bytes: u64,
    /// Read consistency (default eventual).
    #[serde(default)]
    pub read_consistency: Option<Consistency>,
    /// Writes per second.
    pub writes_per_second: u64,
    /// Size of each item written, in bytes.
    pub write_item_bytes: u64,
    /// Whether the writes are transactional (2x).
    #[serde(default)]
    pub transactional_writes: bool,
}

/// Provisioned hourly prices.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProvisionedPrices {
    /// Page the figures belong to.
    pub source: String,
    /// Price of one RCU for one hour.
    pub per_rcu_hour: f64,
    /// Price of one WCU for one hour.
    pub per_wcu_hour: f64,
    /// The figures could not be checked against AWS.
    pub unconfirmed: bool,
    /// Where the figures came from.
    pub note: String,
}

/// On-demand prices per million request units.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OnDemandPrices {
    /// Page the figures belong to.
    pub source: String,
    /// Price of one million read request units.
    pub per_million_rru: f64,
    /// Price of one million write request units.
    pub per_million_wru: f64,
    /// The figures could not be checked against AWS.
    pub unconfirmed: bool,
    /// Where the figures came from.
    pub note: String,
}

/// A dated price table (`simulations/data/ddb-prices.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceTable {
    /// File format version; newer files are refused.
    pub format_version: u32,
    /// AWS Region the prices are for.
    pub region: String,
    /// Currency code, e.g. `USD`.
    pub currency: String,
    /// Date (YYYY-MM-DD) the prices were written into the file.
    pub taken_on: String,
    /// Date (YYYY-MM-DD) the prices took effect, as far as known.
    pub effective_from: String,
    /// Pricing overview page.
    pub source: String,
    /// Hours in a billing month (AWS uses 730).
    pub hours_per_month: u32,
    /// Provisioned-mode prices.
    pub provisioned: ProvisionedPrices,
    /// On-demand-mode prices.
    pub on_demand: OnDemandPrices,
}

/// The embedded price table.
pub fn prices() -> Result<PriceTable, Error> {
    let bad = |message: String| Error::Prices {
        file: PRICES_FILE.to_owned(),
        message,
    };
    let table: PriceTable = toml::from_str(PRICES_TOML).map_err(|e| bad(e.to_string()))?;
    if table.format_version > PRICES_FORMAT_VERSION {
        return Err(Error::Newer(crate::challenge::NewerFormat {
            file: PRICES_FILE.to_owned(),
            found: table.format_version,
            supported: PRICES_FORMAT_VERSION,
        }));
    }
    let all = [
        table.provisioned.per_rcu_hour,
        table.provisioned.per_wcu_hour,
        table.on_demand.per_million_rru,
        table.on_demand.per_million_wru,
    ];
    if all.iter().any(|p| !p.is_finite() || *p < 0.0) || table.hours_per_month == 0 {
        return Err(bad(
            "prices must be finite and not negative, hours_per_month above 0".into(),
        ));
    }
    Ok(table)
}

/// Billing mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CapacityMode {
    /// Provisioned capacity (hourly per RCU/WCU).
    Provisioned,
    /// On-demand (per request unit).
    OnDemand,
}

/// Monthly cost in both modes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthlyCost {
    /// Currency code.
    pub currency: String,
    /// Provisioned mode: the planned RCU/WCU reserved all month.
    pub provisioned: f64,
    /// On-demand mode: the request units of a month at the given rates.
    pub on_demand: f64,
    /// The cheaper mode for this steady workload.
    pub cheaper: CapacityMode,
}

/// A capacity plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// Provisioned read capacity needed.
    pub rcu: u64,
    /// Provisioned write capacity needed.
    pub wcu: u64,
    /// Read units per read request.
    pub read_units_per_read: Units,
    /// Write units per write request.
    pub write_units_per_write: Units,
    /// Read request units in a month (on-demand).
    pub rru_per_month: f64,
    /// Write request units in a month (on-demand).
    pub wru_per_month: f64,
    /// Monthly cost in both modes.
    pub monthly: MonthlyCost,
    /// Date the prices were taken (shown with any cost).
    pub prices_taken_on: String,
    /// The trail.
    pub explanation: Vec<Explanation>,
}

/// Plans with the embedded price table.
pub fn plan(input: &PlanInput) -> Result<Plan, Error> {
    plan_with_prices(input, &prices()?)
}

/// Plans with a given price table.
pub fn plan_with_prices(input: &PlanInput, prices: &PriceTable) -> Result<Plan, Error> {
    let consistency = input.read_consistency.unwrap_or(Consistency::Eventual);
    let read_op = if consistency == Consistency::Transactional {
        Operation::TransactGet
    } else {
        Operation::Get
    };
    let read =
        calculate(&Request::new(read_op, &[input.read_item_bytes]).with_consistency(consistency))?;
    let write_op = if input.transactional_writes {
        Operation::TransactWrite
    } else {
        Operation::Put
    };
    let write = calculate(&Request::new(write_op, &[input.write_item_bytes]))?;
    let per_read = read.read_units;
    let per_write = write.write_units;
    // Halves × rate, rounded up to whole units once (not per request).
    let need = |per: Units, rate: u64| {
        per.halves()
            .checked_mul(rate)
            .map(|h| h.div_ceil(2))
            .ok_or_else(|| invalid("rate", "too large"))
    };
    let rcu_exact = need(per_read, input.reads_per_second)?;
    let wcu_exact = need(per_write, input.writes_per_second)?;
    // Provisioned tables need at least 1 RCU and 1 WCU.
    let rcu = rcu_exact.max(1);
    let wcu = wcu_exact.max(1);

    let mut trail = vec![
        line(
            "ddb.plan.rcu",
            format!(
                "읽기 {}/초 × 요청당 {per_read} RCU ({}) = {rcu_exact} RCU가 필요해요.",
                input.reads_per_second,
                show_bytes(input.read_item_bytes)
            ),
            format!(
                "{} reads/s × {per_read} RCU each ({}) = {rcu_exact} RCU.",
                input.reads_per_second,
                show_bytes(input.read_item_bytes)
            ),
            sources::READ_WRITE,
        ),
        line(
            "ddb.plan.wcu",
            format!(
                "쓰기 {}/초 × 요청당 {per_write} WCU ({}) = {wcu_exact} WCU가 필요해요.",
                input.writes_per_second,
                show_bytes(input.write_item_bytes)
            ),
            format!(
                "{} writes/s × {per_write} WCU each ({}) = {wcu_exact} WCU.",
                input.writes_per_second,
                show_bytes(input.write_item_bytes)
            ),
            sources::PROVISIONED,
        ),
    ];
    if rcu != rcu_exact || wcu != wcu_exact {
        trail.push(line(
            "ddb.plan.minimum",
            "프로비저닝 테이블은 최소 1 RCU, 1 WCU예요.".to_owned(),
            "A provisioned table has at least 1 RCU and 1 WCU.".to_owned(),
            sources::LIMITS,
        ));
    }
    if rcu > TABLE_QUOTA_UNITS || wcu > TABLE_QUOTA_UNITS {
        trail.push(line(
            "ddb.plan.table-quota",
            "기본 테이블 할당량(40,000 RCU / 40,000 WCU)을 넘어요. 할당량 증가를 요청해야 해요.".to_owned(),
            "This is over the default table quota (40,000 RCU / 40,000 WCU); request a quota increase."
                .to_owned(),
            sources::LIMITS,
        ));
    }

    let hours = f64::from(prices.hours_per_month);
    let seconds = hours * 3600.0;
    let provisioned = (rcu as f64 * prices.provisioned.per_rcu_hour
        + wcu as f64 * prices.provisioned.per_wcu_hour)
        * hours;
    let rru = input.reads_per_second as f64 * per_read.as_f64() * seconds;
    let wru = input.writes_per_second as f64 * per_write.as_f64() * seconds;
    let on_demand =
        rru / 1e6 * prices.on_demand.per_million_rru + wru / 1e6 * prices.on_demand.per_million_wru;
    let cheaper = if provisioned <= on_demand {
        CapacityMode::Provisioned
    } else {
        CapacityMode::OnDemand
    };
    let cur = &prices.currency;
    let flag = |u: bool| if u { " UNCONFIRMED" } else { "" };
    trail.push(line(
        "ddb.plan.cost-provisioned",
        format!(
            "프로비저닝: ({rcu} RCU × {} + {wcu} WCU × {}) × {hours}시간 = {provisioned:.2} {cur}/월이에요. 쓰든 안 쓰든 내요. ({} 가격, {} 기준{})",
            prices.provisioned.per_rcu_hour,
            prices.provisioned.per_wcu_hour,
            prices.region,
            prices.taken_on,
            flag(prices.provisioned.unconfirmed)
        ),
        format!(
            "Provisioned: ({rcu} RCU × {} + {wcu} WCU × {}) × {hours} h = {provisioned:.2} {cur}/month, paid whether used or not ({} prices as of {}{}).",
            prices.provisioned.per_rcu_hour,
            prices.provisioned.per_wcu_hour,
            prices.region,
            prices.taken_on,
            flag(prices.provisioned.unconfirmed)
        ),
        &prices.provisioned.source,
    ));
    trail.push(line(
        "ddb.plan.cost-on-demand",
        format!(
            "온디맨드: 한 달 {rru:.0} RRU, {wru:.0} WRU라서 {on_demand:.2} {cur}/월이에요. ({} 가격, {} 기준{})",
            prices.region,
            prices.taken_on,
            flag(prices.on_demand.unconfirmed)
        ),
        format!(
            "On-demand: {rru:.0} RRU and {wru:.0} WRU a month = {on_demand:.2} {cur}/month ({} prices as of {}{}).",
            prices.region,
            prices.taken_on,
            flag(prices.on_demand.unconfirmed)
        ),
        &prices.on_demand.source,
    ));
    let (ko, en) = match cheaper {
        CapacityMode::Provisioned => (
            "이렇게 꾸준한 부하라면 프로비저닝이 더 싸요.",
            "For this steady load, provisioned is cheaper.",
        ),
        CapacityMode::OnDemand => (
            "이 부하라면 온디맨드가 더 싸요.",
            "For this load, on-demand is cheaper.",
        ),
    };
    trail.push(line(
        "ddb.plan.cheaper",
        ko.to_owned(),
        en.to_owned(),
        &prices.source,
    ));

    Ok(Plan {
        rcu,
        wcu,
        read_units_per_read: per_read,
        write_units_per_write: per_write,
        rru_per_month: rru,
        wru_per_month: wru,
        monthly: MonthlyCost {
            currency: prices.currency.clone(),
            provisioned,
            on_demand,
            cheaper,
        },
        prices_taken_on: prices.taken_on.clone(),
        explanation: trail,
    })
}
