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

/// (JSON path, what the list holds, its length, its limit).
type List = (String, &'static str, usize, usize);

/// Reports every list over its limit; `true` if none is.
fn within(ctx: &mut Ctx, lists: Vec<List>) -> bool {
    let mut ok = true;
    for (path, what, len, max) in lists {
        if len > max {
            ctx.err(
                path,
                K::Rule(format!("{len} {what}; qkit reads at most {max}")),
            );
            ok = false;
        }
    }
    ok
}

/// Whether a questionnaire file is within the limits; every list over its limit is reported.
pub(crate) fn questionnaire(ctx: &mut Ctx, raw: &RawQuestionnaire) -> bool {
    let mut lists: Vec<List> = vec![
        ("$.items".into(), "items", raw.items.len(), MAX_ITEMS),
        (
            "$.languages".into(),
            "languages",
            raw.languages.len(),
            MAX_SMALL_LIST,
        ),
        (
            "$.response_scales".into(),
            "response scales",
            raw.response_scales.len(),
            MAX_SCALES,
        ),
        (
            "$.special_answers".into(),
            "special answers",
            raw.special_answers.len(),
            MAX_SMALL_LIST,
        ),
        ("$.scales".into(), "scales", raw.scales.len(), MAX_SCALES),
        ("$.alerts".into(), "alerts", raw.alerts.len(), MAX_RULES),
    ];
    for (i, rs) in raw.response_scales.iter().enumerate() {
        let path = format!("$.response_scales[{i}].options");
        lists.push((path, "options", rs.options.len(), MAX_OPTIONS));
    }
    for (i, s) in raw.scales.iter().enumerate() {
        let base = format!("$.scales[{i}]");
        lists.push((
            format!("{base}.items"),
            "items in a scale",
            s.items.len(),
            MAX_ITEMS,
        ));
        lists.push((
            format!("{base}.norms"),
            "norms",
            s.norms.len(),
            MAX_SMALL_LIST,
        ));
        let bands = s.bands.as_ref().map_or(0, |b| b.bands.len());
        lists.push((
            format!("{base}.bands.bands"),
            "bands",
            bands,
            MAX_SMALL_LIST,
        ));
    }
    if let Some(v) = &raw.validity {
        let pairs = v.opposite_pairs.len();
        lists.push((
            "$.validity.opposite_pairs".into(),
            "opposite pairs",
            pairs,
            MAX_RULES,
        ));
    }
    #[cfg(feature = "codes")]
    for (path, len) in super::codes::code_lists(raw) {
        lists.push((path, "codes", len, MAX_SMALL_LIST));
    }
    within(ctx, lists)
}

/// Whether the batteries file is within the limits; every list over its limit is reported.
pub(crate) fn batteries(ctx: &mut Ctx, raw: &RawBatteries) -> bool {
    let mut lists: Vec<List> = vec![(
        "$.programmes".into(),
        "programmes",
        raw.programmes.len(),
        MAX_BATTERY_LIST,
    )];
    for (i, p) in raw.programmes.iter().enumerate() {
        for (key, list) in [("pre", &p.pre), ("mid", &p.mid), ("post", &p.post)] {
            let path = format!("$.programmes[{i}].{key}");
            lists.push((
                path,
                "questionnaires in a battery",
                list.len(),
                MAX_BATTERY_LIST,
            ));
        }
    }
    within(ctx, lists)
}
