//! Consent was not given: nothing was asked, and the record says so. The participant may be the
//! one who pressed "no", so the screen first asks him to hand the laptop back; the record, its
//! export and "done" are for staff, behind the passphrase.

use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`DeclinedPage`].
#[derive(Properties, PartialEq)]
pub struct DeclinedPageProps {
    /// Staff gave the passphrase for this screen.
    pub staff: bool,
    /// Staff ask to see the record (the passphrase step).
    pub on_staff: Callback<()>,
    /// Staff are done: lock qkit.
    pub on_done: Callback<()>,
    /// The export step.
    #[prop_or_default]
    pub children: Html,
}

/// After a "no" to consent: the hand-back screen, then the staff screen.
#[function_component(DeclinedPage)]
pub fn declined_page(props: &DeclinedPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    if !props.staff {
        let staff = props.on_staff.reform(|_: MouseEvent| ());
        return html! {
            <section class="screen declined">
                <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("declined_hand_back_heading") }</h1>
                <p class="lead">{ ctx.t("declined_hand_back") }</p>
                <div class="nav">
                    <button type="button" class="button secondary" onclick={staff}>{ ctx.t("for_staff") }</button>
                </div>
            </section>
        };
    }
    let done = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <section class="screen declined">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("declined_heading") }</h1>
            <p class="lead">{ ctx.t("declined_text") }</p>
            { props.children.clone() }
            <div class="nav">
                <button type="button" class="button secondary" onclick={done}>{ ctx.t("done_lock") }</button>
            </div>
        </section>
    }
}
