//! The cohort table screen: filters, the table, the scores CSV of the rows shown (the same
//! file `qkit scores` writes) and the export for analysis (the files `qkit export` writes).

use crate::browser::timing::today;
use crate::components::analysis_export::AnalysisExport;
use crate::components::cohort_filters::CohortFilters;
use crate::components::cohort_table::CohortTable;
use crate::model::alerts::not_on_track;
use crate::model::cohort::{shown_columns, view};
use crate::model::reconcile::doubled;
use crate::model::Key;
use crate::state::{act, Action, Handle, PersonTab, View};
use qkit_export::scores_csv;
use qkit_scoring::ReliableChangeChoice;
use qkit_web::browser::dom::checked;
use qkit_web::browser::download::save_file;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`CohortPage`].
#[derive(Properties, PartialEq)]
pub struct CohortPageProps {
    pub state: Handle,
}

/// The cohort screen.
#[function_component(CohortPage)]
pub fn cohort_page(props: &CohortPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let problem = use_state(|| None::<String>);
    let shown = view(&state.table, &state.filter, state.sort);
    let columns = shown_columns(&state.kit, &state.table, state.subscales);
    // Worked out again only when the records, the kit or the reliable change choice change
    // (compared by pointer and count: the records are large).
    let alerts = use_memo(
        (
            Rc::as_ptr(&state.records) as usize,
            state.records.len(),
            Rc::as_ptr(&state.kit) as usize,
            state.reliable_change,
        ),
        {
            let (records, kit) = (state.records.clone(), state.kit.clone());
            move |(_, _, _, choice): &(usize, usize, usize, ReliableChangeChoice)| {
                records
                    .people()
                    .filter_map(|(p, programme, by_time)| {
                        let list = not_on_track(&kit, &records, (programme, by_time), *choice);
                        (!list.is_empty()).then(|| (Key::new(p, programme), list))
                    })
                    .collect::<BTreeMap<_, _>>()
            }
        },
    );
    let twice = use_memo(
        (Rc::as_ptr(&state.records) as usize, state.records.len()),
        {
            let records = state.records.clone();
            move |_: &(usize, usize)| doubled(&records)
        },
    );
    let on_subscales = act(state, |e: Event| Action::Subscales(checked(&e)));
    let on_cohort_sd = act(state, |e: Event| {
        Action::ReliableChange(if checked(&e) {
            ReliableChangeChoice::CohortPre
        } else {
            ReliableChangeChoice::Definition
        })
    });
    let cohort_sd = state.reliable_change == ReliableChangeChoice::CohortPre;
    let on_export = {
        let (state, problem, ctx) = (state.clone(), problem.clone(), ctx.clone());
        let keys: BTreeSet<(String, String)> = shown
            .iter()
            .map(|&i| {
                let k = &state.table.rows[i].key;
                (k.participant.clone(), k.programme.clone())
            })
            .collect();
        Callback::from(move |_: MouseEvent| {
            let csv = scores_csv(
                &state.kit,
                &state.records,
                state.reliable_change,
                |p, prog| keys.contains(&(p.to_owned(), prog.to_owned())),
            );
            let date = today().map(|d| d.to_string()).unwrap_or_default();
            let name = format!("qkit-scores-{date}.csv");
            if save_file(&name, csv.text.as_bytes()) {
                problem.set(None);
            } else {
                problem.set(Some(ctx.t("assessor_download_failed").to_owned()));
            }
        })
    };
    html! {
        <main class="page wide" id="main">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("assessor_cohort_heading") }</h1>
            <p>{ ctx.t("assessor_cohort_intro") }</p>
            <CohortFilters table={state.table.clone()} filter={state.filter.clone()} on_filter={act(state, Action::Filter)} />
            <div class="table-tools">
                <label class="check">
                    <input type="checkbox" checked={state.subscales} onchange={on_subscales} />
                    { ctx.t("assessor_show_subscales") }
                </label>
                <label class="check">
                    <input type="checkbox" checked={cohort_sd} onchange={on_cohort_sd} />
                    { ctx.t("assessor_rc_cohort") }
                </label>
                <button type="button" class="button secondary" onclick={on_export} disabled={shown.is_empty()}>
                    { ctx.tf("assessor_cohort_export", &[("count", &shown.len().to_string())]) }
                </button>
            </div>
            if let Some(p) = &*problem {
                <p class="notice problem" role="alert">{ p.clone() }</p>
            }
            <CohortTable table={state.table.clone()} {shown} {columns} sort={state.sort}
                on_sort={act(state, Action::Sort)}
                on_open={act(state, |k| Action::Show(View::Person(k, PersonTab::Profile)))} {alerts} {twice} />
            <AnalysisExport kit={state.kit.clone()} records={state.records.clone()} />
        </main>
    }
}
