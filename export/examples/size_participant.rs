//! Size probe, not a program: everything a participant's device does with records — drafts at
//! rest and sealing — on top of `size_baseline.rs`. See `size_seal.rs` for how to build and
//! compare.

#![cfg(target_arch = "wasm32")]

use qkit_export::at_rest::{open_draft, seal_draft, DraftLock};
use qkit_export::{seal, Recipient, ResultRecord};
use rand_core::OsRng;
use wasm_bindgen::prelude::wasm_bindgen;

const RECORD: &str = include_str!("../../docs/examples/record.json");

/// Keeps the record as a draft, opens it, and seals it to `recipient`.
#[wasm_bindgen]
pub fn run(lock: &str, passphrase: &str, recipient: &str) -> usize {
    let record = ResultRecord::from_json(RECORD.as_bytes()).expect("parses");
    let key = DraftLock::from_text(lock)
        .expect("lock")
        .unlock(passphrase)
        .expect("key");
    let draft = seal_draft(&key, &record.to_json().expect("writes"), &mut OsRng);
    let record =
        ResultRecord::from_json(&open_draft(&key, &draft).expect("opens")).expect("parses");
    let recipient: Recipient = recipient.parse().expect("a recipient");
    seal(&record, &[recipient], &mut OsRng)
        .expect("seals")
        .len()
}
