//! The need domains of a rules file and the scores that evidence each: questionnaire, scale and
//! the bands that give its level.

use super::Ctx;
use crate::rules::error::RulesErrorKind as K;
use crate::rules::model::{Domain, Source};
use crate::rules::raw::{RawDomain, RawSource};
use qkit_questionnaires::Kit;
use std::collections::BTreeSet;

pub(super) fn domains(ctx: &mut Ctx, raw: &[RawDomain], kit: &Kit) -> Vec<Domain> {
    if raw.is_empty() {
        ctx.err(
            "$.domains",
            K::TooFew {
                what: "domains",
                min: 1,
            },
        );
    }
    let mut ids = BTreeSet::new();
    let mut scales = BTreeSet::new();
    let mut out = Vec::new();
    for (di, d) in raw.iter().enumerate() {
        let base = format!("$.domains[{di}]");
        ctx.id(&format!("{base}.id"), &d.id);
        if !ids.insert(d.id.as_str()) {
            ctx.err(
                format!("{base}.id"),
                K::Duplicate {
                    what: "domain",
                    id: d.id.clone(),
                },
            );
        }
        ctx.non_empty(&format!("{base}.title"), "title", &d.title);
        if d.sources.is_empty() {
            ctx.err(
                format!("{base}.sources"),
                K::TooFew {
                    what: "a domain's sources",
                    min: 1,
                },
            );
        }
        let mut sources = Vec::new();
        for (si, s) in d.sources.iter().enumerate() {
            let path = format!("{base}.sources[{si}]");
            if !scales.insert((s.questionnaire.as_str(), s.scale.as_str())) {
                ctx.err(
                    format!("{path}.scale"),
                    K::Duplicate {
                        what: "scale source",
                        id: format!("{}.{}", s.questionnaire, s.scale),
                    },
                );
            }
            if let Some(src) = source(ctx, &path, s, kit) {
                sources.push(src);
            }
        }
        out.push(Domain {
            id: d.id.clone(),
            title: d.title.clone(),
            sources,
        });
    }
    out
}

fn source(ctx: &mut Ctx, path: &str, s: &RawSource, kit: &Kit) -> Option<Source> {
    let Some(q) = kit.questionnaire(&s.questionnaire) else {
        ctx.err(
            format!("{path}.questionnaire"),
            K::UnknownQuestionnaire(s.questionnaire.clone()),
        );
        return None;
    };
    let Some(scale) = q.scale(&s.scale) else {
        ctx.err(
            format!("{path}.scale"),
            K::UnknownScale {
                questionnaire: q.id.clone(),
                scale: s.scale.clone(),
            },
        );
        return None;
    };
    let Some(bands) = &scale.bands else {
        ctx.err(
            format!("{path}.scale"),
            K::NoBands {
                questionnaire: q.id.clone(),
                scale: scale.id.clone(),
            },
        );
        return None;
    };
    for band in s.bands.keys() {
        if !bands.bands.iter().any(|b| &b.id == band) {
            ctx.err(
                format!("{path}.bands.{band}"),
                K::UnknownBand {
                    questionnaire: q.id.clone(),
                    scale: scale.id.clone(),
                    band: band.clone(),
                },
            );
        }
    }
    let mut mapped = Vec::new();
    for band in &bands.bands {
        match s.bands.get(&band.id) {
            // A validity-concern band is never read as a level of need.
            None if band.validity_concern => {}
            Some(_) if band.validity_concern => ctx.err(
                format!("{path}.bands.{}", band.id),
                K::ValidityBandMapped {
                    questionnaire: q.id.clone(),
                    scale: scale.id.clone(),
                    band: band.id.clone(),
                },
            ),
            None => ctx.err(
                format!("{path}.bands"),
                K::UnmappedBand {
                    questionnaire: q.id.clone(),
                    scale: scale.id.clone(),
                    band: band.id.clone(),
                },
            ),
            Some(key) => {
                if let Some(level) = ctx.level(&format!("{path}.bands.{}", band.id), key) {
                    mapped.push((band.id.clone(), level));
                }
            }
        }
    }
    Some(Source {
        questionnaire: q.id.clone(),
        scale: scale.id.clone(),
        bands: mapped,
    })
}
