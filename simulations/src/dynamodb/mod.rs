//! DynamoDB capacity: calculator, capacity planner, partition simulation and scenario presets.
//!
//! The model follows the rules in `shared/reference/aws-facts.md` section 1, each tagged with the
//! AWS documentation page it comes from ([`sources`]). It is split into small layers:
//!
//! - [`units`] holds the two rounding rules everything else rests on (reads in 4 KB steps, writes in
//!   1 KB steps) and [`Units`], a fixed-point count of capacity units in halves, so an eventually
//!   consistent read of 0.5 RCU is exact and sums never drift the way `f64` sums can.
//! - [`size`] turns a size string (`3500`, `1.5KB`) or a typed item (attribute names and values)
//!   into bytes.
//! - [`calculator`] prices one API call (GetItem … TransactWriteItems) in RCU/WCU and RRU/WRU, with
//!   the explanation trail the app shows; [`index`] adds secondary-index write amplification.
//! - [`planner`] turns steady request rates into provisioned capacity and a monthly bill, using the
//!   dated price table in `simulations/data/ddb-prices.toml`.
//! - [`partition`] simulates a provisioned table second by second: partitions, key skew, burst
//!   capacity and adaptive capacity, from a seed.
//! - [`preset`] loads the scenario files `simulations/scenarios/ddb-*.toml`.
//!
//! Everything is a pure function of its inputs: no clock, no global RNG, no terminal.

// AWS names (DynamoDB, GetItem, TransactWriteItems…) are prose in these docs, not code to backtick.
#![allow(clippy::doc_markdown)]

pub mod calculator;
pub mod error;
pub mod index;
pub mod partition;
pub mod planner;
pub mod preset;
pub mod size;
pub mod sources;
pub mod units;

pub use calculator::{
    CalcResult, Consistency, ItemSpec, ItemUnits, Operation, Request, RequestUnits, Target,
    calculate,
};
pub use error::Error;
pub use index::{IndexChange, IndexKind, IndexWrite, IndexWriteUnits};
pub use partition::{
    Dimension, KeyDistribution, PartitionSecond, Phase, SimConfig, SimReport, SimSecond, simulate,
};
pub use planner::{
    CapacityMode, MonthlyCost, Plan, PlanInput, PriceTable, plan, plan_with_prices, prices,
};
pub use preset::{PassCondition, Preset, parse_preset, presets};
pub use size::{AttributeValue, ItemSize, item_size, parse_size};
pub use units::Units;
