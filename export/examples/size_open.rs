//! Size probe, not a program: the assessor's opening path (the `age` crate, feature `open`) on
//! top of `size_baseline.rs`. See `size_seal.rs` for how to build and compare.

#![cfg(target_arch = "wasm32")]

use qkit_export::{decrypt, Identities, ResultRecord};
use wasm_bindgen::prelude::wasm_bindgen;

/// Decrypts `sealed` with `identity` and parses the record; returns its answer count.
#[wasm_bindgen]
pub fn run(sealed: &[u8], identity: &str) -> usize {
    let ids = Identities::parse(identity).expect("identity");
    let plain = decrypt(sealed, &ids).expect("opens");
    let record = ResultRecord::from_json(&plain).expect("parses");
    record.to_json().expect("writes").len()
}
