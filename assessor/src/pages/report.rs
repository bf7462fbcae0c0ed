//! The end-of-programme progress report for one participant: programme, when each timepoint was
//! done, scores before, part-way and after with bands, change with reliable change and its
//! category in plain words, response-quality notes, and staff comments. Printed (or saved as
//! PDF) on one A4 page without the app around it.

use crate::browser::form::text_area_value;
use crate::browser::print::print;
use crate::components::band_label::BandLabel;
use crate::components::change_basis::ChangeBasis;
use crate::components::t_chart::scale_and_timepoints;
use crate::model::people::{present, record_date};
use crate::model::series::{notes, outdated_questionnaires, series, Series};
use crate::model::Key;
use crate::names;
use crate::pages::profile::{notes_list, outdated_list};
use crate::state::{act, Action, Handle};
use qkit_questionnaires::Timepoint;
use qkit_scoring::change::Outcome;
use qkit_scoring::csv_rows::fixed;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ReportTab`].
#[derive(Properties, PartialEq)]
pub struct ReportTabProps {
    pub state: Handle,
    pub person: Key,
}

/// The printable report.
#[function_component(ReportTab)]
pub fn report_tab(props: &ReportTabProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let key = &props.person;
    let Some(records) = state.records.get(&key.participant, &key.programme) else {
        return html! {};
    };
    let all = series(
        &state.kit,
        &state.records,
        (&key.programme, records),
        state.reliable_change,
    );
    let dates = present(records).map(|(t, r)| {
        html! {
            <tr>
                <th scope="row">{ names::timepoint(&ctx, t) }</th>
                <td>{ record_date(r).map(|d| d.to_string()).unwrap_or_default() }</td>
            </tr>
        }
    });
    let rows = all.iter().map(|s| score_row(&ctx, s));
    let comment = state.comments.get(key).cloned().unwrap_or_default();
    let on_comment = {
        let key = key.clone();
        act(state, move |e: InputEvent| {
            Action::Comment(key.clone(), text_area_value(&e))
        })
    };
    let on_print = Callback::from(|_: MouseEvent| print());
    html! {
        <article class="report-page" aria-labelledby="report-heading">
            <div class="nav no-print">
                <button type="button" class="button primary" onclick={on_print}>{ ctx.t("assessor_report_print") }</button>
            </div>
            <h2 id="report-heading" class="report-title">{ ctx.t("assessor_report_heading") }</h2>
            <dl class="facts">
                <dt>{ ctx.t("assessor_col_participant") }</dt><dd>{ key.participant.clone() }</dd>
                <dt>{ ctx.t("assessor_col_programme") }</dt><dd>{ names::programme(&ctx, &key.programme) }</dd>
            </dl>
            <table class="report-table dates">
                <caption>{ ctx.t("assessor_report_dates") }</caption>
                <thead><tr>
                    <th scope="col">{ ctx.t("assessor_col_timepoint") }</th>
                    <th scope="col">{ ctx.t("assessor_col_date") }</th>
                </tr></thead>
                <tbody>{ for dates }</tbody>
            </table>
            <table class="report-table">
                <caption>{ ctx.t("assessor_report_scores") }</caption>
                <thead><tr>
                    { scale_and_timepoints(&ctx) }
                    <th scope="col">{ ctx.t("assessor_col_change") }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            <ChangeBasis series={all.clone()} />
            { outdated_list(&ctx, &outdated_questionnaires(&state.kit, records)) }
            <h3>{ ctx.t("assessor_notes_heading") }</h3>
            { notes_list(&ctx, &notes(records)) }
            <h3><label for="report-comments">{ ctx.t("assessor_report_comments") }</label></h3>
            <textarea id="report-comments" class="no-print" rows="6" spellcheck="false" autocomplete="off" value={comment.clone()} oninput={on_comment} />
            <div class="print-only comments-print">{ comment }</div>
            <p class="muted report-footer">{ ctx.t("assessor_report_footer") }</p>
        </article>
    }
}

fn score_row(ctx: &KitContext, s: &Series) -> Html {
    let at = |t: Timepoint| match &s.at[t as usize] {
        None => html! { <span class="muted">{ "—" }</span> },
        Some(sc) => match sc.score {
            None => html! { <span class="muted">{ ctx.t("assessor_not_scorable") }</span> },
            Some(v) => html! {
                <>
                    <span class="score">{ names::number(v) }</span>
                    if let Some(b) = &sc.band {
                        <br /><BandLabel questionnaire={s.questionnaire.clone()} scale={s.scale.clone()} band={b.clone()} />
                    }
                </>
            },
        },
    };
    html! {
        <tr>
            <th scope="row">{ names::scale(ctx, &s.questionnaire, &s.scale) }</th>
            <td>{ at(Timepoint::Pre) }</td>
            <td>{ at(Timepoint::Mid) }</td>
            <td>{ at(Timepoint::Post) }</td>
            <td>{ change_words(ctx, s) }</td>
        </tr>
    }
}

/// The change in plain words: what it is, whether it is reliable, and the numbers.
pub fn change_words(ctx: &KitContext, s: &Series) -> String {
    match &s.change {
        None => ctx.t("assessor_change_one_timepoint").to_owned(),
        Some(Err(e)) => ctx.tf("assessor_change_failed", &[("reason", &e.to_string())]),
        Some(Ok(c)) => {
            let sentence = match c.outcome {
                Outcome::Category(k) => ctx.t(&format!("assessor_sentence_{}", k.key())).to_owned(),
                Outcome::NotAssessable(_) => names::change_outcome(ctx, &c.outcome),
            };
            let (from, to) = c.pair.timepoints();
            match (c.diff, c.rci) {
                (Some(d), Some(r)) => ctx.tf(
                    "assessor_change_numbers",
                    &[
                        ("sentence", &sentence),
                        ("from", &names::timepoint_short(ctx, from)),
                        ("to", &names::timepoint_short(ctx, to)),
                        (
                            "diff",
                            &crate::components::change_chart::signed(names::number(d), d),
                        ),
                        (
                            "rci",
                            &crate::components::change_chart::signed(fixed(r, 2), r),
                        ),
                    ],
                ),
                _ => sentence,
            }
        }
    }
}
