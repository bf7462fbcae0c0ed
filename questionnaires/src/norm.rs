//! Norm groups and the rules for judging change, each with its source: what a score is compared
//! with, where its percentile may come from, which change counts as reliable and which cut-off
//! separates the clinical from the non-clinical range.
//!
//! These are validated model types (see [`crate::model`]): every index resolves and every number
//! is in range.

/// Which reliability coefficient a norm reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReliabilityKind {
    Alpha,
    TestRetest,
}

/// A reliability coefficient, strictly between 0 and 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reliability {
    pub kind: ReliabilityKind,
    pub value: f64,
}

/// The role of a norm group in clinically significant change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NormRole {
    Clinical,
    Functional,
}

/// The shape of a norm sample's scores, as its source reports it. Only a roughly normal
/// distribution lets a percentile be read from the normal curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Distribution {
    /// The source reports the scores as roughly normal.
    Normal,
    /// The source reports the scores as skewed (most people score low, as on symptom scales).
    Skewed,
    /// The source does not say.
    NotReported,
}

impl Distribution {
    /// `normal`, `skewed` or `not_reported`.
    pub fn key(self) -> &'static str {
        match self {
            Distribution::Normal => "normal",
            Distribution::Skewed => "skewed",
            Distribution::NotReported => "not_reported",
        }
    }
}

/// A published table of percentile ranks by score.
#[derive(Debug, Clone, PartialEq)]
pub struct PercentileRanks {
    /// `(score, percentile rank)`, scores strictly rising, ranks 0–100 and never falling.
    pub ranks: Vec<(f64, f64)>,
    /// The table's source, with its table or page and how it defines a rank.
    pub source: String,
}

impl PercentileRanks {
    /// The published rank of exactly this score; `None` for a score the table does not list
    /// (a prorated or otherwise fractional score is never interpolated).
    pub fn rank_of(&self, score: f64) -> Option<f64> {
        self.ranks
            .iter()
            .find(|(s, _)| *s == score)
            .map(|&(_, rank)| rank)
    }
}

/// A published norm group.
#[derive(Debug, Clone, PartialEq)]
pub struct Norm {
    pub id: String,
    pub population: String,
    pub n: u32,
    pub mean: f64,
    /// Always greater than 0.
    pub sd: f64,
    pub reliability: Reliability,
    pub citation: String,
    pub role: Option<NormRole>,
    /// Where in the source the values are (table and page), when the definition says.
    pub location: Option<String>,
    /// Whether the values were checked against the source itself (not recalled or taken from a
    /// secondary report).
    pub verified: bool,
    pub distribution: Distribution,
    pub percentile_ranks: Option<PercentileRanks>,
}

/// How clinically significant change is judged, with the norms resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum ClinicalSignificance {
    /// Cut-off c, between the clinical and functional means, weighted by their SDs.
    C { clinical: usize, functional: usize },
    /// Cut-off a: two SDs beyond the clinical mean, towards the functional side.
    A { clinical: usize },
    /// Cut-off b: two SDs beyond the functional mean, towards the clinical side.
    B { functional: usize },
    /// A published caseness threshold.
    Fixed { cutoff: f64, citation: String },
}

/// Which change on a scale counts as reliable (more than measurement error), with its source.
#[derive(Debug, Clone, PartialEq)]
pub enum ReliableChangeRule {
    /// A published threshold: a change of at least `points` is reliable (for example NHS
    /// Talking Therapies' 6 points on the PHQ-9).
    Points { points: f64, citation: String },
    /// Jacobson–Truax with the SD and reliability of a named clinical, forensic or
    /// pre-treatment sample (an index into the scale's norms).
    Norm { norm: usize, citation: String },
    /// Jacobson–Truax with the SD of the cohort's own pre-programme scores and the reliability
    /// of a named norm (an index into the scale's norms): a pre-treatment SD, which Jacobson &
    /// Truax allow when no clinical norm fits.
    CohortPre {
        reliability_norm: usize,
        citation: String,
    },
}
