//! The definition file format, exactly as it is written in JSON.
//!
//! These serde types mirror the files key for key and reject unknown keys. Nothing outside the
//! loader uses them: `validate` turns them into the domain types in [`crate::model`], which cannot
//! be invalid. The format is specified for authors in `questionnaires/README.md`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Text in several languages: language tag -> text.
pub type RawText = BTreeMap<String, String>;

/// One questionnaire definition file (`definitions/<id>.json`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionnaire {
    pub format: u32,
    pub id: String,
    pub version: String,
    pub kind: String,
    pub title: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_title: Option<RawText>,
    pub instructions: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read_instructions: Option<RawText>,
    pub languages: Vec<String>,
    pub licence: String,
    /// `documented` or `organisation_must_confirm` (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence_check: Option<String>,
    pub source: String,
    pub minutes: u32,
    pub response_scales: Vec<RawResponseScale>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub special_answers: Vec<RawSpecialAnswer>,
    pub items: Vec<RawItem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<RawScale>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<RawValidity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alerts: Vec<RawAlert>,
    #[serde(default, skip_serializing)]
    pub codes: RawCodes,
}

/// The `codes` of a questionnaire, item, option or scale. Never serialised, so they are not
/// part of the content hash. With the `codes` feature they are read and checked; without it
/// (the participant's app, which never shows them) they are accepted and skipped unread.
#[cfg(feature = "codes")]
pub type RawCodes = Vec<RawCode>;
/// See the `codes` feature's version.
#[cfg(not(feature = "codes"))]
pub type RawCodes = serde::de::IgnoredAny;

/// A code from a published terminology, with where it was checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCode {
    pub system: String,
    pub code: String,
    pub display: String,
    pub source: String,
}

/// A set of ordered answer options shared by items.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawResponseScale {
    pub id: String,
    pub options: Vec<RawOption>,
}

/// One answer option.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub value: i32,
    pub label: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read_label: Option<RawText>,
    pub colour: String,
    pub pictogram: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub audio: BTreeMap<String, String>,
    #[serde(default, skip_serializing)]
    pub codes: RawCodes,
}

/// A special answer the questionnaire offers, and how scoring treats it.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpecialAnswer {
    pub kind: String,
    pub policy: String,
}

/// One question.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: String,
    pub text: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub easy_read: Option<RawText>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub audio: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub easy_read_audio: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
    pub response_scale: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reverse_keyed: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub staff_only: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing)]
    pub codes: RawCodes,
}

/// A subscale or total.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub id: String,
    pub kind: String,
    pub title: RawText,
    pub items: Vec<String>,
    pub method: String,
    pub min_answered: RawMinAnswered,
    pub prorate: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<String>,
    pub direction: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub norms: Vec<RawNorm>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_norm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands: Option<RawBands>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_significance: Option<RawClinicalSignificance>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliable_change: Option<RawReliableChange>,
    #[serde(default, skip_serializing)]
    pub codes: RawCodes,
}

/// How many items must be answered: exactly one of the two keys.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawMinAnswered {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proportion: Option<f64>,
}

/// A published norm group.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNorm {
    pub id: String,
    pub population: String,
    pub n: u32,
    pub mean: f64,
    pub sd: f64,
    pub reliability: RawReliability,
    pub citation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Where in the source the values are: table and page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Whether the values were checked against the source itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub verified: bool,
    /// `normal`, `skewed` or `not_reported` (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distribution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percentile_ranks: Option<RawPercentileRanks>,
}

/// A published table of percentile ranks: `[score, rank]` pairs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPercentileRanks {
    pub source: String,
    pub ranks: Vec<[f64; 2]>,
}

/// Which change counts as reliable: `points`, `norm` or `cohort_pre`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawReliableChange {
    pub method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability_norm: Option<String>,
    pub citation: String,
}

/// The reliability coefficient used for reliable change.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawReliability {
    pub kind: String,
    pub value: f64,
}

/// Cut-offs: what the band limits are measured on, and the bands.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawBands {
    pub basis: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    pub bands: Vec<RawBand>,
}

/// One band, limits inclusive.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub id: String,
    pub label: RawText,
    pub min: f64,
    pub max: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub validity_concern: bool,
}

/// How clinically significant change is judged.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawClinicalSignificance {
    pub method: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clinical_norm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub functional_norm: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
}

/// Response-quality settings.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawValidity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_seconds_per_item: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_missing_proportion: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opposite_pairs: Vec<[String; 2]>,
}

/// An answer that staff must know about before the participant leaves.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlert {
    pub item: String,
    pub at_least: i32,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub when_unanswered: bool,
    pub message: RawText,
}

/// The batteries file (`batteries.json`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawBatteries {
    pub format: u32,
    pub programmes: Vec<RawProgramme>,
}

/// One programme and its battery at each timepoint.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawProgramme {
    pub id: String,
    pub name: RawText,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<RawText>,
    pub pre: Vec<String>,
    pub mid: Vec<String>,
    pub post: Vec<String>,
    /// When mid and post fall due (`schedule.rs`); skipped unread without the `schedule` feature.
    #[serde(default, skip_serializing)]
    pub schedule: crate::schedule::RawSchedule,
}

/// One language's interface strings (`ui/<lang>.json`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawUiStrings {
    pub format: u32,
    pub lang: String,
    pub name: String,
    pub strings: BTreeMap<String, String>,
}
