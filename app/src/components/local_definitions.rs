//! Local questionnaires on the start screen: the local definition files in use, each with a
//! button to remove it, a file input to load more (and a local `batteries.json`), and every
//! problem found in them.

use crate::state::{Action, LocalProblem};
use qkit_questionnaires::local_kit::LocalFile;
use qkit_questionnaires::DefinitionErrors;
use qkit_web::browser::definition_files;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`LocalDefinitions`].
#[derive(Properties, PartialEq)]
pub struct LocalDefinitionsProps {
    /// The local files the kit in use was loaded with.
    pub files: Vec<LocalFile>,
    pub problem: Option<LocalProblem>,
    pub on_action: Callback<Action>,
}

/// The local questionnaires region.
#[function_component(LocalDefinitions)]
pub fn local_definitions(props: &LocalDefinitionsProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let items = props.files.iter().map(|f| {
        let what = f.describe(&ctx.kit, &ctx.lang);
        let name = f.name.clone();
        let remove = props
            .on_action
            .reform(move |_: MouseEvent| Action::RemoveLocal(name.clone()));
        html! {
            <li class="draft">
                <span>{ what }</span>
                <button type="button" class="button secondary" onclick={remove}>
                    { ctx.tf("local_remove", &[("file", &f.name)]) }
                </button>
            </li>
        }
    });
    let load = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let cb = cb.clone();
            definition_files::read_chosen(&e, move |chosen| cb.emit(Action::AddLocal(chosen)));
        })
    };
    let problem = match &props.problem {
        None => html! {},
        Some(LocalProblem::Refused(errors)) => problems(ctx.t("local_refused"), errors, html! {}),
        Some(LocalProblem::Stored(errors)) => {
            let remove = props
                .on_action
                .reform(|_: MouseEvent| Action::RemoveStoredLocal);
            let button = html! {
                <button type="button" class="button secondary" onclick={remove}>
                    { ctx.t("local_remove_stored") }
                </button>
            };
            problems(ctx.t("local_stored_problem"), errors, button)
        }
        Some(LocalProblem::NotSaved(e)) => html! {
            <div class="notice problem" role="alert">
                <p>{ ctx.tf("local_not_saved", &[("reason", &e.to_string())]) }</p>
            </div>
        },
    };
    html! {
        <section class="local-definitions" aria-labelledby="local-heading">
            <h2 id="local-heading">{ ctx.t("local_heading") }</h2>
            <p>{ ctx.t("local_intro") }</p>
            { problem }
            if props.files.is_empty() {
                <p>{ ctx.t("local_none") }</p>
            } else {
                <ul class="draft-list">{ for items }</ul>
            }
            <div class="field">
                <label for="local-files">{ ctx.t("local_file") }</label>
                <input id="local-files" type="file" multiple=true
                    accept=".json,application/json" onchange={load} />
            </div>
        </section>
    }
}

/// A problem notice: what happened, every problem found, and an optional action.
fn problems(intro: &str, errors: &DefinitionErrors, action: Html) -> Html {
    html! {
        <div class="notice problem" role="alert">
            <p>{ intro }</p>
            <ul class="local-problems">
                { for errors.0.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }
            </ul>
            { action }
        </div>
    }
}
