//! Sizes: parsing `3500` / `4KB` / `1.5KB`, and computing an item's size from its attributes.
//!
//! An item's size is the sum of its attribute names (UTF-8 bytes) and values, using the rules on
//! <https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html>:
//! strings count UTF-8 bytes (a Hangul syllable is 3 bytes, which matters for Korean sample data),
//! numbers about 1 byte per two significant digits plus 1, binary its raw bytes, null and booleans
//! 1 byte, lists and maps 3 bytes plus 1 byte per element plus the elements. The page says nothing
//! about sets; we count a set as the sum of its elements with no overhead (an inference, flagged in
//! the trail).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::error::Error;
use super::sources::{self, line};
use super::units::{KB, MAX_ITEM_BYTES, show_bytes};
use crate::Explanation;

/// Parses a size: plain bytes (`3500`) or KB with an optional fraction (`4KB`, `1.5 kb`);
/// 1 KB = 1024 bytes, and a fractional byte is rounded up.
pub fn parse_size(input: &str) -> Result<u64, Error> {
    let bad = || Error::InvalidSize {
        input: input.to_owned(),
    };
    let text = input.trim();
    let lower = text.to_ascii_lowercase();
    let (number, multiplier) = if let Some(n) = lower.strip_suffix("kb") {
        (n.trim_end(), KB)
    } else if let Some(n) = lower.strip_suffix('b') {
        (n.trim_end(), 1)
    } else {
        (lower.as_str(), 1)
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let digits_only = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits_only(whole) || !digits_only(fraction) {
        return Err(bad());
    }
    // Bytes are whole: a fraction is only meaningful with a KB suffix, and at most 9 digits of it
    // keep the integer arithmetic below exact.
    if (multiplier == 1 && number.contains('.')) || fraction.len() > 9 {
        return Err(bad());
    }
    let whole: u64 = whole.parse().map_err(|_| bad())?;
    let mut bytes = whole.checked_mul(multiplier).ok_or_else(bad)?;
    if !fraction.is_empty() {
        let scale = 10_u64.pow(fraction.len() as u32);
        let frac: u64 = fraction.parse().map_err(|_| bad())?;
        bytes = bytes
            .checked_add((frac * multiplier).div_ceil(scale))
            .ok_or_else(bad)?;
    }
    Ok(bytes)
}

/// One attribute value, tagged with DynamoDB's type names (`{ S = "..." }`, `{ N = "42" }`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AttributeValue {
    /// String.
    S(String),
    /// Number, as its decimal text (DynamoDB sends numbers as strings).
    N(String),
    /// Binary, as raw bytes (not the base64 text).
    B(Vec<u8>),
    /// Boolean.
    #[serde(rename = "BOOL")]
    Bool(bool),
    /// Null.
    #[serde(rename = "NULL")]
    Null(bool),
    /// List.
    L(Vec<AttributeValue>),
    /// Map.
    M(BTreeMap<String, AttributeValue>),
    /// String set.
    SS(Vec<String>),
    /// Number set.
    NS(Vec<String>),
    /// Binary set.
    BS(Vec<Vec<u8>>),
}

/// An item's size with the per-attribute breakdown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemSize {
    /// Total bytes (attribute names + values); this is what the capacity rules round.
    pub bytes: u64,
    /// Bytes per top-level attribute (name included), in name order.
    pub attributes: Vec<(String, u64)>,
    /// How the total was reached.
    pub explanation: Vec<Explanation>,
}

/// Largest number of significant digits in a DynamoDB number.
const MAX_NUMBER_DIGITS: usize = 38;
/// Overhead of a List or Map, regardless of contents.
const COLLECTION_OVERHEAD: u64 = 3;
/// Overhead per List or Map element.
const ELEMENT_OVERHEAD: u64 = 1;

/// Size of a number value: 1 byte per two significant digits, plus 1.
fn number_size(text: &str) -> Result<u64, Error> {
    let bad = || Error::InvalidNumber {
        input: text.to_owned(),
    };
    let t = text.trim();
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    // An exponent does not add significant digits.
    let mantissa = match t.find(['e', 'E']) {
        Some(i) => {
            let (m, exp) = t.split_at(i);
            let exp = exp.get(1..).unwrap_or("");
            let exp = exp.strip_prefix(['-', '+']).unwrap_or(exp);
            if exp.is_empty() || !exp.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            m
        }
        None => t,
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if whole.is_empty() && fraction.is_empty() {
        return Err(bad());
    }
    if !whole
        .bytes()
        .chain(fraction.bytes())
        .all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    // Leading and trailing zeros are trimmed (the docs say so); what is left is significant.
    let all: String = whole.chars().chain(fraction.chars()).collect();
    let significant = all.trim_start_matches('0').trim_end_matches('0').len();
    if significant > MAX_NUMBER_DIGITS {
        return Err(bad());
    }
    Ok((significant as u64).div_ceil(2) + 1)
}

/// Size of a value without its attribute name. `inferred` is set when a set was sized by inference.
fn value_size(value: &AttributeValue, inferred: &mut bool) -> Result<u64, Error> {
    Ok(match value {
        AttributeValue::S(s) => s.len() as u64,
        AttributeValue::N(n) => number_size(n)?,
        AttributeValue::B(b) => b.len() as u64,
        AttributeValue::Bool(_) | AttributeValue::Null(_) => 1,
        AttributeValue::L(items) => {
            let mut total = COLLECTION_OVERHEAD;
            for item in items {
                total += value_size(item, inferred)? + ELEMENT_OVERHEAD;
            }
            total
        }
        AttributeValue::M(map) => {
            let mut total = COLLECTION_OVERHEAD;
            for (name, item) in map {
                total += name.len() as u64 + value_size(item, inferred)? + ELEMENT_OVERHEAD;
            }
            total
        }
        AttributeValue::SS(items) => {
            *inferred = true;
            items.iter().map(|s| s.len() as u64).sum()
        }
        AttributeValue::NS(items) => {
            *inferred = true;
            let mut total = 0;
            for n in items {
                total += number_size(n)?;
            }
            total
        }
        AttributeValue::BS(items) => {
            *inferred = true;
            items.iter().map(|b| b.len() as u64).sum()
        }
    })
}

/// Computes an item's size from its attributes; rejects items over 400 KB.
pub fn item_size(item: &BTreeMap<String, AttributeValue>) -> Result<ItemSize, Error> {
    let mut attributes = Vec::with_capacity(item.len());
    let mut explanation = Vec::new();
    let mut inferred = false;
    let mut total = 0;
    for (name, value) in item {
        let size = name.len() as u64 + value_size(value, &mut inferred)?;
        let chars = name.chars().count();
        let hangul_note = if name.len() > chars {
            " (한글은 UTF-8로 한 글자에 3바이트예요)"
        } else {
            ""
        };
        explanation.push(line(
            "ddb.size.attribute",
            format!(
                "속성 `{name}`: 이름 {}바이트 + 값 = {size}바이트예요{hangul_note}.",
                name.len()
            ),
            format!(
                "Attribute `{name}`: name {} bytes + value = {size} bytes.",
                name.len()
            ),
            sources::ITEM_SIZE,
        ));
        attributes.push((name.clone(), size));
        total += size;
    }
    if inferred {
        explanation.push(line(
            "ddb.size.set-inferred",
            "세트(SS/NS/BS)는 문서에 규칙이 없어서 원소 크기의 합으로 추정했어요.".to_owned(),
            "The docs give no rule for sets (SS/NS/BS); we estimate them as the sum of their elements."
                .to_owned(),
            sources::ITEM_SIZE,
        ));
    }
    explanation.push(line(
        "ddb.size.total",
        format!("항목 크기는 모두 합쳐 {}예요.", show_bytes(total)),
        format!("The item is {} in total.", show_bytes(total)),
        sources::ITEM_SIZE,
    ));
    if total > MAX_ITEM_BYTES {
        return Err(Error::ItemTooLarge { bytes: total });
    }
    Ok(ItemSize {
        bytes: total,
        attributes,
        explanation,
    })
}
