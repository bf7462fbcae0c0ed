//! The app as the tests mount it: over a memory store (empty, locked, or holding a sitting), a
//! fixed or hand-moved clock and cheap scrypt parameters; unmounted when dropped; and the steps a
//! test takes on it (type, click, press a key, find a heading, the radios or a button).

use crate::common::{FAST, PASSPHRASE, T0};
use crate::dom::{document, new_root};
use qkit_app::browser::storage::{DraftStore, Medium, MemoryBackend};
use qkit_app::state::{derive_now, Env};
use qkit_app::{App, AppProps};
use qkit_export::at_rest::{DraftKey, DraftLock};
use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Session, StartOptions, Verb};
use qkit_web::browser::random::BrowserRng;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

/// A memory store, a clock that moves one second per reading, and fixed ids.
pub fn env(store: DraftStore) -> Env {
    let tick = Rc::new(Cell::new(T0));
    Env {
        store,
        now: Rc::new(move || {
            tick.set(tick.get() + 1000);
            Timestamp(tick.get())
        }),
        new_id: Rc::new(|| "test-record".to_owned()),
        kdf: FAST,
        derive: derive_now(),
    }
}

/// The passphrase lock stored on the device, and the key it unlocks.
pub fn locked(store: &DraftStore) -> DraftKey {
    let mut rng = BrowserRng::new().expect("the browser has crypto");
    let (lock, key) = DraftLock::create(PASSPHRASE, FAST, &mut rng).expect("cheap parameters");
    store.set_lock(&lock).expect("stored");
    key
}

pub fn memory() -> (Rc<MemoryBackend>, DraftStore) {
    let backend = Rc::new(MemoryBackend::default());
    let store = DraftStore::new(backend.clone(), Medium::Device);
    (backend, store)
}

/// A stored TSP pre sitting, past consent, on the first "About you" item, sealed under the
/// key of the stored lock.
pub fn seeded(store: &DraftStore) -> (String, DraftKey) {
    let key = locked(store);
    let kit = Kit::shipped().expect("valid kit");
    let options = StartOptions {
        record_id: "seeded-1".into(),
        kit_version: "test".into(),
        device: None,
        participant: "A1234BC".into(),
        programme: "tsp".into(),
        timepoint: Timepoint::Pre,
        language: Lang::english(),
        support: Support::default(),
    };
    let mut s = Session::start(&kit, options, Timestamp(T0)).expect("start");
    for verb in [
        Verb::RecordConsent(Answer::Value(1)),
        Verb::Next,
        Verb::Next,
        Verb::Next,
    ] {
        s.apply(&kit, verb, Timestamp(T0)).expect("verb");
    }
    let sealing = qkit_app::browser::storage::Sealing {
        key: &key,
        team: &[],
    };
    store
        .save(s.draft(), 0, Timestamp(T0), sealing)
        .expect("saved");
    store.set_current(Some("seeded-1")).expect("current");
    ("seeded-1".into(), key)
}

/// A mounted app, unmounted (with its page-wide key listener) when dropped, so tests never
/// hear each other.
pub struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<App>>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

pub async fn mount(env: Env) -> Mounted {
    let root = new_root();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { env }).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Mounts the app and enters the passphrase on its lock screen.
pub async fn mount_unlocked(env: Env) -> Mounted {
    let root = mount(env).await;
    assert_eq!(heading(&root), "qkit is locked");
    type_into(&root, "#passphrase", PASSPHRASE);
    click(&button(&root, "Unlock")).await;
    root
}

/// Types into a text box as a person does: the value changes and an `input` event follows.
pub fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().expect("an input");
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let e = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&e).expect("dispatch");
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

pub fn heading(root: &Element) -> String {
    find(root, "h1").text_content().unwrap_or_default()
}

/// The radios in order, each with its label text and whether it is checked.
pub fn radios(root: &Element) -> Vec<(String, bool)> {
    let list = root
        .query_selector_all("[role=radiogroup] label")
        .expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .map(|label| {
            let input: HtmlInputElement = find(&label, "input").dyn_into().expect("an input");
            let text = find(&label, ".option-label")
                .text_content()
                .unwrap_or_default();
            (text, input.checked())
        })
        .collect()
}

pub fn button(root: &Element, name: &str) -> HtmlElement {
    let list = root.query_selector_all("button").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no button {name}"))
}

pub async fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    document().dispatch_event(&e).expect("dispatch");
    yew::scheduler::flush().await;
}

pub async fn click(el: &HtmlElement) {
    el.click();
    yew::scheduler::flush().await;
}

/// A clock staff can move on by hand.
pub fn manual_env(store: DraftStore) -> (Env, Rc<Cell<i64>>) {
    let clock = Rc::new(Cell::new(T0));
    let now = clock.clone();
    let env = Env {
        store,
        now: Rc::new(move || Timestamp(now.get())),
        new_id: Rc::new(|| "test-record".to_owned()),
        kdf: FAST,
        derive: derive_now(),
    };
    (env, clock)
}
