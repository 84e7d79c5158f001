//! The capacity calculator: what one API call costs in RCU/WCU (provisioned) and RRU/WRU (on-demand).
//!
//! A [`Request`] names the operation, the read consistency and the sizes of the items involved; the
//! rules are those of the facts file section 1.2:
//!
//! - GetItem: the item rounded up to 4 KB; a missing item still costs one unit.
//! - BatchGetItem and TransactGetItems: every item rounded **separately**, then summed.
//! - Query: the **sum** of the returned items rounded once. Scan: the same on the items
//!   **evaluated** (before any filter), so the caller passes every item the scan reads.
//! - Eventually consistent = half, transactional = double.
//! - PutItem / UpdateItem: the larger of the old and new item, rounded up to 1 KB; DeleteItem: the
//!   deleted item. BatchWriteItem and TransactWriteItems round per item; transactions double.
//! - A failed conditional write still costs: the new item's size if an item existed, else 1 WCU.
//!
//! On-demand request units use the same rounding, so `request_units` equals the provisioned figure
//! except that GSI writes (their own provisioned capacity) are added in. Amounts are [`Units`] so
//! halves stay exact.

use serde::{Deserialize, Serialize};

use super::error::Error;
use super::index::{IndexKind, IndexWrite, IndexWriteUnits, index_writes};
use super::size::parse_size;
use super::sources::{self, line};
use super::units::{
    KB, MAX_ITEM_BYTES, READ_UNIT_BYTES, Units, WRITE_UNIT_BYTES, read_blocks, round_up,
    show_bytes, write_blocks,
};
use crate::Explanation;

/// Largest number of items in one BatchGetItem.
pub const MAX_BATCH_GET_ITEMS: usize = 100;
/// Largest number of put/delete requests in one BatchWriteItem.
pub const MAX_BATCH_WRITE_ITEMS: usize = 25;
/// Largest number of actions in one transaction.
pub const MAX_TRANSACT_ITEMS: usize = 100;
/// Largest BatchGetItem response / BatchWriteItem request: 16 MB.
pub const MAX_BATCH_BYTES: u64 = 16 * KB * KB;
/// Largest transaction: 4 MB aggregate.
pub const MAX_TRANSACTION_BYTES: u64 = 4 * KB * KB;
/// Largest Query or Scan page: 1 MB.
pub const MAX_PAGE_BYTES: u64 = KB * KB;

/// A DynamoDB data-plane operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Operation {
    /// GetItem.
    Get,
    /// BatchGetItem.
    BatchGet,
    /// Query.
    Query,
    /// Scan.
    Scan,
    /// PutItem.
    Put,
    /// UpdateItem.
    Update,
    /// DeleteItem.
    Delete,
    /// BatchWriteItem.
    BatchWrite,
    /// TransactGetItems.
    TransactGet,
    /// TransactWriteItems.
    TransactWrite,
}

impl Operation {
    /// Whether the operation reads (consumes RCU/RRU).
    pub const fn is_read(self) -> bool {
        matches!(
            self,
            Operation::Get
                | Operation::BatchGet
                | Operation::Query
                | Operation::Scan
                | Operation::TransactGet
        )
    }

    /// The AWS API name, e.g. `BatchGetItem`.
    pub const fn api_name(self) -> &'static str {
        match self {
            Operation::Get => "GetItem",
            Operation::BatchGet => "BatchGetItem",
            Operation::Query => "Query",
            Operation::Scan => "Scan",
            Operation::Put => "PutItem",
            Operation::Update => "UpdateItem",
            Operation::Delete => "DeleteItem",
            Operation::BatchWrite => "BatchWriteItem",
            Operation::TransactGet => "TransactGetItems",
            Operation::TransactWrite => "TransactWriteItems",
        }
    }
}

/// Read consistency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Consistency {
    /// Strongly consistent: 1 unit per 4 KB.
    Strong,
    /// Eventually consistent (the default): half a unit per 4 KB.
    Eventual,
    /// Transactional: 2 units per 4 KB.
    Transactional,
}

impl Consistency {
    /// Units for `blocks` started 4 KB blocks read with this consistency.
    pub const fn units(self, blocks: u64) -> Units {
        match self {
            Consistency::Strong => Units::whole(blocks),
            Consistency::Eventual => Units::from_halves(blocks),
            Consistency::Transactional => Units::whole(blocks * 2),
        }
    }

    const fn name(self) -> &'static str {
        match self {
            Consistency::Strong => "strong",
            Consistency::Eventual => "eventual",
            Consistency::Transactional => "transactional",
        }
    }
}

/// What a read goes to: the base table or a secondary index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Target {
    /// The base table.
    #[default]
    Table,
    /// A global secondary index: eventually consistent only, its own read capacity.
    Gsi,
    /// A local secondary index: uses the base table's read capacity.
    Lsi,
}

/// One item in a request: its size, and for writes the size of the item it replaces.
///
/// In TOML/JSON an item is a number of bytes (`3500`), a size string (`"1.5KB"`), or a table
/// `{ size = "2KB", before = "3KB" }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ItemRepr")]
pub struct ItemSpec {
    /// Bytes read, written (the new image), or deleted. For reads, 0 means "no such item".
    pub size: u64,
    /// Put/update: size of the existing item (the before image), if there was one.
    pub before: Option<u64>,
}

impl ItemSpec {
    /// An item of `size` bytes with no previous version.
    pub const fn bytes(size: u64) -> Self {
        ItemSpec { size, before: None }
    }

    /// A write of `size` bytes replacing an item of `before` bytes.
    pub const fn replacing(size: u64, before: u64) -> Self {
        ItemSpec {
            size,
            before: Some(before),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SizeRepr {
    Bytes(u64),
    Text(String),
}

impl SizeRepr {
    fn bytes(self) -> Result<u64, Error> {
        match self {
            SizeRepr::Bytes(b) => Ok(b),
            SizeRepr::Text(t) => parse_size(&t),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ItemRepr {
    Size(SizeRepr),
    Full {
        size: SizeRepr,
        #[serde(default)]
        before: Option<SizeRepr>,
    },
}

impl TryFrom<ItemRepr> for ItemSpec {
    type Error = Error;
    fn try_from(repr: ItemRepr) -> Result<Self, Error> {
        match repr {
            ItemRepr::Size(s) => Ok(ItemSpec::bytes(s.bytes()?)),
            ItemRepr::Full { size, before } => Ok(ItemSpec {
                size: size.bytes()?,
                before: before.map(SizeRepr::bytes).transpose()?,
            }),
        }
    }
}

/// One API call to price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Request {
    /// The operation.
    pub operation: Operation,
    /// Read consistency; reads default to eventual (transact-get to transactional); writes take none.
    #[serde(default)]
    pub consistency: Option<Consistency>,
    /// For Query/Scan: the table or an index.
    #[serde(default)]
    pub target: Target,
    /// The items: one for get/put/update/delete, each item for batches and transactions, the items
    /// returned by a Query, the items evaluated (before filters) by a Scan.
    pub items: Vec<ItemSpec>,
    /// A single-item write whose condition expression evaluated to false.
    #[serde(default)]
    pub condition_failed: bool,
    /// Secondary indexes the write touches.
    #[serde(default)]
    pub indexes: Vec<IndexWrite>,
}

impl Request {
    /// A request for `operation` on items of the given sizes, with default options.
    pub fn new(operation: Operation, sizes: &[u64]) -> Self {
        Request {
            operation,
            consistency: None,
            target: Target::Table,
            items: sizes.iter().copied().map(ItemSpec::bytes).collect(),
            condition_failed: false,
            indexes: Vec::new(),
        }
    }

    /// The same request with a read consistency.
    #[must_use]
    pub fn with_consistency(mut self, consistency: Consistency) -> Self {
        self.consistency = Some(consistency);
        self
    }
}

/// Units charged for one item (or, for Query/Scan, for the one aggregated read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemUnits {
    /// Bytes the rule counts (for updates and overwrites: the larger image; for Query/Scan: the sum).
    pub bytes: u64,
    /// Those bytes rounded up to the 4 KB (read) or 1 KB (write) step.
    pub billed_bytes: u64,
    /// Units for this item, consistency or transaction factor included.
    pub units: Units,
}

/// On-demand request units for the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RequestUnits {
    /// Read request units (RRU).
    pub read: Units,
    /// Write request units (WRU), GSI writes included.
    pub write: Units,
}

/// What a call costs, with the trail that explains it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalcResult {
    /// The operation priced.
    pub operation: Operation,
    /// The consistency applied (reads only).
    pub consistency: Option<Consistency>,
    /// Where the read capacity comes from (the table, or the GSI for `target = gsi`).
    pub target: Target,
    /// Provisioned read capacity units (RCU); 0 for writes.
    pub read_units: Units,
    /// Provisioned write capacity units on the base table (LSI writes included); 0 for reads.
    pub write_units: Units,
    /// Write capacity units consumed on GSIs (each GSI has its own capacity).
    pub gsi_write_units: Units,
    /// On-demand request units (same rounding; GSI writes included).
    pub request_units: RequestUnits,
    /// Per-item breakdown (one aggregated entry for Query/Scan).
    pub per_item: Vec<ItemUnits>,
    /// Per-index write breakdown.
    pub index_writes: Vec<IndexWriteUnits>,
    /// The trail: which rule produced which number.
    pub explanation: Vec<Explanation>,
}

fn count_error(operation: Operation, expected: &str, got: usize) -> Error {
    Error::WrongItemCount {
        operation: operation.api_name().to_owned(),
        expected: expected.to_owned(),
        got,
    }
}

/// Checks the item count and the aggregate size limits of `request.operation`.
fn check_limits(request: &Request) -> Result<(), Error> {
    let op = request.operation;
    let n = request.items.len();
    for item in &request.items {
        for bytes in std::iter::once(item.size).chain(item.before) {
            if bytes > MAX_ITEM_BYTES {
                return Err(Error::ItemTooLarge { bytes });
            }
        }
    }
    let total: u64 = request.items.iter().map(|i| i.size).sum();
    match op {
        Operation::Get | Operation::Put | Operation::Update | Operation::Delete if n != 1 => {
            Err(count_error(op, "exactly 1", n))
        }
        Operation::BatchGet
        | Operation::BatchWrite
        | Operation::TransactGet
        | Operation::TransactWrite
            if n == 0 =>
        {
            Err(count_error(op, "at least 1", n))
        }
        Operation::BatchGet if n > MAX_BATCH_GET_ITEMS => {
            Err(Error::TooManyBatchGetItems { count: n })
        }
        Operation::BatchGet if total > MAX_BATCH_BYTES => {
            Err(Error::BatchGetTooLarge { bytes: total })
        }
        Operation::BatchWrite if n > MAX_BATCH_WRITE_ITEMS => {
            Err(Error::TooManyBatchWriteItems { count: n })
        }
        Operation::BatchWrite if total > MAX_BATCH_BYTES => {
            Err(Error::BatchWriteTooLarge { bytes: total })
        }
        Operation::TransactGet | Operation::TransactWrite if n > MAX_TRANSACT_ITEMS => {
            Err(Error::TooManyTransactItems { count: n })
        }
        Operation::TransactGet | Operation::TransactWrite if total > MAX_TRANSACTION_BYTES => {
            Err(Error::TransactionTooLarge { bytes: total })
        }
        Operation::Query | Operation::Scan if total > MAX_PAGE_BYTES => Err(Error::PageTooLarge {
            operation: op.api_name().to_owned(),
            bytes: total,
        }),
        _ => Ok(()),
    }
}

/// Prices one API call.
pub fn calculate(request: &Request) -> Result<CalcResult, Error> {
    check_limits(request)?;
    if request.operation.is_read() {
        calculate_read(request)
    } else {
        calculate_write(request)
    }
}

fn unsupported(op: Operation, c: Consistency, why: &str) -> Error {
    Error::UnsupportedConsistency {
        operation: op.api_name().to_owned(),
        consistency: c.name().to_owned(),
        why: why.to_owned(),
    }
}

/// Picks the consistency for a read and rejects combinations DynamoDB does not offer.
fn read_consistency(request: &Request) -> Result<Consistency, Error> {
    let op = request.operation;
    let chosen = request.consistency;
    if op == Operation::TransactGet {
        return match chosen {
            None | Some(Consistency::Transactional) => Ok(Consistency::Transactional),
            Some(c) => Err(unsupported(
                op,
                c,
                ": every TransactGetItems read is transactional",
            )),
        };
    }
    match chosen {
        Some(Consistency::Transactional) => Err(unsupported(
            op,
            Consistency::Transactional,
            ": transactional reads are TransactGetItems (transact-get)",
        )),
        Some(Consistency::Strong) if request.target == Target::Gsi => Err(unsupported(
            op,
            Consistency::Strong,
            &format!(
                ": global secondary indexes are eventually consistent only (source: {})",
                sources::GSI
            ),
        )),
        // Eventual is the default read consistency
        // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html).
        Some(c) => Ok(c),
        None => Ok(Consistency::Eventual),
    }
}

fn consistency_line(c: Consistency, strong: u64, units: Units) -> Explanation {
    match c {
        Consistency::Strong => line(
            "ddb.read.strong-4kb",
            format!("강력한 일관성 읽기는 4 KB당 1 RCU라서 {strong} RCU예요."),
            format!("A strongly consistent read costs 1 RCU per 4 KB: {strong} RCU."),
            sources::READ_WRITE,
        ),
        Consistency::Eventual => line(
            "ddb.read.eventual-half",
            format!("최종 일관성 읽기는 절반이라 {strong} × 0.5 = {units} RCU예요."),
            format!("An eventually consistent read costs half: {strong} × 0.5 = {units} RCU."),
            sources::READ_WRITE,
        ),
        Consistency::Transactional => line(
            "ddb.read.transactional-double",
            format!("트랜잭션 읽기는 두 배라서 {strong} × 2 = {units} RCU예요."),
            format!("A transactional read costs double: {strong} × 2 = {units} RCU."),
            sources::TRANSACTIONS,
        ),
    }
}

fn calculate_read(request: &Request) -> Result<CalcResult, Error> {
    let op = request.operation;
    if !request.indexes.is_empty() {
        return Err(Error::IndexChangesOnRead {
            operation: op.api_name().to_owned(),
        });
    }
    if request.condition_failed {
        return Err(super::error::invalid(
            "condition-failed",
            "only writes have condition expressions that can fail",
        ));
    }
    if request.target != Target::Table && !matches!(op, Operation::Query | Operation::Scan) {
        return Err(super::error::invalid(
            "target",
            format!(
                "{} reads the base table only; query or scan an index",
                op.api_name()
            ),
        ));
    }
    let consistency = read_consistency(request)?;
    let mut trail = Vec::new();
    let mut per_item = Vec::new();
    let api = op.api_name();
    match op {
        Operation::Query | Operation::Scan => {
            // One rounding on the sum: the items are read as one unit of work
            // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html).
            let total: u64 = request.items.iter().map(|i| i.size).sum();
            let blocks = read_blocks(total);
            let units = consistency.units(blocks);
            let (ko_what, en_what) = if op == Operation::Query {
                ("Query가 돌려준 항목", "the items the Query returns")
            } else {
                (
                    "Scan이 평가한 항목(필터 적용 전)",
                    "the items the Scan evaluates (before filters)",
                )
            };
            trail.push(line(
                if op == Operation::Query { "ddb.read.query-sum" } else { "ddb.read.scan-evaluated" },
                format!(
                    "{ko_what} {}개의 크기를 모두 더하면 {}이고, 한 번만 4 KB 단위로 올려 {}예요.",
                    request.items.len(),
                    show_bytes(total),
                    show_bytes(round_up(total, READ_UNIT_BYTES))
                ),
                format!(
                    "{api}: the sizes of {en_what} ({} items) add up to {}, rounded up to 4 KB once: {}.",
                    request.items.len(),
                    show_bytes(total),
                    show_bytes(round_up(total, READ_UNIT_BYTES))
                ),
                sources::PROVISIONED,
            ));
            if total == 0 {
                trail.push(line(
                    "ddb.read.minimum",
                    "읽은 항목이 없어도 요청마다 최소 1단위(최종 일관성이면 0.5)를 써요."
                        .to_owned(),
                    "Even with nothing read, a request costs at least 1 unit (0.5 if eventual)."
                        .to_owned(),
                    sources::PROVISIONED,
                ));
            }
            if request.target == Target::Gsi {
                trail.push(line(
                    "ddb.read.gsi-eventual",
                    "GSI 읽기는 최종 일관성만 돼요. 용량은 테이블이 아니라 GSI의 읽기 용량에서 빠져요."
                        .to_owned(),
                    "GSI reads are eventually consistent only, and use the index's own read capacity."
                        .to_owned(),
                    sources::GSI,
                ));
            } else if request.target == Target::Lsi {
                trail.push(line(
                    "ddb.read.lsi-table-capacity",
                    "LSI 읽기는 기본 테이블의 읽기 용량을 써요.".to_owned(),
                    "LSI reads use the base table's read capacity.".to_owned(),
                    sources::QUERY,
                ));
            }
            trail.push(consistency_line(consistency, blocks, units));
            per_item.push(ItemUnits {
                bytes: total,
                billed_bytes: round_up(total, READ_UNIT_BYTES),
                units,
            });
        }
        _ => {
            // GetItem, BatchGetItem, TransactGetItems: each item rounded on its own
            // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html).
            if request.items.len() > 1 {
                trail.push(line(
                    "ddb.read.batch-per-item",
                    format!("{api}에서는 항목마다 따로 4 KB 단위로 올린 뒤 더해요."),
                    format!("{api} rounds every item up to 4 KB separately, then adds them."),
                    sources::READ_WRITE,
                ));
            }
            for item in &request.items {
                let blocks = read_blocks(item.size);
                let units = consistency.units(blocks);
                if item.size == 0 {
                    trail.push(line(
                        "ddb.read.missing-item",
                        "없는 항목을 읽어도 1단위(최종 일관성이면 0.5)를 써요.".to_owned(),
                        "Reading an item that does not exist still costs 1 unit (0.5 if eventual)."
                            .to_owned(),
                        sources::PROVISIONED,
                    ));
                } else {
                    trail.push(line(
                        "ddb.read.round-4kb",
                        format!(
                            "항목 {}를 4 KB 단위로 올리면 {}, 즉 {blocks}블록이에요.",
                            show_bytes(item.size),
                            show_bytes(round_up(item.size, READ_UNIT_BYTES))
                        ),
                        format!(
                            "Item of {} rounds up to {}: {blocks} block(s) of 4 KB.",
                            show_bytes(item.size),
                            show_bytes(round_up(item.size, READ_UNIT_BYTES))
                        ),
                        sources::READ_WRITE,
                    ));
                }
                per_item.push(ItemUnits {
                    bytes: item.size,
                    billed_bytes: round_up(item.size, READ_UNIT_BYTES),
                    units,
                });
            }
            let blocks: u64 = request.items.iter().map(|i| read_blocks(i.size)).sum();
            trail.push(consistency_line(
                consistency,
                blocks,
                consistency.units(blocks),
            ));
        }
    }
    let read_units: Units = per_item.iter().map(|p| p.units).sum();
    trail.push(on_demand_line(read_units, Units::ZERO, Units::ZERO));
    Ok(CalcResult {
        operation: op,
        consistency: Some(consistency),
        target: request.target,
        read_units,
        write_units: Units::ZERO,
        gsi_write_units: Units::ZERO,
        request_units: RequestUnits {
            read: read_units,
            write: Units::ZERO,
        },
        per_item,
        index_writes: Vec::new(),
        explanation: trail,
    })
}

fn on_demand_line(read: Units, table_write: Units, gsi_write: Units) -> Explanation {
    let write = table_write + gsi_write;
    line(
        "ddb.units.on-demand",
        format!(
            "온디맨드 모드에서도 반올림 규칙은 같아서 {read} RRU, {write} WRU로 청구돼요 (GSI 쓰기 {gsi_write} 포함)."
        ),
        format!(
            "On-demand uses the same rounding: {read} RRU and {write} WRU (GSI writes {gsi_write} included)."
        ),
        sources::PRICING_ON_DEMAND,
    )
}

/// Bytes a write is charged on, with the rule that picked them.
fn write_bytes(op: Operation, item: ItemSpec, trail: &mut Vec<Explanation>) -> u64 {
    match (op, item.before) {
        (Operation::Delete, _) => {
            trail.push(line(
                "ddb.write.delete",
                format!(
                    "DeleteItem은 지운 항목 크기 {}로 계산해요.",
                    show_bytes(item.size)
                ),
                format!(
                    "DeleteItem is charged on the deleted item: {}.",
                    show_bytes(item.size)
                ),
                sources::PROVISIONED,
            ));
            item.size
        }
        (_, Some(before)) => {
            let bytes = before.max(item.size);
            trail.push(line(
                if op == Operation::Update { "ddb.write.update-larger" } else { "ddb.write.put-overwrite" },
                format!(
                    "이전 항목 {}와 새 항목 {} 중 큰 쪽 {}로 계산해요 (속성 하나만 바꿔도요).",
                    show_bytes(before),
                    show_bytes(item.size),
                    show_bytes(bytes)
                ),
                format!(
                    "The larger of the old item ({}) and the new item ({}) counts: {} (even if one attribute changed).",
                    show_bytes(before),
                    show_bytes(item.size),
                    show_bytes(bytes)
                ),
                sources::PROVISIONED,
            ));
            bytes
        }
        (_, None) => item.size,
    }
}

fn calculate_write(request: &Request) -> Result<CalcResult, Error> {
    let op = request.operation;
    let api = op.api_name();
    if let Some(c) = request.consistency {
        return Err(unsupported(
            op,
            c,
            ": writes have no read consistency (transactional writes are transact-write)",
        ));
    }
    if request.target != Target::Table {
        return Err(super::error::invalid(
            "target",
            "writes go to the base table; describe index effects in `indexes`",
        ));
    }
    if request.condition_failed
        && !matches!(op, Operation::Put | Operation::Update | Operation::Delete)
    {
        return Err(super::error::invalid(
            "condition-failed",
            format!(
                "only PutItem, UpdateItem and DeleteItem are priced as failed conditional writes, not {api}"
            ),
        ));
    }
    if request.items.iter().any(|i| i.size == 0) {
        return Err(Error::ZeroSize {
            what: format!("{api} item"),
        });
    }
    let factor = if op == Operation::TransactWrite { 2 } else { 1 };
    let mut trail = Vec::new();
    let mut per_item = Vec::new();
    if request.items.len() > 1 {
        trail.push(line(
            "ddb.write.batch-per-item",
            format!("{api}에서는 항목마다 따로 1 KB 단위로 올린 뒤 더해요."),
            format!("{api} rounds every item up to 1 KB separately, then adds them."),
            if op == Operation::BatchWrite {
                sources::PROVISIONED
            } else {
                sources::TRANSACTIONS
            },
        ));
    }
    for item in &request.items {
        let (bytes, blocks) = if request.condition_failed {
            // A failed condition still consumes: the new item's size if an item existed, else 1 WCU
            // (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html).
            let (bytes, blocks) = if item.before.is_some() || op == Operation::Delete {
                (item.size, write_blocks(item.size))
            } else {
                (0, 1)
            };
            trail.push(line(
                "ddb.write.condition-failed",
                format!("조건부 쓰기가 실패해도 용량을 써요: {blocks} WCU예요."),
                format!("A failed conditional write still consumes capacity: {blocks} WCU."),
                sources::PROVISIONED,
            ));
            (bytes, blocks)
        } else {
            let bytes = write_bytes(op, *item, &mut trail);
            (bytes, write_blocks(bytes))
        };
        trail.push(line(
            "ddb.write.round-1kb",
            format!(
                "{}를 1 KB 단위로 올리면 {}, 즉 {blocks} WCU예요.",
                show_bytes(bytes),
                show_bytes(round_up(bytes, WRITE_UNIT_BYTES))
            ),
            format!(
                "{} rounds up to {}: {blocks} WCU.",
                show_bytes(bytes),
                show_bytes(round_up(bytes, WRITE_UNIT_BYTES))
            ),
            sources::PROVISIONED,
        ));
        per_item.push(ItemUnits {
            bytes,
            billed_bytes: round_up(bytes, WRITE_UNIT_BYTES),
            units: Units::whole(blocks * factor),
        });
    }
    let base: Units = per_item.iter().map(|p| p.units).sum();
    if factor == 2 {
        let standard = Units::from_halves(base.halves() / 2);
        trail.push(line(
            "ddb.write.transactional-double",
            format!(
                "트랜잭션 쓰기는 준비와 커밋으로 두 번 쓰니까 {standard} × 2 = {base} WCU예요."
            ),
            format!(
                "Transactional writes happen twice (prepare + commit): {standard} × 2 = {base} WCU."
            ),
            sources::TRANSACTIONS,
        ));
    }
    let mut index_units = Vec::new();
    if request.condition_failed && !request.indexes.is_empty() {
        trail.push(line(
            "ddb.index.none-on-failure",
            "조건이 실패하면 아무것도 쓰지 않으니 인덱스 쓰기는 없어요.".to_owned(),
            "A failed condition writes nothing, so no index is written.".to_owned(),
            sources::GSI,
        ));
    } else {
        for index in &request.indexes {
            index_units.push(index_writes(index, &mut trail)?);
        }
    }
    let lsi: Units = index_units
        .iter()
        .filter(|i| i.kind == IndexKind::Lsi)
        .map(|i| i.units)
        .sum();
    let gsi: Units = index_units
        .iter()
        .filter(|i| i.kind == IndexKind::Gsi)
        .map(|i| i.units)
        .sum();
    let write_units = base + lsi;
    trail.push(on_demand_line(Units::ZERO, write_units, gsi));
    Ok(CalcResult {
        operation: op,
        consistency: None,
        target: Target::Table,
        read_units: Units::ZERO,
        write_units,
        gsi_write_units: gsi,
        request_units: RequestUnits {
            read: Units::ZERO,
            write: write_units + gsi,
        },
        per_item,
        index_writes: index_units,
        explanation: trail,
    })
}
