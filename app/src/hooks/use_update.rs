//! Whether a new version of qkit is waiting to be used (see `browser::update`).

use crate::browser::update;
use yew::prelude::*;

/// `true` once the service worker has installed a new version.
#[hook]
pub fn use_update_ready() -> bool {
    let ready = use_state(update::is_ready);
    {
        let set = ready.setter();
        use_effect_with((), move |_| {
            let listener = update::on_ready(move || set.set(true));
            move || drop(listener)
        });
    }
    *ready
}
