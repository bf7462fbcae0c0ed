//! Component tests in headless Chromium: the passphrase screens, the start screen, the item
//! screen, the progress bar, keyboard handling, storage problems, sealed drafts and the staff
//! steps. The app runs over a memory store, a fixed clock and cheap scrypt parameters (stand-ins
//! for localStorage, the wall clock and the real work factor), so nothing sleeps and nothing is
//! left behind.

use qkit_app::browser::storage::{Backend, DraftStore, Medium, MemoryBackend};
use qkit_app::components::progress_bar::ProgressBar;
use qkit_app::state::{derive_now, Env};
use qkit_app::{App, AppProps};
use qkit_export::at_rest::{DraftKey, DraftLock};
use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Session, StartOptions, Verb};
use qkit_web::browser::random::BrowserRng;
use qkit_web::KitContext;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};
use yew::prelude::*;

mod common;
#[path = "../../web/tests/common/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::{document, new_root};

use common::{Derive, FAST, PASSPHRASE, T0};

wasm_bindgen_test_configure!(run_in_browser);

/// A memory store, a clock that moves one second per reading, and fixed ids.
fn env(store: DraftStore) -> Env {
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
fn locked(store: &DraftStore) -> DraftKey {
    let mut rng = BrowserRng::new().expect("the browser has crypto");
    let (lock, key) = DraftLock::create(PASSPHRASE, FAST, &mut rng).expect("cheap parameters");
    store.set_lock(&lock).expect("stored");
    key
}

fn memory() -> (Rc<MemoryBackend>, DraftStore) {
    let backend = Rc::new(MemoryBackend::default());
    let store = DraftStore::new(backend.clone(), Medium::Device);
    (backend, store)
}

/// A stored TSP pre sitting, past consent, on the first "About you" item, sealed under the
/// key of the stored lock.
fn seeded(store: &DraftStore) -> (String, DraftKey) {
    let key = locked(store);
    let kit = Kit::shipped().expect("valid kit");
    let options = StartOptions {
        record_id: "seeded-1".into(),
        kit_version: "test".into(),
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
struct Mounted {
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

async fn mount(env: Env) -> Mounted {
    let root = new_root();
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { env }).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Mounts the app and enters the passphrase on its lock screen.
async fn mount_unlocked(env: Env) -> Mounted {
    let root = mount(env).await;
    assert_eq!(heading(&root), "qkit is locked");
    type_into(&root, "#passphrase", PASSPHRASE);
    click(&button(&root, "Unlock")).await;
    root
}

/// Types into a text box as a person does: the value changes and an `input` event follows.
fn type_into(root: &Element, selector: &str, text: &str) {
    let input: HtmlInputElement = find(root, selector).dyn_into().expect("an input");
    input.set_value(text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let e = web_sys::Event::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&e).expect("dispatch");
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

fn heading(root: &Element) -> String {
    find(root, "h1").text_content().unwrap_or_default()
}

/// The radios in order, each with its label text and whether it is checked.
fn radios(root: &Element) -> Vec<(String, bool)> {
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

fn button(root: &Element, name: &str) -> HtmlElement {
    let list = root.query_selector_all("button").expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no button {name}"))
}

async fn press(key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("event");
    document().dispatch_event(&e).expect("dispatch");
    yew::scheduler::flush().await;
}

async fn click(el: &HtmlElement) {
    el.click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_start_screen_offers_every_programme_from_the_definitions() {
    let (_, store) = memory();
    locked(&store);
    let root = mount_unlocked(env(store)).await;
    assert_eq!(heading(&root), "Start a sitting");
    let kit = Kit::shipped().expect("valid");
    let options = root.query_selector_all("#programme option").expect("query");
    assert_eq!(options.length() as usize, kit.programmes.len());
    let text = root.text_content().unwrap_or_default();
    for p in &kit.programmes {
        assert!(text.contains(p.name.get(&Lang::english())), "{}", p.id);
    }
}

#[wasm_bindgen_test]
async fn the_item_screen_names_the_group_by_its_question_and_stores_before_moving_on() {
    let (backend, store) = memory();
    let (id, key) = seeded(&store);
    let root = mount_unlocked(env(store.clone())).await;
    let kit = Kit::shipped().expect("valid");
    let item = &kit.questionnaire("about_you").expect("about_you").items[0];
    let question = item.text.get(&Lang::english());
    assert_eq!(heading(&root), question);
    let group = find(&root, "[role=radiogroup]");
    let named_by = group.get_attribute("aria-labelledby").expect("labelled");
    assert_eq!(
        find(&root, &format!("#{named_by}"))
            .text_content()
            .as_deref(),
        Some(question)
    );
    let expected: Vec<(String, bool)> = [
        "English",
        "Welsh (Cymraeg)",
        "Don't know",
        "Prefer not to say",
        "I don't understand this question",
    ]
    .iter()
    .map(|s| (s.to_string(), false))
    .collect();
    assert_eq!(
        radios(&root),
        expected,
        "options, then the special answers it offers"
    );

    let welsh: HtmlElement = root
        .query_selector_all("[role=radiogroup] input")
        .expect("query")
        .item(1)
        .and_then(|n| n.dyn_into().ok())
        .expect("second radio");
    click(&welsh).await;
    assert!(radios(&root)[1].1, "the choice shows");
    let rev_before = store.load(&id, &key).expect("stored").revision;
    click(&button(&root, "Next")).await;
    let stored = store.load(&id, &key).expect("stored");
    assert!(stored.revision > rev_before);
    let answers = &stored.draft.record.questionnaires[1].answers;
    assert_eq!(
        answers[0].answer,
        Answer::Value(2),
        "written before the next item shows"
    );
    assert_eq!(
        heading(&root),
        kit.questionnaire("about_you").expect("q").items[1]
            .text
            .get(&Lang::english())
    );
    drop(backend);
}

#[derive(Properties, PartialEq)]
struct WithKitProps {
    children: Html,
}

#[function_component(WithKit)]
fn with_kit(props: &WithKitProps) -> Html {
    let kit = use_memo((), |_| Rc::new(Kit::shipped().expect("valid")));
    let ctx = KitContext {
        kit: (*kit).clone(),
        lang: Lang::english(),
    };
    html! { <ContextProvider<KitContext> context={ctx}>{ props.children.clone() }</ContextProvider<KitContext>> }
}

#[function_component(TwoBars)]
fn two_bars() -> Html {
    html! {
        <WithKit>
            <ProgressBar title="BSCS" questionnaire={(3, 13)} battery={(12, 40)} />
        </WithKit>
    }
}

#[wasm_bindgen_test]
async fn the_progress_bar_shows_both_counts_as_text_and_as_bars() {
    let root = new_root();
    let handle = yew::Renderer::<TwoBars>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let rows = root.query_selector_all(".progress-row").expect("query");
    assert_eq!(rows.length(), 2);
    let check = |id: &str, text: &str, value: &str, max: &str| {
        let bar = find(&root, &format!("progress#{id}"));
        assert_eq!(bar.get_attribute("value").as_deref(), Some(value));
        assert_eq!(bar.get_attribute("max").as_deref(), Some(max));
        let label = find(&root, &format!("label[for={id}]"));
        assert_eq!(label.text_content().as_deref(), Some(text));
    };
    check(
        "progress-questionnaire",
        "BSCS: question 3 of 13",
        "3",
        "13",
    );
    check("progress-battery", "All questions: 12 of 40", "12", "40");
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn number_keys_choose_enter_goes_on_and_left_goes_back() {
    let (_, store) = memory();
    let (id, key) = seeded(&store);
    let root = mount_unlocked(env(store.clone())).await;
    let first = heading(&root);
    press("2").await;
    assert_eq!(
        radios(&root).iter().map(|r| r.1).collect::<Vec<_>>(),
        [false, true, false, false, false]
    );
    press("9").await; // no ninth option: nothing changes
    assert!(radios(&root)[1].1);
    press("Enter").await;
    let second = heading(&root);
    assert_ne!(second, first);
    let focused = document().active_element().expect("something has focus");
    assert_eq!(
        focused.id(),
        "screen-heading",
        "focus moves to the new question"
    );
    assert_eq!(focused.text_content().unwrap_or_default(), second);
    press("1").await;
    press("ArrowRight").await;
    assert_ne!(heading(&root), second, "→ is Next too");
    press("ArrowLeft").await;
    assert_eq!(heading(&root), second);
    assert!(
        radios(&root)[0].1,
        "the earlier answer shows after going back"
    );
    press("ArrowLeft").await;
    assert_eq!(heading(&root), first);
    assert!(radios(&root)[1].1);
    let alt_left = KeyboardEventInit::new();
    alt_left.set_key("ArrowLeft");
    alt_left.set_alt_key(true);
    alt_left.set_bubbles(true);
    let e = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &alt_left).expect("event");
    document().dispatch_event(&e).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(heading(&root), first, "Alt+← is the browser's, not ours");
    let stored = store.load(&id, &key).expect("stored").draft;
    assert_eq!(stored.record.questionnaires[1].answers.len(), 2);
}

#[wasm_bindgen_test]
async fn a_full_store_stops_with_a_clear_message_and_staff_can_carry_on() {
    let (backend, store) = memory();
    seeded(&store);
    let root = mount_unlocked(env(store.clone())).await;
    let first = heading(&root);
    backend.quota.set(Some(10));
    press("1").await;
    let alert = find(&root, "[role=alert]")
        .text_content()
        .unwrap_or_default();
    assert!(
        alert.contains("storage on this computer is full"),
        "{alert}"
    );
    assert!(
        !radios(&root)[0].1,
        "the unsaved choice is not shown as made"
    );
    press("Enter").await;
    assert_eq!(heading(&root), first, "nothing moves until staff choose");
    click(&button(&root, "Carry on without saving")).await;
    assert!(radios(&root)[0].1, "the choice is kept in memory");
    press("Enter").await;
    assert_ne!(heading(&root), first);
    let status = root.text_content().unwrap_or_default();
    assert!(
        status.contains("could not be saved"),
        "the unsaved warning stays up"
    );
    backend.quota.set(None);
    press("1").await;
    assert!(
        !root
            .text_content()
            .unwrap_or_default()
            .contains("could not be saved"),
        "saved again"
    );
}

#[wasm_bindgen_test]
async fn another_tab_writing_the_sitting_stops_this_one() {
    let (_, store) = memory();
    let (id, key) = seeded(&store);
    let root = mount_unlocked(env(store.clone())).await;
    // The other tab writes (revision moves on) and the browser tells this page.
    let mut other = store.load(&id, &key).expect("stored");
    other.draft.assisted = false;
    let rev = store
        .save(
            &other.draft,
            other.revision,
            Timestamp(T0),
            qkit_app::browser::storage::Sealing {
                key: &key,
                team: &[],
            },
        )
        .expect("other tab saves");
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&format!("qkit.draft.{id}")));
    init.set_new_value(Some(&format!(
        "{{\"qkit_draft\":2,\"rev\":{rev}}}\nc2VhbGVk"
    )));
    let e = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).expect("event");
    web_sys::window()
        .expect("window")
        .dispatch_event(&e)
        .expect("dispatch");
    yew::scheduler::flush().await;
    let alert = find(&root, "[role=alert]")
        .text_content()
        .unwrap_or_default();
    assert!(
        alert.contains("changed in another tab or window"),
        "{alert}"
    );
    press("1").await;
    press("Enter").await;
    assert_eq!(
        store.load(&id, &key).expect("stored").revision,
        rev,
        "this tab wrote nothing"
    );
    click(&button(&root, "Load the latest answers")).await;
    assert!(root.query_selector("[role=alert]").ok().flatten().is_none());
}

#[wasm_bindgen_test]
async fn the_first_screen_sets_a_passphrase_and_every_draft_is_then_stored_sealed() {
    let (backend, store) = memory();
    let root = mount(env(store.clone())).await;
    assert_eq!(heading(&root), "Set a staff passphrase");
    type_into(&root, "#new-passphrase", "short");
    type_into(&root, "#repeat-passphrase", "short");
    click(&button(&root, "Set the passphrase")).await;
    let alert = find(&root, "[role=alert]")
        .text_content()
        .unwrap_or_default();
    assert!(alert.contains("at least 8 characters"), "{alert}");
    assert!(store.lock().is_none(), "nothing stored yet");
    type_into(&root, "#new-passphrase", PASSPHRASE);
    type_into(&root, "#repeat-passphrase", PASSPHRASE);
    click(&button(&root, "Set the passphrase")).await;
    assert_eq!(heading(&root), "Start a sitting");
    let lock = store.lock().expect("a lock").expect("readable");
    assert_eq!(lock.params(), FAST);
    assert!(lock.unlock(PASSPHRASE).is_ok());
    type_into(&root, "#participant", "A1234BC");
    yew::scheduler::flush().await;
    let form: web_sys::HtmlFormElement = find(&root, "form.start-form").dyn_into().expect("form");
    form.request_submit().expect("submits");
    yew::scheduler::flush().await;
    let draft = backend
        .keys()
        .expect("keys")
        .into_iter()
        .find(|k| k.starts_with("qkit.draft."))
        .expect("a stored draft");
    let value = backend.get(&draft).expect("read").expect("a value");
    assert!(
        value.starts_with("{\"qkit_draft\":3,\"rev\":1}\n"),
        "{value}"
    );
    assert!(!value.contains("A1234BC") && !value.contains("tsp") && !value.contains("consent"));
}

#[wasm_bindgen_test]
async fn a_draft_whose_definition_changed_keeps_the_old_answers_outdated() {
    let (_, store) = memory();
    let key = locked(&store);
    // A TSP mid sitting stored with two BSCS answers given under a BSCS whose items have since
    // changed.
    let kit = Kit::shipped().expect("valid kit");
    let options = StartOptions {
        record_id: "old-1".into(),
        kit_version: "test".into(),
        participant: "OLD0001".into(),
        programme: "tsp".into(),
        timepoint: Timepoint::Mid,
        language: Lang::english(),
        support: Support::default(),
    };
    let mut s = Session::start(&kit, options, Timestamp(T0)).expect("start");
    s.apply(&kit, Verb::RecordConsent(Answer::Value(1)), Timestamp(T0))
        .expect("consent");
    for verb in [
        Verb::Next,
        Verb::Next,
        Verb::Next,
        Verb::Answer(Answer::Value(2)),
        Verb::Next,
    ] {
        s.apply(&kit, verb, Timestamp(T0 + 5_000)).expect("verb");
    }
    s.apply(&kit, Verb::Answer(Answer::Value(3)), Timestamp(T0 + 9_000))
        .expect("answer");
    s.apply(&kit, Verb::Next, Timestamp(T0 + 9_000))
        .expect("next");
    let mut draft = s.draft().clone();
    draft.record.questionnaires[1].version = "0.9.0".into();
    draft.record.questionnaires[1].content_hash = "old".into();
    draft.item_signatures[1] = "old items".into();
    store
        .save(
            &draft,
            0,
            Timestamp(T0 + 9_000),
            qkit_app::browser::storage::Sealing {
                key: &key,
                team: &[],
            },
        )
        .expect("stored");
    store.set_current(Some("old-1")).expect("current");

    let root = mount_unlocked(env(store.clone())).await;
    let text = root.text_content().unwrap_or_default();
    assert!(
        text.contains("The 2 answers already given are kept in the record under version 0.9.0"),
        "{text}"
    );
    // BSCS was the last questionnaire, so the battery is finished without it.
    assert_eq!(heading(&root), "Thank you");
    let record = store.load("old-1", &key).expect("readable").draft.record;
    assert!(record.questionnaires[1].outdated);
    assert_eq!(record.questionnaires[1].answers.len(), 2);
    assert_eq!(qkit_export::validate_record(&kit, &record), Ok(()));
}

/// A clock staff can move on by hand.
fn manual_env(store: DraftStore) -> (Env, Rc<Cell<i64>>) {
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
