//! `qkit validate`: exit codes and one line per problem, run as a user would.

use std::process::Command;

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

#[test]
fn the_shipped_definitions_are_valid() {
    let (code, out, err) = qkit(&["validate"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ok: "), "{out}");
}

/// What a psychologist must check before clinical use is listed, never hidden: unverified norms,
/// scales without a reliable change rule, licences to confirm.
#[test]
fn the_checks_before_clinical_use_are_warnings() {
    let (code, _, err) = qkit(&["validate"]);
    assert_eq!(code, 0, "{err}");
    for line in [
        "warning: rses: the organisation must confirm its licence to use this instrument",
        "warning: phq9: scale \"total\": norm \"de_general_all\" is not verified against its source",
        "warning: bis11: scale \"motor\" has no reliable change rule: change is not judged unless the cohort's SD is chosen",
    ] {
        assert!(err.lines().any(|l| l == line), "{line}\n{err}");
    }
    // GAD-7's norm for men was checked against the published abstract.
    assert!(!err.contains("gad7: scale \"total\": norm \"de_general_men\" is not verified"));
    let (code, out, err) = qkit(&["validate", "--licences"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "bis11\nbscs\nrses\n");
}

#[test]
fn a_kit_folder_validates_like_the_shipped_one() {
    let (code, out, err) = qkit(&["validate", "questionnaires"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn broken_local_definitions_give_one_line_per_problem_and_exit_1() {
    let (code, _, err) = qkit(&["validate", "tests/definitions/broken"]);
    assert_eq!(code, 1);
    assert!(
        err.lines()
            .any(|l| l == "duplicate_id.json: $.items[1].id: duplicate item id \"example_01\""),
        "{err}"
    );
    assert!(err.trim_end().ends_with("problems found"), "{err}");
}

#[test]
fn a_missing_folder_is_bad_input() {
    let (code, _, err) = qkit(&["validate", "no/such/folder"]);
    assert_eq!(code, 1);
    assert!(err.contains("no/such/folder is not a folder"), "{err}");
}
