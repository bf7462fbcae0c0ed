//! qkit-assessor: the assessor's screens, a separate browser bundle from the participant's so
//! that only the assessor's browser carries the `age` crate. Unlock an identity, import sealed
//! records, then the cohort table, each participant's profile, pathway and end-of-programme
//! report, and group allocation. Every number and rule comes from the core crates; only
//! `browser/` (with `qkit_web::browser`) touches browser APIs, and nothing is stored: closing
//! the page forgets everything.

pub mod allocation_words;
mod app;
pub mod browser;
pub mod components;
pub mod import;
pub use qkit_cohort as model;
pub mod names;
pub mod pages;
pub mod state;

pub use app::Assessor;
