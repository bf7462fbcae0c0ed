//! qkit's fuzzing harness: the checks each cargo-fuzz target runs (`fuzz_targets/`). The same
//! checks run in the normal test suite as proptest mirrors (`tests/tests/hardening_*.rs`), which
//! include `src/checks/` by path.

pub mod checks;
