//! The release binary run as a command (no terminal), for the CLI tests: `gureum ARGS` with its
//! own empty data and config folders, and `gureum sim COMMAND ARGS --json` read as JSON.
#![allow(dead_code)] // each test file uses a part of the harness

use std::process::{Command, Output};

use serde_json::Value;

/// The binary under test (cargo's, or the release binary for an example).
pub const BIN: &str = super::pty::BIN;

/// Runs `gureum args…` to the end, with fresh `GUREUM_DATA_DIR` and `GUREUM_CONFIG_DIR`
/// folders (so a learner's own progress and settings never change a result).
pub fn gureum(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("a temp folder");
    Command::new(BIN)
        .args(args)
        .env("GUREUM_DATA_DIR", home.path().join("data"))
        .env("GUREUM_CONFIG_DIR", home.path().join("config"))
        .output()
        .expect("run gureum")
}

/// `gureum sim COMMAND args… --json`, which must succeed, as JSON.
pub fn sim_json(command: &str, args: &[&str]) -> Value {
    let mut all = vec!["sim", command];
    all.extend_from_slice(args);
    all.push("--json");
    let o = gureum(&all);
    assert!(
        o.status.success(),
        "{command} {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).expect("JSON")
}

/// Each `(args, needle)`: `gureum sim COMMAND args…` exits 2 and its message names `needle`
/// (the limit, its source, or what was wrong).
pub fn exits_2_naming(command: &str, cases: &[(Vec<&str>, &str)]) {
    for (args, needle) in cases {
        let mut all = vec!["sim", command];
        all.extend_from_slice(args);
        let o = gureum(&all);
        assert_eq!(o.status.code(), Some(2), "{command} {args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(needle), "{command} {args:?}: {err}");
    }
}
