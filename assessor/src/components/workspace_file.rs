//! The workspace file on the import screen: save the whole workspace as one file sealed to the
//! team key, open one into an empty workspace, or merge one into a workspace that holds work
//! (the merge screen then shows each difference to choose), with what became of the last one.

use crate::browser::files::{read_first, ReadError};
use crate::names;
use crate::state::FileProblem;
use qkit_export::open::MAX_SEALED_BYTES;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`WorkspaceFileView`].
#[derive(Properties, PartialEq)]
pub struct WorkspaceFileProps {
    /// The last file opened: its name and the results it held, or why it was not opened.
    pub opened: Option<(String, Result<usize, FileProblem>)>,
    /// Whether a file may be opened (nothing is imported or entered yet).
    pub open: bool,
    /// Whether a file may be merged into this workspace (it holds work, no import is running).
    pub merge: bool,
    /// Whether saving failed (the browser refused the download or nothing could be sealed).
    pub save_failed: bool,
    pub on_save: Callback<()>,
    /// A file was chosen: its name, and its bytes or why they were not read.
    pub on_choose: Callback<(String, Result<Vec<u8>, ReadError>)>,
    /// A file to merge was chosen: its name, and its bytes or why they were not read.
    pub on_merge: Callback<(String, Result<Vec<u8>, ReadError>)>,
}

/// The workspace file region.
#[function_component(WorkspaceFileView)]
pub fn workspace_file_view(props: &WorkspaceFileProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let load = {
        let cb = props.on_choose.clone();
        Callback::from(move |e: Event| read_first(&e, MAX_SEALED_BYTES, cb.clone()))
    };
    let merge = {
        let cb = props.on_merge.clone();
        Callback::from(move |e: Event| read_first(&e, MAX_SEALED_BYTES, cb.clone()))
    };
    let outcome = props.opened.as_ref().map(|(name, result)| match result {
        Ok(records) => html! {
            <p class="notice info" role="status">{ ctx.tc("assessor_workspace_file_opened",
                *records, &[("file", name)]) }</p>
        },
        Err(problem) => {
            let reason = match problem {
                FileProblem::NotEmpty => ctx.t("assessor_workspace_file_not_empty").to_owned(),
                FileProblem::Busy => ctx.t("assessor_workspace_file_busy").to_owned(),
                FileProblem::Unread(e) => names::read_error(&ctx, e),
                FileProblem::Open(e) => names::open_error(&ctx, e),
                FileProblem::Workspace(why) => why.clone(),
            };
            html! {
                <p class="notice warning" role="alert">{ ctx.tf("assessor_workspace_file_refused",
                    &[("file", name), ("reason", &reason)]) }</p>
            }
        }
    });
    let on_save = props.on_save.reform(|_: MouseEvent| ());
    html! {
        <section class="local-definitions" aria-labelledby="workspace-file-heading">
            <h2 id="workspace-file-heading">{ ctx.t("assessor_workspace_file_heading") }</h2>
            <p>{ ctx.t("assessor_workspace_file_intro") }</p>
            <button type="button" class="button secondary" onclick={on_save}>
                { ctx.t("assessor_workspace_file_save") }
            </button>
            if props.save_failed {
                <p class="notice warning" role="alert">{ ctx.t("assessor_workspace_file_not_saved") }</p>
            }
            { for outcome }
            if props.open {
                <div class="field">
                    <label for="workspace-file">{ ctx.t("assessor_workspace_file_open") }</label>
                    <input id="workspace-file" type="file" accept=".age" onchange={load} />
                </div>
            }
            if props.merge {
                <div class="field">
                    <label for="workspace-file-merge">{ ctx.t("assessor_workspace_file_merge") }</label>
                    <input id="workspace-file-merge" type="file" accept=".age" onchange={merge} />
                </div>
            }
        </section>
    }
}
