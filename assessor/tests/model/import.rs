//! Importing into the record set: whether a record is new, a repeat or a second one, and what a
//! rescue file adds.

use crate::common::{kit, record};
use qkit_assessor::import::{add, add_rescue};
use qkit_assessor::model::cohort::{table, Cell};
use qkit_assessor::state::FileOutcome;
use qkit_export::{OpenError, RecordSet};
use qkit_questionnaires::Timepoint;

#[test]
fn importing_says_whether_a_record_is_new_a_repeat_or_a_second_one() {
    let kit = kit();
    let mut s = RecordSet::new();
    let r = record(&kit, "A1", Timepoint::Pre, 0);
    assert_eq!(
        add(&mut s, "a.age", r.clone()),
        FileOutcome::Loaded {
            participant: "A1".into(),
            timepoint: Timepoint::Pre
        }
    );
    assert_eq!(
        add(&mut s, "copy.age", r),
        FileOutcome::Again {
            first: "a.age".into()
        }
    );
    let other = record(&kit, "A1", Timepoint::Pre, 1);
    assert_eq!(
        add(&mut s, "b.age", other),
        FileOutcome::Beside {
            first: "a.age".into(),
            participant: "A1".into(),
            timepoint: Timepoint::Pre
        }
    );
    assert_eq!(s.len(), 1);
}

#[test]
fn a_rescue_file_adds_its_sittings_unfinished_and_says_how_many() {
    let kit = kit();
    let mut s = RecordSet::new();
    let unfinished = |participant: &str| {
        let mut r = record(&kit, participant, Timepoint::Pre, 0);
        r.completed_at = None;
        for q in &mut r.questionnaires {
            q.report = None;
        }
        r
    };
    let finished = record(&kit, "C3", Timepoint::Pre, 0);
    let bad = qkit_export::RecordError::new(
        "$.sittings[3].draft.record",
        qkit_export::RecordErrorKind::Json("no record".into()),
    );
    let outcome = add_rescue(
        &mut s,
        "rescue.age",
        vec![
            Ok(unfinished("A1")),
            Ok(unfinished("B2")),
            Ok(finished.clone()),
            Err(bad.clone()),
        ],
        "BA78-16BF".into(),
    );
    let FileOutcome::Rescue {
        sittings,
        unfinished: open,
        code,
    } = &outcome
    else {
        panic!("a rescue outcome: {outcome:?}");
    };
    assert_eq!(code, "BA78-16BF", "the code staff type on the laptop");
    assert_eq!(*open, 2);
    assert_eq!(
        sittings,
        &[
            FileOutcome::Unfinished {
                participant: "A1".into(),
                timepoint: Timepoint::Pre
            },
            FileOutcome::Unfinished {
                participant: "B2".into(),
                timepoint: Timepoint::Pre
            },
            FileOutcome::Loaded {
                participant: "C3".into(),
                timepoint: Timepoint::Pre
            },
            FileOutcome::Failed(OpenError::Record(bad)),
        ]
    );
    assert!(outcome.is_problem() && !outcome.is_loaded());
    assert_eq!(s.len(), 3);
    let a1 = s.get("A1", "tsp").expect("A1 was added")[0].as_ref();
    assert!(a1.is_some_and(|i| i.record.is_unfinished() && i.source == "rescue.age (1)"));
    // The cohort shows an unfinished sitting's scales as unfinished, a finished one's as scored.
    let t = table(&kit, &s);
    let row = |p: &str| {
        t.rows
            .iter()
            .find(|r| r.key.participant == p)
            .expect("a row")
    };
    assert!(row("B2").cells.iter().all(|c| *c == Cell::Unfinished));
    assert!(row("C3").cells.iter().any(|c| matches!(c, Cell::Scored(_))));
    assert!(!row("C3").cells.contains(&Cell::Unfinished));

    // The same sittings again: repeats, not problems. Then A1's finished record replaces his
    // unfinished one.
    let again = add_rescue(
        &mut s,
        "copy.age",
        vec![Ok(unfinished("A1"))],
        "0000-0000".into(),
    );
    assert!(!again.is_problem() && again.is_loaded());
    let FileOutcome::Rescue { sittings, .. } = again else {
        panic!("a rescue outcome");
    };
    assert!(matches!(sittings[0], FileOutcome::Again { .. }));
    let mut done = record(&kit, "A1", Timepoint::Pre, 0);
    done.record_id = unfinished("A1").record_id;
    assert_eq!(
        add(&mut s, "a1.age", done),
        FileOutcome::Loaded {
            participant: "A1".into(),
            timepoint: Timepoint::Pre
        }
    );
    let a1 = s.get("A1", "tsp").expect("A1 is in the set")[0].as_ref();
    assert!(a1.is_some_and(|i| !i.record.is_unfinished() && i.source == "a1.age"));
    assert_eq!(s.len(), 3);
}
