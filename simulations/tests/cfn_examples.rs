//! The CloudFormation worked examples of `../shared/reference/aws-facts.md` (4.4 and 4.6), and one
//! fixture per rule, from the templates in `tests/fixtures/cfn/` (shared with the CLI tests).

#![allow(clippy::doc_markdown)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use simulations::cfn::{
    self, Action, Evaluation, Outcome, Recreation, Replacement, Report, StackPolicy, Template,
};

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/cfn")
        .join(name)
}

fn template(name: &str) -> Template {
    let text = std::fs::read_to_string(fixture_path(name)).unwrap();
    cfn::parse(name, &text).unwrap_or_else(|e| panic!("{}", e.message(true)))
}

fn policy(name: &str) -> StackPolicy {
    let text = std::fs::read_to_string(fixture_path(name)).unwrap();
    StackPolicy::parse(name, &text).unwrap()
}

fn report(old: &str, new: &str, policy_file: Option<&str>) -> Report {
    let p = policy_file.map(policy);
    cfn::evaluate(&template(old), &template(new), p.as_ref(), &BTreeMap::new())
}

fn verdict(r: &Report, id: &str) -> (Action, Replacement, Outcome) {
    let r = r.get(id).unwrap_or_else(|| panic!("no {id}"));
    (r.action, r.replacement, r.outcome)
}

#[test]
fn c1_key_schema_change_replaces_the_table_and_deletes_the_old_one() {
    let r = report("c1.old.yaml", "c1.new.yaml", None);
    assert_eq!(
        verdict(&r, "UsersTable"),
        (Action::Modify, Replacement::True, Outcome::ReplacedDataLost)
    );
    let t = r.get("UsersTable").unwrap();
    assert_eq!(
        t.policy.as_deref(),
        Some("UpdateReplacePolicy: Delete (default)")
    );
    let ks = t.changes.iter().find(|c| c.name == "KeySchema").unwrap();
    assert_eq!(ks.requires_recreation, Recreation::Always);
    assert_eq!(r.exit_code(), 3);
}

#[test]
fn c1_with_data_annotation_names_the_items_in_the_summary() {
    let data = cfn::parse_data(
        "c1.data.toml",
        &std::fs::read_to_string(fixture_path("c1.data.toml")).unwrap(),
    )
    .unwrap();
    let r = cfn::evaluate(
        &template("c1.old.yaml"),
        &template("c1.new.yaml"),
        None,
        &data,
    );
    assert_eq!(r.summary.ko, "데이터 손실 위험: UsersTable 12,000 items");
    assert_eq!(r.summary.en, "Data loss risk: UsersTable 12,000 items");
}

#[test]
fn c2_retain_keeps_the_old_table_outside_the_stack() {
    let r = report("c2.old.yaml", "c2.new.yaml", None);
    assert_eq!(
        verdict(&r, "UsersTable"),
        (
            Action::Modify,
            Replacement::True,
            Outcome::ReplacedOldRetained
        )
    );
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn c5_billing_mode_change_is_no_interruption() {
    let r = report("c1.old.yaml", "c5.new.yaml", None);
    assert_eq!(
        verdict(&r, "UsersTable"),
        (Action::Modify, Replacement::False, Outcome::InPlace)
    );
    let t = r.get("UsersTable").unwrap();
    assert!(
        t.changes
            .iter()
            .all(|c| c.requires_recreation == Recreation::Never)
    );
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn c7_removed_table_with_retain_is_kept() {
    let r = report("c7.old.yaml", "c7.new.yaml", None);
    assert_eq!(
        verdict(&r, "UsersTable"),
        (Action::Remove, Replacement::False, Outcome::RemovedRetained)
    );
    assert_eq!(verdict(&r, "Jobs").2, Outcome::Unchanged);
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn c12_lambda_memory_and_code_change_is_no_interruption() {
    let r = report("c12.old.yaml", "c12.new.yaml", None);
    assert_eq!(
        verdict(&r, "Resizer"),
        (Action::Modify, Replacement::False, Outcome::InPlace)
    );
    let names: Vec<&str> = r
        .get("Resizer")
        .unwrap()
        .changes
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Code", "MemorySize"]);
    assert_eq!(verdict(&r, "ResizerRole").0, Action::Unchanged);
}

#[test]
fn c14_deny_only_policy_denies_every_other_update_too() {
    let r = report("c14.old.yaml", "c14.new.yaml", Some("c14.policy.json"));
    assert_eq!(
        verdict(&r, "WebFunction"),
        (
            Action::Modify,
            Replacement::False,
            Outcome::BlockedByStackPolicy
        )
    );
    assert!(
        r.get("WebFunction")
            .unwrap()
            .explanation
            .iter()
            .any(|e| e.rule == "cfn.policy.implicit-deny")
    );
    assert!(r.update_fails);
    assert_eq!(r.exit_code(), 4);
}

#[test]
fn c14_with_an_allow_statement_lets_the_function_update() {
    let r = report("c14.old.yaml", "c14.new.yaml", Some("policy-allow.json"));
    assert_eq!(verdict(&r, "WebFunction").2, Outcome::InPlace);
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn change_set_sample_key_name_always_and_instance_type_conditionally_is_true() {
    // aws-facts.md 4.4: KeyName (Always) + InstanceType (Conditionally) + Tags -> True.
    let r = report("ec2-sample.old.yaml", "ec2-sample.new.yaml", None);
    let i = r.get("MyEC2Instance").unwrap();
    assert_eq!(i.replacement, Replacement::True);
    let level = |n: &str| {
        i.changes
            .iter()
            .find(|c| c.name == n)
            .unwrap()
            .requires_recreation
    };
    assert_eq!(level("KeyName"), Recreation::Always);
    // A change set reports InstanceType as Conditionally; the property's own rule decides it: an
    // EBS-backed instance is stopped and started ("Update requires: Some interruptions",
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ec2-instance.html).
    assert_eq!(level("InstanceType"), Recreation::Never);
    assert_eq!(level("Tags"), Recreation::Never);
    // An instance holds data on its disks: replacing it loses that.
    assert_eq!(i.outcome, Outcome::ReplacedDataLost);
}

#[test]
fn custom_name_blocks_replacement_and_says_how_to_fix_it() {
    let r = report("custom-name.old.yaml", "custom-name.new.yaml", None);
    let t = r.get("UsersTable").unwrap();
    assert_eq!(
        (t.replacement, t.outcome),
        (Replacement::True, Outcome::UpdateFails)
    );
    assert!(
        t.reason.en.contains("TableName is fixed to users"),
        "{}",
        t.reason.en
    );
    assert!(t.reason.en.contains("change or remove the name"));
    assert!(t.reason.ko.contains("이름을 바꾸거나 지우세요"));
    assert_eq!(r.exit_code(), 4);
    // The fix: a new name -> replaced, data lost (exit 3).
    let r = report("custom-name.old.yaml", "custom-name-renamed.new.yaml", None);
    assert_eq!(verdict(&r, "UsersTable").2, Outcome::ReplacedDataLost);
    assert_eq!(r.exit_code(), 3);
}

#[test]
fn notes_groups_table_with_table_name_fails_on_key_schema_change() {
    let r = report(
        "notes-003-groups.yaml",
        "notes-003-groups-keyschema.yaml",
        None,
    );
    assert_eq!(verdict(&r, "GroupsDynamoDBTable").2, Outcome::UpdateFails);
}

#[test]
fn snapshot_falls_back_to_delete_on_dynamodb_but_not_on_rds() {
    let r = report(
        "snapshot-fallback.old.yaml",
        "snapshot-fallback.new.yaml",
        None,
    );
    let t = r.get("UsersTable").unwrap();
    assert_eq!(t.outcome, Outcome::ReplacedDataLost);
    assert!(
        t.explanation
            .iter()
            .any(|e| e.rule == "cfn.urp.snapshot-fallback")
    );
    assert_eq!(
        verdict(&r, "Database"),
        (
            Action::Modify,
            Replacement::True,
            Outcome::ReplacedSnapshotTaken
        )
    );
}

#[test]
fn removal_policies_rds_default_snapshot_and_others() {
    let r = report("rds-removal.old.yaml", "rds-removal.new.yaml", None);
    assert_eq!(verdict(&r, "Standalone").2, Outcome::RemovedSnapshotTaken);
    assert_eq!(
        r.get("Standalone").unwrap().policy.as_deref(),
        Some("DeletionPolicy: Snapshot (default)")
    );
    assert_eq!(verdict(&r, "Cluster").2, Outcome::RemovedSnapshotTaken);
    // A cluster member instance: default Delete, and its data lives in the cluster.
    assert_eq!(verdict(&r, "ClusterMember").2, Outcome::Removed);
    assert_eq!(verdict(&r, "Cache").2, Outcome::RemovedSnapshotTaken);
    assert_eq!(verdict(&r, "Uploads").2, Outcome::RemovedRetained);
    assert_eq!(verdict(&r, "Topic").0, Action::Unchanged);
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn stack_policy_condition_on_resource_type() {
    // Deny Replace/Delete on DynamoDB tables by type; everything else allowed.
    let r = report("c1.old.yaml", "c1.new.yaml", Some("policy-condition.json"));
    assert_eq!(verdict(&r, "UsersTable").2, Outcome::BlockedByStackPolicy);
    let r = report("c1.old.yaml", "c5.new.yaml", Some("policy-condition.json"));
    assert_eq!(verdict(&r, "UsersTable").2, Outcome::InPlace);
    // RDS by StringLike with NotAction: anything but Update:Modify is denied.
    let r = report(
        "conditional.old.yaml",
        "conditional.new.yaml",
        Some("policy-condition.json"),
    );
    assert_eq!(verdict(&r, "Database").2, Outcome::BlockedByStackPolicy);
    // Web's InstanceType change is a stop/start (Update:Modify): allowed.
    assert_eq!(verdict(&r, "Web").2, Outcome::InPlace);
}

#[test]
fn conditional_replacement_for_instance_type_and_engine() {
    let r = report("conditional.old.yaml", "conditional.new.yaml", None);
    // EBS-backed InstanceType change: some interruptions (stop/start), not a replacement.
    assert_eq!(verdict(&r, "Web").1, Replacement::False);
    let db = r.get("Database").unwrap();
    assert_eq!(db.replacement, Replacement::Conditional);
    assert!(
        db.reason.en.starts_with("if it needs replacement"),
        "{}",
        db.reason.en
    );
    // The history note: the docs said Replacement for Engine until Nov 2020.
    assert!(db.changes[0].note.as_ref().unwrap().en.contains("Nov 2020"));
}

#[test]
fn one_gsi_change_per_update() {
    let r = report("gsi.old.yaml", "gsi-swap.new.yaml", None);
    let o = r.get("Orders").unwrap();
    assert_eq!(o.outcome, Outcome::UpdateFails);
    assert!(
        o.reason.en.contains("added: ByStatus, deleted: ByCustomer"),
        "{}",
        o.reason.en
    );
    let r = report("gsi.old.yaml", "gsi-add-one.new.yaml", None);
    assert_eq!(verdict(&r, "Orders").2, Outcome::InPlace);
}

#[test]
fn short_form_tags_equal_their_json_long_form() {
    let y = template("tags.yaml");
    let j = template("tags.json");
    assert_eq!(y.value, j.value);
    let r = cfn::evaluate(&y, &j, None, &BTreeMap::new());
    assert!(r.resources.iter().all(|r| r.action == Action::Unchanged));
}

#[test]
fn reference_to_a_replaced_resource_is_a_dynamic_change() {
    // The SAM app's table is replaced (new primary key); the functions' NOTES_TABLE refers to it.
    let r = report("sam-notes-api.yaml", "sam-notes-api.v2.yaml", None);
    let t = r.get("NotesTable").unwrap();
    assert_eq!(
        (t.replacement, t.outcome),
        (Replacement::True, Outcome::ReplacedDataLost)
    );
    assert_eq!(t.data_at_risk.as_ref().unwrap().en, "5,200 items");
    let f = r.get("ListNotesFunction").unwrap();
    assert_eq!(f.outcome, Outcome::InPlace);
    // Environment (from Globals) is the same text in both, but NOTES_TABLE refers to the table.
    let env = f.changes.iter().find(|c| c.name == "Environment").unwrap();
    assert_eq!(env.evaluation, Evaluation::Dynamic);
    assert_eq!(env.causing_entity.as_deref(), Some("NotesTable"));
    assert_eq!(env.requires_recreation, Recreation::Never);
    // MemorySize changed in Globals: a static change of every function.
    let mem = f.changes.iter().find(|c| c.name == "MemorySize").unwrap();
    assert_eq!(mem.evaluation, Evaluation::Static);
}

#[test]
fn dynamic_reference_in_a_create_only_property_is_conditional() {
    let old = cfn::parse(
        "old.yaml",
        "Resources:\n  Key:\n    Type: AWS::EC2::KeyPair\n    Properties: {KeyName: a}\n  Vm:\n    Type: AWS::EC2::Instance\n    Properties: {ImageId: ami-1, KeyName: !Ref Key}\n",
    )
    .unwrap();
    let new = cfn::parse(
        "new.yaml",
        "Resources:\n  Key:\n    Type: AWS::EC2::KeyPair\n    Properties: {KeyName: b}\n  Vm:\n    Type: AWS::EC2::Instance\n    Properties: {ImageId: ami-1, KeyName: !Ref Key}\n",
    )
    .unwrap();
    let r = cfn::evaluate(&old, &new, None, &BTreeMap::new());
    assert_eq!(verdict(&r, "Key").1, Replacement::True);
    let vm = r.get("Vm").unwrap();
    assert_eq!(vm.replacement, Replacement::Conditional);
    let c = &vm.changes[0];
    assert_eq!(
        (c.evaluation, c.causing_entity.as_deref()),
        (Evaluation::Dynamic, Some("Key"))
    );
}

#[test]
fn sam_types_without_a_mapping_are_reported_as_not_evaluated() {
    let old = template("sam-todo-cognito.yaml");
    let mut new = old.clone();
    let api = new.resources.get_mut("TodoApi").unwrap();
    api.properties.insert("Description".into(), "v2".into());
    let r = cfn::evaluate(&old, &new, None, &BTreeMap::new());
    let a = r.get("TodoApi").unwrap();
    assert_eq!(
        (a.replacement, a.outcome),
        (Replacement::Conditional, Outcome::NotEvaluated)
    );
    assert!(a.reason.en.starts_with("SAM transform: not evaluated"));
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn removing_a_resource_that_is_still_referenced_fails() {
    let old = template("sam-image-pipeline.yaml");
    let mut new = old.clone();
    new.resources.remove("ResultsTopic");
    let r = cfn::evaluate(&old, &new, None, &BTreeMap::new());
    assert_eq!(verdict(&r, "ResizeFunction").2, Outcome::UpdateFails);
    assert_eq!(r.exit_code(), 4);
}

#[test]
fn real_world_templates_parse() {
    for name in [
        "notes-003-groups.yaml",
        "notes-003-images.yaml",
        "notes-003-attachments.yaml",
        "sam-notes-api.yaml",
        "sam-todo-cognito.yaml",
        "sam-image-pipeline.yaml",
        "tags.yaml",
        "tags.json",
    ] {
        let t = template(name);
        assert!(!t.resources.is_empty(), "{name}");
        // Compared with itself, nothing changes.
        let r = cfn::evaluate(&t, &t, None, &BTreeMap::new());
        assert!(
            r.resources.iter().all(|r| r.action == Action::Unchanged),
            "{name}"
        );
    }
    assert!(template("sam-notes-api.yaml").is_sam());
}

#[test]
fn broken_yaml_names_the_file_and_line() {
    let text = std::fs::read_to_string(fixture_path("broken.yaml")).unwrap();
    let e = cfn::parse("broken.yaml", &text).unwrap_err();
    assert_eq!(e.file, "broken.yaml");
    assert_eq!(e.line, Some(7));
}

#[test]
fn yaml_control_character_names_its_own_line() {
    // Korean text before it: the parser's byte offset is not a character count.
    let path = fixture_path("../hostile/control-line13.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let e = cfn::parse("control-line13.yaml", &text).unwrap_err();
    assert_eq!(e.line, Some(13), "{}", e.message(true));
    let en = e.message(true);
    assert!(en.contains("control character U+0001 at column 23"), "{en}");
    let ko = e.message(false);
    assert!(
        ko.starts_with("control-line13.yaml:13: YAML을 읽을 수 없어요"),
        "{ko}"
    );
    assert!(ko.contains("제어 문자 U+0001"), "{ko}");

    // On the first line too.
    let e = cfn::parse("t.yaml", "A: \"\u{7}\"\n").unwrap_err();
    assert_eq!(e.line, Some(1));
    assert!(
        e.message(true).contains("U+0007 at column 5"),
        "{}",
        e.message(true)
    );
}

#[test]
fn a_megabyte_of_flow_nesting_is_refused_naming_the_limit_and_line() {
    // Under the 1 MB limit; the YAML scanner's work grows with the square of this nesting.
    let text = format!("Resources:\n  X: {}\n", "[".repeat(1_000_000));
    assert!(text.len() <= cfn::template::MAX_TEMPLATE_BYTES + 100);
    let text = &text[..text.len().min(cfn::template::MAX_TEMPLATE_BYTES)];
    let e = cfn::parse("deep.yaml", text).unwrap_err();
    assert_eq!(e.line, Some(2));
    assert!(
        e.message(true).contains("nested too deeply"),
        "{}",
        e.message(true)
    );
    // The JSON fixture of 100,000 `[` (it starts with `[`, so it is read as YAML).
    let deep = std::fs::read_to_string(fixture_path("../hostile/deep.json")).unwrap();
    let e = cfn::parse("deep.json", &deep).unwrap_err();
    assert!(
        e.message(true).contains("nested too deeply"),
        "{}",
        e.message(true)
    );
}
