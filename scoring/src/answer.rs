//! What a participant answered to one item: the input to scoring.

use qkit_questionnaires::SpecialAnswer;
use serde::{Deserialize, Serialize};

/// An answer: one of the item's option values, or a special answer. An item with no
/// [`ItemResponse`] at all is unanswered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The option value chosen (before reverse keying).
    Value(i32),
    /// "Don't know", "prefer not to say" or "I don't understand this question".
    Special(#[serde(with = "special_key")] SpecialAnswer),
}

/// The answer to one item, as scoring needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemResponse {
    /// The item's id.
    pub item: String,
    pub answer: Answer,
    /// Seconds the item was on screen before it was answered; `0.0` when not timed (answers
    /// typed in from paper or read from a CSV file). The too-fast check uses timed answers only.
    pub seconds: f64,
    /// Whether staff entered the answer on the participant's behalf.
    pub assisted: bool,
}

/// Special answers are written with their definition-file names (`dont_know`, …).
mod special_key {
    use qkit_questionnaires::SpecialAnswer;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(s: &SpecialAnswer, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.key())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<SpecialAnswer, D::Error> {
        let key = String::deserialize(de)?;
        SpecialAnswer::from_key(&key)
            .ok_or_else(|| D::Error::custom(format!("unknown special answer \"{key}\"")))
    }
}
