//! The score report: everything scoring says about one completed questionnaire.
//!
//! Reports are data: they serialise into result records and re-scoring a record must give an
//! equal report. They hold ids, never display text, so they do not depend on a language.

use crate::answer::Answer;
use serde::{Deserialize, Serialize};

/// Every fractional number in a report is kept to 6 decimal places. A number with at most 15
/// significant digits is printed and parsed back exactly by any JSON reader (no
/// round-trip-exact float parser needed), so a report read from a record compares equal to the
/// same answers scored again.
pub fn report_number(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}
use std::fmt;

/// The scored result of one questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreReport {
    pub questionnaire: String,
    pub version: String,
    /// The definition's content hash (see `Questionnaire::content_hash`).
    pub content_hash: String,
    /// Items in the questionnaire.
    pub n_items: usize,
    /// Items with a value answer (special answers and unanswered items are missing).
    pub n_answered: usize,
    /// One entry per subscale and total, in definition order.
    pub scales: Vec<ScaleScore>,
    /// Response-quality flags. They never change a score.
    pub flags: Vec<QualityFlag>,
    /// Items given a special answer whose policy flags them for staff ("I don't understand").
    pub revisit: Vec<String>,
    /// Answers staff must be told about at once (e.g. PHQ-9 item 9).
    pub alerts: Vec<AlertHit>,
}

/// Subscale or total, as written in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScaleKindKey {
    Subscale,
    Total,
}

/// What a higher score means, as written in reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DirectionKey {
    HigherIsMoreNeed,
    HigherIsLessNeed,
}

/// The score on one subscale or total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleScore {
    pub scale: String,
    pub kind: ScaleKindKey,
    pub n_items: usize,
    pub n_answered: usize,
    /// Sum of the answered items after reverse keying.
    pub raw_sum: i64,
    /// Mean of the answered keyed items; `None` when nothing was answered.
    pub item_mean: Option<f64>,
    /// The official score by the scale's rule; `None` when not scorable.
    pub score: Option<f64>,
    pub status: ScoreStatus,
    /// Standing against the chosen norm group; `None` without a score or a norm.
    pub norm: Option<NormedScore>,
    /// The band id the score falls in; `None` without a score or bands.
    pub band: Option<String>,
    pub direction: DirectionKey,
}

/// Whether a score could be given, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreStatus {
    /// Every item answered (or the rule allows fewer and prorating is off).
    Ok,
    /// Items were missing; the score was prorated by the scale's rule.
    Prorated,
    /// The minimum-answered rule was not met.
    NotScorable(NotScorable),
}

/// `ok`, `prorated` or `not_scorable:<reason>`, as the CLI writes it.
impl fmt::Display for ScoreStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScoreStatus::Ok => f.write_str("ok"),
            ScoreStatus::Prorated => f.write_str("prorated"),
            ScoreStatus::NotScorable(reason) => write!(f, "not_scorable:{reason}"),
        }
    }
}

/// Why a scale could not be scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotScorable {
    /// Fewer items were answered than the minimum-answered rule requires.
    TooFewAnswered { answered: usize, required: usize },
}

/// A short reason without spaces or commas, e.g. `too_few_answered_need_7`.
impl fmt::Display for NotScorable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotScorable::TooFewAnswered { required, .. } => {
                write!(f, "too_few_answered_need_{required}")
            }
        }
    }
}

/// A score against a norm group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NormedScore {
    /// The norm group's id.
    pub norm: String,
    /// (score − mean) / SD.
    pub z: f64,
    /// 50 + 10z: a linear standard score. It reads as a percentile only on a normal norm; see
    /// `cautions`.
    pub t: f64,
    /// The percentile rank, 0–100: from the norm's published table, else from the normal curve
    /// where the norm's source reports roughly normal scores; `None` otherwise (see
    /// `percentile_basis`).
    pub percentile: Option<f64>,
    /// Absent in records written before the basis was recorded: those took the normal curve.
    #[serde(default)]
    pub percentile_basis: PercentileBasis,
    /// What a reader of z, T or the percentile must know, in a fixed order. Empty when nothing.
    #[serde(default)]
    pub cautions: Vec<NormCaution>,
}

/// Where a percentile came from, or why there is none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PercentileBasis {
    /// The norm's published table of percentile ranks.
    Table,
    /// The normal curve: the norm's source reports roughly normal scores.
    #[default]
    NormalCurve,
    /// None: the norm's scores are skewed or their shape is not reported, and it has no table,
    /// so the normal curve would misstate how rare the score is.
    NoneNotNormal,
    /// None: the norm's table does not list this score (a prorated score, say).
    NoneNotInTable,
}

impl PercentileBasis {
    /// `table`, `normal_curve`, `none:not_normal` or `none:not_in_table`, as the CLI writes it.
    pub fn key(self) -> &'static str {
        match self {
            PercentileBasis::Table => "table",
            PercentileBasis::NormalCurve => "normal_curve",
            PercentileBasis::NoneNotNormal => "none:not_normal",
            PercentileBasis::NoneNotInTable => "none:not_in_table",
        }
    }
}

/// Something a reader of a normed score must know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NormCaution {
    /// |z| is above 3 (T below 20 or above 80): beyond what a norm sample describes, so the
    /// number says "far from this group", not how far.
    BeyondNormRange,
    /// The norm's scores are not reported as normal, so T is not comparable with T on another
    /// scale and does not say how rare the score is.
    NotNormal,
    /// The norm's values were not checked against its source.
    Unverified,
}

impl NormCaution {
    /// `beyond_norm_range`, `not_normal` or `unverified`, as in records and the CSV.
    pub fn key(self) -> &'static str {
        match self {
            NormCaution::BeyondNormRange => "beyond_norm_range",
            NormCaution::NotNormal => "not_normal",
            NormCaution::Unverified => "unverified",
        }
    }
}

/// A response-quality flag with the evidence behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QualityFlag {
    /// The median seconds per item was below the questionnaire's plausible minimum.
    TooFast {
        median_seconds: f64,
        min_seconds: f64,
    },
    /// The same raw answer on every item of a scale that has reverse-keyed items.
    StraightLining {
        scale: String,
        /// The raw value (before reverse keying) given to every answered item.
        value: i32,
        /// How many items of the scale were answered (all with `value`).
        n_items: usize,
    },
    /// Declared opposite pairs both answered at the same extreme (both the lowest or both the
    /// highest option): a contradiction after keying. A midpoint is never flagged.
    InconsistentPairs { pairs: Vec<InconsistentPair> },
    /// More items missing than the questionnaire allows before flagging.
    HighMissingness {
        missing: usize,
        n_items: usize,
        max_proportion: f64,
    },
    /// The score is in a band the definition marks as a validity concern (a BIS-11 total below
    /// 52: extremely over-controlled, or not answered honestly). Staff check with him; the score
    /// is not read as low need.
    ValidityConcern { scale: String, band: String },
    /// Some scored items were answered in an easy-read wording that differs from the published
    /// one: the norms, bands and reliable change were set on the original wording.
    AdaptedWording {
        /// The items, in definition order.
        items: Vec<String>,
    },
}

impl QualityFlag {
    /// The flag's name as written in records and CSV output (`too_fast`, …).
    pub fn key(&self) -> &'static str {
        match self {
            QualityFlag::TooFast { .. } => "too_fast",
            QualityFlag::StraightLining { .. } => "straight_lining",
            QualityFlag::InconsistentPairs { .. } => "inconsistent_pairs",
            QualityFlag::HighMissingness { .. } => "high_missingness",
            QualityFlag::ValidityConcern { .. } => "validity_concern",
            QualityFlag::AdaptedWording { .. } => "adapted_wording",
        }
    }
}

/// One opposite pair answered at the same extreme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InconsistentPair {
    pub first: String,
    pub second: String,
    /// The raw value both were given: the lowest or the highest option.
    pub value: i32,
}

/// An answer that triggered one of the questionnaire's alerts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertHit {
    pub item: String,
    /// The answer given; `None` when the item was left unanswered.
    pub answer: Option<Answer>,
}
