//! Local definition files in the assessor area: the kit rebuilt with them keeps the assessor's
//! strings and the rules, nothing changes on any problem, and with results held a change is
//! taken only when every held record still fits (the record-by-record rules are qkit-cohort's
//! `tests/local.rs`).

#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "../../cohort/tests/local_common/mod.rs"]
mod local_common;

use local_common::{batteries, local_files, text, EXAMPLE};
use qkit_allocation::Rules;
use qkit_assessor::model::local::{add, Refused};
use qkit_assessor::state::Action;
use qkit_export::RecordSet;
use qkit_questionnaires::local_kit::Chosen;
use qkit_questionnaires::{Lang, Timepoint, BATTERIES_FILE};
use std::rc::Rc;
use yew::Reducible;

fn valid() -> Vec<(String, Chosen)> {
    local_files(EXAMPLE)
}

#[test]
fn local_files_give_a_kit_with_the_assessor_strings_and_the_rules() {
    let loaded = add(&[], None, valid(), &RecordSet::new()).expect("valid files");
    let pre = loaded.kit.battery("tsp", Timepoint::Pre).expect("tsp pre");
    let ids: Vec<&str> = pre.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["consent", "example"]);
    let en = Lang::english();
    assert_eq!(
        loaded.kit.ui.get(&en, "assessor_import_heading"),
        common::kit().ui.get(&en, "assessor_import_heading"),
    );
    assert_ne!(
        loaded.kit.ui.get(&en, "assessor_import_heading"),
        "assessor_import_heading"
    );
    assert_eq!(loaded.rules, Rules::shipped(&loaded.kit).expect("rules"));
    let names: Vec<&str> = loaded.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["example.json", BATTERIES_FILE]);
}

#[test]
fn a_bad_file_is_named_and_nothing_is_loaded() {
    let chosen = vec![text("example.json", EXAMPLE), text("empty.json", "")];
    let refused = add(&[], None, chosen, &RecordSet::new()).expect_err("an empty file");
    let lines = refused.lines();
    assert!(matches!(refused, Refused::Definitions(_)), "{refused:?}");
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("empty.json: "), "{lines:?}");
    assert!(lines[0].contains("empty"), "{lines:?}");
}

#[test]
fn files_held_results_do_not_fit_are_refused_naming_them() {
    let held = common::set(&common::kit(), &[("HELD01", Timepoint::Pre, 0)]);
    let refused = add(&[], None, valid(), &held).expect_err("pre is another battery now");
    assert!(matches!(refused, Refused::Records(_)), "{refused:?}");
    let lines = refused.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("HELD01-pre.age"), "{lines:?}");
}

#[test]
fn the_reducer_uses_the_new_kit_or_keeps_everything_and_says_why() {
    let s = Rc::new(common::state());
    let shipped = s.kit.clone();
    let s = s.reduce(Action::AddLocal(vec![text("empty.json", "")]));
    assert!(
        Rc::ptr_eq(&s.kit, &shipped),
        "a refused file changes no kit"
    );
    assert!(matches!(s.local.problem, Some(Refused::Definitions(_))));
    assert!(s.local.files.is_empty());

    let s = s.reduce(Action::AddLocal(valid()));
    assert!(s.kit.questionnaire("example").is_some());
    assert_eq!(s.local.problem, None);
    assert_eq!(s.local.files.len(), 2);
    let with_local = s.kit.clone();

    // Locking keeps the kit with the local files (definitions hold no answers).
    let s = s.reduce(Action::Lock);
    assert!(Rc::ptr_eq(&s.kit, &with_local));
    assert_eq!(s.local.files.len(), 2);

    // With a result held (imports land only while a key is unlocked), a change it does not
    // need is taken: a newer example, then the batteries removed.
    let s = common::unlocked((*s).clone());
    let mut set = RecordSet::new();
    let record = common::record(&common::kit(), "HELD01", Timepoint::Mid, 0);
    set.add("held.age", record);
    let s = s.reduce(Action::ImportFinished {
        records: Rc::new(set),
        ms: 1.0,
    });
    let newer = EXAMPLE.replace("\"1.0.0\"", "\"1.1.0\"");
    let s = s.reduce(Action::AddLocal(vec![text("example.json", &newer)]));
    assert_eq!(s.local.problem, None);
    assert_eq!(
        s.kit.questionnaire("example").map(|q| q.version.as_str()),
        Some("1.1.0")
    );
    let s = s.reduce(Action::RemoveLocal(BATTERIES_FILE.to_owned()));
    assert_eq!(s.local.problem, None);
    assert_eq!(s.local.files.len(), 1);
    let newer_kit = s.kit.clone();

    // A pre result held: batteries with another pre battery are refused, naming it, and the kit
    // and the table stay.
    let mut set = (*s.records).clone();
    set.add(
        "pre.age",
        common::record(&common::kit(), "HELD02", Timepoint::Pre, 0),
    );
    let s = s.reduce(Action::ImportFinished {
        records: Rc::new(set),
        ms: 1.0,
    });
    let table = s.table.clone();
    let s = s.reduce(Action::AddLocal(vec![text(BATTERIES_FILE, &batteries())]));
    assert!(Rc::ptr_eq(&s.kit, &newer_kit));
    assert!(Rc::ptr_eq(&s.table, &table));
    let lines = s.local.problem.as_ref().expect("refused").lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].starts_with("record from \"pre.age\""), "{lines:?}");
}
