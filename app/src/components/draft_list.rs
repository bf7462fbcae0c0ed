//! The sittings stored on this device: unfinished ones to resume, finished ones waiting for
//! export, and any that cannot be read; above them, this laptop's device id ("This laptop:
//! K7QD-2MXA"), which every record sealed here carries, for staff to write on its label.

use crate::browser::{clock, storage::DraftState, storage::Listed};
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`DraftList`].
#[derive(Properties, PartialEq)]
pub struct DraftListProps {
    pub drafts: Vec<Listed>,
    /// This laptop's device id, when it has one.
    #[prop_or_default]
    pub device: Option<String>,
    pub on_open: Callback<String>,
    /// Remove an unreadable draft (after the second press).
    pub on_remove: Callback<String>,
}

/// The device id, then three short lists, each left out when empty.
#[function_component(DraftList)]
pub fn draft_list(props: &DraftListProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let confirming = use_state(|| None::<String>);
    let row = |l: &Listed| {
        let Some(h) = &l.header else { return html! {} };
        let programme = ctx
            .kit
            .programme(&h.programme)
            .map_or(h.programme.clone(), |p| p.name.get(&ctx.lang).to_owned());
        let when = ctx.t(&format!("timepoint_{}", h.timepoint)).to_owned();
        let label = if h.state == DraftState::InProgress {
            "resume_sitting"
        } else {
            "view_sitting"
        };
        let open = {
            let (cb, id) = (props.on_open.clone(), l.id.clone());
            Callback::from(move |_: MouseEvent| cb.emit(id.clone()))
        };
        html! {
            <li class="draft">
                <span>
                    <strong>{ h.participant.clone() }</strong>
                    { format!(" · {programme} · {when} · ") }
                    { ctx.tf("last_changed", &[("when", &clock::local(h.updated))]) }
                    if h.state == DraftState::Declined { { " · " }{ ctx.t("declined_short") } }
                </span>
                <button type="button" class="button secondary" onclick={open}>
                    { ctx.tf(label, &[("participant", &h.participant)]) }
                </button>
            </li>
        }
    };
    let unreadable = |l: &Listed| {
        let Some(reason) = &l.problem else {
            return html! {};
        };
        let name = l
            .header
            .as_ref()
            .map_or(l.id.clone(), |h| format!("{} ({})", h.participant, l.id));
        let sure = confirming.as_deref() == Some(l.id.as_str());
        let press = {
            let (cb, id, confirming) = (props.on_remove.clone(), l.id.clone(), confirming.clone());
            Callback::from(move |_: MouseEvent| {
                if sure {
                    cb.emit(id.clone())
                } else {
                    confirming.set(Some(id.clone()))
                }
            })
        };
        html! {
            <li class="draft">
                <span>{ ctx.tf("draft_unreadable", &[("name", &name), ("reason", reason)]) }</span>
                <button type="button" class="button secondary" onclick={press}>
                    { ctx.t(if sure { "remove_confirm" } else { "remove_draft" }) }
                </button>
            </li>
        }
    };
    let with = |state: &[DraftState]| -> Vec<&Listed> {
        props
            .drafts
            .iter()
            .filter(|l| {
                l.problem.is_none() && l.header.as_ref().is_some_and(|h| state.contains(&h.state))
            })
            .collect()
    };
    let unfinished = with(&[DraftState::InProgress]);
    let finished = with(&[DraftState::Finished, DraftState::Declined]);
    let broken: Vec<&Listed> = props
        .drafts
        .iter()
        .filter(|l| l.problem.is_some())
        .collect();
    let section = |id: &str, heading: &str, items: Html| {
        html! {
            <section class="drafts" aria-labelledby={id.to_owned()}>
                <h2 id={id.to_owned()}>{ ctx.t(heading) }</h2>
                <ul class="draft-list">{ items }</ul>
            </section>
        }
    };
    html! {
        <>
            if let Some(device) = &props.device {
                <p class="device-id">{ ctx.tf("this_laptop", &[("device", device)]) }</p>
            }
            if !unfinished.is_empty() {
                { section("unfinished-heading", "drafts_unfinished", unfinished.iter().map(|l| row(l)).collect::<Html>()) }
            }
            if !finished.is_empty() {
                { section("finished-heading", "drafts_finished", finished.iter().map(|l| row(l)).collect::<Html>()) }
            }
            if !broken.is_empty() {
                { section("broken-heading", "drafts_unreadable", broken.iter().map(|l| unreadable(l)).collect::<Html>()) }
            }
        </>
    }
}
