//! Merging a second workspace, over generated workspaces: merging a workspace with itself
//! changes nothing; merging into an empty one gives the other; no entry, group or record of either
//! side disappears without a choice. Native only: proptest does not build for the browser.
#![cfg(not(target_arch = "wasm32"))]

mod merge_common;

use merge_common::{group, key, record, staff};
use proptest::prelude::*;
use qkit_allocation::Level;
use qkit_cohort::merge::{both_comments, plan, Choice, Conflict, Outcome, Side};
use qkit_cohort::workspace::Entries;
use qkit_cohort::Key;
use qkit_export::record_set::RecordSet;
use qkit_questionnaires::local_kit::LocalFile;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ReliableChangeChoice;

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
        let side = Side::new(&e, &r);
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
        let plan = plan(Side::new(&empty, &none), Side::new(&e, &r));
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
        let plan = plan(Side::new(&a, &ra), Side::new(&b, &rb));
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
        // Every record ours held is still there, in use; each of theirs is held too (in use or
        // kept beside), and one kept beside is listed as such.
        for (p, prog, by_time) in ra.people() {
            for i in by_time.iter().flatten() {
                let k = Key::new(p, prog);
                prop_assert_eq!(held(&merged.records, &k, i.record.timepoint), Some(i.record.record_id.clone()));
            }
        }
        let merged_ids: Vec<&str> = merged.records.all().map(|i| i.record.record_id.as_str()).collect();
        for i in rb.all() {
            prop_assert!(merged_ids.contains(&i.record.record_id.as_str()), "{} held", i.record.record_id);
        }
        for o in &plan.records {
            let there = held(&merged.records, &o.key, o.timepoint);
            let theirs = held(&rb, &o.key, o.timepoint);
            // Theirs in use is in use after the merge, unless ours held a different one (theirs
            // kept beside) or the same one (held already; it may have been beside in theirs).
            let beside_or_held = matches!(o.outcome, Outcome::Beside { .. } | Outcome::AlreadyThere { .. });
            prop_assert!(there == theirs || beside_or_held, "{:?} in use, kept beside or held", o);
        }
    }
}
