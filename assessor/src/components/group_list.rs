//! The groups the assessor has set up, as a table, each with a way to remove it.

use crate::names;
use qkit_allocation::{Group, Intake, ModuleBoundaries};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`GroupList`].
#[derive(Properties, PartialEq)]
pub struct GroupListProps {
    pub groups: Rc<Vec<Group>>,
    pub on_remove: Callback<String>,
}

/// The table of groups.
#[function_component(GroupList)]
pub fn group_list(props: &GroupListProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    if props.groups.is_empty() {
        return html! { <p class="muted">{ ctx.t("assessor_groups_none") }</p> };
    }
    let rows = props.groups.iter().map(|g| {
        let id = g.id.clone();
        let onclick = props.on_remove.reform(move |_: MouseEvent| id.clone());
        html! {
            <tr>
                <th scope="row">{ g.id.clone() }</th>
                <td>{ names::programme(&ctx, &g.programme) }</td>
                <td>{ format!("{}, {}", names::intensity(&ctx, g.pathway), names::cohort(&ctx, g.cohort)) }
                    if g.adapted { <br />{ ctx.t("assessor_group_adapted") } }</td>
                <td>{ names::site(&ctx, &g.site) }</td>
                <td>{ format!("{}, {}", names::weekday(&ctx, g.slot.weekday), ctx.t(&format!("assessor_time_{}", g.slot.time.key()))) }</td>
                <td>{ g.start.to_string() }<br /><span class="muted">{ intake(&ctx, &g.intake) }</span></td>
                <td>{ format!("{}–{}", g.min_size, g.max_size) }</td>
                <td>{ g.members.len() }</td>
                <td><button type="button" class="button quiet" {onclick}
                    aria-label={ctx.tf("assessor_group_remove_named", &[("id", &g.id)])}>{ ctx.t("assessor_group_remove") }</button></td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" role="region" aria-labelledby="groups-caption" tabindex="0">
            <table class="cohort">
                <caption id="groups-caption">{ ctx.tf("assessor_groups_caption", &[("count", &props.groups.len().to_string())]) }</caption>
                <thead><tr>
                    <th scope="col">{ ctx.t("assessor_group_id") }</th>
                    <th scope="col">{ ctx.t("assessor_col_programme") }</th>
                    <th scope="col">{ ctx.t("assessor_group_pathway") }</th>
                    <th scope="col">{ ctx.t("assessor_group_site") }</th>
                    <th scope="col">{ ctx.t("assessor_group_when") }</th>
                    <th scope="col">{ ctx.t("assessor_group_start") }</th>
                    <th scope="col">{ ctx.t("assessor_group_sizes") }</th>
                    <th scope="col">{ ctx.t("assessor_group_members_count") }</th>
                    <th scope="col"><span class="visually-hidden">{ ctx.t("assessor_group_remove") }</span></th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// "Closed", "Rolling, every 4 weeks", "Rolling, modules from …".
pub fn intake(ctx: &KitContext, i: &Intake) -> String {
    match i {
        Intake::Closed => ctx.t("assessor_intake_closed").to_owned(),
        Intake::Rolling(ModuleBoundaries::EveryWeeks(w)) => {
            ctx.tc("assessor_intake_every", *w as usize, &[])
        }
        Intake::Rolling(ModuleBoundaries::Dates(d)) => {
            let dates: Vec<String> = d.iter().map(|d| d.to_string()).collect();
            ctx.tf("assessor_intake_dates", &[("dates", &dates.join(", "))])
        }
    }
}
