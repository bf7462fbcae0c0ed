//! Validation of subscales and totals: item lists, scoring rules, norms, bands and the
//! clinically significant change rule.

use super::change_rules::{clinical, reliable_change};
use super::norms::norms;
use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::model::*;
use crate::number::number_text;
use crate::raw::*;
use crate::text::Lang;

/// Validates scale `index`; `None` when it is too broken to build (problems are in `ctx`).
pub(super) fn validate_scale(
    ctx: &mut Ctx,
    index: usize,
    raw: &RawScale,
    items: &[Item],
    langs: &[Lang],
) -> Option<Scale> {
    let base = format!("$.scales[{index}]");
    let context = format!(" (scale \"{}\")", raw.id);
    ctx.id(&format!("{base}.id"), &raw.id);
    let kind = ctx.keyword(
        &format!("{base}.kind"),
        &raw.kind,
        &[
            ("subscale", ScaleKind::Subscale),
            ("total", ScaleKind::Total),
        ],
        "\"subscale\", \"total\"",
    );
    let title = ctx.text(&format!("{base}.title"), &raw.title, langs, &context);
    let item_indexes = scale_items(ctx, &base, raw, items);
    let method = ctx.keyword(
        &format!("{base}.method"),
        &raw.method,
        &[("sum", Method::Sum), ("mean", Method::Mean)],
        "\"sum\", \"mean\"",
    );
    let min_answered = min_answered(ctx, &base, raw);
    let rounding = match &raw.rounding {
        None => Some(Rounding::None),
        Some(r) => ctx.keyword(
            &format!("{base}.rounding"),
            r,
            &[("none", Rounding::None), ("integer", Rounding::Integer)],
            "\"none\", \"integer\"",
        ),
    };
    let direction = ctx.keyword(
        &format!("{base}.direction"),
        &raw.direction,
        &[
            ("higher_is_more_need", Direction::HigherIsMoreNeed),
            ("higher_is_less_need", Direction::HigherIsLessNeed),
        ],
        "\"higher_is_more_need\", \"higher_is_less_need\"",
    );
    let range = method
        .zip(item_indexes.as_ref())
        .map(|(m, indexes)| score_range(m, indexes, items))
        .unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
    let norms = norms(ctx, &base, raw, range);
    let default_norm = match (&raw.default_norm, norms.is_empty()) {
        (None, true) => None,
        (None, false) => {
            ctx.err(
                format!("{base}.default_norm"),
                K::Rule(format!(
                    "scale \"{}\" has norms, so it needs a default_norm",
                    raw.id
                )),
            );
            None
        }
        (Some(id), _) => {
            let found = norms.iter().position(|n| &n.id == id);
            if found.is_none() {
                ctx.err(
                    format!("{base}.default_norm"),
                    K::UnknownNorm {
                        scale: raw.id.clone(),
                        norm: id.clone(),
                    },
                );
            }
            found
        }
    };

    let item_indexes = item_indexes?;
    if let (Some(MinAnswered::Count(n)), false) = (min_answered, item_indexes.is_empty()) {
        if n as usize > item_indexes.len() {
            ctx.err(
                format!("{base}.min_answered.count"),
                K::OutOfRange {
                    what: "min_answered.count",
                    rule: "at most the number of items in the scale",
                    found: n.to_string(),
                },
            );
        }
    }
    let method = method?;
    let (score_min, score_max) = score_range(method, &item_indexes, items);
    let bands = raw
        .bands
        .as_ref()
        .and_then(|b| bands(ctx, &base, raw, b, langs, score_min, score_max));
    if let Some(b) = &bands {
        if b.basis == BandBasis::TScore && default_norm.is_none() {
            ctx.err(
                format!("{base}.bands.basis"),
                K::Rule(format!(
                    "scale \"{}\" has t_score bands but no default_norm",
                    raw.id
                )),
            );
        }
    }
    let clinical_significance = raw
        .clinical_significance
        .as_ref()
        .and_then(|c| clinical(ctx, &base, &raw.id, c, &norms));
    let reliable_change = raw
        .reliable_change
        .as_ref()
        .and_then(|r| reliable_change(ctx, &base, &raw.id, r, &norms));

    Some(Scale {
        id: raw.id.clone(),
        kind: kind?,
        title,
        items: item_indexes,
        method,
        min_answered: min_answered?,
        prorate: if raw.prorate {
            Prorate::On
        } else {
            Prorate::Off
        },
        rounding: rounding?,
        direction: direction?,
        norms,
        default_norm,
        bands,
        clinical_significance,
        reliable_change,
        score_min,
        score_max,
        codes: super::codes::codes(ctx, &format!("{base}.codes"), &raw.codes),
    })
}

fn scale_items(ctx: &mut Ctx, base: &str, raw: &RawScale, items: &[Item]) -> Option<Vec<usize>> {
    if raw.items.is_empty() {
        ctx.err(
            format!("{base}.items"),
            K::TooFew {
                what: "a scale's items",
                min: 1,
            },
        );
    }
    let mut out = Vec::new();
    let mut ok = true;
    for (i, id) in raw.items.iter().enumerate() {
        let path = format!("{base}.items[{i}]");
        if raw.items[..i].contains(id) {
            ctx.err(
                path.clone(),
                K::Repeated {
                    what: "item",
                    value: id.clone(),
                },
            );
        }
        match items.iter().position(|it| &it.id == id) {
            Some(p) => out.push(p),
            None => {
                ok = false;
                ctx.err(
                    path,
                    K::UnknownItem {
                        owner: format!("scale \"{}\"", raw.id),
                        item: id.clone(),
                    },
                );
            }
        }
    }
    ok.then_some(out)
}

fn min_answered(ctx: &mut Ctx, base: &str, raw: &RawScale) -> Option<MinAnswered> {
    let path = format!("{base}.min_answered");
    match (raw.min_answered.count, raw.min_answered.proportion) {
        (Some(n), None) if n >= 1 => Some(MinAnswered::Count(n)),
        (None, Some(p)) if p.is_finite() && p > 0.0 && p <= 1.0 => Some(MinAnswered::Proportion(p)),
        (Some(n), None) => {
            ctx.err(
                format!("{path}.count"),
                K::OutOfRange {
                    what: "min_answered.count",
                    rule: "at least 1",
                    found: n.to_string(),
                },
            );
            None
        }
        (None, Some(p)) => {
            ctx.err(
                format!("{path}.proportion"),
                K::OutOfRange {
                    what: "min_answered.proportion",
                    rule: "above 0 and at most 1",
                    found: number_text(p),
                },
            );
            None
        }
        _ => {
            ctx.err(
                path,
                K::Rule("min_answered needs exactly one of \"count\" or \"proportion\"".into()),
            );
            None
        }
    }
}

fn score_range(method: Method, indexes: &[usize], items: &[Item]) -> (f64, f64) {
    let lo: f64 = indexes
        .iter()
        .map(|&i| f64::from(items[i].response_scale.min))
        .sum();
    let hi: f64 = indexes
        .iter()
        .map(|&i| f64::from(items[i].response_scale.max))
        .sum();
    match method {
        Method::Sum => (lo, hi),
        Method::Mean => {
            let n = indexes.len().max(1) as f64;
            (lo / n, hi / n)
        }
    }
}

fn bands(
    ctx: &mut Ctx,
    base: &str,
    scale: &RawScale,
    raw: &RawBands,
    langs: &[Lang],
    score_min: f64,
    score_max: f64,
) -> Option<Bands> {
    let path = format!("{base}.bands");
    let basis = ctx.keyword(
        &format!("{path}.basis"),
        &raw.basis,
        &[("score", BandBasis::Score), ("t_score", BandBasis::TScore)],
        "\"score\", \"t_score\"",
    )?;
    if raw.bands.is_empty() {
        ctx.err(
            format!("{path}.bands"),
            K::TooFew {
                what: "bands",
                min: 1,
            },
        );
        return None;
    }
    ctx.unique_ids(
        "band",
        raw.bands
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("{path}.bands[{i}].id"), b.id.as_str())),
    );
    let mut out: Vec<Band> = Vec::new();
    let mut ok = true;
    for (i, b) in raw.bands.iter().enumerate() {
        let bp = format!("{path}.bands[{i}]");
        ctx.id(&format!("{bp}.id"), &b.id);
        let context = format!(" (band \"{}\")", b.id);
        let label = ctx.text(&format!("{bp}.label"), &b.label, langs, &context);
        let finite = ctx.finite(&format!("{bp}.min"), "min", b.min)
            & ctx.finite(&format!("{bp}.max"), "max", b.max);
        if finite && b.min > b.max {
            ctx.err(
                format!("{bp}.min"),
                K::OutOfRange {
                    what: "a band's min",
                    rule: "at most its max",
                    found: number_text(b.min),
                },
            );
            ok = false;
        }
        if let Some(prev) = out.last() {
            if finite && b.min <= prev.max {
                ctx.err(
                    bp.clone(),
                    K::OverlappingBands {
                        scale: scale.id.clone(),
                        first: prev.id.clone(),
                        second: b.id.clone(),
                    },
                );
                ok = false;
            } else if basis == BandBasis::Score && b.min - prev.max > 1.0 {
                ctx.err(
                    bp.clone(),
                    K::BandGap {
                        scale: scale.id.clone(),
                        what: format!(
                            "a gap between {} and {}",
                            number_text(prev.max),
                            number_text(b.min)
                        ),
                    },
                );
                ok = false;
            }
        }
        let colour = b.colour.as_ref().and_then(|c| {
            let parsed = Colour::parse(c);
            if parsed.is_none() {
                ctx.err(
                    format!("{bp}.colour"),
                    K::OutOfRange {
                        what: "colour",
                        rule: "#rrggbb",
                        found: format!("\"{c}\""),
                    },
                );
            }
            parsed
        });
        ok &= finite;
        out.push(Band {
            id: b.id.clone(),
            label,
            min: b.min,
            max: b.max,
            colour,
            validity_concern: b.validity_concern,
        });
    }
    if ok && basis == BandBasis::Score {
        // The loop above proved `out` is non-empty.
        let (first, last) = (&out[0], &out[out.len() - 1]);
        if first.min > score_min {
            ctx.err(
                format!("{path}.bands[0].min"),
                K::BandGap {
                    scale: scale.id.clone(),
                    what: format!(
                        "scores {} to {} without a band",
                        number_text(score_min),
                        number_text(first.min)
                    ),
                },
            );
        }
        if last.max < score_max {
            ctx.err(
                format!("{path}.bands[{}].max", out.len() - 1),
                K::BandGap {
                    scale: scale.id.clone(),
                    what: format!(
                        "scores {} to {} without a band",
                        number_text(last.max),
                        number_text(score_max)
                    ),
                },
            );
        }
    }
    ok.then(|| Bands {
        basis,
        citation: raw.citation.clone(),
        bands: out,
    })
}
