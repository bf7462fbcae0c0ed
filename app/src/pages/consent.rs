//! Consent: staff read the kit's consent form with the participant and record his answer.
//! Without a "yes" the battery cannot start.

use crate::components::option_group::OptionGroup;
use crate::components::prose::Prose;
use crate::components::read_aloud::{marked, spoken, ReadAloud};
use crate::hooks::use_reading;
use crate::pages::item::{item_pieces, option_choices, special_choices};
use qkit_questionnaires::{Lang, SpecialAnswer, Wording};
use qkit_scoring::Answer;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ConsentPage`].
#[derive(Properties, PartialEq)]
pub struct ConsentPageProps {
    pub questionnaire: AttrValue,
    pub item: AttrValue,
    pub wording: Wording,
    pub language: Lang,
    /// Pictograms with the options.
    #[prop_or_default]
    pub pictorial: bool,
    /// The participant's answer, once staff record it.
    pub on_record: Callback<Answer>,
}

/// The consent form, its question and "Record the answer".
#[function_component(ConsentPage)]
pub fn consent_page(props: &ConsentPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let chosen = use_state(|| None::<Answer>);
    let message = use_state(|| None::<&'static str>);
    let (reading, on_read) = use_reading();
    let Some(q) = ctx.kit.questionnaire(&props.questionnaire) else {
        return html! {};
    };
    let Some(item) = q.item(&props.item) else {
        return html! {};
    };
    let lang = &props.language;
    let text_lang = (*lang != ctx.lang).then(|| AttrValue::from(lang.to_string()));
    let instructions = match (props.wording, &q.easy_read_instructions) {
        (Wording::EasyRead, Some(t)) => t,
        _ => &q.instructions,
    };
    let options = option_choices(item, props.wording, lang, props.pictorial);
    let special = special_choices(&ctx, q, item);
    let mut pieces = vec![
        spoken(q.title.get(lang), lang.as_str()),
        spoken(instructions.get(lang), lang.as_str()),
    ];
    pieces.extend(item_pieces(item, props.wording, lang, &ctx.lang, &special));
    if let Some(key) = *message {
        pieces.push(spoken(ctx.t(key), ctx.lang.as_str()));
    }
    let on_choose = {
        let (chosen, message) = (chosen.clone(), message.clone());
        Callback::from(move |a: Answer| {
            chosen.set(Some(a));
            message.set(None);
        })
    };
    let on_record = {
        let (cb, chosen, message) = (props.on_record.clone(), chosen.clone(), message.clone());
        Callback::from(move |_: MouseEvent| match *chosen {
            None => message.set(Some("consent_choose")),
            Some(Answer::Special(SpecialAnswer::DontUnderstand)) => {
                message.set(Some("consent_explain"));
            }
            Some(a) => cb.emit(a),
        })
    };
    html! {
        <section class="screen consent">
            <p class="staff-note">{ ctx.t("consent_staff_note") }</p>
            <h1 id={HEADING_ID} tabindex="-1" lang={text_lang.clone()}>{ q.title.get(lang).to_owned() }</h1>
            <ReadAloud {pieces} {on_read} />
            <Prose text={instructions.get(lang).to_owned()} lang={text_lang.clone()} />
            // The title and instructions come first (pieces 0 and 1), then the question.
            <p id="consent-question" class="question" lang={text_lang.clone()}
                aria-current={reading.reads(2).then_some("true")}>
                { marked(item.text_for(props.wording).get(lang), reading.word_of(2)) }
            </p>
            <OptionGroup labelled_by="consent-question" {options} {special}
                selected={*chosen} lang={text_lang} {on_choose}
                reading={reading.piece.and_then(|p| p.checked_sub(3))} word={reading.word} />
            if let Some(key) = *message {
                <p class="notice problem" role="alert">{ ctx.t(key) }</p>
            }
            <div class="nav">
                <button type="button" class="button primary" onclick={on_record}>{ ctx.t("consent_record") }</button>
            </div>
        </section>
    }
}
