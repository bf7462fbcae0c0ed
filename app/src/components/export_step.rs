//! The export step at the end of a sitting (finished or declined): seal the record for the
//! assessment team and download it; then, once staff confirm the file is saved (its name shown),
//! remove the sitting from this computer.

use crate::state::{ExportProblem, ExportStatus};
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ExportStep`].
#[derive(Properties, PartialEq)]
pub struct ExportStepProps {
    /// How many assessor keys are accepted on this computer.
    pub keys: usize,
    pub status: Option<ExportStatus>,
    pub on_export: Callback<()>,
    pub on_save_again: Callback<()>,
    pub on_saved: Callback<()>,
}

/// Export, its result, and the confirmation that removes the sitting.
#[function_component(ExportStep)]
pub fn export_step(props: &ExportStepProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let make = html! {
        <div class="nav">
            <button type="button" class="button primary" onclick={click(&props.on_export)}>{ ctx.t("export_button") }</button>
        </div>
    };
    let no_keys = html! { <p class="notice warning">{ ctx.t("export_no_keys") }</p> };
    let body = match &props.status {
        _ if props.keys == 0 => no_keys,
        None => html! {
            <>
                <p>{ ctx.tc("export_ready", props.keys, &[]) }</p>
                { make }
            </>
        },
        Some(ExportStatus::Failed(ExportProblem::NoKeys)) => no_keys,
        Some(ExportStatus::Failed(problem)) => {
            let text = match problem {
                ExportProblem::NotSealed(reason) => ctx.tf("export_failed", &[("reason", reason)]),
                _ => ctx.t("export_download_blocked").to_owned(),
            };
            html! {
                <>
                    <p class="notice problem" role="alert">{ text }</p>
                    { make }
                </>
            }
        }
        Some(ExportStatus::Made {
            file_name,
            not_removed,
            ..
        }) => html! {
            <>
                <p class="notice info" role="status">{ ctx.tf("export_made", &[("file", file_name)]) }</p>
                if let Some(e) = not_removed {
                    <p class="notice problem" role="alert">{ ctx.tf("export_not_removed", &[("reason", &e.to_string())]) }</p>
                }
                <div class="nav">
                    <button type="button" class="button secondary" onclick={click(&props.on_save_again)}>{ ctx.t("export_save_again") }</button>
                    <button type="button" class="button primary" onclick={click(&props.on_saved)}>{ ctx.tf("export_saved", &[("file", file_name)]) }</button>
                </div>
            </>
        },
    };
    html! {
        <section class="export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ ctx.t("export_heading") }</h2>
            { body }
        </section>
    }
}
