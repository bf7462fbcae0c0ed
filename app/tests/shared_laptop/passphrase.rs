//! Every way off a participant's screen meets the passphrase: the start screen and its actions,
//! each staff step (even seconds after staff gave it), a declined consent, the summary (hidden
//! after two idle minutes); and wrong guesses wait longer each time, even after a reload.

use crate::common::{Derive, PASSPHRASE, T0};
use crate::laptop::*;
use qkit_app::browser::storage::*;
use qkit_app::state::{Action, PromptNote, StaffStep, UnlockProblem, View, SUMMARY_IDLE_MS};
use qkit_scoring::Answer;
use qkit_session::{Cursor, Mode, Verb};
use wasm_bindgen_test::*;
use yew::Reducible;

#[wasm_bindgen_test]
fn nothing_on_a_participant_screen_reaches_the_start_screen_or_its_actions() {
    let laptop = Laptop::new();
    let mut s = sitting(unlocked(&laptop), "A1111AA", 1);
    s = s.reduce(Action::ToStart);
    let first = open_id(&s);
    // Staff close the first sitting properly and start another.
    s = s.reduce(Action::AskStaff(StaffStep::EnterStaffMode));
    s = s.reduce(Action::ConfirmStaff(pass(PASSPHRASE))).derived();
    s = s.reduce(Action::ToStart);
    assert!(matches!(s.view, View::Start(_)));
    s = sitting(s, "B2222BB", 2);
    let second = open_id(&s);
    let before = cursor(&s);
    // The second man, alone, tries every start-screen action by any route.
    for action in [
        Action::ToStart,
        Action::Open(first.clone()),
        Action::Remove(first.clone()),
        Action::RemoveKey("age1x".into()),
        Action::CheckKeys("age1x".into()),
        Action::SetSpeechRate(20),
        Action::LookUp("A1111AA".into()),
        Action::Start(choice("C3333CC")),
        Action::RemoveStoredLocal,
        Action::Export,
        Action::ExportSaved,
        Action::Done,
        Action::AskStaff(StaffStep::SeeSummary),
        Action::AskStaff(StaffStep::SeeDeclined),
    ] {
        s = s.reduce(action.clone());
        assert_eq!(open_id(&s), second, "{action:?} left his sitting");
        assert_eq!(cursor(&s), before, "{action:?} moved his sitting");
    }
    let key = laptop.key();
    assert!(
        laptop.store.load(&first, &key).is_ok(),
        "the first is still stored"
    );
}

#[wasm_bindgen_test]
fn every_staff_step_asks_for_the_passphrase_even_seconds_after_staff_gave_it() {
    let laptop = Laptop::new();
    let mut s = sitting(unlocked(&laptop), "A1111AA", 1);
    s = s.reduce(Action::AskStaff(StaffStep::EnterStaffMode));
    s = s.reduce(Action::ConfirmStaff(pass(PASSPHRASE))).derived();
    let View::Sitting(v) = &s.view else { panic!() };
    assert_eq!(v.session.mode(), Mode::Staff);
    // Staff hand back; he presses Staff five seconds later.
    s = s.reduce(Action::Verb(Verb::LeaveStaffMode));
    laptop.clock.set(T0 + 5_000);
    s = s.reduce(Action::AskStaff(StaffStep::EnterStaffMode));
    s = s.reduce(Action::ConfirmStaff(pass(""))).derived();
    let View::Sitting(v) = &s.view else { panic!() };
    assert_eq!(v.session.mode(), Mode::Participant, "no grace period");
    assert!(v.staff.is_some_and(|p| p.note == Some(PromptNote::Wrong)));
    s = s.reduce(Action::ToStart);
    assert!(
        matches!(s.view, View::Sitting(_)),
        "closing needs staff mode"
    );
}

#[wasm_bindgen_test]
fn a_declined_consent_hands_back_then_needs_the_passphrase_and_done_locks() {
    let laptop = Laptop::new();
    let mut s = unlocked(&laptop).reduce(Action::Start(choice("D4444DD")));
    s = s.reduce(Action::Verb(Verb::RecordConsent(Answer::Value(0))));
    assert_eq!(cursor(&s), Cursor::Declined);
    let View::Sitting(v) = &s.view else { panic!() };
    assert!(!v.staff_present, "the hand-back screen first");
    for action in [Action::ToStart, Action::Export, Action::Done] {
        s = s.reduce(action);
        assert!(matches!(s.view, View::Sitting(_)));
    }
    s = s.reduce(Action::AskStaff(StaffStep::SeeDeclined));
    s = s.reduce(Action::ConfirmStaff(pass(PASSPHRASE))).derived();
    let View::Sitting(v) = &s.view else { panic!() };
    assert!(v.staff_present);
    assert_eq!(s.idle_lock_ms(), SUMMARY_IDLE_MS.min(s.config.idle_lock_ms));
    s = s.reduce(Action::Done);
    assert!(!s.is_unlocked(), "done locks");
    assert!(matches!(s.view, View::Unlock(_)));
}

#[wasm_bindgen_test]
fn wrong_guesses_wait_longer_each_time_even_after_a_reload() {
    let laptop = Laptop::new();
    let mut s = laptop.open();
    for _ in 0..3 {
        s = s.reduce(Action::Unlock(pass("guess"))).derived();
    }
    let View::Unlock(v) = &s.view else { panic!() };
    assert_eq!(v.problem, Some(UnlockProblem::Wait(10)));
    // A reload does not reset it, and the right passphrase waits too.
    s = laptop
        .open()
        .reduce(Action::Unlock(pass(PASSPHRASE)))
        .derived();
    assert!(!s.is_unlocked());
    laptop.clock.set(T0 + 10_000);
    s = s.reduce(Action::Unlock(pass("guess again"))).derived();
    let View::Unlock(v) = &s.view else { panic!() };
    assert_eq!(v.problem, Some(UnlockProblem::Wait(20)), "the wait doubles");
    laptop.clock.set(T0 + 30_000);
    s = s.reduce(Action::Unlock(pass(PASSPHRASE))).derived();
    assert!(s.is_unlocked());
    assert_eq!(laptop.store.guesses(), Guesses::default(), "cleared");
}

#[wasm_bindgen_test]
fn the_summary_needs_the_passphrase_hides_after_two_idle_minutes_and_done_locks() {
    let laptop = Laptop::new();
    let mut s = finish(sitting(unlocked(&laptop), "A1111AA", 0));
    assert_eq!(s.idle_lock_ms(), s.config.idle_lock_ms);
    s = s.reduce(Action::AskStaff(StaffStep::SeeSummary));
    s = s.reduce(Action::ConfirmStaff(pass("not it"))).derived();
    assert_eq!(cursor(&s), Cursor::ThankYou);
    s = s.reduce(Action::ConfirmStaff(pass(PASSPHRASE))).derived();
    assert_eq!(cursor(&s), Cursor::Summary);
    assert!(s.idle_lock_ms() <= SUMMARY_IDLE_MS);
    const { assert!(SUMMARY_IDLE_MS <= 120_000) };
    // A reload at the summary meets the lock screen first.
    let reloaded = laptop.open();
    assert!(matches!(reloaded.view, View::Unlock(_)));
    s = s.reduce(Action::Done);
    assert!(!s.is_unlocked());
}
