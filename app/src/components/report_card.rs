//! One questionnaire on the completion summary: answers counted, scores or why there are none,
//! response-quality flags and items to revisit. All numbers come from the scoring report.

use qkit_questionnaires::Questionnaire;
use qkit_scoring::{NotScorable, ScaleScore, ScoreStatus};
use qkit_session::QuestionnaireSummary;
use qkit_web::words::{flag_line, number};
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ReportCard`].
#[derive(Properties, PartialEq)]
pub struct ReportCardProps {
    pub summary: QuestionnaireSummary,
}

/// One questionnaire's part of the summary.
#[function_component(ReportCard)]
pub fn report_card(props: &ReportCardProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let s = &props.summary;
    let q = ctx.kit.questionnaire(&s.id);
    let title = q.map_or(s.id.clone(), |q| q.short_title.get(&ctx.lang).to_owned());
    let heading_id = format!("report-{}", s.id);
    let answered = ctx.tf(
        "report_answered",
        &[
            ("n", &s.answered.to_string()),
            ("total", &s.n_items.to_string()),
        ],
    );
    let body = match (&s.report, q) {
        _ if s.outdated => html! {
            <p class="notice warning">{ ctx.tc("report_outdated", s.answered + s.special, &[]) }</p>
        },
        (Some(report), Some(q)) => {
            let scores = report
                .scales
                .iter()
                .map(|sc| html! { <li>{ score_line(&ctx, q, sc) }</li> });
            let flags = report
                .flags
                .iter()
                .map(|f| html! { <li>{ flag_line(&ctx, q, f) }</li> });
            let revisit: Vec<String> = report
                .revisit
                .iter()
                .map(|id| q.item_index(id).map_or(id.clone(), |i| (i + 1).to_string()))
                .collect();
            html! {
                <>
                    if !report.scales.is_empty() {
                        <ul class="scores">{ for scores }</ul>
                    }
                    if !report.flags.is_empty() {
                        <ul class="flags">{ for flags }</ul>
                    }
                    if !revisit.is_empty() {
                        <p class="notice info">{ ctx.tf("report_revisit", &[("items", &revisit.join(", "))]) }</p>
                    }
                </>
            }
        }
        _ => html! { <p class="notice warning">{ ctx.t("report_not_scored") }</p> },
    };
    html! {
        <section class="report" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ title }</h3>
            if !s.outdated {
                <p>{ answered }</p>
            }
            if s.special > 0 {
                <p>{ ctx.tf("report_special", &[("count", &s.special.to_string())]) }</p>
            }
            { body }
        </section>
    }
}

fn score_line(ctx: &KitContext, q: &Questionnaire, sc: &ScaleScore) -> String {
    let scale = q.scale(&sc.scale);
    let name = scale.map_or(sc.scale.clone(), |s| s.title.get(&ctx.lang).to_owned());
    let Some(score) = sc.score else {
        let (answered, required) = match &sc.status {
            ScoreStatus::NotScorable(NotScorable::TooFewAnswered { answered, required }) => {
                (*answered, *required)
            }
            _ => (sc.n_answered, sc.n_items),
        };
        return ctx.tf(
            "score_not_scorable",
            &[
                ("scale", &name),
                ("answered", &answered.to_string()),
                ("required", &required.to_string()),
            ],
        );
    };
    let mut line = ctx.tf(
        "score_value",
        &[("scale", &name), ("score", &number(score))],
    );
    let band = sc.band.as_ref().and_then(|b| {
        let bands = &scale?.bands.as_ref()?.bands;
        bands
            .iter()
            .find(|x| &x.id == b)
            .map(|x| x.label.get(&ctx.lang).to_owned())
    });
    if let Some(band) = band {
        line = format!("{line} — {band}");
    }
    if sc.status == ScoreStatus::Prorated {
        line = format!("{line} ({})", ctx.t("score_prorated"));
    }
    line
}
