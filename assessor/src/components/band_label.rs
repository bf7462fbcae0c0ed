//! A band shown as its word and its colour from the definition (colour never alone).

use crate::names;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`BandLabel`].
#[derive(Properties, PartialEq)]
pub struct BandLabelProps {
    pub questionnaire: AttrValue,
    pub scale: AttrValue,
    pub band: AttrValue,
}

/// A colour swatch and the band's label.
#[function_component(BandLabel)]
pub fn band_label(props: &BandLabelProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let label = names::band_label(&ctx, &props.questionnaire, &props.scale, &props.band);
    let colour = names::band_colour(&ctx, &props.questionnaire, &props.scale, &props.band);
    html! {
        <span class="band">
            { swatch(colour.map(|c| c.to_string())) }
            <span>{ label }</span>
        </span>
    }
}

/// A small square of `colour` (an SVG attribute, so the page's style policy allows it).
pub fn swatch(colour: Option<String>) -> Html {
    match colour {
        Some(fill) => html! {
            <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                <rect width="10" height="10" rx="2" {fill} />
            </svg>
        },
        None => html! {},
    }
}
