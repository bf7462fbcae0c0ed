//! The break screen: every answer hidden until staff resume.

use crate::components::read_aloud::{spoken, ReadAloud};
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`PausePage`].
#[derive(Properties, PartialEq)]
pub struct PausePageProps {
    /// Staff ask to end the break (a confirmation follows).
    pub on_resume: Callback<()>,
}

/// A blank, calm screen with one way back, for staff.
#[function_component(PausePage)]
pub fn pause_page(props: &PausePageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let resume = props.on_resume.reform(|_: MouseEvent| ());
    let l = ctx.lang.as_str();
    let pieces = qkit_questionnaires::recordings::spoken_keys::BREAK
        .map(|k| spoken(ctx.t(k), l))
        .to_vec();
    html! {
        <section class="screen pause">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("break_heading") }</h1>
            <ReadAloud {pieces} />
            <p class="lead">{ ctx.t("break_text") }</p>
            <div class="nav">
                <button type="button" class="button primary" onclick={resume}>{ ctx.t("break_resume") }</button>
            </div>
        </section>
    }
}
