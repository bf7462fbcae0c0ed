//! The screens themselves: the start screen's programmes, the item screen (its group named by its
//! question, stored before moving on), the progress bar, and the keyboard (number keys choose,
//! Enter goes on, left goes back).

use crate::dom::{document, new_root};
use crate::mounted::*;
use qkit_app::components::progress_bar::ProgressBar;
use qkit_questionnaires::{Kit, Lang};
use qkit_scoring::Answer;
use qkit_web::KitContext;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, KeyboardEvent, KeyboardEventInit};
use yew::prelude::*;

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
