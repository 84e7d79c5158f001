//! Capacity units and the two rounding rules.
//!
//! Reads are charged per started 4 KB, writes per started 1 KB, with 1 KB = 1024 bytes
//! (<https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html>). An eventually
//! consistent read costs half a unit, so amounts are stored as a whole number of **halves**
//! ([`Units`]): every rule in the facts file is then integer arithmetic, and only serialisation turns
//! the value into a JSON number such as `0.5`.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Mul};

use serde::{Serialize, Serializer};

/// 1 KB in bytes: DynamoDB's size units are binary.
pub const KB: u64 = 1024;
/// Bytes covered by one read unit (strongly consistent).
pub const READ_UNIT_BYTES: u64 = 4 * KB;
/// Bytes covered by one write unit.
pub const WRITE_UNIT_BYTES: u64 = KB;
/// Largest item: 400 KB including attribute names
/// (<https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html>).
pub const MAX_ITEM_BYTES: u64 = 400 * KB;

/// An amount of capacity (RCU, WCU, RRU or WRU), exact to half a unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Units {
    halves: u64,
}

impl Units {
    /// No capacity.
    pub const ZERO: Units = Units { halves: 0 };

    /// `n` whole units.
    pub const fn whole(n: u64) -> Self {
        Units { halves: n * 2 }
    }

    /// `n` half units (`from_halves(1)` is 0.5).
    pub const fn from_halves(n: u64) -> Self {
        Units { halves: n }
    }

    /// The amount in half units.
    pub const fn halves(self) -> u64 {
        self.halves
    }

    /// The amount as a float (exact: halves fit in an `f64` mantissa for any realistic value).
    pub fn as_f64(self) -> f64 {
        self.halves as f64 / 2.0
    }

    /// Rounded up to a whole unit: provisioned capacity is set in whole units.
    pub const fn ceil_whole(self) -> u64 {
        self.halves.div_ceil(2)
    }
}

impl Add for Units {
    type Output = Units;
    fn add(self, rhs: Units) -> Units {
        Units {
            halves: self.halves + rhs.halves,
        }
    }
}

impl AddAssign for Units {
    fn add_assign(&mut self, rhs: Units) {
        self.halves += rhs.halves;
    }
}

impl Mul<u64> for Units {
    type Output = Units;
    fn mul(self, rhs: u64) -> Units {
        Units {
            halves: self.halves * rhs,
        }
    }
}

impl Sum for Units {
    fn sum<I: Iterator<Item = Units>>(iter: I) -> Units {
        iter.fold(Units::ZERO, Add::add)
    }
}

impl fmt::Display for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.halves.is_multiple_of(2) {
            write!(f, "{}", self.halves / 2)
        } else {
            write!(f, "{}.5", self.halves / 2)
        }
    }
}

impl Serialize for Units {
    /// A plain JSON number: `3` or `0.5`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.halves.is_multiple_of(2) {
            serializer.serialize_u64(self.halves / 2)
        } else {
            serializer.serialize_f64(self.as_f64())
        }
    }
}

/// Started 4 KB blocks in `bytes`: the strongly consistent read units. Zero bytes (an item that
/// does not exist) still costs one unit
/// (<https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ProvisionedThroughput.html>).
pub const fn read_blocks(bytes: u64) -> u64 {
    let blocks = bytes.div_ceil(READ_UNIT_BYTES);
    if blocks == 0 { 1 } else { blocks }
}

/// Started 1 KB blocks in `bytes`: the standard write units, at least one.
pub const fn write_blocks(bytes: u64) -> u64 {
    let blocks = bytes.div_ceil(WRITE_UNIT_BYTES);
    if blocks == 0 { 1 } else { blocks }
}

/// `bytes` rounded up to the block size, for the trail ("3,500 B → 4 KB").
pub const fn round_up(bytes: u64, block: u64) -> u64 {
    let blocks = bytes.div_ceil(block);
    if blocks == 0 { block } else { blocks * block }
}

/// Formats a byte count the way the trail shows it: whole KB as `12 KB`, otherwise bytes.
pub fn show_bytes(bytes: u64) -> String {
    if bytes >= KB && bytes.is_multiple_of(KB) {
        format!("{} KB", bytes / KB)
    } else {
        format!("{bytes} B")
    }
}
