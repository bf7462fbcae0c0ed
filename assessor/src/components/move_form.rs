//! Moving a participant by hand: choose him and a group (or 1:1), see every hard constraint the
//! move would break before making it, and give the reason, which is recorded with the move.

use crate::browser::form::text_area_value;
use crate::names;
use crate::state::Allocated;
use qkit_allocation::{move_by_hand, MoveTarget};
use qkit_web::browser::dom::select_value;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`MoveForm`].
#[derive(Properties, PartialEq)]
pub struct MoveFormProps {
    pub allocated: Rc<Allocated>,
    /// (participant, where to, reason).
    pub on_move: Callback<(String, MoveTarget, String)>,
}

const ONE_TO_ONE: &str = "__one_to_one";

/// The form.
#[function_component(MoveForm)]
pub fn move_form(props: &MoveFormProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let who = use_state(String::new);
    let to = use_state(String::new);
    let reason = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let a = &props.allocated;
    let target = match to.as_str() {
        "" => None,
        ONE_TO_ONE => Some(MoveTarget::OneToOne),
        g => Some(MoveTarget::Group(g.to_owned())),
    };
    // The same call the move makes, with a stand-in reason: what it would break.
    let preview = match (&target, who.is_empty()) {
        (Some(t), false) => move_by_hand(&a.input, &a.allocation, &who, t, "preview")
            .ok()
            .map(|m| m.breaches),
        _ => None,
    };
    let on_who = {
        let who = who.clone();
        Callback::from(move |e: Event| who.set(select_value(&e)))
    };
    let on_to = {
        let to = to.clone();
        Callback::from(move |e: Event| to.set(select_value(&e)))
    };
    let on_reason = {
        let reason = reason.clone();
        Callback::from(move |e: InputEvent| reason.set(text_area_value(&e)))
    };
    let on_submit = {
        let (who, reason, problem, ctx) =
            (who.clone(), reason.clone(), problem.clone(), ctx.clone());
        let (target, on_move) = (target.clone(), props.on_move.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(target) = target.clone().filter(|_| !who.is_empty()) else {
                problem.set(Some(ctx.t("assessor_move_choose").to_owned()));
                return;
            };
            if reason.trim().is_empty() {
                problem.set(Some(ctx.t("assessor_move_need_reason").to_owned()));
                return;
            }
            problem.set(None);
            on_move.emit(((*who).clone(), target, reason.trim().to_owned()));
            reason.set(String::new());
        })
    };
    let people = a.input.participants.iter().map(|p| {
        let selected = *who == p.id;
        html! { <option value={p.id.clone()} {selected}>{ p.id.clone() }</option> }
    });
    let groups = a.input.groups.iter().map(|g| {
        let selected = *to == g.id;
        html! { <option value={g.id.clone()} {selected}>{ g.id.clone() }</option> }
    });
    let warning = preview.map(|breaches| {
        if breaches.is_empty() {
            html! { <p class="notice info">{ ctx.t("assessor_move_breaks_nothing") }</p> }
        } else {
            let items = breaches.iter().map(|b| {
                html! { <li>{ format!("{}: {}", names::constraint(&ctx, b.constraint), b.detail) }</li> }
            });
            html! {
                <div class="notice warning">
                    <p>{ ctx.tf("assessor_move_breaks", &[("count", &breaches.len().to_string())]) }</p>
                    <ul>{ for items }</ul>
                </div>
            }
        }
    });
    html! {
        <form class="move-form" onsubmit={on_submit} novalidate=true>
            <h3>{ ctx.t("assessor_move_heading") }</h3>
            <div class="form-grid">
                <div class="field">
                    <label for="move-who">{ ctx.t("assessor_move_who") }</label>
                    <select id="move-who" onchange={on_who}>
                        <option value="" selected={who.is_empty()}>{ ctx.t("assessor_choose") }</option>
                        { for people }
                    </select>
                </div>
                <div class="field">
                    <label for="move-to">{ ctx.t("assessor_move_to") }</label>
                    <select id="move-to" onchange={on_to}>
                        <option value="" selected={to.is_empty()}>{ ctx.t("assessor_choose") }</option>
                        { for groups }
                        <option value={ONE_TO_ONE} selected={*to == ONE_TO_ONE}>{ ctx.t("assessor_one_to_one") }</option>
                    </select>
                </div>
            </div>
            <div role="status" aria-live="polite">{ for warning }</div>
            <div class="field">
                <label for="move-reason">{ ctx.t("assessor_move_reason") }</label>
                <textarea id="move-reason" rows="2" spellcheck="false" autocomplete="off" value={(*reason).clone()} oninput={on_reason} />
            </div>
            if let Some(p) = &*problem {
                <p class="notice problem" role="alert">{ p.clone() }</p>
            }
            <button type="submit" class="button primary">{ ctx.t("assessor_move_button") }</button>
        </form>
    }
}
