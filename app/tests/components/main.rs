//! Component tests in headless Chromium: the passphrase screens, the start screen, the item
//! screen, the progress bar, keyboard handling, storage problems, sealed drafts and the staff
//! steps. The app runs over a memory store, a fixed clock and cheap scrypt parameters (stand-ins
//! for localStorage, the wall clock and the real work factor), so nothing sleeps and nothing is
//! left behind. One test binary; each module holds one part.

use wasm_bindgen_test::*;

#[path = "../common/mod.rs"]
mod common;
#[path = "../../../web/tests/common/dom.rs"]
#[allow(dead_code)]
mod dom;
mod mounted;

mod screens;
mod staff;
mod storage;

wasm_bindgen_test_configure!(run_in_browser);
