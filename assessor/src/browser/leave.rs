//! The browser's leave-page warning: while work is not saved, closing or reloading the page asks
//! first.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// Keeps the warning on for as long as it lives.
pub struct LeaveWarning {
    _listener: Option<EventListener>,
}

impl LeaveWarning {
    /// Turns the warning on.
    pub fn on() -> LeaveWarning {
        let listener = web_sys::window().map(|w| {
            EventListener::new_with_options(
                &w,
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |e| {
                    e.prevent_default();
                    if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        // Older browsers show the warning only when a return value is set.
                        e.set_return_value("unsaved");
                    }
                },
            )
        });
        LeaveWarning {
            _listener: listener,
        }
    }
}
