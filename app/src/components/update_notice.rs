//! Tells staff that a new version of qkit is ready, and lets them switch to it. Shown on the
//! staff screens only (lock and start), never in the middle of a participant's questions.

use crate::browser::update;
use crate::hooks::use_update_ready;
use qkit_web::KitContext;
use yew::prelude::*;

/// "A new version of qkit is ready" with a button to use it now; nothing when there is none.
#[function_component(UpdateNotice)]
pub fn update_notice() -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    if !use_update_ready() {
        return html! {};
    }
    let apply = Callback::from(|_: MouseEvent| update::apply());
    html! {
        <div class="notice info" role="status">
            <p>{ ctx.t("update_ready") }</p>
            <button type="button" class="button" onclick={apply}>{ ctx.t("update_apply") }</button>
        </div>
    }
}
