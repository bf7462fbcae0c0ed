//! "For staff only": the step between the participant's screen and anything only staff may do
//! (staff mode, ending a break, the completion summary). Staff give the passphrase, unless a
//! correct one was given in the last half minute; then a confirmation is enough.

use crate::app::KitContext;
use crate::browser::dom;
use crate::hooks::HEADING_ID;
use crate::state::{Secret, StaffPrompt, StaffStep};
use yew::prelude::*;

/// Properties of [`StaffConfirm`].
#[derive(Properties, PartialEq)]
pub struct StaffConfirmProps {
    pub prompt: StaffPrompt,
    /// Staff confirm, with the passphrase when it is asked for.
    pub on_confirm: Callback<Option<Secret>>,
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
    };
    let onsubmit = {
        let (cb, input, needs) = (props.on_confirm.clone(), input.clone(), p.needs_passphrase);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit(needs.then(|| Secret::new(dom::take_input(&input))));
        })
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <section class="screen staff-confirm">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("staff_confirm_heading") }</h1>
            <p>{ ctx.t(question) }</p>
            <form {onsubmit} novalidate=true>
                if p.needs_passphrase {
                    <div class="field">
                        <label for="staff-passphrase">{ ctx.t("passphrase_label") }</label>
                        if p.wrong {
                            <p id="staff-passphrase-error" class="error" role="alert">{ ctx.t("passphrase_wrong") }</p>
                        }
                        <input id="staff-passphrase" type="password" autocomplete="off" spellcheck="false" ref={input}
                            aria-describedby={p.wrong.then_some("staff-passphrase-error")}
                            aria-invalid={p.wrong.to_string()} />
                    </div>
                }
                <div class="nav">
                    <button type="button" class="button secondary" onclick={cancel}>{ ctx.t("staff_confirm_no") }</button>
                    <button type="submit" class="button primary">{ ctx.t("staff_confirm_yes") }</button>
                </div>
            </form>
        </section>
    }
}
