//! Hooks both areas use: focus on a new screen's heading, and the idle lock.

mod use_focus;
mod use_idle;

pub use use_focus::{use_focus_on, HEADING_ID};
pub use use_idle::use_idle;
