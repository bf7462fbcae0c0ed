//! Rescue files kept on this laptop after "Remove all sittings": each is every sitting that was
//! stored then, sealed to the assessment team. Staff can save one again (the first download may
//! have gone astray) and remove it once the team has the file. Shown on the start screen only.

use crate::app::KitContext;
use crate::browser::clock;
use crate::state::Action;
use qkit_export::Timestamp;
use yew::prelude::*;

/// Properties of [`KeptRescues`].
#[derive(Properties, PartialEq)]
pub struct KeptRescuesProps {
    /// Storage keys of kept rescue copies and when each was kept.
    pub kept: Vec<(String, i64)>,
    pub on_action: Callback<Action>,
}

/// The kept rescue files, if any.
#[function_component(KeptRescues)]
pub fn kept_rescues(props: &KeptRescuesProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    if props.kept.is_empty() {
        return Html::default();
    }
    let row = |(key, ms): &(String, i64)| {
        let (save, remove) = (key.clone(), key.clone());
        let save = props
            .on_action
            .reform(move |_: MouseEvent| Action::SaveKeptRescue(save.clone()));
        let remove = props
            .on_action
            .reform(move |_: MouseEvent| Action::RemoveKeptRescue(remove.clone()));
        let when = clock::local(Timestamp(*ms));
        html! {
            <li>
                <span>{ ctx.tf("kept_rescue_item", &[("date", &when)]) }</span>
                <button type="button" class="button secondary" onclick={save}>{ ctx.t("kept_rescue_save") }</button>
                <button type="button" class="button quiet" onclick={remove}>{ ctx.t("kept_rescue_remove") }</button>
            </li>
        }
    };
    html! {
        <section class="notice warning" aria-labelledby="kept-rescues-heading">
            <h2 id="kept-rescues-heading">{ ctx.t("kept_rescues_heading") }</h2>
            <p>{ ctx.t("kept_rescue_text") }</p>
            <ul>{ for props.kept.iter().map(row) }</ul>
        </section>
    }
}
