//! Custom hooks: effects that reach the browser, run after render.

mod use_keys;
mod use_reading;
mod use_update;
mod use_voices;
mod use_watch;

pub use use_keys::use_keys;
pub use use_reading::use_reading;
pub use use_update::use_update_ready;
pub use use_voices::use_voices;
pub use use_watch::use_watch;
