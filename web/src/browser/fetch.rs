//! Reading a file that ships with the app (the kit configuration): the copy the single-file kit
//! embeds in the page when there is one, else a plain same-origin `fetch`, never a third party.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Reads `path` (relative to the page) as text and calls `done` with it, or with `None` when
/// the file is missing or the request fails (as it does in a page opened from a file with no
/// embedded copy).
///
/// The single-file kit (`tools/single_file.py`) embeds such files in the page as
/// `<script type="application/json" id="qkit-file:PATH">`, a data block the browser never runs.
pub fn fetch_text(path: &str, done: impl FnOnce(Option<String>) + 'static) {
    let path = path.to_owned();
    // Always later, never during the caller's render, whichever way the text comes.
    wasm_bindgen_futures::spawn_local(async move {
        match embedded(&path) {
            Some(text) => done(Some(text)),
            None => done(text(&path).await),
        }
    });
}

fn embedded(path: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(&format!("qkit-file:{path}"))?
        .text_content()
}

async fn text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}
