//! One module per subcommand.

pub mod allocate;
pub mod export_surveyjs;
pub mod validate;
