//! The support options on the start screen, and the suggestion drawn from a participant's
//! earlier "About you" answers.

use qkit_export::Support;
use qkit_session::Suggested;
use qkit_web::browser::dom;
use qkit_web::KitContext;
use yew::prelude::*;

/// One support option's switch in [`Support`].
type SupportField = fn(&mut Support) -> &mut bool;

/// Each support option with its interface string (text size is chosen apart, see
/// [`TextSize`]).
const OPTIONS: [(&str, SupportField); 5] = [
    ("support_read_aloud", |s| &mut s.read_aloud),
    ("support_easy_read", |s| &mut s.easy_read),
    ("support_pictorial", |s| &mut s.pictorial),
    ("support_high_contrast", |s| &mut s.high_contrast),
    ("support_large_text", |s| &mut s.large_text),
];
/// The options shown as switches (large text is a text size).
const SWITCHES: usize = 4;

/// Normal, large or very large text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextSize {
    Normal,
    Large,
    VeryLarge,
}

impl TextSize {
    const ALL: [(TextSize, &'static str); 3] = [
        (TextSize::Normal, "text_size_normal"),
        (TextSize::Large, "text_size_large"),
        (TextSize::VeryLarge, "text_size_very_large"),
    ];

    /// The size a support choice gives.
    pub fn of(s: &Support) -> TextSize {
        match (s.very_large_text, s.large_text) {
            (true, _) => TextSize::VeryLarge,
            (false, true) => TextSize::Large,
            _ => TextSize::Normal,
        }
    }

    /// Sets this size in a support choice (very large implies large).
    pub fn apply(self, s: &mut Support) {
        s.large_text = self != TextSize::Normal;
        s.very_large_text = self == TextSize::VeryLarge;
    }
}

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
    let boxes = OPTIONS[..SWITCHES].iter().map(|&(key, field)| {
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
    let size = TextSize::of(&props.support);
    let sizes = TextSize::ALL.iter().map(|&(choice, key)| {
        let (support, cb) = (props.support.clone(), props.on_change.clone());
        let onchange = Callback::from(move |_: Event| {
            let mut s = support.clone();
            choice.apply(&mut s);
            cb.emit(s);
        });
        html! {
            <label class="check">
                <input type="radio" name="text-size" checked={size == choice} {onchange} />
                <span>{ ctx.t(key) }</span>
            </label>
        }
    });
    html! {
        <>
            <fieldset class="field">
                <legend>{ ctx.t("start_support") }</legend>
                { for boxes }
            </fieldset>
            <fieldset class="field">
                <legend>{ ctx.t("text_size") }</legend>
                { for sizes }
            </fieldset>
        </>
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
