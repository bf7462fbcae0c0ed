//! Subscales and totals: how item answers combine into a score, what a higher score means, and
//! the bands that cut it.

use super::{ClinicalSignificance, Codes, Colour, Norm, ReliableChangeRule};
use crate::text::Text;

/// Subscale or total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScaleKind {
    Subscale,
    Total,
}

/// How item answers combine into a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Sum,
    Mean,
}

/// How many items must be answered for a score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MinAnswered {
    Count(u32),
    Proportion(f64),
}

impl MinAnswered {
    /// The smallest number of answered items that meets the rule for a scale of `n_items`.
    pub fn required(self, n_items: usize) -> usize {
        match self {
            MinAnswered::Count(n) => n as usize,
            // Proportion is validated to (0, 1], so this lies in 1..=n_items. A tiny tolerance
            // keeps 0.8 × 10 at 8 despite binary rounding.
            MinAnswered::Proportion(p) => ((p * n_items as f64) - 1e-9).ceil().max(1.0) as usize,
        }
    }
}

/// Whether a prorated score is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    None,
    /// To the nearest whole number, half away from zero.
    Integer,
}

/// Whether prorating applies when items are missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prorate {
    On,
    Off,
}

/// What a higher score means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    HigherIsMoreNeed,
    HigherIsLessNeed,
}

impl Direction {
    /// The name used in files and reports.
    pub fn key(self) -> &'static str {
        match self {
            Direction::HigherIsMoreNeed => "higher_is_more_need",
            Direction::HigherIsLessNeed => "higher_is_less_need",
        }
    }
}

/// A subscale or total.
#[derive(Debug, Clone, PartialEq)]
pub struct Scale {
    pub id: String,
    pub kind: ScaleKind,
    pub title: Text,
    /// Indexes into the questionnaire's `items`.
    pub items: Vec<usize>,
    pub method: Method,
    pub min_answered: MinAnswered,
    pub prorate: Prorate,
    pub rounding: Rounding,
    pub direction: Direction,
    pub norms: Vec<Norm>,
    /// Index into `norms`; `None` only when there are no norms.
    pub default_norm: Option<usize>,
    pub bands: Option<Bands>,
    pub clinical_significance: Option<ClinicalSignificance>,
    /// Which change counts as reliable; `None` when the definition names no rule, and then
    /// change is not judged unless the assessor chooses the cohort's own SD.
    pub reliable_change: Option<ReliableChangeRule>,
    /// Lowest possible score.
    pub score_min: f64,
    /// Highest possible score.
    pub score_max: f64,
    /// The score's codes in published terminologies (a LOINC total score), each with its source.
    pub codes: Codes,
}

impl Scale {
    /// The norm with this id.
    pub fn norm(&self, id: &str) -> Option<&Norm> {
        self.norms.iter().find(|n| n.id == id)
    }

    /// The default norm, if the scale has norms.
    pub fn default_norm(&self) -> Option<&Norm> {
        self.default_norm.and_then(|i| self.norms.get(i))
    }
}

/// What band limits are measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BandBasis {
    Score,
    /// T-score against the scale's default norm.
    TScore,
}

/// Cut-offs for a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Bands {
    pub basis: BandBasis,
    pub citation: Option<String>,
    /// In rising order, not overlapping.
    pub bands: Vec<Band>,
}

impl Bands {
    /// The band a value falls in: the band with the greatest `min` not above it (so a value in a
    /// gap between two bands takes the lower one). Values below the first band take the first;
    /// above the last, the last.
    pub fn band_for(&self, value: f64) -> Option<&Band> {
        self.bands
            .iter()
            .rev()
            .find(|b| b.min <= value)
            .or_else(|| self.bands.first())
    }
}

/// One band, limits inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub id: String,
    pub label: Text,
    pub min: f64,
    pub max: f64,
    pub colour: Option<Colour>,
    /// A score in this band puts the answers themselves in doubt (for example a BIS-11 total
    /// below 52): staff check with him, and the score is not read as low or high need.
    pub validity_concern: bool,
}
