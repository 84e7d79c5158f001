//! Property tests of the CloudFormation rules: the replacement verdict depends only on the
//! properties that changed (issue 5, section 4).

#![allow(clippy::doc_markdown)]

use std::collections::BTreeMap;
use std::fmt::Write as _;

use proptest::prelude::*;
use serde_json::{Map, Value, json};
use simulations::cfn::{self, Report, Template};

/// A resource type and property names whose change replaces (`always`), may replace
/// (`conditional`) or updates in place (`never`), from the embedded table.
const CASES: [(&str, &str, &str, &str); 4] = [
    (
        "AWS::DynamoDB::Table",
        "TableName",
        "KeySchema",
        "BillingMode",
    ),
    ("AWS::EC2::Instance", "KeyName", "InstanceType", "Tags"),
    (
        "AWS::RDS::DBInstance",
        "MasterUsername",
        "Engine",
        "AllocatedStorage",
    ),
    (
        "AWS::SQS::Queue",
        "QueueName",
        "QueueName",
        "VisibilityTimeout",
    ),
];

fn template(type_name: &str, props: &Map<String, Value>, order_seed: u64) -> Template {
    // Reorder keys: serde_json maps compare by content, but the template text order must not
    // matter either, so the properties are written out in a shuffled order and parsed back.
    let mut keys: Vec<&String> = props.keys().collect();
    let n = keys.len().max(1) as u64;
    keys.rotate_left((order_seed % n) as usize);
    if order_seed % 2 == 1 {
        keys.reverse();
    }
    let mut text = format!("Resources:\n  R:\n    Type: {type_name}\n    Properties:\n");
    for k in keys {
        let _ = writeln!(text, "      {k}: {}", props[k]);
    }
    text.push_str("  Other:\n    Type: AWS::SNS::Topic\n");
    cfn::parse("t.yaml", &text).unwrap()
}

fn verdict(r: &Report) -> String {
    let x = r.get("R").unwrap();
    format!("{:?}/{:?}", x.replacement, x.outcome)
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[a-z]{1,6}".prop_map(Value::String),
        (0u32..1000).prop_map(|n| json!(n)),
        proptest::collection::vec("[a-z]{1,4}", 1..3).prop_map(|v| json!(v)),
    ]
}

proptest! {
    #[test]
    fn verdict_depends_only_on_changed_properties(
        case in 0usize..CASES.len(),
        which in 0usize..3,
        before in value(),
        after in value(),
        unrelated in proptest::collection::btree_map("X[A-Z][a-z]{2,8}", value(), 0..4),
        seed_a in 0u64..16,
        seed_b in 0u64..16,
    ) {
        prop_assume!(!cfn::template::same_value(&before, &after));
        let (type_name, always, conditional, never) = CASES[case];
        let prop = [always, conditional, never][which];
        let mut old = Map::new();
        old.insert(prop.to_owned(), before.clone());
        let mut new = Map::new();
        new.insert(prop.to_owned(), after.clone());
        let base = cfn::evaluate(
            &template(type_name, &old, 0),
            &template(type_name, &new, 0),
            None,
            &BTreeMap::new(),
        );
        // The same change with unrelated, unchanged properties around it, in any key order.
        for (k, v) in &unrelated {
            old.insert(k.clone(), v.clone());
            new.insert(k.clone(), v.clone());
        }
        let wider = cfn::evaluate(
            &template(type_name, &old, seed_a),
            &template(type_name, &new, seed_b),
            None,
            &BTreeMap::new(),
        );
        prop_assert_eq!(verdict(&base), verdict(&wider));
        let changed: Vec<&str> = wider.get("R").unwrap().changes.iter().map(|c| c.name.as_str()).collect();
        prop_assert_eq!(changed, vec![prop]);
        prop_assert_eq!(wider.get("Other").unwrap().action, cfn::Action::Unchanged);
    }

    #[test]
    fn unchanged_templates_never_replace_anything(
        case in 0usize..CASES.len(),
        props in proptest::collection::btree_map("[A-Z][a-z]{2,8}", value(), 0..6),
        seed_a in 0u64..16,
        seed_b in 0u64..16,
    ) {
        let (type_name, ..) = CASES[case];
        let props: Map<String, Value> = props.into_iter().collect();
        let r = cfn::evaluate(
            &template(type_name, &props, seed_a),
            &template(type_name, &props, seed_b),
            None,
            &BTreeMap::new(),
        );
        prop_assert!(r.resources.iter().all(|x| x.action == cfn::Action::Unchanged));
        prop_assert_eq!(r.exit_code(), 0);
    }

    #[test]
    fn any_text_parses_or_fails_with_a_located_error(
        text in r##"[ \n:\-\[\]{}!a-zA-Z0-9'"#&*,.|>]{0,200}"##,
    ) {
        // Bad input never panics; an error names the file.
        if let Err(e) = cfn::parse("x.yaml", &text) {
            prop_assert_eq!(e.file.as_str(), "x.yaml");
            prop_assert!(e.message(true).starts_with("x.yaml"));
        }
        if let Err(e) = cfn::StackPolicy::parse("p.json", &text) {
            prop_assert_eq!(e.file.as_str(), "p.json");
        }
    }
}
