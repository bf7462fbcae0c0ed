//! The order and licence requirements staff enter, each with its code, label and cohort.

use super::Ctx;
use crate::levels::Cohort;
use crate::rules::error::RulesErrorKind as K;
use crate::rules::model::Requirement;
use crate::rules::raw::RawRequirement;
use std::collections::BTreeSet;

pub(super) fn requirements(ctx: &mut Ctx, raw: &[RawRequirement]) -> Vec<Requirement> {
    if raw.is_empty() {
        ctx.err(
            "$.requirements",
            K::TooFew {
                what: "requirements",
                min: 1,
            },
        );
    }
    let mut codes = BTreeSet::new();
    let mut out = Vec::new();
    for (i, r) in raw.iter().enumerate() {
        let base = format!("$.requirements[{i}]");
        ctx.id(&format!("{base}.code"), &r.code);
        if !codes.insert(r.code.as_str()) {
            ctx.err(
                format!("{base}.code"),
                K::Duplicate {
                    what: "requirement",
                    id: r.code.clone(),
                },
            );
        }
        ctx.non_empty(&format!("{base}.label"), "label", &r.label);
        match Cohort::from_key(&r.cohort) {
            Some(cohort) => out.push(Requirement {
                code: r.code.clone(),
                label: r.label.clone(),
                cohort,
            }),
            None => ctx.err(
                format!("{base}.cohort"),
                K::NotAllowed {
                    found: r.cohort.clone(),
                    allowed: "general, domestic_abuse, sexual_offence",
                },
            ),
        }
    }
    out
}
