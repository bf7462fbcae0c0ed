//! The handover: a calm screen that gives the laptop to the participant.

use crate::components::read_aloud::{spoken, ReadAloud};
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`HandoverPage`].
#[derive(Properties, PartialEq)]
pub struct HandoverPageProps {
    pub on_start: Callback<()>,
}

/// "This is for you to fill in. There are no right or wrong answers."
#[function_component(HandoverPage)]
pub fn handover_page(props: &HandoverPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let start = props.on_start.reform(|_: MouseEvent| ());
    let l = ctx.lang.as_str();
    let pieces = qkit_questionnaires::recordings::spoken_keys::HANDOVER
        .map(|k| spoken(ctx.t(k), l))
        .to_vec();
    html! {
        <section class="screen handover">
            <p class="staff-note">{ ctx.t("handover_staff") }</p>
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("handover_heading") }</h1>
            <ReadAloud {pieces} />
            <p class="lead">{ ctx.t("handover_text") }</p>
            <p>{ ctx.t("handover_help") }</p>
            <div class="nav">
                <button type="button" class="button primary" onclick={start}>{ ctx.t("handover_start") }</button>
            </div>
        </section>
    }
}
