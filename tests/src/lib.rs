//! qkit-tests: shared helpers for the cross-crate tests under `tests/tests/`.
