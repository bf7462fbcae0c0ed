//! Merging a second workspace: a hand-worked merge with every kind of conflict and record
//! outcome, and properties over generated workspaces (merging a workspace with itself changes
//! nothing; merging into an empty one gives the other; no entry disappears without a choice).

use proptest::prelude::*;
use qkit_allocation::{
    Allocation, AllocationInput, Cohort, Date, Intake, Intensity, Level, Slot, TimeOfDay, Weekday,
};
use qkit_allocation::{Group, Participant};
use qkit_cohort::merge::{both_comments, plan, Choice, Conflict, MergeError, Outcome, Side};
use qkit_cohort::rules_file::RulesFile;
use qkit_cohort::staff::StaffEntry;
use qkit_cohort::workspace::{Allocated, Entries};
use qkit_cohort::Key;
use qkit_export::record_set::RecordSet;
use qkit_export::ResultRecord;
use qkit_questionnaires::local_kit::LocalFile;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ReliableChangeChoice;

const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

fn record(participant: &str, id: &str, t: Timepoint) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    r.participant = participant.to_owned();
    r.record_id = id.to_owned();
    r.timepoint = t;
    r
}

fn key(p: &str) -> Key {
    Key::new(p, "tsp")
}

fn staff(risk: Level) -> StaffEntry {
    StaffEntry {
        risk: Some(risk),
        ..StaffEntry::default()
    }
}

fn group(id: &str, site: &str) -> Group {
    Group {
        id: id.to_owned(),
        programme: "tsp".to_owned(),
        pathway: Intensity::Moderate,
        cohort: Cohort::General,
        site: site.to_owned(),
        slot: Slot {
            weekday: Weekday::Tue,
            time: TimeOfDay::Evening,
        },
        start: Date::parse("2027-01-05").expect("a date"),
        intake: Intake::Closed,
        min_size: 8,
        max_size: 10,
        adapted: false,
        members: Vec::new(),
    }
}

fn listed(id: &str, need: Level) -> Participant {
    Participant {
        id: id.to_owned(),
        programme: "tsp".to_owned(),
        pathway: Intensity::Moderate,
        cohort: Cohort::General,
        need,
        sites: vec!["site_a".to_owned()],
        availability: qkit_allocation::Availability::Either,
        weekdays: Vec::new(),
        in_work: false,
        adapted: false,
        waiting_since: Date::parse("2026-10-01").expect("a date"),
        keep_apart: Vec::new(),
    }
}

fn allocated(today: &str, ms: f64) -> Allocated {
    Allocated {
        input: AllocationInput {
            participants: Vec::new(),
            groups: Vec::new(),
        },
        allocation: Allocation {
            today: Date::parse(today).expect("a date"),
            assignments: Vec::new(),
            groups: Vec::new(),
            moves: Vec::new(),
        },
        not_ready: Vec::new(),
        ms,
    }
}

fn rules_file(name: &str) -> RulesFile {
    serde_json::from_value(serde_json::json!({ "name": name, "text": "{}" })).expect("a rules file")
}

fn set(records: &[(&str, &str, Timepoint)]) -> RecordSet {
    let mut set = RecordSet::new();
    for (p, id, t) in records {
        set.add(&format!("{id}.age"), record(p, id, *t));
    }
    set
}

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
        Side {
            entries: &ours,
            records: &our_records,
        },
        Side {
            entries: &theirs,
            records: &their_records,
        },
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
        Side {
            entries: &ours,
            records: &our_records,
        },
        Side {
            entries: &theirs,
            records: &their_records,
        },
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

const PEOPLE: [&str; 3] = ["A1", "B2", "C3"];

fn arb_entries() -> impl Strategy<Value = Entries> {
    let key = (0..PEOPLE.len()).prop_map(|i| key(PEOPLE[i]));
    let level = prop_oneof![Just(Level::Low), Just(Level::High)];
    let staff = prop::collection::btree_map(key.clone(), level.prop_map(staff), 0..3);
    let text = prop_oneof![Just("Good.".to_owned()), Just("Late twice.".to_owned())];
    let comments = prop::collection::btree_map(key, text.clone(), 0..3);
    let site = prop_oneof![Just("site_a"), Just("site_b")];
    let groups = prop::collection::btree_map(0..2usize, site, 0..2).prop_map(|m| {
        m.into_iter()
            .map(|(i, s)| group(["G1", "G2"][i], s))
            .collect::<Vec<_>>()
    });
    let files = prop::collection::btree_map(0..2usize, text, 0..2).prop_map(|m| {
        m.into_iter()
            .map(|(i, text)| LocalFile {
                name: ["a.json", "b.json"][i].to_owned(),
                text,
            })
            .collect::<Vec<_>>()
    });
    let reliable = prop_oneof![
        Just(ReliableChangeChoice::Definition),
        Just(ReliableChangeChoice::CohortPre)
    ];
    (staff, comments, groups, files, reliable).prop_map(
        |(staff, comments, groups, local_files, reliable_change)| Entries {
            staff,
            comments,
            groups,
            local_files,
            reliable_change,
            ..Entries::default()
        },
    )
}

fn arb_records() -> impl Strategy<Value = RecordSet> {
    let one = (0..PEOPLE.len(), 0..3usize, 0..2usize);
    prop::collection::vec(one, 0..5).prop_map(|v| {
        let mut set = RecordSet::new();
        for (p, t, id) in v {
            let id = format!("{}-{t}-{id}", PEOPLE[p]);
            set.add(
                &format!("{id}.age"),
                record(PEOPLE[p], &id, Timepoint::ALL[t]),
            );
        }
        set
    })
}

/// The record id held for `key` at `t`, if any.
fn held(set: &RecordSet, key: &Key, t: Timepoint) -> Option<String> {
    set.get(&key.participant, &key.programme)?[t as usize]
        .as_ref()
        .map(|i| i.record.record_id.clone())
}

proptest! {
    #[test]
    fn merging_a_workspace_with_itself_changes_nothing(e in arb_entries(), r in arb_records()) {
        let side = Side { entries: &e, records: &r };
        let plan = plan(side, side);
        prop_assert!(plan.conflicts.is_empty());
        let again = plan.records.iter().all(|o| matches!(o.outcome, Outcome::AlreadyThere { .. }));
        prop_assert!(again, "every record is already there");
        let merged = plan.resolve(&[]).expect("nothing to choose");
        prop_assert_eq!(merged.entries, e);
        prop_assert_eq!(merged.records, r);
    }

    #[test]
    fn merging_into_an_empty_workspace_gives_the_other(e in arb_entries(), r in arb_records()) {
        let (empty, none) = (Entries::default(), RecordSet::new());
        let plan = plan(Side { entries: &empty, records: &none }, Side { entries: &e, records: &r });
        prop_assert!(plan.conflicts.is_empty());
        let merged = plan.resolve(&[]).expect("nothing to choose");
        prop_assert_eq!(merged.entries, e);
        prop_assert_eq!(merged.records, r);
    }

    #[test]
    fn no_entry_disappears_without_a_choice(
        a in arb_entries(), ra in arb_records(), b in arb_entries(), rb in arb_records(),
        picks in prop::collection::vec(0..3usize, 16),
    ) {
        let plan = plan(Side { entries: &a, records: &ra }, Side { entries: &b, records: &rb });
        let choices: Vec<Option<Choice>> = plan.conflicts.iter().zip(&picks)
            .map(|(c, p)| Some(c.choices()[p % c.choices().len()])).collect();
        let merged = plan.resolve(&choices).expect("every conflict is chosen");
        let chose = |found: &dyn Fn(&Conflict) -> bool| {
            plan.conflicts.iter().zip(&choices).find(|(c, _)| found(c)).and_then(|(_, ch)| *ch)
        };
        for k in a.staff.keys().chain(b.staff.keys()) {
            let got = &merged.entries.staff[k];
            let expected = match (a.staff.get(k), b.staff.get(k)) {
                (Some(x), Some(y)) if x != y => {
                    match chose(&|c| matches!(c, Conflict::Staff { key, .. } if key == k)) {
                        Some(Choice::Theirs) => y,
                        _ => x,
                    }
                }
                (Some(x), _) | (None, Some(x)) => x,
                (None, None) => unreachable!("k comes from one of them"),
            };
            prop_assert_eq!(got, expected);
        }
        for k in a.comments.keys().chain(b.comments.keys()) {
            let got = &merged.entries.comments[k];
            match (a.comments.get(k), b.comments.get(k)) {
                (Some(x), Some(y)) if x != y => {
                    match chose(&|c| matches!(c, Conflict::Comment { key, .. } if key == k)) {
                        Some(Choice::Theirs) => prop_assert_eq!(got, y),
                        Some(Choice::Both) => prop_assert_eq!(got, &both_comments(x, y)),
                        _ => prop_assert_eq!(got, x),
                    }
                }
                (Some(x), _) | (None, Some(x)) => prop_assert_eq!(got, x),
                (None, None) => unreachable!("k comes from one of them"),
            }
        }
        for g in a.groups.iter().chain(&b.groups) {
            let n = merged.entries.groups.iter().filter(|x| x.id == g.id).count();
            prop_assert_eq!(n, 1, "group {} once", g.id);
        }
        // Every record ours held is still there; each of theirs is there or listed as refused.
        for (p, prog, by_time) in ra.people() {
            for i in by_time.iter().flatten() {
                let k = Key::new(p, prog);
                prop_assert_eq!(held(&merged.records, &k, i.record.timepoint), Some(i.record.record_id.clone()));
            }
        }
        for o in &plan.records {
            let there = held(&merged.records, &o.key, o.timepoint);
            let theirs = held(&rb, &o.key, o.timepoint);
            let refused = matches!(o.outcome, Outcome::Refused { .. });
            prop_assert!(there == theirs || refused, "{:?} kept or refused", o);
        }
    }
}
