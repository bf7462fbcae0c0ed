//! Highlighting what read-aloud reads: the reading state the reader's reports add up to, the
//! word found from the browser's UTF-16 positions, and the option group marking the option
//! being read (`aria-current`, its word underlined) without choosing it.

#[path = "../../web/tests/common/dom.rs"]
#[allow(dead_code)]
mod dom;

use qkit_app::components::option_group::{Choice, OptionGroup};
use qkit_app::state::reading::{split_word, ReadEvent, Reading};
use qkit_questionnaires::{Colour, Pictogram};
use qkit_scoring::Answer;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn after(events: &[ReadEvent]) -> Reading {
    events.iter().fold(Reading::default(), |r, e| r.after(*e))
}

#[wasm_bindgen_test]
fn a_reading_follows_its_pieces_and_words_and_ends_with_nothing_highlighted() {
    let r = after(&[ReadEvent::Started(0)]);
    assert!(r.reads(0) && !r.reads(1));
    assert_eq!(r.word_of(0), None, "a recording has no word timings");
    let r = r.after(ReadEvent::Word {
        piece: 0,
        start: 4,
        len: 3,
    });
    assert_eq!(r.word_of(0), Some((4, 3)));
    assert_eq!(r.word_of(1), None);
    // The next piece starts with no word marked.
    let r = r.after(ReadEvent::Started(1));
    assert!(r.reads(1));
    assert_eq!(r.word_of(1), None);
    let r = r.after(ReadEvent::Ended);
    assert_eq!(r.piece, None);
    assert_eq!(r.word, None);
}

#[wasm_bindgen_test]
fn a_text_that_cannot_be_read_stays_highlighted_while_it_is_its_turn() {
    let r = after(&[ReadEvent::Started(2), ReadEvent::Unavailable]);
    assert!(r.reads(2), "the screen still shows where the reading is");
    assert_eq!(after(&[ReadEvent::Unavailable]), Reading::default());
}

#[wasm_bindgen_test]
fn words_are_found_from_utf16_positions_in_any_script() {
    assert_eq!(
        split_word("Do you like sunny days?", 12, 5),
        Some(("Do you like ", "sunny", " days?"))
    );
    // ŵ is one UTF-16 unit but two bytes; 🙂 is two units and four bytes.
    assert_eq!(
        split_word("Ddim yn siŵr o gwbl", 8, 4),
        Some(("Ddim yn ", "siŵr", " o gwbl"))
    );
    assert_eq!(split_word("🙂 Ydw", 3, 3), Some(("🙂 ", "Ydw", "")));
    // No length given: up to the next space.
    assert_eq!(
        split_word("Nac ydw heddiw", 4, 0),
        Some(("Nac ", "ydw", " heddiw"))
    );
    // Inside a surrogate pair, or past the end: nothing to mark.
    assert_eq!(split_word("🙂 Ydw", 1, 2), None);
    assert_eq!(split_word("Ydw", 2, 5), None);
}

#[derive(Properties, PartialEq)]
struct GroupProps {
    reading: Option<usize>,
    word: Option<(u32, u32)>,
}

#[function_component(Group)]
fn group(props: &GroupProps) -> Html {
    let choice = |value: i32, label: &str, picture| Choice {
        answer: Answer::Value(value),
        label: label.to_owned().into(),
        key: Some(value as usize),
        picture: Some((picture, Colour([0x2f, 0x6a, 0x8f]))),
    };
    let options = vec![
        choice(1, "Yes", Pictogram::Yes),
        choice(2, "Not sure", Pictogram::Maybe),
        choice(3, "No", Pictogram::No),
    ];
    html! {
        <>
            <p id="q">{ "Do you like sunny days?" }</p>
            <OptionGroup labelled_by="q" {options} selected={None} on_choose={Callback::noop()}
                reading={props.reading} word={props.word} />
        </>
    }
}

async fn render(reading: Option<usize>, word: Option<(u32, u32)>) -> web_sys::Element {
    let root = dom::new_root();
    yew::Renderer::<Group>::with_root_and_props(root.clone(), GroupProps { reading, word })
        .render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn the_option_being_read_is_marked_current_with_its_pictogram_and_word() {
    let root = render(Some(1), Some((4, 4))).await;
    let current = root
        .query_selector_all("[aria-current=\"true\"]")
        .expect("query");
    assert_eq!(current.length(), 1, "one option at a time");
    let label: web_sys::Element = current
        .get(0)
        .and_then(|n| wasm_bindgen::JsCast::dyn_into(n).ok())
        .expect("an element");
    assert_eq!(
        label.tag_name(),
        "LABEL",
        "the whole option: radio, pictogram and label"
    );
    assert!(label
        .query_selector("svg.pictogram")
        .expect("query")
        .is_some());
    let radio = label
        .query_selector("input[type=radio]")
        .expect("query")
        .expect("its radio");
    assert_eq!(radio.get_attribute("value").as_deref(), Some("1"));
    let word = label
        .query_selector(".reading-word")
        .expect("query")
        .expect("the word being read");
    assert_eq!(word.text_content().as_deref(), Some("sure"));
    assert_eq!(
        label
            .query_selector(".option-label")
            .expect("q")
            .expect("label")
            .text_content()
            .as_deref(),
        Some("Not sure"),
        "the label reads the same with its word marked"
    );
    assert!(
        root.query_selector("input:checked")
            .expect("query")
            .is_none(),
        "nothing chosen"
    );
    root.remove();

    let root = render(None, Some((4, 4))).await;
    assert!(root
        .query_selector("[aria-current], .reading-word")
        .expect("query")
        .is_none());
    root.remove();
}
