//! This laptop's device id, in headless Chromium: drawn once from the browser's random source
//! when staff first unlock, in the documented form (eight Crockford base32 characters as
//! `XXXX-XXXX`), the same after a reload and after every sitting is removed, carried by the
//! record of a sitting started here, and shown to staff above the sittings list.

use qkit_app::browser::storage::*;
use qkit_app::components::draft_list::DraftList;
use qkit_app::state::{Action, AppState, Secret, StartChoice, View};
use qkit_export::Support;
use qkit_questionnaires::{Kit, Lang, Timepoint};
use std::rc::Rc;
use wasm_bindgen_test::*;
use yew::prelude::*;

mod common;
#[path = "../../web/tests/common/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::{new_root, texts, WithKit, WithKitProps};

use common::{open, set_passphrase, Derive, PASSPHRASE};

wasm_bindgen_test_configure!(run_in_browser);

/// A store over `backend` with the staff passphrase set (if not set yet).
fn store(backend: &Rc<MemoryBackend>) -> DraftStore {
    let store = DraftStore::new(backend.clone(), Medium::Device);
    if store.lock().is_none() {
        set_passphrase(&store);
    }
    store
}

/// The app opened over `store` and unlocked: the start screen.
fn unlocked(store: &DraftStore) -> Rc<AppState> {
    open(store)
        .reduce(Action::Unlock(Secret::new(PASSPHRASE.into())))
        .derived()
}

fn device_shown(s: &AppState) -> Option<String> {
    let View::Start(v) = &s.view else {
        panic!("the start screen")
    };
    v.device.clone()
}

/// The documented form, checked character by character rather than by qkit's own rule.
fn documented_form(id: &str) -> bool {
    let crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    id.len() == 9
        && id.char_indices().all(|(i, c)| match i {
            4 => c == '-',
            _ => crockford.contains(c),
        })
}

#[wasm_bindgen_test]
fn the_id_is_drawn_once_and_kept_across_reloads_and_removal() {
    let backend = Rc::new(MemoryBackend::default());
    let first = store(&backend);
    assert_eq!(backend.get(DEVICE_KEY).expect("reads"), None, "none before");
    let s = unlocked(&first);
    let id = device_shown(&s).expect("staff see the id once unlocked");
    assert!(documented_form(&id), "{id}");
    assert_eq!(backend.get(DEVICE_KEY).expect("reads"), Some(id.clone()));
    // A reload: a new store over the same storage, the app opened again.
    let reloaded = store(&backend);
    assert_eq!(device_shown(&unlocked(&reloaded)), Some(id.clone()));
    assert_eq!(reloaded.device_id(), Some(id.clone()));
    // Removing every sitting (and the lock) does not rename the laptop.
    reloaded.remove_all().expect("removed");
    assert_eq!(backend.get(LOCK_KEY).expect("reads"), None);
    assert_eq!(store(&backend).device_id(), Some(id.clone()));
    // Another browser profile draws its own.
    let other = store(&Rc::new(MemoryBackend::default()));
    let other_id = other.device_id().expect("drawn");
    assert!(documented_form(&other_id), "{other_id}");
    assert_ne!(other_id, id);
}

#[wasm_bindgen_test]
fn a_value_changed_outside_qkit_is_replaced_by_a_new_id() {
    let backend = Rc::new(MemoryBackend::default());
    backend.set(DEVICE_KEY, "Dave's laptop").expect("set");
    let store = store(&backend);
    let id = store.device_id().expect("drawn");
    assert!(documented_form(&id), "{id}");
    assert_eq!(store.device_id(), Some(id));
}

#[wasm_bindgen_test]
fn a_sitting_started_here_carries_the_id() {
    let backend = Rc::new(MemoryBackend::default());
    let store = store(&backend);
    let s = unlocked(&store);
    let id = device_shown(&s).expect("shown");
    let s = s.reduce(Action::Start(StartChoice {
        participant: "A1234BC".into(),
        programme: "tsp".into(),
        timepoint: Timepoint::Pre,
        language: Lang::english(),
        support: Support::default(),
    }));
    let View::Sitting(v) = &s.view else {
        panic!("the sitting")
    };
    assert_eq!(v.session.draft().record.device, Some(id));
}

#[wasm_bindgen_test]
async fn staff_see_this_laptop_above_the_sittings() {
    let root = new_root();
    let list = html! {
        <DraftList drafts={Vec::new()} device={Some("K7QD-2MXA".to_owned())}
            on_open={Callback::noop()} on_remove={Callback::noop()} />
    };
    yew::Renderer::<WithKit>::with_root_and_props(
        root.clone(),
        WithKitProps {
            kit: Rc::new(Kit::shipped().expect("valid kit")),
            children: list,
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(texts(&root, "p"), vec!["This laptop: K7QD-2MXA".to_owned()]);
}
