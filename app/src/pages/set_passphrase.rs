//! First use: staff set the passphrase that unlocks the sittings stored on this computer.

use crate::state::{Action, PassphraseProblem, PassphraseView, Secret, MIN_PASSPHRASE_CHARS};
use qkit_web::browser::dom;
use qkit_web::components::language_switch::LanguageSwitch;
use qkit_web::hooks::{use_focus_on, HEADING_ID};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SetPassphrasePage`].
#[derive(Properties, PartialEq)]
pub struct SetPassphrasePageProps {
    pub view: Rc<PassphraseView>,
    pub on_action: Callback<Action>,
}

/// The passphrase, typed twice, with a plain warning about forgetting it.
#[function_component(SetPassphrasePage)]
pub fn set_passphrase_page(props: &SetPassphrasePageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    use_focus_on("set-passphrase");
    let (first, second) = (use_node_ref(), use_node_ref());
    let onsubmit = {
        let (cb, first, second) = (props.on_action.clone(), first.clone(), second.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(Action::SetPassphrase {
                passphrase: Secret::new(dom::take_input(&first)),
                repeated: Secret::new(dom::take_input(&second)),
            });
        })
    };
    let error = props.view.problem.as_ref().map(|p| match p {
        PassphraseProblem::TooShort => ctx.tc("passphrase_too_short", MIN_PASSPHRASE_CHARS, &[]),
        PassphraseProblem::Mismatch => ctx.t("passphrase_mismatch").to_owned(),
        PassphraseProblem::NotSaved(e) => {
            ctx.tf("passphrase_not_saved", &[("reason", &e.to_string())])
        }
        PassphraseProblem::Failed(e) => ctx.tf("passphrase_not_saved", &[("reason", e)]),
    });
    let described = if error.is_some() {
        "new-passphrase-help new-passphrase-error"
    } else {
        "new-passphrase-help"
    };
    html! {
        <main class="page lock" id="main">
            <LanguageSwitch on_choose={props.on_action.reform(Action::SetLanguage)} />
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("passphrase_set_heading") }</h1>
            if props.view.after_removal {
                <p class="notice info" role="status">{ ctx.t("removed_all_done") }</p>
            }
            <p>{ ctx.t("passphrase_set_intro") }</p>
            <p class="notice warning">{ ctx.t("passphrase_set_warning") }</p>
            <form class="start-form" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="new-passphrase">{ ctx.t("passphrase_new") }</label>
                    <p id="new-passphrase-help" class="hint">
                        { ctx.tc("passphrase_new_help", MIN_PASSPHRASE_CHARS, &[]) }
                    </p>
                    if let Some(msg) = error.clone() {
                        <p id="new-passphrase-error" class="error" role="alert">{ msg }</p>
                    }
                    <input id="new-passphrase" type="password" autocomplete="off" spellcheck="false" ref={first}
                        aria-describedby={described} aria-invalid={error.is_some().to_string()} />
                </div>
                <div class="field">
                    <label for="repeat-passphrase">{ ctx.t("passphrase_repeat") }</label>
                    <input id="repeat-passphrase" type="password" autocomplete="off" spellcheck="false" ref={second} />
                </div>
                if props.view.checking {
                    <p class="notice info" role="status">{ ctx.t("passphrase_checking") }</p>
                }
                <button type="submit" class="button primary" disabled={props.view.checking}>{ ctx.t("passphrase_set_button") }</button>
            </form>
        </main>
    }
}
