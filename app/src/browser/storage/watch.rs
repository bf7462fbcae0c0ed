//! Notice of another tab or window writing a sitting: the browser's `storage` event, which fires
//! in every other page of the same origin when a key changes.

use super::{key, revision_of};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::StorageEvent;

/// Calls `changed` with the new stored revision (0 when the sitting was removed) whenever
/// another page writes sitting `id`, for as long as the listener lives.
pub fn watch(id: &str, changed: impl Fn(u64) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let watched = key(id);
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(e) = event.dyn_ref::<StorageEvent>() else {
            return;
        };
        if e.key().as_deref() != Some(watched.as_str()) {
            return;
        }
        let rev = e
            .new_value()
            .map_or(0, |v| revision_of(&v).unwrap_or(u64::MAX));
        changed(rev);
    }))
}
