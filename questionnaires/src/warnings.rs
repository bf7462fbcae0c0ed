//! What a kit can be used with but a psychologist must know before signing a report built on
//! it: norms whose values were not checked against their source, scales whose change has no
//! stated rule, and instruments whose licence the organisation must confirm. `qkit validate`
//! lists them; they never stop the kit loading.

use crate::kit::Kit;
use crate::model::{LicenceCheck, Questionnaire};
use std::fmt;

/// One thing to check before clinical use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KitWarning {
    /// A norm's values were not checked against its source.
    UnverifiedNorm {
        questionnaire: String,
        scale: String,
        norm: String,
    },
    /// A norm does not say where in its source (table, page) its values are.
    NormWithoutLocation {
        questionnaire: String,
        scale: String,
        norm: String,
    },
    /// A scale has no reliable change rule: its change is not judged unless the assessor
    /// chooses the cohort's own SD.
    NoReliableChangeRule {
        questionnaire: String,
        scale: String,
    },
    /// No permission statement from the rights holder could be checked.
    LicenceToConfirm { questionnaire: String },
}

impl fmt::Display for KitWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KitWarning::UnverifiedNorm {
                questionnaire,
                scale,
                norm,
            } => write!(
                f,
                "{questionnaire}: scale \"{scale}\": norm \"{norm}\" is not verified against its source"
            ),
            KitWarning::NormWithoutLocation {
                questionnaire,
                scale,
                norm,
            } => write!(
                f,
                "{questionnaire}: scale \"{scale}\": norm \"{norm}\" names no table or page"
            ),
            KitWarning::NoReliableChangeRule {
                questionnaire,
                scale,
            } => write!(
                f,
                "{questionnaire}: scale \"{scale}\" has no reliable change rule: change is not judged unless the cohort's SD is chosen"
            ),
            KitWarning::LicenceToConfirm { questionnaire } => write!(
                f,
                "{questionnaire}: the organisation must confirm its licence to use this instrument"
            ),
        }
    }
}

/// The warnings of one questionnaire, in a fixed order: licence, then per scale its norms and
/// its reliable change rule.
pub fn questionnaire_warnings(q: &Questionnaire) -> Vec<KitWarning> {
    let mut out = Vec::new();
    if licence_to_confirm(q) {
        out.push(KitWarning::LicenceToConfirm {
            questionnaire: q.id.clone(),
        });
    }
    for scale in &q.scales {
        for norm in &scale.norms {
            let ids = (q.id.clone(), scale.id.clone(), norm.id.clone());
            if norm.location.is_none() {
                out.push(KitWarning::NormWithoutLocation {
                    questionnaire: ids.0.clone(),
                    scale: ids.1.clone(),
                    norm: ids.2.clone(),
                });
            }
            if !norm.verified {
                out.push(KitWarning::UnverifiedNorm {
                    questionnaire: ids.0,
                    scale: ids.1,
                    norm: ids.2,
                });
            }
        }
        if scale.reliable_change.is_none() {
            out.push(KitWarning::NoReliableChangeRule {
                questionnaire: q.id.clone(),
                scale: scale.id.clone(),
            });
        }
    }
    out
}

/// A scored instrument whose permission is not documented by its rights holder.
fn licence_to_confirm(q: &Questionnaire) -> bool {
    q.is_scored() && q.licence_check == LicenceCheck::OrganisationMustConfirm
}

impl Kit {
    /// Every questionnaire's warnings, questionnaires in id order.
    pub fn warnings(&self) -> Vec<KitWarning> {
        self.questionnaires
            .values()
            .flat_map(questionnaire_warnings)
            .collect()
    }

    /// The instruments whose licence the organisation must confirm, in id order.
    pub fn licences_to_confirm(&self) -> Vec<&Questionnaire> {
        self.questionnaires
            .values()
            .filter(|q| licence_to_confirm(q))
            .collect()
    }
}
