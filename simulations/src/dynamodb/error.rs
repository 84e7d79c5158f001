//! Impossible inputs. Each message names the limit it breaks and the page that states the limit, so
//! the app can show it as is and the learner can check it.

use thiserror::Error;

/// Why a DynamoDB model input was rejected.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Error {
    /// A size string that is neither bytes (`3500`) nor KB (`4KB`, `1.5KB`).
    #[error(
        "invalid size {input:?}: write bytes (3500) or KB (4KB, 1.5KB), 1 KB = 1024 bytes (source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html)"
    )]
    InvalidSize {
        /// The text as given.
        input: String,
    },
    /// A size of zero where an item must exist (a written item has at least its key).
    #[error("{what}: size must be at least 1 byte (an item always contains its primary key)")]
    ZeroSize {
        /// What the size was for.
        what: String,
    },
    /// An item over the 400 KB item size limit.
    #[error(
        "item of {bytes} bytes exceeds the 400 KB (409,600-byte) item size limit (source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html)"
    )]
    ItemTooLarge {
        /// The item size in bytes.
        bytes: u64,
    },
    /// More than 100 keys in one BatchGetItem.
    #[error(
        "BatchGetItem with {count} items: at most 100 items per call (source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html)"
    )]
    TooManyBatchGetItems {
        /// Items requested.
        count: usize,
    },
    /// A BatchGetItem whose response would exceed 16 MB.
    #[error(
        "BatchGetItem reading {bytes} bytes: one call returns at most 16 MB, the rest comes back as UnprocessedKeys (source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html)"
    )]
    BatchGetTooLarge {
        /// Total bytes requested.
        bytes: u64,
    },
    /// More than 25 put/delete requests in one BatchWriteItem.
    #[error(
        "BatchWriteItem with {count} items: at most 25 put or delete requests per call (source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html)"
    )]
    TooManyBatchWriteItems {
        /// Items in the request.
        count: usize,
    },
    /// A BatchWriteItem over 16 MB.
    #[error(
        "BatchWriteItem writing {bytes} bytes: at most 16 MB per call (source: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html)"
    )]
    BatchWriteTooLarge {
        /// Total bytes in the request.
        bytes: u64,
    },
    /// More than 100 actions in one transaction.
    #[error(
        "transaction with {count} items: at most 100 actions per TransactGetItems/TransactWriteItems (source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html)"
    )]
    TooManyTransactItems {
        /// Actions in the transaction.
        count: usize,
    },
    /// A transaction over 4 MB aggregate.
    #[error(
        "transaction of {bytes} bytes: at most 4 MB aggregate per transaction (source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html)"
    )]
    TransactionTooLarge {
        /// Total bytes in the transaction.
        bytes: u64,
    },
    /// A Query or Scan page over 1 MB: DynamoDB stops at 1 MB and returns `LastEvaluatedKey`.
    #[error(
        "{operation} reading {bytes} bytes in one call: one page returns at most 1 MB, split it into pages (source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html)"
    )]
    PageTooLarge {
        /// `query` or `scan`.
        operation: String,
        /// Total bytes read.
        bytes: u64,
    },
    /// Wrong number of items for the operation (GetItem reads one item, a batch at least one).
    #[error("{operation} takes {expected} item(s), got {got}")]
    WrongItemCount {
        /// The operation name.
        operation: String,
        /// What the operation accepts, e.g. `exactly 1`.
        expected: String,
        /// Items given.
        got: usize,
    },
    /// A consistency the operation does not support.
    #[error("{operation} does not support {consistency} reads{why}")]
    UnsupportedConsistency {
        /// The operation name.
        operation: String,
        /// The consistency asked for.
        consistency: String,
        /// An explanation with its source, starting with `: `, or empty.
        why: String,
    },
    /// Index write changes given for a read.
    #[error("{operation} is a read: secondary-index write changes only apply to writes")]
    IndexChangesOnRead {
        /// The operation name.
        operation: String,
    },
    /// A number attribute that is not a decimal number or has over 38 significant digits.
    #[error(
        "invalid number {input:?}: DynamoDB numbers are decimal with up to 38 significant digits (source: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html)"
    )]
    InvalidNumber {
        /// The number as given.
        input: String,
    },
    /// A simulation or plan parameter outside its range.
    #[error("invalid parameter {name}: {reason}")]
    InvalidParameter {
        /// The parameter name as in the TOML.
        name: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A scenario preset file that does not parse or is inconsistent.
    #[error("scenario preset {file}: {message}")]
    Preset {
        /// The file name, e.g. `ddb-hot-key.toml`.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// The embedded price table does not parse.
    #[error("price table {file}: {message}")]
    Prices {
        /// The file name.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// A data file written for a newer version of gureum.
    #[error(
        "{file}: format_version {found} is newer than this gureum understands ({supported}); update gureum"
    )]
    UnsupportedFormatVersion {
        /// The file name.
        file: String,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
}

/// Shorthand for an [`Error::InvalidParameter`].
pub(crate) fn invalid(name: &str, reason: impl Into<String>) -> Error {
    Error::InvalidParameter {
        name: name.to_owned(),
        reason: reason.into(),
    }
}
