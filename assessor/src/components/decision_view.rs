//! A pathway decision with its evidence: need per domain (and the bands behind it), overall need,
//! the risk entered, the pathway the need × risk matrix gives, the cohort from the requirement,
//! adapted delivery and the answers that flagged it, and the assessor's override if any.

use crate::names;
use qkit_allocation::pathway::Missing;
use qkit_allocation::{PathwayDecision, Rules};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`DecisionView`].
#[derive(Properties, PartialEq)]
pub struct DecisionViewProps {
    pub decision: PathwayDecision,
    pub rules: Rc<Rules>,
}

/// The decision as a description list and a table of domains.
#[function_component(DecisionView)]
pub fn decision_view(props: &DecisionViewProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let d = &props.decision;
    let domains = d.domains.iter().map(|dn| {
        let title = props
            .rules
            .domains
            .iter()
            .find(|x| x.id == dn.domain)
            .map_or(dn.domain.clone(), |x| x.title.clone());
        let level = dn
            .level
            .map_or(ctx.t("assessor_not_assessed").to_owned(), |l| names::level(&ctx, l));
        let evidence = dn.evidence.iter().map(|e| {
            html! { <li>{ ctx.tf("assessor_evidence_band", &[
                ("scale", &names::scale(&ctx, &e.questionnaire, &e.scale)),
                ("band", &names::band_label(&ctx, &e.questionnaire, &e.scale, &e.band)),
                ("level", &names::level(&ctx, e.level)),
            ]) }</li> }
        });
        let missing = dn.unassessed.iter().map(|u| {
            let why = match &u.why {
                Missing::NotTaken => ctx.t("assessor_evidence_not_taken").to_owned(),
                Missing::NotScorable => ctx.t("assessor_not_scorable").to_owned(),
                Missing::NoBand => ctx.t("assessor_evidence_no_band").to_owned(),
                Missing::UnknownBand(b) => ctx.tf("assessor_evidence_unknown_band", &[("band", b)]),
                Missing::ValidityConcern(b) => ctx.tf("assessor_evidence_validity", &[("band", b)]),
            };
            html! { <li class="muted">{ format!("{}: {why}", names::scale(&ctx, &u.questionnaire, &u.scale)) }</li> }
        });
        html! {
            <tr>
                <th scope="row">{ title }</th>
                <td>{ level }</td>
                <td><ul class="evidence">{ for evidence }{ for missing }</ul></td>
            </tr>
        }
    });
    let need = d
        .need
        .level
        .map_or(ctx.t("assessor_not_assessed").to_owned(), |l| {
            ctx.tc(
                "assessor_need_points",
                d.need.max_points as usize,
                &[
                    ("level", &names::level(&ctx, l)),
                    ("points", &d.need.points.to_string()),
                ],
            )
        });
    let recommended = d
        .recommended
        .map_or(ctx.t("assessor_no_recommendation").to_owned(), |p| {
            names::intensity(&ctx, p)
        });
    let requirement = props
        .rules
        .requirement(&d.cohort.requirement)
        .map_or(d.cohort.requirement.clone(), |r| r.label.clone());
    let adapted_evidence: Vec<String> = d
        .adapted
        .evidence
        .iter()
        .map(|a| format!("{} = {}", a.item, a.code))
        .collect();
    let adapted = if d.adapted.flagged {
        ctx.tf(
            "assessor_adapted_yes",
            &[("evidence", &adapted_evidence.join(", "))],
        )
    } else {
        ctx.t("assessor_adapted_no").to_owned()
    };
    html! {
        <div class="decision">
            <table class="chart-table">
                <caption>{ ctx.t("assessor_domains_caption") }</caption>
                <thead><tr>
                    <th scope="col">{ ctx.t("assessor_col_domain") }</th>
                    <th scope="col">{ ctx.t("assessor_col_need") }</th>
                    <th scope="col">{ ctx.t("assessor_col_evidence") }</th>
                </tr></thead>
                <tbody>{ for domains }</tbody>
            </table>
            <dl class="facts">
                <dt>{ ctx.t("assessor_overall_need") }</dt><dd>{ need }</dd>
                <dt>{ ctx.t("assessor_risk") }</dt><dd>{ names::level(&ctx, d.risk) }</dd>
                <dt>{ ctx.t("assessor_recommended") }</dt><dd>{ recommended }</dd>
                <dt>{ ctx.t("assessor_cohort") }</dt><dd>{ format!("{} ({requirement})", names::cohort(&ctx, d.cohort.cohort)) }</dd>
                <dt>{ ctx.t("assessor_adapted") }</dt><dd>{ adapted }</dd>
                if let Some(o) = &d.assessor_override {
                    <dt>{ ctx.t("assessor_override") }</dt>
                    <dd class="override">{ ctx.tf("assessor_override_shown", &[
                        ("pathway", &names::intensity(&ctx, o.pathway)),
                        ("reason", &o.reason),
                    ]) }</dd>
                }
                <dt>{ ctx.t("assessor_pathway_in_force") }</dt>
                <dd><strong>{ d.pathway().map_or(ctx.t("assessor_no_recommendation").to_owned(), |p| names::intensity(&ctx, p)) }</strong></dd>
            </dl>
            <p class="muted">{ ctx.tf("assessor_rules_used", &[("rules", &d.rules)]) }</p>
        </div>
    }
}
