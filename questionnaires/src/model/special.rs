//! Answers that are not one of the scale's options ("don't know", "don't understand", "prefer
//! not to say"), how scoring treats them, and which a questionnaire offers.

/// An answer that is not one of the scale's options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SpecialAnswer {
    DontKnow,
    PreferNotToSay,
    DontUnderstand,
}

impl SpecialAnswer {
    /// Every special answer, in display order.
    pub const ALL: [SpecialAnswer; 3] = [
        SpecialAnswer::DontKnow,
        SpecialAnswer::PreferNotToSay,
        SpecialAnswer::DontUnderstand,
    ];

    /// The short code used in CSV files: `DK`, `PNS`, `DU`.
    pub fn code(self) -> &'static str {
        match self {
            SpecialAnswer::DontKnow => "DK",
            SpecialAnswer::PreferNotToSay => "PNS",
            SpecialAnswer::DontUnderstand => "DU",
        }
    }

    /// Parses a CSV code.
    pub fn from_code(code: &str) -> Option<SpecialAnswer> {
        SpecialAnswer::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The name used in definition files and records.
    pub fn key(self) -> &'static str {
        match self {
            SpecialAnswer::DontKnow => "dont_know",
            SpecialAnswer::PreferNotToSay => "prefer_not_to_say",
            SpecialAnswer::DontUnderstand => "dont_understand",
        }
    }

    /// Parses a definition-file name.
    pub fn from_key(key: &str) -> Option<SpecialAnswer> {
        SpecialAnswer::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// How scoring treats a special answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialAnswerPolicy {
    /// Counts as unanswered.
    Missing,
    /// Counts as unanswered, and the item is listed for staff to revisit.
    MissingAndFlag,
}

/// A special answer a questionnaire offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialAnswerRule {
    pub kind: SpecialAnswer,
    pub policy: SpecialAnswerPolicy,
}
