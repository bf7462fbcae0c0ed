//! Storage problems and sealed drafts: a full store stops with a clear message, another tab
//! writing the sitting stops this one, the first screen sets a passphrase and every draft is
//! stored sealed, and a draft whose definition changed keeps its old answers, outdated.

use crate::common::{FAST, PASSPHRASE, T0};
use crate::mounted::*;
use qkit_app::browser::storage::Backend;
use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Session, StartOptions, Verb};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

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
        device: None,
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
