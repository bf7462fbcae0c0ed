//! The result record: one participant's battery at one timepoint, with every answer, its
//! history and the score reports. It is the only thing that leaves a participant's device (sealed),
//! and the app keeps an unfinished one as its draft (encrypted at rest).
//!
//! The record is enough to re-score from scratch: each questionnaire carries its id, version and
//! definition hash, and every answer its value or special answer.

use crate::time::Timestamp;
use qkit_questionnaires::{Questionnaire, Timepoint, Wording};
use qkit_scoring::{score, Answer, ItemResponse, NormChoice, ScoreError, ScoreReport};
use serde::{Deserialize, Serialize};

/// The record format this qkit writes and reads.
pub const RECORD_FORMAT: u32 = 1;

/// One participant's battery at one timepoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultRecord {
    /// Always [`RECORD_FORMAT`] when written by this qkit.
    pub format: u32,
    /// The qkit version that wrote the record.
    pub kit_version: String,
    /// The laptop's browser profile that wrote the record ([`crate::device`], e.g. `K7QD-2MXA`),
    /// so the assessor can tell which laptop's files arrived. Records from a qkit before device
    /// ids have none; written only when present.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
    /// A random id for this record, so a file imported twice is recognised.
    pub record_id: String,
    /// The pseudonymous case reference staff entered (never a name).
    pub participant: String,
    /// Programme id from `batteries.json`.
    pub programme: String,
    #[serde(with = "timepoint_key")]
    pub timepoint: Timepoint,
    /// Interface language (e.g. `en`, `cy`): chosen at the start; staff may change it during the
    /// battery, and then it is the latest one. Each answer records the language it was shown in.
    pub language: String,
    /// The support options in use (the latest, if staff changed them during the battery; each
    /// answer records the wording it was shown in).
    pub support: Support,
    /// Whether consent was given, and when.
    pub consent: Consent,
    /// Each sitting: when it started and, once paused or finished, ended.
    pub sittings: Vec<Sitting>,
    /// The battery's questionnaires in order, with answers and reports.
    pub questionnaires: Vec<QuestionnaireResult>,
    /// When the battery was completed; `None` for a draft.
    pub completed_at: Option<Timestamp>,
}

/// Presentation and support options chosen by staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Support {
    pub read_aloud: bool,
    pub easy_read: bool,
    pub pictorial: bool,
    /// Large text (or larger: see `very_large_text`).
    pub large_text: bool,
    /// Very large text; implies `large_text`. Written only when `true`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub very_large_text: bool,
    /// The high-contrast theme. Written only when `true`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub high_contrast: bool,
}

/// The consent decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// `true` only for a recorded "yes" to the consent form.
    pub given: bool,
    /// When the decision was recorded; `None` until it is.
    pub at: Option<Timestamp>,
}

/// One sitting (the battery is often done over several).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sitting {
    pub started_at: Timestamp,
    pub ended_at: Option<Timestamp>,
}

/// One questionnaire's answers and score report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireResult {
    pub id: String,
    pub version: String,
    /// The definition's content hash when it was answered.
    pub content_hash: String,
    /// Current answers, one per answered item, in the order the items were first answered.
    pub answers: Vec<RecordedAnswer>,
    /// The score report, once the questionnaire is finished. Always `None` when `outdated`.
    /// Without the `reports` feature it is skipped when read (always `None`).
    #[cfg_attr(
        not(feature = "reports"),
        serde(default, deserialize_with = "skip_report")
    )]
    pub report: Option<ScoreReport>,
    /// The questionnaire's definition changed (its items, not just its licence or scoring
    /// notes) after these answers were given. The answers are kept exactly as given, under the
    /// `version` and `content_hash` they were answered under, and are never scored or re-scored
    /// unless an assessor loads that older definition. Written only when `true`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub outdated: bool,
}

impl ResultRecord {
    /// Whether the battery is still open: neither completed nor declined (`completed_at` is
    /// `None`). Such a record is a draft's answers so far, e.g. a sitting out of a rescue file;
    /// it carries no reports and is not a result to score.
    pub fn is_unfinished(&self) -> bool {
        self.completed_at.is_none()
    }
}

/// A report read without the `reports` feature: skipped, as the participant's app never reads
/// one (a finished draft's reports are scored again when it is reopened).
#[cfg(not(feature = "reports"))]
fn skip_report<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<ScoreReport>, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| None)
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl QuestionnaireResult {
    /// The current answers as scoring takes them (history is not scored).
    pub fn responses(&self) -> Vec<ItemResponse> {
        self.answers
            .iter()
            .map(|a| ItemResponse {
                item: a.item.clone(),
                answer: a.answer,
                seconds: a.seconds,
                assisted: a.assisted,
                wording: match a.wording {
                    WordingKey::Standard => Wording::Standard,
                    WordingKey::EasyRead => Wording::EasyRead,
                },
            })
            .collect()
    }

    /// Scores the current answers as a record's report is always scored: against each scale's
    /// default norm ([`NormChoice::Default`]). A report in a record must equal this.
    pub fn score(&self, q: &Questionnaire) -> Result<ScoreReport, ScoreError> {
        score(q, &self.responses(), &NormChoice::Default)
    }

    /// The answers to `q` under its current definition, with their report.
    pub fn scored(q: &Questionnaire, answers: Vec<RecordedAnswer>) -> Result<Self, ScoreError> {
        let mut result = QuestionnaireResult {
            id: q.id.clone(),
            version: q.version.clone(),
            content_hash: q.content_hash.clone(),
            answers,
            report: None,
            outdated: false,
        };
        result.report = Some(result.score(q)?);
        Ok(result)
    }
}

/// Which wording an answer was given under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordingKey {
    Standard,
    EasyRead,
}

/// The current answer to one item, with every earlier answer it replaced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordedAnswer {
    pub item: String,
    pub answer: Answer,
    pub wording: WordingKey,
    /// Language the item was shown in.
    pub language: String,
    /// Seconds the item was on screen before this answer.
    pub seconds: f64,
    /// Whether staff entered it on the participant's behalf.
    pub assisted: bool,
    pub answered_at: Timestamp,
    /// Earlier answers to this item, oldest first; each was replaced at the next one's
    /// `answered_at` (or this answer's, for the last).
    pub history: Vec<PreviousAnswer>,
}

/// An answer that was later changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousAnswer {
    pub answer: Answer,
    pub wording: WordingKey,
    pub language: String,
    pub seconds: f64,
    pub assisted: bool,
    pub answered_at: Timestamp,
}

/// Timepoints are written `pre`, `mid`, `post`.
mod timepoint_key {
    use qkit_questionnaires::Timepoint;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(t: &Timepoint, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.key())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Timepoint, D::Error> {
        let key = String::deserialize(d)?;
        Timepoint::from_key(&key)
            .ok_or_else(|| D::Error::custom(format!("timepoint \"{key}\" is not pre, mid or post")))
    }
}
