//! The practice question before the first questionnaire: the participant tries choosing an
//! answer (a number key or a click), changing it and pressing Next, and is told what he chose.
//! It looks and works like a question (the same option group and keys) and is never recorded:
//! the choice stays in the sitting's memory only (see `qkit_session::Screen::Practice`). Its
//! words are interface strings (`recordings::spoken_keys::PRACTICE…`), recorded like the rest.
//! Next works at once, with or without an answer, so a participant who knows the way (or staff
//! beside him) passes it with one key.

use crate::components::nav_buttons::NavButtons;
use crate::components::option_group::{Choice, OptionGroup};
use crate::components::read_aloud::{marked, spoken, ReadAloud};
use crate::hooks::use_keys;
use crate::pages::item::option_keys;
use crate::state::reading::Reading;
use qkit_questionnaires::recordings::spoken_keys::{PRACTICE, PRACTICE_FEEDBACK, PRACTICE_OPTIONS};
use qkit_questionnaires::{Colour, Pictogram};
use qkit_scoring::Answer;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// The pictograms of the practice options, in order (yes, not sure, no), in the consent form's
/// colours.
const PICTURES: [(Pictogram, Colour); 3] = [
    (Pictogram::Yes, Colour([0x2f, 0x6a, 0x8f])),
    (Pictogram::Maybe, Colour([0x5f, 0x6b, 0x73])),
    (Pictogram::No, Colour([0x8c, 0x4a, 0x16])),
];

/// Properties of [`PracticePage`].
#[derive(Properties, PartialEq)]
pub struct PracticePageProps {
    /// The option chosen (1-based), if any.
    pub chosen: Option<usize>,
    /// Pictograms with the options.
    #[prop_or_default]
    pub pictorial: bool,
    pub on_choose: Callback<Answer>,
    pub on_next: Callback<()>,
}

/// The practice screen.
#[function_component(PracticePage)]
pub fn practice_page(props: &PracticePageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let reading = use_reducer(Reading::default);
    let options: Vec<Choice> = PRACTICE_OPTIONS
        .iter()
        .zip(PICTURES)
        .enumerate()
        .map(|(i, (key, picture))| Choice {
            answer: Answer::Value(i as i32 + 1),
            label: ctx.t(key).to_owned().into(),
            key: Some(i + 1),
            picture: props.pictorial.then_some(picture),
        })
        .collect();
    let on_key = option_keys(&options, &props.on_choose, &props.on_next, None);
    use_keys(options.len(), on_key);
    let lang = ctx.lang.as_str();
    let [heading, text, question] = PRACTICE.map(|k| ctx.t(k));
    let chosen = props
        .chosen
        .and_then(|k| PRACTICE_OPTIONS.get(k.wrapping_sub(1)))
        .map(|k| ctx.t(k));
    // Once an answer is chosen, read-aloud says what it was; before, the screen and question.
    let pieces = match chosen {
        Some(label) => vec![
            spoken(ctx.t(PRACTICE_FEEDBACK[0]), lang),
            spoken(label, lang),
            spoken(ctx.t(PRACTICE_FEEDBACK[1]), lang),
        ],
        None => PRACTICE
            .iter()
            .chain(&PRACTICE_OPTIONS)
            .map(|k| spoken(ctx.t(k), lang))
            .collect(),
    };
    let asking = chosen.is_none();
    let feedback_read = !asking && reading.piece.is_some();
    html! {
        <section class="screen item practice">
            <h1 id={HEADING_ID} tabindex="-1">{ heading }</h1>
            <ReadAloud {pieces} question=true reading={reading.clone()} />
            <p>{ text }</p>
            <p id="practice-question" class="question"
                aria-current={(asking && reading.reads(2)).then_some("true")}>
                { marked(question, reading.word_of(2).filter(|_| asking)) }
            </p>
            <OptionGroup labelled_by="practice-question" {options} selected={props.chosen.map(|k| Answer::Value(k as i32))}
                on_choose={props.on_choose.clone()}
                reading={reading.piece.and_then(|p| p.checked_sub(3)).filter(|_| asking)}
                word={reading.word} />
            <p role="status" class="practice-feedback" aria-current={feedback_read.then_some("true")}>
                if let Some(label) = chosen {
                    { ctx.t(PRACTICE_FEEDBACK[0]) }{ " " }<strong>{ label }</strong>{ ". " }
                    { ctx.t(PRACTICE_FEEDBACK[1]) }
                }
            </p>
            <NavButtons can_go_back=false on_back={Callback::noop()} on_next={props.on_next.clone()} />
        </section>
    }
}
