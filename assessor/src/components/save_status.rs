//! Whether the assessor's work is saved: a quiet line while every change is saved, an alert
//! while it is not (a failed save, or a saved workspace that cannot be opened, with the way to
//! set that one aside), and a note when workspaces of other team keys are on this computer.

use crate::state::Saved;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`SaveStatus`].
#[derive(Properties, PartialEq)]
pub struct SaveStatusProps {
    pub saved: Saved,
    /// Workspaces saved with other team keys on this computer.
    pub others: usize,
    pub on_set_aside: Callback<()>,
}

/// The line under the header.
#[function_component(SaveStatus)]
pub fn save_status(props: &SaveStatusProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let line = match &props.saved {
        Saved::Off => Html::default(),
        Saved::Saved => html! {
            <p class="notice info" role="status">{ ctx.t("assessor_saved") }</p>
        },
        Saved::Failed(why) => html! {
            <p class="notice warning" role="alert">{ ctx.tf("assessor_not_saved", &[("reason", why)]) }</p>
        },
        Saved::Blocked(why) => {
            let on_click = props.on_set_aside.reform(|_: MouseEvent| ());
            html! {
                <div class="notice warning" role="alert">
                    <p>{ ctx.tf("assessor_workspace_unopened", &[("reason", why)]) }</p>
                    <button type="button" class="button secondary" onclick={on_click}>
                        { ctx.t("assessor_workspace_set_aside") }
                    </button>
                </div>
            }
        }
    };
    let others = (props.others > 0 && props.saved != Saved::Off).then(|| {
        html! { <p class="notice info">{ ctx.t("assessor_workspace_others") }</p> }
    });
    html! { <div class="no-print">{ line }{ for others }</div> }
}
