//! Change across timepoints: the Jacobson–Truax reliable change index, clinically significant
//! change, and a direction-aware category per scale and pair of timepoints.
//!
//! Method (Jacobson, N. S., & Truax, P. (1991). Clinical significance: a statistical approach to
//! defining meaningful change in psychotherapy research. Journal of Consulting and Clinical
//! Psychology, 59(1), 12–19):
//! - SE = SD·√(1−r) and S_diff = √2·SE, with SD and r from the norm group both reports were
//!   scored against; RCI = (to − from) / S_diff; the change is reliable when |RCI| > 1.96.
//! - The clinical cut-off is c, a, b or a fixed caseness threshold, as the scale declares.
//! - Recovered: reliable improvement that also crosses from the clinical into the non-clinical
//!   range. Improved: any other reliable improvement. Deteriorated: reliable worsening.
//!   Unchanged: not reliable. "Improvement" follows the scale's direction.

use crate::report::{ScaleScore, ScoreReport};
use qkit_questionnaires::{ClinicalSignificance, Direction, Questionnaire, Scale, Timepoint};
use serde::Serialize;
use std::fmt;
use thiserror::Error;

/// The method, as named in the output.
pub const METHOD: &str = "Jacobson-Truax (1991) reliable change index: SE = SD*sqrt(1-r), \
    S_diff = sqrt(2)*SE, RCI = (to - from)/S_diff, reliable when |RCI| > 1.96, SD and r from the \
    norm group the scores were compared with; clinically significant change by the scale's \
    cut-off (c, a, b or fixed)";

/// |RCI| above this is reliable change (p < .05, two-tailed).
pub const RELIABLE_Z: f64 = 1.96;

/// S_diff = √2 · SD · √(1 − r).
pub fn standard_error_of_difference(sd: f64, reliability: f64) -> f64 {
    std::f64::consts::SQRT_2 * sd * (1.0 - reliability).sqrt()
}

/// RCI = (to − from) / S_diff.
pub fn reliable_change_index(from: f64, to: f64, sd: f64, reliability: f64) -> f64 {
    (to - from) / standard_error_of_difference(sd, reliability)
}

/// The smallest change in points that is reliable: 1.96 · S_diff.
pub fn reliable_change_threshold(sd: f64, reliability: f64) -> f64 {
    RELIABLE_Z * standard_error_of_difference(sd, reliability)
}

/// Which clinical cut-off a scale uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CutoffMethod {
    C,
    A,
    B,
    Fixed,
}

/// A scale's clinical cut-off.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClinicalCutoff {
    pub method: CutoffMethod,
    pub cutoff: f64,
}

/// The scale's clinical cut-off, if it declares one.
pub fn clinical_cutoff(scale: &Scale) -> Option<ClinicalCutoff> {
    let towards_less_need = match scale.direction {
        Direction::HigherIsMoreNeed => -1.0,
        Direction::HigherIsLessNeed => 1.0,
    };
    let (method, cutoff) = match scale.clinical_significance.as_ref()? {
        ClinicalSignificance::C {
            clinical,
            functional,
        } => {
            let (c, f) = (scale.norms.get(*clinical)?, scale.norms.get(*functional)?);
            let cutoff = (c.sd * f.mean + f.sd * c.mean) / (c.sd + f.sd);
            (CutoffMethod::C, cutoff)
        }
        ClinicalSignificance::A { clinical } => {
            let c = scale.norms.get(*clinical)?;
            (CutoffMethod::A, c.mean + towards_less_need * 2.0 * c.sd)
        }
        ClinicalSignificance::B { functional } => {
            let f = scale.norms.get(*functional)?;
            (CutoffMethod::B, f.mean - towards_less_need * 2.0 * f.sd)
        }
        ClinicalSignificance::Fixed { cutoff, .. } => (CutoffMethod::Fixed, *cutoff),
    };
    Some(ClinicalCutoff { method, cutoff })
}

/// Whether a score is in the clinical range: at or beyond the cut-off on the side of more need.
pub fn in_clinical_range(score: f64, cutoff: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsMoreNeed => score >= cutoff,
        Direction::HigherIsLessNeed => score <= cutoff,
    }
}

/// A pair of timepoints compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pair {
    PreMid,
    MidPost,
    PrePost,
}

impl Pair {
    /// Every pair, in output order.
    pub const ALL: [Pair; 3] = [Pair::PreMid, Pair::MidPost, Pair::PrePost];

    /// `pre_mid`, `mid_post` or `pre_post`.
    pub fn key(self) -> &'static str {
        match self {
            Pair::PreMid => "pre_mid",
            Pair::MidPost => "mid_post",
            Pair::PrePost => "pre_post",
        }
    }

    /// The earlier and later timepoint.
    pub fn timepoints(self) -> (Timepoint, Timepoint) {
        match self {
            Pair::PreMid => (Timepoint::Pre, Timepoint::Mid),
            Pair::MidPost => (Timepoint::Mid, Timepoint::Post),
            Pair::PrePost => (Timepoint::Pre, Timepoint::Post),
        }
    }
}

/// The change category, aware of the scale's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeCategory {
    /// Reliable improvement, from the clinical into the non-clinical range.
    Recovered,
    /// Reliable improvement.
    Improved,
    /// No reliable change.
    Unchanged,
    /// Reliable worsening.
    Deteriorated,
}

impl ChangeCategory {
    /// `recovered`, `improved`, `unchanged` or `deteriorated`.
    pub fn key(self) -> &'static str {
        match self {
            ChangeCategory::Recovered => "recovered",
            ChangeCategory::Improved => "improved",
            ChangeCategory::Unchanged => "unchanged",
            ChangeCategory::Deteriorated => "deteriorated",
        }
    }
}

/// Why change could not be judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotAssessable {
    /// The scale was not scorable at the earlier timepoint.
    NotScorableAtFrom,
    /// The scale was not scorable at the later timepoint.
    NotScorableAtTo,
    /// The scale has no norm group, so there is no SD or reliability.
    NoNorm,
    /// The two scores were compared with different norm groups.
    NormsDiffer,
}

impl fmt::Display for NotAssessable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotAssessable::NotScorableAtFrom => "not_scorable_at_from",
            NotAssessable::NotScorableAtTo => "not_scorable_at_to",
            NotAssessable::NoNorm => "no_norm",
            NotAssessable::NormsDiffer => "norms_differ",
        })
    }
}

/// The judgement on one scale and pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "outcome", content = "value")]
pub enum Outcome {
    Category(ChangeCategory),
    NotAssessable(NotAssessable),
}

/// The category key, or `not_assessable:<reason>`, as the CLI writes it.
impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Category(c) => f.write_str(c.key()),
            Outcome::NotAssessable(r) => write!(f, "not_assessable:{r}"),
        }
    }
}

/// Change on one scale between two timepoints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleChange {
    pub scale: String,
    pub pair: Pair,
    /// The score at the earlier timepoint, if scorable.
    pub from: Option<f64>,
    /// The score at the later timepoint, if scorable.
    pub to: Option<f64>,
    /// to − from, when both are scorable.
    pub diff: Option<f64>,
    /// The norm group whose SD and reliability were used.
    pub norm: Option<String>,
    pub rci: Option<f64>,
    /// |RCI| > 1.96.
    pub reliable: Option<bool>,
    /// The scale's clinical cut-off, if it declares one.
    pub clinical_cutoff: Option<ClinicalCutoff>,
    pub outcome: Outcome,
}

/// Change for one participant on one questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeReport {
    pub questionnaire: String,
    /// [`METHOD`].
    pub method: &'static str,
    /// Per scale (definition order) and pair (pre→mid, mid→post, pre→post), for the pairs whose
    /// both timepoints have a report.
    pub changes: Vec<ScaleChange>,
}

/// The reports of one participant at each timepoint; any may be absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timepoints<'a> {
    pub pre: Option<&'a ScoreReport>,
    pub mid: Option<&'a ScoreReport>,
    pub post: Option<&'a ScoreReport>,
}

impl<'a> Timepoints<'a> {
    /// The report at a timepoint.
    pub fn at(&self, t: Timepoint) -> Option<&'a ScoreReport> {
        match t {
            Timepoint::Pre => self.pre,
            Timepoint::Mid => self.mid,
            Timepoint::Post => self.post,
        }
    }
}

/// Reports that cannot be compared under this questionnaire.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ChangeError {
    /// A report is of another questionnaire.
    #[error("the {timepoint} report is for \"{found}\", not \"{expected}\"")]
    WrongQuestionnaire {
        timepoint: Timepoint,
        expected: String,
        found: String,
    },
    /// A report lacks one of the questionnaire's scales (it was scored under another definition).
    #[error("the {timepoint} report has no scale \"{scale}\"")]
    MissingScale { timepoint: Timepoint, scale: String },
    /// A report names a norm group the scale does not have.
    #[error(
        "the {timepoint} report compares scale \"{scale}\" with unknown norm group \"{norm}\""
    )]
    UnknownNorm {
        timepoint: Timepoint,
        scale: String,
        norm: String,
    },
}

/// Change on every scale between every pair of timepoints that both have a report.
pub fn change(q: &Questionnaire, reports: &Timepoints<'_>) -> Result<ChangeReport, ChangeError> {
    for t in Timepoint::ALL {
        if let Some(r) = reports.at(t) {
            if r.questionnaire != q.id {
                return Err(ChangeError::WrongQuestionnaire {
                    timepoint: t,
                    expected: q.id.clone(),
                    found: r.questionnaire.clone(),
                });
            }
        }
    }
    let mut changes = Vec::new();
    for scale in &q.scales {
        for pair in Pair::ALL {
            let (a, b) = pair.timepoints();
            let (Some(from), Some(to)) = (reports.at(a), reports.at(b)) else {
                continue;
            };
            let from = scale_score(from, scale, a)?;
            let to = scale_score(to, scale, b)?;
            changes.push(scale_change(scale, pair, (a, from), (b, to))?);
        }
    }
    Ok(ChangeReport {
        questionnaire: q.id.clone(),
        method: METHOD,
        changes,
    })
}

fn scale_score<'r>(
    report: &'r ScoreReport,
    scale: &Scale,
    t: Timepoint,
) -> Result<&'r ScaleScore, ChangeError> {
    report
        .scales
        .iter()
        .find(|s| s.scale == scale.id)
        .ok_or_else(|| ChangeError::MissingScale {
            timepoint: t,
            scale: scale.id.clone(),
        })
}

fn scale_change(
    scale: &Scale,
    pair: Pair,
    (from_t, from): (Timepoint, &ScaleScore),
    (to_t, to): (Timepoint, &ScaleScore),
) -> Result<ScaleChange, ChangeError> {
    let norm_of = |t: Timepoint, s: &ScaleScore| match &s.norm {
        None => Ok(None),
        Some(n) => scale
            .norm(&n.norm)
            .map(Some)
            .ok_or_else(|| ChangeError::UnknownNorm {
                timepoint: t,
                scale: scale.id.clone(),
                norm: n.norm.clone(),
            }),
    };
    let (norm_from, norm_to) = (norm_of(from_t, from)?, norm_of(to_t, to)?);
    let cutoff = clinical_cutoff(scale);
    let mut change = ScaleChange {
        scale: scale.id.clone(),
        pair,
        from: from.score,
        to: to.score,
        diff: None,
        norm: None,
        rci: None,
        reliable: None,
        clinical_cutoff: cutoff,
        outcome: Outcome::NotAssessable(NotAssessable::NoNorm),
    };
    let (Some(x), Some(y)) = (from.score, to.score) else {
        let reason = if from.score.is_none() {
            NotAssessable::NotScorableAtFrom
        } else {
            NotAssessable::NotScorableAtTo
        };
        change.outcome = Outcome::NotAssessable(reason);
        return Ok(change);
    };
    change.diff = Some(y - x);
    let norm = match (norm_from, norm_to) {
        (Some(a), Some(b)) if a.id == b.id => a,
        (Some(_), Some(_)) => {
            change.outcome = Outcome::NotAssessable(NotAssessable::NormsDiffer);
            return Ok(change);
        }
        _ => return Ok(change),
    };
    let rci = reliable_change_index(x, y, norm.sd, norm.reliability.value);
    let reliable = rci.abs() > RELIABLE_Z;
    change.norm = Some(norm.id.clone());
    change.rci = Some(rci);
    change.reliable = Some(reliable);
    change.outcome = Outcome::Category(category(scale.direction, x, y, reliable, cutoff));
    Ok(change)
}

/// The category of a change from `x` to `y`.
fn category(
    direction: Direction,
    x: f64,
    y: f64,
    reliable: bool,
    cutoff: Option<ClinicalCutoff>,
) -> ChangeCategory {
    let improved = match direction {
        Direction::HigherIsMoreNeed => y < x,
        Direction::HigherIsLessNeed => y > x,
    };
    match (reliable, improved) {
        (false, _) => ChangeCategory::Unchanged,
        (true, false) => ChangeCategory::Deteriorated,
        (true, true) => {
            let crossed = cutoff.is_some_and(|c| {
                in_clinical_range(x, c.cutoff, direction)
                    && !in_clinical_range(y, c.cutoff, direction)
            });
            if crossed {
                ChangeCategory::Recovered
            } else {
                ChangeCategory::Improved
            }
        }
    }
}
