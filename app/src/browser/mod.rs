//! The only code that touches browser APIs: storage, the clock, randomness, downloads, files,
//! fetching the app's own files, idle time, focus, form values and the keyboard. Everything else
//! in the app is plain Rust over the core crates.

pub mod clock;
pub mod file;
pub mod keyboard;
pub mod speech;
pub mod storage;
pub mod update;
