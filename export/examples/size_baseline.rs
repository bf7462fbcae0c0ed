//! Size probe, not a program: the baseline for measuring what sealing adds to a wasm bundle.
//! Parses the example record and writes it back as JSON (what any build holding records does).
//! See `size_seal.rs` for how to build and compare.

#![cfg(target_arch = "wasm32")]

use qkit_export::ResultRecord;
use wasm_bindgen::prelude::wasm_bindgen;

const RECORD: &str = include_str!("../../docs/examples/record.json");

/// Parses and re-writes the record; returns its length.
#[wasm_bindgen]
pub fn run(extra: &str) -> usize {
    let mut record = ResultRecord::from_json(RECORD.as_bytes()).expect("parses");
    record.participant.push_str(extra);
    record.to_json().expect("writes").len()
}
