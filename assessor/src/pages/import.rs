//! Import: choose or drop many sealed result files; each is opened and checked one by one with a
//! progress bar, a bad file is listed with its name and reason, and the rest carry on. Before
//! any result is held, local definition files can be loaded for the results that need them, and
//! a local pathway rules file in place of the shipped one. The whole workspace can be saved as
//! one file sealed to the team key, and one opened into an empty workspace or merged into this one.

use crate::browser::files::{allow_drop, from_drop, from_input, PickedFile};
use crate::browser::timing::today;
use crate::components::local_files::LocalFiles;
use crate::components::problem_list::ProblemList;
use crate::components::rules_file::RulesFileView;
use crate::components::sources::Sources;
use crate::components::workspace_file::WorkspaceFileView;
use crate::import;
use crate::state::{act, Action, Handle, MergeAction, View};
use qkit_web::browser::download::save_file;
use qkit_web::browser::random::BrowserRng;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ImportPage`].
#[derive(Properties, PartialEq)]
pub struct ImportPageProps {
    pub state: Handle,
}

/// The import screen.
#[function_component(ImportPage)]
pub fn import_page(props: &ImportPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let over = use_state(|| false);
    let running = state.import.running;
    let start = {
        let state = state.clone();
        Callback::from(move |files: Vec<PickedFile>| {
            let Some(identity) = state.identity.clone() else {
                return;
            };
            if state.import.running.is_some() {
                return;
            }
            let dispatch = act(&state, |a: Action| a);
            import::start(
                files,
                identity,
                state.kit.clone(),
                state.records.clone(),
                dispatch,
            );
        })
    };
    let on_change = start.reform(|e: Event| from_input(&e));
    let on_drop = {
        let (start, over) = (start.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            over.set(false);
            start.emit(from_drop(&e));
        })
    };
    let on_drag_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            allow_drop(&e);
            over.set(true);
        })
    };
    let on_drag_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    // The workspace file: sealed here, downloaded by the browser.
    let save_failed = use_state(|| false);
    let on_save = {
        let (state, failed) = (state.clone(), save_failed.clone());
        Callback::from(move |()| {
            let sealed = BrowserRng::new().and_then(|mut rng| state.workspace_file(&mut rng));
            let name = format!(
                "qkit-workspace-{}.age",
                today().map(|d| d.to_string()).unwrap_or_default()
            );
            failed.set(!matches!(sealed, Some(Ok(bytes)) if save_file(&name, &bytes)));
        })
    };
    let people = state.table.rows.len();
    let held = state.records.len();
    let progress = running.map(|(done, total)| {
        let text = ctx.tf(
            "assessor_import_progress",
            &[("done", &done.to_string()), ("total", &total.to_string())],
        );
        html! {
            <div class="progress-row">
                <label for="import-progress">{ text.clone() }</label>
                <progress id="import-progress" max={total.max(1).to_string()} value={done.to_string()}>{ text }</progress>
            </div>
        }
    });
    let summary = (running.is_none() && held > 0).then(|| {
        let took = state
            .import
            .last_ms
            .map(|ms| ctx.tf("assessor_import_took", &[("seconds", &format!("{:.1}", ms / 1000.0))]));
        let c = state.import.counts();
        let line = |key: &str, n: usize| html! { <li>{ ctx.tf(key, &[("count", &n.to_string())]) }</li> };
        html! {
            <div class="notice info">
                if c.files > 0 {
                    <p>{ ctx.tc("assessor_import_this", c.files, &[]) }
                       if let Some(t) = took { { " " }<span class="muted">{ t }</span> }</p>
                    <ul>
                        { line("assessor_import_this_added", c.added) }
                        if c.before > 0 { { line("assessor_import_this_before", c.before) } }
                        if c.twice > 0 { { line("assessor_import_this_twice", c.twice) } }
                        if c.problems > 0 { { line("assessor_import_this_problems", c.problems) } }
                    </ul>
                }
                <p>{ ctx.tc("assessor_import_held", held, &[("people", &ctx.tc("assessor_participants", people, &[]))]) }</p>
                <button type="button" class="button primary" onclick={act(state, |_: MouseEvent| Action::Show(View::Cohort))}>
                    { ctx.t("assessor_import_see_cohort") }
                </button>
            </div>
        }
    });
    html! {
        <main class="page wide" id="main">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("assessor_import_heading") }</h1>
            <p class="notice warning">{ ctx.t("assessor_memory_only") }</p>
            <div class={classes!("drop-zone", over.then_some("over"))}
                ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
                <label for="import-files">{ ctx.t("assessor_import_choose") }</label>
                <p class="hint" id="import-files-hint">{ ctx.t("assessor_import_choose_hint") }</p>
                <input type="file" id="import-files" multiple=true accept=".age"
                    aria-describedby="import-files-hint" disabled={running.is_some()} onchange={on_change} />
            </div>
            <div role="status" aria-live="polite" class="import-status">
                { for progress }
            </div>
            { for summary }
            <ProblemList log={state.import.clone()} />
            <Sources records={state.records.clone()} />
            <LocalFiles files={state.local.files.clone()} problem={state.local.problem.clone()}
                open={running.is_none()} on_choose={act(state, Action::AddLocal)}
                on_remove={act(state, Action::RemoveLocal)} />
            <RulesFileView rules={state.rules.clone()} file={state.local.rules_file.as_ref().map(|f| f.name.clone())}
                problem={state.local.rules_problem.clone()} open={running.is_none()} held={held > 0}
                on_choose={act(state, |(name, read)| Action::LoadRules { name, read })} />
            <WorkspaceFileView opened={state.keeping.file.clone()} open={state.is_empty() && running.is_none()}
                merge={!state.is_empty() && running.is_none()} save_failed={*save_failed} {on_save}
                on_choose={act(state, |(name, read)| Action::OpenFile { name, read })}
                on_merge={act(state, |(name, read)| Action::Merge(MergeAction::Open { name, read }))} />
        </main>
    }
}
