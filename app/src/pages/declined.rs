//! Consent was not given: nothing was asked, and the record says so.

use crate::app::KitContext;
use crate::hooks::HEADING_ID;
use yew::prelude::*;

/// Properties of [`DeclinedPage`].
#[derive(Properties, PartialEq)]
pub struct DeclinedPageProps {
    pub on_done: Callback<()>,
    /// The export step.
    #[prop_or_default]
    pub children: Html,
}

/// The staff screen after a "no" to consent.
#[function_component(DeclinedPage)]
pub fn declined_page(props: &DeclinedPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let done = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <section class="screen declined">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("declined_heading") }</h1>
            <p class="lead">{ ctx.t("declined_text") }</p>
            { props.children.clone() }
            <div class="nav">
                <button type="button" class="button secondary" onclick={done}>{ ctx.t("to_start") }</button>
            </div>
        </section>
    }
}
