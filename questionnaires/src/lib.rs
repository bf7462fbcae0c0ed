//! qkit-questionnaires: the questionnaire definitions and the model that loads and validates them.
//!
//! Definitions are JSON files (format: `questionnaires/README.md`). Loading has two stages: serde
//! types that mirror the files ([`raw`]) and validation into the [`model`], whose values cannot be
//! invalid. Problems come back as [`DefinitionErrors`], each naming file, JSON path and item.
//!
//! ```
//! use qkit_questionnaires::{Kit, Timepoint};
//!
//! let kit = Kit::shipped().expect("the shipped definitions are valid");
//! let battery = kit.battery("tsp", Timepoint::Pre).expect("TSP has a pre battery");
//! assert_eq!(battery[0].id, "consent");
//! ```

pub mod codes;
pub mod error;
pub mod kit;
pub mod local_kit;
pub mod model;
pub mod norm;
pub mod number;
pub mod raw;
pub mod recordings;
pub mod schedule;
pub mod shipped;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
pub mod text;
pub mod ui;
mod validate;
pub mod warnings;

pub use codes::{Code, LOINC};
pub use error::{DefinitionError, DefinitionErrorKind, DefinitionErrors};
pub use kit::{Kit, KitSources, BATTERIES_FILE};
pub use model::*;
pub use text::{Lang, Text};
pub use ui::UiStrings;
pub use validate::{
    not_one_object, FORMAT, MAX_BATTERY_LIST, MAX_FILE_BYTES, MAX_ITEMS, MAX_OPTIONS, MAX_RULES,
    MAX_SCALES, MAX_SMALL_LIST,
};
pub use warnings::KitWarning;

/// Loads and validates one questionnaire file on its own (no battery or cross-file checks).
/// `file` is the file name, used in messages and checked against the id.
pub fn load_questionnaire(file: &str, text: &str) -> Result<Questionnaire, DefinitionErrors> {
    validate::validate_questionnaire(file, text)
}
