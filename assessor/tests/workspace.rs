//! The workspace model natively: everything entered (staff entries, comments, groups, the
//! waiting list, an allocation with a move by hand and its reason, reliable change) and every
//! record read back equal; newer formats, damaged parts and records that no longer fit the kit
//! refused with a plain reason. Also measures the records part for 2,000 records.

#![cfg(not(target_arch = "wasm32"))]

#[path = "../../allocation/tests/common/mod.rs"]
mod alloc;
mod common;

use common::{record, set, unlocked};
use qkit_allocation::{Availability, Group, Intensity, Level, MoveTarget, Weekday};
use qkit_assessor::model::staff::StaffEntry;
use qkit_assessor::model::workspace::{
    entries_json, read_entries, read_records, records_id, records_json, WorkspaceError,
};
use qkit_assessor::model::Key;
use qkit_assessor::state::{Action, State};
use qkit_export::RecordSet;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ReliableChangeChoice;
use std::rc::Rc;
use yew::Reducible;

/// A participant and a group as the allocation tests build them; two make a group here.
fn group(id: &str) -> Group {
    Group {
        min_size: 2,
        ..alloc::group(id)
    }
}

/// An area with records, a full staff entry, a comment, two groups, a waiting list, an
/// allocation with one move by hand, and the cohort SD chosen.
fn worked() -> Rc<State> {
    let kit = common::kit();
    let s = unlocked(common::state());
    let records = set(
        &kit,
        &[
            ("A1", Timepoint::Pre, 0),
            ("A1", Timepoint::Post, 2),
            ("B2", Timepoint::Pre, 1),
        ],
    );
    let s = s.reduce(Action::ImportStarted { total: 3 });
    let s = s.reduce(Action::ImportFinished {
        records: Rc::new(records),
        ms: 1.0,
    });
    let key = Key::new("B2", "tsp");
    let entry = StaffEntry {
        risk: Some(Level::High),
        requirement: Some("programme_requirement".into()),
        pathway_override: Some((Intensity::High, "Panel decision".into())),
        sites: vec!["site_a".into(), "site_b".into()],
        availability: Some(Availability::Evening),
        in_work: Some(true),
        weekdays: vec![Weekday::Tue, Weekday::Thu],
        keep_apart: vec!["Z9".into()],
        waiting_since: Some(alloc::d("2026-05-04")),
    };
    let s = s.reduce(Action::Staff(key.clone(), entry));
    let s = s.reduce(Action::Comment(key, "Engaged well; \"quotes\" kept".into()));
    let s = s.reduce(Action::AddGroups(vec![group("g1"), group("g2")]));
    let s = s.reduce(Action::Listed(
        (1..=4).map(|i| alloc::man(&format!("W{i}"))).collect(),
    ));
    let s = s.reduce(Action::Allocate {
        today: alloc::today(),
        now_ms: || 0.0,
    });
    let placed = s.allocated.as_ref().expect("an allocation");
    let first = &placed.allocation.assignments[0].participant.clone();
    let s = s.reduce(Action::Move {
        participant: first.clone(),
        target: MoveTarget::OneToOne,
        reason: "Works shifts".into(),
    });
    s.reduce(Action::ReliableChange(ReliableChangeChoice::CohortPre))
}

#[test]
fn everything_entered_reads_back_equal() {
    let s = worked();
    let entries = s.entries();
    let moves = &entries.allocated.as_ref().expect("kept").allocation.moves;
    assert_eq!(moves.len(), 1, "the move by hand is part of the allocation");
    assert_eq!(moves[0].reason, "Works shifts");
    assert_eq!(entries.staff.len(), 1);
    let json = entries_json(&entries, "0123456789abcdef");
    let (back, rid) = read_entries(&json).expect("reads");
    assert_eq!(rid, "0123456789abcdef");
    assert_eq!(back, entries);
}

#[test]
fn records_read_back_equal_and_their_id_follows_their_content() {
    let kit = common::kit();
    let s = worked();
    let json = records_json(&s.records);
    let back = read_records(&kit, &json).expect("reads");
    assert_eq!(back, *s.records);
    assert_eq!(records_id(&json).len(), 16);
    assert_eq!(records_id(&json), records_id(&records_json(&back)));
    let other = set(&kit, &[("A1", Timepoint::Pre, 0)]);
    assert_ne!(records_id(&json), records_id(&records_json(&other)));
    let empty = records_json(&RecordSet::new());
    assert!(read_records(&kit, &empty).expect("reads").is_empty());
}

#[test]
fn newer_damaged_and_unfitting_parts_are_refused_plainly() {
    let kit = common::kit();
    let newer = br#"{"format": 2, "records": "x", "entries": {}}"#;
    assert_eq!(
        read_entries(newer).unwrap_err(),
        WorkspaceError::NewerFormat {
            part: "entries",
            found: 2
        }
    );
    for damaged in [&b"not json"[..], b"{}", br#"{"format": 1, "surprise": 1}"#] {
        assert!(
            matches!(
                read_entries(damaged),
                Err(WorkspaceError::Damaged {
                    part: "entries",
                    ..
                })
            ),
            "{}",
            String::from_utf8_lossy(damaged)
        );
    }
    // A record whose stored score no longer matches its answers is refused, naming its file.
    let mut r = record(&kit, "C3", Timepoint::Pre, 0);
    let mut set = RecordSet::new();
    let scale = r
        .questionnaires
        .iter_mut()
        .filter_map(|q| q.report.as_mut())
        .flat_map(|report| report.scales.iter_mut())
        .find(|s| s.score.is_some())
        .expect("a scored scale");
    scale.score = scale.score.map(|x| x + 1.0);
    set.add("c3.age", r);
    let err = read_records(&kit, &records_json(&set)).unwrap_err();
    assert!(
        matches!(&err, WorkspaceError::Record { source_name, .. } if source_name == "c3.age"),
        "{err}"
    );
}

/// Size and time of the records part for 2,000 records (1,000 men at pre and post): printed,
/// never asserted; the records read back equal.
#[test]
fn workspace_of_2000_records_size_and_time() {
    let kit = common::kit();
    let set = common::cohort(&kit, 1000);
    assert_eq!(set.len(), 2000);
    let started = std::time::Instant::now();
    let json = records_json(&set);
    let written = started.elapsed();
    let started = std::time::Instant::now();
    let back = read_records(&kit, &json).expect("reads");
    let read = started.elapsed();
    assert_eq!(back.len(), 2000);
    // Packed and sealed in the page's storage it is much smaller: see tests/workspace_bench.rs.
    eprintln!(
        "workspace records part, 2,000 records: {} bytes of JSON; written in {} ms, read and \
         checked against the kit in {} ms (this build)",
        json.len(),
        written.as_millis(),
        read.as_millis()
    );
}

#[test]
fn a_workspace_file_opens_for_the_team_key_into_an_empty_workspace_only() {
    use qkit_assessor::model::workspace_file::{file_json, read_file};
    use qkit_assessor::state::FileProblem;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
    let kit = common::kit();
    let s = worked();
    // The file's plaintext reads back whole.
    let plain = file_json(&s.entries(), &s.records);
    let file = read_file(&plain).expect("reads");
    assert_eq!(file.entries, s.entries());
    assert_eq!(file.records(&kit).expect("fit"), *s.records);
    // Sealed to the unlocked identity's recipients; opened into a fresh, unlocked area.
    let sealed = s
        .workspace_file(&mut ChaCha20Rng::seed_from_u64(1))
        .expect("unlocked")
        .expect("sealed");
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    let open = |state: Rc<State>| {
        state.reduce(Action::OpenFile {
            name: "team.age".into(),
            read: Ok(sealed.clone()),
        })
    };
    let fresh = open(unlocked(common::state()));
    assert_eq!(fresh.keeping.file, Some(("team.age".into(), Ok(3))));
    assert_eq!(fresh.entries(), s.entries());
    assert_eq!(fresh.records, s.records);
    assert_eq!(fresh.table, s.table);
    // Not into a workspace holding work (nothing changes), and not with another key.
    let busy = open(s.clone());
    assert_eq!(
        busy.keeping.file,
        Some(("team.age".into(), Err(FileProblem::NotEmpty)))
    );
    assert_eq!(busy.entries(), s.entries());
    let other = qkit_export::NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(2));
    let theirs = Rc::new(common::state()).reduce(Action::Unlock(Rc::new(
        qkit_export::Identities::parse(other.secret_text().as_str()).expect("identity"),
    )));
    let refused = open(theirs);
    assert_eq!(
        refused.keeping.file,
        Some((
            "team.age".into(),
            Err(FileProblem::Open(qkit_export::OpenError::NoMatchingKey))
        ))
    );
    assert!(refused.records.is_empty());
    // A record is not a workspace.
    let record = record(&kit, "A1", Timepoint::Pre, 0)
        .to_json()
        .expect("json");
    assert!(matches!(
        read_file(&record),
        Err(WorkspaceError::Damaged { part: "file", .. })
    ));
}
