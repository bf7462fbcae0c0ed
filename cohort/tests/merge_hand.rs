//! Merging a second workspace, worked by hand: every kind of conflict with both sides, the
//! choices each offers, a merge applied only when every conflict is chosen, and what became of
//! each of their records.

mod merge_common;

use merge_common::{allocated, group, key, listed, rules_file, set, staff};
use qkit_allocation::Level;
use qkit_cohort::merge::{plan, Choice, Conflict, MergeError, Outcome, Side};
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
fn a_refused_record_is_listed_and_one_only_in_theirs_allocation_is_taken() {
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
        Outcome::Refused {
            first: "r1.age".into()
        }
    );
    let merged = plan.resolve(&[]).expect("nothing to choose");
    assert_eq!(merged.records, our_records);
    assert_eq!(merged.entries, theirs);
}
