//! The browser's synthetic voices, kept up to date (the list often fills in after the page loads).

use crate::browser::speech::{self, Voice};
use std::rc::Rc;
use yew::prelude::*;

/// The voices this browser has now.
#[hook]
pub fn use_voices() -> Rc<Vec<Voice>> {
    let voices = use_state(|| Rc::new(speech::voices()));
    {
        let set = voices.setter();
        use_effect_with((), move |_| {
            let listener = speech::on_voices_changed(move || set.set(Rc::new(speech::voices())));
            move || drop(listener)
        });
    }
    (*voices).clone()
}
