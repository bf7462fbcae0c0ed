//! Files the assessor picks with a file input or drops on the page: their names, and their bytes
//! read one file at a time, never more than the limit for their kind (a file over it is refused
//! by its size before any of it is read).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::{Event, TargetCast};

pub use qkit_cohort::ReadError;

/// One picked or dropped file.
#[derive(Debug, Clone, PartialEq)]
pub struct PickedFile(File);

impl PickedFile {
    /// The file's name (no folder).
    pub fn name(&self) -> String {
        self.0.name()
    }

    /// Its size in bytes.
    pub fn size(&self) -> f64 {
        self.0.size()
    }

    /// Reads the whole file if it is at most `limit` bytes; a larger file is refused by its size
    /// without being read.
    pub async fn bytes_at_most(&self, limit: usize) -> Result<Vec<u8>, ReadError> {
        let too_large = |size: f64| ReadError::TooLarge { size, limit };
        if self.size() > limit as f64 {
            return Err(too_large(self.size()));
        }
        let buffer = JsFuture::from(self.0.array_buffer())
            .await
            .map_err(|e| ReadError::Browser(describe(&e)))?;
        let bytes = js_sys::Uint8Array::new(&buffer);
        // A file can change between the size check and the read.
        if bytes.length() as usize > limit {
            return Err(too_large(f64::from(bytes.length())));
        }
        Ok(bytes.to_vec())
    }
}

/// The files chosen in a file input (from its `change` event). The input is cleared so that
/// choosing the same files again fires again.
pub fn from_input(e: &Event) -> Vec<PickedFile> {
    let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
        return Vec::new();
    };
    let files = list(input.files());
    input.set_value("");
    files
}

/// Reads the first file chosen in a file input (from its `change` event), at most `limit`
/// bytes, and calls `done` with its name and its bytes or why they were not read.
pub fn read_first(
    e: &Event,
    limit: usize,
    done: yew::Callback<(String, Result<Vec<u8>, ReadError>)>,
) {
    let Some(file) = from_input(e).into_iter().next() else {
        return;
    };
    yew::platform::spawn_local(async move {
        let read = file.bytes_at_most(limit).await;
        done.emit((file.name(), read));
    });
}

/// The files dropped on an element (from its `drop` event); stops the browser opening them.
pub fn from_drop(e: &DragEvent) -> Vec<PickedFile> {
    e.prevent_default();
    list(e.data_transfer().and_then(|d| d.files()))
}

/// Lets an element accept a drop (call from its `dragover` event).
pub fn allow_drop(e: &DragEvent) {
    e.prevent_default();
}

fn list(files: Option<FileList>) -> Vec<PickedFile> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length())
        .filter_map(|i| files.get(i))
        .map(PickedFile)
        .collect()
}

fn describe(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the browser could not read the file".to_owned())
}
