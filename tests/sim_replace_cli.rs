//! `gureum sim replace OLD NEW [--stack-policy FILE] [--data FILE] [--json]` through the real
//! binary: exit codes 0/2/3/4, the JSON shape, and the notes' GroupsDynamoDBTable ("Done when" of
//! issue 5: a key-schema change destroys its items, BillingMode does not, a fixed TableName fails).

#![allow(clippy::doc_markdown)]

use std::process::{Command, Output};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cfn/");

fn f(name: &str) -> String {
    format!("{DIR}{name}")
}

fn gureum(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gureum"))
        .args(args)
        .output()
        .expect("run gureum")
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
