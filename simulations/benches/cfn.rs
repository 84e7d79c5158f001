//! How long `gureum sim replace` takes on a large template: 8,000 resources (under the 1 MB
//! template limit), each referring to the one before. The first resource is replaced, so the
//! replacement travels down the whole chain through dynamic references: the worst case for the
//! dynamic pass, which must stay near-linear (issue 13 point 4: 8,000 resources in under 1 s).
//! A second case resolves a parameter and a condition in every resource.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use simulations::cfn;

const N: usize = 8_000;

/// A chain of queues: `Q{i}` sends failed messages to `Q{i-1}`.
fn chain(first_name: &str) -> String {
    let mut t = String::from("Resources:\n");
    let _ = writeln!(
        t,
        "  Q0: {{Type: AWS::SQS::Queue, Properties: {{QueueName: {first_name}}}}}"
    );
    for i in 1..N {
        let _ = writeln!(
            t,
            "  Q{i}: {{Type: AWS::SQS::Queue, Properties: {{RedrivePolicy: {{deadLetterTargetArn: !GetAtt Q{}.Arn}}}}}}",
            i - 1
        );
    }
    t
}

/// Every resource reads a parameter through a condition.
fn parameterised(stage: &str) -> String {
    let mut t = format!(
        "Parameters:\n  Stage: {{Type: String, Default: {stage}}}\nConditions:\n  IsProd: !Equals [!Ref Stage, prod]\nResources:\n"
    );
    for i in 0..N {
        let _ = writeln!(
            t,
            "  T{i}: {{Type: AWS::SNS::Topic, Properties: {{TopicName: !If [IsProd, !Sub 'p-${{Stage}}-{i}', !Ref 'AWS::NoValue']}}}}"
        );
    }
    t
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("cfn");
    group.sample_size(10);
    let (old, new) = (chain("a"), chain("b"));
    assert!(
        new.len() < cfn::template::MAX_TEMPLATE_BYTES,
        "{} bytes",
        new.len()
    );
    let data = BTreeMap::new();
    group.bench_function(
        "8,000 resources, replacement down a chain (parse + compare)",
        |b| {
            b.iter(|| {
                let o = cfn::parse("old.yaml", black_box(&old)).unwrap();
                let n = cfn::parse("new.yaml", black_box(&new)).unwrap();
                let r = cfn::evaluate(&o, &n, None, &data);
                assert_eq!(r.resources.len(), N);
                r
            });
        },
    );
    let (old, new) = (parameterised("dev"), parameterised("prod"));
    assert!(
        new.len() < cfn::template::MAX_TEMPLATE_BYTES,
        "{} bytes",
        new.len()
    );
    group.bench_function(
        "8,000 resources, parameters and conditions (parse + compare)",
        |b| {
            b.iter(|| {
                let o = cfn::parse("old.yaml", black_box(&old)).unwrap();
                let n = cfn::parse("new.yaml", black_box(&new)).unwrap();
                cfn::evaluate(&o, &n, None, &data)
            });
        },
    );
    // Deep nesting is refused before any work that grows with it (issue 13: 100,000 `[` in
    // 200 KB of JSON took 30-55 s before it was rejected).
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    group.bench_function("100,000 nested `[` (200 KB JSON) rejected", |b| {
        b.iter(|| cfn::parse("deep.json", black_box(&deep)).unwrap_err());
    });
    // The YAML scanner's work grows with the square of flow nesting: 1 MB of `[` in YAML.
    let deep = format!(
        "Resources:\n  X: {}",
        "[".repeat(cfn::template::MAX_TEMPLATE_BYTES - 20)
    );
    group.bench_function("1 MB of nested `[` in YAML rejected", |b| {
        b.iter(|| cfn::parse("deep.yaml", black_box(&deep)).unwrap_err());
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
