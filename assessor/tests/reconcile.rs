//! Two different records for one man's timepoint in the assessor's reducer: both kept, the
//! first in use until the assessor chooses the other; the choice is an entry of the workspace,
//! and the workspace read back with it puts the same record in use.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{record, unlocked};
use qkit_assessor::import::{add, FileOutcome};
use qkit_assessor::model::reconcile::{apply, Choice};
use qkit_assessor::model::workspace::{read_records, records_json};
use qkit_assessor::state::Action;
use qkit_export::RecordSet;
use qkit_questionnaires::Timepoint;
use std::rc::Rc;
use yew::Reducible;

#[test]
fn the_later_record_is_kept_beside_and_used_once_chosen() {
    let kit = common::kit();
    let mut set = RecordSet::new();
    let first = record(&kit, "A1", Timepoint::Pre, 0);
    let later = record(&kit, "A1", Timepoint::Pre, 1);
    assert!(matches!(
        add(&mut set, "a.age", first.clone()),
        FileOutcome::Loaded { .. }
    ));
    assert_eq!(
        add(&mut set, "a-again.age", later.clone()),
        FileOutcome::Beside {
            first: "a.age".into(),
            participant: "A1".into(),
            timepoint: Timepoint::Pre
        }
    );
    let s = unlocked(common::state());
    let s = s.reduce(Action::ImportStarted { total: 2 });
    let s = s.reduce(Action::ImportFinished {
        records: Rc::new(set),
        ms: 1.0,
    });
    let in_use = |s: &qkit_assessor::state::State| {
        s.records.get("A1", "tsp").expect("A1")[0]
            .as_ref()
            .map(|i| i.record.record_id.clone())
    };
    assert_eq!(in_use(&s), Some(first.record_id.clone()));
    assert_eq!(s.records.beside("A1", "tsp", Timepoint::Pre).len(), 1);
    let choice = Choice {
        key: qkit_assessor::model::Key::new("A1", "tsp"),
        timepoint: "pre".into(),
        record_id: later.record_id.clone(),
    };
    let s = s.reduce(Action::UseRecord(choice.clone()));
    assert_eq!(in_use(&s), Some(later.record_id.clone()));
    assert_eq!(s.entries().chosen, [choice]);
    // The cohort table shows the chosen record's scores, as if it were the only one.
    let mut only_later = RecordSet::new();
    only_later.add("a-again.age", later.clone());
    let expected = qkit_assessor::model::cohort::table(&kit, &only_later);
    assert_eq!(s.table.rows[0].cells, expected.rows[0].cells);
    let mut only_first = RecordSet::new();
    only_first.add("a.age", first.clone());
    let before = qkit_assessor::model::cohort::table(&kit, &only_first);
    assert_ne!(
        before.rows[0].cells, expected.rows[0].cells,
        "the two records differ"
    );
    // Read back as a workspace keeps it: the records part, then the choices applied.
    let mut back = read_records(&kit, &records_json(&s.records)).expect("reads");
    apply(&mut back, &s.entries().chosen);
    assert_eq!(back, *s.records);
}
