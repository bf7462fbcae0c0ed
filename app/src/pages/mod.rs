//! One screen per file. `start` is the staff start screen; `sitting` shows whichever screen the
//! open sitting is on.

pub mod consent;
pub mod declined;
pub mod handover;
pub mod item;
pub mod pause;
pub mod section;
pub mod sitting;
pub mod start;
pub mod summary;
pub mod thank_you;
