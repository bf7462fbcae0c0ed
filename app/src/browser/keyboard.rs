//! Key presses anywhere on the page, described plainly for the app's key handling.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, KeyboardEvent};

/// What had focus when a key was pressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A text box or a select, where keys type or choose.
    Typing,
    /// A button, link or checkbox, where Enter activates it.
    Control,
    /// A radio button.
    Radio,
    /// Anything else (the page, a heading).
    Other,
}

/// One key press.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyPress {
    /// `KeyboardEvent.key`, e.g. `"2"`, `"Enter"`, `"ArrowRight"`.
    pub key: String,
    pub target: Target,
    /// Ctrl, Alt or Meta was held (browser shortcuts such as Alt+← are left alone).
    pub modified: bool,
}

/// Calls `handle` for every key pressed on the page while the listener lives; when it returns
/// `true` the key's default action is cancelled.
pub fn on_keydown(handle: impl Fn(&KeyPress) -> bool + 'static) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(
        &document,
        "keydown",
        options,
        move |event| {
            let Some(e) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            let press = KeyPress {
                key: e.key(),
                target: target_of(e),
                modified: e.ctrl_key() || e.alt_key() || e.meta_key(),
            };
            if handle(&press) {
                e.prevent_default();
            }
        },
    ))
}

fn target_of(e: &KeyboardEvent) -> Target {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Target::Other;
    };
    match el.tag_name().to_ascii_lowercase().as_str() {
        "textarea" | "select" => Target::Typing,
        "button" | "a" | "summary" => Target::Control,
        "input" => match el.dyn_ref::<HtmlInputElement>().map(|i| i.type_()) {
            Some(t) if t == "radio" => Target::Radio,
            Some(t) if t == "checkbox" || t == "submit" || t == "button" => Target::Control,
            _ => Target::Typing,
        },
        _ => Target::Other,
    }
}
