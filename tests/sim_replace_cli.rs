//! `gureum sim replace OLD NEW [--stack-policy FILE] [--data FILE] [--json]` through the real
//! binary: exit codes 0/2/3/4/5, the JSON shape, and the notes' GroupsDynamoDBTable ("Done when" of
//! issue 5: a key-schema change destroys its items, BillingMode does not, a fixed TableName fails).

#![allow(clippy::doc_markdown)]

mod support;

use std::process::Output;

use support::cli::gureum;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cfn/");

fn f(name: &str) -> String {
    format!("{DIR}{name}")
}

fn replace(old: &str, new: &str, extra: &[&str]) -> Output {
    let (old, new) = (f(old), f(new));
    let mut args = vec!["sim", "replace", old.as_str(), new.as_str()];
    args.extend_from_slice(extra);
    gureum(&args)
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    v.as_array().expect("a list at the top level").clone()
}

fn entry<'a>(list: &'a [serde_json::Value], id: &str) -> &'a serde_json::Value {
    list.iter()
        .find(|e| e["logical_id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {list:?}"))
}

#[test]
fn notes_table_key_schema_change_loses_its_items_exit_3() {
    let data = f("notes-003.data.toml");
    let o = replace(
        "notes-003-groups-unnamed.yaml",
        "notes-003-groups-unnamed-keyschema.yaml",
        &["--data", &data],
    );
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("데이터 손실 위험: GroupsDynamoDBTable 12,000 items"),
        "{out}"
    );
    let o = replace(
        "notes-003-groups-unnamed.yaml",
        "notes-003-groups-unnamed-keyschema.yaml",
        &["--json"],
    );
    assert_eq!(code(&o), 3);
    let list = json(&o);
    let t = entry(&list, "GroupsDynamoDBTable");
    assert_eq!(t["action"], "Modify");
    assert_eq!(t["replacement"], "True");
    assert_eq!(t["outcome"], "replaced_data_lost");
}

#[test]
fn notes_table_billing_mode_change_keeps_its_items_exit_0() {
    let o = replace(
        "notes-003-groups-unnamed.yaml",
        "notes-003-groups-unnamed-billing.yaml",
        &["--json"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let list = json(&o);
    let t = entry(&list, "GroupsDynamoDBTable");
    assert_eq!(
        (&t["replacement"], &t["outcome"]),
        (&"False".into(), &"in_place".into())
    );
}

#[test]
fn notes_table_with_table_name_fails_exit_4() {
    let o = replace(
        "notes-003-groups.yaml",
        "notes-003-groups-keyschema.yaml",
        &["--lang", "en"],
    );
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("TableName is fixed to Group"), "{out}");
    assert!(out.contains("Update fails: GroupsDynamoDBTable"), "{out}");
}

#[test]
fn json_is_a_list_of_the_contract_fields() {
    let o = replace("c7.old.yaml", "c7.new.yaml", &["--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let list = json(&o);
    assert_eq!(list.len(), 2);
    for e in &list {
        for key in [
            "logical_id",
            "type",
            "action",
            "replacement",
            "outcome",
            "reason",
        ] {
            assert!(e[key].is_string(), "{key} in {e}");
        }
        assert!(["True", "False", "Conditional"].contains(&e["replacement"].as_str().unwrap()));
        assert!(["Add", "Modify", "Remove", "Unchanged"].contains(&e["action"].as_str().unwrap()));
    }
    let t = entry(&list, "UsersTable");
    assert_eq!(t["action"], "Remove");
    assert_eq!(t["outcome"], "removed_retained");
    assert_eq!(t["type"], "AWS::DynamoDB::Table");
}

#[test]
fn stack_policy_blocks_exit_4_and_allow_passes_exit_0() {
    let p = f("c14.policy.json");
    let o = replace(
        "c14.old.yaml",
        "c14.new.yaml",
        &["--stack-policy", &p, "--json"],
    );
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    assert_eq!(
        entry(&json(&o), "WebFunction")["outcome"],
        "blocked_by_stack_policy"
    );
    let p = f("policy-allow.json");
    let o = replace("c14.old.yaml", "c14.new.yaml", &["--stack-policy", &p]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn english_output_with_lang_en() {
    let o = replace("c1.old.yaml", "c5.new.yaml", &["--lang", "en"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains("No data lost"), "{out}");
    assert!(out.contains("in place"), "{out}");
}

#[test]
fn unreadable_input_exits_2_naming_file_and_line() {
    let o = replace("no-such.yaml", "c1.new.yaml", &[]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("no-such.yaml"), "{}", stderr(&o));

    let o = replace("c1.old.yaml", "broken.yaml", &["--lang", "en"]);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(err.contains("broken.yaml:7: invalid YAML"), "{err}");

    // A control character on line 13 (after Korean text) is reported on line 13, not 1.
    let o = replace(
        "c1.old.yaml",
        "../hostile/control-line13.yaml",
        &["--lang", "en"],
    );
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("control-line13.yaml:13: invalid YAML: control character U+0001 at column 23"),
        "{err}"
    );
    let o = replace("c1.old.yaml", "../hostile/control-line13.yaml", &[]);
    assert!(
        stderr(&o).contains("control-line13.yaml:13: YAML을 읽을 수 없어요"),
        "{}",
        stderr(&o)
    );

    let p = f("bad-policy.json");
    let o = replace("c1.old.yaml", "c1.new.yaml", &["--stack-policy", &p]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("bad-policy.json:"), "{}", stderr(&o));

    let d = f("bad-data.toml");
    let o = replace(
        "c1.old.yaml",
        "c1.new.yaml",
        &["--data", &d, "--lang", "en"],
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("bad-data.toml:1: `UsersTable` must be"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn public_sam_templates_compare() {
    let o = replace("sam-notes-api.yaml", "sam-notes-api.v2.yaml", &["--json"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let list = json(&o);
    assert_eq!(entry(&list, "NotesTable")["outcome"], "replaced_data_lost");
    assert_eq!(entry(&list, "NotesTable")["data_at_risk"], "5,200 items");
    for name in [
        "sam-todo-cognito.yaml",
        "sam-image-pipeline.yaml",
        "tags.yaml",
    ] {
        let o = replace(name, name, &[]);
        assert_eq!(code(&o), 0, "{name}: {}", stderr(&o));
    }
}

// Issue 12, "Done when". Cognito: "some settings are locked in after you create your user pool …
// you can't change them unless you create a new resource" —
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-updating.html
#[test]
fn cognito_username_attributes_change_rolls_back_exit_4() {
    let o = replace(
        "cognito-locked.old.yaml",
        "cognito-locked.new.yaml",
        &["--lang", "en"],
    );
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("the stack rolls back"), "{out}");
    assert!(out.contains("Update fails: UserPool"), "{out}");
    let o = replace(
        "cognito-locked.old.yaml",
        "cognito-locked.new.yaml",
        &["--json"],
    );
    assert_eq!(code(&o), 4);
    assert_eq!(entry(&json(&o), "UserPool")["outcome"], "update_fails");
    let o = replace("cognito-locked.old.yaml", "cognito-locked.new.yaml", &[]);
    assert!(stdout(&o).contains("롤백"), "{}", stdout(&o));
}

#[test]
fn cognito_custom_attribute_added_stays_in_place_exit_0() {
    let o = replace(
        "cognito-locked.old.yaml",
        "cognito-custom-attr.new.yaml",
        &["--json"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(entry(&json(&o), "UserPool")["outcome"], "in_place");
}

// EFS: "You lose the file system and any data you have in it"
// (https://docs.aws.amazon.com/efs/latest/ug/delete-efs-fs.html); DeleteLogGroup "permanently
// deletes all the archived log events"
// (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_DeleteLogGroup.html).
#[test]
fn efs_and_log_group_replacement_exit_3_and_say_what_is_lost() {
    let o = replace("efs.old.yaml", "efs.new.yaml", &["--lang", "en"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("data lost: every file in the file system"),
        "{out}"
    );
    assert!(
        out.contains("data lost: every log event in the log group"),
        "{out}"
    );
    let o = replace("efs.old.yaml", "efs.new.yaml", &["--json"]);
    let list = json(&o);
    for id in ["SharedFiles", "AppLogs"] {
        assert_eq!(entry(&list, id)["outcome"], "replaced_data_lost", "{id}");
    }
}

#[test]
fn parameter_default_feeding_table_name_is_not_no_change() {
    let o = replace("param-table.old.yaml", "param-table.new.yaml", &["--json"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let t = entry(&json(&o), "GroupsTable").clone();
    assert_eq!(t["action"], "Modify");
    assert_eq!(t["outcome"], "replaced_data_lost");
    // The same value given for both sides: nothing changes.
    let o = replace(
        "param-table.old.yaml",
        "param-table.new.yaml",
        &["--parameter", "Stage=prod"],
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    // One side only: the deployed stack ran with Stage=prod, the new default is prod too.
    let o = replace(
        "param-table.old.yaml",
        "param-table.new.yaml",
        &["--old-parameter", "Stage=prod"],
    );
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    // A parameter neither template declares is a typo: unreadable input.
    let o = replace(
        "param-table.old.yaml",
        "param-table.new.yaml",
        &["--parameter", "Stag=prod", "--lang", "en"],
    );
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("Stag"), "{}", stderr(&o));
}

#[test]
fn a_value_that_cannot_be_computed_exits_5() {
    let dir = std::env::temp_dir().join(format!("gureum-unknown-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let old = "Parameters:\n  Name: {Type: String}\nResources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties: {TableName: !Ref Name}\n";
    let new = old.replace("!Ref Name", "!Sub '${Name}-v2'");
    let (a, b) = (dir.join("old.yaml"), dir.join("new.yaml"));
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let o = gureum(&["sim", "replace", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(code(&o), 5, "{}", stdout(&o));
    assert!(
        stdout(&o).contains("알 수 없음 (값을 계산할 수 없어요)"),
        "{}",
        stdout(&o)
    );
    let o = gureum(&[
        "sim",
        "replace",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--parameter",
        "Name=users",
    ]);
    assert_eq!(code(&o), 3, "{}", stdout(&o));
    std::fs::remove_dir_all(&dir).ok();
}
