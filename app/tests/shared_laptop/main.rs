//! The shared laptop, tried the way a participant left alone with it would: every path to
//! another sitting, a summary, removal, keys or settings meets the passphrase; finished and
//! declined sittings end on the lock screen; wrong guesses slow down; removing everything keeps
//! a rescue copy sealed to the team; storage changed outside qkit (a draft rolled back or
//! swapped, the key list edited, the lock record tampered) is caught and named. Reducer-level, in
//! headless Chromium, over a memory store and a clock the test moves. One test binary; each
//! module holds one part.

use wasm_bindgen_test::*;

#[path = "../common/mod.rs"]
mod common;
mod laptop;

mod outside;
mod passphrase;
mod removal;

wasm_bindgen_test_configure!(run_in_browser);
