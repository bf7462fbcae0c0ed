//! The staff start form: participant reference, programme, timepoint, language and support.

use crate::components::read_aloud::{spoken, ReadAloud};
use crate::components::support_fields::{SuggestionBox, SupportFields};
use crate::state::StartChoice;
use qkit_export::Support;
use qkit_questionnaires::recordings::spoken_keys;
use qkit_questionnaires::{Lang, Timepoint};
use qkit_session::{shown_in_another_language, StartError, Suggested};
use qkit_web::browser::dom;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`StartForm`].
#[derive(Properties, PartialEq)]
pub struct StartFormProps {
    /// Support suggested for a reference from earlier answers.
    pub suggestion: Option<(String, Suggested)>,
    /// Why the last attempt to start failed.
    pub error: Option<StartError>,
    pub on_start: Callback<StartChoice>,
    /// The reference changed (to look for earlier support answers).
    pub on_reference: Callback<String>,
}

/// The form; submitting it starts a sitting.
#[function_component(StartForm)]
pub fn start_form(props: &StartFormProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let first = ctx
        .kit
        .programmes
        .first()
        .map(|p| p.id.clone())
        .unwrap_or_default();
    let choice = use_state(|| StartChoice {
        participant: String::new(),
        programme: first,
        timepoint: Timepoint::Pre,
        language: ctx.lang.clone(),
        support: Support::default(),
    });
    {
        // The participant's language follows the interface language until changed here.
        let choice = choice.clone();
        use_effect_with(ctx.lang.clone(), move |lang| {
            choice.set(StartChoice {
                language: lang.clone(),
                ..(*choice).clone()
            });
        });
    }
    let update = |f: fn(&mut StartChoice, String)| {
        let choice = choice.clone();
        move |value: String| {
            let mut c = (*choice).clone();
            f(&mut c, value);
            choice.set(c);
        }
    };
    let on_input = {
        let set = update(|c, v| c.participant = v);
        Callback::from(move |e: InputEvent| set(dom::input_value(&e)))
    };
    let on_reference = {
        let (cb, choice) = (props.on_reference.clone(), choice.clone());
        Callback::from(move |_: Event| cb.emit(choice.participant.clone()))
    };
    let on_programme = {
        let set = update(|c, v| c.programme = v);
        Callback::from(move |e: Event| set(dom::select_value(&e)))
    };
    let onsubmit = {
        let (cb, choice) = (props.on_start.clone(), choice.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit((*choice).clone());
        })
    };
    let reference_error = props.error.as_ref().map(|e| match e {
        StartError::EmptyReference => ctx.t("start_reference_empty").to_owned(),
        StartError::NotAReference(_) => ctx.t("start_reference_invalid").to_owned(),
        other => ctx.tf("start_failed", &[("reason", &other.to_string())]),
    });
    let timepoints = Timepoint::ALL.iter().map(|&tp| {
        let checked = choice.timepoint == tp;
        let choice = choice.clone();
        let onchange = Callback::from(move |_: Event| {
            choice.set(StartChoice {
                timepoint: tp,
                ..(*choice).clone()
            });
        });
        let key = format!("timepoint_{}", tp.key());
        html! {
            <label class="check">
                <input type="radio" name="timepoint" {checked} {onchange} />
                <span>{ ctx.t(&key) }</span>
            </label>
        }
    });
    let languages = ctx.kit.ui.languages().map(|(lang, name)| {
        let checked = &choice.language == lang;
        let (choice, l) = (choice.clone(), lang.clone());
        let onchange = Callback::from(move |_: Event| {
            choice.set(StartChoice {
                language: l.clone(),
                ..(*choice).clone()
            });
        });
        html! {
            <label class="check">
                <input type="radio" name="language" {checked} {onchange} />
                <span lang={lang.to_string()}>{ name.to_owned() }</span>
            </label>
        }
    });
    let on_support = {
        let choice = choice.clone();
        Callback::from(move |support| {
            choice.set(StartChoice {
                support,
                ..(*choice).clone()
            })
        })
    };
    let on_apply = {
        let choice = choice.clone();
        Callback::from(move |s: Suggested| {
            let language = s
                .language
                .clone()
                .unwrap_or_else(|| choice.language.clone());
            choice.set(StartChoice {
                language,
                support: s.support,
                ..(*choice).clone()
            });
        })
    };
    let suggestion = props
        .suggestion
        .as_ref()
        .filter(|(r, _)| r.eq_ignore_ascii_case(choice.participant.trim()))
        .map(
            |(_, s)| html! { <SuggestionBox suggestion={s.clone()} on_apply={on_apply.clone()} /> },
        );
    html! {
        <form class="start-form" {onsubmit} novalidate=true>
            <div class="field">
                <label for="participant">{ ctx.t("start_reference") }</label>
                <p id="participant-help" class="hint">{ ctx.t("start_reference_help") }</p>
                if let Some(msg) = reference_error.clone() {
                    <p id="participant-error" class="error">{ msg }</p>
                }
                <input id="participant" type="text" autocomplete="off" spellcheck="false"
                    aria-describedby={if reference_error.is_some() { "participant-help participant-error" } else { "participant-help" }}
                    aria-invalid={reference_error.is_some().to_string()}
                    value={choice.participant.clone()} oninput={on_input} onchange={on_reference} />
            </div>
            <div class="field">
                <label for="programme">{ ctx.t("start_programme") }</label>
                <select id="programme" onchange={on_programme}>
                    { for ctx.kit.programmes.iter().map(|p| html! {
                        <option value={p.id.clone()} selected={p.id == choice.programme}>{ p.name.get(&ctx.lang).to_owned() }</option>
                    }) }
                </select>
            </div>
            <fieldset class="field">
                <legend>{ ctx.t("start_timepoint") }</legend>
                { for timepoints }
            </fieldset>
            { battery_preview(&ctx, &choice) }
            <fieldset class="field">
                <legend>{ ctx.t("start_language") }</legend>
                { for languages }
            </fieldset>
            { in_english(&ctx, &choice) }
            <SupportFields support={choice.support.clone()} on_change={on_support} />
            { for suggestion }
            <button type="submit" class="button primary">{ ctx.t("start_button") }</button>
        </form>
    }
}

/// The chosen battery's questionnaires a sitting in the chosen language shows in English (their
/// definitions have no text in it), said in that language before the sitting starts, with a
/// button that reads it aloud: the sentence in the chosen language, each name (the
/// questionnaire's title, in English) in English. Nothing when there are none.
fn in_english(ctx: &KitContext, c: &StartChoice) -> Html {
    let english = Lang::english();
    let shown = shown_in_another_language(&ctx.kit, &c.programme, c.timepoint, &c.language);
    if shown.is_empty() {
        return html! {};
    }
    let key = spoken_keys::BATTERY_IN_ENGLISH;
    let sentence = ctx.kit.ui.get(&c.language, key).to_owned();
    let mut pieces = vec![spoken(sentence.clone(), c.language.as_str())];
    pieces.extend(
        shown
            .iter()
            .map(|q| spoken(q.title.get(&english), english.as_str())),
    );
    let page = |l: &Lang| (*l != ctx.lang).then(|| AttrValue::from(l.to_string()));
    html! {
        <div class="notice in-english">
            <p lang={page(&c.language)}>{ sentence }</p>
            <ul>
                { for shown.iter().map(|q| html! {
                    <li lang={page(&english)}>{ q.title.get(&english).to_owned() }</li>
                }) }
            </ul>
            <ReadAloud {pieces} />
        </div>
    }
}

/// The chosen battery's questionnaires and rough length, from the definitions.
fn battery_preview(ctx: &KitContext, c: &StartChoice) -> Html {
    let Some(battery) = ctx.kit.battery(&c.programme, c.timepoint) else {
        return html! {};
    };
    let minutes: u32 = battery.iter().map(|q| q.minutes).sum();
    let names: Vec<&str> = battery
        .iter()
        .map(|q| q.short_title.get(&ctx.lang))
        .collect();
    html! {
        <p class="battery-preview" aria-live="polite">
            <span>{ names.join(", ") }</span>
            <span class="muted">{ " — " }{ ctx.tf("battery_summary", &[("questionnaires", &ctx.tc("count_questionnaires", battery.len(), &[])), ("minutes", &ctx.tc("count_minutes", minutes as usize, &[]))]) }</span>
        </p>
    }
}
