//! The shared laptop, tried the way a participant left alone with it would: every path to
//! another sitting, a summary, removal, keys or settings meets the passphrase; finished and
//! declined sittings end on the lock screen; wrong guesses slow down; removing everything keeps
//! a rescue copy sealed to the team; storage changed outside qkit (a draft rolled back or
//! swapped, the key list edited, the lock record tampered) is caught and named. Reducer-level, in
//! headless Chromium, over a memory store and a clock the test moves.

use qkit_app::browser::storage::*;
use qkit_app::state::{
    derive_now, Action, AppState, Env, OutsideChange, PromptNote, Secret, StaffStep, StartChoice,
    UnlockProblem, View, SUMMARY_IDLE_MS,
};
use qkit_export::at_rest::{DraftKey, DraftLock};
use qkit_export::{Identities, NewIdentity, Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Cursor, Mode, Verb};
use qkit_web::browser::random::BrowserRng;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::Reducible;

mod common;

use common::{Derive, FAST, PASSPHRASE, T0};

wasm_bindgen_test_configure!(run_in_browser);

struct Laptop {
    backend: Rc<MemoryBackend>,
    store: DraftStore,
    clock: Rc<Cell<i64>>,
    ids: Rc<Cell<u32>>,
    kit: Rc<Kit>,
}

impl Laptop {
    /// A laptop with the staff passphrase set.
    fn new() -> Laptop {
        let backend = Rc::new(MemoryBackend::default());
        let store = DraftStore::new(backend.clone(), Medium::Device);
        let mut rng = BrowserRng::new().expect("crypto");
        let (lock, _) = DraftLock::create(PASSPHRASE, FAST, &mut rng).expect("lock");
        store.set_lock(&lock).expect("stored");
        Laptop {
            backend,
            store,
            clock: Rc::new(Cell::new(T0)),
            ids: Rc::new(Cell::new(0)),
            kit: Rc::new(Kit::shipped().expect("valid kit")),
        }
    }

    fn env(&self) -> Env {
        let (clock, ids) = (self.clock.clone(), self.ids.clone());
        Env {
            store: self.store.clone(),
            now: Rc::new(move || Timestamp(clock.get())),
            new_id: Rc::new(move || {
                ids.set(ids.get() + 1);
                format!("sitting-{}", ids.get())
            }),
            kdf: FAST,
            derive: derive_now(),
        }
    }

    /// The app as it opens (a reload): the lock screen.
    fn open(&self) -> Rc<AppState> {
        Rc::new(AppState::new(self.kit.clone(), self.env()))
    }

    fn key(&self) -> DraftKey {
        match self.store.lock() {
            Some(Ok(lock)) => lock.unlock(PASSPHRASE).expect("right passphrase"),
            _ => panic!("a lock"),
        }
    }
}

fn pass(text: &str) -> Secret {
    Secret::new(text.into())
}

fn unlocked(laptop: &Laptop) -> Rc<AppState> {
    let s = laptop
        .open()
        .reduce(Action::Unlock(pass(PASSPHRASE)))
        .derived();
    assert!(s.is_unlocked());
    s
}

fn choice(reference: &str) -> StartChoice {
    StartChoice {
        participant: reference.into(),
        programme: "tsp".into(),
        timepoint: Timepoint::Pre,
        language: Lang::english(),
        support: Support::default(),
    }
}

/// Starts a sitting from the start screen and takes it to its first question, with `answers`
/// answered; the participant has the keyboard.
fn sitting(state: Rc<AppState>, reference: &str, answers: usize) -> Rc<AppState> {
    let mut s = state.reduce(Action::Start(choice(reference)));
    for verb in [
        Verb::RecordConsent(Answer::Value(1)),
        Verb::Next,
        Verb::Next,
        Verb::Next,
    ] {
        s = s.reduce(Action::Verb(verb));
    }
    for _ in 0..answers {
        s = s.reduce(Action::Verb(Verb::Answer(Answer::Value(1))));
        s = s.reduce(Action::Verb(Verb::Next));
    }
    s
}

fn cursor(state: &AppState) -> Cursor {
    match &state.view {
        View::Sitting(v) => v.session.draft().cursor.clone(),
        _ => panic!("a sitting is on screen"),
    }
}

fn open_id(state: &AppState) -> String {
    match &state.view {
        View::Sitting(v) => v.session.id().to_owned(),
        _ => panic!("a sitting is on screen"),
    }
}

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

/// An accepted assessor key, and its identity.
fn team(s: Rc<AppState>) -> (Rc<AppState>, Identities) {
    let mut rng = BrowserRng::new().expect("crypto");
    let id = NewIdentity::generate(&mut rng);
    let recipient = id.recipient().to_string();
    let s = s.reduce(Action::AcceptKey {
        recipient: recipient.clone(),
        label: "team".into(),
    });
    assert_eq!(s.recipients.len(), 1, "accepted");
    (s, Identities::parse(&id.secret_text()).expect("identity"))
}

#[wasm_bindgen_test]
fn removing_everything_needs_the_word_and_keeps_every_answer_in_a_rescue_copy() {
    let laptop = Laptop::new();
    let (mut s, identities) = team(unlocked(&laptop));
    s = sitting(s, "A1111AA", 2);
    s = s.reduce(Action::AskStaff(StaffStep::EnterStaffMode));
    s = s.reduce(Action::ConfirmStaff(pass(PASSPHRASE))).derived();
    s = s.reduce(Action::ToStart);
    s = sitting(s, "B2222BB", 3);
    s = s.reduce(Action::Lock);
    let View::Unlock(v) = &s.view else { panic!() };
    assert_eq!((v.cover.stored, v.cover.covered), (2, 2));
    s = s.reduce(Action::RemoveEverything {
        typed: "yes".into(),
    });
    let View::Unlock(v) = &s.view else { panic!() };
    assert_eq!(v.problem, Some(UnlockProblem::NotConfirmed));
    assert_eq!(
        laptop.store.sitting_ids().expect("ids").len(),
        2,
        "nothing removed"
    );
    s = s.reduce(Action::RemoveEverything {
        typed: " remove ".into(),
    });
    assert!(matches!(s.view, View::SetPassphrase(_)));
    assert!(laptop.store.sitting_ids().expect("ids").is_empty());
    let kept = laptop.store.kept_rescues();
    assert_eq!(kept.len(), 1, "a copy of the rescue file stays");
    let file = laptop.store.kept_rescue_file(&kept[0].0).expect("file");
    let plain = qkit_export::decrypt(&file, &identities).expect("the team opens it");
    let rescued = qkit_export::rescue::read_rescue(&plain).expect("a rescue file");
    let mut answered: Vec<(String, usize)> = rescued
        .sittings
        .iter()
        .map(|r| {
            let r = r.as_ref().expect("a record");
            (
                r.participant.clone(),
                r.questionnaires
                    .iter()
                    .map(|q| q.answers.len())
                    .sum::<usize>(),
            )
        })
        .collect();
    answered.sort();
    // The consent answer, then the questions answered.
    assert_eq!(
        answered,
        vec![("A1111AA".into(), 1 + 2), ("B2222BB".into(), 1 + 3)]
    );
    assert!(
        !String::from_utf8_lossy(&file).contains("A1111AA"),
        "sealed, not plaintext"
    );
    // Whoever removed everything sets a passphrase of his own: the kept copy still goes only
    // with the file's code, which only the team sees.
    s = s
        .reduce(Action::SetPassphrase {
            passphrase: pass("his own passphrase"),
            repeated: pass("his own passphrase"),
        })
        .derived();
    assert!(matches!(s.view, View::Start(_)));
    let kept_key = kept[0].0.clone();
    s = s.reduce(Action::RemoveKeptRescue {
        key: kept_key.clone(),
        code: "0000-0000".into(),
    });
    let View::Start(v) = &s.view else { panic!() };
    assert_eq!(v.wrong_code.as_ref(), Some(&kept_key));
    assert_eq!(laptop.store.kept_rescues().len(), 1, "kept");
    s = s.reduce(Action::RemoveKeptRescue {
        key: kept_key,
        code: qkit_export::rescue_code(&file).to_lowercase(),
    });
    assert!(matches!(s.view, View::Start(_)));
    assert!(
        laptop.store.kept_rescues().is_empty(),
        "removed with the team's code"
    );
}

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
fn close_needs_everything_stored_and_a_failed_reload_locks() {
    let laptop = Laptop::new();
    let mut s = sitting(unlocked(&laptop), "A1111AA", 1);
    s = s.reduce(Action::AskStaff(StaffStep::EnterStaffMode));
    s = s.reduce(Action::ConfirmStaff(pass(PASSPHRASE))).derived();
    // Storage fills; staff carry on with answers in memory only: "Close" would drop them.
    laptop.backend.quota.set(Some(10));
    s = s.reduce(Action::Verb(Verb::SetAssisted(true)));
    s = s.reduce(Action::CarryOnUnsaved);
    s = s.reduce(Action::ToStart);
    assert!(
        matches!(s.view, View::Sitting(_)),
        "not closed with unsaved answers"
    );
    laptop.backend.quota.set(None);
    s = s.reduce(Action::RetrySave);
    s = s.reduce(Action::Verb(Verb::SetAssisted(false)));
    // Another tab removed the sitting; "Reload" here must not show the start screen.
    let id = open_id(&s);
    laptop.backend.remove(&key(&id)).expect("removed elsewhere");
    s = s.reduce(Action::Open(id));
    assert!(!s.is_unlocked(), "locked, not the start screen");
}

#[wasm_bindgen_test]
fn the_rescue_copy_is_never_thrown_away_for_want_of_a_key() {
    let laptop = Laptop::new();
    let (s, _) = team(unlocked(&laptop));
    drop(sitting(s, "A1111AA", 1));
    assert!(laptop.store.rescue_file().is_some());
    let held = laptop.store.rescue_file();
    // The key list is edited outside qkit: after a reload it is not trusted, so not used.
    let stored = laptop
        .backend
        .get(RECIPIENTS_KEY)
        .expect("read")
        .expect("keys");
    laptop
        .backend
        .set(RECIPIENTS_KEY, &stored.replace("team", "them"))
        .expect("edited");
    let mut s = unlocked(&laptop);
    assert!(s.recipients.is_empty());
    s = s.reduce(Action::Verb(Verb::Answer(Answer::Value(2))));
    s = s.reduce(Action::Verb(Verb::Next));
    assert_eq!(laptop.store.rescue_file(), held, "the copy stays as it was");
    assert!(
        laptop.store.rescue_failure().is_some(),
        "and staff are told"
    );
    drop(s);
}

#[wasm_bindgen_test]
fn an_export_removes_the_sitting_and_locks() {
    let laptop = Laptop::new();
    let (mut s, _) = team(unlocked(&laptop));
    s = s.reduce(Action::Start(choice("D4444DD")));
    s = s.reduce(Action::Verb(Verb::RecordConsent(Answer::Value(0))));
    s = s.reduce(Action::AskStaff(StaffStep::SeeDeclined));
    s = s.reduce(Action::ConfirmStaff(pass(PASSPHRASE))).derived();
    s = s.reduce(Action::Export);
    s = s.reduce(Action::ExportSaved);
    let View::Unlock(v) = &s.view else {
        panic!("locked after the export")
    };
    assert!(v.exported.as_deref().is_some_and(|f| f.ends_with(".age")));
    assert!(laptop.store.sitting_ids().expect("ids").is_empty());
    assert!(
        laptop.store.rescue_file().is_none(),
        "no sitting, no rescue copy"
    );
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

/// Answers every question of the open sitting (the first option each accepts) until the
/// thank-you screen.
fn finish(mut s: Rc<AppState>) -> Rc<AppState> {
    for _ in 0..500 {
        if cursor(&s) == Cursor::ThankYou {
            return s;
        }
        for value in 0..=7 {
            s = s.reduce(Action::Verb(Verb::Answer(Answer::Value(value))));
            let View::Sitting(v) = &s.view else { panic!() };
            if v.session.draft().pending.is_some() {
                break;
            }
        }
        s = s.reduce(Action::Verb(Verb::Next));
    }
    panic!("the battery did not finish: {:?}", cursor(&s));
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
