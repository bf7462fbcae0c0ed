//! A participant's flags: a symbol and the flag's name, with the questionnaire it is on.

use crate::model::cohort::Flag;
use crate::names;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`FlagList`].
#[derive(Properties, PartialEq)]
pub struct FlagListProps {
    pub flags: Vec<Flag>,
}

/// The flags as a list, or "none".
#[function_component(FlagList)]
pub fn flag_list(props: &FlagListProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    if props.flags.is_empty() {
        return html! { <span class="muted">{ ctx.t("assessor_flags_none") }</span> };
    }
    let items = props.flags.iter().map(|f| {
        let count = if f.count > 1 {
            format!(" × {}", f.count)
        } else {
            String::new()
        };
        html! {
            <li class={classes!("flag", format!("flag-{}", f.kind.key()))}>
                <span class="flag-icon" aria-hidden="true">{ names::flag_icon(f.kind) }</span>
                { format!("{}{count} ({})", names::flag(&ctx, f.kind), names::questionnaire(&ctx, &f.questionnaire)) }
            </li>
        }
    });
    html! { <ul class="flags">{ for items }</ul> }
}
