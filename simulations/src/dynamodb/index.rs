//! Secondary-index write amplification.
//!
//! A table write also writes every index whose entry it creates, moves or removes
//! (<https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html>): adding an item (or
//! the indexed attribute) is 1 index write, changing the index key A → B is 2 (delete the old entry,
//! put the new one), removing the attribute is 1 (delete), changing only projected attributes is 1,
//! and an item in the index neither before nor after costs nothing. Each index write is rounded to
//! 1 KB of **index entry** size; the caller gives the projected entry sizes, because the facts file
//! gives no rule for computing them.
//!
//! GSI writes consume the GSI's own capacity; LSI writes consume the base table's. The facts file
//! states the amplification rules for GSIs only; we apply the same rules to LSIs. AWS's cost script
//! says transactions double the base-table write only, so index writes stay 1x here.

use serde::{Deserialize, Serialize};

use super::error::Error;
use super::sources::{self, line};
use super::units::{MAX_ITEM_BYTES, Units, show_bytes, write_blocks};
use crate::Explanation;

/// Kind of secondary index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndexKind {
    /// Global secondary index: own throughput.
    Gsi,
    /// Local secondary index: shares the base table's throughput.
    Lsi,
}

/// What a table write does to one index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndexChange {
    /// The item enters the index (new item, or the indexed attribute is added): 1 write.
    Insert,
    /// The index key changes A → B: 2 writes (delete old entry + put new entry).
    KeyChange,
    /// The item leaves the index (item deleted, or indexed attribute removed): 1 write.
    Remove,
    /// Only projected non-key attributes change: 1 write.
    ProjectedUpdate,
    /// The item is not in the index before or after: no write.
    None,
}

/// One index affected by a table write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct IndexWrite {
    /// Index name, for the trail.
    pub name: String,
    /// GSI or LSI.
    pub kind: IndexKind,
    /// What happens to the entry.
    pub change: IndexChange,
    /// Projected index entry size after the write, in bytes (for `remove`: the entry removed).
    pub entry_size: u64,
    /// Entry size before the write, if different (used by `key-change`, `remove` and
    /// `projected-update`); defaults to `entry_size`.
    #[serde(default)]
    pub old_entry_size: Option<u64>,
}

/// Capacity one index write costs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexWriteUnits {
    /// Index name.
    pub name: String,
    /// GSI or LSI.
    pub kind: IndexKind,
    /// Number of index writes (0, 1 or 2).
    pub writes: u32,
    /// Write units consumed on the index (GSI) or on the table (LSI).
    pub units: Units,
}

/// Prices the index writes caused by one table write, appending to the trail.
pub(crate) fn index_writes(
    write: &IndexWrite,
    trail: &mut Vec<Explanation>,
) -> Result<IndexWriteUnits, Error> {
    let new = write.entry_size;
    let old = write.old_entry_size.unwrap_or(new);
    for bytes in [new, old] {
        if bytes > MAX_ITEM_BYTES {
            return Err(Error::ItemTooLarge { bytes });
        }
    }
    let blocks = |b: u64| Units::whole(write_blocks(b));
    let (writes, units, ko, en) = match write.change {
        IndexChange::Insert => (
            1,
            blocks(new),
            "항목이 새로 들어가서 쓰기 1번",
            "entry added: 1 write",
        ),
        IndexChange::KeyChange => (
            2,
            blocks(old) + blocks(new),
            "인덱스 키가 바뀌어서 삭제 + 추가, 쓰기 2번",
            "index key changed: delete + put, 2 writes",
        ),
        IndexChange::Remove => (
            1,
            blocks(old),
            "항목이 빠져서 삭제 쓰기 1번",
            "entry removed: 1 write",
        ),
        IndexChange::ProjectedUpdate => (
            1,
            blocks(old.max(new)),
            "프로젝션된 속성만 바뀌어서 쓰기 1번",
            "projected attributes changed: 1 write",
        ),
        IndexChange::None => (
            0,
            Units::ZERO,
            "인덱스에 없는 항목이라 쓰기 0번",
            "not in the index: 0 writes",
        ),
    };
    let (capacity_ko, capacity_en) = match write.kind {
        IndexKind::Gsi => ("GSI 자체 용량", "the GSI's own capacity"),
        IndexKind::Lsi => ("기본 테이블 용량", "the base table's capacity"),
    };
    trail.push(line(
        "ddb.index.write",
        format!(
            "인덱스 `{}`: {ko}, 항목 크기 {}를 1 KB 단위로 올려 {units} WCU예요. {capacity_ko}에서 빠져요.",
            write.name,
            show_bytes(new)
        ),
        format!(
            "Index `{}`: {en}, entry {} rounded to 1 KB = {units} WCU, charged to {capacity_en}.",
            write.name,
            show_bytes(new)
        ),
        sources::GSI,
    ));
    Ok(IndexWriteUnits {
        name: write.name.clone(),
        kind: write.kind,
        writes,
        units,
    })
}
