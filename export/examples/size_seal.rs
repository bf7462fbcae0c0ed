//! Size probe, not a program: the participant's sealing path (parse the recipient, seal the
//! record with the browser's CSPRNG) on top of `size_baseline.rs`. Build and compare:
//!
//! ```text
//! for p in size_baseline size_seal size_draft size_participant size_open; do
//!   features=--no-default-features; [ $p = size_open ] && features=
//!   cargo build --release --target wasm32-unknown-unknown -p qkit-export $features --example $p
//!   wasm-bindgen --target web --out-dir target/size/$p target/wasm32-unknown-unknown/release/examples/$p.wasm
//!   wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
//!     --enable-mutable-globals target/size/$p/${p}_bg.wasm -o target/size/$p.wasm
//!   gzip -9 -c target/size/$p.wasm | wc -c
//! done
//! ```

#![cfg(target_arch = "wasm32")]

use qkit_export::{seal, Recipient, ResultRecord};
use rand_core::OsRng;
use wasm_bindgen::prelude::wasm_bindgen;

const RECORD: &str = include_str!("../../docs/examples/record.json");

/// Parses the record, seals it to `recipient`; returns the sealed length.
#[wasm_bindgen]
pub fn run(recipient: &str) -> usize {
    let record = ResultRecord::from_json(RECORD.as_bytes()).expect("parses");
    let recipient: Recipient = recipient.parse().expect("a recipient");
    seal(&record, &[recipient], &mut OsRng)
        .expect("seals")
        .len()
}
