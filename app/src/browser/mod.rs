//! The only code that touches browser APIs: storage, the clock, randomness, downloads, files,
//! fetching the app's own files, idle time, focus, form values, the keyboard and the worker
//! that runs scrypt. Everything else in the app is plain Rust over the core crates.

pub mod clock;
pub mod file;
pub mod kdf;
pub mod keyboard;
pub mod speech;
pub mod storage;
pub mod update;
