//! The shared preset format of the newer models (`simulations::challenge::Preset`): what a file
//! must have and what is refused, with the file named in the message.

#![allow(clippy::doc_markdown)] // service names read better bare

use simulations::challenge::{NewerFormat, PresetError};
use simulations::{cache, replicas, sessions, throttle};

const GOOD: &str = r#"
format_version = 1
id = "sessions-test"
title = "제목"
description = "설명"
challenge = "과제"
title_en = "Title"
description_en = "Description"
challenge_en = "Challenge"
levers = ["store"]
fixed = ["users"]

[prediction]
question = "몇 개?"
question_en = "How many?"
metric = "carts_lost"
unit = "개"
unit_en = "carts"

[[pass]]
metric = "carts_lost"
op = "=="
value = 0
label = "0개"
label_en = "none"

[config]
store = "sticky"
users = 20
duration_s = 60
"#;

#[test]
fn a_good_file_loads() {
    let p = sessions::parse_preset("sessions-test.toml", GOOD).unwrap();
    assert_eq!(p.levers, ["store"]);
    assert_eq!(p.prediction.metric, "carts_lost");
}

#[test]
fn bad_files_are_refused_with_the_file_name() {
    let cases = [
        (
            GOOD.replace("format_version = 1", "format_version = 9"),
            "newer",
        ),
        (
            GOOD.replace("id = \"sessions-test\"", "id = \"other\""),
            "file name",
        ),
        (
            GOOD.replace("metric = \"carts_lost\"\nop", "metric = \"carts_gone\"\nop"),
            "carts_gone",
        ),
        (
            GOOD.replace("fixed = [\"users\"]", "fixed = [\"people\"]"),
            "people",
        ),
        (
            GOOD.replace("fixed = [\"users\"]", "fixed = [\"store\"]"),
            "both a lever and fixed",
        ),
        (
            GOOD.replace("label_en = \"none\"", "label_en = \" \""),
            "label_en",
        ),
        (
            GOOD.replace("challenge = \"과제\"", "challenge = \"두\\n줄\""),
            "challenge",
        ),
        (GOOD.replace("users = 20", "users = 0"), "1-10000"),
        (
            GOOD.replace("users = 20", "users = 20\ncolour = 3"),
            "colour",
        ),
    ];
    for (text, needle) in cases {
        let e = sessions::parse_preset("sessions-test.toml", &text).unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("sessions-test.toml"), "{msg}");
        assert!(msg.contains(needle), "{needle}: {msg}");
        if needle == "newer" {
            assert!(matches!(
                e,
                PresetError::Newer(NewerFormat { found: 9, .. })
            ));
        }
    }
}

#[test]
fn every_shipped_preset_loads_with_both_languages() {
    let mut ids = Vec::new();
    macro_rules! all {
        ($m:ident) => {
            for p in $m::presets().unwrap() {
                assert!(
                    p.title_en.as_ref().is_some_and(|t| !t.is_empty())
                        && p.challenge_en.as_ref().is_some_and(|t| !t.is_empty())
                        && !p.prediction.question_en.is_empty()
                );
                assert!(
                    p.pass
                        .iter()
                        .all(|c| !c.label.is_empty() && !c.label_en.is_empty())
                );
                assert!(
                    !p.levers.is_empty(),
                    "{}: a challenge names the settings to change",
                    p.id
                );
                assert_eq!(p.format_version, 1);
                ids.push(p.id.clone());
            }
        };
    }
    all!(sessions);
    all!(cache);
    all!(replicas);
    all!(throttle);
    assert_eq!(ids.len(), 8);
}

/// Loads one scenario file of any model by its name; `Err` carries the model's message.
fn load_any(name: &str, text: &str) -> Result<(), String> {
    use simulations::{cfn, deploy, dynamodb, lambda, phoenix};
    let stem = name.strip_suffix(".toml").unwrap_or(name);
    let kind = stem.split('-').next().unwrap_or_default();
    match kind {
        "lambda" => lambda::Preset::from_toml(stem, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "deploy" => deploy::Preset::from_toml(stem, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "phoenix" => phoenix::Preset::from_toml(stem, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "ddb" => dynamodb::parse_preset(name, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "sessions" => sessions::parse_preset(name, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "cache" => cache::parse_preset(name, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "replicas" => replicas::parse_preset(name, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "throttle" => throttle::parse_preset(name, text)
            .map(drop)
            .map_err(|e| e.to_string()),
        "cfn" => cfn::scenario::Scenario::from_texts(
            "cfn-groups.yaml",
            include_str!("../scenarios/cfn-groups.yaml"),
            name,
            text,
        )
        .map(drop)
        .map_err(|e| e.message(true)),
        other => Err(format!("no loader for the kind {other:?}")),
    }
}

#[test]
fn every_scenario_file_has_format_version_loads_and_refuses_a_newer_one() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.lines().any(|l| l == "format_version = 1"),
            "{name} has no format_version"
        );
        load_any(&name, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let newer = text.replace("format_version = 1", "format_version = 2");
        let e = load_any(&name, &newer).expect_err(&name);
        assert!(e.contains("format_version 2 is newer"), "{name}: {e}");
        seen += 1;
    }
    assert_eq!(seen, 21, "every scenario file is checked");
}
