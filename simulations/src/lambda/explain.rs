//! The explanation trail: one line per rule that shaped the result, in Korean (해요체) and English.
//!
//! All of the model's learner-facing text lives here, so wording can be reviewed in one place.
//! Each line has a stable rule id (`lambda.*`), the numbers filled in, and the AWS page the rule
//! comes from. Lines only appear when the rule mattered (no DLQ line when nothing failed), except
//! the assumptions, which are always stated: the idle timeout is not an AWS number.

use super::config::{INIT_LIMIT_MS, InvokeType, LambdaConfig, ScalingModel};
use super::prices::{CostBreakdown, Price};
use super::result::LambdaResult;
use super::sources;
use crate::Explanation;

fn line(rule: &str, ko: String, en: String, source: &str) -> Explanation {
    Explanation {
        rule: rule.to_owned(),
        ko,
        en,
        source: Some(source.to_owned()),
    }
}

/// `1234567` -> `1,234,567`.
pub(crate) fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Builds the trail for a finished run.
pub(crate) fn explain(cfg: &LambdaConfig, r: &LambdaResult, price: &Price) -> Vec<Explanation> {
    let mut out = Vec::with_capacity(20);
    concurrency(cfg, r, &mut out);
    lifecycle(cfg, r, &mut out);
    scaling(cfg, r, &mut out);
    invocation(cfg, r, &mut out);
    out.push(line(
        "lambda.latency",
        format!(
            "지연 시간은 p50 {}ms, p95 {}ms, p99 {}ms예요 (콜드 스타트는 Init 시간을 포함하고, 스로틀된 시도는 빼요).",
            group(r.p50_ms),
            group(r.p95_ms),
            group(r.p99_ms)
        ),
        format!(
            "Latency p50 {} ms, p95 {} ms, p99 {} ms (cold starts include Init; throttled attempts are left out).",
            group(r.p50_ms),
            group(r.p95_ms),
            group(r.p99_ms)
        ),
        sources::COLD_WARM,
    ));
    billing(cfg, &r.cost, price, r.cost_usd, &mut out);
    out
}

fn concurrency(cfg: &LambdaConfig, r: &LambdaResult, out: &mut Vec<Explanation>) {
    let rate = r.events as f64 / f64::from(cfg.seconds);
    let expected = rate * f64::from(cfg.duration_ms) / 1000.0;
    out.push(line(
        "lambda.concurrency.formula",
        format!(
            "동시성 = 초당 요청 수 × 실행 시간이에요: {rate:.2} req/s × {}ms ≈ {expected:.2}. 시뮬레이션에서는 평균 {:.2}, 최대 {}까지 올라갔어요.",
            cfg.duration_ms, r.avg_concurrency, r.max_concurrency
        ),
        format!(
            "Concurrency = requests per second x duration: {rate:.2} req/s x {} ms ≈ {expected:.2}. Simulated average {:.2}, peak {}.",
            cfg.duration_ms, r.avg_concurrency, r.max_concurrency
        ),
        sources::CONCURRENCY,
    ));
    match cfg.reserved {
        Some(0) => out.push(line(
            "lambda.concurrency.reserved-zero",
            "예약 동시성이 0이라 모든 호출이 스로틀돼요. 비동기 이벤트는 재시도 없이 바로 DLQ/실패 대상으로 가요.".to_owned(),
            "Reserved concurrency is 0, so every call is throttled; async events go straight to the DLQ/on-failure destination without retries.".to_owned(),
            sources::RESERVED,
        )),
        Some(reserved) => out.push(line(
            "lambda.concurrency.reserved",
            format!(
                "이 함수는 예약 동시성 {}까지만 쓸 수 있어요. 계정 한도 {} 중 최소 100은 예약하지 않고 남겨 둬야 해요.",
                group(u64::from(reserved)),
                group(u64::from(cfg.account_limit))
            ),
            format!(
                "Reserved concurrency {} caps this function; at least 100 of the account limit {} must stay unreserved.",
                group(u64::from(reserved)),
                group(u64::from(cfg.account_limit))
            ),
            sources::RESERVED,
        )),
        None => out.push(line(
            "lambda.concurrency.account",
            format!(
                "예약 동시성이 없어서 계정 동시성 한도(리전별, 기본 1,000)에 따라 동시성 {}까지 쓸 수 있어요.",
                group(u64::from(cfg.account_limit))
            ),
            format!(
                "No reserved concurrency: the account concurrency limit {} (per Region, default 1,000) is the cap.",
                group(u64::from(cfg.account_limit))
            ),
            sources::LIMITS,
        )),
    }
    if cfg.provisioned > 0 {
        out.push(line(
            "lambda.provisioned",
            format!(
                "프로비저닝된 동시성 {}개는 시작 전에 Init을 마친 환경이라 콜드 스타트가 없어요. 예약 동시성과 계정 한도에 포함되고, 구성된 시간만큼 요금이 붙어요.",
                cfg.provisioned
            ),
            format!(
                "{} provisioned environments finished Init before the start, so they never cold-start. They count toward reserved and account concurrency and are billed while configured.",
                cfg.provisioned
            ),
            sources::PROVISIONED,
        ));
    }
}

fn lifecycle(cfg: &LambdaConfig, r: &LambdaResult, out: &mut Vec<Explanation>) {
    let function_init = cfg.init_ms - cfg.extension_init_ms - cfg.runtime_init_ms;
    out.push(line(
        "lambda.lifecycle.cold-start",
        format!(
            "콜드 스타트 {}번({:.2}%): 새 실행 환경은 Init(확장 {}ms → 런타임 {}ms → 함수 {}ms, 합계 {}ms)을 거친 뒤 호출을 처리해요. 쉬고 있는 환경을 재사용하면(웜 스타트) Init을 건너뛰어요.",
            group(r.cold_starts),
            r.cold_start_pct,
            cfg.extension_init_ms,
            cfg.runtime_init_ms,
            function_init,
            cfg.init_ms
        ),
        format!(
            "{} cold starts ({:.2}%): a new environment runs Init (extension {} ms -> runtime {} ms -> function {} ms, {} ms in all) before the invoke. Reusing an idle environment (warm start) skips Init.",
            group(r.cold_starts),
            r.cold_start_pct,
            cfg.extension_init_ms,
            cfg.runtime_init_ms,
            function_init,
            cfg.init_ms
        ),
        sources::LIFECYCLE,
    ));
    out.push(line(
        "lambda.idle.assumption",
        format!(
            "가정: 쉬는 환경은 {}초 뒤 회수된다고 가정했어요. AWS는 이 시간을 공개하지 않아요(\"비결정적\"). 이 가정으로 환경 {}개가 회수됐어요.",
            cfg.idle_timeout_s,
            group(r.environments_reclaimed)
        ),
        format!(
            "Assumption: an idle environment is reclaimed after {} s. AWS publishes no such number (\"non-deterministic\"). Under this assumption {} environments were reclaimed.",
            cfg.idle_timeout_s,
            group(r.environments_reclaimed)
        ),
        sources::COLD_WARM,
    ));
    if u64::from(cfg.init_ms) > INIT_LIMIT_MS && r.init_timeouts > 0 {
        out.push(line(
            "lambda.init.limit-10s",
            format!(
                "Init {}ms는 온디맨드 한도 10초를 넘어요. 10초 뒤 Init이 실패하고, 첫 호출에서 함수 타임아웃({}초) 안에 Init을 다시 해요({}번).",
                group(u64::from(cfg.init_ms)),
                cfg.timeout_s,
                group(r.init_timeouts)
            ),
            format!(
                "Init of {} ms exceeds the 10 s on-demand limit: Init fails after 10 s and is retried at the first invoke, under the function timeout ({} s) ({} times).",
                group(u64::from(cfg.init_ms)),
                cfg.timeout_s,
                group(r.init_timeouts)
            ),
            sources::INIT_LIMIT,
        ));
    }
}

fn scaling(cfg: &LambdaConfig, r: &LambdaResult, out: &mut Vec<Explanation>) {
    match cfg.scaling {
        ScalingModel::PerFunction => out.push(line(
            "lambda.scaling.per-function",
            format!(
                "2023년 11월부터는 함수마다 10초에 새 실행 환경 1,000개까지 늘어나요(남은 속도는 쌓이지 않아요). 확장 속도 때문에 스로틀된 시도는 {}번이에요.",
                group(r.throttles_scaling)
            ),
            format!(
                "Since Nov 2023 each function adds up to 1,000 new environments every 10 s (unused rate does not accumulate). Attempts throttled by the scaling rate: {}.",
                group(r.throttles_scaling)
            ),
            sources::SCALING,
        )),
        ScalingModel::AccountBurst => out.push(line(
            "lambda.scaling.account-burst",
            format!(
                "2023년 11월 이전 모델: 처음에 리전 버스트 {}까지 한 번에 늘고, 그 뒤로는 1분에 500씩 늘어요(계정 전체 공유). 확장 속도 때문에 스로틀된 시도는 {}번이에요.",
                group(u64::from(cfg.effective_burst_limit())),
                group(r.throttles_scaling)
            ),
            format!(
                "Pre-Nov-2023 model: an initial Region burst of {}, then +500 per minute (shared by the account). Attempts throttled by the scaling rate: {}.",
                group(u64::from(cfg.effective_burst_limit())),
                group(r.throttles_scaling)
            ),
            sources::SCALING_2023,
        )),
    }
    if r.throttles > 0 {
        let (ko_tail, en_tail, source) = match cfg.invoke {
            InvokeType::Sync => (
                "동기 호출이라 호출자가 429 TooManyRequestsException을 받아요.".to_owned(),
                "The calls are synchronous, so the caller gets 429 TooManyRequestsException."
                    .to_owned(),
                sources::INVOKE_API,
            ),
            InvokeType::Async => (
                format!(
                    "비동기 호출이라 Lambda가 이벤트를 보관하고 1초부터 최대 5분 간격으로, 최대 이벤트 수명({}초, 최대 6시간)까지 다시 시도해요.",
                    group(u64::from(cfg.max_event_age_s))
                ),
                format!(
                    "The calls are asynchronous, so Lambda keeps the event and retries with backoff from 1 s up to 5 min, until the maximum event age ({} s, at most 6 h).",
                    group(u64::from(cfg.max_event_age_s))
                ),
                sources::ASYNC,
            ),
        };
        out.push(line(
            "lambda.throttle.429",
            format!(
                "스로틀 {}번(동시성 상한 {}번, 확장 속도 {}번). {ko_tail}",
                group(r.throttles),
                group(r.throttles_limit),
                group(r.throttles_scaling)
            ),
            format!(
                "{} throttles ({} at the concurrency cap, {} by the scaling rate). {en_tail}",
                group(r.throttles),
                group(r.throttles_limit),
                group(r.throttles_scaling)
            ),
            source,
        ));
    }
}

fn invocation(cfg: &LambdaConfig, r: &LambdaResult, out: &mut Vec<Explanation>) {
    match cfg.invoke {
        InvokeType::Sync => {
            if r.failed_sync > 0 {
                out.push(line(
                    "lambda.sync.error",
                    format!(
                        "함수 오류 {}번: 동기 호출의 오류는 재시도 없이 호출자에게 돌아가요.",
                        group(r.failed_sync)
                    ),
                    format!(
                        "{} function errors: a synchronous call returns the error to the caller; Lambda does not retry it.",
                        group(r.failed_sync)
                    ),
                    sources::SYNC,
                ));
            }
        }
        InvokeType::Async => {
            out.push(line(
                "lambda.async.retry",
                format!(
                    "비동기 호출: 이벤트 {}개, 시도 {}번. 함수 오류 {}번 — 오류가 나면 {}번까지 더 시도해요(1분 뒤, 그다음 2분 뒤).",
                    group(r.events),
                    group(r.attempts),
                    group(r.function_errors),
                    cfg.retry_attempts
                ),
                format!(
                    "Async: {} events, {} attempts, {} function errors. After an error Lambda retries up to {} more times (after 1 min, then 2 min).",
                    group(r.events),
                    group(r.attempts),
                    group(r.function_errors),
                    cfg.retry_attempts
                ),
                sources::ASYNC,
            ));
            if r.dlq + r.dropped > 0 {
                let (ko, en) = if cfg.on_failure_destination {
                    (
                        format!(
                            "이벤트 {}개가 DLQ/실패 대상으로 갔어요(그중 최대 수명 초과 {}개).",
                            group(r.dlq),
                            group(r.expired)
                        ),
                        format!(
                            "{} events went to the DLQ/on-failure destination ({} of them exceeded the maximum event age).",
                            group(r.dlq),
                            group(r.expired)
                        ),
                    )
                } else {
                    (
                        format!(
                            "DLQ/실패 대상이 없어서 이벤트 {}개가 버려졌어요(그중 최대 수명 초과 {}개).",
                            group(r.dropped),
                            group(r.expired)
                        ),
                        format!(
                            "No DLQ/on-failure destination, so {} events were discarded ({} exceeded the maximum event age).",
                            group(r.dropped),
                            group(r.expired)
                        ),
                    )
                };
                out.push(line("lambda.async.dlq", ko, en, sources::ASYNC));
            }
        }
    }
}

fn billing(
    cfg: &LambdaConfig,
    cost: &CostBreakdown,
    price: &Price,
    total: f64,
    out: &mut Vec<Explanation>,
) {
    let date = cfg.billing();
    let step = date.granularity_ms();
    out.push(line(
        "lambda.billing.requests",
        format!(
            "요청 {}건 × 100만 건당 ${} = ${:.6} (스로틀된 시도는 청구되지 않아요).",
            group(cost.requests),
            price.request_per_million_usd,
            cost.request_usd
        ),
        format!(
            "{} requests x ${} per 1M = ${:.6} (throttled attempts are not billed).",
            group(cost.requests),
            price.request_per_million_usd,
            cost.request_usd
        ),
        &price.source,
    ));
    out.push(line(
        "lambda.billing.duration",
        format!(
            "실행 시간은 {step}ms 단위로 올림해요(2020년 12월부터 1ms, 그 전 100ms). {}ms × {}MB = {:.3} GB-s × ${} = ${:.6}.",
            group(cost.billed_ms),
            cfg.memory_mb,
            cost.gb_s,
            price.duration_per_gb_s_usd,
            cost.duration_usd
        ),
        format!(
            "Duration is rounded up to {step} ms (1 ms since Dec 2020, 100 ms before). {} ms x {} MB = {:.3} GB-s x ${} = ${:.6}.",
            group(cost.billed_ms),
            cfg.memory_mb,
            cost.gb_s,
            price.duration_per_gb_s_usd,
            cost.duration_usd
        ),
        sources::BILLING_1MS,
    ));
    let (ko, en) = if date.init_billed() {
        (
            format!(
                "청구 기준일 {}: 2025년 8월 1일부터 온디맨드 Init 시간도 Invoke처럼 청구돼요.",
                cfg.billing_date
            ),
            format!(
                "Billing date {}: from 1 Aug 2025 on-demand Init is billed like Invoke.",
                cfg.billing_date
            ),
        )
    } else {
        (
            format!(
                "청구 기준일 {}: 2025년 8월 1일 전이라 Init 시간은 청구되지 않아요.",
                cfg.billing_date
            ),
            format!(
                "Billing date {}: before 1 Aug 2025, so Init is not billed.",
                cfg.billing_date
            ),
        )
    };
    out.push(line("lambda.billing.init", ko, en, sources::BILLING_INIT));
    if cfg.provisioned > 0 {
        out.push(line(
            "lambda.billing.provisioned",
            format!(
                "프로비저닝된 동시성: {}개 × {}MB × {}초({}초 단위 올림) = {:.1} GB-s × ${} = ${:.6}, 그 환경의 실행 {:.3} GB-s × ${} = ${:.6}.",
                cfg.provisioned,
                cfg.memory_mb,
                group(cost.provisioned_config_s),
                price.provisioned_rounding_s,
                cost.provisioned_config_gb_s,
                price.provisioned_per_gb_s_usd,
                cost.provisioned_config_usd,
                cost.provisioned_gb_s,
                price.provisioned_duration_per_gb_s_usd,
                cost.provisioned_duration_usd
            ),
            format!(
                "Provisioned concurrency: {} x {} MB x {} s (rounded up to {} s) = {:.1} GB-s x ${} = ${:.6}; its invocations {:.3} GB-s x ${} = ${:.6}.",
                cfg.provisioned,
                cfg.memory_mb,
                group(cost.provisioned_config_s),
                price.provisioned_rounding_s,
                cost.provisioned_config_gb_s,
                price.provisioned_per_gb_s_usd,
                cost.provisioned_config_usd,
                cost.provisioned_gb_s,
                price.provisioned_duration_per_gb_s_usd,
                cost.provisioned_duration_usd
            ),
            &price.provisioned_source,
        ));
    }
    let flag = if cost.unconfirmed { " UNCONFIRMED" } else { "" };
    out.push(line(
        "lambda.billing.total",
        format!(
            "합계 ${total:.6} ({} 리전, {} 기준 가격{flag}).",
            price.region, price.date
        ),
        format!(
            "Total ${total:.6} ({} prices as of {}{flag}).",
            price.region, price.date
        ),
        sources::PRICING,
    ));
}

#[cfg(test)]
mod tests {
    use super::group;

    #[test]
    fn groups_thousands() {
        assert_eq!(group(0), "0");
        assert_eq!(group(999), "999");
        assert_eq!(group(1_000), "1,000");
        assert_eq!(group(1_234_567), "1,234,567");
    }
}
