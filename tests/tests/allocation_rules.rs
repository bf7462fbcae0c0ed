//! Pathway rules files with one problem each, under `tests/allocation/rules_broken/`:
//! `<case>.json` is a rules file and `<case>.expect` the line the error report must contain
//! (file, JSON path, offending id and message). A coverage test checks that every class of
//! rules error has a case.

#![cfg(not(target_arch = "wasm32"))]

use qkit_allocation::{Rules, RulesErrorKind, MAX_RULES_BYTES};
use qkit_questionnaires::Kit;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("allocation/rules_broken");
    let mut v: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    v.sort();
    v
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

/// Runs every case; returns the failures and the error kinds seen.
fn run() -> (Vec<String>, Vec<RulesErrorKind>) {
    let kit = Kit::shipped().expect("shipped kit");
    let mut failures = Vec::new();
    let mut kinds = Vec::new();
    for path in cases() {
        let case = path
            .file_name()
            .expect("a file name")
            .to_string_lossy()
            .into_owned();
        let expect = read(&path.with_extension("expect"));
        match Rules::load(&case, &read(&path), &kit) {
            Ok(_) => failures.push(format!("{case}: loaded, but should fail")),
            Err(errors) => {
                let report = errors.to_string();
                for line in expect.lines().filter(|l| !l.trim().is_empty()) {
                    if !report.lines().any(|r| r.contains(line)) {
                        failures.push(format!(
                            "{case}: expected a line containing\n    {line}\n  got\n    {}",
                            report.replace('\n', "\n    ")
                        ));
                    }
                }
                kinds.extend(errors.0.into_iter().map(|e| e.kind));
            }
        }
    }
    (failures, kinds)
}

#[test]
fn every_broken_rules_file_is_reported_with_file_path_and_id() {
    let (failures, _) = run();
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn an_oversized_rules_file_is_refused_before_parsing() {
    let kit = Kit::shipped().expect("shipped kit");
    let big = " ".repeat(MAX_RULES_BYTES + 1);
    let e = Rules::load("big.json", &big, &kit).expect_err("too large");
    assert!(matches!(e.0[0].kind, RulesErrorKind::TooLarge { .. }));
    assert!(e.to_string().starts_with("big.json: $: file is"));
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let kit = Kit::shipped().expect("shipped kit");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = Rules::load("deep.json", &deep, &kit).expect_err("nested");
    assert!(matches!(e.0[0].kind, RulesErrorKind::Json(_)));
}

/// Every class of rules error is produced by at least one case file (or the test above).
#[test]
fn every_error_class_has_a_case() {
    fn class(k: &RulesErrorKind) -> &'static str {
        use RulesErrorKind as K;
        match k {
            K::Json(_) => "Json",
            K::TooLarge { .. } => "TooLarge",
            K::UnsupportedFormat { .. } => "UnsupportedFormat",
            K::BadId(_) => "BadId",
            K::Duplicate { .. } => "Duplicate",
            K::UnknownQuestionnaire(_) => "UnknownQuestionnaire",
            K::UnknownScale { .. } => "UnknownScale",
            K::NoBands { .. } => "NoBands",
            K::UnknownBand { .. } => "UnknownBand",
            K::UnmappedBand { .. } => "UnmappedBand",
            K::NotAllowed { .. } => "NotAllowed",
            K::OutOfRange { .. } => "OutOfRange",
            K::MissingCell { .. } => "MissingCell",
            K::NoItemWithRole { .. } => "NoItemWithRole",
            K::UnknownCode { .. } => "UnknownCode",
            K::TooFew { .. } => "TooFew",
            K::ValidityBandMapped { .. } => "ValidityBandMapped",
            K::Rule(_) => "Rule",
        }
    }
    const ALL: usize = 18;
    let mut seen: BTreeSet<&str> = BTreeSet::from(["TooLarge"]);
    seen.extend(run().1.iter().map(class));
    assert_eq!(seen.len(), ALL, "classes with a case: {seen:?}");
}
