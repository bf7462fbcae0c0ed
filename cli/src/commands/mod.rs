//! One module per subcommand.

pub mod export_surveyjs;
pub mod validate;
