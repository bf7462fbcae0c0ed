//! The participant's page: mounts qkit-app's screens on the body when the module starts. A leaf
//! crate of its own, so `wasm-pack build` makes exactly this bundle, with fat LTO, and nothing
//! else depends on it.

use wasm_bindgen::prelude::*;

/// Runs when the page has loaded the module.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<qkit_app::App>::new().render();
}
