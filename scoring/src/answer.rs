//! What a participant answered to one item: the input to scoring.

use qkit_questionnaires::{SpecialAnswer, Wording};
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
    /// The wording the item was shown in. An answer given in an easy-read wording that differs
    /// from the published one raises the `adapted_wording` flag: the norms were set on the
    /// original wording.
    #[serde(
        default = "standard",
        skip_serializing_if = "is_standard",
        with = "wording_key"
    )]
    pub wording: Wording,
}

fn standard() -> Wording {
    Wording::Standard
}

fn is_standard(w: &Wording) -> bool {
    *w == Wording::Standard
}

/// Wordings are written `standard` and `easy_read`.
mod wording_key {
    use qkit_questionnaires::Wording;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(w: &Wording, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(match w {
            Wording::Standard => "standard",
            Wording::EasyRead => "easy_read",
        })
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Wording, D::Error> {
        match String::deserialize(de)?.as_str() {
            "standard" => Ok(Wording::Standard),
            "easy_read" => Ok(Wording::EasyRead),
            other => Err(D::Error::custom(format!(
                "unknown wording \"{other}\": expected standard or easy_read"
            ))),
        }
    }
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
