//! How each change verdict was reached, in words a reader of the report can check: per scale,
//! the reliable change rule (a published threshold, a named clinical sample's SD, or this
//! cohort's SD) with its source, and the clinical cut-off with its source. The profile and the
//! printed report show the same list.

use crate::model::series::Series;
use crate::names;
use qkit_questionnaires::number::decimals_text;
use qkit_scoring::change::ClinicalCutoff;
use qkit_scoring::ReliableChangeBasis;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ChangeBasis`].
#[derive(Properties, PartialEq)]
pub struct ChangeBasisProps {
    pub series: Vec<Series>,
}

/// One line per scale with a change: its reliable change rule and its clinical cut-off, each
/// with its source.
#[function_component(ChangeBasis)]
pub fn change_basis(props: &ChangeBasisProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let lines = props.series.iter().filter_map(|s| {
        let change = s.change.as_ref()?.as_ref().ok()?;
        let reliable = change.basis.as_ref().map_or_else(
            || names::change_outcome(&ctx, &change.outcome),
            |b| basis_words(&ctx, b),
        );
        let cutoff = change
            .clinical_cutoff
            .as_ref()
            .map(|c| cutoff_words(&ctx, c));
        Some(html! {
            <li>
                <strong>{ names::scale(&ctx, &s.questionnaire, &s.scale) }</strong>{ ": " }
                { reliable }
                if let Some(c) = cutoff { { " " }{ c } }
            </li>
        })
    });
    html! {
        <div class="change-basis">
            <p class="muted">{ ctx.t("assessor_basis_heading") }</p>
            <ul class="sources">{ for lines }</ul>
        </div>
    }
}

/// "Reliable change: a change of 6 points or more (source)" and the like.
pub fn basis_words(ctx: &KitContext, b: &ReliableChangeBasis) -> String {
    let two = |x: f64| decimals_text(x, 2);
    match b {
        ReliableChangeBasis::Points { points, source } => ctx.tf(
            "assessor_basis_points",
            &[("points", &names::number(*points)), ("source", source)],
        ),
        ReliableChangeBasis::Norm {
            norm,
            sd,
            reliability,
            threshold,
            source,
        } => ctx.tf(
            "assessor_basis_norm",
            &[
                ("threshold", &two(*threshold)),
                ("norm", norm),
                ("sd", &two(*sd)),
                ("r", &two(*reliability)),
                ("source", source),
            ],
        ),
        ReliableChangeBasis::CohortPre {
            n,
            sd,
            reliability,
            threshold,
            source,
            ..
        } => ctx.tc(
            "assessor_basis_cohort",
            *n,
            &[
                ("threshold", &two(*threshold)),
                ("sd", &two(*sd)),
                ("r", &two(*reliability)),
                ("source", source),
            ],
        ),
    }
}

/// "Clinical cut-off 10: a score at or beyond it is in the clinical range (source)".
pub fn cutoff_words(ctx: &KitContext, c: &ClinicalCutoff) -> String {
    ctx.tf(
        "assessor_basis_cutoff",
        &[
            ("cutoff", &decimals_text(c.cutoff, 2)),
            ("source", &c.source),
        ],
    )
}
