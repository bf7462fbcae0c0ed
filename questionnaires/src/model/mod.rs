//! The validated questionnaire model.
//!
//! Values of these types only come out of validation, so every reference in them resolves and
//! every number is in range. Fields are public for reading; nothing outside this crate builds
//! them except through [`crate::load_questionnaire`] and friends.
//!
//! This module holds the questionnaire itself; its items, answer options, special answers,
//! scales and programmes have a module each, all re-exported here.

pub use crate::codes::{Code, Codes};
pub use crate::norm::*;
use crate::text::{Lang, Text};

mod item;
mod pictures;
mod programme;
mod scale;
mod special;

pub use item::*;
pub use pictures::*;
pub use programme::*;
pub use scale::*;
pub use special::*;

/// What a questionnaire is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuestionnaireKind {
    /// A published psychometric instrument.
    Instrument,
    /// The kit's consent form; every battery starts with it.
    Consent,
    /// Another kit-authored form (support needs, feedback).
    Form,
}

/// One questionnaire, ready to present and score.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub kind: QuestionnaireKind,
    pub title: Text,
    pub short_title: Text,
    pub instructions: Text,
    pub easy_read_instructions: Option<Text>,
    pub languages: Vec<Lang>,
    pub licence: String,
    /// Whether the permission to use the instrument is documented by its rights holder.
    pub licence_check: LicenceCheck,
    pub source: String,
    pub minutes: u32,
    pub special_answers: Vec<SpecialAnswerRule>,
    pub items: Vec<Item>,
    pub scales: Vec<Scale>,
    pub validity: Validity,
    pub alerts: Vec<Alert>,
    /// The instrument's codes in published terminologies (a LOINC panel), each with its source.
    pub codes: Codes,
    /// Lowercase hex SHA-256 of the definition's canonical JSON (key order fixed, whitespace
    /// dropped), so reformatting a file does not change it but any content change does.
    pub content_hash: String,
}

impl Questionnaire {
    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Position of the item with this id.
    pub fn item_index(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    /// The scale with this id.
    pub fn scale(&self, id: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.id == id)
    }

    /// The rule for a special answer, if this questionnaire offers it.
    pub fn special_answer(&self, kind: SpecialAnswer) -> Option<&SpecialAnswerRule> {
        self.special_answers.iter().find(|r| r.kind == kind)
    }

    /// The special answers offered on one item: the questionnaire's, less any whose meaning one
    /// of the item's own options already carries (an option coded `prefer_not_to_say`, say), so
    /// nothing is offered twice.
    pub fn special_answers_for<'a>(
        &'a self,
        item: &'a Item,
    ) -> impl Iterator<Item = &'a SpecialAnswerRule> + 'a {
        self.special_answers
            .iter()
            .filter(move |r| item.response_scale.option_with_code(r.kind.key()).is_none())
    }

    /// The first item with this role, if any (kit forms).
    pub fn item_with_role(&self, role: ItemRole) -> Option<&Item> {
        self.items.iter().find(|i| i.role == Some(role))
    }

    /// Whether the questionnaire is scored at all.
    pub fn is_scored(&self) -> bool {
        !self.scales.is_empty()
    }
}

/// Whether permission to use an instrument is documented, or the organisation must confirm it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenceCheck {
    /// The rights holder's permission is published, and `licence` quotes it and says where.
    Documented,
    /// No permission statement from the rights holder could be checked: the organisation must
    /// confirm its licence before using the instrument.
    OrganisationMustConfirm,
}

/// Response-quality settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Validity {
    pub min_seconds_per_item: Option<f64>,
    /// Flag when more than this proportion of items is missing; default 0.2.
    pub max_missing_proportion: f64,
    /// Pairs of item indexes whose answers should disagree.
    pub opposite_pairs: Vec<(usize, usize)>,
}

/// An answer staff must be told about before the participant leaves.
#[derive(Debug, Clone, PartialEq)]
pub struct Alert {
    /// Index into the questionnaire's `items`.
    pub item: usize,
    /// Alert when the answer's value is at least this.
    pub at_least: i32,
    /// Also alert when the item is left unanswered or given a special answer, because silence
    /// on a risk item is itself something staff must follow up.
    pub when_unanswered: bool,
    pub message: Text,
}
