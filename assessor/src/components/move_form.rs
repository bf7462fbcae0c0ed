//! Moving a participant by hand: choose him and a group (or 1:1), see every hard constraint the
//! move would break before making it, and give the reason, which is recorded with the move. Once
//! made, the form says so, with what the move broke, and is ready for the next one.

use crate::allocation_words;
use crate::browser::form::text_area_value;
use crate::state::Allocated;
use qkit_allocation::{move_by_hand, Breach, MoveTarget};
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
    // How many moves the allocation had when this form last sent one: a move beyond it was made.
    let sent = use_state(|| None::<usize>);
    let a = &props.allocated;
    let made = (*sent)
        .filter(|n| a.allocation.moves.len() > *n)
        .and_then(|_| a.allocation.moves.last());
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
        let (who, to, reason, problem, ctx) = (
            who.clone(),
            to.clone(),
            reason.clone(),
            problem.clone(),
            ctx.clone(),
        );
        let (target, on_move, sent) = (target.clone(), props.on_move.clone(), sent.clone());
        let moves = a.allocation.moves.len();
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
            sent.set(Some(moves));
            on_move.emit(((*who).clone(), target, reason.trim().to_owned()));
            reason.set(String::new());
            who.set(String::new());
            to.set(String::new());
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
    let group_of = |t: &Option<MoveTarget>| match t {
        Some(MoveTarget::Group(g)) => g.clone(),
        _ => String::new(),
    };
    let list = |who: &str, group: &str, breaches: &[Breach]| {
        let items = breaches
            .iter()
            .map(|b| html! { <li>{ allocation_words::breach(&ctx, a, who, group, b) }</li> });
        html! { <ul>{ for items }</ul> }
    };
    let warning = preview.map(|breaches| {
        if breaches.is_empty() {
            html! { <p class="notice info">{ ctx.t("assessor_move_breaks_nothing") }</p> }
        } else {
            html! {
                <div class="notice warning">
                    <p>{ ctx.tc("assessor_move_breaks", breaches.len(), &[]) }</p>
                    { list(&who, &group_of(&target), &breaches) }
                </div>
            }
        }
    });
    let done = made.map(|m| {
        let to = m
            .to
            .clone()
            .unwrap_or_else(|| ctx.t("assessor_one_to_one").to_owned());
        let said = ctx.tf(
            "assessor_move_made",
            &[("participant", &m.participant), ("to", &to)],
        );
        html! {
            <div class={classes!("notice", if m.breaches.is_empty() { "info" } else { "warning" })}>
                <p>{ said }{ " " }{ if m.breaches.is_empty() {
                    ctx.t("assessor_move_broke_nothing").to_owned()
                } else {
                    ctx.tc("assessor_move_broke", m.breaches.len(), &[])
                } }</p>
                if !m.breaches.is_empty() { { list(&m.participant, m.to.as_deref().unwrap_or_default(), &m.breaches) } }
            </div>
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
            <div role="status" aria-live="polite">{ for warning }{ for done }</div>
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
