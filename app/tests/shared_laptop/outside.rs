//! Storage changed outside qkit is caught and named: the lock taken away, a draft put back to an
//! older copy or swapped, the key list edited, the lock record tampered with.

use crate::common::{Derive, PASSPHRASE};
use crate::laptop::*;
use qkit_app::browser::storage::*;
use qkit_app::state::{Action, OutsideChange, UnlockProblem, View};
use qkit_scoring::Answer;
use qkit_session::Verb;
use wasm_bindgen_test::*;
use yew::Reducible;

#[wasm_bindgen_test]
fn a_lock_taken_away_while_sittings_are_stored_is_not_first_use() {
    let laptop = Laptop::new();
    let s = sitting(unlocked(&laptop), "A1111AA", 1);
    drop(s);
    laptop
        .backend
        .remove(LOCK_KEY)
        .expect("removed outside qkit");
    let s = laptop.open();
    let View::Unlock(v) = &s.view else {
        panic!("the lock screen, not a new passphrase")
    };
    assert!(matches!(v.problem, Some(UnlockProblem::BadLock(_))));
    let s = s
        .reduce(Action::SetPassphrase {
            passphrase: pass("his own passphrase"),
            repeated: pass("his own passphrase"),
        })
        .derived();
    assert!(!s.is_unlocked());
    assert!(laptop.store.lock().is_none(), "no lock of his own");
}

#[wasm_bindgen_test]
fn a_draft_put_back_to_an_older_copy_or_swapped_is_caught_and_named() {
    let laptop = Laptop::new();
    let mut s = sitting(unlocked(&laptop), "A1111AA", 1);
    let id = open_id(&s);
    let old = laptop
        .backend
        .get(&key(&id))
        .expect("read")
        .expect("stored");
    s = s.reduce(Action::Verb(Verb::Answer(Answer::Value(2))));
    s = s.reduce(Action::Verb(Verb::Next));
    drop(s);
    laptop.backend.set(&key(&id), &old).expect("put back");
    let k = laptop.key();
    match laptop.store.load(&id, &k) {
        Err(LoadError::Stale {
            why: Stale::RolledBack { .. },
            ..
        }) => {}
        other => panic!("rollback not caught: {other:?}"),
    }
    // Swapped: another sitting's value under this one's key.
    laptop.backend.set(&key("sitting-9"), &old).expect("copied");
    match laptop.store.load("sitting-9", &k) {
        Err(LoadError::Corrupt { reason, .. }) => {
            assert!(reason.contains("another sitting"), "{reason}")
        }
        other => panic!("swap not caught: {other:?}"),
    }
}

#[wasm_bindgen_test]
fn an_edited_key_list_is_refused_and_a_removed_sitting_named() {
    let laptop = Laptop::new();
    let (mut s, _) = team(unlocked(&laptop));
    s = sitting(s, "A1111AA", 1);
    let id = open_id(&s);
    drop(s);
    let stored = laptop
        .backend
        .get(RECIPIENTS_KEY)
        .expect("read")
        .expect("keys");
    let (tag, list) = stored.split_once('\n').expect("tagged");
    let edited = list.replace("\"team\"", "\"someone else\"");
    laptop
        .backend
        .set(RECIPIENTS_KEY, &format!("{tag}\n{edited}"))
        .expect("edited");
    laptop
        .backend
        .remove(&key(&id))
        .expect("removed outside qkit");
    let s = unlocked(&laptop);
    assert!(s.recipients.is_empty(), "an edited list is not used");
    assert!(s.outside_changes.contains(&OutsideChange::AssessorKeys));
    assert!(s
        .outside_changes
        .contains(&OutsideChange::Removed(vec![id.clone()])));
}

#[wasm_bindgen_test]
fn a_tampered_lock_record_is_refused_before_any_work() {
    let laptop = Laptop::new();
    let text = laptop.backend.get(LOCK_KEY).expect("read").expect("lock");
    let greedy = text.replace(":10:8:1:", ":24:8:1:");
    assert_ne!(greedy, text, "the lock names its work factor: {text}");
    laptop.backend.set(LOCK_KEY, &greedy).expect("tampered");
    let started = js_sys::Date::now();
    let s = laptop
        .open()
        .reduce(Action::Unlock(pass(PASSPHRASE)))
        .derived();
    assert!(js_sys::Date::now() - started < 2_000.0, "no 2 GiB scrypt");
    let View::Unlock(v) = &s.view else { panic!() };
    assert!(
        matches!(v.problem, Some(UnlockProblem::BadLock(_))),
        "{:?}",
        v.problem
    );
}
