//! Each text in its own language, in headless Chromium: in a Welsh sitting an English-only
//! questionnaire's question and options are marked English and read in English, while the
//! special answers (the interface's words) stay Welsh; the start form names, in the chosen
//! language, the questionnaires such a sitting shows in English.

#[path = "../../web/tests/common/dom.rs"]
#[allow(dead_code)]
mod dom;

use dom::new_root;
use qkit_app::browser::speech::{Reader, Voicing};
use qkit_app::components::question::Question;
use qkit_app::components::read_aloud::SpeechContext;
use qkit_app::components::start_form::StartForm;
use qkit_app::pages::item::{item_pieces, item_question, special_choices};
use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{ItemScreen, Screen, Session, StartOptions, Verb};
use qkit_web::KitContext;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn cy() -> Lang {
    Lang::parse("cy").expect("a language tag")
}

fn kit() -> Rc<Kit> {
    Rc::new(Kit::shipped().expect("the shipped kit is valid"))
}

/// The first RSES item of an MFMC pre sitting in Welsh (RSES has no Welsh text).
fn welsh_rses_item(kit: &Kit) -> ItemScreen {
    let options = StartOptions {
        record_id: "r".into(),
        kit_version: "test".into(),
        device: None,
        participant: "A1234BC".into(),
        programme: "mfmc".into(),
        timepoint: Timepoint::Pre,
        language: cy(),
        support: Support::default(),
    };
    let mut s = Session::start(kit, options, Timestamp(0)).expect("start");
    s.apply(kit, Verb::RecordConsent(Answer::Value(1)), Timestamp(1000))
        .expect("consent");
    for n in 2..200 {
        if let Screen::Item(item) = s.screen(kit) {
            if item.questionnaire == "rses" {
                return item;
            }
        }
        s.apply(kit, Verb::Next, Timestamp(n * 1000)).expect("next");
    }
    panic!("no RSES item in MFMC pre")
}

#[derive(Properties, PartialEq)]
struct ItemQuestionProps {
    screen: ItemScreen,
}

/// An item's question as the sitting shows it (`item_question` into `Question`).
#[function_component(ItemQuestion)]
fn item_question_view(props: &ItemQuestionProps) -> Html {
    let ctx = use_context::<KitContext>().expect("InWelsh provides KitContext");
    match item_question(&ctx, &props.screen, &Support::default()) {
        Some(asked) => html! {
            <Question {asked} on_choose={Callback::noop()} on_next={Callback::noop()}
                on_back={Callback::noop()} />
        },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct InWelshProps {
    kit: Rc<Kit>,
    children: Html,
}

/// The children under a Welsh interface, with read-aloud off.
#[function_component(InWelsh)]
fn in_welsh(props: &InWelshProps) -> Html {
    let ctx = KitContext {
        kit: props.kit.clone(),
        lang: cy(),
    };
    let speech = use_memo((), |_| SpeechContext {
        voicing: Rc::new(Voicing::default()),
        voices: Rc::new(Vec::new()),
        reader: Rc::new(Reader::default()),
        auto: false,
    });
    html! {
        <ContextProvider<KitContext> context={ctx}>
            <ContextProvider<SpeechContext> context={(*speech).clone()}>
                { props.children.clone() }
            </ContextProvider<SpeechContext>>
        </ContextProvider<KitContext>>
    }
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("query");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Each answer label's text with its `lang` attribute.
fn labels(root: &Element) -> Vec<(String, Option<String>)> {
    all(root, "[role=radiogroup] .option-label")
        .iter()
        .map(|l| {
            (
                l.text_content().unwrap_or_default(),
                l.get_attribute("lang"),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
async fn an_english_only_question_in_a_welsh_sitting_marks_each_text_with_its_language() {
    let kit = kit();
    let screen = welsh_rses_item(&kit);
    assert_eq!(screen.language, Lang::english());
    let root = new_root();
    let props = InWelshProps {
        kit: kit.clone(),
        children: html! {
            <ItemQuestion screen={screen.clone()} />
        },
    };
    let handle = yew::Renderer::<InWelsh>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let question = all(&root, "h1")[0].clone();
    assert_eq!(question.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        labels(&root),
        [
            ("Strongly agree", Some("en")),
            ("Agree", Some("en")),
            ("Disagree", Some("en")),
            ("Strongly disagree", Some("en")),
            // The interface's own words: the page's language, Welsh.
            ("Ddim yn gwybod", None),
            ("Mae'n well gen i beidio â dweud", None),
            ("Dydw i ddim yn deall y cwestiwn hwn", None),
        ]
        .map(|(t, l)| (t.to_owned(), l.map(str::to_owned)))
    );
    handle.destroy();
    root.remove();

    // Read-aloud reads each text in its own language (and so with that language's recording
    // or voice): the question and options in English, the special answers in Welsh.
    let q = kit.questionnaire("rses").expect("rses");
    let item = q.item(&screen.item).expect("the item");
    let ctx = KitContext {
        kit: kit.clone(),
        lang: cy(),
    };
    let special = special_choices(&ctx, q, item);
    let pieces = item_pieces(item, screen.wording, &screen.language, &cy(), &special);
    let langs: Vec<&str> = pieces.iter().map(|p| p.lang.as_str()).collect();
    assert_eq!(langs, ["en", "en", "en", "en", "en", "cy", "cy", "cy"]);
    assert_eq!(pieces[5].text, "Ddim yn gwybod");
}

#[derive(Properties, PartialEq)]
struct FormProps {
    kit: Rc<Kit>,
}

#[function_component(WelshForm)]
fn welsh_form(props: &FormProps) -> Html {
    html! {
        <InWelsh kit={props.kit.clone()}>
            <StartForm suggestion={None::<(String, qkit_session::Suggested)>} error={None}
                on_start={Callback::noop()} on_reference={Callback::noop()} />
        </InWelsh>
    }
}

#[wasm_bindgen_test]
async fn the_start_form_names_in_welsh_the_questionnaires_a_welsh_sitting_shows_in_english() {
    let kit = kit();
    let root = new_root();
    let handle =
        yew::Renderer::<WelshForm>::with_root_and_props(root.clone(), FormProps { kit }).render();
    yew::scheduler::flush().await;
    // The first programme, TSP, at pre: consent and About you have Welsh text; BIS-11 and BSCS
    // do not.
    let notice = all(&root, ".in-english");
    assert_eq!(notice.len(), 1, "{}", root.inner_html());
    let sentence = all(&notice[0], "p")[0].clone();
    assert_eq!(
        sentence.text_content().as_deref(),
        Some("Does dim fersiwn Gymraeg o'r holiaduron hyn eto, felly byddan nhw yn Saesneg:")
    );
    assert_eq!(sentence.get_attribute("lang"), None, "Welsh, as the page");
    let names: Vec<(String, Option<String>)> = all(&notice[0], "li")
        .iter()
        .map(|l| {
            (
                l.text_content().unwrap_or_default(),
                l.get_attribute("lang"),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("Barratt Impulsiveness Scale (BIS-11)", "en"),
            ("Brief Self-Control Scale", "en")
        ]
        .map(|(t, l)| (t.to_owned(), Some(l.to_owned())))
    );
    assert!(all(&notice[0], "button").len() == 1, "it can be read aloud");
    handle.destroy();
    root.remove();
}
