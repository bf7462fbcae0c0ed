//! The tools under a participant screen: "Take a break", and the way in to staff mode; in staff
//! mode, the staff panel with the staff-assisted switch, the participant's language and support
//! (changed mid-battery, answers kept), the way back to the participant, and closing the sitting
//! for now.

use crate::components::support_fields::SupportFields;
use qkit_export::Support;
use qkit_questionnaires::Lang;
use qkit_session::Mode;
use qkit_web::KitContext;
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
    /// The participant's language and support.
    pub language: Lang,
    pub support: Support,
    /// Staff change the language or the support.
    pub on_presentation: Callback<(Lang, Support)>,
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
        .reform(|e: Event| qkit_web::browser::dom::checked(&e));
    let languages = ctx.kit.ui.languages().map(|(lang, name)| {
        let onchange = {
            let (cb, lang, support) = (props.on_presentation.clone(), lang.clone(), props.support.clone());
            Callback::from(move |_: Event| cb.emit((lang.clone(), support.clone())))
        };
        html! {
            <label class="check">
                <input type="radio" name="staff-language" checked={*lang == props.language} {onchange} />
                <span lang={lang.to_string()}>{ name.to_owned() }</span>
            </label>
        }
    });
    let on_support = {
        let (cb, lang) = (props.on_presentation.clone(), props.language.clone());
        Callback::from(move |s: Support| cb.emit((lang.clone(), s)))
    };
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
                <fieldset class="field">
                    <legend>{ ctx.t("start_language") }</legend>
                    { for languages }
                </fieldset>
                <SupportFields support={props.support.clone()} on_change={on_support} />
                <div class="nav">
                    <button type="button" class="button secondary" onclick={on_leave}>{ ctx.t("staff_leave") }</button>
                    <button type="button" class="button quiet" onclick={on_close}>{ ctx.t("staff_close") }</button>
                </div>
            </section>
        </div>
    }
}
