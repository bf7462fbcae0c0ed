//! Passphrases checked off the page: the reducer asks for scrypt, the result comes back as an
//! action, and only then is the guess judged and counted. Tried the way someone at the keyboard
//! would: pressing Unlock twice, locking or cancelling while a check runs, a result arriving
//! late or for another check, another tab changing the lock meanwhile. Reducer-level, in
//! headless Chromium, over a memory store; the browser's own path (the worker, and the page
//! when no worker starts) is driven by the end-to-end tests.

use qkit_app::browser::storage::*;
use qkit_app::state::{
    derive_here, Action, AppState, DerivedSecret, PromptNote, Purpose, Secret, StaffStep,
    StartChoice, UnlockProblem, View,
};
use qkit_export::at_rest::DraftLock;
use qkit_export::Support;
use qkit_questionnaires::{Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Mode, Verb};
use qkit_web::browser::random::BrowserRng;
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

mod common;

use common::{open, set_passphrase, Derive, FAST, PASSPHRASE};

wasm_bindgen_test_configure!(run_in_browser);

/// A laptop with the staff passphrase set, and the app open on it.
fn laptop() -> (DraftStore, Rc<AppState>) {
    let store = DraftStore::new(Rc::new(MemoryBackend::default()), Medium::Device);
    set_passphrase(&store);
    let s = open(&store);
    (store, s)
}

fn pass(text: &str) -> Secret {
    Secret::new(text.into())
}

fn checking(s: &AppState) -> bool {
    match &s.view {
        View::Unlock(v) => v.checking,
        View::SetPassphrase(v) => v.checking,
        View::Sitting(v) => v
            .staff
            .is_some_and(|p| p.note == Some(PromptNote::Checking)),
        View::Start(_) => false,
    }
}

#[wasm_bindgen_test]
fn unlocking_waits_for_the_check_and_a_second_press_starts_nothing() {
    let (store, s) = laptop();
    let s = s.reduce(Action::Unlock(pass(PASSPHRASE)));
    assert!(!s.is_unlocked(), "nothing opens before scrypt answers");
    assert!(checking(&s), "the lock screen says it is checking");
    let first = s.derivation().expect("a derivation asked for");
    assert_eq!(first.purpose, Purpose::Unlock);
    // Enter pressed again, with a wrong passphrase this time: ignored while one runs.
    let s = s.reduce(Action::Unlock(pass("wrong wrong")));
    assert_eq!(s.derivation().map(|d| d.id), Some(first.id));
    // A result for some other derivation is dropped unseen.
    let stray = s.clone().reduce(Action::Derived {
        id: first.id + 1,
        secret: derive_here(&first),
    });
    assert!(!stray.is_unlocked());
    assert!(checking(&stray));
    let s = s.derived();
    assert!(s.is_unlocked());
    assert!(s.derivation().is_none());
    assert_eq!(store.guesses().wrong, 0);
}

#[wasm_bindgen_test]
fn a_wrong_guess_is_counted_when_its_check_answers_and_never_before() {
    let (store, s) = laptop();
    let s = s.reduce(Action::Unlock(pass("not the passphrase")));
    assert_eq!(store.guesses().wrong, 0, "not judged yet");
    let s = s.derived();
    assert_eq!(store.guesses().wrong, 1);
    let View::Unlock(v) = &s.view else { panic!() };
    assert_eq!(v.problem, Some(UnlockProblem::Wrong));
    assert!(!v.checking);
}

#[wasm_bindgen_test]
fn a_check_that_cannot_run_says_so_and_counts_nothing() {
    let (store, s) = laptop();
    let s = s.reduce(Action::Unlock(pass("not the passphrase")));
    let id = s.derivation().expect("asked").id;
    let s = s.reduce(Action::Derived {
        id,
        secret: Err("scrypt refused".into()),
    });
    let View::Unlock(v) = &s.view else { panic!() };
    assert_eq!(
        v.problem,
        Some(UnlockProblem::NotChecked("scrypt refused".into()))
    );
    assert_eq!(store.guesses().wrong, 0);
    // Nothing is stuck: the next try works.
    let s = s.reduce(Action::Unlock(pass(PASSPHRASE))).derived();
    assert!(s.is_unlocked());
}

#[wasm_bindgen_test]
fn a_lock_changed_by_another_tab_while_checking_is_not_judged_against() {
    let (store, s) = laptop();
    let s = s.reduce(Action::Unlock(pass(PASSPHRASE)));
    // Another tab removed everything and set a new passphrase meanwhile.
    let mut rng = BrowserRng::new().expect("crypto");
    let (other, _) = DraftLock::create("another passphrase", FAST, &mut rng).expect("lock");
    store.set_lock(&other).expect("stored");
    let s = s.derived();
    assert!(!s.is_unlocked());
    let View::Unlock(v) = &s.view else { panic!() };
    assert!(matches!(v.problem, Some(UnlockProblem::NotChecked(_))));
    assert_eq!(store.guesses().wrong, 0);
}

#[wasm_bindgen_test]
fn locking_or_cancelling_while_a_staff_step_is_checked_drops_its_result() {
    let (_, s) = laptop();
    let s = s.reduce(Action::Unlock(pass(PASSPHRASE))).derived();
    let s = s.reduce(Action::Start(StartChoice {
        participant: "A1111AA".into(),
        programme: "tsp".into(),
        timepoint: Timepoint::Pre,
        language: Lang::english(),
        support: Support::default(),
    }));
    // Consent, then on to the first question.
    let s = [
        Verb::RecordConsent(Answer::Value(1)),
        Verb::Next,
        Verb::Next,
        Verb::Next,
    ]
    .into_iter()
    .fold(s, |s, verb| s.reduce(Action::Verb(verb)));
    let mode = |s: &AppState| match &s.view {
        View::Sitting(v) => v.session.mode(),
        _ => panic!("a sitting"),
    };
    assert_eq!(mode(&s), Mode::Participant);

    // Cancelled: the right passphrase's result, arriving after, takes no step.
    let asked = s
        .clone()
        .reduce(Action::AskStaff(StaffStep::EnterStaffMode))
        .reduce(Action::ConfirmStaff(pass(PASSPHRASE)));
    assert!(checking(&asked));
    let pending = asked.derivation().expect("asked");
    let cancelled = asked.clone().reduce(Action::CancelStaff);
    assert!(cancelled.derivation().is_none());
    let late = cancelled.reduce(Action::Derived {
        id: pending.id,
        secret: derive_here(&pending),
    });
    assert_eq!(
        mode(&late),
        Mode::Participant,
        "a cancelled step stays untaken"
    );

    // Locked by the idle timer: the result comes back to a locked app and opens nothing.
    let asked = s
        .clone()
        .reduce(Action::AskStaff(StaffStep::EnterStaffMode))
        .reduce(Action::ConfirmStaff(pass(PASSPHRASE)));
    let pending = asked.derivation().expect("asked");
    let locked = asked.reduce(Action::Lock);
    assert!(locked.derivation().is_none(), "locking drops the check");
    let late = locked.reduce(Action::Derived {
        id: pending.id,
        secret: derive_here(&pending),
    });
    assert!(!late.is_unlocked());
    assert!(matches!(late.view, View::Unlock(_)));

    // "Yes, I am staff" pressed again while checking starts nothing new.
    let asked = s
        .clone()
        .reduce(Action::AskStaff(StaffStep::EnterStaffMode))
        .reduce(Action::ConfirmStaff(pass(PASSPHRASE)));
    let again = asked
        .clone()
        .reduce(Action::ConfirmStaff(pass("another guess")));
    assert_eq!(
        again.derivation().map(|d| d.id),
        asked.derivation().map(|d| d.id)
    );

    // Checked to the end: the step is taken.
    let taken = s
        .reduce(Action::AskStaff(StaffStep::EnterStaffMode))
        .reduce(Action::ConfirmStaff(pass(PASSPHRASE)))
        .derived();
    assert_eq!(mode(&taken), Mode::Staff);

    // Staff hand back; he takes a break. Staff asked for the break's end, cancelled, then asked
    // for staff mode; the first check's answer, arriving late, takes neither step.
    let on_break = taken
        .reduce(Action::Verb(Verb::LeaveStaffMode))
        .reduce(Action::Verb(Verb::TakeBreak))
        .reduce(Action::AskStaff(StaffStep::EndBreak))
        .reduce(Action::ConfirmStaff(pass(PASSPHRASE)));
    let first = on_break.derivation().expect("asked");
    let switched = on_break
        .reduce(Action::CancelStaff)
        .reduce(Action::AskStaff(StaffStep::EnterStaffMode));
    let late = switched.reduce(Action::Derived {
        id: first.id,
        secret: derive_here(&first),
    });
    let View::Sitting(v) = &late.view else {
        panic!()
    };
    assert!(v.session.on_break(), "the break did not end");
    assert_eq!(mode(&late), Mode::Participant, "nor did staff mode begin");
}

#[wasm_bindgen_test]
fn a_new_passphrase_is_set_only_when_its_derivation_answers() {
    let store = DraftStore::new(Rc::new(MemoryBackend::default()), Medium::Device);
    let s = open(&store);
    assert!(matches!(s.view, View::SetPassphrase(_)));
    let s = s.reduce(Action::SetPassphrase {
        passphrase: pass("a new passphrase"),
        repeated: pass("a new passphrase"),
    });
    assert!(checking(&s));
    assert!(
        store.lock().is_none(),
        "nothing stored before scrypt answers"
    );
    let d = s.derivation().expect("asked");
    assert_eq!(d.purpose, Purpose::SetPassphrase);
    assert_eq!(d.params, FAST);
    let s = s.reduce(Action::Derived {
        id: d.id,
        secret: derive_here(&d),
    });
    assert!(s.is_unlocked());
    let lock = store.lock().expect("stored").expect("readable");
    assert!(lock.unlock("a new passphrase").is_ok());
    // The secret handed back is never printed.
    let secret: DerivedSecret = derive_here(&d).expect("derived");
    assert_eq!(format!("{secret:?}"), "DerivedSecret(…)");
}
