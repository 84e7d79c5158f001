//! The shared preset format of the newer models (`simulations::challenge::Preset`): what a file
//! must have and what is refused, with the file named in the message.

#![allow(clippy::doc_markdown)] // service names read better bare

use simulations::challenge::PresetError;
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
            assert!(matches!(e, PresetError::Newer { found: 9, .. }));
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
                    !p.title_en.is_empty()
                        && !p.challenge_en.is_empty()
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
