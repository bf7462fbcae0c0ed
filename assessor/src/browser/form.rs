//! Values read from form events that `qkit_web::browser::dom` does not cover.

use web_sys::HtmlTextAreaElement;
use yew::{InputEvent, TargetCast};

/// The value of the text area an input event came from.
pub fn text_area_value(e: &InputEvent) -> String {
    e.target_dyn_into::<HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}

/// The value of the text or date input a change event came from.
pub fn changed_value(e: &yew::Event) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}
