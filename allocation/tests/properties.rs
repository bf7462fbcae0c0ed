//! Property tests on random cohorts (50–2,000 participants, 5–200 groups): allocation never
//! breaks a hard constraint, and every unplaced man's reason is true. The checks here are an
//! independent oracle written from the plain input, not the crate's own constraint code.

#![cfg(not(target_arch = "wasm32"))]

#[path = "common/cohort.rs"]
mod cohort;

use cohort::{cohort, today, Rng};
use proptest::prelude::*;
use qkit_allocation::{
    allocate, move_by_hand, Allocation, AllocationInput, Availability, Constraint, Group, Intake,
    Intensity, ModuleBoundaries, MoveTarget, Outcome, Participant, TimeOfDay, Unplaced,
};
use std::collections::{BTreeMap, BTreeSet};

/// Who is in each group after the allocation: current members and placed joiners.
fn where_everyone_is(input: &AllocationInput, a: &Allocation) -> BTreeMap<String, Vec<String>> {
    let mut at: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for g in &input.groups {
        at.entry(g.id.clone())
            .or_default()
            .extend(g.members.clone());
    }
    for x in &a.assignments {
        if let Outcome::Group { group, .. } = &x.outcome {
            at.entry(group.clone())
                .or_default()
                .push(x.participant.clone());
        }
    }
    at
}

/// Every constraint `p` fails for `g`, written from the rules in words, given where everyone is
/// (`p` himself counted out of every group).
fn failing(
    p: &Participant,
    g: &Group,
    at: &BTreeMap<String, Vec<String>>,
    pairs: &BTreeSet<(String, String)>,
) -> BTreeSet<Constraint> {
    let mut out = BTreeSet::new();
    let mut fail = |c, broken: bool| {
        if broken {
            out.insert(c);
        }
    };
    fail(Constraint::Programme, p.programme != g.programme);
    fail(Constraint::Cohort, p.cohort != g.cohort);
    fail(Constraint::Pathway, p.pathway != g.pathway);
    fail(Constraint::Adapted, p.adapted != g.adapted);
    fail(Constraint::Site, !p.sites.contains(&g.site));
    let time_ok = match p.availability {
        Availability::Either => true,
        Availability::Day => g.slot.time == TimeOfDay::Day,
        Availability::Evening => g.slot.time == TimeOfDay::Evening,
    };
    let work_ok = !p.in_work || g.slot.time == TimeOfDay::Evening;
    let day_ok = p.weekdays.is_empty() || p.weekdays.contains(&g.slot.weekday);
    fail(Constraint::Slot, !(time_ok && work_ok && day_ok));
    let takes_joiners = g.start >= today()
        || match &g.intake {
            Intake::Closed => false,
            Intake::Rolling(ModuleBoundaries::EveryWeeks(_)) => true,
            Intake::Rolling(ModuleBoundaries::Dates(ds)) => ds.iter().any(|d| *d >= today()),
        };
    fail(Constraint::Intake, !takes_joiners);
    let others: Vec<&String> = at
        .get(&g.id)
        .map(|v| v.iter().filter(|who| **who != p.id).collect())
        .unwrap_or_default();
    let apart = others
        .iter()
        .any(|o| pairs.contains(&(p.id.clone(), (*o).clone())));
    fail(Constraint::KeepApart, apart);
    fail(Constraint::Capacity, others.len() as u32 >= g.max_size);
    out
}

/// Keep-apart pairs in both directions.
fn keep_apart_pairs(input: &AllocationInput) -> BTreeSet<(String, String)> {
    let mut pairs = BTreeSet::new();
    for p in &input.participants {
        for o in &p.keep_apart {
            pairs.insert((p.id.clone(), o.clone()));
            pairs.insert((o.clone(), p.id.clone()));
        }
    }
    pairs
}

fn check(input: &AllocationInput, a: &Allocation) -> Result<(), TestCaseError> {
    let at = where_everyone_is(input, a);
    let pairs = keep_apart_pairs(input);
    let groups: BTreeMap<&str, &Group> = input.groups.iter().map(|g| (g.id.as_str(), g)).collect();
    prop_assert_eq!(a.assignments.len(), input.participants.len());
    for (p, x) in input.participants.iter().zip(&a.assignments) {
        prop_assert_eq!(&p.id, &x.participant);
        match &x.outcome {
            Outcome::NotRecommended => prop_assert_eq!(p.pathway, Intensity::NotRecommended),
            Outcome::Group { group, start, .. } => {
                let g = groups[group.as_str()];
                let broken = failing(p, g, &at, &pairs);
                prop_assert!(
                    broken.is_empty(),
                    "{} in {} breaks {:?}",
                    p.id,
                    g.id,
                    broken
                );
                prop_assert!(*start >= today() && (*start == g.start || g.start < today()));
            }
            Outcome::OneToOne { reason } => {
                let Unplaced::Blocked {
                    constraint,
                    groups_left,
                } = reason
                else {
                    return Err(TestCaseError::fail(format!("{}: {reason:?}", p.id)));
                };
                let earlier: Vec<Constraint> = Constraint::ORDER
                    .iter()
                    .copied()
                    .take_while(|c| c != constraint)
                    .collect();
                let mut left = 0;
                for g in &input.groups {
                    let broken = failing(p, g, &at, &pairs);
                    prop_assert!(!broken.is_empty(), "{} fits {} but is unplaced", p.id, g.id);
                    if earlier.iter().all(|c| !broken.contains(c)) {
                        left += 1;
                        prop_assert!(
                            broken.contains(constraint),
                            "{}: said {constraint}, but {} fails only {:?}",
                            p.id,
                            g.id,
                            broken
                        );
                    }
                }
                prop_assert_eq!(left, *groups_left, "{}", p.id);
            }
        }
    }
    for (summary, g) in a.groups.iter().zip(&input.groups) {
        let joiners: BTreeSet<&String> = at
            .get(&g.id)
            .map(|v| v.iter().filter(|who| !g.members.contains(who)).collect())
            .unwrap_or_default();
        prop_assert_eq!(joiners, summary.joiners.iter().collect::<BTreeSet<_>>());
        // Current members may already fill a group; joiners never overfill it.
        prop_assert!(summary.joiners.is_empty() || summary.size() as u32 <= g.max_size);
    }
    Ok(())
}

fn run(n_people: usize, n_groups: usize, seed: u64) -> Result<(), TestCaseError> {
    let input = cohort(n_people, n_groups, seed);
    let a = allocate(&input, today()).map_err(|e| TestCaseError::fail(e.to_string()))?;
    check(&input, &a)?;
    prop_assert_eq!(&a, &allocate(&input, today()).expect("same input"));
    // A move by hand reports exactly the constraints the oracle says it breaks.
    let mut r = Rng(seed ^ 0x5eed);
    let p = &input.participants[r.below(n_people)];
    let g = &input.groups[r.below(n_groups)];
    let at = where_everyone_is(&input, &a);
    let expected = failing(p, g, &at, &keep_apart_pairs(&input));
    let moved = move_by_hand(&input, &a, &p.id, &MoveTarget::Group(g.id.clone()), "test")
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let got: BTreeSet<Constraint> = moved.breaches.iter().map(|b| b.constraint).collect();
    prop_assert_eq!(got, expected);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn small_cohorts_never_break_a_hard_constraint(
        n_people in 50usize..300, n_groups in 5usize..30, seed in any::<u64>()
    ) {
        run(n_people, n_groups, seed)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]
    #[test]
    fn large_cohorts_never_break_a_hard_constraint(
        n_people in 1000usize..=2000, n_groups in 100usize..=200, seed in any::<u64>()
    ) {
        run(n_people, n_groups, seed)?;
    }
}

/// The oracle can fail: a hand-made breach is caught.
#[test]
fn the_oracle_catches_a_broken_allocation() {
    let input = cohort(60, 6, 7);
    let mut a = allocate(&input, today()).expect("consistent");
    let i = a
        .assignments
        .iter()
        .position(|x| matches!(x.outcome, Outcome::OneToOne { .. }))
        .expect("someone is unplaced in this seed");
    let who = a.assignments[i].participant.clone();
    let bad = input
        .groups
        .iter()
        .find(|g| g.cohort != input.participants[i].cohort)
        .expect("a group of another cohort");
    a.assignments[i].outcome = Outcome::Group {
        group: bad.id.clone(),
        start: bad.start.max(today()),
        choices: 1,
        by_hand: None,
    };
    let summary = a
        .groups
        .iter_mut()
        .find(|s| s.group == bad.id)
        .expect("summary");
    summary.joiners.push(who);
    assert!(check(&input, &a).is_err());
}

/// The random cohorts are not trivial: men are placed, and men are blocked by each kind of
/// constraint, so the properties above test something.
#[test]
fn the_random_cohorts_exercise_every_constraint() {
    let mut placed = 0;
    let mut reasons = BTreeSet::new();
    for (seed, n_groups) in [(0, 200), (1, 200), (2, 5), (3, 5), (4, 5), (5, 5)] {
        let input = cohort(2000, n_groups, seed);
        let a = allocate(&input, today()).expect("consistent");
        for x in &a.assignments {
            match &x.outcome {
                Outcome::Group { .. } => placed += 1,
                Outcome::OneToOne {
                    reason: Unplaced::Blocked { constraint, .. },
                } => {
                    reasons.insert(*constraint);
                }
                _ => {}
            }
        }
    }
    assert!(placed > 1000, "placed {placed}");
    let all: BTreeSet<Constraint> = Constraint::ORDER[1..].iter().copied().collect();
    assert!(
        reasons.is_superset(&all),
        "every constraint but programme blocks someone: {reasons:?}"
    );
}
