//! Merging a second workspace, worked by hand: every kind of conflict with both sides, the
//! choices each offers, a merge applied only when every conflict is chosen, and what became of
//! each of their records.

mod merge_common;

use merge_common::{allocated, group, key, listed, record, rules_file, set, staff};
use qkit_allocation::Level;
use qkit_cohort::merge::{plan, Choice, Conflict, MergeError, Outcome, Side};
use qkit_cohort::reconcile::Choice as RecordChoice;
use qkit_cohort::workspace::Entries;
use qkit_questionnaires::local_kit::LocalFile;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ReliableChangeChoice;

#[test]
fn a_hand_worked_merge_lists_each_conflict_and_applies_only_when_all_are_chosen() {
    let ours = Entries {
        staff: [(key("A1"), staff(Level::High))].into(),
        comments: [
            (key("A1"), "Ours.".to_owned()),
            (key("B2"), "Same.".to_owned()),
        ]
        .into(),
        groups: vec![group("G1", "site_a")],
        listed: vec![listed("C3", Level::Low)],
        allocated: Some(allocated("2026-12-01", 3.0)),
        local_files: vec![LocalFile {
            name: "lsi.json".into(),
            text: "ours".into(),
        }],
        ..Entries::default()
    };
    let theirs = Entries {
        staff: [
            (key("A1"), staff(Level::Medium)),
            (key("D4"), staff(Level::Low)),
        ]
        .into(),
        comments: [
            (key("A1"), "Theirs.".to_owned()),
            (key("B2"), "Same.".to_owned()),
        ]
        .into(),
        groups: vec![group("G2", "site_b"), group("G1", "site_c")],
        listed: vec![listed("C3", Level::High)],
        // The same allocation, only timed differently: not a conflict.
        allocated: Some(allocated("2026-12-01", 9.0)),
        local_files: vec![LocalFile {
            name: "lsi.json".into(),
            text: "theirs".into(),
        }],
        rules_file: Some(rules_file("site-b-rules.json")),
        reliable_change: ReliableChangeChoice::CohortPre,
        chosen: Vec::new(),
    };
    let our_records = set(&[("A1", "r1", Timepoint::Pre)]);
    let their_records = set(&[
        ("A1", "r1", Timepoint::Pre),
        ("A1", "r9", Timepoint::Mid),
        ("D4", "r4", Timepoint::Pre),
    ]);
    let plan = plan(
        Side::new(&ours, &our_records),
        Side::new(&theirs, &their_records),
    );
    assert_eq!(
        plan.conflicts,
        vec![
            Conflict::Staff {
                key: key("A1"),
                ours: staff(Level::High),
                theirs: staff(Level::Medium)
            },
            Conflict::Comment {
                key: key("A1"),
                ours: "Ours.".into(),
                theirs: "Theirs.".into()
            },
            Conflict::Group {
                ours: group("G1", "site_a"),
                theirs: group("G1", "site_c")
            },
            Conflict::Listed {
                ours: listed("C3", Level::Low),
                theirs: listed("C3", Level::High)
            },
            Conflict::LocalFile {
                ours: ours.local_files[0].clone(),
                theirs: theirs.local_files[0].clone()
            },
            Conflict::RulesFile {
                ours: None,
                theirs: Some(rules_file("site-b-rules.json"))
            },
            Conflict::ReliableChange {
                ours: ReliableChangeChoice::Definition,
                theirs: ReliableChangeChoice::CohortPre
            },
        ]
    );
    assert_eq!(
        plan.conflicts[1].choices(),
        [Choice::Ours, Choice::Theirs, Choice::Both]
    );
    assert_eq!(plan.conflicts[0].choices(), [Choice::Ours, Choice::Theirs]);
    assert_eq!(
        (plan.taken.staff, plan.taken.comments, plan.taken.groups),
        (1, 0, 1)
    );
    assert!(!plan.taken.allocation);
    // Their records: r1 already held, r9 and r4 added (a refused one is the next test's).
    let outcomes: Vec<(&str, Timepoint, &Outcome)> = plan
        .records
        .iter()
        .map(|r| (r.key.participant.as_str(), r.timepoint, &r.outcome))
        .collect();
    let first = |f: &str| f.to_owned();
    assert_eq!(
        outcomes,
        vec![
            (
                "A1",
                Timepoint::Pre,
                &Outcome::AlreadyThere {
                    first: first("r1.age")
                }
            ),
            ("A1", Timepoint::Mid, &Outcome::Added),
            ("D4", Timepoint::Pre, &Outcome::Added),
        ]
    );
    // Not applied until every conflict is chosen, and only with choices offered.
    let mut choices = vec![Some(Choice::Ours); 7];
    choices[3] = None;
    assert_eq!(
        plan.resolve(&choices),
        Err(MergeError::Unchosen { unchosen: 1 })
    );
    assert_eq!(
        plan.resolve(&choices[..2]),
        Err(MergeError::Count {
            conflicts: 7,
            choices: 2
        })
    );
    choices[3] = Some(Choice::Both);
    assert_eq!(
        plan.resolve(&choices),
        Err(MergeError::NotOffered { index: 3 })
    );
    // Staff: theirs; comment: both; group: ours; waiting list: theirs; the rest ours.
    let choices = [
        Choice::Theirs,
        Choice::Both,
        Choice::Ours,
        Choice::Theirs,
        Choice::Ours,
        Choice::Ours,
        Choice::Theirs,
    ]
    .map(Some);
    let merged = plan.resolve(&choices).expect("every conflict is chosen");
    let e = &merged.entries;
    assert_eq!(e.staff[&key("A1")], staff(Level::Medium));
    assert_eq!(e.staff[&key("D4")], staff(Level::Low));
    assert_eq!(e.comments[&key("A1")], "Ours.\n\nTheirs.");
    assert_eq!(e.comments[&key("B2")], "Same.");
    assert_eq!(e.groups, vec![group("G1", "site_a"), group("G2", "site_b")]);
    assert_eq!(e.listed, vec![listed("C3", Level::High)]);
    assert_eq!(e.allocated, ours.allocated);
    assert_eq!(e.local_files, ours.local_files);
    assert_eq!(e.rules_file, None);
    assert_eq!(e.reliable_change, ReliableChangeChoice::CohortPre);
    assert_eq!(merged.chosen, [3, 3, 1]);
    assert_eq!(merged.records.len(), 3);
}

#[test]
fn a_different_record_is_kept_beside_and_one_only_in_theirs_allocation_is_taken() {
    let ours = Entries::default();
    let mut theirs = Entries {
        allocated: Some(allocated("2026-12-01", 1.0)),
        ..Entries::default()
    };
    theirs.staff.insert(key("A1"), staff(Level::Low));
    let our_records = set(&[("A1", "r1", Timepoint::Pre)]);
    let their_records = set(&[("A1", "r2", Timepoint::Pre)]);
    let plan = plan(
        Side::new(&ours, &our_records),
        Side::new(&theirs, &their_records),
    );
    assert!(plan.conflicts.is_empty());
    assert!(plan.taken.allocation);
    assert_eq!(
        plan.records[0].outcome,
        Outcome::Beside {
            first: "r1.age".into()
        }
    );
    let merged = plan.resolve(&[]).expect("nothing to choose");
    // Ours stays in use; theirs is kept beside it, for the assessor to choose on the profile.
    let programme = &record("A1", "r1", Timepoint::Pre).programme;
    assert_eq!(merged.records.len(), our_records.len());
    let in_use = merged.records.get("A1", programme).expect("A1 is held")[Timepoint::Pre as usize]
        .as_ref()
        .map(|i| i.record.record_id.clone());
    assert_eq!(in_use.as_deref(), Some("r1"));
    let beside: Vec<_> = merged
        .records
        .beside("A1", programme, Timepoint::Pre)
        .iter()
        .map(|i| i.record.record_id.as_str())
        .collect();
    assert_eq!(beside, ["r2"]);
    assert_eq!(merged.entries, theirs);
}

/// Both sites hold r1 and r2 for A1's pre: ours chose r1 (the earlier, in use anyway), theirs
/// chose r2. Which to use is a conflict naming both files; taking theirs puts r2 in use, keeping
/// ours leaves r1; a choice only theirs made is taken as it is.
#[test]
fn different_choices_of_the_record_to_use_are_a_conflict() {
    let programme = record("A1", "r1", Timepoint::Pre).programme;
    let choice = |p: &str, t: &str, id: &str| RecordChoice {
        key: qkit_cohort::Key::new(p, &programme),
        timepoint: t.into(),
        record_id: id.into(),
    };
    let both = set(&[
        ("A1", "r1", Timepoint::Pre),
        ("A1", "r2", Timepoint::Pre),
        ("B2", "r3", Timepoint::Mid),
        ("B2", "r4", Timepoint::Mid),
    ]);
    let ours = Entries {
        chosen: vec![choice("A1", "pre", "r1")],
        ..Entries::default()
    };
    let theirs = Entries {
        chosen: vec![choice("A1", "pre", "r2"), choice("B2", "mid", "r4")],
        ..Entries::default()
    };
    let plan = plan(Side::new(&ours, &both), Side::new(&theirs, &both));
    assert_eq!(plan.taken.chosen, 1);
    assert_eq!(
        plan.conflicts,
        [Conflict::Chosen {
            ours: choice("A1", "pre", "r1"),
            theirs: choice("A1", "pre", "r2"),
            our_file: "r1.age".into(),
            their_file: "r2.age".into(),
        }]
    );
    let in_use = |set: &qkit_export::RecordSet, p: &str, t: Timepoint| {
        set.get(p, &programme).expect("held")[t as usize]
            .as_ref()
            .map(|i| i.record.record_id.clone())
    };
    let kept = plan.resolve(&[Some(Choice::Ours)]).expect("chosen");
    assert_eq!(
        in_use(&kept.records, "A1", Timepoint::Pre).as_deref(),
        Some("r1")
    );
    // Theirs alone chose for B2's mid: taken, and r4 is the one in use.
    assert_eq!(
        in_use(&kept.records, "B2", Timepoint::Mid).as_deref(),
        Some("r4")
    );
    let taken = plan.resolve(&[Some(Choice::Theirs)]).expect("chosen");
    assert_eq!(
        in_use(&taken.records, "A1", Timepoint::Pre).as_deref(),
        Some("r2")
    );
    assert_eq!(
        taken.entries.chosen,
        [choice("A1", "pre", "r2"), choice("B2", "mid", "r4")]
    );
    assert!(
        plan.resolve(&[Some(Choice::Both)]).is_err(),
        "both is for comments only"
    );
}
