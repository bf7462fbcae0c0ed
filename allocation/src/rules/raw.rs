//! The pathway rules file, exactly as written in JSON (`questionnaires/rules/pathways.json`).
//!
//! These serde types mirror the file key for key and reject unknown keys. Only
//! [`super::validate`] reads them; everything else takes the validated [`super::Rules`].

use serde::Deserialize;
use std::collections::BTreeMap;

/// A whole rules file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRules {
    pub format: u32,
    pub id: String,
    pub version: String,
    /// Where the design comes from, in words.
    pub source: String,
    /// What staff must know about risk levels (they are entered, never calculated).
    pub risk_note: String,
    pub domains: Vec<RawDomain>,
    pub overall: RawOverall,
    /// need level -> risk level -> pathway key.
    pub pathway: BTreeMap<String, BTreeMap<String, String>>,
    pub requirements: Vec<RawRequirement>,
    pub adapted: RawAdapted,
}

/// One need domain and the scales that evidence it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDomain {
    pub id: String,
    pub title: String,
    pub sources: Vec<RawSource>,
}

/// One scale's bands mapped to need levels.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub questionnaire: String,
    pub scale: String,
    /// band id -> need level key.
    pub bands: BTreeMap<String, String>,
}

/// How the domains' levels combine into the overall need.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOverall {
    /// level key -> points.
    pub points: BTreeMap<String, u32>,
    /// Share of the assessed domains' maximum points at or above which need is high.
    pub high_at_least: f64,
    /// Share at or above which need is medium.
    pub medium_at_least: f64,
}

/// An order or licence requirement staff can enter, and the cohort it puts a participant in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirement {
    pub code: String,
    pub label: String,
    pub cohort: String,
}

/// Which answers flag adapted delivery.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdapted {
    pub questionnaire: String,
    pub when_any: Vec<RawAdaptedWhen>,
}

/// Adapted delivery is flagged when the item with `role` is answered with one of `codes`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAdaptedWhen {
    pub role: String,
    pub codes: Vec<String>,
}
