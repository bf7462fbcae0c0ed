//! Size probe, not a program: drafts at rest (scrypt, XChaCha20-Poly1305) on top of
//! `size_baseline.rs`. See `size_seal.rs` for how to build and compare.

#![cfg(target_arch = "wasm32")]

use qkit_export::at_rest::{open_draft, seal_draft, DraftLock};
use qkit_export::ResultRecord;
use rand_core::OsRng;
use wasm_bindgen::prelude::wasm_bindgen;

const RECORD: &str = include_str!("../../docs/examples/record.json");

/// Unlocks the stored lock, seals the record as a draft and opens it again.
#[wasm_bindgen]
pub fn run(lock: &str, passphrase: &str) -> usize {
    let record = ResultRecord::from_json(RECORD.as_bytes()).expect("parses");
    let key = DraftLock::from_text(lock)
        .expect("lock")
        .unlock(passphrase)
        .expect("key");
    let sealed = seal_draft(&key, &record.to_json().expect("writes"), &mut OsRng);
    open_draft(&key, &sealed).expect("opens").len()
}
