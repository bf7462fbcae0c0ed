//! The cohort table's legend: for each scale column shown, the norm groups its T-scores are
//! against, what its bands are read from, and each band's code with its colour and full label.

use crate::components::band_label::swatch;
use crate::model::cohort::Table;
use crate::model::legend::legend;
use crate::names;
use qkit_questionnaires::BandBasis;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`CohortLegend`].
#[derive(Properties, PartialEq)]
pub struct CohortLegendProps {
    pub table: Rc<Table>,
    /// Indexes of the scale columns shown.
    pub columns: Vec<usize>,
}

/// The legend, or nothing when no column shown has bands or T-scores.
#[function_component(CohortLegend)]
pub fn cohort_legend(props: &CohortLegendProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let entries = legend(&ctx.kit, &props.table, &props.columns);
    if entries.is_empty() {
        return html! {};
    }
    let items = entries.iter().filter_map(|e| {
        let c = props.table.columns.get(e.column)?;
        let scale = ctx
            .kit
            .questionnaire(&c.questionnaire)
            .and_then(|q| q.scale(&c.scale));
        let norms: Vec<String> = e
            .norms
            .iter()
            .map(|id| {
                scale
                    .and_then(|s| s.norm(id))
                    .map_or(id.clone(), |n| n.population.clone())
            })
            .collect();
        let basis = e.basis.map(|b| {
            ctx.t(match b {
                BandBasis::Score => "assessor_legend_bands_score",
                BandBasis::TScore => "assessor_legend_bands_t",
            })
            .to_owned()
        });
        let bands = e.bands.iter().map(|(code, id)| {
            let colour = names::band_colour(&ctx, &c.questionnaire, &c.scale, id);
            html! {
                <li>
                    { swatch(colour.map(|c| c.to_string())) }
                    <strong>{ code.to_string() }</strong>{ " " }
                    { names::band_label(&ctx, &c.questionnaire, &c.scale, id) }
                </li>
            }
        });
        Some(html! {
            <>
                <dt>{ names::scale(&ctx, &c.questionnaire, &c.scale) }</dt>
                <dd>
                    if !norms.is_empty() {
                        <p>{ ctx.tf("assessor_legend_t", &[("norms", &norms.join("; "))]) }</p>
                    }
                    if let Some(b) = basis { <p>{ b }</p> }
                    if !e.bands.is_empty() { <ul class="band-codes">{ for bands }</ul> }
                </dd>
            </>
        })
    });
    html! {
        <section class="cohort-legend" aria-labelledby="cohort-legend-heading">
            <h2 id="cohort-legend-heading">{ ctx.t("assessor_legend_heading") }</h2>
            <p>{ ctx.t("assessor_legend_caution") }</p>
            <dl>{ for items }</dl>
        </section>
    }
}
