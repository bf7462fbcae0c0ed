//! One module per subcommand.

pub mod allocate;
pub mod audio;
pub mod audio_script;
pub mod change;
pub mod cohort;
pub mod decrypt;
pub mod export;
pub mod export_surveyjs;
pub mod keygen;
pub mod score;
pub mod scores;
pub mod seal;
pub mod validate;
pub mod workspace;
