//! The assessment team's page: mounts qkit-assessor's screens on the body when the module
//! starts. A leaf crate of its own, so `wasm-pack build` makes exactly this bundle, with fat LTO
//! and qkit-export's `open` feature (the age crate), which the participant's bundle never has.

use wasm_bindgen::prelude::*;

/// Runs when the page has loaded the module.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<qkit_assessor::Assessor>::new().render();
}
