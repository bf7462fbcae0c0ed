//! A questionnaire's response-quality settings: least time per item, most missing, and item
//! pairs whose answers should disagree.

use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::model::*;
use crate::number::number_text;
use crate::raw::*;

pub(super) fn validity(ctx: &mut Ctx, raw: &RawQuestionnaire, items: &[Item]) -> Validity {
    let Some(v) = &raw.validity else {
        return Validity {
            min_seconds_per_item: None,
            max_missing_proportion: 0.2,
            opposite_pairs: Vec::new(),
        };
    };
    if let Some(s) = v.min_seconds_per_item {
        if !(s.is_finite() && s > 0.0 && s < 600.0) {
            ctx.err(
                "$.validity.min_seconds_per_item",
                K::OutOfRange {
                    what: "min_seconds_per_item",
                    rule: "above 0 and below 600",
                    found: number_text(s),
                },
            );
        }
    }
    let max_missing = v.max_missing_proportion.unwrap_or(0.2);
    if !(max_missing.is_finite() && (0.0..=1.0).contains(&max_missing)) {
        ctx.err(
            "$.validity.max_missing_proportion",
            K::OutOfRange {
                what: "max_missing_proportion",
                rule: "between 0 and 1",
                found: number_text(max_missing),
            },
        );
    }
    let mut pairs = Vec::new();
    for (i, [a, b]) in v.opposite_pairs.iter().enumerate() {
        let path = format!("$.validity.opposite_pairs[{i}]");
        let find = |id: &str| items.iter().position(|it| it.id == id);
        let (ia, ib) = (find(a), find(b));
        for (id, found) in [(a, ia), (b, ib)] {
            if found.is_none() {
                ctx.err(
                    path.clone(),
                    K::UnknownItem {
                        owner: "opposite pair".into(),
                        item: id.clone(),
                    },
                );
            }
        }
        let (Some(ia), Some(ib)) = (ia, ib) else {
            continue;
        };
        let why = if ia == ib {
            Some("an item cannot be its own opposite")
        } else if items[ia].response_scale.id != items[ib].response_scale.id {
            Some("both items must use one response scale")
        } else if items[ia].reverse_keyed == items[ib].reverse_keyed {
            Some("exactly one of the pair must be reverse keyed")
        } else {
            None
        };
        match why {
            Some(why) => ctx.err(
                path,
                K::BadOppositePair {
                    first: a.clone(),
                    second: b.clone(),
                    why,
                },
            ),
            None => pairs.push((ia, ib)),
        }
    }
    Validity {
        min_seconds_per_item: v.min_seconds_per_item,
        max_missing_proportion: max_missing,
        opposite_pairs: pairs,
    }
}
