//! The lock screen: the first screen whenever a passphrase is set, after the app sat idle, and
//! after each finished sitting. A wrong passphrase is said plainly, and after a few the screen
//! makes the next one wait. A forgotten one has one way forward, confirmed by a typed word:
//! download the rescue file (every sitting sealed to the assessment team), then remove every
//! sitting on this computer and set a new passphrase. What the rescue file holds, or that there
//! is none, is said before anything is removed.

use crate::components::update_notice::UpdateNotice;
use crate::state::{Action, Secret, UnlockProblem, UnlockView};
use qkit_web::browser::dom;
use qkit_web::components::language_switch::LanguageSwitch;
use qkit_web::hooks::{use_focus_on, HEADING_ID};
use qkit_web::KitContext;
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
    let word_input = use_node_ref();
    let onsubmit = {
        let (cb, input) = (props.on_action.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(Action::Unlock(Secret::new(dom::take_input(&input))));
        })
    };
    let v = &props.view;
    let word = ctx.t("remove_all_word");
    let wrong = match &v.problem {
        Some(UnlockProblem::Wrong) => Some(ctx.t("passphrase_wrong").to_owned()),
        Some(UnlockProblem::Wait(s)) => Some(ctx.tc("staff_wait", *s as usize, &[])),
        _ => None,
    };
    let problem = match &v.problem {
        Some(UnlockProblem::BadLock(reason)) => Some(ctx.tf("lock_damaged", &[("reason", reason)])),
        Some(UnlockProblem::NotRemoved(e)) => {
            Some(ctx.tf("remove_all_failed", &[("reason", &e.to_string())]))
        }
        Some(UnlockProblem::NotChecked(reason)) => {
            Some(ctx.tf("passphrase_not_checked", &[("reason", reason)]))
        }
        _ => None,
    };
    let removal_problem = match &v.problem {
        Some(UnlockProblem::NotConfirmed) => {
            Some(ctx.tf("remove_all_not_confirmed", &[("word", word)]))
        }
        Some(UnlockProblem::RescueNotSaved(reason)) => {
            Some(ctx.tf("rescue_not_saved", &[("reason", reason)]))
        }
        _ => None,
    };
    let cover = &v.cover;
    let cover_text = if cover.covered == 0 {
        ctx.t("rescue_none").to_owned()
    } else if cover.covered == cover.stored {
        ctx.tf("rescue_cover_all", &[("total", &cover.stored.to_string())])
    } else {
        let n = |x: usize| x.to_string();
        ctx.tc(
            "rescue_cover_some",
            cover.stored,
            &[
                ("covered", &n(cover.covered)),
                ("missing", &n(cover.stored - cover.covered)),
            ],
        )
    };
    let remove = {
        let (cb, input) = (props.on_action.clone(), word_input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(Action::RemoveEverything {
                typed: dom::take_input(&input),
            });
        })
    };
    html! {
        <main class="page lock" id="main">
            <LanguageSwitch on_choose={props.on_action.reform(Action::SetLanguage)} />
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("lock_heading") }</h1>
            <p>{ ctx.t("lock_text") }</p>
            <UpdateNotice />
            if let Some(file) = &v.exported {
                <p class="notice info" role="status">{ ctx.tf("exported_locked", &[("file", file)]) }</p>
            }
            if v.held.is_some() {
                <p class="notice info">{ ctx.t("lock_held") }</p>
            }
            if let Some(p) = problem {
                <p class="notice problem" role="alert">{ p }</p>
            }
            <form class="start-form" {onsubmit} novalidate=true>
                <div class="field">
                    <label for="passphrase">{ ctx.t("passphrase_label") }</label>
                    if let Some(w) = &wrong {
                        <p id="passphrase-error" class="error" role="alert">{ w }</p>
                    }
                    <input id="passphrase" type="password" autocomplete="off" spellcheck="false" ref={input}
                        aria-describedby={wrong.is_some().then_some("passphrase-error")}
                        aria-invalid={wrong.is_some().to_string()} />
                </div>
                if v.checking {
                    <p class="notice info" role="status">{ ctx.t("passphrase_checking") }</p>
                }
                <button type="submit" class="button primary" disabled={v.checking}>{ ctx.t("unlock_button") }</button>
            </form>
            <section class="forgotten" aria-labelledby="forgotten-heading">
                <h2 id="forgotten-heading">{ ctx.t("forgot_heading") }</h2>
                <p>{ ctx.t("forgot_text") }</p>
                if cover.stored > 0 {
                    <p class={classes!("notice", if cover.covered == cover.stored { "info" } else { "warning" })}>{ cover_text }</p>
                }
                if let Some(p) = removal_problem {
                    <p id="remove-all-error" class="notice problem" role="alert">{ p }</p>
                }
                <form onsubmit={remove} novalidate=true>
                    <div class="field">
                        <label for="remove-all-word">{ ctx.tf("remove_all_type", &[("word", word)]) }</label>
                        <input id="remove-all-word" type="text" autocomplete="off" spellcheck="false"
                            autocapitalize="characters" ref={word_input} />
                    </div>
                    <button type="submit" class="button secondary">{ ctx.t("remove_all") }</button>
                </form>
            </section>
        </main>
    }
}
