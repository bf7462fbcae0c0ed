//! A participant's pathway: the assessor enters risk level and requirement (qkit never calculates
//! risk), the rules decide need, pathway, cohort and adapted delivery with their evidence, and
//! the assessor may override the pathway with a reason, which is recorded and shown.

use crate::browser::form::text_area_value;
use crate::components::decision_view::DecisionView;
use crate::components::staff_form::StaffForm;
use crate::model::staff::{decision, StaffEntry};
use crate::model::Key;
use crate::names;
use crate::state::{act, Action, Handle};
use qkit_allocation::Intensity;
use qkit_web::browser::dom::select_value;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`PathwayTab`].
#[derive(Properties, PartialEq)]
pub struct PathwayTabProps {
    pub state: Handle,
    pub person: Key,
}

/// The pathway screen.
#[function_component(PathwayTab)]
pub fn pathway_tab(props: &PathwayTabProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let key = props.person.clone();
    let override_to = use_state(|| None::<Intensity>);
    let reason = use_state(String::new);
    let problem = use_state(|| None::<String>);
    let Some(records) = state.records.get(&key.participant, &key.programme) else {
        return html! {};
    };
    let entry = state.staff_entry(&key);
    let sites = names::sites(&ctx);
    let on_change = {
        let key = key.clone();
        act(state, move |e: StaffEntry| Action::Staff(key.clone(), e))
    };
    let made = decision(&state.rules, records, &entry);
    let body = match &made {
        None => html! { <p class="notice info">{ ctx.t("assessor_pathway_enter") }</p> },
        Some(Err(e)) => html! { <p class="notice problem" role="alert">{ e.to_string() }</p> },
        Some(Ok(d)) => html! { <DecisionView decision={d.clone()} rules={state.rules.clone()} /> },
    };
    let on_override_pathway = {
        let o = override_to.clone();
        Callback::from(move |e: Event| o.set(Intensity::from_key(&select_value(&e))))
    };
    let on_reason = {
        let r = reason.clone();
        Callback::from(move |e: InputEvent| r.set(text_area_value(&e)))
    };
    let on_record = {
        let (entry, on_change, ctx) = (entry.clone(), on_change.clone(), ctx.clone());
        let (override_to, reason, problem) = (override_to.clone(), reason.clone(), problem.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(pathway) = *override_to else {
                problem.set(Some(ctx.t("assessor_override_choose").to_owned()));
                return;
            };
            if reason.trim().is_empty() {
                problem.set(Some(ctx.t("assessor_override_need_reason").to_owned()));
                return;
            }
            let mut next = entry.clone();
            next.pathway_override = Some((pathway, reason.trim().to_owned()));
            problem.set(None);
            reason.set(String::new());
            on_change.emit(next);
        })
    };
    let on_remove = {
        let (entry, on_change) = (entry.clone(), on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = entry.clone();
            next.pathway_override = None;
            on_change.emit(next);
        })
    };
    let can_override = matches!(made, Some(Ok(_)));
    html! {
        <div class="two-columns">
            <section aria-labelledby="staff-heading">
                <h2 id="staff-heading">{ ctx.t("assessor_staff_heading") }</h2>
                <StaffForm entry={entry.clone()} rules={state.rules.clone()} {sites} {on_change} />
            </section>
            <section aria-labelledby="decision-heading">
                <h2 id="decision-heading">{ ctx.t("assessor_decision_heading") }</h2>
                { body }
                if can_override {
                    if entry.pathway_override.is_some() {
                        <button type="button" class="button secondary" onclick={on_remove}>{ ctx.t("assessor_override_remove") }</button>
                    } else {
                        <form class="override-form" onsubmit={on_record} novalidate=true>
                            <h3>{ ctx.t("assessor_override_heading") }</h3>
                            <div class="field">
                                <label for="override-pathway">{ ctx.t("assessor_override_pathway") }</label>
                                <select id="override-pathway" onchange={on_override_pathway}>
                                    <option value="" selected={override_to.is_none()}>{ ctx.t("assessor_choose") }</option>
                                    { for Intensity::ALL.iter().map(|i| html! {
                                        <option value={i.key()} selected={*override_to == Some(*i)}>{ names::intensity(&ctx, *i) }</option>
                                    }) }
                                </select>
                            </div>
                            <div class="field">
                                <label for="override-reason">{ ctx.t("assessor_override_reason") }</label>
                                <textarea id="override-reason" rows="3" spellcheck="false" autocomplete="off" value={(*reason).clone()} oninput={on_reason} />
                            </div>
                            if let Some(p) = &*problem {
                                <p class="notice problem" role="alert">{ p.clone() }</p>
                            }
                            <button type="submit" class="button primary">{ ctx.t("assessor_override_record") }</button>
                        </form>
                    }
                }
            </section>
        </div>
    }
}
