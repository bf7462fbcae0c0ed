//! Validation of a rules file against a kit: raw types in, [`Rules`] out, every problem
//! collected with its JSON path. This module reads the file and its top-level fields; each part of
//! the rules has its own module.

use super::error::{RulesError, RulesErrorKind as K, RulesErrors};
use super::model::Rules;
use super::raw::RawRules;
use crate::levels::Level;
use qkit_questionnaires::Kit;

mod adapted;
mod domains;
mod pathway;
mod requirements;

use adapted::adapted;
use domains::domains;
use pathway::{matrix, overall};
use requirements::requirements;

/// The rules format this qkit reads.
pub const RULES_FORMAT: u32 = 1;

/// Largest rules file accepted, in bytes.
pub const MAX_RULES_BYTES: usize = 256 * 1024;

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
