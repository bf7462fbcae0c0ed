//! The support options on the start screen, and the suggestion drawn from a participant's
//! earlier "About you" answers.

use crate::app::KitContext;
use crate::browser::dom;
use qkit_export::Support;
use qkit_session::Suggested;
use yew::prelude::*;

/// One support option's switch in [`Support`].
type SupportField = fn(&mut Support) -> &mut bool;

/// Each support option with its interface string.
const OPTIONS: [(&str, SupportField); 4] = [
    ("support_read_aloud", |s| &mut s.read_aloud),
    ("support_easy_read", |s| &mut s.easy_read),
    ("support_pictorial", |s| &mut s.pictorial),
    ("support_large_text", |s| &mut s.large_text),
];

/// Properties of [`SupportFields`].
#[derive(Properties, PartialEq)]
pub struct SupportFieldsProps {
    pub support: Support,
    pub on_change: Callback<Support>,
}

/// A checkbox for each support option.
#[function_component(SupportFields)]
pub fn support_fields(props: &SupportFieldsProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let boxes = OPTIONS.into_iter().map(|(key, field)| {
        let checked = *field(&mut props.support.clone());
        let (support, cb) = (props.support.clone(), props.on_change.clone());
        let onchange = Callback::from(move |e: Event| {
            let mut s = support.clone();
            *field(&mut s) = dom::checked(&e);
            cb.emit(s);
        });
        html! {
            <label class="check">
                <input type="checkbox" {checked} {onchange} />
                <span>{ ctx.t(key) }</span>
            </label>
        }
    });
    html! {
        <fieldset class="field">
            <legend>{ ctx.t("start_support") }</legend>
            { for boxes }
        </fieldset>
    }
}

/// Properties of [`SuggestionBox`].
#[derive(Properties, PartialEq)]
pub struct SuggestionBoxProps {
    pub suggestion: Suggested,
    pub on_apply: Callback<Suggested>,
}

/// "From his earlier answers: …" with a button that applies the suggestion.
#[function_component(SuggestionBox)]
pub fn suggestion_box(props: &SuggestionBoxProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let s = &props.suggestion;
    let language = s.language.as_ref().and_then(|lang| {
        ctx.kit
            .ui
            .languages()
            .find(|(l, _)| *l == lang)
            .map(|(_, n)| n.to_owned())
    });
    let parts: Vec<String> = language
        .into_iter()
        .chain(
            OPTIONS
                .iter()
                .filter(|(_, field)| *field(&mut s.support.clone()))
                .map(|(key, _)| ctx.t(key).to_owned()),
        )
        .collect();
    let list = if parts.is_empty() {
        ctx.t("start_suggestion_none").to_owned()
    } else {
        parts.join(", ")
    };
    let apply = {
        let (cb, s) = (props.on_apply.clone(), s.clone());
        Callback::from(move |_: MouseEvent| cb.emit(s.clone()))
    };
    html! {
        <div class="notice info">
            <p>{ ctx.tf("start_suggestion", &[("list", &list)]) }</p>
            <button type="button" class="button secondary" onclick={apply}>{ ctx.t("start_suggestion_apply") }</button>
        </div>
    }
}
