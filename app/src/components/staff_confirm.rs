//! "For staff only": the step between the participant's screen and anything only staff may do
//! (staff mode, ending a break, the completion summary, a declined record). Staff give the
//! passphrase every time: no grace period survives a hand-over.

use crate::state::{PromptNote, Secret, StaffPrompt, StaffStep};
use qkit_web::browser::dom;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`StaffConfirm`].
#[derive(Properties, PartialEq)]
pub struct StaffConfirmProps {
    pub prompt: StaffPrompt,
    /// Staff confirm, with the passphrase.
    pub on_confirm: Callback<Secret>,
    pub on_cancel: Callback<()>,
}

/// Asks whether a member of staff is at the keyboard, and for the passphrase.
#[function_component(StaffConfirm)]
pub fn staff_confirm(props: &StaffConfirmProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let input = use_node_ref();
    let p = props.prompt;
    let question = match p.step {
        StaffStep::EnterStaffMode => "staff_confirm_mode",
        StaffStep::EndBreak => "staff_confirm_resume",
        StaffStep::SeeSummary => "staff_confirm_summary",
        StaffStep::SeeDeclined => "staff_confirm_declined",
    };
    let error = match p.note {
        Some(PromptNote::Wait(s)) => Some(ctx.tc("staff_wait", s as usize, &[])),
        Some(PromptNote::Wrong) => Some(ctx.t("passphrase_wrong").to_owned()),
        Some(PromptNote::NotChecked) => Some(ctx.t("passphrase_not_checked_staff").to_owned()),
        Some(PromptNote::Checking) | None => None,
    };
    let checking = p.note == Some(PromptNote::Checking);
    let onsubmit = {
        let (cb, input) = (props.on_confirm.clone(), input.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(Secret::new(dom::take_input(&input)));
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <section class="screen staff-confirm">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("staff_confirm_heading") }</h1>
            <p>{ ctx.t(question) }</p>
            <form {onsubmit} novalidate=true>
                <div class="field">
                    <label for="staff-passphrase">{ ctx.t("passphrase_label") }</label>
                    if let Some(error) = &error {
                        <p id="staff-passphrase-error" class="error" role="alert">{ error }</p>
                    }
                    <input id="staff-passphrase" type="password" autocomplete="off" spellcheck="false" ref={input}
                        aria-describedby={error.is_some().then_some("staff-passphrase-error")}
                        aria-invalid={error.is_some().to_string()} />
                </div>
                if checking {
                    <p class="notice info" role="status">{ ctx.t("passphrase_checking") }</p>
                }
                <div class="nav">
                    <button type="button" class="button secondary" onclick={cancel}>{ ctx.t("staff_confirm_no") }</button>
                    <button type="submit" class="button primary" disabled={checking}>{ ctx.t("staff_confirm_yes") }</button>
                </div>
            </form>
        </section>
    }
}
