//! Files the assessor picks with a file input or drops on the page: their names, and their bytes
//! read one file at a time.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::{Event, TargetCast};

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

    /// Reads the whole file.
    pub async fn bytes(&self) -> Result<Vec<u8>, String> {
        let buffer = JsFuture::from(self.0.array_buffer())
            .await
            .map_err(|e| describe(&e))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
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
