//! The only code that touches browser APIs: storage, the clock, random ids, focus, form values
//! and the keyboard. Everything else in the app is plain Rust over the core crates.

pub mod clock;
pub mod dom;
pub mod keyboard;
pub mod random;
pub mod storage;
