//! Benchmark in the browser: the time to seal the example record in WebAssembly (what a
//! participant's laptop does at the end of a battery), to open it, and to unlock drafts at
//! several scrypt work factors. Prints numbers to the test log; asserts nothing about time. For
//! the numbers that matter, run the size-tuned release build the app ships:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown -p qkit-export --test wasm_bench -- --nocapture`

#![cfg(all(feature = "open", target_arch = "wasm32"))]

mod common;

use common::workload;
use qkit_export::at_rest::KdfParams;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn seal_and_open_the_example_record() {
    let mut s = workload::setup();
    const N: usize = 50;
    workload::seal_n(&mut s, 2); // warm up
    let start = js_sys::Date::now();
    let bytes = workload::seal_n(&mut s, N);
    let ms = (js_sys::Date::now() - start) / N as f64;
    console_log!("seal the example record (2 recipients), wasm in the browser: {ms:.2} ms per record ({} bytes)", bytes / N);
    let start = js_sys::Date::now();
    workload::open_n(&mut s, N);
    let ms = (js_sys::Date::now() - start) / N as f64;
    console_log!("open it with the age crate, wasm in the browser: {ms:.2} ms per record");
    let start = js_sys::Date::now();
    workload::draft_n(&mut s, N);
    let ms = (js_sys::Date::now() - start) / N as f64;
    console_log!("draft seal + open, wasm in the browser: {ms:.2} ms per draft");
}

#[wasm_bindgen_test]
fn unlock_drafts_at_several_work_factors() {
    for log_n in [14, 15, 16] {
        let lock = workload::lock(KdfParams { log_n, r: 8, p: 1 });
        let start = js_sys::Date::now();
        let ok = workload::unlock(&lock);
        let ms = js_sys::Date::now() - start;
        assert!(ok, "the lock opens with its passphrase");
        console_log!("draft unlock, scrypt log_n {log_n} r 8 p 1, wasm in the browser: {ms:.0} ms");
    }
}
