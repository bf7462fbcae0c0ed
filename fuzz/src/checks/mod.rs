//! What each fuzz target checks, as plain functions over bytes. No input may panic, hang or
//! allocate without bound; every API gives a typed error with a message, or a value that keeps
//! its invariants (a definition that loads scores within its range, a responses file that reads
//! scores, a record that validates still validates after a JSON round trip, what qkit seals opens
//! with the age crate). A broken invariant is an assertion failure, which the fuzzer reports.
//!
//! The cargo-fuzz targets (`fuzz/fuzz_targets/`) and the proptest mirrors in the normal test
//! suite (`tests/tests/hardening_*.rs`, which include this folder by path) call these functions,
//! so both check exactly the same things.

pub mod allocation_csv;
pub mod definition;
pub mod draft;
pub mod kit_files;
pub mod open;
pub mod record;
pub mod responses_csv;
pub mod rules;
pub mod seal_roundtrip;

use qkit_questionnaires::Kit;
use std::borrow::Cow;
use std::fmt::Display;
use std::sync::OnceLock;

/// The shipped kit, loaded once per process.
pub fn shipped_kit() -> &'static Kit {
    static KIT: OnceLock<Kit> = OnceLock::new();
    KIT.get_or_init(|| Kit::shipped().expect("the shipped definitions are valid"))
}

/// The input as text for APIs that take `&str`. Invalid UTF-8 is replaced rather than skipped,
/// so byte-level mutations still reach the parser (the CLI refuses non-UTF-8 files on reading).
pub fn text(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// The first byte, which picks a variant of the target, and the rest of the input.
pub fn selector(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((&first, rest)) => (first, rest),
        None => (0, data),
    }
}

/// An error's message: never empty, and (when given) starting with `place`: the file, line or
/// JSON path it names.
pub fn assert_message(error: &impl Display, place: Option<&str>) {
    let message = error.to_string();
    assert!(!message.trim().is_empty(), "an error with no message");
    if let Some(place) = place {
        assert!(
            message.starts_with(place),
            "an error that does not start with {place}: {message}"
        );
    }
}
