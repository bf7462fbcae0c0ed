//! Why a set of answers cannot be scored at all: answers that do not fit the questionnaire.
//!
//! Incomplete answers are not errors (they give `not_scorable` scales); these are answers that
//! name something the definition does not have, which would otherwise be scored silently wrong.

use qkit_questionnaires::SpecialAnswer;
use thiserror::Error;

/// Answers that do not fit the questionnaire they are scored against.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ScoreError {
    /// An answer names an item the questionnaire does not have.
    #[error("questionnaire \"{questionnaire}\" has no item \"{item}\"")]
    UnknownItem { questionnaire: String, item: String },
    /// A value that is not one of the item's option values.
    #[error("item \"{item}\": {value} is not one of its option values ({options})")]
    ValueNotAnOption {
        item: String,
        value: i32,
        /// The allowed values, comma separated, for the message.
        options: String,
    },
    /// A special answer the questionnaire does not offer.
    #[error("item \"{item}\": the special answer \"{}\" is not offered by this questionnaire", answer.key())]
    SpecialNotOffered { item: String, answer: SpecialAnswer },
    /// Two answers for one item. The caller keeps only the current answer per item (earlier
    /// answers are history, not responses), so two means the input is corrupt; scoring either
    /// one silently would hide that.
    #[error("item \"{item}\" is answered more than once")]
    DuplicateResponse { item: String },
    /// Seconds on screen must be a finite number, zero (not timed) or more.
    #[error(
        "item \"{item}\": seconds on screen is {}, not a number of seconds ≥ 0",
        qkit_questionnaires::number::number_text(*.seconds)
    )]
    BadSeconds { item: String, seconds: f64 },
    /// A norm group that no scale of the questionnaire has.
    #[error(
        "questionnaire \"{questionnaire}\" has no norm group \"{norm}\" (it has: {available})"
    )]
    UnknownNormGroup {
        questionnaire: String,
        norm: String,
        /// The norm ids the questionnaire's scales have, comma separated.
        available: String,
    },
}

impl ScoreError {
    /// A stable key naming the kind of error, for test vectors and machine-readable output.
    pub fn key(&self) -> &'static str {
        match self {
            ScoreError::UnknownItem { .. } => "unknown_item",
            ScoreError::ValueNotAnOption { .. } => "value_not_an_option",
            ScoreError::SpecialNotOffered { .. } => "special_not_offered",
            ScoreError::DuplicateResponse { .. } => "duplicate_response",
            ScoreError::BadSeconds { .. } => "bad_seconds",
            ScoreError::UnknownNormGroup { .. } => "unknown_norm_group",
        }
    }
}
