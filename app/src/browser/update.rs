//! A new version of qkit, installed in the background by the service worker (`sw.js`, registered
//! by `boot.js`): whether one is waiting, and switching to it. Switching reloads the page;
//! sittings are in localStorage and are kept either way.

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

const READY_FLAG: &str = "qkitUpdateReady";
const READY_EVENT: &str = "qkit-update-ready";
const APPLY: &str = "qkitApplyUpdate";

fn global(name: &str) -> JsValue {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str(name)).ok())
        .unwrap_or(JsValue::UNDEFINED)
}

/// Whether a new version is installed and waiting.
pub fn is_ready() -> bool {
    global(READY_FLAG).as_bool() == Some(true)
}

/// Calls `ready` when a new version has been installed; the listener stops when dropped.
pub fn on_ready(ready: impl Fn() + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, READY_EVENT, move |_| ready()))
}

/// Switches to the waiting version (the page reloads once it has taken over).
pub fn apply() {
    if let Ok(f) = global(APPLY).dyn_into::<js_sys::Function>() {
        // The promise it returns only reports the switch; the reload follows by itself.
        let _ = f.call0(&JsValue::NULL);
    }
}
