//! Validation of a rules file against a kit: raw types in, [`Rules`] out, every problem
//! collected with its JSON path.

use super::error::{RulesError, RulesErrorKind as K, RulesErrors};
use super::model::{AdaptedRule, AdaptedTrigger, Domain, OverallRule, Requirement, Rules, Source};
use super::raw::{RawAdapted, RawDomain, RawOverall, RawRequirement, RawRules};
use crate::levels::{Cohort, Intensity, Level};
use qkit_questionnaires::{ItemRole, Kit};
use std::collections::{BTreeMap, BTreeSet};

/// The rules format this qkit reads.
pub const RULES_FORMAT: u32 = 1;

/// Largest rules file accepted, in bytes.
pub const MAX_RULES_BYTES: usize = 256 * 1024;

/// Most points a need level may earn: small enough that the points of every domain a rules file
/// can hold add up without overflow.
const MAX_POINTS: u32 = 1000;

/// Item roles a rule may name, by their file keys.
const ROLES: &[(&str, ItemRole)] = &[
    ("consent", ItemRole::Consent),
    ("preferred_language", ItemRole::PreferredLanguage),
    ("reading_help", ItemRole::ReadingHelp),
    ("learning_needs", ItemRole::LearningNeeds),
    ("availability", ItemRole::Availability),
    ("in_work", ItemRole::InWork),
    ("site", ItemRole::Site),
];

struct Ctx<'a> {
    file: &'a str,
    errors: Vec<RulesError>,
}

impl Ctx<'_> {
    fn err(&mut self, path: impl Into<String>, kind: K) {
        self.errors.push(RulesError {
            file: self.file.to_owned(),
            path: path.into(),
            kind,
        });
    }

    fn id(&mut self, path: &str, id: &str) {
        let mut chars = id.chars();
        let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
            && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            && id.len() <= 64;
        if !ok {
            self.err(path, K::BadId(id.to_owned()));
        }
    }

    fn non_empty(&mut self, path: &str, what: &str, s: &str) {
        if s.trim().is_empty() {
            self.err(path, K::Rule(format!("{what} must not be empty")));
        }
    }

    fn level(&mut self, path: &str, key: &str) -> Option<Level> {
        let level = Level::from_key(key);
        if level.is_none() {
            self.err(
                path,
                K::NotAllowed {
                    found: key.to_owned(),
                    allowed: "low, medium, high",
                },
            );
        }
        level
    }
}

/// Parses and validates a rules file against `kit`.
pub(crate) fn validate(file: &str, text: &str, kit: &Kit) -> Result<Rules, RulesErrors> {
    let mut ctx = Ctx {
        file,
        errors: Vec::new(),
    };
    if text.len() > MAX_RULES_BYTES {
        ctx.err(
            "$",
            K::TooLarge {
                size: text.len(),
                limit: MAX_RULES_BYTES,
            },
        );
        return Err(RulesErrors(ctx.errors));
    }
    if let Some(why) = qkit_questionnaires::not_one_object(text) {
        ctx.err("$", K::Json(why.to_owned()));
        return Err(RulesErrors(ctx.errors));
    }
    let raw: RawRules = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            ctx.err("$", K::Json(e.to_string()));
            return Err(RulesErrors(ctx.errors));
        }
    };
    if raw.format != RULES_FORMAT {
        ctx.err(
            "$.format",
            K::UnsupportedFormat {
                found: raw.format,
                supported: RULES_FORMAT,
            },
        );
    }
    ctx.id("$.id", &raw.id);
    ctx.non_empty("$.version", "version", &raw.version);
    ctx.non_empty("$.source", "source", &raw.source);
    ctx.non_empty("$.risk_note", "risk_note", &raw.risk_note);
    let domains = domains(&mut ctx, &raw.domains, kit);
    let overall = overall(&mut ctx, &raw.overall);
    let matrix = matrix(&mut ctx, &raw.pathway);
    let requirements = requirements(&mut ctx, &raw.requirements);
    let adapted = adapted(&mut ctx, &raw.adapted, kit);
    match (overall, matrix, adapted) {
        (Some(overall), Some(matrix), Some(adapted)) if ctx.errors.is_empty() => Ok(Rules {
            id: raw.id,
            version: raw.version,
            source: raw.source,
            risk_note: raw.risk_note,
            domains,
            overall,
            matrix,
            requirements,
            adapted,
            programmes: kit.programmes.iter().map(|p| p.id.clone()).collect(),
        }),
        _ => Err(RulesErrors(ctx.errors)),
    }
}

fn domains(ctx: &mut Ctx, raw: &[RawDomain], kit: &Kit) -> Vec<Domain> {
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

fn source(ctx: &mut Ctx, path: &str, s: &super::raw::RawSource, kit: &Kit) -> Option<Source> {
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

fn overall(ctx: &mut Ctx, raw: &RawOverall) -> Option<OverallRule> {
    let mut points = [None; 3];
    for (key, p) in &raw.points {
        let path = format!("$.overall.points.{key}");
        if *p > MAX_POINTS {
            ctx.err(
                path.clone(),
                K::OutOfRange {
                    what: "points",
                    rule: "a whole number from 0 to 1000",
                    found: p.to_string(),
                },
            );
        }
        if let Some(level) = ctx.level(&path, key) {
            points[level as usize] = Some(*p);
        }
    }
    for level in Level::ALL {
        if points[*level as usize].is_none() {
            ctx.err(
                "$.overall.points",
                K::Rule(format!(
                    "points must give every level; \"{level}\" is missing"
                )),
            );
        }
    }
    let [Some(low), Some(medium), Some(high)] = points else {
        return None;
    };
    if !(low <= medium && medium <= high && low < high) {
        ctx.err(
            "$.overall.points",
            K::Rule(format!(
                "points must rise from low to high, found low {low}, medium {medium}, high {high}"
            )),
        );
    }
    let mut share = |key: &str, v: f64| {
        if !(v > 0.0 && v <= 1.0) {
            ctx.err(
                format!("$.overall.{key}"),
                K::OutOfRange {
                    what: "a share of the maximum points",
                    rule: "greater than 0 and at most 1",
                    found: v.to_string(),
                },
            );
        }
    };
    share("high_at_least", raw.high_at_least);
    share("medium_at_least", raw.medium_at_least);
    if raw.medium_at_least > raw.high_at_least {
        ctx.err(
            "$.overall.medium_at_least",
            K::Rule(format!(
                "medium_at_least ({}) must not be above high_at_least ({})",
                raw.medium_at_least, raw.high_at_least
            )),
        );
    }
    Some(OverallRule {
        points: [low, medium, high],
        high_at_least: raw.high_at_least,
        medium_at_least: raw.medium_at_least,
    })
}

fn matrix(
    ctx: &mut Ctx,
    raw: &BTreeMap<String, BTreeMap<String, String>>,
) -> Option<[[Intensity; 3]; 3]> {
    let mut cells = [[None; 3]; 3];
    for (need_key, row) in raw {
        let need = ctx.level(&format!("$.pathway.{need_key}"), need_key);
        for (risk_key, value) in row {
            let path = format!("$.pathway.{need_key}.{risk_key}");
            let risk = ctx.level(&path, risk_key);
            let pathway = Intensity::from_key(value);
            if pathway.is_none() {
                ctx.err(
                    path,
                    K::NotAllowed {
                        found: value.clone(),
                        allowed: "high_intensity, moderate_intensity, not_recommended",
                    },
                );
            }
            if let (Some(n), Some(r)) = (need, risk) {
                cells[n as usize][r as usize] = pathway;
            }
        }
    }
    let mut out = [[Intensity::NotRecommended; 3]; 3];
    let mut complete = true;
    for need in Level::ALL {
        for risk in Level::ALL {
            match cells[*need as usize][*risk as usize] {
                Some(p) => out[*need as usize][*risk as usize] = p,
                None => {
                    complete = false;
                    if raw
                        .get(need.key())
                        .is_none_or(|r| r.get(risk.key()).is_none())
                    {
                        ctx.err(
                            "$.pathway",
                            K::MissingCell {
                                need: need.to_string(),
                                risk: risk.to_string(),
                            },
                        );
                    }
                }
            }
        }
    }
    complete.then_some(out)
}

fn requirements(ctx: &mut Ctx, raw: &[RawRequirement]) -> Vec<Requirement> {
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

fn adapted(ctx: &mut Ctx, raw: &RawAdapted, kit: &Kit) -> Option<AdaptedRule> {
    let Some(q) = kit.questionnaire(&raw.questionnaire) else {
        ctx.err(
            "$.adapted.questionnaire",
            K::UnknownQuestionnaire(raw.questionnaire.clone()),
        );
        return None;
    };
    if raw.when_any.is_empty() {
        ctx.err(
            "$.adapted.when_any",
            K::TooFew {
                what: "adapted triggers",
                min: 1,
            },
        );
    }
    let mut triggers = Vec::new();
    for (i, w) in raw.when_any.iter().enumerate() {
        let base = format!("$.adapted.when_any[{i}]");
        let Some(role) = ROLES.iter().find(|(k, _)| *k == w.role).map(|(_, r)| *r) else {
            ctx.err(
                format!("{base}.role"),
                K::NotAllowed {
                    found: w.role.clone(),
                    allowed: "consent, preferred_language, reading_help, learning_needs, availability, in_work, site",
                },
            );
            continue;
        };
        let Some(item) = q.item_with_role(role) else {
            ctx.err(
                format!("{base}.role"),
                K::NoItemWithRole {
                    questionnaire: q.id.clone(),
                    role: w.role.clone(),
                },
            );
            continue;
        };
        if w.codes.is_empty() {
            ctx.err(
                format!("{base}.codes"),
                K::TooFew {
                    what: "codes",
                    min: 1,
                },
            );
        }
        let mut options = Vec::new();
        for (ci, code) in w.codes.iter().enumerate() {
            match item.response_scale.option_with_code(code) {
                Some(o) => options.push((code.clone(), o.value)),
                None => ctx.err(
                    format!("{base}.codes[{ci}]"),
                    K::UnknownCode {
                        item: item.id.clone(),
                        code: code.clone(),
                    },
                ),
            }
        }
        triggers.push(AdaptedTrigger {
            role,
            item: item.id.clone(),
            options,
        });
    }
    Some(AdaptedRule {
        questionnaire: q.id.clone(),
        triggers,
    })
}
