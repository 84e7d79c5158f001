//! `gureum keys`: the key map in use, with the user's `keymap.toml` from `GUREUM_CONFIG_DIR`.

use std::path::Path;
use std::process::{Command, Output};

fn keys(config: &Path, args: &[&str]) -> Output {
    let data = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_gureum"))
        .arg("keys")
        .args(args)
        .env("GUREUM_DATA_DIR", data.path())
        .env("GUREUM_CONFIG_DIR", config)
        .output()
        .expect("run gureum")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

fn binding<'a>(v: &'a serde_json::Value, context: &str, run: &str) -> &'a serde_json::Value {
    v["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["context"] == context && b["run"] == run)
        .unwrap_or_else(|| panic!("{context}/{run}"))
}

#[test]
fn keys_lists_the_defaults_grouped_by_context() {
    let config = tempfile::tempdir().unwrap();
    let o = keys(config.path(), &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("keymap.toml"), "{out}");
    assert!(out.contains("[reader] 레슨 읽기"), "{out}");
    let down = out
        .lines()
        .find(|l| l.contains("한 줄 아래로"))
        .expect("reader down");
    assert!(down.contains("j ↓") && down.contains("down"), "{down}");
}

#[test]
fn keys_json_shows_a_user_override_in_toml_key_names() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("keymap.toml"),
        "bindings = [ { context = \"reader\", run = \"practice-section\", on = [\"x\", \"Ctrl-F8\"] } ]\n",
    )
    .unwrap();
    let o = keys(config.path(), &["--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v = json(&o);
    assert_eq!(v["user_file_found"], true);
    assert_eq!(v["applied"], 1);
    assert_eq!(
        binding(&v, "reader", "practice-section")["on"],
        serde_json::json!(["x", "Ctrl-F8"])
    );
    assert_eq!(
        binding(&v, "reader", "down")["on"],
        serde_json::json!(["j", "Down"]),
        "the rest stays"
    );
    assert_eq!(binding(&v, "home", "settings")["desc_en"], "Settings");
}

#[test]
fn a_bad_user_keymap_names_file_and_line_and_exits_2() {
    let config = tempfile::tempdir().unwrap();
    std::fs::write(
        config.path().join("keymap.toml"),
        "bindings = [\n  { context = \"reader\", run = \"dwon\", on = [\"x\"] },\n]\n",
    )
    .unwrap();
    let o = keys(config.path(), &["--json", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr.clone()).unwrap();
    let file = config.path().join("keymap.toml");
    assert!(
        err.contains(&format!(
            "{}:2: unknown action (run) `dwon`; did you mean `down`?",
            file.display()
        )),
        "{err}"
    );
    // The listing still shows what is in effect: the defaults.
    let v = json(&o);
    assert_eq!(v["problems"][0]["line"], 2);
    assert_eq!(
        binding(&v, "reader", "down")["on"],
        serde_json::json!(["j", "Down"])
    );
}
