//! "For staff only": the step between the participant's screen and anything only staff may do
//! (staff mode, ending a break, the completion summary).

use crate::app::KitContext;
use crate::hooks::HEADING_ID;
use yew::prelude::*;

/// What staff are about to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffStep {
    EnterStaffMode,
    EndBreak,
    SeeSummary,
}

/// Properties of [`StaffConfirm`].
#[derive(Properties, PartialEq)]
pub struct StaffConfirmProps {
    pub step: StaffStep,
    pub on_confirm: Callback<()>,
    pub on_cancel: Callback<()>,
}

/// Asks whether a member of staff is at the keyboard.
#[function_component(StaffConfirm)]
pub fn staff_confirm(props: &StaffConfirmProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let question = match props.step {
        StaffStep::EnterStaffMode => "staff_confirm_mode",
        StaffStep::EndBreak => "staff_confirm_resume",
        StaffStep::SeeSummary => "staff_confirm_summary",
    };
    let confirm = props.on_confirm.reform(|_: MouseEvent| ());
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <section class="screen staff-confirm">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("staff_confirm_heading") }</h1>
            <p>{ ctx.t(question) }</p>
            <div class="nav">
                <button type="button" class="button secondary" onclick={cancel}>{ ctx.t("staff_confirm_no") }</button>
                <button type="button" class="button primary" onclick={confirm}>{ ctx.t("staff_confirm_yes") }</button>
            </div>
        </section>
    }
}
