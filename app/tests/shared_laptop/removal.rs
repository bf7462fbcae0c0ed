//! Removing and closing: removing everything needs the word and keeps every answer in a rescue
//! copy, close needs everything stored, the rescue copy is never thrown away for want of a key,
//! and an export removes its sitting and locks.

use crate::common::{Derive, PASSPHRASE};
use crate::laptop::*;
use qkit_app::browser::storage::*;
use qkit_app::state::{Action, StaffStep, UnlockProblem, View};
use qkit_scoring::Answer;
use qkit_session::Verb;
use wasm_bindgen_test::*;
use yew::Reducible;

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
