//! `use_reading`: what read-aloud is reading on this screen (a [`Reading`]), and where the
//! reader reports, for the screen to highlight it. Each report that changes it re-renders the
//! screen.

use crate::state::reading::{ReadEvent, Reading};
use yew::prelude::*;

/// The screen's reading now, and the callback its readings report to.
#[hook]
pub fn use_reading() -> (Reading, Callback<ReadEvent>) {
    let now = use_mut_ref(Reading::default);
    let update = use_force_update();
    let reading = *now.borrow();
    let report = Callback::from(move |e| {
        let next = now.borrow().after(e);
        if next != now.replace(next) {
            update.force_update();
        }
    });
    (reading, report)
}
