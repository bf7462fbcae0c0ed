//! Locks the app after a stretch with nobody at the computer.

use crate::browser::idle::IdleWatch;
use yew::prelude::*;

/// Calls `on_idle` once nothing has happened on the page for `idle_ms` (no watch when `None`,
/// e.g. while the app is already locked).
#[hook]
pub fn use_idle(idle_ms: Option<i64>, on_idle: Callback<()>) {
    use_effect_with(idle_ms, move |ms| {
        let watch = ms.map(|ms| IdleWatch::start(ms, move || on_idle.emit(())));
        move || drop(watch)
    });
}
