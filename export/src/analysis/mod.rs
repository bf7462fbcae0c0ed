//! Results ready for analysis: the opened records as one table, one row per participant ×
//! programme × timepoint, with every item's answer and every scale's score, and the files that
//! carry it into R, SPSS and FHIR.
//!
//! - [`table()`] builds the [`Table`]: the variables (named by [`names`], labelled in one
//!   language) and the rows. Scores are the records' reports, which opening has already checked
//!   by scoring the answers again ([`crate::validate_record`]): no second scorer.
//! - [`data_csv`] writes the data (UTF-8 CSV: codes, not labels); [`r_script`] and
//!   [`spss_syntax`] read it with labels, types and missing codes; [`codebook_csv`] and
//!   [`codebook_markdown`] describe every variable; [`fhir::fhir_bundle`] writes FHIR R4 resources.
//! - [`export_files`] names and fills the files of one export ([`Format`]: R, SPSS or FHIR), the
//!   list both `qkit export` and the assessor's cohort screen write; [`zip_files`] (feature
//!   `zip`, assessor side) packs them into one zip file.
//!
//! Special answers ("Don't know", "Prefer not to say", "I don't understand this question") are
//! kept apart from unanswered items: each has its own code, [`special_code`], below every
//! option's value, and R and SPSS both treat the codes as missing values. An unanswered item is
//! an empty cell.

mod codebook;
mod codebook_codes;
pub mod fhir;
mod files;

pub mod names;
mod r;
mod spss;
mod table;
mod variables;
mod write;
#[cfg(feature = "zip")]
mod zip_file;

pub use codebook::{codebook_csv, codebook_markdown};
pub use files::{export_files, Export, ExportFile, Format, DATA_FILE, LEFT_OUT_FILE};
pub use r::r_script;
pub use spss::spss_syntax;
pub use table::{languages_shown, main_language, special_code, table};
pub use write::{data_csv, left_out_csv};
#[cfg(feature = "zip")]
pub use zip_file::{zip_files, ZipError};

use qkit_questionnaires::{Lang, SpecialAnswer, Timepoint};

/// The records as an analysis table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The language of every label.
    pub lang: Lang,
    /// Every column, in order.
    pub variables: Vec<Variable>,
    /// One row per participant × programme × timepoint, a cell per variable.
    pub rows: Vec<Vec<Cell>>,
    /// Questionnaire results left out of the rows, each named (see [`Note`]).
    pub notes: Vec<Note>,
}

/// One column.
#[derive(Debug, Clone, PartialEq)]
pub struct Variable {
    /// Valid in R and SPSS, at most 64 bytes, unique (see [`names`]).
    pub name: String,
    /// What it is, in the table's language: the item's text for an item.
    pub label: String,
    pub storage: Storage,
    pub measure: Measure,
    /// Valid codes and their labels, in the definition's order (empty for free numbers and text).
    pub values: Vec<ValueLabel>,
    /// Codes for the special answers offered on the item: missing values in R and SPSS.
    pub missing: Vec<SpecialCode>,
    /// Where it comes from, for the codebook.
    pub about: About,
}

/// How a column is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// Whole or fractional numbers.
    Numeric,
    /// Text up to this many bytes (at least 1).
    Text(usize),
}

/// The measurement level SPSS records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    Nominal,
    Ordinal,
    Scale,
}

/// A code and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueLabel {
    pub code: i32,
    pub label: String,
}

/// A special answer's code on one item.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecialCode {
    pub kind: SpecialAnswer,
    pub code: i32,
    pub label: String,
}

/// What a column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum About {
    /// A field of the record: `participant`, `programme`, `timepoint`, `completed`, `language`.
    Record(&'static str),
    /// The definition version a questionnaire was answered under.
    Version { questionnaire: String },
    /// The wording its items were shown in.
    Wording { questionnaire: String },
    /// The language its items were shown in (each answer records its own).
    Language { questionnaire: String },
    /// An item's answer (index into the questionnaire's items).
    Item { questionnaire: String, item: usize },
    /// A scale's score (index into its scales).
    Score { questionnaire: String, scale: usize },
    /// The band of a scale's score.
    Band { questionnaire: String, scale: usize },
    /// How a scale's score was given ([`status_code`]): from every item it needs, prorated for
    /// missing items, or not at all (too few answered).
    Status { questionnaire: String, scale: usize },
}

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Unanswered, not asked, or not scorable.
    Empty,
    Int(i64),
    Num(f64),
    Text(String),
}

/// A questionnaire result left out of the table (its answers and scores; its row keeps the
/// version it was answered under), and why: every one is named in `left_out.csv`, on the CLI's
/// stderr and on the assessor's export screen.
///
/// Opening a record proves each result not marked outdated was answered under the kit's own
/// definition, so in practice every result left out is one whose definition changed part-way
/// through its sitting: its answers were kept under the old version and never scored, so there
/// is no score to export and its answers do not fit the kit's items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub participant: String,
    pub programme: String,
    pub timepoint: Timepoint,
    pub questionnaire: String,
    /// The definition version it was answered under.
    pub version: String,
    /// The kit's version of the questionnaire; `None` when the kit no longer has it.
    pub kit_version: Option<String>,
    pub reason: LeftOut,
    /// How many answers the record keeps for it.
    pub answers: usize,
}

/// Why a questionnaire result was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeftOut {
    /// Its definition changed part-way through the sitting (the record marks it `outdated`):
    /// the answers given before the change are kept under the old version and never scored.
    ChangedDuringSitting,
    /// It was answered under another definition than the kit's (a record the kit's checks
    /// would refuse to open; kept for completeness).
    OtherDefinition,
}

impl LeftOut {
    /// The reason's code in `left_out.csv`.
    pub fn code(self) -> &'static str {
        match self {
            LeftOut::ChangedDuringSitting => "definition_changed_during_sitting",
            LeftOut::OtherDefinition => "answered_under_another_definition",
        }
    }
}

/// The codes of a score's status variable (`<questionnaire>_<scale>_status`).
pub mod status_code {
    /// Scored from every item the scale needs (or all it allows without prorating).
    pub const OK: i32 = 1;
    /// Items were missing and the score was prorated by the scale's rule.
    pub const PRORATED: i32 = 2;
    /// Too few items answered: no score.
    pub const NOT_SCORABLE: i32 = 3;
}

/// The codes of the wording variable (`<questionnaire>_wording`).
pub mod wording_code {
    /// Every answer in the published wording.
    pub const STANDARD: i32 = 1;
    /// Every answer in the easy-read wording.
    pub const EASY_READ: i32 = 2;
    /// Some answers in each.
    pub const MIXED: i32 = 3;
}

#[cfg(test)]
mod tests;
