//! Validation of norm groups: sample, mean, SD, reliability, role, where in the source the
//! values are, whether they were checked, the distribution's shape and a percentile table.

use super::Ctx;
use crate::error::DefinitionErrorKind as K;
use crate::model::*;
use crate::number::number_text;
use crate::raw::*;

/// The scale's norm groups; `range` is the lowest and highest possible score, which a
/// percentile table's scores must lie within.
pub(super) fn norms(ctx: &mut Ctx, base: &str, raw: &RawScale, range: (f64, f64)) -> Vec<Norm> {
    ctx.unique_ids(
        "norm",
        raw.norms
            .iter()
            .enumerate()
            .map(|(i, n)| (format!("{base}.norms[{i}].id"), n.id.as_str())),
    );
    let mut out = Vec::new();
    for (i, n) in raw.norms.iter().enumerate() {
        let path = format!("{base}.norms[{i}]");
        ctx.id(&format!("{path}.id"), &n.id);
        let mut ok = ctx.finite(&format!("{path}.mean"), "mean", n.mean);
        if !(n.sd.is_finite() && n.sd > 0.0) {
            ctx.err(format!("{path}.sd"), K::NonPositiveSd(n.sd, raw.id.clone()));
            ok = false;
        }
        if n.n == 0 {
            ctx.err(
                format!("{path}.n"),
                K::OutOfRange {
                    what: "n",
                    rule: "at least 1",
                    found: "0".into(),
                },
            );
        }
        let r = n.reliability.value;
        if !(r.is_finite() && r > 0.0 && r < 1.0) {
            ctx.err(
                format!("{path}.reliability.value"),
                K::OutOfRange {
                    what: "reliability",
                    rule: "above 0 and below 1",
                    found: number_text(r),
                },
            );
            ok = false;
        }
        let kind = ctx.keyword(
            &format!("{path}.reliability.kind"),
            &n.reliability.kind,
            &[
                ("alpha", ReliabilityKind::Alpha),
                ("test_retest", ReliabilityKind::TestRetest),
            ],
            "\"alpha\", \"test_retest\"",
        );
        let role = match &n.role {
            None => Some(None),
            Some(r) => ctx
                .keyword(
                    &format!("{path}.role"),
                    r,
                    &[
                        ("clinical", NormRole::Clinical),
                        ("functional", NormRole::Functional),
                    ],
                    "\"clinical\", \"functional\"",
                )
                .map(Some),
        };
        for (key, value) in [("population", &n.population), ("citation", &n.citation)] {
            if value.trim().is_empty() {
                ctx.err(format!("{path}.{key}"), K::EmptyText(String::new()));
            }
        }
        if n.location.as_ref().is_some_and(|l| l.trim().is_empty()) {
            ctx.err(format!("{path}.location"), K::EmptyText(String::new()));
        }
        let distribution = match &n.distribution {
            None => Some(Distribution::NotReported),
            Some(d) => ctx.keyword(
                &format!("{path}.distribution"),
                d,
                &[
                    ("normal", Distribution::Normal),
                    ("skewed", Distribution::Skewed),
                    ("not_reported", Distribution::NotReported),
                ],
                "\"normal\", \"skewed\", \"not_reported\"",
            ),
        };
        let percentile_ranks = match &n.percentile_ranks {
            None => Some(None),
            Some(table) => {
                percentile_ranks(ctx, &format!("{path}.percentile_ranks"), table, range).map(Some)
            }
        };
        if let (true, Some(kind), Some(role), Some(distribution), Some(percentile_ranks)) =
            (ok, kind, role, distribution, percentile_ranks)
        {
            out.push(Norm {
                id: n.id.clone(),
                population: n.population.clone(),
                n: n.n,
                mean: n.mean,
                sd: n.sd,
                reliability: Reliability { kind, value: r },
                citation: n.citation.clone(),
                role,
                location: n.location.clone(),
                verified: n.verified,
                distribution,
                percentile_ranks,
            });
        }
    }
    out
}

/// A percentile table: a source, at least two rows, scores strictly rising within the scale's
/// range, ranks from 0 to 100 that never fall.
fn percentile_ranks(
    ctx: &mut Ctx,
    path: &str,
    raw: &RawPercentileRanks,
    (score_min, score_max): (f64, f64),
) -> Option<PercentileRanks> {
    let before = ctx.errors.len();
    if raw.source.trim().is_empty() {
        ctx.err(format!("{path}.source"), K::EmptyText(String::new()));
    }
    if raw.ranks.len() < 2 {
        ctx.err(
            format!("{path}.ranks"),
            K::TooFew {
                what: "percentile ranks",
                min: 2,
            },
        );
    }
    let mut previous: Option<[f64; 2]> = None;
    for (i, &[score, rank]) in raw.ranks.iter().enumerate() {
        let row = format!("{path}.ranks[{i}]");
        if !(score.is_finite() && (score_min..=score_max).contains(&score)) {
            ctx.err(
                format!("{row}[0]"),
                K::OutOfRange {
                    what: "score",
                    rule: "within the scale's possible scores",
                    found: number_text(score),
                },
            );
        }
        if !(rank.is_finite() && (0.0..=100.0).contains(&rank)) {
            ctx.err(
                format!("{row}[1]"),
                K::OutOfRange {
                    what: "percentile rank",
                    rule: "from 0 to 100",
                    found: number_text(rank),
                },
            );
        }
        if let Some([s, r]) = previous {
            if score <= s || rank < r {
                ctx.err(
                    row,
                    K::Rule("scores must rise and ranks must never fall, row by row".into()),
                );
            }
        }
        previous = Some([score, rank]);
    }
    (ctx.errors.len() == before).then(|| PercentileRanks {
        ranks: raw.ranks.iter().map(|&[s, r]| (s, r)).collect(),
        source: raw.source.clone(),
    })
}
