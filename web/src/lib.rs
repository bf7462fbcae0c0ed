//! qkit-web: what the participant app (`qkit-app`) and the assessor area (`qkit-assessor`) share
//! in the browser, so that neither depends on the other: the kit context every screen reads, the
//! kit configuration, the words both areas use for numbers and flags,
//! the language switch, and the `browser/` helpers (DOM, downloads, fetching the app's own files,
//! the idle watch, randomness, chosen definition files). Only `browser/` touches browser APIs.

pub mod browser;
pub mod components;
pub mod config;
mod context;
pub mod hooks;
pub mod words;

pub use context::KitContext;
