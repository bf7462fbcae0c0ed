//! What the latest import did: files that could not be used, each with its name and reason;
//! files holding a result imported before, or twice in this import; and the files that loaded,
//! each with its content id (shown short). A rescue file is listed with each of its sittings.

use crate::names;
use crate::state::{FileOutcome, ImportEntry, ImportLog};
use qkit_export::record_set::short_id;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ProblemList`].
#[derive(Properties, PartialEq)]
pub struct ProblemListProps {
    pub log: Rc<ImportLog>,
}

/// Problems first (a heading and a list), then repeats, then what loaded (folded away).
#[function_component(ProblemList)]
pub fn problem_list(props: &ProblemListProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let log = &props.log;
    let entries = log.latest();
    let problems: Vec<&ImportEntry> = entries.iter().filter(|e| e.outcome.is_problem()).collect();
    let again = |twice: bool| -> Vec<&ImportEntry> {
        entries
            .iter()
            .filter(|e| matches!(&e.outcome, FileOutcome::Again { first } if log.twice_in_latest(first) == twice))
            .collect()
    };
    let (before, twice) = (again(false), again(true));
    let loaded: Vec<&ImportEntry> = entries.iter().filter(|e| e.outcome.is_loaded()).collect();
    let line = |e: &&ImportEntry| {
        html! {
            <li>
                <span class="file-name">{ e.file.clone() }</span>{ ": " }{ describe(&ctx, &e.outcome) }
                if let Some(id) = &e.content {
                    { " " }<span class="muted">{ ctx.tf("assessor_content_id", &[("id", short_id(id))]) }</span>
                }
            </li>
        }
    };
    html! {
        <>
            if !problems.is_empty() {
                <section class="import-problems" aria-labelledby="problems-heading">
                    <h2 id="problems-heading">{ ctx.tf("assessor_import_problems", &[("count", &problems.len().to_string())]) }</h2>
                    <p>{ ctx.t("assessor_import_problems_help") }</p>
                    <ul>{ for problems.iter().map(line) }</ul>
                </section>
            }
            if !twice.is_empty() {
                <section aria-labelledby="twice-heading">
                    <h2 id="twice-heading">{ ctx.tf("assessor_import_twice", &[("count", &twice.len().to_string())]) }</h2>
                    <ul>{ for twice.iter().map(line) }</ul>
                </section>
            }
            if !before.is_empty() {
                <section aria-labelledby="again-heading">
                    <h2 id="again-heading">{ ctx.tf("assessor_import_again", &[("count", &before.len().to_string())]) }</h2>
                    <ul>{ for before.iter().map(line) }</ul>
                </section>
            }
            if !loaded.is_empty() {
                <details class="import-loaded">
                    <summary>{ ctx.tf("assessor_import_loaded_files", &[("count", &loaded.len().to_string())]) }</summary>
                    <ul>{ for loaded.iter().map(line) }</ul>
                </details>
            }
        </>
    }
}

/// What happened to one file, in words.
pub fn describe(ctx: &KitContext, outcome: &FileOutcome) -> String {
    match outcome {
        FileOutcome::Loaded {
            participant,
            timepoint,
        } => ctx.tf(
            "assessor_import_loaded_one",
            &[
                ("participant", participant),
                ("timepoint", &names::timepoint(ctx, *timepoint)),
            ],
        ),
        FileOutcome::Again { first } => ctx.tf("assessor_import_same", &[("first", first)]),
        FileOutcome::Beside {
            first,
            participant,
            timepoint,
        } => ctx.tf(
            "assessor_import_conflict",
            &[
                ("participant", participant),
                ("timepoint", &names::timepoint(ctx, *timepoint)),
                ("first", first),
            ],
        ),
        FileOutcome::Unfinished {
            participant,
            timepoint,
        } => ctx.tf(
            "assessor_import_unfinished_one",
            &[
                ("participant", participant),
                ("timepoint", &names::timepoint(ctx, *timepoint)),
            ],
        ),
        FileOutcome::Rescue {
            sittings,
            unfinished,
            code,
        } => {
            let each = sittings.iter().enumerate().map(|(i, s)| {
                ctx.tf(
                    "assessor_import_sitting",
                    &[("n", &(i + 1).to_string()), ("outcome", &describe(ctx, s))],
                )
            });
            let head = ctx.tc(
                "assessor_import_rescue",
                sittings.len(),
                &[("unfinished", &unfinished.to_string()), ("code", code)],
            );
            std::iter::once(head)
                .chain(each)
                .collect::<Vec<_>>()
                .join("; ")
        }
        FileOutcome::Unreadable(why) => names::read_error(ctx, why),
        FileOutcome::Failed(e) => names::open_error(ctx, e),
    }
}
