//! The participant's last screen: thanks, and no scores.

use crate::components::read_aloud::{spoken, ReadAloud};
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ThankYouPage`].
#[derive(Properties, PartialEq)]
pub struct ThankYouPageProps {
    /// Staff ask for the completion summary (a confirmation follows).
    pub on_staff: Callback<()>,
}

/// "Thank you."
#[function_component(ThankYouPage)]
pub fn thank_you_page(props: &ThankYouPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let staff = props.on_staff.reform(|_: MouseEvent| ());
    let l = ctx.lang.as_str();
    let pieces = qkit_questionnaires::recordings::spoken_keys::THANK_YOU
        .map(|k| spoken(ctx.t(k), l))
        .to_vec();
    html! {
        <section class="screen thank-you">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("thank_you_heading") }</h1>
            <ReadAloud {pieces} />
            <p class="lead">{ ctx.t("thank_you_text") }</p>
            <div class="nav">
                <button type="button" class="button secondary" onclick={staff}>{ ctx.t("thank_you_staff") }</button>
            </div>
        </section>
    }
}
