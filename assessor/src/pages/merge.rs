//! Merging a second workspace file into this one: what is taken as it is, what becomes of each of
//! its results, and each difference with both sides for the assessor to choose; "Apply merge"
//! only once every difference is chosen; then what the merge did. Cancelling changes nothing.

use crate::components::merge_conflict::MergeConflict;
use crate::model::merge::{Outcome, Taken};
use crate::names;
use crate::state::{act, Action, Handle, MergeAction, Merging, View};
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`MergePage`].
#[derive(Properties, PartialEq)]
pub struct MergePageProps {
    pub state: Handle,
}

/// The merge screen.
#[function_component(MergePage)]
pub fn merge_page(props: &MergePageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let Some(m) = state.merging.clone() else {
        return html! {};
    };
    let file = m.file.as_str();
    let close = act(state, |_: MouseEvent| Action::Merge(MergeAction::Close));
    let conflicts = m.plan.conflicts.iter().enumerate().map(|(index, c)| {
        let on_choose = act(state, move |choice| Action::Merge(MergeAction::Choose(index, choice)));
        html! {
            <MergeConflict {index} conflict={c.clone()} file={m.file.clone()} rules={state.rules.clone()}
                chosen={m.choices[index]} {on_choose} />
        }
    });
    let left = m.choices.iter().filter(|c| c.is_none()).count();
    let body = match m.done {
        Some([kept, took, both]) => html! {
            <>
                <p class="notice info" role="status">{ ctx.tf("assessor_merge_done", &[("file", file),
                    ("kept", &kept.to_string()), ("took", &took.to_string()), ("both", &both.to_string())]) }</p>
                { taken(&ctx, file, &m.plan.taken) }
                { records(&ctx, &m) }
                <button type="button" class="button primary" onclick={act(state, |_: MouseEvent| Action::Show(View::Cohort))}>
                    { ctx.t("assessor_import_see_cohort") }
                </button>
                <button type="button" class="button secondary" onclick={close}>{ ctx.t("assessor_merge_back") }</button>
            </>
        },
        None => html! {
            <>
                <p>{ ctx.tf("assessor_merge_intro", &[("file", file)]) }</p>
                { taken(&ctx, file, &m.plan.taken) }
                { records(&ctx, &m) }
                <h2>{ ctx.tf("assessor_merge_conflicts_heading", &[("count", &m.plan.conflicts.len().to_string())]) }</h2>
                if m.plan.conflicts.is_empty() {
                    <p>{ ctx.t("assessor_merge_no_conflicts") }</p>
                }
                { for conflicts }
                if let Some(why) = &m.problem {
                    <p class="notice warning" role="alert">{ ctx.tf("assessor_merge_problem", &[("reason", why)]) }</p>
                }
                if left > 0 {
                    <p id="merge-left" class="hint">{ ctx.tf("assessor_merge_left", &[("left", &left.to_string())]) }</p>
                }
                <div class="merge-actions">
                    <button type="button" class="button primary" disabled={!m.all_chosen()}
                        aria-describedby={(left > 0).then_some("merge-left")}
                        onclick={act(state, |_: MouseEvent| Action::Merge(MergeAction::Apply))}>
                        { ctx.t("assessor_merge_apply") }
                    </button>
                    <button type="button" class="button secondary" onclick={close}>{ ctx.t("assessor_merge_cancel") }</button>
                </div>
            </>
        },
    };
    html! {
        <main class="page wide" id="main">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("assessor_merge_heading") }</h1>
            { body }
        </main>
    }
}

/// What is taken from the other workspace as it is (held only there).
fn taken(ctx: &KitContext, file: &str, t: &Taken) -> Html {
    let counts = [
        ("assessor_merge_taken_staff", t.staff),
        ("assessor_merge_taken_comments", t.comments),
        ("assessor_merge_taken_groups", t.groups),
        ("assessor_merge_taken_listed", t.listed),
        ("assessor_merge_taken_local_files", t.local_files),
        ("assessor_merge_taken_chosen", t.chosen),
    ];
    let flags = [
        ("assessor_merge_conflict_allocation", t.allocation),
        ("assessor_merge_conflict_rules", t.rules_file),
        ("assessor_merge_conflict_reliable", t.reliable_change),
    ];
    let items: Vec<Html> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, n)| html! { <li>{ ctx.tf(key, &[("count", &n.to_string())]) }</li> })
        .chain(
            flags
                .iter()
                .filter(|(_, on)| *on)
                .map(|(key, _)| html! { <li>{ ctx.t(key) }</li> }),
        )
        .collect();
    html! {
        <>
            <h2>{ ctx.tf("assessor_merge_taken_heading", &[("file", file)]) }</h2>
            if items.is_empty() {
                <p>{ ctx.t("assessor_merge_taken_nothing") }</p>
            } else {
                <ul>{ for items }</ul>
            }
        </>
    }
}

/// What becomes (or became) of each of the other workspace's results.
fn records(ctx: &KitContext, m: &Merging) -> Html {
    let rows = m.plan.records.iter().map(|r| {
        let what = match &r.outcome {
            Outcome::Added => ctx.t("assessor_merge_record_added").to_owned(),
            Outcome::AlreadyThere { first } => {
                ctx.tf("assessor_merge_record_again", &[("file", first)])
            }
            Outcome::Completed { first } => {
                ctx.tf("assessor_merge_record_completed", &[("file", first)])
            }
            Outcome::Beside { first } => ctx.tf("assessor_merge_record_beside", &[("file", first)]),
        };
        html! {
            <tr>
                <th scope="row">{ &r.key.participant }</th>
                <td>{ names::programme(ctx, &r.key.programme) }</td>
                <td>{ names::timepoint(ctx, r.timepoint) }</td>
                <td>{ what }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" role="region" aria-labelledby="merge-records-caption" tabindex="0">
            <table class="cohort">
                <caption id="merge-records-caption">{ ctx.tf("assessor_merge_records_caption",
                    &[("file", &m.file), ("count", &m.plan.records.len().to_string())]) }</caption>
                <thead><tr>
                    <th scope="col">{ ctx.t("assessor_col_participant") }</th>
                    <th scope="col">{ ctx.t("assessor_col_programme") }</th>
                    <th scope="col">{ ctx.t("assessor_col_timepoint") }</th>
                    <th scope="col">{ ctx.t("assessor_merge_record_what") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
