//! The tools under a participant screen: "Take a break", and the way in to staff mode; in staff
//! mode, the staff panel with the staff-assisted switch, the way back to the participant, and
//! closing the sitting for now.

use crate::app::KitContext;
use qkit_session::Mode;
use yew::prelude::*;

/// Properties of [`Tools`].
#[derive(Properties, PartialEq)]
pub struct ToolsProps {
    pub mode: Mode,
    /// Whether answers are marked as entered by staff.
    pub assisted: bool,
    /// Whether the assisted switch applies here (on items).
    #[prop_or_default]
    pub show_assisted: bool,
    pub on_break: Callback<()>,
    /// Staff ask to enter staff mode (a confirmation follows).
    pub on_staff: Callback<()>,
    pub on_leave_staff: Callback<()>,
    pub on_assisted: Callback<bool>,
    /// Staff close the sitting for now (it stays stored) and go back to the start screen.
    pub on_close: Callback<()>,
}

/// "Take a break" and "Staff"; or the staff panel.
#[function_component(Tools)]
pub fn tools(props: &ToolsProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let on_break = props.on_break.reform(|_: MouseEvent| ());
    let tools = html! {
        <button type="button" class="button secondary break" onclick={on_break}>{ ctx.t("take_break") }</button>
    };
    if props.mode == Mode::Participant {
        let on_staff = props.on_staff.reform(|_: MouseEvent| ());
        return html! {
            <div class="tools">
                { tools }
                <button type="button" class="button quiet staff" onclick={on_staff}>{ ctx.t("staff_button") }</button>
            </div>
        };
    }
    let on_leave = props.on_leave_staff.reform(|_: MouseEvent| ());
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let on_assisted = props
        .on_assisted
        .reform(|e: Event| crate::browser::dom::checked(&e));
    html! {
        <div class="tools">
            { tools }
            <section class="staff-panel" aria-labelledby="staff-panel-heading">
                <h2 id="staff-panel-heading">{ ctx.t("staff_mode_heading") }</h2>
                <p>{ ctx.t("staff_mode_help") }</p>
                if props.show_assisted {
                    <label class="check">
                        <input type="checkbox" checked={props.assisted} onchange={on_assisted} />
                        <span>{ ctx.t("staff_assisted") }</span>
                    </label>
                }
                <div class="nav">
                    <button type="button" class="button secondary" onclick={on_leave}>{ ctx.t("staff_leave") }</button>
                    <button type="button" class="button quiet" onclick={on_close}>{ ctx.t("staff_close") }</button>
                </div>
            </section>
        </div>
    }
}
