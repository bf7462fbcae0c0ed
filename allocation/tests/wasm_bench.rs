//! Benchmark in the browser: allocate 2,000 waiting participants into 200 groups in
//! WebAssembly. Prints numbers to the test log; asserts nothing about time. For the numbers that
//! matter, run the size-tuned release build the app ships:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown -p qkit-allocation --test wasm_bench -- --nocapture`

#![cfg(target_arch = "wasm32")]

#[path = "common/cohort.rs"]
mod cohort;

use qkit_allocation::{allocate, Outcome};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn allocate_2000_participants_into_200_groups() {
    const RUNS: usize = 5;
    let mut times = Vec::new();
    for seed in 0..RUNS as u64 {
        let input = cohort::cohort(2000, 200, seed);
        let start = js_sys::Date::now();
        let allocation = allocate(&input, cohort::today()).expect("consistent input");
        let ms = js_sys::Date::now() - start;
        let placed = allocation
            .assignments
            .iter()
            .filter(|a| matches!(a.outcome, Outcome::Group { .. }))
            .count();
        console_log!("seed {seed}: {ms:.0} ms, {placed} of 2000 placed");
        times.push(ms);
    }
    times.sort_by(f64::total_cmp);
    console_log!(
        "allocate 2000 participants into 200 groups (wasm, browser): median {:.0} ms, max {:.0} ms over {RUNS} cohorts",
        times[RUNS / 2],
        times[RUNS - 1]
    );
}
