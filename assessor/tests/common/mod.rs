//! Records for the assessor's tests: the example TSP record at any timepoint, under any
//! reference, with its answers moved by `shift` (kept within each item's options) and every
//! report scored again by qkit-scoring, so each record is valid (qkit-cohort's generator).

#![allow(dead_code)]

use qkit_export::{validate_record, RecordSet, ResultRecord};
use qkit_questionnaires::{Kit, Timepoint};

pub const EXAMPLE: &str = include_str!("../../../docs/examples/record.json");

pub fn kit() -> Kit {
    Kit::shipped_with_assessor().expect("the shipped definitions are valid")
}

/// A fresh, locked assessor area with the shipped kit and rules.
pub fn state() -> qkit_assessor::state::State {
    let kit = kit();
    let rules = qkit_allocation::Rules::shipped(&kit).expect("shipped rules");
    qkit_assessor::state::State::new(
        std::rc::Rc::new(kit),
        std::rc::Rc::new(rules),
        qkit_questionnaires::Lang::english(),
    )
}

/// `participant`'s TSP record at `t`, answers moved by `shift`, completed 56 days after the
/// example for each timepoint after pre (qkit-cohort's generator makes it).
pub fn record(kit: &Kit, participant: &str, t: Timepoint, shift: i32) -> ResultRecord {
    let day = qkit_cohort::generate::day("2026-11-23")
        .add_days(t as i64 * 56)
        .expect("a date");
    let id = format!("{participant}-{t}-{shift}");
    let r = qkit_cohort::generate::record(kit, participant, t, shift, day, &id);
    validate_record(kit, &r).expect("the test record is valid");
    r
}

/// A set of records: (participant, timepoint, shift) each.
pub fn set(kit: &Kit, records: &[(&str, Timepoint, i32)]) -> RecordSet {
    let mut set = RecordSet::new();
    for (p, t, shift) in records {
        set.add(&format!("{p}-{t}.age"), record(kit, p, *t, *shift));
    }
    set
}

/// A test identity (made with age-keygen for these tests only; it opens nothing real).
pub const TEST_IDENTITY: &str =
    "AGE-SECRET-KEY-1J9CX5M04ZDDL36EZ6M9XP6KJ0X4E5J704ESV2FXEA4R7DMH2K87QDFZ9AR";

/// `state` with [`TEST_IDENTITY`] unlocked, as after the unlock screen.
pub fn unlocked(state: qkit_assessor::state::State) -> std::rc::Rc<qkit_assessor::state::State> {
    use yew::Reducible;
    let identity = qkit_export::Identities::parse(TEST_IDENTITY).expect("a valid identity");
    std::rc::Rc::new(state).reduce(qkit_assessor::state::Action::Unlock(std::rc::Rc::new(
        identity,
    )))
}

/// `state` with two records imported (A1 and B2 on TSP, at pre), as after an import.
pub fn two_imported(
    state: std::rc::Rc<qkit_assessor::state::State>,
) -> std::rc::Rc<qkit_assessor::state::State> {
    use qkit_assessor::state::Action;
    use yew::Reducible;
    let kit = kit();
    let mut set = RecordSet::new();
    set.add("a.age", record(&kit, "A1", Timepoint::Pre, 0));
    set.add("b.age", record(&kit, "B2", Timepoint::Pre, 1));
    let s = state.reduce(Action::ImportStarted { total: 2 });
    s.reduce(Action::ImportFinished {
        records: std::rc::Rc::new(set),
        ms: 1.0,
    })
}

/// Two records for each of `men` men on TSP, at pre and post.
pub fn cohort(kit: &Kit, men: i32) -> RecordSet {
    let mut set = RecordSet::new();
    for i in 0..men {
        let p = format!("M{i:04}");
        set.add(
            &format!("{p}-pre.age"),
            record(kit, &p, Timepoint::Pre, i % 3),
        );
        set.add(
            &format!("{p}-post.age"),
            record(kit, &p, Timepoint::Post, 1),
        );
    }
    set
}

#[cfg(target_arch = "wasm32")]
// The browser side, shared with the participant app's tests (qkit-web's test helpers).
#[path = "../../../web/tests/common/dom.rs"]
pub mod dom;
