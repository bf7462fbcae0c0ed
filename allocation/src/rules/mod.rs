//! Pathway rules: a data file, loaded in two stages (raw serde types, then validation against a
//! kit into [`Rules`]). The format is specified in `questionnaires/rules/README.md`.

pub mod error;
pub mod model;
mod raw;
mod validate;

pub use error::{RulesError, RulesErrorKind, RulesErrors};
pub use model::*;
pub use validate::{MAX_RULES_BYTES, RULES_FORMAT};

use qkit_questionnaires::Kit;

/// The default rules shipped with qkit, as (file name, contents).
pub const SHIPPED: (&str, &str) = (
    "pathways.json",
    include_str!("../../../questionnaires/rules/pathways.json"),
);

impl Rules {
    /// Loads and validates a rules file against `kit`. `file` names the file in messages.
    pub fn load(file: &str, text: &str, kit: &Kit) -> Result<Rules, RulesErrors> {
        validate::validate(file, text, kit)
    }

    /// The shipped default rules, checked against `kit`.
    pub fn shipped(kit: &Kit) -> Result<Rules, RulesErrors> {
        Rules::load(SHIPPED.0, SHIPPED.1, kit)
    }
}
