//! Messages about storage and definitions above a sitting: what happened, and the way forward.

use crate::browser::storage::{Medium, StoreError};
use crate::state::SittingProblem;
use qkit_session::{ChangeOutcome, DefinitionChange};
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub medium: Medium,
    pub unsaved: bool,
    pub problem: Option<SittingProblem>,
    pub changes: Vec<DefinitionChange>,
    pub on_retry: Callback<()>,
    pub on_carry_on: Callback<()>,
    pub on_reload: Callback<()>,
    pub on_dismiss_changes: Callback<()>,
}

/// Storage warnings, a failed write or a clash with another tab, and definition changes.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let blocked = matches!(props.medium, Medium::Memory(_));
    let problem = match &props.problem {
        Some(SittingProblem::NotSaved { error, .. }) => {
            let text = match error {
                StoreError::Full => ctx.t("storage_full").to_owned(),
                StoreError::Blocked(why) => ctx.tf("storage_write_failed", &[("reason", why)]),
                StoreError::NoRandom | StoreError::NotSealed(_) => {
                    ctx.tf("storage_write_failed", &[("reason", &error.to_string())])
                }
            };
            html! {
                <div class="notice problem" role="alert">
                    <p>{ text }</p>
                    <div class="nav">
                        <button type="button" class="button secondary" onclick={click(&props.on_carry_on)}>{ ctx.t("storage_carry_on") }</button>
                        <button type="button" class="button primary" onclick={click(&props.on_retry)}>{ ctx.t("storage_retry") }</button>
                    </div>
                </div>
            }
        }
        Some(SittingProblem::Conflict) => html! {
            <div class="notice problem" role="alert">
                <p>{ ctx.t("conflict") }</p>
                <button type="button" class="button primary" onclick={click(&props.on_reload)}>{ ctx.t("conflict_reload") }</button>
            </div>
        },
        None => html! {},
    };
    let changes = (!props.changes.is_empty()).then(|| {
        let lines = props.changes.iter().map(|c| html! { <li>{ describe(&ctx, c) }</li> });
        html! {
            <div class="notice info" role="status">
                <ul>{ for lines }</ul>
                <button type="button" class="button secondary" onclick={click(&props.on_dismiss_changes)}>{ ctx.t("dismiss") }</button>
            </div>
        }
    });
    html! {
        <>
            if blocked {
                <p class="notice warning" role="status">{ ctx.t("storage_blocked") }</p>
            } else if props.unsaved {
                <p class="notice warning" role="status">{ ctx.t("storage_unsaved") }</p>
            }
            { problem }
            { for changes }
        </>
    }
}

fn describe(ctx: &KitContext, c: &DefinitionChange) -> String {
    let title = ctx
        .kit
        .questionnaire(&c.questionnaire)
        .map_or(c.questionnaire.clone(), |q| {
            q.short_title.get(&ctx.lang).to_owned()
        });
    let new = c.new_version.clone().unwrap_or_default();
    match (c.outcome, &c.new_version) {
        (ChangeOutcome::Updated, _) => ctx.tf(
            "change_updated",
            &[("title", &title), ("old", &c.old_version), ("new", &new)],
        ),
        (ChangeOutcome::KeptOld { answers }, Some(_)) => ctx.tc(
            "change_kept",
            answers,
            &[("title", &title), ("old", &c.old_version), ("new", &new)],
        ),
        (ChangeOutcome::KeptOld { answers }, None) => {
            ctx.tc("change_missing", answers, &[("title", &title)])
        }
    }
}
