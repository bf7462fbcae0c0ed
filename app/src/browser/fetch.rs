//! Reading a file served next to the app (the kit configuration, recorded audio): a plain
//! same-origin `fetch`, never a third party.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches `path` (relative to the page) as text and calls `done` with it, or with `None` when
/// the file is missing, the request fails or the page was opened from a file (no origin).
pub fn fetch_text(path: &str, done: impl FnOnce(Option<String>) + 'static) {
    let path = path.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        done(text(&path).await);
    });
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
