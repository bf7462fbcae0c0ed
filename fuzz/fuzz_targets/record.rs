//! Fuzz target `record`: see `qkit_fuzz::checks::record` for what it feeds and what it asserts.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| qkit_fuzz::checks::record::check(data));
