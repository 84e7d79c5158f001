//! The guided CloudFormation scenario (`simulations/scenarios/cfn-groups.*`): every edit gives the
//! result the lesson promises ("Done when" of issue 5: a key-schema change destroys the notes'
//! GroupsDynamoDBTable's items, BillingMode does not, and a fixed TableName makes it fail).

#![allow(clippy::doc_markdown)]

use simulations::cfn::scenario::{self, Applied, Scenario};
use simulations::cfn::{Action, Outcome, Replacement};

fn scenario() -> Scenario {
    scenario::groups().expect("embedded scenario parses")
}

fn apply(s: &Scenario, id: &str) -> Applied {
    let i = s
        .edits
        .iter()
        .position(|e| e.id == id)
        .unwrap_or_else(|| panic!("no edit {id}"));
    s.apply(i).unwrap()
}

fn items(a: &Applied, id: &str) -> Option<u64> {
    a.after
        .iter()
        .find(|h| h.logical_id == id)
        .map(|h| h.amount)
}

const TABLE: &str = "GroupsDynamoDBTable";

#[test]
fn deployed_stack_holds_12000_items_and_3400_users() {
    let h = scenario().holdings();
    let text: Vec<String> = h
        .iter()
        .map(|h| format!("{} {}", h.logical_id, h.text()))
        .collect();
    assert_eq!(
        text,
        ["GroupsDynamoDBTable 12,000 items", "UserPool 3,400 users"]
    );
}

#[test]
fn key_schema_change_replaces_the_table_and_its_items_vanish() {
    let a = apply(&scenario(), "key-schema");
    let r = a.preview.report.get(TABLE).unwrap();
    assert_eq!(
        (r.action, r.replacement),
        (Action::Modify, Replacement::True)
    );
    assert_eq!(r.outcome, Outcome::ReplacedDataLost);
    assert_eq!(items(&a, TABLE), Some(0));
    assert_eq!(items(&a, "UserPool"), Some(3400));
    assert_eq!(a.preview.report.exit_code(), 3);
    assert!(
        a.preview
            .report
            .summary
            .ko
            .contains("GroupsDynamoDBTable 12,000 items"),
        "{}",
        a.preview.report.summary.ko
    );
    // The function's GROUPS_TABLE refers to the table: it changes at deploy time, in place.
    let f = a.preview.report.get("GetGroupsFunction").unwrap();
    assert_eq!((f.action, f.outcome), (Action::Modify, Outcome::InPlace));
    assert!(
        f.changes
            .iter()
            .any(|c| c.name == "Environment" && c.causing_entity.as_deref() == Some(TABLE))
    );
}

#[test]
fn billing_mode_change_keeps_the_items() {
    let a = apply(&scenario(), "billing-mode");
    let r = a.preview.report.get(TABLE).unwrap();
    assert_eq!(
        (r.replacement, r.outcome),
        (Replacement::False, Outcome::InPlace)
    );
    assert_eq!(items(&a, TABLE), Some(12_000));
    assert_eq!(a.preview.report.exit_code(), 0);
}

#[test]
fn fixed_table_name_makes_the_key_schema_change_fail() {
    let a = apply(&scenario(), "key-schema-named");
    let r = a.preview.report.get(TABLE).unwrap();
    assert_eq!(r.outcome, Outcome::UpdateFails);
    assert!(r.reason.en.contains("TableName"), "{}", r.reason.en);
    assert!(a.rolled_back);
    assert_eq!(items(&a, TABLE), Some(12_000));
    assert_eq!(a.preview.report.exit_code(), 4);
}

#[test]
fn adding_a_table_name_alone_replaces_the_table() {
    let a = apply(&scenario(), "add-table-name");
    let r = a.preview.report.get(TABLE).unwrap();
    assert_eq!(
        (r.replacement, r.outcome),
        (Replacement::True, Outcome::ReplacedDataLost)
    );
}

#[test]
fn retain_keeps_the_old_table_outside_the_stack() {
    let a = apply(&scenario(), "key-schema-retain");
    assert_eq!(
        a.preview.report.get(TABLE).unwrap().outcome,
        Outcome::ReplacedOldRetained
    );
    assert_eq!(items(&a, TABLE), Some(0));
    assert_eq!(a.outside.len(), 1);
    assert_eq!(a.outside[0].holding.amount, 12_000);
    assert!(!a.outside[0].snapshot);
    assert_eq!(a.preview.report.exit_code(), 0);
}

#[test]
fn snapshot_on_a_dynamodb_table_falls_back_to_delete() {
    let a = apply(&scenario(), "key-schema-snapshot");
    let r = a.preview.report.get(TABLE).unwrap();
    assert_eq!(r.outcome, Outcome::ReplacedDataLost);
    assert!(
        r.explanation
            .iter()
            .any(|e| e.rule == "cfn.urp.snapshot-fallback")
    );
    assert!(a.outside.is_empty());
}

#[test]
fn stack_policies_block_the_update() {
    let s = scenario();
    let a = apply(&s, "policy-deny-replace");
    assert_eq!(
        a.preview.report.get(TABLE).unwrap().outcome,
        Outcome::BlockedByStackPolicy
    );
    assert!(a.rolled_back);
    // C14 in the scenario: a Deny-only policy also blocks a change that does not replace.
    let a = apply(&s, "policy-deny-only");
    let r = a.preview.report.get(TABLE).unwrap();
    assert_eq!(r.outcome, Outcome::BlockedByStackPolicy);
    assert!(
        r.explanation
            .iter()
            .any(|e| e.rule == "cfn.policy.implicit-deny")
    );
}

#[test]
fn gsi_one_at_a_time() {
    let s = scenario();
    assert_eq!(
        apply(&s, "gsi-one")
            .preview
            .report
            .get(TABLE)
            .unwrap()
            .outcome,
        Outcome::InPlace
    );
    let a = apply(&s, "gsi-two");
    assert_eq!(
        a.preview.report.get(TABLE).unwrap().outcome,
        Outcome::UpdateFails
    );
    assert!(a.rolled_back);
}

#[test]
fn cognito_schema_and_name_changes_are_in_place_today() {
    let s = scenario();
    for id in ["cognito-schema", "cognito-name"] {
        let a = apply(&s, id);
        let r = a.preview.report.get("UserPool").unwrap();
        assert_eq!(
            (r.replacement, r.outcome),
            (Replacement::False, Outcome::InPlace),
            "{id}"
        );
        assert_eq!(items(&a, "UserPool"), Some(3400));
    }
    let r = apply(&s, "cognito-schema");
    let r = r.preview.report.get("UserPool").unwrap();
    assert!(r.changes[0].note.as_ref().unwrap().en.contains("Aug 2019"));
}

#[test]
fn removing_the_table_deletes_it_unless_retained() {
    let s = scenario();
    let a = apply(&s, "remove-table");
    assert_eq!(
        a.preview.report.get(TABLE).unwrap().outcome,
        Outcome::RemovedDataLost
    );
    assert_eq!(items(&a, TABLE), None);
    assert!(a.outside.is_empty());
    let a = apply(&s, "remove-table-retain");
    assert_eq!(
        a.preview.report.get(TABLE).unwrap().outcome,
        Outcome::RemovedRetained
    );
    assert_eq!(a.outside[0].holding.amount, 12_000);
    assert_eq!(a.preview.report.exit_code(), 0);
}
