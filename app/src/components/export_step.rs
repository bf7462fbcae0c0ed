//! The export step at the end of a sitting. Encrypted export is not built yet, so this says so
//! plainly and keeps the record on the device; it never claims to have exported anything.

use crate::app::KitContext;
use yew::prelude::*;

/// The export placeholder.
#[function_component(ExportStep)]
pub fn export_step() -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    html! {
        <section class="export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ ctx.t("export_heading") }</h2>
            <p class="notice warning">{ ctx.t("export_not_available") }</p>
        </section>
    }
}
