//! qkit-app: the Yew screens. The app renders state and performs I/O; every rule lives in the
//! core crates. Only `browser/` touches `web_sys`, storage and other browser APIs.

mod app;
pub mod pages;

pub use app::App;
