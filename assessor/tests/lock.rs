//! Locking the assessor area, by hand or when idle, in the reducer: the identity, every opened
//! record and everything entered are dropped; the unlock screen says why when the area locked
//! itself; the idle time comes from the kit configuration as in the participant app; an import
//! still running when the area locked lands nowhere. Run natively and in headless Chromium.

mod common;

use common::{record, unlocked};
use qkit_assessor::model::staff::StaffEntry;
use qkit_assessor::model::Key;
use qkit_assessor::state::{Action, LockReason, State, View};
use qkit_export::RecordSet;
use qkit_questionnaires::Timepoint;
use std::rc::Rc;
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;
use yew::Reducible;

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

/// An unlocked area holding two records, an entry and a comment, on a report.
fn in_use() -> Rc<State> {
    let s = common::two_imported(unlocked(common::state()));
    let key = Key::new("A1", "tsp");
    let s = s.reduce(Action::Staff(key.clone(), StaffEntry::default()));
    let s = s.reduce(Action::Comment(key.clone(), "Engaged well".into()));
    s.reduce(Action::Show(View::Person(
        key,
        qkit_assessor::state::PersonTab::Report,
    )))
}

fn assert_forgotten(s: &State) {
    assert!(s.identity.is_none(), "the identity is dropped");
    assert!(s.records.is_empty(), "every record is dropped");
    assert!(s.table.rows.is_empty());
    assert!(s.import.entries.is_empty());
    assert!(s.staff.is_empty() && s.comments.is_empty());
    assert!(s.groups.is_empty() && s.allocated.is_none());
    assert_eq!(s.view, View::Unlock);
}

#[test]
fn idle_locking_forgets_everything_and_says_why() {
    let s = in_use();
    assert!(s.identity.is_some() && s.records.len() == 2 && !s.comments.is_empty());
    let locked = s.reduce(Action::IdleLock);
    assert_forgotten(&locked);
    assert_eq!(locked.locked_because, Some(LockReason::Idle));
    // Unlocking again clears the reason.
    let again = unlocked((*locked).clone());
    assert_eq!(again.locked_because, None);
    assert_eq!(again.view, View::Import);
}

#[test]
fn locking_by_hand_forgets_everything_without_an_idle_notice() {
    let locked = in_use().reduce(Action::Lock);
    assert_forgotten(&locked);
    assert_eq!(locked.locked_because, None);
}

#[test]
fn the_idle_time_comes_from_the_kit_configuration_and_survives_locking() {
    let s = Rc::new(common::state());
    assert_eq!(s.idle_lock_ms, 600_000, "ten minutes by default");
    let s = s.reduce(Action::Config(Some(
        r#"{"format": 1, "idle_lock_minutes": 0.05}"#.into(),
    )));
    assert_eq!(s.idle_lock_ms, 3_000);
    let s = unlocked((*s).clone()).reduce(Action::IdleLock);
    assert_eq!(s.idle_lock_ms, 3_000, "kept when the area locks");
    let s = s.reduce(Action::Config(Some(
        r#"{"format": 1, "idle_lock_minutes": -1}"#.into(),
    )));
    assert_eq!(
        s.idle_lock_ms, 600_000,
        "a bad value falls back to the default"
    );
    let s = s.reduce(Action::Config(None));
    assert_eq!(s.idle_lock_ms, 600_000);
}

#[test]
fn an_import_still_running_when_the_area_locks_lands_nowhere() {
    let kit = common::kit();
    let s = unlocked(common::state()).reduce(Action::ImportStarted { total: 1 });
    let s = s.reduce(Action::IdleLock);
    let mut set = RecordSet::new();
    set.add("late.age", record(&kit, "C3", Timepoint::Pre, 0));
    let s = s.reduce(Action::ImportFinished {
        records: Rc::new(set),
        ms: 1.0,
    });
    assert_forgotten(&s);
}
