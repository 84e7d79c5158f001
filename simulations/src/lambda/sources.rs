//! The AWS pages each rule comes from, as named constants.
//!
//! Every number in the model cites one of these (see `shared/reference/aws-facts.md`, section 2).
//! Keeping them in one place lets the explanation trail, the validation errors and the code
//! comments point at the same URL.

/// Lifecycle: Init (extension, runtime, function), Invoke, Shutdown; reuse; reset on crash.
pub const LIFECYCLE: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtime-environment.html";
/// The 10 s Init limit, the Init retry at first invoke, and the 130 s provisioned/SnapStart limit.
pub const INIT_LIMIT: &str =
    "https://docs.aws.amazon.com/ja_jp/lambda/latest/dg/runtimes-context.html";
/// Cold vs warm starts; the environment is kept for a non-deterministic period.
pub const COLD_WARM: &str =
    "https://docs.aws.amazon.com/fr_fr/lambda/latest/operatorguide/execution-environments.html";
/// Community idle-reclaim experiments (third party; the model's idle timeout is an assumption).
pub const IDLE_3P: &str = "https://github.com/theburningmonk/lambda-when-will-i-coldstart";
/// Account concurrency quota (1,000 per Region by default) and other limits.
pub const LIMITS: &str = "https://docs.aws.amazon.com/lambda/latest/dg/limits.html";
/// Memory, timeout and payload quotas.
pub const QUOTAS: &str = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html";
/// Memory 128-10,240 MB.
pub const MEMORY: &str =
    "https://docs.amazonaws.cn/en_us/lambda/latest/dg/configuration-memory.html";
/// Reserved concurrency (leave 100 unreserved; reserved = 0 throttles everything).
pub const RESERVED: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html";
/// Provisioned concurrency (pre-initialised, charged, counts toward reserved and the account).
pub const PROVISIONED: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html";
/// Scaling since Nov 2023: 1,000 new environments per 10 s per function; 429 on throttle.
pub const SCALING: &str = "https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html";
/// Scaling before Nov 2023: account burst 500-3,000 by Region, then +500 per minute.
pub const SCALING_2023: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/invocation-scaling.html";
/// The Nov 2023 announcement of the faster scaling.
pub const SCALING_BLOG: &str = "https://aws.amazon.com/blogs/aws/aws-lambda-functions-now-scale-12-times-faster-when-handling-high-volume-requests/";
/// `Invoke` API: 429 `TooManyRequestsException`, payload limits.
pub const INVOKE_API: &str = "https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html";
/// Synchronous invocation: errors go back to the caller.
pub const SYNC: &str = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-sync.html";
/// Asynchronous invocation: 2 retries (1 min, 2 min), 6 h throttle retries, DLQ/destinations.
pub const ASYNC: &str = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html";
/// 1 ms billing granularity since December 2020 (was 100 ms), and the prices in that post.
pub const BILLING_1MS: &str = "https://aws.amazon.com/blogs/aws/new-for-aws-lambda-1ms-billing-granularity-adds-cost-savings/";
/// Init billed like Invoke from 1 Aug 2025.
pub const BILLING_INIT: &str =
    "https://aws.amazon.com/blogs/compute/aws-lambda-standardizes-billing-for-init-phase";
/// The pricing page (renders client-side; numbers from it are UNCONFIRMED).
pub const PRICING: &str = "https://aws.amazon.com/lambda/pricing/";
/// Concurrency = requests per second x average duration.
pub const CONCURRENCY: &str =
    "https://docs.aws.amazon.com/lambda/latest/dg/lambda-concurrency.html";
