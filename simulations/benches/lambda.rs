//! How long the Lambda simulation takes for one million invocations.
//!
//! 10,000 requests/s for 100 s at 100 ms each: 1,000,000 invocations at a steady concurrency of
//! 1,000 (the default account limit), so the event heap holds ~1,000 entries throughout. A second
//! case adds Poisson arrivals, errors and async retries to exercise the RNG and retry paths.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use simulations::lambda::{ArrivalKind, InvokeType, LambdaConfig, simulate};

fn one_million() -> LambdaConfig {
    LambdaConfig {
        rps: 10_000.0,
        seconds: 100,
        duration_ms: 100,
        init_ms: 0,
        ..LambdaConfig::default()
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("lambda");
    group.sample_size(10);
    let sync = one_million();
    group.bench_function("1M invocations, sync, constant", |b| {
        b.iter(|| simulate(black_box(&sync)).unwrap());
    });
    let noisy = LambdaConfig {
        arrival: ArrivalKind::Poisson,
        invoke: InvokeType::Async,
        error_rate: 0.05,
        account_limit: 2_000,
        ..one_million()
    };
    group.bench_function("1M events, async, Poisson, 5% errors", |b| {
        b.iter(|| simulate(black_box(&noisy)).unwrap());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
