//! `qkit allocate`: the worked example end to end, and bad input giving exit 1 with line and
//! column, run as a user would.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXAMPLE: &str = "tests/allocation/example";

fn qkit(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qkit"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("qkit runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A fresh output path under the target directory for one test.
fn out_path(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("allocate_cli");
    fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    let _ = fs::remove_file(&path);
    path
}

fn allocate(participants: &str, groups: &str, out: &Path) -> (i32, String, String) {
    qkit(&[
        "allocate",
        "--participants",
        participants,
        "--groups",
        groups,
        "--rules",
        &format!("{EXAMPLE}/rules.json"),
        "--out",
        out.to_str().expect("utf-8 path"),
        "--today",
        "2026-11-23",
    ])
}

#[test]
fn the_worked_example_writes_the_expected_allocation() {
    let out = out_path("example.csv");
    let (code, stdout, err) = allocate(
        &format!("{EXAMPLE}/participants.csv"),
        &format!("{EXAMPLE}/groups.csv"),
        &out,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        stdout.starts_with(
            "allocated 14 participants for 2026-11-23: 7 in groups, 6 to 1:1, 1 not recommended"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("warning: group g_tsp_b_adapt is below its minimum size (1 of 2)"),
        "{stdout}"
    );
    let expected = fs::read_to_string(format!(
        "{}/../{EXAMPLE}/expected.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("expected.csv");
    assert_eq!(fs::read_to_string(&out).expect("written"), expected);
}

#[test]
fn a_bad_cell_is_exit_1_with_file_line_and_column() {
    let dir = out_path("bad").with_extension("d");
    fs::create_dir_all(&dir).expect("dir");
    let bad = dir.join("participants.csv");
    let text = fs::read_to_string(format!(
        "{}/../{EXAMPLE}/participants.csv",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("example")
    .replace("p05,tsp,medium,medium", "p05,tsp,medium,severe");
    fs::write(&bad, text).expect("write");
    let out = out_path("bad.csv");
    let (code, _, err) = allocate(
        bad.to_str().expect("utf-8"),
        &format!("{EXAMPLE}/groups.csv"),
        &out,
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(
        err.trim_end(),
        "qkit: participants.csv: line 6, column \"risk\": \"severe\" is not one of low, medium, high"
    );
    assert!(!out.exists(), "nothing written on bad input");
}

#[test]
fn bad_rules_a_bad_date_and_a_missing_file_are_exit_1() {
    let out = out_path("never.csv");
    let groups = format!("{EXAMPLE}/groups.csv");
    let (code, _, err) = qkit(&[
        "allocate",
        "--participants",
        &format!("{EXAMPLE}/participants.csv"),
        "--groups",
        &groups,
        "--rules",
        "tests/allocation/rules_broken/missing_cell.json",
        "--out",
        out.to_str().expect("utf-8"),
        "--today",
        "2026-11-23",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("missing_cell.json: $.pathway: no pathway for high need and high risk"),
        "{err}"
    );
    let (code, _, err) = qkit(&[
        "allocate",
        "--participants",
        &format!("{EXAMPLE}/participants.csv"),
        "--groups",
        &groups,
        "--out",
        out.to_str().expect("utf-8"),
        "--today",
        "23/11/2026",
    ]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("--today \"23/11/2026\" is not a date written YYYY-MM-DD"),
        "{err}"
    );
    let (code, _, err) = allocate("no/such.csv", &groups, &out);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("cannot read no/such.csv"), "{err}");
}
