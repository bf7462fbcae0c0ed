//! What both areas say in words the same way: a number as staff read it, and a response-quality
//! flag (the participant app's completion summary and the assessor's notes).

use crate::KitContext;
use qkit_questionnaires::number::decimals_text;
use qkit_questionnaires::Questionnaire;
use qkit_scoring::QualityFlag;

/// A number as staff read it: whole numbers plainly, others to two decimals.
pub fn number(x: f64) -> String {
    let places = if (x - x.round()).abs() < 1e-9 { 0 } else { 2 };
    decimals_text(x, places)
}

/// One response-quality flag in words. The assessor's notes use the same words.
pub fn flag_line(ctx: &KitContext, q: &Questionnaire, f: &QualityFlag) -> String {
    let scale_title = |id: &str| {
        q.scale(id)
            .map_or(id.to_owned(), |s| s.title.get(&ctx.lang).to_owned())
    };
    match f {
        QualityFlag::TooFast {
            median_seconds,
            min_seconds,
        } => ctx.tf(
            "flag_too_fast",
            &[
                ("median", &number(*median_seconds)),
                ("min", &number(*min_seconds)),
            ],
        ),
        QualityFlag::StraightLining { scale, n_items, .. } => ctx.tc(
            "flag_straight_lining",
            *n_items,
            &[("scale", &scale_title(scale))],
        ),
        QualityFlag::ValidityConcern { scale, band } => {
            let label = q
                .scale(scale)
                .and_then(|s| s.bands.as_ref()?.bands.iter().find(|b| b.id == *band))
                .map_or(band.clone(), |b| b.label.get(&ctx.lang).to_owned());
            ctx.tf(
                "flag_validity_concern",
                &[("scale", &scale_title(scale)), ("band", &label)],
            )
        }
        QualityFlag::AdaptedWording { items } => ctx.tf(
            "flag_adapted_wording",
            &[("count", &items.len().to_string())],
        ),
        QualityFlag::InconsistentPairs { pairs } => {
            ctx.tf("flag_inconsistent", &[("count", &pairs.len().to_string())])
        }
        QualityFlag::HighMissingness {
            missing, n_items, ..
        } => ctx.tf(
            "flag_missing",
            &[
                ("missing", &missing.to_string()),
                ("total", &n_items.to_string()),
            ],
        ),
    }
}
