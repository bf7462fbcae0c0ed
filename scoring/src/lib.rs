//! qkit-scoring: the single source of truth for every number an assessor sees.
//!
//! Pure functions only: no I/O, no clock, no browser. The same code runs in the app, the CLI and
//! the tests.

pub mod answer;
pub mod report;

pub use answer::{Answer, ItemResponse};
pub use report::*;
