//! Rules-file errors: what is wrong, in which file, at which JSON path.

use thiserror::Error;

/// One problem found in a pathway rules file.
///
/// Displayed as `file: path: message`, e.g.
/// `pathways.json: $.domains[0].sources[1].bands: band "severe" of phq9 scale "total" has no need level`.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{file}: {path}: {kind}")]
pub struct RulesError {
    /// The file name the rules came from.
    pub file: String,
    /// JSON path of the offending value, `$` for the whole file.
    pub path: String,
    /// What is wrong.
    pub kind: RulesErrorKind,
}

/// What is wrong with a rules file. Each variant is one class of problem.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RulesErrorKind {
    /// The file is not JSON, or not JSON of the expected shape (includes unknown keys).
    #[error("{0}")]
    Json(String),
    /// The file is larger than qkit accepts.
    #[error("file is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    /// The `format` key names a format this qkit does not read.
    #[error("format {found} is not supported; this qkit reads format {supported}")]
    UnsupportedFormat { found: u32, supported: u32 },
    /// An id or code is not lowercase letters, digits and `_` starting with a letter.
    #[error("id \"{0}\" must be lowercase letters, digits and _ and start with a letter")]
    BadId(String),
    /// Two things that need distinct ids share one.
    #[error("duplicate {what} \"{id}\"")]
    Duplicate { what: &'static str, id: String },
    /// A questionnaire the kit does not have.
    #[error("unknown questionnaire \"{0}\"")]
    UnknownQuestionnaire(String),
    /// A scale the questionnaire does not have.
    #[error("questionnaire \"{questionnaire}\" has no scale \"{scale}\"")]
    UnknownScale {
        questionnaire: String,
        scale: String,
    },
    /// A mapped scale has no bands to map from.
    #[error("{questionnaire} scale \"{scale}\" has no bands, so it cannot give a need level")]
    NoBands {
        questionnaire: String,
        scale: String,
    },
    /// A band the scale does not have.
    #[error("{questionnaire} scale \"{scale}\" has no band \"{band}\"")]
    UnknownBand {
        questionnaire: String,
        scale: String,
        band: String,
    },
    /// A band of a mapped scale is given no need level.
    #[error("band \"{band}\" of {questionnaire} scale \"{scale}\" has no need level")]
    UnmappedBand {
        questionnaire: String,
        scale: String,
        band: String,
    },
    /// A band its definition marks as a validity concern is given a need level: a score there
    /// puts the answers in doubt and is never read as need.
    #[error(
        "band \"{band}\" of {questionnaire} scale \"{scale}\" is a validity concern: it takes no need level"
    )]
    ValidityBandMapped {
        questionnaire: String,
        scale: String,
        band: String,
    },
    /// A key holds a value outside its allowed set.
    #[error("\"{found}\" is not one of {allowed}")]
    NotAllowed {
        found: String,
        allowed: &'static str,
    },
    /// A number outside its allowed range.
    #[error("{what} must be {rule}, found {found}")]
    OutOfRange {
        what: &'static str,
        rule: &'static str,
        found: String,
    },
    /// The need × risk matrix lacks a cell.
    #[error("no pathway for {need} need and {risk} risk")]
    MissingCell { need: String, risk: String },
    /// The questionnaire has no item with the role.
    #[error("questionnaire \"{questionnaire}\" has no item with role \"{role}\"")]
    NoItemWithRole { questionnaire: String, role: String },
    /// An answer code the item's options do not have.
    #[error("item \"{item}\" has no option with code \"{code}\"")]
    UnknownCode { item: String, code: String },
    /// A list that must not be empty is empty.
    #[error("{what} needs at least {min}")]
    TooFew { what: &'static str, min: usize },
    /// A cross-field rule is broken.
    #[error("{0}")]
    Rule(String),
}

/// Every problem found in a rules file; never empty.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct RulesErrors(pub Vec<RulesError>);
