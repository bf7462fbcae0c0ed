//! Back and Next, the same on every participant screen.

use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`NavButtons`].
#[derive(Properties, PartialEq)]
pub struct NavButtonsProps {
    /// Whether there is a screen to go back to (Back is left out when not).
    pub can_go_back: bool,
    pub on_back: Callback<()>,
    pub on_next: Callback<()>,
}

/// "Back" and "Next" buttons.
#[function_component(NavButtons)]
pub fn nav_buttons(props: &NavButtonsProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let back = props.on_back.reform(|_: MouseEvent| ());
    let next = props.on_next.reform(|_: MouseEvent| ());
    html! {
        <div class="nav">
            if props.can_go_back {
                <button type="button" class="button secondary back" onclick={back}>{ ctx.t("back") }</button>
            }
            <button type="button" class="button primary next" onclick={next}>{ ctx.t("next") }</button>
        </div>
    }
}
