//! The lock screen: the first screen whenever a passphrase is set, and after the app sat idle.
//! A wrong passphrase is said plainly; a forgotten one has one way forward, with a confirmation:
//! remove every sitting on this computer and set a new passphrase.

use crate::app::KitContext;
use crate::browser::dom;
use crate::components::language_switch::LanguageSwitch;
use crate::components::update_notice::UpdateNotice;
use crate::hooks::{use_focus_on, HEADING_ID};
use crate::state::{Action, Secret, UnlockProblem, UnlockView};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`UnlockPage`].
#[derive(Properties, PartialEq)]
pub struct UnlockPageProps {
    pub view: Rc<UnlockView>,
    pub on_action: Callback<Action>,
}

/// "qkit is locked", the passphrase, and what to do when it is forgotten.
#[function_component(UnlockPage)]
pub fn unlock_page(props: &UnlockPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    use_focus_on("unlock");
    let input = use_node_ref();
    let confirming = use_state(|| false);
    let onsubmit = {
        let (cb, input) = (props.on_action.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(Action::Unlock(Secret::new(dom::take_input(&input))));
        })
    };
    let v = &props.view;
    let wrong = v.problem == Some(UnlockProblem::Wrong);
    let problem = match &v.problem {
        Some(UnlockProblem::BadLock(reason)) => Some(ctx.tf("lock_damaged", &[("reason", reason)])),
        Some(UnlockProblem::NotRemoved(e)) => {
            Some(ctx.tf("remove_all_failed", &[("reason", &e.to_string())]))
        }
        _ => None,
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let remove = props
        .on_action
        .reform(|_: MouseEvent| Action::RemoveEverything);
    html! {
        <main class="page lock" id="main">
            <LanguageSwitch on_choose={props.on_action.reform(Action::SetLanguage)} />
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("lock_heading") }</h1>
            <p>{ ctx.t("lock_text") }</p>
            <UpdateNotice />
            if v.held.is_some() {
                <p class="notice info">{ ctx.t("lock_held") }</p>
            }
            if let Some(p) = problem {
                <p class="notice problem" role="alert">{ p }</p>
            }
            <form class="start-form" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="passphrase">{ ctx.t("passphrase_label") }</label>
                    if wrong {
                        <p id="passphrase-error" class="error" role="alert">{ ctx.t("passphrase_wrong") }</p>
                    }
                    <input id="passphrase" type="password" autocomplete="off" spellcheck="false" ref={input}
                        aria-describedby={wrong.then_some("passphrase-error")}
                        aria-invalid={wrong.to_string()} />
                </div>
                <button type="submit" class="button primary">{ ctx.t("unlock_button") }</button>
            </form>
            <section class="forgotten" aria-labelledby="forgotten-heading">
                <h2 id="forgotten-heading">{ ctx.t("forgot_heading") }</h2>
                <p>{ ctx.t("forgot_text") }</p>
                if *confirming {
                    <div class="notice problem">
                        <p>{ ctx.t("remove_all_sure") }</p>
                        <div class="nav">
                            <button type="button" class="button secondary" onclick={cancel}>{ ctx.t("staff_confirm_no") }</button>
                            <button type="button" class="button primary" onclick={remove}>{ ctx.t("remove_all_confirm") }</button>
                        </div>
                    </div>
                } else {
                    <button type="button" class="button secondary" onclick={ask}>{ ctx.t("remove_all") }</button>
                }
            </section>
        </main>
    }
}
