//! Allocating again after men have started their group, worked by hand: allocate, import mid
//! results for some of the men placed, allocate again; then the tracking table and the groups'
//! sizes. And, over random cohorts, that nobody with records ever leaves tracking and a man who
//! started stays in his group (native only: proptest does not build for the browser).

use super::*;
use crate::cohort::table;
use crate::generate::{self, day};
use crate::tracking::{tracking, Cohort, Filter, Status};
use crate::workspace::{Allocated, Entries};
use qkit_allocation::{
    allocate, Availability, Cohort as Offence, Date, Group, Intake, Intensity, Level,
    ModuleBoundaries,
};
use qkit_export::record_set::RecordSet;
use qkit_questionnaires::Kit;

/// A TSP moderate man at `site`, free any time, waiting since `since`.
fn man(id: &str, site: &str, pathway: Intensity, since: &str) -> Participant {
    Participant {
        id: id.into(),
        programme: "tsp".into(),
        pathway,
        cohort: Offence::General,
        need: Level::Medium,
        sites: vec![site.into()],
        availability: Availability::Either,
        weekdays: vec![],
        in_work: false,
        adapted: false,
        waiting_since: day(since),
        keep_apart: vec![],
    }
}

/// A TSP moderate group at site_a on Mondays, 1 to `max`, taking joiners every 4 weeks.
fn group(id: &str, start: &str, max: u32) -> Group {
    Group {
        intake: Intake::Rolling(ModuleBoundaries::EveryWeeks(4)),
        max_size: max,
        ..generate::group(id, start, Vec::new())
    }
}

/// Adds `who`'s TSP record at `t`, sat on `on`.
fn sat(set: &mut RecordSet, kit: &Kit, who: &str, t: Timepoint, on: Date) {
    let id = format!("{who}-{t}");
    set.add(
        &format!("{id}.age"),
        generate::record(kit, who, t, 0, on, &id),
    );
}

/// The allocation of `participants` to `groups` on `today`, as the workspace keeps it.
fn allocated(participants: Vec<Participant>, groups: &[Group], today: Date) -> Allocated {
    let input = qkit_allocation::AllocationInput {
        participants,
        groups: groups.to_vec(),
    };
    let allocation = allocate(&input, today).expect("a valid input");
    Allocated {
        input,
        allocation,
        not_ready: Vec::new(),
        merged: Vec::new(),
        ms: 0.0,
        rules_changed: false,
    }
}

/// The men waiting in `records` (latest results from before the programme), as participants.
fn waiting(records: &RecordSet, kit: &Kit, all: &[Participant]) -> Vec<Participant> {
    let t = table(kit, records);
    all.iter()
        .filter(|p| {
            t.rows
                .iter()
                .any(|r| r.key.participant == p.id && r.latest == Timepoint::Pre)
        })
        .cloned()
        .collect()
}

#[test]
fn men_who_started_stay_in_their_group_and_count_against_its_size_when_allocating_again() {
    // TSP with mid at week 6 and post at week 12 (generate::kit).
    let kit = generate::kit();
    let groups = vec![group("g", "2027-03-08", 3)];
    let all = [
        man("A", "site_a", Intensity::Moderate, "2026-10-01"),
        man("B", "site_a", Intensity::Moderate, "2026-10-02"),
        man("C", "site_a", Intensity::Moderate, "2026-10-03"),
        man("D", "site_a", Intensity::Moderate, "2026-10-04"),
        man("E", "site_a", Intensity::NotRecommended, "2026-10-05"),
        man("F", "site_b", Intensity::Moderate, "2026-10-06"),
    ];
    let mut records = RecordSet::new();
    for p in &all {
        sat(&mut records, &kit, &p.id, Timepoint::Pre, day("2027-02-01"));
    }
    // 1 March: g (3 places, starting 8 March) takes A, B and C, the longest waiting; D is left
    // for 1:1 as g is full; E is not recommended; F cannot get to site_a: 1:1.
    let first = allocated(waiting(&records, &kit, &all), &groups, day("2027-03-01"));
    let outcome =
        |a: &Allocated, who: &str| a.allocation.assignment(who).map(|x| x.outcome.clone());
    assert!(matches!(outcome(&first, "A"), Some(Outcome::Group { group, .. }) if group == "g"));
    assert!(matches!(
        outcome(&first, "D"),
        Some(Outcome::OneToOne { .. })
    ));
    // A and B sit mid at week 6 (19 April); C never came; a new man N is assessed.
    sat(&mut records, &kit, "A", Timepoint::Mid, day("2027-04-19"));
    sat(&mut records, &kit, "B", Timepoint::Mid, day("2027-04-20"));
    sat(&mut records, &kit, "N", Timepoint::Pre, day("2027-04-21"));
    let cohort = table(&kit, &records);
    let before = Entries {
        groups: groups.clone(),
        allocated: Some(first.clone()),
        ..Entries::default()
    };
    // The bug this fixes: replaced by an allocation without them, A and B fell out of g.
    let lost = tracking(
        &kit,
        &records,
        &Entries {
            allocated: None,
            ..before.clone()
        },
        day("2027-05-01"),
    );
    let row = |t: &crate::tracking::Tracking, who: &str| {
        t.row(&crate::Key::new(who, "tsp"))
            .cloned()
            .expect("in the table")
    };
    assert_eq!(row(&lost, "A").cohort, Cohort::Waiting);
    // Allocating again on 1 May: A and B have started g, and become its members.
    let (kept, added) = keep_started(&groups, &first.allocation, &cohort);
    assert_eq!(added, [("g".into(), "A".into()), ("g".into(), "B".into())]);
    assert_eq!(kept[0].members, ["A", "B"]);
    let mut all_now = all.to_vec();
    all_now.push(man("N", "site_a", Intensity::Moderate, "2027-04-21"));
    let again = waiting(&records, &kit, &all_now);
    let ids: Vec<&str> = again.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["C", "D", "E", "F", "N"]);
    let second = allocated(again, &kept, day("2027-05-01"));
    // g has one place left beside A and B: C, the longest waiting, at the next module, 3 May.
    let g = &second.allocation.groups[0];
    assert_eq!((g.members, g.joiners.clone()), (2, vec!["C".to_owned()]));
    assert_eq!(g.size(), 3);
    assert!(matches!(
        outcome(&second, "D"),
        Some(Outcome::OneToOne { .. })
    ));
    assert!(matches!(
        outcome(&second, "N"),
        Some(Outcome::OneToOne { .. })
    ));
    let entries = Entries {
        groups: kept,
        allocated: Some(second),
        ..Entries::default()
    };
    let now = tracking(&kit, &records, &entries, day("2027-05-01"));
    // A: a member from g's start, 8 March: mid done, post due 8 March + 84 days = 31 May.
    let a = row(&now, "A");
    assert_eq!(
        (a.cohort, a.start, a.status[2]),
        (
            Cohort::Group("g".into()),
            Some(day("2027-03-08")),
            Status::Due(day("2027-05-31"))
        )
    );
    // C joins at 3 May: mid due 14 June.
    let c = row(&now, "C");
    assert_eq!(
        (c.cohort, c.status[1]),
        (Cohort::Group("g".into()), Status::Due(day("2027-06-14")))
    );
    // D, F and N are 1:1: mid and post expected, no due date. E is not recommended.
    for who in ["D", "F", "N"] {
        let r = row(&now, who);
        assert_eq!(r.cohort, Cohort::OneToOne, "{who}");
        assert_eq!(r.status[1..], [Status::NoDueDate; 2], "{who}");
    }
    let e = row(&now, "E");
    assert_eq!(e.cohort, Cohort::NotRecommended);
    assert_eq!(e.status[1..], [Status::NotExpected; 2]);
    assert!(now.rows.iter().all(|r| r.cohort != Cohort::Waiting));
    let needs_post: Vec<&str> = now
        .filtered(Filter::StillNeeds(Timepoint::Post))
        .map(|r| r.key.participant.as_str())
        .collect();
    assert_eq!(needs_post, ["A", "B", "C", "D", "F", "N"]);
    // Allocating a third time with nothing new changes no group.
    let (same, none) = keep_started(
        &entries.groups,
        &entries.allocated.expect("made").allocation,
        &cohort,
    );
    assert_eq!((same, none), (entries.groups.clone(), Vec::new()));
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
        /// Any cohort of up to 8 men, two groups of any size, any men with mid or post results
        /// between two allocations: everyone with records is in tracking once, a man placed who
        /// started is in the same group after allocating again, and no group is over its size.
        #[test]
        fn nobody_with_records_leaves_tracking(
            men in 1..8usize,
            max in (1..4u32, 1..4u32),
            later in prop::collection::vec(0..3usize, 8),
        ) {
            let kit = generate::kit();
            let groups = vec![group("g", "2027-03-08", max.0), group("h", "2027-03-15", max.1)];
            let all: Vec<Participant> = (0..men)
                .map(|i| man(&format!("M{i}"), "site_a", Intensity::Moderate, "2026-10-01"))
                .collect();
            let mut records = RecordSet::new();
            for p in &all {
                sat(&mut records, &kit, &p.id, Timepoint::Pre, day("2027-02-01"));
            }
            let first = allocated(waiting(&records, &kit, &all), &groups, day("2027-03-01"));
            for (p, t) in all.iter().zip(&later) {
                if *t > 0 {
                    sat(&mut records, &kit, &p.id, Timepoint::ALL[*t], day("2027-04-26"));
                }
            }
            let cohort = table(&kit, &records);
            let (kept, _) = keep_started(&groups, &first.allocation, &cohort);
            let second = allocated(waiting(&records, &kit, &all), &kept, day("2027-05-01"));
            for g in &second.allocation.groups {
                prop_assert!(g.size() <= g.max_size as usize, "{g:?}");
            }
            let entries = Entries { groups: kept, allocated: Some(second), ..Entries::default() };
            let now = tracking(&kit, &records, &entries, day("2027-05-01"));
            for (p, t) in all.iter().zip(&later) {
                let rows: Vec<_> = now.rows.iter().filter(|r| r.key.participant == p.id).collect();
                prop_assert_eq!(rows.len(), 1, "{}", p.id);
                if let (true, Some(Outcome::Group { group, .. })) =
                    (*t > 0, first.allocation.assignment(&p.id).map(|a| &a.outcome))
                {
                    prop_assert_eq!(&rows[0].cohort, &Cohort::Group(group.clone()));
                }
            }
        }
    }
}
