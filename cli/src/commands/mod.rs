//! One module per subcommand.

pub mod allocate;
pub mod change;
pub mod cohort;
pub mod export_surveyjs;
pub mod score;
pub mod validate;
