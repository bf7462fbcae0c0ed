//! The practice question before the first questionnaire: the participant tries choosing an
//! answer (a number key or a click), changing it and pressing Next, and is told what he chose.
//! It is shown like any item (`crate::components::question::Question`: the same layout, option
//! group and keys) and is never recorded: the choice stays in the sitting's memory only (see
//! `qkit_session::Screen::Practice`). Its words are interface strings
//! (`recordings::spoken_keys::PRACTICE…`), recorded like the rest. Next works at once, with or
//! without an answer, so a participant who knows the way (or staff beside him) passes it with
//! one key.

use crate::components::option_group::Choice;
use crate::components::question::Asked;
use crate::components::read_aloud::spoken;
use qkit_questionnaires::recordings::spoken_keys::{PRACTICE, PRACTICE_FEEDBACK, PRACTICE_OPTIONS};
use qkit_questionnaires::{Colour, Pictogram};
use qkit_scoring::Answer;
use qkit_web::KitContext;
use yew::prelude::*;

/// The pictograms of the practice options, in order (yes, not sure, no), in the consent form's
/// colours.
const PICTURES: [(Pictogram, Colour); 3] = [
    (Pictogram::Yes, Colour([0x2f, 0x6a, 0x8f])),
    (Pictogram::Maybe, Colour([0x5f, 0x6b, 0x73])),
    (Pictogram::No, Colour([0x8c, 0x4a, 0x16])),
];

/// What the practice screen shows, with the option chosen (1-based), if any.
pub fn practice_question(ctx: &KitContext, chosen: Option<usize>, pictorial: bool) -> Asked {
    let options: Vec<Choice> = PRACTICE_OPTIONS
        .iter()
        .zip(PICTURES)
        .enumerate()
        .map(|(i, (key, picture))| Choice {
            answer: Answer::Value(i as i32 + 1),
            label: ctx.t(key).to_owned().into(),
            key: Some(i + 1),
            picture: pictorial.then_some(picture),
        })
        .collect();
    let lang = ctx.lang.as_str();
    let [heading, text, question] = PRACTICE.map(|k| ctx.t(k));
    let label = chosen
        .and_then(|k| PRACTICE_OPTIONS.get(k.wrapping_sub(1)))
        .map(|k| ctx.t(k));
    // Once an answer is chosen, read-aloud says what it was; before, the screen and question.
    let [chose, change] = PRACTICE_FEEDBACK.map(|k| ctx.t(k));
    let pieces = match label {
        Some(label) => vec![
            spoken(chose, lang),
            spoken(label, lang),
            spoken(change, lang),
        ],
        None => PRACTICE
            .iter()
            .chain(&PRACTICE_OPTIONS)
            .map(|k| spoken(ctx.t(k), lang))
            .collect(),
    };
    Asked {
        intro: html! {
            <>
                <p class="eyebrow">{ heading }</p>
                <p>{ text }</p>
            </>
        },
        text: question.to_owned().into(),
        lang: None,
        pieces,
        question_at: label.is_none().then_some(2),
        options,
        special: Vec::new(),
        selected: chosen.map(|k| Answer::Value(k as i32)),
        can_go_back: false,
        after: html! {
            <p role="status">
                if let Some(label) = label {
                    { chose }{ " " }<strong>{ label }</strong>{ ". " }{ change }
                }
            </p>
        },
    }
}
