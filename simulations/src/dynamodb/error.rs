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
    /// A preset file newer than this build.
    #[error(transparent)]
    Newer(#[from] crate::challenge::NewerFormat),
}

/// Shorthand for an [`Error::InvalidParameter`].
pub(crate) fn invalid(name: &str, reason: impl Into<String>) -> Error {
    Error::InvalidParameter {
        name: name.to_owned(),
        reason: reason.into(),
    }
}

impl crate::Localize for Error {
    /// The English form is the `Display` text; the Korean one says the same in 해요체.
    fn localize(&self, en: bool) -> String {
        use crate::josa::{eun, i};
        const QUOTAS: &str =
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html";
        const LIMITS: &str =
            "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html";
        const BATCH_GET: &str =
            "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchGetItem.html";
        const BATCH_WRITE: &str = "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_BatchWriteItem.html";
        const TRANSACT: &str = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html";
        if en {
            return self.to_string();
        }
        match self {
            Self::InvalidSize { input } => format!(
                "크기 {input:?}{} 읽을 수 없어요: 바이트(3500)나 KB(4KB, 1.5KB)로 쓰세요. 1 KB = 1024바이트 (출처: {LIMITS})",
                crate::josa::eul(input)
            ),
            Self::ZeroSize { what } => format!(
                "{what}: 크기는 1바이트 이상이어야 해요 (항목에는 늘 기본 키가 들어 있어요)"
            ),
            Self::ItemTooLarge { bytes } => format!(
                "항목 크기 {bytes}바이트는 항목 크기 한도 400 KB(409,600바이트)를 넘어요 (출처: {QUOTAS})"
            ),
            Self::TooManyBatchGetItems { count } => format!(
                "BatchGetItem 항목 {count}개: 한 번에 최대 100개까지예요 (출처: {BATCH_GET})"
            ),
            Self::BatchGetTooLarge { bytes } => format!(
                "BatchGetItem으로 {bytes}바이트를 읽어요: 한 번에 최대 16MB를 돌려주고, 나머지는 UnprocessedKeys로 돌아와요 (출처: {BATCH_GET})"
            ),
            Self::TooManyBatchWriteItems { count } => format!(
                "BatchWriteItem 항목 {count}개: 한 번에 넣기·지우기 요청은 최대 25개예요 (출처: {BATCH_WRITE})"
            ),
            Self::BatchWriteTooLarge { bytes } => format!(
                "BatchWriteItem으로 {bytes}바이트를 써요: 한 번에 최대 16MB예요 (출처: {BATCH_WRITE})"
            ),
            Self::TooManyTransactItems { count } => format!(
                "트랜잭션 작업 {count}개: TransactGetItems/TransactWriteItems 하나에 최대 100개예요 (출처: {TRANSACT})"
            ),
            Self::TransactionTooLarge { bytes } => format!(
                "트랜잭션 {bytes}바이트: 트랜잭션 하나는 모두 합해 최대 4MB예요 (출처: {TRANSACT})"
            ),
            Self::PageTooLarge { operation, bytes } => format!(
                "{operation} 한 번에 {bytes}바이트를 읽어요: 한 페이지는 최대 1MB라 페이지로 나눠야 해요 (출처: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.Other.html)"
            ),
            Self::WrongItemCount {
                operation,
                expected,
                got,
            } => {
                let expected = match expected.as_str() {
                    "exactly 1" => "정확히 1개".to_owned(),
                    "at least 1" => "1개 이상".to_owned(),
                    other => other.to_owned(),
                };
                format!("{operation}에는 항목이 {expected} 필요한데 {got}개를 받았어요")
            }
            Self::UnsupportedConsistency {
                operation,
                consistency,
                why,
            } => {
                let name = match consistency.as_str() {
                    "strong" => "강력한 일관성",
                    "eventual" => "최종적 일관성",
                    "transactional" => "트랜잭션",
                    other => other,
                };
                let why = if why.contains("every TransactGetItems read is transactional") {
                    ": TransactGetItems의 읽기는 모두 트랜잭션 읽기예요".to_owned()
                } else if why.contains("transactional reads are TransactGetItems") {
                    ": 트랜잭션 읽기는 TransactGetItems(transact-get)로 해요".to_owned()
                } else if why.contains("global secondary indexes") {
                    format!(
                        ": 글로벌 보조 인덱스는 최종적 일관성 읽기만 돼요 (출처: {})",
                        super::sources::GSI
                    )
                } else if why.contains("writes have no read consistency") {
                    ": 쓰기에는 읽기 일관성이 없어요 (트랜잭션 쓰기는 transact-write예요)"
                        .to_owned()
                } else {
                    String::new()
                };
                format!(
                    "{operation}{} {name} 읽기를 지원하지 않아요{why}",
                    eun(operation)
                )
            }
            Self::IndexChangesOnRead { operation } => format!(
                "{operation}{} 읽기예요: 보조 인덱스 쓰기 변경은 쓰기에만 적용돼요",
                eun(operation)
            ),
            Self::InvalidNumber { input } => format!(
                "숫자 {input:?}{} 잘못됐어요: DynamoDB 숫자는 유효 자릿수 38자리까지의 십진수예요 (출처: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html)",
                i(input)
            ),
            Self::InvalidParameter { name, reason } => {
                let reason = match reason.as_str() {
                    "too large" => "값이 너무 커요".to_owned(),
                    "between 0 and 1" => "0에서 1 사이여야 해요".to_owned(),
                    "between 0 and 300" => "0에서 300 사이여야 해요".to_owned(),
                    "at least one phase" => "구간이 하나 이상 있어야 해요".to_owned(),
                    "a finite number, 0 or more" => "0 이상의 유한한 수여야 해요".to_owned(),
                    "at least 1 unit (the table minimum)" => {
                        "1 단위 이상이어야 해요 (테이블 최소값)".to_owned()
                    }
                    "only writes have condition expressions that can fail" => {
                        "조건식이 실패할 수 있는 건 쓰기뿐이에요".to_owned()
                    }
                    "writes go to the base table; describe index effects in `indexes`" => {
                        "쓰기는 기본 테이블로 가요: 인덱스에 주는 영향은 `indexes`에 적으세요"
                            .to_owned()
                    }
                    other
                        if other.ends_with("reads the base table only; query or scan an index") =>
                    {
                        "기본 테이블만 읽어요: 인덱스는 query나 scan으로 읽으세요".to_owned()
                    }
                    other if other.starts_with("only PutItem, UpdateItem and DeleteItem") => {
                        "조건부 쓰기 실패로 계산되는 건 PutItem, UpdateItem, DeleteItem뿐이에요"
                            .to_owned()
                    }
                    other if other.starts_with("between 1 and ") => format!(
                        "1에서 {} 사이여야 해요",
                        other.trim_start_matches("between 1 and ")
                    ),
                    other => other.to_owned(),
                };
                format!("설정 {name}{} 잘못됐어요: {reason}", i(name))
            }
            Self::Preset { file, message } if message.contains("TOML parse error") => format!(
                "시나리오 프리셋 {file}: {}",
                crate::lang::toml_message(message, false)
            ),
            Self::Preset { file, message } => {
                format!(
                    "시나리오 프리셋 {file}: {}",
                    crate::lang::pick(message, false)
                )
            }
            Self::Prices { file, message } => format!("가격표 {file}: {message}"),
            Self::Newer(e) => e.localize(false),
        }
    }
}
