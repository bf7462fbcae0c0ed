//! Fuzz target `kit_files`: see `qkit_fuzz::checks::kit_files` for what it feeds and what it asserts.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| qkit_fuzz::checks::kit_files::check(data));
