//! Limits on how many of each thing a file may hold, checked before anything else. They are far
//! above any real questionnaire (the longest shipped has 30 items) and keep every later check,
//! scoring and the app's screens quick: without them a 2 MB file of thousands of distinct ids
//! took minutes to validate, because some checks compare each id with every earlier one.

use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::raw::{RawBatteries, RawQuestionnaire};

/// Most items in a questionnaire, and most items a scale may list.
pub const MAX_ITEMS: usize = 500;
/// Most response scales, and most scales (subscales and totals), in a questionnaire.
pub const MAX_SCALES: usize = 100;
/// Most options in a response scale (enough for 0 to 100).
pub const MAX_OPTIONS: usize = 101;
/// Most norms, and most bands, of one scale; most special answers and languages.
pub const MAX_SMALL_LIST: usize = 50;
/// Most opposite pairs, and most alerts, in a questionnaire.
pub const MAX_RULES: usize = 500;
/// Most programmes in the batteries file, and most questionnaires in one battery.
pub const MAX_BATTERY_LIST: usize = 100;

/// Checks one list's length; `false` if it is over `max`.
fn at_most(ctx: &mut Ctx, path: String, what: &str, len: usize, max: usize) -> bool {
    if len <= max {
        return true;
    }
    ctx.err(
        path,
        K::Rule(format!("{len} {what}; qkit reads at most {max}")),
    );
    false
}

/// Whether a questionnaire file is within the limits; every list over its limit is reported.
pub(crate) fn questionnaire(ctx: &mut Ctx, raw: &RawQuestionnaire) -> bool {
    let mut ok = at_most(ctx, "$.items".into(), "items", raw.items.len(), MAX_ITEMS);
    ok &= at_most(
        ctx,
        "$.languages".into(),
        "languages",
        raw.languages.len(),
        MAX_SMALL_LIST,
    );
    ok &= at_most(
        ctx,
        "$.response_scales".into(),
        "response scales",
        raw.response_scales.len(),
        MAX_SCALES,
    );
    for (i, rs) in raw.response_scales.iter().enumerate() {
        ok &= at_most(
            ctx,
            format!("$.response_scales[{i}].options"),
            "options",
            rs.options.len(),
            MAX_OPTIONS,
        );
    }
    ok &= at_most(
        ctx,
        "$.special_answers".into(),
        "special answers",
        raw.special_answers.len(),
        MAX_SMALL_LIST,
    );
    ok &= at_most(
        ctx,
        "$.scales".into(),
        "scales",
        raw.scales.len(),
        MAX_SCALES,
    );
    for (i, s) in raw.scales.iter().enumerate() {
        ok &= at_most(
            ctx,
            format!("$.scales[{i}].items"),
            "items in a scale",
            s.items.len(),
            MAX_ITEMS,
        );
        ok &= at_most(
            ctx,
            format!("$.scales[{i}].norms"),
            "norms",
            s.norms.len(),
            MAX_SMALL_LIST,
        );
        if let Some(bands) = &s.bands {
            ok &= at_most(
                ctx,
                format!("$.scales[{i}].bands.bands"),
                "bands",
                bands.bands.len(),
                MAX_SMALL_LIST,
            );
        }
    }
    if let Some(v) = &raw.validity {
        ok &= at_most(
            ctx,
            "$.validity.opposite_pairs".into(),
            "opposite pairs",
            v.opposite_pairs.len(),
            MAX_RULES,
        );
    }
    ok &= at_most(
        ctx,
        "$.alerts".into(),
        "alerts",
        raw.alerts.len(),
        MAX_RULES,
    );
    ok
}

/// Whether the batteries file is within the limits; every list over its limit is reported.
pub(crate) fn batteries(ctx: &mut Ctx, raw: &RawBatteries) -> bool {
    let mut ok = at_most(
        ctx,
        "$.programmes".into(),
        "programmes",
        raw.programmes.len(),
        MAX_BATTERY_LIST,
    );
    for (i, p) in raw.programmes.iter().enumerate() {
        for (key, list) in [("pre", &p.pre), ("mid", &p.mid), ("post", &p.post)] {
            ok &= at_most(
                ctx,
                format!("$.programmes[{i}].{key}"),
                "questionnaires in a battery",
                list.len(),
                MAX_BATTERY_LIST,
            );
        }
    }
    ok
}
