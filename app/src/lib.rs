//! qkit-app: the Yew screens. The app renders state and performs I/O; every rule lives in the
//! core crates (the sitting in qkit-session). Only `browser/` touches `web_sys`, storage and
//! other browser APIs.

mod app;
pub mod browser;
pub mod components;
pub mod hooks;
pub mod key_text;
pub mod keys;
pub mod pages;
pub mod state;
pub mod voices;

pub use app::{App, AppProps};
