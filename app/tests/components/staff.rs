//! Staff steps: the passphrase asked every time, even just after unlocking, and locking drops
//! the key while answers that could not be stored come back sealed.

use crate::common::{Derive, PASSPHRASE};
use crate::mounted::*;
use qkit_questionnaires::Kit;
use qkit_scoring::Answer;
use qkit_session::Verb;
use std::rc::Rc;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn staff_steps_ask_for_the_passphrase_every_time_even_just_after_unlocking() {
    let (_, store) = memory();
    seeded(&store);
    let (env, _clock) = manual_env(store);
    let root = mount_unlocked(env).await;
    click(&button(&root, "Staff")).await;
    assert_eq!(heading(&root), "For staff only");
    type_into(&root, "#staff-passphrase", "not it at all");
    click(&button(&root, "Yes, I am staff")).await;
    assert_eq!(
        heading(&root),
        "For staff only",
        "a wrong passphrase does not pass"
    );
    let alert = find(&root, "[role=alert]")
        .text_content()
        .unwrap_or_default();
    assert!(alert.contains("not right"), "{alert}");
    type_into(&root, "#staff-passphrase", PASSPHRASE);
    click(&button(&root, "Yes, I am staff")).await;
    assert!(root
        .text_content()
        .unwrap_or_default()
        .contains("Staff mode"));
}

#[wasm_bindgen_test]
async fn locking_drops_the_key_and_answers_that_could_not_be_stored_come_back_sealed() {
    use qkit_app::state::{Action, AppState, Secret, View};
    use yew::Reducible;
    let (backend, store) = memory();
    let (id, key) = seeded(&store);
    let kit = Rc::new(Kit::shipped().expect("valid"));
    let mut state = Rc::new(AppState::new(kit, env(store.clone())));
    assert!(matches!(state.view, View::Unlock(_)));
    state = state
        .reduce(Action::Unlock(Secret::new("wrong passphrase".into())))
        .derived();
    assert!(!state.is_unlocked());
    state = state
        .reduce(Action::Unlock(Secret::new(PASSPHRASE.into())))
        .derived();
    assert!(state.is_unlocked());
    // Storage fills up; staff carry on; the answer is only in memory.
    backend.quota.set(Some(10));
    state = state.reduce(Action::Verb(Verb::Answer(Answer::Value(2))));
    state = state.reduce(Action::CarryOnUnsaved);
    let View::Sitting(v) = &state.view else {
        panic!("a sitting")
    };
    assert!(v.unsaved);
    state = state.reduce(Action::Lock);
    assert!(!state.is_unlocked());
    let View::Unlock(locked) = &state.view else {
        panic!("the lock screen")
    };
    let held = locked.held.as_ref().expect("the unsaved sitting is held");
    assert!(!String::from_utf8_lossy(&held.sealed).contains("A1234BC"));
    backend.quota.set(None);
    state = state
        .reduce(Action::Unlock(Secret::new(PASSPHRASE.into())))
        .derived();
    let View::Sitting(v) = &state.view else {
        panic!("back in the sitting")
    };
    assert!(!v.unsaved, "stored once there was room");
    let stored = store.load(&id, &key).expect("stored").draft;
    assert_eq!(stored.pending.map(|p| p.answer), Some(Answer::Value(2)));
}
