//! Reading the local definition files staff chose with a file input.

use qkit_questionnaires::local_kit::Chosen;
use qkit_questionnaires::MAX_FILE_BYTES;
use wasm_bindgen_futures::JsFuture;
use yew::{Event, TargetCast};

/// Reads every file chosen in the input a change event came from and calls `done` with each
/// file's name and text. A file over the definition size limit is refused by its size, without
/// being read. The input is cleared, so choosing the same file again is a new choice.
pub fn read_chosen(e: &Event, done: impl FnOnce(Vec<(String, Chosen)>) + 'static) {
    let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
        return;
    };
    let files: Vec<web_sys::File> = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut chosen = Vec::with_capacity(files.len());
        for file in files {
            let size = file.size();
            let read = if size > MAX_FILE_BYTES as f64 {
                // Sizes are whole numbers of bytes far below 2^53.
                Chosen::TooLarge(size as u64)
            } else {
                match JsFuture::from(file.text()).await.map(|v| v.as_string()) {
                    Ok(Some(text)) => Chosen::Text(text),
                    Ok(None) => Chosen::Unreadable("the file is not text".to_owned()),
                    Err(e) => Chosen::Unreadable(format!("the file cannot be read: {e:?}")),
                }
            };
            chosen.push((file.name(), read));
        }
        done(chosen);
    });
}
