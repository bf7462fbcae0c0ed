//! The tracking screen: for each programme cohort (a group, 1:1, not recommended, or the waiting
//! list), a table of its men by timepoint (done with the day, due with the day, overdue by how
//! many days, no due date, not expected yet), from qkit-cohort's `tracking` on today's date; a filter for who still needs mid or post;
//! and printing (the print stylesheet hides the header and the controls).

use crate::browser::print::print;
use crate::browser::timing::today;
use crate::model::tracking::{tracking, Cohort, Filter, Row, Status};
use crate::names;
use crate::state::{Action, Handle, PersonTab, View};
use qkit_questionnaires::Timepoint;
use qkit_web::browser::dom::select_value;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`TrackingPage`].
#[derive(Properties, PartialEq)]
pub struct TrackingPageProps {
    pub state: Handle,
}

/// A status in words, for a man in `cohort`: how long overdue as well as since when; 1:1 and
/// not recommended men say why mid and post have no date or are not expected.
fn status_words(ctx: &KitContext, cohort: &Cohort, s: Status) -> String {
    let dated = |key: &str, d: qkit_allocation::Date| ctx.tf(key, &[("date", &d.to_string())]);
    match (s, cohort) {
        (Status::Done(d), _) => dated("assessor_tracking_done", d),
        (Status::Due(d), _) => dated("assessor_tracking_due", d),
        (Status::Overdue { due, days }, _) => ctx.tc(
            "assessor_tracking_overdue",
            usize::try_from(days).unwrap_or(0),
            &[("date", &due.to_string())],
        ),
        (Status::NoDueDate, Cohort::OneToOne) => {
            ctx.t("assessor_tracking_one_to_one_no_date").to_owned()
        }
        (Status::NoDueDate, _) => ctx.t("assessor_tracking_no_due_date").to_owned(),
        (Status::NotExpected, Cohort::NotRecommended) => {
            ctx.t("assessor_tracking_not_recommended_cell").to_owned()
        }
        (Status::NotExpected, _) => ctx.t("assessor_tracking_not_expected").to_owned(),
    }
}

/// The class that colours a status cell (the words carry the meaning).
fn status_class(s: Status) -> &'static str {
    match s {
        Status::Done(_) => "track-done",
        Status::Overdue { .. } => "track-overdue",
        Status::Due(_) | Status::NoDueDate => "track-due",
        Status::NotExpected => "track-not-expected",
    }
}

/// The tracking screen.
#[function_component(TrackingPage)]
pub fn tracking_page(props: &TrackingPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let filter = use_state(Filter::default);
    let Some(day) = today() else {
        return html! {};
    };
    let table = tracking(&state.kit, &state.records, &state.entries(), day);
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: Event| {
            filter.set(match select_value(&e).as_str() {
                "mid" => Filter::StillNeeds(Timepoint::Mid),
                "post" => Filter::StillNeeds(Timepoint::Post),
                _ => Filter::All,
            })
        })
    };
    let on_print = Callback::from(|_: MouseEvent| print());
    let option = |value: &str, key: &str, on: bool| {
        html! { <option value={value.to_owned()} selected={on}>{ ctx.t(key) }</option> }
    };
    let counts = Timepoint::ALL.map(|t| {
        let c = table.counts(t);
        html! { <li>{ ctx.tf("assessor_tracking_counts", &[
            ("timepoint", &names::timepoint_short(&ctx, t)),
            ("done", &c.done.to_string()),
            ("due", &(c.due + c.no_due_date).to_string()),
            ("overdue", &c.overdue.to_string()),
        ]) }</li> }
    });
    let rows: Vec<&Row> = table.filtered(*filter).collect();
    let mut sections: Vec<(String, Cohort, Vec<&Row>)> = Vec::new();
    for row in rows {
        match sections.last_mut() {
            Some((p, c, list)) if *p == row.key.programme && *c == row.cohort => list.push(row),
            _ => sections.push((row.key.programme.clone(), row.cohort.clone(), vec![row])),
        }
    }
    let section = |(programme, cohort, list): &(String, Cohort, Vec<&Row>)| {
        let name = names::programme(&ctx, programme);
        let title = match cohort {
            Cohort::Group(g) => ctx.tf(
                "assessor_tracking_group",
                &[("programme", &name), ("group", g)],
            ),
            Cohort::OneToOne => ctx.tf("assessor_tracking_one_to_one", &[("programme", &name)]),
            Cohort::NotRecommended => {
                ctx.tf("assessor_tracking_not_recommended", &[("programme", &name)])
            }
            Cohort::Waiting => ctx.tf("assessor_tracking_waiting", &[("programme", &name)]),
        };
        let body = list.iter().map(|row| {
            let open = {
                let (state, key) = (state.clone(), row.key.clone());
                Callback::from(move |_: MouseEvent| {
                    state.dispatch(Action::Show(View::Person(key.clone(), PersonTab::Profile)))
                })
            };
            html! {
                <tr>
                    <th scope="row">
                        <button type="button" class="link" onclick={open}>{ row.key.participant.clone() }</button>
                        <span class="print-only">{ row.key.participant.clone() }</span>
                    </th>
                    <td>{ row.start.map(|d| d.to_string()).unwrap_or_default() }</td>
                    { for row.status.iter().map(|s| html! { <td class={status_class(*s)}>{ status_words(&ctx, &row.cohort, *s) }</td> }) }
                </tr>
            }
        });
        html! {
            <section class="tracking-cohort">
                <h2>{ title.clone() }</h2>
                <table class="report-table tracking">
                    <caption class="visually-hidden">{ title }</caption>
                    <thead><tr>
                        <th scope="col">{ ctx.t("assessor_col_participant") }</th>
                        <th scope="col">{ ctx.t("assessor_tracking_start") }</th>
                        { for Timepoint::ALL.map(|t| html! { <th scope="col">{ names::timepoint_short(&ctx, t) }</th> }) }
                    </tr></thead>
                    <tbody>{ for body }</tbody>
                </table>
            </section>
        }
    };
    let chosen = *filter;
    html! {
        <main class="page wide" id="main">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("assessor_tracking_heading") }</h1>
            <p>{ ctx.tf("assessor_tracking_intro", &[("date", &day.to_string())]) }</p>
            <ul class="tracking-counts">{ for counts }</ul>
            <div class="table-tools no-print">
                <div class="field">
                    <label for="tracking-filter">{ ctx.t("assessor_tracking_show") }</label>
                    <select id="tracking-filter" onchange={on_filter}>
                        { option("all", "assessor_tracking_all", chosen == Filter::All) }
                        { option("mid", "assessor_tracking_needs_mid", chosen == Filter::StillNeeds(Timepoint::Mid)) }
                        { option("post", "assessor_tracking_needs_post", chosen == Filter::StillNeeds(Timepoint::Post)) }
                    </select>
                </div>
                <button type="button" class="button secondary" onclick={on_print}>{ ctx.t("assessor_tracking_print") }</button>
            </div>
            if sections.is_empty() {
                <p>{ ctx.t("assessor_tracking_none") }</p>
            }
            { for sections.iter().map(section) }
        </main>
    }
}
