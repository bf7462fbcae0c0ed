//! Fuzz target `allocation_csv`: see `qkit_fuzz::checks::allocation_csv` for what it feeds and what it asserts.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| qkit_fuzz::checks::allocation_csv::check(data));
