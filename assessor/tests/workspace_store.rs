//! The workspace kept in storage, through the reducer, in headless Chromium (the browser's
//! random source seals it) over a memory backend: saved after every change and reopened exactly
//! after locking; another identity neither opens nor touches it; a damaged workspace is never
//! saved over until set aside; a full store is said and the next save that fits clears it.

#![cfg(target_arch = "wasm32")]

mod common;

use common::unlocked;
use qkit_assessor::browser::workspace::WorkspaceStore;
use qkit_assessor::model::staff::StaffEntry;
use qkit_assessor::model::Key;
use qkit_assessor::state::{Action, Saved, State, View};
use qkit_export::{Identities, NewIdentity};
use qkit_web::browser::random::BrowserRng;
use qkit_web::browser::storage::{Backend, MemoryBackend};
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test as test;
use yew::Reducible;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

fn stored(backend: &Rc<MemoryBackend>) -> State {
    common::state().with_store(Ok(WorkspaceStore::new(backend.clone())))
}

/// Two records imported, an entry and a comment made.
fn worked(s: Rc<State>) -> Rc<State> {
    let s = common::two_imported(s);
    let key = Key::new("A1", "tsp");
    let entry = StaffEntry {
        sites: vec!["site_a".into()],
        ..StaffEntry::default()
    };
    let s = s.reduce(Action::Staff(key.clone(), entry));
    s.reduce(Action::Comment(key, "Engaged well".into()))
}

fn values(backend: &MemoryBackend) -> Vec<(String, Option<String>)> {
    let keys = backend.keys().unwrap();
    keys.into_iter()
        .map(|k| {
            let v = backend.get(&k).unwrap();
            (k, v)
        })
        .collect()
}

#[test]
fn every_change_is_saved_and_unlocking_again_reopens_it_exactly() {
    let backend = Rc::new(MemoryBackend::default());
    let s = worked(unlocked(stored(&backend)));
    assert_eq!(s.saved, Saved::Saved);
    // One entries value and one records value, each a sealed draft ("qkitd…" in base64).
    let kept = values(&backend);
    assert_eq!(
        kept.len(),
        2,
        "{:?}",
        kept.iter().map(|k| &k.0).collect::<Vec<_>>()
    );
    assert!(kept
        .iter()
        .all(|(_, v)| v.as_deref().unwrap().starts_with("cWtpdGQC")));
    let before = s.entries();
    let locked = s.clone().reduce(Action::Lock);
    assert!(locked.records.is_empty() && locked.comments.is_empty());
    assert_eq!(locked.saved, Saved::Off);
    let again = unlocked((*locked).clone());
    assert_eq!(again.saved, Saved::Saved);
    assert_eq!(
        again.view,
        View::Cohort,
        "records held: the cohort table first"
    );
    assert_eq!(again.records, s.records);
    assert_eq!(again.table, s.table);
    assert_eq!(again.entries(), before);
    assert_eq!(again.keeping.others, 0);
}

#[test]
fn another_identity_neither_opens_nor_changes_the_workspace() {
    let backend = Rc::new(MemoryBackend::default());
    let s = worked(unlocked(stored(&backend)));
    let saved = values(&backend);
    let locked = s.reduce(Action::Lock);
    let mut rng = BrowserRng::new().expect("the browser's random source");
    let other = Identities::parse(NewIdentity::generate(&mut rng).secret_text().as_str()).unwrap();
    let theirs = Rc::new((*locked).clone()).reduce(Action::Unlock(Rc::new(other)));
    assert!(theirs.records.is_empty() && theirs.comments.is_empty());
    assert_eq!(theirs.saved, Saved::Saved);
    assert_eq!(theirs.keeping.others, 1, "the other workspace is noticed");
    assert_eq!(theirs.view, View::Import);
    let theirs = theirs.reduce(Action::Comment(Key::new("Q1", "tsp"), "Theirs".into()));
    for (k, v) in &saved {
        assert_eq!(&backend.get(k).unwrap(), v, "{k} is untouched");
    }
    let ours = unlocked((*theirs.reduce(Action::Lock)).clone());
    assert_eq!(ours.records.len(), 2);
    assert_eq!(
        ours.comments.get(&Key::new("A1", "tsp")).unwrap(),
        "Engaged well"
    );
}

#[test]
fn a_damaged_workspace_is_never_saved_over_until_set_aside() {
    let backend = Rc::new(MemoryBackend::default());
    let locked = worked(unlocked(stored(&backend))).reduce(Action::Lock);
    let entries_key = values(&backend)
        .into_iter()
        .map(|(k, _)| k)
        .find(|k| !k.contains(".records."))
        .unwrap();
    let mut damaged = backend.get(&entries_key).unwrap().unwrap();
    damaged.replace_range(60..64, "AAAA");
    backend.set(&entries_key, &damaged).unwrap();
    let s = unlocked((*locked).clone());
    assert!(
        matches!(&s.saved, Saved::Blocked(why) if why.contains("damaged")),
        "{:?}",
        s.saved
    );
    assert!(s.saved.unsaved(), "the leave-page warning is on");
    let s = s.reduce(Action::Comment(Key::new("A1", "tsp"), "New".into()));
    assert_eq!(
        backend.get(&entries_key).unwrap().unwrap(),
        damaged,
        "not saved over"
    );
    let s = s.reduce(Action::SetAside);
    assert_eq!(s.saved, Saved::Saved);
    let aside: Vec<String> = backend
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with("qkit.workspace-set-aside."))
        .collect();
    assert_eq!(aside.len(), 2, "entries and records kept aside");
    assert!(aside
        .iter()
        .any(|k| backend.get(k).unwrap().unwrap() == damaged));
    let again = unlocked((*s.reduce(Action::Lock)).clone());
    assert_eq!(again.saved, Saved::Saved);
    assert_eq!(again.comments.get(&Key::new("A1", "tsp")).unwrap(), "New");
}

#[test]
fn a_full_store_is_said_keeps_the_last_save_and_clears_on_the_next_save_that_fits() {
    let backend = Rc::new(MemoryBackend::default());
    let s = worked(unlocked(stored(&backend)));
    let saved = values(&backend);
    let used: usize = saved
        .iter()
        .map(|(k, v)| k.len() + v.as_ref().unwrap().len())
        .sum();
    backend.quota.set(Some(used + 10));
    let key = Key::new("A1", "tsp");
    let s = s.reduce(Action::Comment(key.clone(), "x".repeat(5_000)));
    assert_eq!(s.saved, Saved::Failed("storage is full".into()));
    assert!(s.saved.unsaved());
    assert_eq!(values(&backend), saved, "the last save is kept whole");
    backend.quota.set(None);
    let s = s.reduce(Action::Comment(key.clone(), "Shorter".into()));
    assert_eq!(s.saved, Saved::Saved);
    let again = unlocked((*s.reduce(Action::Lock)).clone());
    assert_eq!(again.comments.get(&key).unwrap(), "Shorter");
}
