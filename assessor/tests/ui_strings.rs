//! Every interface string the assessor asks for exists in every language of the kit: the keys
//! written in the source, and the keys built from the core's vocabularies (levels, pathways,
//! cohorts, constraints, flags, categories, weekdays, times).

#![cfg(not(target_arch = "wasm32"))]

use qkit_allocation::{Availability, Cohort, Constraint, Intensity, Level, TimeOfDay, Weekday};
use qkit_assessor::model::cohort::FlagKind;
use qkit_questionnaires::{Kit, Timepoint};
use qkit_scoring::change::ChangeCategory;
use std::path::Path;

/// `"assessor_…"` literals in every source file under `dir`.
fn literal_keys(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("the source folder lists") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            literal_keys(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&path).expect("source is text");
            for part in text.split('"').skip(1).step_by(2) {
                if part.starts_with("assessor_")
                    && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
                    && !part.ends_with('_')
                {
                    out.push(part.to_owned());
                }
            }
        }
    }
}

fn built_keys() -> Vec<String> {
    let mut keys = Vec::new();
    let mut add = |prefix: &str, ids: Vec<&str>| {
        keys.extend(ids.into_iter().map(|id| format!("assessor_{prefix}_{id}")));
    };
    add("tp", Timepoint::ALL.iter().map(|t| t.key()).collect());
    add("level", Level::ALL.iter().map(|l| l.key()).collect());
    add("pathway", Intensity::ALL.iter().map(|l| l.key()).collect());
    add("cohort", Cohort::ALL.iter().map(|l| l.key()).collect());
    add(
        "availability",
        Availability::ALL.iter().map(|l| l.key()).collect(),
    );
    add("time", TimeOfDay::ALL.iter().map(|l| l.key()).collect());
    add("weekday", Weekday::ALL.iter().map(|w| w.key()).collect());
    add(
        "constraint",
        Constraint::ORDER.iter().map(|c| c.key()).collect(),
    );
    add(
        "unplaced",
        Constraint::ORDER.iter().map(|c| c.key()).collect(),
    );
    add("flag", FlagKind::ALL.iter().map(|f| f.key()).collect());
    let categories = [
        ChangeCategory::Recovered,
        ChangeCategory::Improved,
        ChangeCategory::Unchanged,
        ChangeCategory::Deteriorated,
    ];
    add("category", categories.iter().map(|c| c.key()).collect());
    add("sentence", categories.iter().map(|c| c.key()).collect());
    keys
}

#[test]
fn every_assessor_string_exists_in_every_language() {
    let kit = Kit::shipped_with_assessor().expect("the shipped kit is valid");
    let mut keys = Vec::new();
    literal_keys(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut keys,
    );
    assert!(keys.len() > 100, "the scan found the keys: {}", keys.len());
    keys.extend(built_keys());
    keys.extend(
        kit.ui
            .languages()
            .map(|(l, _)| format!("assessor_language_{l}")),
    );
    let known: Vec<&str> = kit.ui.keys().collect();
    let missing: Vec<&String> = keys
        .iter()
        .filter(|k| !known.contains(&k.as_str()))
        .collect();
    assert!(missing.is_empty(), "not in ui/en.json: {missing:?}");
    // The kit's loader already insists that every language has exactly the English keys; check
    // that the Welsh is really Welsh where it must differ.
    let cy = qkit_questionnaires::Lang::parse("cy").expect("a tag");
    let en = qkit_questionnaires::Lang::english();
    assert_ne!(
        kit.ui.get(&cy, "assessor_unlock_heading"),
        kit.ui.get(&en, "assessor_unlock_heading")
    );
}
