//! The per-condition challenge results of the older preset kinds agree with their `passes`, and
//! name the condition that failed with its measured value (issue 14: "a failed challenge lists
//! each condition with the measured value and ✓/✗"; the cold-start challenge's cost limit of
//! $0.0177 was hidden before).

#![allow(clippy::doc_markdown)] // service names read better bare

use simulations::deploy::{self, DeployConfig};
use simulations::{checks, dynamodb, lambda, phoenix};

#[test]
fn lambda_checks_agree_with_passes_and_show_the_cost_limit() {
    for p in lambda::presets() {
        let r = lambda::simulate(&p.config).unwrap();
        let check = checks::lambda(&p, &p.config, &r);
        assert_eq!(check.passed, p.passes(&p.config, &r), "{}", p.id);
        assert!(!check.passed, "{} fails as shipped", p.id);
        assert!(check.failed().count() >= 1);
    }
    let p = lambda::presets()
        .into_iter()
        .find(|p| p.id == "lambda-cold-start")
        .unwrap();
    // The cheapest passing setting (provisioned = 6, tests/lambda_presets.rs).
    let fixed = lambda::LambdaConfig {
        provisioned: 6,
        ..p.config.clone()
    };
    let r = lambda::simulate(&fixed).unwrap();
    let check = checks::lambda(&p, &fixed, &r);
    assert!(check.passed && p.passes(&fixed, &r), "{check:#?}");
    let cost = check
        .conditions
        .iter()
        .find(|c| c.id == "cost_usd")
        .unwrap();
    assert!(
        cost.label_en.contains("cost (USD) <= 0.0177"),
        "{}",
        cost.label_en
    );
    // Too much provisioned concurrency costs more: only the cost condition fails.
    let dear = lambda::LambdaConfig {
        provisioned: 20,
        ..p.config.clone()
    };
    let r = lambda::simulate(&dear).unwrap();
    let check = checks::lambda(&p, &dear, &r);
    assert_eq!(
        check.failed().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["cost_usd"]
    );
    assert!(
        check
            .conditions
            .iter()
            .find(|c| c.id == "cost_usd")
            .unwrap()
            .measured
            > 0.0177
    );
    // Changing the traffic is its own failed condition.
    let cheat = lambda::LambdaConfig {
        rps: 0.1,
        ..p.config.clone()
    };
    let r = lambda::simulate(&cheat).unwrap();
    assert!(
        checks::lambda(&p, &cheat, &r)
            .failed()
            .any(|c| c.id == "fixed.rps")
    );
}

#[test]
fn deploy_checks_agree_with_passes() {
    for p in deploy::presets() {
        let mut configs = vec![p.config.clone()];
        let mut fixed = p.config.clone();
        fixed.alarm_evaluation_periods = 1;
        configs.push(fixed);
        for c in configs {
            if p.is_comparison() {
                let rows = deploy::rows(&deploy::compare_runs(&c, &p.compare).unwrap());
                let check = checks::deploy_comparison(&p, &c, &rows);
                assert_eq!(check.passed, p.passes_comparison(&c, &rows), "{}", p.id);
                assert!(
                    check
                        .conditions
                        .iter()
                        .all(|x| x.id.contains('@') || x.id.starts_with("fixed."))
                );
            } else {
                let r = deploy::simulate(&c).unwrap();
                assert_eq!(
                    checks::deploy(&p, &c, &r).passed,
                    p.passes(&c, &r),
                    "{}",
                    p.id
                );
            }
        }
    }
    let p = deploy::presets()
        .into_iter()
        .find(|p| p.id == "deploy-canary")
        .unwrap();
    let cheat = DeployConfig {
        new_error_rate: 0.0,
        ..p.config.clone()
    };
    let r = deploy::simulate(&cheat).unwrap();
    assert!(
        checks::deploy(&p, &cheat, &r)
            .failed()
            .any(|c| c.id == "fixed.new_error_rate")
    );
}

#[test]
fn dynamodb_and_phoenix_checks_agree_with_passes() {
    for p in dynamodb::presets().unwrap() {
        let r = p.run().unwrap();
        let check = checks::dynamodb(&p, &r);
        assert_eq!(check.passed, p.passes(&r), "{}", p.id);
        assert_eq!(check.conditions[0].id, "total_throttled");
        assert!((check.conditions[0].measured - r.total_throttled as f64).abs() < 1e-9);
    }
    for p in phoenix::try_presets().unwrap() {
        let r = phoenix::simulate(&p.config).unwrap();
        let check = checks::phoenix(&p, &r);
        assert_eq!(check.passed, p.passes(&r), "{}", p.id);
        assert_eq!(check.conditions.len(), 4);
    }
}
