//! The overall-need rule (points per domain level, and the bands they fall in) and the need ×
//! risk matrix that gives the pathway.

use super::Ctx;
use crate::levels::{Intensity, Level};
use crate::rules::error::RulesErrorKind as K;
use crate::rules::model::OverallRule;
use crate::rules::raw::RawOverall;
use std::collections::BTreeMap;

/// Most points a need level may earn: small enough that the points of every domain a rules file
/// can hold add up without overflow.
const MAX_POINTS: u32 = 1000;

pub(super) fn overall(ctx: &mut Ctx, raw: &RawOverall) -> Option<OverallRule> {
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

pub(super) fn matrix(
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
