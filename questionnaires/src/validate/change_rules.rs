//! Validation of the rules for judging change on a scale: the clinically significant change
//! cut-off and the reliable change rule, each resolved against the scale's norms.

use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::model::*;
use crate::raw::*;

pub(super) fn clinical(
    ctx: &mut Ctx,
    base: &str,
    scale: &str,
    raw: &RawClinicalSignificance,
    norms: &[Norm],
) -> Option<ClinicalSignificance> {
    let path = format!("{base}.clinical_significance");
    let mut norm = |key: &str, id: &Option<String>, role: NormRole| -> Option<usize> {
        let Some(id) = id else {
            ctx.err(
                format!("{path}.{key}"),
                K::Rule(format!("this method needs \"{key}\"")),
            );
            return None;
        };
        let Some(i) = norms.iter().position(|n| &n.id == id) else {
            ctx.err(
                format!("{path}.{key}"),
                K::UnknownNorm {
                    scale: scale.to_owned(),
                    norm: id.clone(),
                },
            );
            return None;
        };
        if norms[i].role != Some(role) {
            ctx.err(
                format!("{path}.{key}"),
                K::Rule(format!(
                    "norm \"{id}\" is used as {key} but its role is not \"{}\"",
                    if role == NormRole::Clinical {
                        "clinical"
                    } else {
                        "functional"
                    }
                )),
            );
            return None;
        }
        Some(i)
    };
    match raw.method.as_str() {
        "c" => {
            let clinical = norm("clinical_norm", &raw.clinical_norm, NormRole::Clinical);
            let functional = norm(
                "functional_norm",
                &raw.functional_norm,
                NormRole::Functional,
            );
            Some(ClinicalSignificance::C {
                clinical: clinical?,
                functional: functional?,
            })
        }
        "a" => Some(ClinicalSignificance::A {
            clinical: norm("clinical_norm", &raw.clinical_norm, NormRole::Clinical)?,
        }),
        "b" => Some(ClinicalSignificance::B {
            functional: norm(
                "functional_norm",
                &raw.functional_norm,
                NormRole::Functional,
            )?,
        }),
        "fixed" => match (raw.cutoff, &raw.citation) {
            (Some(cutoff), Some(citation)) if cutoff.is_finite() && !citation.trim().is_empty() => {
                Some(ClinicalSignificance::Fixed {
                    cutoff,
                    citation: citation.clone(),
                })
            }
            _ => {
                ctx.err(
                    path,
                    K::Rule("method \"fixed\" needs a finite \"cutoff\" and a \"citation\"".into()),
                );
                None
            }
        },
        other => {
            ctx.err(
                format!("{path}.method"),
                K::NotAllowed {
                    found: other.to_owned(),
                    allowed: "\"c\", \"a\", \"b\", \"fixed\"",
                },
            );
            None
        }
    }
}

/// The reliable change rule: `points` with a positive number of points, `norm` naming a norm
/// whose role is clinical or that has no role (a pre-treatment sample), or `cohort_pre` naming
/// the norm whose reliability is used; each with a citation.
pub(super) fn reliable_change(
    ctx: &mut Ctx,
    base: &str,
    scale: &str,
    raw: &RawReliableChange,
    norms: &[Norm],
) -> Option<ReliableChangeRule> {
    let path = format!("{base}.reliable_change");
    if raw.citation.trim().is_empty() {
        ctx.err(format!("{path}.citation"), K::EmptyText(String::new()));
        return None;
    }
    let citation = raw.citation.clone();
    let mut named = |key: &str, id: &Option<String>| -> Option<usize> {
        let Some(id) = id else {
            ctx.err(
                format!("{path}.{key}"),
                K::Rule(format!("method \"{}\" needs \"{key}\"", raw.method)),
            );
            return None;
        };
        let found = norms.iter().position(|n| &n.id == id);
        if found.is_none() {
            ctx.err(
                format!("{path}.{key}"),
                K::UnknownNorm {
                    scale: scale.to_owned(),
                    norm: id.clone(),
                },
            );
        }
        found
    };
    let rule = match raw.method.as_str() {
        "points" => match raw.points {
            Some(points) if points.is_finite() && points > 0.0 => {
                Some(ReliableChangeRule::Points { points, citation })
            }
            _ => {
                ctx.err(
                    format!("{path}.points"),
                    K::Rule("method \"points\" needs \"points\", a number above 0".into()),
                );
                None
            }
        },
        "norm" => {
            let norm = named("norm", &raw.norm)?;
            if norms[norm].role == Some(NormRole::Functional) {
                ctx.err(
                    format!("{path}.norm"),
                    K::Rule(format!(
                        "norm \"{}\" is a functional (general population) sample: reliable \
                         change takes the SD of a clinical or pre-treatment sample",
                        norms[norm].id
                    )),
                );
                return None;
            }
            Some(ReliableChangeRule::Norm { norm, citation })
        }
        "cohort_pre" => Some(ReliableChangeRule::CohortPre {
            reliability_norm: named("reliability_norm", &raw.reliability_norm)?,
            citation,
        }),
        other => {
            ctx.err(
                format!("{path}.method"),
                K::NotAllowed {
                    found: other.to_owned(),
                    allowed: "\"points\", \"norm\", \"cohort_pre\"",
                },
            );
            None
        }
    };
    let stray = match &rule {
        Some(ReliableChangeRule::Points { .. }) => [
            ("norm", raw.norm.is_some()),
            ("reliability_norm", raw.reliability_norm.is_some()),
        ],
        Some(ReliableChangeRule::Norm { .. }) => [
            ("points", raw.points.is_some()),
            ("reliability_norm", raw.reliability_norm.is_some()),
        ],
        Some(ReliableChangeRule::CohortPre { .. }) => [
            ("points", raw.points.is_some()),
            ("norm", raw.norm.is_some()),
        ],
        None => return None,
    };
    if let Some((key, _)) = stray.iter().find(|(_, present)| *present) {
        ctx.err(
            format!("{path}.{key}"),
            K::Rule(format!("method \"{}\" does not take \"{key}\"", raw.method)),
        );
        return None;
    }
    rule
}
