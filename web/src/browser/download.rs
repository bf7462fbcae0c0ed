//! Saving a file the app made (a sealed record) through the browser's own download.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a download named `name`. Returns `false` when the browser refused.
pub fn save_file(name: &str, bytes: &[u8]) -> bool {
    save(name, bytes).is_some()
}

fn save(name: &str, bytes: &[u8]) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    document.body()?.append_child(&link).ok()?;
    link.click();
    link.remove();
    // The download has started from the click; the URL is only needed until then.
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}
