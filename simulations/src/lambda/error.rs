//! Typed errors: a config that breaks an AWS limit, and a scenario file that does not parse.
//!
//! Each message is Korean first (the learner's language), then English, and ends with the page
//! the limit comes from, so the app can print it as is.

use thiserror::Error;

/// A [`super::LambdaConfig`] value outside what AWS (or the model) allows.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ConfigError {
    /// Memory outside 128-10,240 MB.
    #[error(
        "메모리 {memory_mb}MB는 허용 범위(128-10,240MB) 밖이에요 / memory {memory_mb} MB is outside 128-10,240 MB (https://docs.amazonaws.cn/en_us/lambda/latest/dg/configuration-memory.html)"
    )]
    Memory {
        /// The rejected value.
        memory_mb: u32,
    },
    /// Function timeout outside 1-900 s.
    #[error(
        "타임아웃 {timeout_s}초는 1-900초 범위 밖이에요 / timeout {timeout_s} s is outside 1-900 s (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)"
    )]
    Timeout {
        /// The rejected value.
        timeout_s: u32,
    },
    /// Handler duration longer than the 900 s maximum timeout.
    #[error(
        "실행 시간 {duration_ms}ms는 최대 타임아웃 900초(900,000ms)를 넘어요 / duration {duration_ms} ms exceeds the 900 s maximum timeout (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html)"
    )]
    DurationOverMax {
        /// The rejected value.
        duration_ms: u32,
    },
    /// Handler duration longer than the configured timeout: every invocation would time out.
    #[error(
        "실행 시간 {duration_ms}ms가 설정한 타임아웃 {timeout_s}초보다 길어요 / duration {duration_ms} ms exceeds the configured timeout of {timeout_s} s (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html)"
    )]
    DurationOverTimeout {
        /// The handler duration.
        duration_ms: u32,
        /// The configured timeout.
        timeout_s: u32,
    },
    /// Init longer than 900 s: it could never finish, even when retried under the timeout.
    #[error(
        "Init {init_ms}ms는 최대 타임아웃 900초를 넘어 끝날 수 없어요 / init {init_ms} ms can never finish within the 900 s maximum timeout (https://docs.aws.amazon.com/ja_jp/lambda/latest/dg/runtimes-context.html)"
    )]
    InitOverMax {
        /// The rejected value.
        init_ms: u32,
    },
    /// Extension + runtime init longer than the whole Init phase.
    #[error(
        "확장 초기화 {extension_init_ms}ms + 런타임 초기화 {runtime_init_ms}ms가 전체 Init {init_ms}ms보다 길어요 / extension + runtime init exceed the whole init of {init_ms} ms (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html)"
    )]
    InitParts {
        /// Extension init part.
        extension_init_ms: u32,
        /// Runtime init part.
        runtime_init_ms: u32,
        /// Whole Init phase.
        init_ms: u32,
    },
    /// Init longer than provisioned concurrency allows (130 s or the timeout, whichever is higher).
    #[error(
        "프로비저닝된 동시성의 Init 한도는 {limit_ms}ms인데 Init이 {init_ms}ms예요 / provisioned concurrency allows init up to {limit_ms} ms, got {init_ms} ms (https://docs.aws.amazon.com/ja_jp/lambda/latest/dg/runtimes-context.html)"
    )]
    ProvisionedInit {
        /// The Init phase.
        init_ms: u32,
        /// max(130 s, timeout).
        limit_ms: u64,
    },
    /// The account concurrency quota is zero.
    #[error(
        "계정 동시성 한도는 1 이상이어야 해요 / the account concurrency limit must be at least 1 (https://docs.aws.amazon.com/lambda/latest/dg/limits.html)"
    )]
    AccountLimitZero,
    /// Reserved concurrency would leave less than 100 unreserved.
    #[error(
        "예약 동시성 {reserved}{j} 최대 {max}까지예요: 계정 한도 {account_limit}에서 예약되지 않은 100을 남겨야 해요 / reserved concurrency {reserved} exceeds {max} (account limit {account_limit} minus the 100 that must stay unreserved) (https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html)",
        j = crate::josa::eun(&.reserved.to_string())
    )]
    ReservedTooHigh {
        /// The rejected value.
        reserved: u32,
        /// Account limit minus 100.
        max: u32,
        /// The account limit.
        account_limit: u32,
    },
    /// Provisioned concurrency above reserved concurrency.
    #[error(
        "프로비저닝된 동시성 {provisioned}{j} 예약 동시성 {reserved}보다 커요 / provisioned concurrency {provisioned} exceeds reserved concurrency {reserved} (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html)",
        j = crate::josa::i(&.provisioned.to_string())
    )]
    ProvisionedAboveReserved {
        /// The rejected value.
        provisioned: u32,
        /// The function's reserved concurrency.
        reserved: u32,
    },
    /// Provisioned concurrency above the account limit.
    #[error(
        "프로비저닝된 동시성 {provisioned}{j} 계정 한도 {account_limit}보다 커요 / provisioned concurrency {provisioned} exceeds the account limit {account_limit} (https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html)",
        j = crate::josa::i(&.provisioned.to_string())
    )]
    ProvisionedAboveAccount {
        /// The rejected value.
        provisioned: u32,
        /// The account limit.
        account_limit: u32,
    },
    /// A burst limit of zero would throttle everything in the old model.
    #[error(
        "버스트 한도는 1 이상이어야 해요 / the burst limit must be at least 1 (https://docs.aws.amazon.com/lambda/latest/dg/invocation-scaling.html)"
    )]
    BurstLimitZero,
    /// The simulated window is outside 1-86,400 s.
    #[error(
        "시뮬레이션 시간 {seconds}초는 1-86,400초 범위 밖이에요 / seconds {seconds} is outside 1-86,400 (model limit)"
    )]
    Seconds {
        /// The rejected value.
        seconds: u32,
    },
    /// A rate, time or probability that is negative, NaN or infinite.
    #[error(
        "{field} 값 {value}{j} 0 이상의 유한한 수여야 해요 / {field} = {value} must be a finite number >= 0",
        j = crate::josa::eun(&.value.to_string())
    )]
    NotANonNegativeNumber {
        /// The config field.
        field: &'static str,
        /// The rejected value.
        value: f64,
    },
    /// Error rate above 1.
    #[error(
        "오류율 {error_rate}{j} 0에서 1 사이여야 해요 / error rate {error_rate} must be within 0..=1",
        j = crate::josa::eun(&.error_rate.to_string())
    )]
    ErrorRate {
        /// The rejected value.
        error_rate: f64,
    },
    /// A timeline segment that is empty, reversed, overlapping the previous one or outside the window.
    #[error(
        "timeline[{index}] 구간은 앞 구간 뒤에서 from_s < to_s <= {seconds}여야 해요 / timeline[{index}] needs previous to_s <= from_s < to_s <= seconds ({seconds})"
    )]
    Segment {
        /// Index in `timeline`.
        index: usize,
        /// The window length.
        seconds: u32,
    },
    /// A burst at or after the end of the window.
    #[error(
        "bursts[{index}]의 at_s가 시뮬레이션 시간 {seconds}초 안에 있어야 해요 / bursts[{index}].at_s must be before seconds ({seconds})"
    )]
    BurstOutside {
        /// Index in `bursts`.
        index: usize,
        /// The window length.
        seconds: u32,
    },
    /// More events than the model accepts in one run.
    #[error(
        "이벤트가 약 {expected:.0}개로 한도 50,000,000개를 넘어요 / about {expected:.0} events exceed the model's 50,000,000 per run"
    )]
    TooManyEvents {
        /// Expected number of events.
        expected: f64,
    },
    /// Async retry attempts outside 0-2.
    #[error(
        "재시도 횟수 {retry_attempts}{j} 0-2 범위여야 해요 / retry attempts {retry_attempts} must be 0-2 (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html)",
        j = crate::josa::eun(&.retry_attempts.to_string())
    )]
    RetryAttempts {
        /// The rejected value.
        retry_attempts: u32,
    },
    /// Maximum event age outside 60-21,600 s.
    #[error(
        "최대 이벤트 수명 {max_event_age_s}초는 60-21,600초(6시간) 범위여야 해요 / maximum event age {max_event_age_s} s must be 60-21,600 s (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html)"
    )]
    MaxEventAge {
        /// The rejected value.
        max_event_age_s: u32,
    },
    /// A billing date that is not `YYYY-MM-DD`.
    #[error(
        "billing_date '{value}'{j} YYYY-MM-DD 형식이어야 해요 / billing_date must be YYYY-MM-DD",
        j = crate::josa::eun(.value)
    )]
    BillingDate {
        /// The rejected text.
        value: String,
    },
    /// No price data for the Region.
    #[error(
        "{region} 리전의 가격 데이터가 없어요 / no price data for region {region} (simulations/data/lambda-prices.toml)"
    )]
    UnknownRegion {
        /// The Region asked for.
        region: String,
    },
}

/// A scenario preset file that cannot be used.
#[derive(Debug, Error)]
pub enum PresetError {
    /// The shared part of the file cannot be read: TOML, a newer `format_version`, the id or a
    /// story text (the message names the line or field).
    #[error("{}", .source.for_scenario(.id, true))]
    Read {
        /// The preset id (file stem).
        id: String,
        /// What is wrong.
        source: crate::challenge::ReadError,
    },
    /// The preset's config breaks a limit.
    #[error("시나리오 {id}의 설정이 잘못됐어요 / scenario {id} has an invalid config: {source}")]
    Config {
        /// The preset id (file stem).
        id: String,
        /// The limit it breaks.
        source: ConfigError,
    },
    /// A `fixed` entry that is not a config field.
    #[error(
        "시나리오 {id}의 fixed에 없는 설정 이름 {field}{j} 있어요 / scenario {id}: fixed names unknown config field {field}",
        j = crate::josa::i(.field)
    )]
    UnknownFixed {
        /// The preset id (file stem).
        id: String,
        /// The unknown name.
        field: String,
    },
    /// A required text field is empty, or the challenge is not one line.
    #[error(
        "시나리오 {id}의 {field}{j} 비었거나 한 줄이 아니에요 / scenario {id}: {field} is empty or not one line",
        j = crate::josa::i(.field)
    )]
    Text {
        /// The preset id (file stem).
        id: String,
        /// `title`, `description`, `challenge` (or their `_en` forms) or `pass`.
        field: &'static str,
    },
}

impl crate::Localize for ConfigError {
    fn localize(&self, en: bool) -> String {
        crate::lang::pick(&self.to_string(), en)
    }
}

impl crate::Localize for PresetError {
    fn localize(&self, en: bool) -> String {
        match (self, en) {
            (Self::Read { id, source }, _) => source.for_scenario(id, en),
            (Self::Config { id, source }, false) => {
                format!(
                    "시나리오 {id}의 설정이 잘못됐어요: {}",
                    source.localize(false)
                )
            }
            (Self::Config { id, source }, true) => {
                format!(
                    "scenario {id} has an invalid config: {}",
                    source.localize(true)
                )
            }
            _ => crate::lang::pick(&self.to_string(), en),
        }
    }
}
