//! Change across timepoints: reliable change by each scale's stated rule ([`crate::reliable`]),
//! clinically significant change, and a direction-aware category per scale and pair of
//! timepoints.
//!
//! Method (Jacobson, N. S., & Truax, P. (1991). Clinical significance: a statistical approach to
//! defining meaningful change in psychotherapy research. Journal of Consulting and Clinical
//! Psychology, 59(1), 12–19):
//! - Reliable change by the scale's rule: a published threshold in points, or Jacobson–Truax
//!   with a named clinical sample's SD and reliability, or with the cohort's pre-programme SD.
//!   A scale without a rule is not judged (unless the assessor chooses the cohort's SD).
//! - The clinical cut-off is c, a, b or a fixed caseness threshold, as the scale declares. A
//!   score exactly at the cut-off is in the clinical range: a published caseness threshold
//!   reads "10 or above", and Jacobson & Truax's functional range lies *beyond* c, a or b.
//! - Recovered: reliable improvement that also crosses from the clinical into the non-clinical
//!   range. Improved: any other reliable improvement. Deteriorated: reliable worsening.
//!   Unchanged: not reliable. "Improvement" follows the scale's direction.

pub use crate::cutoff::{clinical_cutoff, in_clinical_range, ClinicalCutoff, CutoffMethod};
use crate::reliable::{self, CohortPre, NoBasis, ReliableChangeBasis, ReliableChangeChoice};
use crate::report::{ScaleScore, ScoreReport};
use qkit_questionnaires::{Direction, Questionnaire, Scale, Timepoint};
use serde::Serialize;
use std::fmt;
use thiserror::Error;

/// The method, as named in the output; each verdict also carries its own basis.
pub const METHOD: &str = "Reliable change by each scale's stated rule (a published threshold \
    in points, or Jacobson-Truax (1991) with a named clinical sample's or the cohort's \
    pre-programme SD: S_diff = sqrt(2)*SD*sqrt(1-r), reliable when |RCI| > 1.96); clinically \
    significant change by the scale's cut-off (c, a, b or fixed), a score at the cut-off being \
    in the clinical range";

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
    /// The definition names no reliable change rule for the scale.
    NoReliableChangeRule,
    /// The cohort's SD was asked for, but the scale has no norm to take a reliability from.
    NoReliability,
    /// The cohort's SD is needed, but fewer than ten men have a pre-programme score.
    CohortTooSmall,
    /// The cohort's SD is needed, but their pre-programme scores do not vary.
    CohortNoSpread,
}

impl From<NoBasis> for NotAssessable {
    fn from(why: NoBasis) -> Self {
        match why {
            NoBasis::NoRule => NotAssessable::NoReliableChangeRule,
            NoBasis::NoReliability => NotAssessable::NoReliability,
            NoBasis::CohortTooSmall => NotAssessable::CohortTooSmall,
            NoBasis::CohortNoSpread => NotAssessable::CohortNoSpread,
        }
    }
}

impl fmt::Display for NotAssessable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NotAssessable::NotScorableAtFrom => "not_scorable_at_from",
            NotAssessable::NotScorableAtTo => "not_scorable_at_to",
            NotAssessable::NoReliableChangeRule => "no_reliable_change_rule",
            NotAssessable::NoReliability => "no_reliability",
            NotAssessable::CohortTooSmall => "cohort_too_small",
            NotAssessable::CohortNoSpread => "cohort_no_spread",
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
    /// How reliable change was judged, with its source; `None` when it could not be.
    pub basis: Option<ReliableChangeBasis>,
    /// The reliable change index, for the Jacobson–Truax bases.
    pub rci: Option<f64>,
    /// Whether the change is reliable under `basis`.
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
    /// Each scale's rule, or the cohort's SD on every scale.
    pub choice: ReliableChangeChoice,
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
}

/// Change on every scale between every pair of timepoints that both have a report. `choice`
/// says whether each scale's own rule is used or the cohort's SD; `cohort` holds the cohort's
/// pre-programme SDs (empty when there is no cohort: then a cohort basis is not assessable).
pub fn change(
    q: &Questionnaire,
    reports: &Timepoints<'_>,
    choice: ReliableChangeChoice,
    cohort: &CohortPre,
) -> Result<ChangeReport, ChangeError> {
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
        let basis = reliable::basis(scale, choice, cohort);
        let cutoff = clinical_cutoff(scale);
        for pair in Pair::ALL {
            let (a, b) = pair.timepoints();
            let (Some(from), Some(to)) = (reports.at(a), reports.at(b)) else {
                continue;
            };
            let from = scale_score(from, scale, a)?;
            let to = scale_score(to, scale, b)?;
            changes.push(scale_change(scale, pair, (from, to), &basis, &cutoff));
        }
    }
    Ok(ChangeReport {
        questionnaire: q.id.clone(),
        method: METHOD,
        choice,
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
    (from, to): (&ScaleScore, &ScaleScore),
    basis: &Result<ReliableChangeBasis, NoBasis>,
    cutoff: &Option<ClinicalCutoff>,
) -> ScaleChange {
    let mut change = ScaleChange {
        scale: scale.id.clone(),
        pair,
        from: from.score,
        to: to.score,
        diff: None,
        basis: None,
        rci: None,
        reliable: None,
        clinical_cutoff: cutoff.clone(),
        outcome: Outcome::NotAssessable(NotAssessable::NoReliableChangeRule),
    };
    let (Some(x), Some(y)) = (from.score, to.score) else {
        let reason = if from.score.is_none() {
            NotAssessable::NotScorableAtFrom
        } else {
            NotAssessable::NotScorableAtTo
        };
        change.outcome = Outcome::NotAssessable(reason);
        return change;
    };
    change.diff = Some(y - x);
    let basis = match basis {
        Ok(b) => b,
        Err(why) => {
            change.outcome = Outcome::NotAssessable((*why).into());
            return change;
        }
    };
    let (rci, reliable) = basis.judge(y - x);
    change.basis = Some(basis.clone());
    change.rci = rci;
    change.reliable = Some(reliable);
    change.outcome = Outcome::Category(category(scale.direction, x, y, reliable, cutoff));
    change
}

/// The category of a change from `x` to `y`.
fn category(
    direction: Direction,
    x: f64,
    y: f64,
    reliable: bool,
    cutoff: &Option<ClinicalCutoff>,
) -> ChangeCategory {
    let improved = match direction {
        Direction::HigherIsMoreNeed => y < x,
        Direction::HigherIsLessNeed => y > x,
    };
    match (reliable, improved) {
        (false, _) => ChangeCategory::Unchanged,
        (true, false) => ChangeCategory::Deteriorated,
        (true, true) => {
            let crossed = cutoff.as_ref().is_some_and(|c| {
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
