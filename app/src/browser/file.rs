//! Reading a text file staff chose with a file input (an assessor key file).

use wasm_bindgen_futures::JsFuture;
use yew::{Event, TargetCast};

/// The largest file read.
const MAX_BYTES: f64 = 64.0 * 1024.0;

/// Reads the first file chosen in the input a change event came from and calls `done` with its
/// text (`None` when no file was chosen or it could not be read as text).
pub fn read_chosen_text(e: &Event, done: impl FnOnce(Option<String>) + 'static) {
    let file = e
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .and_then(|input| input.files())
        .and_then(|files| files.get(0));
    // A key file is a few lines; anything large is not one (and is not read into memory).
    let Some(file) = file.filter(|f| f.size() <= MAX_BYTES) else {
        done(None);
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let text = JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        done(text);
    });
}
