//! Rescue files kept on this laptop after "Remove all sittings": each is every sitting that was
//! stored then, sealed to the assessment team. Staff can save one again (the first download may
//! have gone astray), and remove it only by typing the file's code, which the assessor area
//! shows when the team imports the file. Shown on the start screen only.

use crate::browser::clock;
use crate::state::Action;
use qkit_export::Timestamp;
use qkit_web::browser::dom;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`KeptRescues`].
#[derive(Properties, PartialEq)]
pub struct KeptRescuesProps {
    /// Storage keys of kept rescue copies and when each was kept.
    pub kept: Vec<(String, i64)>,
    /// The kept copy whose code, as typed, was wrong.
    pub wrong_code: Option<String>,
    pub on_action: Callback<Action>,
}

/// The kept rescue files, if any.
#[function_component(KeptRescues)]
pub fn kept_rescues(props: &KeptRescuesProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    if props.kept.is_empty() {
        return Html::default();
    }
    let row = |(n, (key, ms)): (usize, &(String, i64))| {
        let input = NodeRef::default();
        let save = {
            let key = key.clone();
            props
                .on_action
                .reform(move |_: MouseEvent| Action::SaveKeptRescue(key.clone()))
        };
        let remove = {
            let (cb, key, input) = (props.on_action.clone(), key.clone(), input.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                cb.emit(Action::RemoveKeptRescue {
                    key: key.clone(),
                    code: dom::take_input(&input),
                });
            })
        };
        let id = format!("kept-rescue-code-{n}");
        let error = format!("{id}-error");
        let wrong = props.wrong_code.as_ref() == Some(key);
        let when = clock::local(Timestamp(*ms));
        html! {
            <li>
                <p>{ ctx.tf("kept_rescue_item", &[("date", &when)]) }</p>
                <button type="button" class="button secondary" onclick={save}>{ ctx.t("kept_rescue_save") }</button>
                <form onsubmit={remove} novalidate=true>
                    <div class="field">
                        <label for={id.clone()}>{ ctx.t("kept_rescue_code") }</label>
                        if wrong {
                            <p id={error.clone()} class="error" role="alert">{ ctx.t("kept_rescue_wrong_code") }</p>
                        }
                        <input id={id} type="text" autocomplete="off" spellcheck="false" ref={input}
                            aria-describedby={wrong.then_some(error)} aria-invalid={wrong.to_string()} />
                    </div>
                    <button type="submit" class="button quiet">{ ctx.t("kept_rescue_remove") }</button>
                </form>
            </li>
        }
    };
    html! {
        <section class="notice warning" aria-labelledby="kept-rescues-heading">
            <h2 id="kept-rescues-heading">{ ctx.t("kept_rescues_heading") }</h2>
            <p>{ ctx.t("kept_rescue_text") }</p>
            <ul>{ for props.kept.iter().enumerate().map(row) }</ul>
        </section>
    }
}
