//! Reliable change: which difference between two of a man's scores is more than measurement
//! error, by the rule the scale's definition names, or by the assessor's choice of the cohort's
//! own pre-programme SD. Every verdict carries its basis, so a report can say how it was reached.
//!
//! - `points` (a published threshold, e.g. NHS Talking Therapies' PHQ-9 6 and GAD-7 4): a change
//!   of at least that many points is reliable.
//! - Jacobson & Truax (1991) with the SD and reliability of a named clinical, forensic or
//!   pre-treatment sample: S_diff = √2·SD·√(1−r), RCI = diff / S_diff, reliable when |RCI| > 1.96.
//! - The same with the SD of the cohort's own pre-programme scores (at least [`MIN_COHORT_N`] of
//!   them) and a named norm's reliability: the pre-treatment SD that Jacobson & Truax allow when
//!   no clinical norm fits.

use crate::report::ScoreReport;
use crate::stats::sample_sd;
use qkit_questionnaires::{Questionnaire, ReliableChangeRule, Scale};
use serde::{Deserialize, Serialize};

/// |RCI| above this is reliable change (p < .05, two-tailed).
pub const RELIABLE_Z: f64 = 1.96;

/// The fewest pre-programme scores from which a cohort SD is taken: an SD from fewer is too
/// unstable to decide a man's verdict on.
pub const MIN_COHORT_N: usize = 10;

/// S_diff = √2 · SD · √(1 − r).
pub fn standard_error_of_difference(sd: f64, reliability: f64) -> f64 {
    std::f64::consts::SQRT_2 * sd * (1.0 - reliability).sqrt()
}

/// RCI = (to − from) / S_diff.
pub fn reliable_change_index(from: f64, to: f64, sd: f64, reliability: f64) -> f64 {
    (to - from) / standard_error_of_difference(sd, reliability)
}

/// The smallest change in points that is reliable under Jacobson–Truax: 1.96 · S_diff.
pub fn reliable_change_threshold(sd: f64, reliability: f64) -> f64 {
    RELIABLE_Z * standard_error_of_difference(sd, reliability)
}

/// How reliable change is judged across a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReliableChangeChoice {
    /// Each scale's own rule, from its definition.
    #[default]
    Definition,
    /// The cohort's own pre-programme SD on every scale whose rule is not a published threshold
    /// in points (those are kept), with the reliability of the norm the scale's rule names (else
    /// its default norm).
    CohortPre,
}

/// One scale's pre-programme scores in the cohort.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CohortSd {
    /// Men with a score at pre.
    pub n: usize,
    /// The sample SD of those scores; `None` with fewer than two.
    pub sd: Option<f64>,
}

/// The cohort's pre-programme SD per scale of one questionnaire.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CohortPre {
    scales: Vec<(String, CohortSd)>,
}

impl CohortPre {
    /// From every man's pre-programme report of the questionnaire (one each): the SD of the
    /// scorable scores of each scale.
    pub fn from_reports<'a>(
        q: &Questionnaire,
        reports: impl IntoIterator<Item = &'a ScoreReport>,
    ) -> Self {
        let reports: Vec<&ScoreReport> = reports.into_iter().collect();
        let scales = q
            .scales
            .iter()
            .map(|scale| {
                let scores: Vec<f64> = reports
                    .iter()
                    .filter_map(|r| r.scales.iter().find(|s| s.scale == scale.id)?.score)
                    .collect();
                let sd = CohortSd {
                    n: scores.len(),
                    sd: sample_sd(&scores),
                };
                (scale.id.clone(), sd)
            })
            .collect();
        CohortPre { scales }
    }

    /// A scale's cohort SD, if the cohort was given its reports.
    pub fn get(&self, scale: &str) -> Option<CohortSd> {
        self.scales
            .iter()
            .find(|(id, _)| id == scale)
            .map(|(_, sd)| *sd)
    }
}

/// The basis of one reliable change verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum ReliableChangeBasis {
    /// A published threshold in points.
    Points { points: f64, source: String },
    /// Jacobson–Truax with a named sample's SD and reliability.
    Norm {
        norm: String,
        sd: f64,
        reliability: f64,
        /// 1.96 · S_diff.
        threshold: f64,
        source: String,
    },
    /// Jacobson–Truax with the cohort's pre-programme SD and a named norm's reliability.
    CohortPre {
        n: usize,
        sd: f64,
        reliability_norm: String,
        reliability: f64,
        /// 1.96 · S_diff.
        threshold: f64,
        source: String,
    },
}

impl ReliableChangeBasis {
    /// `points`, `norm:<id>` or `cohort_pre`, as the CLI writes it.
    pub fn key(&self) -> String {
        match self {
            ReliableChangeBasis::Points { .. } => "points".into(),
            ReliableChangeBasis::Norm { norm, .. } => format!("norm:{norm}"),
            ReliableChangeBasis::CohortPre { .. } => "cohort_pre".into(),
        }
    }

    /// The change in points needed: at least this many for `points`, more than this for
    /// Jacobson–Truax.
    pub fn threshold(&self) -> f64 {
        match self {
            ReliableChangeBasis::Points { points, .. } => *points,
            ReliableChangeBasis::Norm { threshold, .. }
            | ReliableChangeBasis::CohortPre { threshold, .. } => *threshold,
        }
    }

    /// The source of the rule.
    pub fn source(&self) -> &str {
        match self {
            ReliableChangeBasis::Points { source, .. }
            | ReliableChangeBasis::Norm { source, .. }
            | ReliableChangeBasis::CohortPre { source, .. } => source,
        }
    }

    /// The RCI (Jacobson–Truax only) and whether a change of `diff` is reliable.
    pub fn judge(&self, diff: f64) -> (Option<f64>, bool) {
        match self {
            ReliableChangeBasis::Points { points, .. } => (None, diff.abs() >= *points),
            ReliableChangeBasis::Norm {
                sd, reliability, ..
            }
            | ReliableChangeBasis::CohortPre {
                sd, reliability, ..
            } => {
                let rci = diff / standard_error_of_difference(*sd, *reliability);
                (Some(rci), rci.abs() > RELIABLE_Z)
            }
        }
    }
}

/// Why reliable change has no basis on a scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoBasis {
    /// The definition names no reliable change rule for the scale.
    NoRule,
    /// The cohort's SD was asked for, but the scale has no norm to take a reliability from.
    NoReliability,
    /// The cohort's SD was asked for, but fewer than [`MIN_COHORT_N`] men have a pre score.
    CohortTooSmall,
    /// The cohort's pre scores do not vary (SD 0), so they give no measure of error.
    CohortNoSpread,
}

/// The basis for judging change on `scale`, under `choice`.
pub fn basis(
    scale: &Scale,
    choice: ReliableChangeChoice,
    cohort: &CohortPre,
) -> Result<ReliableChangeBasis, NoBasis> {
    let rule = scale.reliable_change.as_ref();
    match (choice, rule) {
        // A published threshold in points is kept whatever the assessor chose.
        (_, Some(ReliableChangeRule::Points { points, citation })) => {
            Ok(ReliableChangeBasis::Points {
                points: *points,
                source: citation.clone(),
            })
        }
        (ReliableChangeChoice::Definition, None) => Err(NoBasis::NoRule),
        (ReliableChangeChoice::Definition, Some(ReliableChangeRule::Norm { norm, citation })) => {
            let n = &scale.norms[*norm];
            let r = n.reliability.value;
            Ok(ReliableChangeBasis::Norm {
                norm: n.id.clone(),
                sd: n.sd,
                reliability: r,
                threshold: reliable_change_threshold(n.sd, r),
                source: format!("{citation} Norm: {}", n.citation),
            })
        }
        (
            ReliableChangeChoice::Definition,
            Some(ReliableChangeRule::CohortPre {
                reliability_norm,
                citation,
            }),
        ) => cohort_basis(scale, Some(*reliability_norm), citation, cohort),
        (ReliableChangeChoice::CohortPre, rule) => {
            let named = match rule {
                Some(ReliableChangeRule::Norm { norm, .. }) => Some(*norm),
                Some(ReliableChangeRule::CohortPre {
                    reliability_norm, ..
                }) => Some(*reliability_norm),
                _ => scale.default_norm,
            };
            cohort_basis(scale, named, COHORT_CHOSEN, cohort)
        }
    }
}

/// The source named when the assessor chose the cohort's SD.
const COHORT_CHOSEN: &str = "Chosen by the assessor: the cohort's own pre-programme SD \
    (a pre-treatment SD, as Jacobson, N. S., & Truax, P. (1991), Journal of Consulting and \
    Clinical Psychology, 59(1), 12-19, allow when no clinical norm fits).";

fn cohort_basis(
    scale: &Scale,
    reliability_norm: Option<usize>,
    citation: &str,
    cohort: &CohortPre,
) -> Result<ReliableChangeBasis, NoBasis> {
    let norm = reliability_norm
        .and_then(|i| scale.norms.get(i))
        .ok_or(NoBasis::NoReliability)?;
    let CohortSd { n, sd } = cohort.get(&scale.id).unwrap_or(CohortSd { n: 0, sd: None });
    if n < MIN_COHORT_N {
        return Err(NoBasis::CohortTooSmall);
    }
    let sd = sd
        .filter(|sd| sd.is_finite() && *sd > 0.0)
        .ok_or(NoBasis::CohortNoSpread)?;
    let r = norm.reliability.value;
    Ok(ReliableChangeBasis::CohortPre {
        n,
        sd,
        reliability_norm: norm.id.clone(),
        reliability: r,
        threshold: reliable_change_threshold(sd, r),
        source: format!("{citation} Reliability: {}", norm.citation),
    })
}
