//! Clinically significant change's cut-off: where the clinical range ends on a scale, by a
//! published caseness threshold or Jacobson & Truax's c, a or b from named norms, with the source
//! of each.

use qkit_questionnaires::{ClinicalSignificance, Direction, Scale};
use serde::Serialize;

/// Which clinical cut-off a scale uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CutoffMethod {
    C,
    A,
    B,
    Fixed,
}

/// A scale's clinical cut-off, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClinicalCutoff {
    pub method: CutoffMethod,
    pub cutoff: f64,
    /// The published threshold's citation, or the norms the cut-off was computed from.
    pub source: String,
}

/// The scale's clinical cut-off, if it declares one.
pub fn clinical_cutoff(scale: &Scale) -> Option<ClinicalCutoff> {
    let towards_less_need = match scale.direction {
        Direction::HigherIsMoreNeed => -1.0,
        Direction::HigherIsLessNeed => 1.0,
    };
    let norms = |ids: &[usize]| -> Option<String> {
        let cited: Option<Vec<String>> = ids
            .iter()
            .map(|i| {
                scale
                    .norms
                    .get(*i)
                    .map(|n| format!("{} ({})", n.id, n.citation))
            })
            .collect();
        cited.map(|c| format!("Jacobson & Truax (1991), from norms {}", c.join(" and ")))
    };
    let (method, cutoff, source) = match scale.clinical_significance.as_ref()? {
        ClinicalSignificance::C {
            clinical,
            functional,
        } => {
            let (c, f) = (scale.norms.get(*clinical)?, scale.norms.get(*functional)?);
            let cutoff = (c.sd * f.mean + f.sd * c.mean) / (c.sd + f.sd);
            (CutoffMethod::C, cutoff, norms(&[*clinical, *functional])?)
        }
        ClinicalSignificance::A { clinical } => {
            let c = scale.norms.get(*clinical)?;
            let cutoff = c.mean + towards_less_need * 2.0 * c.sd;
            (CutoffMethod::A, cutoff, norms(&[*clinical])?)
        }
        ClinicalSignificance::B { functional } => {
            let f = scale.norms.get(*functional)?;
            let cutoff = f.mean - towards_less_need * 2.0 * f.sd;
            (CutoffMethod::B, cutoff, norms(&[*functional])?)
        }
        ClinicalSignificance::Fixed { cutoff, citation } => {
            (CutoffMethod::Fixed, *cutoff, citation.clone())
        }
    };
    Some(ClinicalCutoff {
        method,
        cutoff,
        source,
    })
}

/// Whether a score is in the clinical range: at or beyond the cut-off on the side of more need.
pub fn in_clinical_range(score: f64, cutoff: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsMoreNeed => score >= cutoff,
        Direction::HigherIsLessNeed => score <= cutoff,
    }
}
