//! Watches for another tab or window writing the open sitting.

use crate::browser::storage;
use yew::prelude::*;

/// Calls `on_changed` with the new stored revision when another page writes sitting `id`.
#[hook]
pub fn use_watch(id: String, on_changed: Callback<u64>) {
    use_effect_with(id, move |id| {
        let listener = storage::watch(id, move |rev| on_changed.emit(rev));
        move || drop(listener)
    });
}
