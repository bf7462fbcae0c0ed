//! Small DOM helpers: focus, the page language, the assessor page's name, and values read from
//! form events.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::{Event, InputEvent, TargetCast};

/// Moves focus to the element with this id, if it exists.
pub fn focus(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(e) = element {
        // Focus can only fail on a detached element; then there is nothing to focus.
        let _ = e.focus();
    }
}

/// Sets `<html lang>` so screen readers speak the page in the right language.
pub fn set_page_language(tag: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
    }
}

/// The value of the text input an input event came from.
pub fn input_value(e: &InputEvent) -> String {
    e.target_dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Whether the checkbox a change event came from is now checked.
pub fn checked(e: &Event) -> bool {
    e.target_dyn_into::<HtmlInputElement>()
        .is_some_and(|i| i.checked())
}

/// The value of the select a change event came from.
pub fn select_value(e: &Event) -> String {
    e.target_dyn_into::<HtmlSelectElement>()
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Writes a warning to the browser console (for refused verbs, which the screens never offer).
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}

/// Reads a text input's value and clears it (passphrases are not left in the page).
pub fn take_input(node: &yew::NodeRef) -> String {
    match node.cast::<HtmlInputElement>() {
        Some(input) => {
            let value = input.value();
            input.set_value("");
            value
        }
        None => String::new(),
    }
}

/// Reads a text area's value and clears it.
pub fn take_input_area(node: &yew::NodeRef) -> String {
    match node.cast::<web_sys::HtmlTextAreaElement>() {
        Some(area) => {
            let value = area.value();
            area.set_value("");
            value
        }
        None => String::new(),
    }
}

/// The whole number a range (slider) change event came from.
pub fn range_value(e: &Event) -> Option<u8> {
    e.target_dyn_into::<HtmlInputElement>()
        .and_then(|i| i.value().parse().ok())
}
