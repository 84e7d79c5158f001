//! Where each rule comes from: AWS documentation URLs (English pages; the facts file notes that the
//! machine-translated pages lose on conflicts) and the helper that builds one explanation line.
//!
//! Kept in one place so a trail line, an error message and a code comment cite the same page.

use crate::Explanation;

/// Read/write rounding, BatchGetItem per-item rounding (docs).
pub const READ_WRITE: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html";
/// Query/Scan, Put/Update/Delete, BatchWriteItem and failed-condition costs (docs-2023).
pub const PROVISIONED: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html";
/// Transactions: 2x units, 100 actions, 4 MB (docs-2023).
pub const TRANSACTIONS: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html";
/// GSI reads are eventual; GSI write amplification (docs-2023).
pub const GSI: &str = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html";
/// LSI reads use the table's capacity; the 1 MB Query page (docs).
pub const QUERY: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html";
/// Item size from attribute names and values (docs).
pub const ITEM_SIZE: &str = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html";
/// 400 KB item limit (docs-2023).
pub const QUOTAS: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html";
/// 1 KB = 1024 bytes; table throughput quotas (docs).
pub const LIMITS: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html";
/// BatchGetItem: 100 items, 16 MB response (API reference).
pub const BATCH_GET: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html";
/// BatchWriteItem: 25 items, 16 MB request (API reference).
pub const BATCH_WRITE: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html";
/// Per-partition 3,000 RCU / 1,000 WCU; adaptive-capacity example (docs-2023).
pub const PARTITIONS: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html";
/// Burst (300 s of unused capacity) and adaptive capacity (docs).
pub const BURST_ADAPTIVE: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html";
/// Error names such as `ProvisionedThroughputExceededException` (docs-2023).
pub const ERRORS: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html";
/// Historical initial-partition formula, ceil(RCU/3000 + WCU/1000), from the 2017 developer guide
/// (`GuidelinesForTables.md`, removed in 2018). Not in the current docs: used only as a default.
pub const PARTITION_FORMULA_2017: &str =
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GuidelinesForTables.html";
/// On-demand pricing shape: price per million request units (pricing).
pub const PRICING_ON_DEMAND: &str = "https://aws.amazon.com/dynamodb/pricing/on-demand/";
/// Provisioned pricing shape: hourly price per RCU/WCU (pricing).
pub const PRICING_PROVISIONED: &str = "https://aws.amazon.com/dynamodb/pricing/provisioned/";

/// Builds one explanation line.
pub(crate) fn line(rule: &str, ko: String, en: String, source: &str) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: Some(source.to_owned()),
    }
}
