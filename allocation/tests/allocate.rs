//! Allocation scenarios, one rule each, natively and in WebAssembly.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{d, group, man, today};
use qkit_allocation::{
    allocate, move_by_hand, AllocationInput, Cohort, Constraint, Intake, Intensity, Level,
    ModuleBoundaries, MoveError, MoveTarget, Outcome, TimeOfDay, Unplaced,
};

fn placed_in<'a>(a: &'a qkit_allocation::Allocation, who: &str) -> Option<&'a str> {
    match &a.assignment(who).expect("assigned").outcome {
        Outcome::Group { group, .. } => Some(group),
        _ => None,
    }
}

fn blocked_by(a: &qkit_allocation::Allocation, who: &str) -> Option<Constraint> {
    match &a.assignment(who).expect("assigned").outcome {
        Outcome::OneToOne {
            reason: Unplaced::Blocked { constraint, .. },
        } => Some(*constraint),
        _ => None,
    }
}

#[test]
fn cohorts_never_mix() {
    let mut da = man("da");
    da.cohort = Cohort::DomesticAbuse;
    let mut so = man("so");
    so.cohort = Cohort::SexualOffence;
    let mut g_da = group("g_da");
    g_da.cohort = Cohort::DomesticAbuse;
    let input = AllocationInput {
        participants: vec![da, so, man("gen")],
        groups: vec![group("g_gen"), g_da],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(placed_in(&a, "da"), Some("g_da"));
    assert_eq!(placed_in(&a, "gen"), Some("g_gen"));
    assert_eq!(blocked_by(&a, "so"), Some(Constraint::Cohort));
    let reason = match &a.assignment("so").expect("so").outcome {
        Outcome::OneToOne { reason } => reason.to_string(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        reason,
        "cohort: none of the 2 group(s) that fit him otherwise is for his cohort"
    );
}

#[test]
fn the_longest_waiting_take_the_last_places_and_the_earliest_start() {
    let mut g = group("small");
    g.min_size = 1;
    g.max_size = 2;
    let mut later = group("later");
    later.start = d("2027-01-11");
    later.min_size = 1;
    later.max_size = 1;
    let mut people = vec![man("c"), man("a"), man("b"), man("d")];
    people[0].waiting_since = d("2026-01-01");
    people[1].waiting_since = d("2026-03-01");
    people[2].waiting_since = d("2026-02-01");
    let input = AllocationInput {
        participants: people,
        groups: vec![later, g],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(placed_in(&a, "c"), Some("small"));
    assert_eq!(placed_in(&a, "b"), Some("small"));
    assert_eq!(placed_in(&a, "a"), Some("later"));
    assert_eq!(blocked_by(&a, "d"), Some(Constraint::Capacity));
}

#[test]
fn keep_apart_holds_against_current_members_and_is_symmetric() {
    let mut g1 = group("g1");
    g1.members = vec!["m1".into()];
    let mut g2 = group("g2");
    g2.start = d("2027-01-04");
    let mut p = man("p");
    p.keep_apart = vec!["m1".into()];
    let mut q = man("q");
    q.keep_apart = vec!["r".into()];
    let r = man("r");
    let input = AllocationInput {
        participants: vec![p, q, r],
        groups: vec![g1, g2],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(placed_in(&a, "p"), Some("g2"), "kept apart from member m1");
    assert_ne!(
        placed_in(&a, "q"),
        placed_in(&a, "r"),
        "listed by one side only"
    );
}

#[test]
fn men_in_work_get_evening_groups_only() {
    let mut worker = man("w");
    worker.in_work = true;
    let input = AllocationInput {
        participants: vec![worker.clone()],
        groups: vec![group("day")],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(blocked_by(&a, "w"), Some(Constraint::Slot));
    let mut eve = group("eve");
    eve.slot.time = TimeOfDay::Evening;
    let input = AllocationInput {
        participants: vec![worker],
        groups: vec![group("day"), eve],
    };
    assert_eq!(
        placed_in(&allocate(&input, today()).expect("ok"), "w"),
        Some("eve")
    );
}

#[test]
fn adapted_groups_take_exactly_the_flagged() {
    let mut flagged = man("f");
    flagged.adapted = true;
    let mut adapted = group("adapted");
    adapted.adapted = true;
    adapted.start = d("2027-02-01");
    let input = AllocationInput {
        participants: vec![flagged, man("u")],
        groups: vec![group("standard"), adapted],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(placed_in(&a, "f"), Some("adapted"));
    assert_eq!(placed_in(&a, "u"), Some("standard"));
}

#[test]
fn rolling_groups_take_joiners_at_the_next_module_and_closed_ones_not_after_starting() {
    let mut rolling = group("rolling");
    rolling.start = d("2026-10-05");
    rolling.intake = Intake::Rolling(ModuleBoundaries::EveryWeeks(6));
    let mut closed = group("closed");
    closed.start = d("2026-11-02");
    let input = AllocationInput {
        participants: vec![man("p")],
        groups: vec![closed.clone(), rolling],
    };
    let a = allocate(&input, today()).expect("consistent");
    match &a.assignment("p").expect("p").outcome {
        Outcome::Group { group, start, .. } => {
            assert_eq!(group, "rolling");
            // Modules begin 2026-10-05, 11-16, 12-28: the next after 11-23 is 12-28.
            assert_eq!(*start, d("2026-12-28"));
        }
        other => panic!("{other:?}"),
    }
    let input = AllocationInput {
        participants: vec![man("p")],
        groups: vec![closed],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(blocked_by(&a, "p"), Some(Constraint::Intake));
}

#[test]
fn groups_that_would_not_run_give_their_joiners_to_bigger_ones() {
    // Two groups start the same day; the ten men first spread to help both reach eight, then
    // the smaller group's joiners move to the bigger one, which then runs.
    let mut g1 = group("g1");
    g1.members = (0..4).map(|i| format!("m{i}")).collect();
    let mut g2 = group("g2");
    g2.max_size = 12;
    let people: Vec<_> = (0..7).map(|i| man(&format!("p{i}"))).collect();
    let input = AllocationInput {
        participants: people,
        groups: vec![g1, g2],
    };
    let a = allocate(&input, today()).expect("consistent");
    let sizes: Vec<usize> = a.groups.iter().map(|g| g.size()).collect();
    assert!(
        sizes.iter().any(|&s| s >= 8),
        "one group reaches its minimum: {sizes:?}"
    );
    let csv = qkit_allocation::write_allocation(&a);
    assert!(
        csv.contains("moved here from a group that would have stayed below its minimum size"),
        "{csv}"
    );
}

#[test]
fn not_recommended_men_get_no_group() {
    let mut p = man("p");
    p.pathway = Intensity::NotRecommended;
    let input = AllocationInput {
        participants: vec![p],
        groups: vec![group("g")],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(a.assignments[0].outcome, Outcome::NotRecommended);
    assert!(a.groups[0].joiners.is_empty());
}

#[test]
fn the_need_mix_is_balanced_between_equal_groups() {
    let mut people = Vec::new();
    for (i, need) in [Level::High, Level::High, Level::Low, Level::Low]
        .iter()
        .enumerate()
    {
        let mut p = man(&format!("p{i}"));
        p.need = *need;
        people.push(p);
    }
    let mut groups = vec![group("g1"), group("g2")];
    for g in &mut groups {
        g.min_size = 1;
    }
    let input = AllocationInput {
        participants: people,
        groups,
    };
    let a = allocate(&input, today()).expect("consistent");
    for g in &a.groups {
        assert_eq!(g.need_mix, [1, 0, 1], "{}: {:?}", g.group, g.joiners);
    }
}

#[test]
fn the_same_input_gives_the_same_allocation() {
    let people: Vec<_> = (0..30).map(|i| man(&format!("p{i:02}"))).collect();
    let groups: Vec<_> = (0..4).map(|i| group(&format!("g{i}"))).collect();
    let input = AllocationInput {
        participants: people,
        groups,
    };
    let a = allocate(&input, today()).expect("consistent");
    let b = allocate(&input, today()).expect("consistent");
    assert_eq!(a, b);
    assert_eq!(
        qkit_allocation::write_allocation(&a),
        qkit_allocation::write_allocation(&b)
    );
}

#[test]
fn a_move_by_hand_is_made_and_reports_every_constraint_it_breaks() {
    let mut g1 = group("g1");
    g1.min_size = 1;
    g1.max_size = 1;
    g1.members = vec!["m1".into()];
    let mut p = man("p");
    p.keep_apart = vec!["m1".into()];
    p.in_work = true;
    let input = AllocationInput {
        participants: vec![p],
        groups: vec![g1, group("g2")],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(blocked_by(&a, "p"), Some(Constraint::Slot));
    let err = move_by_hand(&input, &a, "p", &MoveTarget::Group("g1".into()), "  ");
    assert_eq!(err, Err(MoveError::EmptyReason));
    let moved = move_by_hand(
        &input,
        &a,
        "p",
        &MoveTarget::Group("g1".into()),
        "works nights; employer letter seen",
    )
    .expect("the move is made");
    let broken: Vec<Constraint> = moved.breaches.iter().map(|b| b.constraint).collect();
    assert_eq!(
        broken,
        [
            Constraint::Slot,
            Constraint::KeepApart,
            Constraint::Capacity
        ]
    );
    assert_eq!(
        moved.breaches[1].to_string(),
        "keep_apart: must be kept apart from \"m1\""
    );
    assert_eq!(placed_in(&moved.allocation, "p"), Some("g1"));
    assert_eq!(moved.allocation.moves.len(), 1);
    assert_eq!(moved.allocation.groups[0].joiners, ["p"]);
    let back = move_by_hand(
        &input,
        &moved.allocation,
        "p",
        &MoveTarget::OneToOne,
        "review",
    )
    .expect("moved back");
    assert!(back.breaches.is_empty());
    assert!(back.allocation.groups[0].joiners.is_empty());
}

#[test]
fn after_a_move_frees_a_place_the_unplaced_are_explained_again() {
    let mut g = group("g");
    g.max_size = 1;
    g.min_size = 1;
    let mut first = man("first");
    first.waiting_since = d("2026-01-01");
    let input = AllocationInput {
        participants: vec![first, man("second")],
        groups: vec![g],
    };
    let a = allocate(&input, today()).expect("consistent");
    assert_eq!(blocked_by(&a, "second"), Some(Constraint::Capacity));
    let moved = move_by_hand(&input, &a, "first", &MoveTarget::OneToOne, "custody").expect("moved");
    match &moved
        .allocation
        .assignment("second")
        .expect("second")
        .outcome
    {
        Outcome::OneToOne {
            reason: Unplaced::Fits { groups },
        } => assert_eq!(groups, &["g"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn inconsistent_input_is_an_error_not_a_panic() {
    let mut g = group("g");
    g.members = vec!["p".into()];
    let input = AllocationInput {
        participants: vec![man("p")],
        groups: vec![g],
    };
    let e = allocate(&input, today()).expect_err("p is waiting and a member");
    assert_eq!(
        e.to_string(),
        "participant \"p\" is waiting but is already a member of group \"g\""
    );
    let mut g = group("g");
    g.min_size = 11;
    let input = AllocationInput {
        participants: vec![man("p"), man("p")],
        groups: vec![g],
    };
    assert!(allocate(&input, today()).is_err());
}
