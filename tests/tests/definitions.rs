//! Loader tests driven by files under `tests/definitions/`:
//! - `broken/<case>.json` is a questionnaire with one problem; `<case>.expect` holds the lines
//!   the error report must contain (file, JSON path, item and message).
//! - `batteries/<case>.json` is a batteries file checked against `valid/` definitions.
//! - `ui/<case>/` holds strings files with one problem and an `expect` file.
//!
//! Each runner checks every case and reports all failing files by name. A coverage test checks
//! that every class of definition error is produced by at least one case.

use qkit_questionnaires::{
    load_questionnaire, DefinitionErrorKind, DefinitionErrors, Kit, KitSources, MAX_FILE_BYTES,
};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("definitions")
        .join(sub)
}

fn read(p: &Path) -> String {
    fs::read_to_string(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
}

fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

fn name(p: &Path) -> String {
    p.file_name()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// Checks that `result` failed and its report holds every expected line; returns a failure text.
fn check<T: std::fmt::Debug>(
    case: &str,
    result: Result<T, DefinitionErrors>,
    expect: &str,
) -> Result<Vec<DefinitionErrorKind>, String> {
    let errors = match result {
        Ok(v) => return Err(format!("{case}: loaded, but should fail: {v:?}")),
        Err(e) => e,
    };
    let report = errors.to_string();
    for line in expect.lines().filter(|l| !l.trim().is_empty()) {
        if !report.lines().any(|r| r.contains(line)) {
            return Err(format!(
                "{case}: expected a line containing\n    {line}\n  got\n    {}",
                report.replace('\n', "\n    ")
            ));
        }
    }
    Ok(errors.0.into_iter().map(|e| e.kind).collect())
}

fn example_sources() -> (String, String) {
    (
        read(&dir("valid").join("example.json")),
        read(&dir("valid").join("mini_consent.json")),
    )
}

fn broken_questionnaires() -> (Vec<String>, Vec<DefinitionErrorKind>) {
    let mut failures = Vec::new();
    let mut kinds = Vec::new();
    for path in files_with_ext(&dir("broken"), "json") {
        let case = name(&path);
        let expect = read(&path.with_extension("expect"));
        match check(&case, load_questionnaire(&case, &read(&path)), &expect) {
            Ok(k) => kinds.extend(k),
            Err(f) => failures.push(f),
        }
    }
    (failures, kinds)
}

fn broken_batteries() -> (Vec<String>, Vec<DefinitionErrorKind>) {
    let (example, consent) = example_sources();
    let mut failures = Vec::new();
    let mut kinds = Vec::new();
    for path in files_with_ext(&dir("batteries"), "json") {
        let case = name(&path);
        let text = read(&path);
        let sources = KitSources {
            definitions: vec![("example.json", &example), ("mini_consent.json", &consent)],
            batteries: ("batteries.json", &text),
            ui: KitSources::shipped().ui,
        };
        match check(
            &case,
            Kit::load(&sources),
            &read(&path.with_extension("expect")),
        ) {
            Ok(k) => kinds.extend(k),
            Err(f) => failures.push(f),
        }
    }
    (failures, kinds)
}

fn broken_ui() -> (Vec<String>, Vec<DefinitionErrorKind>) {
    let (example, consent) = example_sources();
    let batteries = read(&dir("valid").join("batteries.json"));
    let mut failures = Vec::new();
    let mut kinds = Vec::new();
    let mut cases: Vec<_> = fs::read_dir(dir("ui"))
        .expect("ui cases")
        .map(|e| e.expect("entry").path())
        .collect();
    cases.sort();
    for case_dir in cases {
        let case = name(&case_dir);
        let files: Vec<(String, String)> = files_with_ext(&case_dir, "json")
            .iter()
            .map(|p| (name(p), read(p)))
            .collect();
        let sources = KitSources {
            definitions: vec![("example.json", &example), ("mini_consent.json", &consent)],
            batteries: ("batteries.json", &batteries),
            ui: files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect(),
        };
        match check(&case, Kit::load(&sources), &read(&case_dir.join("expect"))) {
            Ok(k) => kinds.extend(k),
            Err(f) => failures.push(f),
        }
    }
    (failures, kinds)
}

fn assert_none(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failing case(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_broken_questionnaire_is_reported_with_file_path_and_item() {
    assert_none(broken_questionnaires().0);
}

#[test]
fn every_broken_batteries_file_is_reported() {
    assert_none(broken_batteries().0);
}

#[test]
fn every_broken_strings_file_is_reported() {
    assert_none(broken_ui().0);
}

#[test]
fn the_valid_examples_load() {
    let (example, consent) = example_sources();
    let batteries = read(&dir("valid").join("batteries.json"));
    let sources = KitSources {
        definitions: vec![("example.json", &example), ("mini_consent.json", &consent)],
        batteries: ("batteries.json", &batteries),
        ui: KitSources::shipped().ui,
    };
    let kit = Kit::load(&sources).unwrap_or_else(|e| panic!("{e}"));
    let q = kit.questionnaire("example").expect("example is loaded");
    assert_eq!(q.items.len(), 2);
    assert_eq!(q.scales[0].score_min, 2.0);
    assert_eq!(q.scales[0].score_max, 4.0);
    assert_eq!(q.items[1].keyed(1), 2, "reverse keyed: min + max - value");
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    let e = load_questionnaire("big.json", &big).expect_err("too large");
    assert_eq!(e.0.len(), 1);
    assert!(matches!(e.0[0].kind, DefinitionErrorKind::TooLarge { .. }));
    assert!(e.to_string().starts_with("big.json: $: file is"));
}

#[test]
fn deeply_nested_json_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let e = load_questionnaire("deep.json", &deep).expect_err("nested");
    assert!(matches!(e.0[0].kind, DefinitionErrorKind::Json(_)));
}

#[test]
fn the_same_questionnaire_twice_is_a_duplicate() {
    let (example, consent) = example_sources();
    let batteries = read(&dir("valid").join("batteries.json"));
    let sources = KitSources {
        definitions: vec![
            ("example.json", &example),
            ("example.json", &example),
            ("mini_consent.json", &consent),
        ],
        batteries: ("batteries.json", &batteries),
        ui: KitSources::shipped().ui,
    };
    let e = Kit::load(&sources).expect_err("duplicate");
    assert!(e
        .to_string()
        .contains("example.json: $.id: duplicate questionnaire id \"example\""));
}

/// Every class of definition error is produced by at least one case file (or test above).
#[test]
fn every_error_class_has_a_case() {
    fn class(k: &DefinitionErrorKind) -> &'static str {
        use DefinitionErrorKind as K;
        match k {
            K::Json(_) => "Json",
            K::TooLarge { .. } => "TooLarge",
            K::UnsupportedFormat { .. } => "UnsupportedFormat",
            K::BadId(_) => "BadId",
            K::IdNotFileName { .. } => "IdNotFileName",
            K::DuplicateId { .. } => "DuplicateId",
            K::UnknownItem { .. } => "UnknownItem",
            K::UnknownResponseScale { .. } => "UnknownResponseScale",
            K::UnknownNorm { .. } => "UnknownNorm",
            K::UnknownQuestionnaire { .. } => "UnknownQuestionnaire",
            K::ReverseKeyedNotScored(_) => "ReverseKeyedNotScored",
            K::MissingTranslation { .. } => "MissingTranslation",
            K::UnclaimedLanguage { .. } => "UnclaimedLanguage",
            K::EmptyText(_) => "EmptyText",
            K::NotAllowed { .. } => "NotAllowed",
            K::OutOfRange { .. } => "OutOfRange",
            K::NonPositiveSd(..) => "NonPositiveSd",
            K::OverlappingBands { .. } => "OverlappingBands",
            K::BandGap { .. } => "BandGap",
            K::TooFew { .. } => "TooFew",
            K::Repeated { .. } => "Repeated",
            K::BadOppositePair { .. } => "BadOppositePair",
            K::BadCode { .. } => "BadCode",
            K::Rule(_) => "Rule",
            K::ConsentNotFirst { .. } => "ConsentNotFirst",
            K::UiKey { .. } => "UiKey",
        }
    }
    const ALL: usize = 26;
    let mut seen: BTreeSet<&str> = BTreeSet::from(["TooLarge"]);
    for (_, kinds) in [broken_questionnaires(), broken_batteries(), broken_ui()] {
        seen.extend(kinds.iter().map(class));
    }
    assert_eq!(seen.len(), ALL, "classes with a case: {seen:?}");
}

/// Strings come in sets (`en.json`, `assessor/en.json`): each set is checked against its own
/// English file, and a key may belong to one set only.
#[test]
fn strings_sets_are_checked_each_against_its_english_file() {
    let (example, consent) = example_sources();
    let batteries = read(&dir("valid").join("batteries.json"));
    let file = |lang: &str, strings: &str| {
        format!(r#"{{"format": 1, "lang": "{lang}", "name": "{lang}", "strings": {{{strings}}}}}"#)
    };
    let base_en = file("en", r#""next": "Next""#);
    let base_cy = file("cy", r#""next": "Nesaf""#);
    let load = |extra: Vec<(&str, String)>| {
        let mut ui = vec![("en.json", base_en.as_str()), ("cy.json", base_cy.as_str())];
        ui.extend(extra.iter().map(|(n, t)| (*n, t.as_str())));
        Kit::load(&KitSources {
            definitions: vec![("example.json", &example), ("mini_consent.json", &consent)],
            batteries: ("batteries.json", &batteries),
            ui,
        })
        .map(|kit| {
            kit.ui
                .get(&qkit_questionnaires::Lang::english(), "import")
                .to_owned()
        })
        .map_err(|e| e.to_string())
    };
    let good = load(vec![
        ("assessor/en.json", file("en", r#""import": "Import""#)),
        ("assessor/cy.json", file("cy", r#""import": "Mewnforio""#)),
    ]);
    assert_eq!(good, Ok("Import".to_owned()));
    let missing = load(vec![
        ("assessor/en.json", file("en", r#""import": "Import""#)),
        ("assessor/cy.json", file("cy", "")),
    ]);
    assert!(
        missing
            .as_ref()
            .is_err_and(|e| e.contains("assessor/cy.json: $.strings: string \"import\" is missing")),
        "{missing:?}"
    );
    let twice = load(vec![
        ("assessor/en.json", file("en", r#""next": "Next""#)),
        ("assessor/cy.json", file("cy", r#""next": "Nesaf""#)),
    ]);
    assert!(
        twice
            .as_ref()
            .is_err_and(|e| e.contains("also in another strings file")),
        "{twice:?}"
    );
}
