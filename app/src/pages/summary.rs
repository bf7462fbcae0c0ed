//! The staff completion summary: questionnaires done, items answered, alerts to act on, flags and
//! "not scorable" warnings, then the export step (given as children).

use crate::components::report_card::ReportCard;
use crate::pages::item::special_label;
use qkit_export::ResultRecord;
use qkit_scoring::Answer;
use qkit_session::{AlertNotice, Summary};
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SummaryPage`].
#[derive(Properties, PartialEq)]
pub struct SummaryPageProps {
    pub summary: Rc<Summary>,
    pub record: Rc<ResultRecord>,
    pub on_done: Callback<()>,
    /// The export step.
    #[prop_or_default]
    pub children: Html,
}

/// The completion summary.
#[function_component(SummaryPage)]
pub fn summary_page(props: &SummaryPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let (s, r) = (&props.summary, &props.record);
    let programme = ctx
        .kit
        .programme(&r.programme)
        .map_or(r.programme.clone(), |p| p.name.get(&ctx.lang).to_owned());
    let when = ctx
        .t(&format!("timepoint_{}", r.timepoint.key()))
        .to_owned();
    let totals = ctx.tc(
        "summary_totals",
        s.questionnaires.len(),
        &[
            ("answered", &s.answered().to_string()),
            ("total", &s.n_items().to_string()),
        ],
    );
    let done = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <section class="screen summary">
            <p class="staff-note">{ ctx.t("summary_staff_note") }</p>
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("summary_heading") }</h1>
            <p>
                <strong>{ r.participant.clone() }</strong>{ format!(" · {programme} · {when}") }
            </p>
            <p>{ totals }</p>
            if !s.alerts.is_empty() {
                <section class="alerts" aria-labelledby="alerts-heading">
                    <h2 id="alerts-heading">{ ctx.t("summary_alerts_heading") }</h2>
                    <ul>{ for s.alerts.iter().map(|a| alert(&ctx, a)) }</ul>
                </section>
            }
            <h2>{ ctx.t("summary_questionnaires") }</h2>
            { for s.questionnaires.iter().map(|q| html! { <ReportCard summary={q.clone()} /> }) }
            { props.children.clone() }
            <div class="nav">
                <button type="button" class="button secondary" onclick={done}>{ ctx.t("done_lock") }</button>
            </div>
        </section>
    }
}

fn alert(ctx: &KitContext, a: &AlertNotice) -> Html {
    let q = ctx.kit.questionnaire(&a.questionnaire);
    let title = q.map_or(a.questionnaire.clone(), |q| {
        q.short_title.get(&ctx.lang).to_owned()
    });
    let item = q.and_then(|q| Some((q.item_index(&a.item)? + 1, q.item(&a.item)?)));
    let number = item.map_or(a.item.clone(), |(n, _)| n.to_string());
    let answer = match a.answer {
        Some(Answer::Value(v)) => item
            .and_then(|(_, it)| it.response_scale.option(v))
            .map_or(v.to_string(), |o| o.label.get(&ctx.lang).to_owned()),
        Some(Answer::Special(k)) => special_label(ctx, k),
        None => ctx.t("alert_unanswered").to_owned(),
    };
    html! {
        <li>
            <p><strong>{ ctx.tf("alert_item", &[("title", &title), ("n", &number), ("answer", &answer)]) }</strong></p>
            <p>{ a.message.get(&ctx.lang).to_owned() }</p>
        </li>
    }
}
