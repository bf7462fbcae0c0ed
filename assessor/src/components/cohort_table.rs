//! The cohort table: one row per participant at his latest timepoint, a column per scale (score,
//! T-score, band as its colour and short code, the full label in its accessible name), his sites
//! and flags, and with them why he is not on track, if he is not; each row on one line at desk
//! widths. The participant column stays in view when the table scrolls sideways. Column headers
//! sort; a participant's reference opens his profile. The legend below gives each band code's
//! label and the basis of bands and T-scores.

use crate::components::band_label::swatch;
use crate::components::cohort_legend::CohortLegend;
use crate::components::flag_list::FlagList;
use crate::components::not_on_track::NotOnTrack;
use crate::model::alerts::Alert;
use crate::model::cohort::{prorated, Cell, Sort, SortBy, Table};
use crate::model::legend::band_code;
use crate::model::reconcile::Twice;
use crate::model::Key;
use crate::names;
use qkit_questionnaires::BandBasis;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`CohortTable`].
#[derive(Properties, PartialEq)]
pub struct CohortTableProps {
    pub table: Rc<Table>,
    /// Indexes of the rows to show, in order.
    pub shown: Vec<usize>,
    /// Indexes of the scale columns to show.
    pub columns: Vec<usize>,
    pub sort: Sort,
    pub on_sort: Callback<SortBy>,
    pub on_open: Callback<Key>,
    /// Why each man who is not on track is not (qkit-cohort's `alerts`), shown on his row.
    #[prop_or_default]
    pub alerts: Rc<std::collections::BTreeMap<Key, Vec<Alert>>>,
    /// Timepoints with more than one record, shown under his latest timepoint with both days.
    #[prop_or_default]
    pub twice: Rc<std::collections::BTreeMap<Key, Vec<Twice>>>,
}

/// The table.
#[function_component(CohortTable)]
pub fn cohort_table(props: &CohortTableProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let t = &props.table;
    let header = |by: SortBy, label: String| {
        let sorted = (props.sort.by == by).then_some(if props.sort.descending {
            "descending"
        } else {
            "ascending"
        });
        let onclick = props.on_sort.reform(move |_: MouseEvent| by);
        html! {
            <th scope="col" aria-sort={sorted.unwrap_or("none")}>
                <button type="button" class="sort" {onclick}>
                    { label }<span class="sort-mark" aria-hidden="true">{ match sorted {
                        Some("ascending") => "▲", Some(_) => "▼", None => "↕" } }</span>
                </button>
            </th>
        }
    };
    let columns = props.columns.iter().filter_map(|&i| {
        let c = t.columns.get(i)?;
        Some(header(
            SortBy::Scale(i),
            names::scale(&ctx, &c.questionnaire, &c.scale),
        ))
    });
    let rows = props.shown.iter().filter_map(|&i| t.rows.get(i)).map(|row| {
        let open = {
            let key = row.key.clone();
            props.on_open.reform(move |_: MouseEvent| key.clone())
        };
        let cells = props.columns.iter().filter_map(|&i| {
            let (cell, c) = (row.cells.get(i)?, t.columns.get(i)?);
            Some(html! { <td class="scale-col">{ scale_cell(&ctx, cell, &c.questionnaire, &c.scale) }</td> })
        });
        let sites: Vec<String> = row.sites.iter().map(|s| names::site(&ctx, s)).collect();
        html! {
            <tr>
                <th scope="row">
                    <button type="button" class="link" onclick={open}
                        aria-label={ctx.tf("assessor_open_person", &[("participant", &row.key.participant)])}>
                        { row.key.participant.clone() }
                    </button>
                </th>
                <td>{ names::programme(&ctx, &row.key.programme) }</td>
                <td>
                    { names::timepoint_short(&ctx, row.latest) }
                    if let Some(d) = row.date { { " " }<span class="muted">{ d.to_string() }</span> }
                    { for props.twice.get(&row.key).into_iter().flatten().map(|w| twice_note(&ctx, w)) }
                </td>
                <td>{ if sites.is_empty() { ctx.t("assessor_not_answered").to_owned() } else { sites.join(", ") } }</td>
                { for cells }
                <td>
                    if let Some(alerts) = props.alerts.get(&row.key) {
                        <NotOnTrack alerts={alerts.clone()}
                            row={AttrValue::from(format!("not-on-track-{}-{}", row.key.participant, row.key.programme))} />
                    }
                    <FlagList flags={row.flags.clone()} />
                </td>
            </tr>
        }
    });
    html! {
        <>
        <div class="table-scroll" role="region" aria-labelledby="cohort-caption" tabindex="0">
            <table class="cohort">
                <caption id="cohort-caption">
                    { ctx.tf("assessor_cohort_caption", &[("shown", &props.shown.len().to_string()), ("total", &t.rows.len().to_string())]) }
                </caption>
                <thead>
                    <tr>
                        { header(SortBy::Participant, ctx.t("assessor_col_participant").to_owned()) }
                        { header(SortBy::Programme, ctx.t("assessor_col_programme").to_owned()) }
                        { header(SortBy::Timepoint, ctx.t("assessor_col_latest").to_owned()) }
                        { header(SortBy::Site, ctx.t("assessor_col_site").to_owned()) }
                        { for columns }
                        { header(SortBy::Flags, ctx.t("assessor_col_flags").to_owned()) }
                    </tr>
                </thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
        <CohortLegend table={t.clone()} columns={props.columns.clone()} />
        </>
    }
}

/// "Post: more than one record (2027-03-29, in use; also 2027-04-12)".
fn twice_note(ctx: &KitContext, w: &Twice) -> Html {
    let day = |d: Option<qkit_allocation::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let other: Vec<String> = w.beside.iter().map(|(_, d)| day(*d)).collect();
    html! {
        <><br /><span class="twice">{ ctx.tf("assessor_twice_short", &[
            ("timepoint", &names::timepoint_short(ctx, w.timepoint)),
            ("used", &day(w.in_use)),
            ("other", &other.join(", ")),
        ]) }</span></>
    }
}

/// One scale cell: score, T-score and band; or why there is none.
pub fn scale_cell(ctx: &KitContext, cell: &Cell, questionnaire: &str, scale: &str) -> Html {
    match cell {
        Cell::NotTaken => html! {
            <span class="muted" title={ctx.t("assessor_not_taken").to_owned()}>
                <span aria-hidden="true">{ "—" }</span>
                <span class="visually-hidden">{ ctx.t("assessor_not_taken") }</span>
            </span>
        },
        Cell::Outdated => {
            html! { <span class="outdated">{ ctx.t("assessor_outdated_short") }</span> }
        }
        Cell::Unfinished => {
            html! { <span class="muted">{ ctx.t("assessor_unfinished_short") }</span> }
        }
        Cell::Scored(s) => {
            let Some(score) = s.score else {
                return html! { <span class="muted">{ ctx.t("assessor_not_scorable") }</span> };
            };
            let def = ctx
                .kit
                .questionnaire(questionnaire)
                .and_then(|q| q.scale(scale));
            // Each says its basis on hover and to a screen reader: the T its norm group, the
            // band whether it is read from the score or the T-score.
            let t = s.norm.as_ref().map(|n| {
                let t = ctx.tf("assessor_t_score", &[("t", &names::number(n.t))]);
                let group = def
                    .and_then(|d| d.norm(&n.norm))
                    .map_or(n.norm.clone(), |g| g.population.clone());
                let against = ctx.tf("assessor_t_against", &[("norm", &group)]);
                (t, names::norm_cautions(ctx, n), against)
            });
            let from_t = def
                .and_then(|d| d.bands.as_ref())
                .is_some_and(|b| b.basis == BandBasis::TScore);
            let band = s.band.as_ref().map(|b| {
                let label = ctx.tf(
                    if from_t {
                        "assessor_band_from_t"
                    } else {
                        "assessor_band_from_score"
                    },
                    &[("band", &names::band_label(ctx, questionnaire, scale, b))],
                );
                let code = band_code(&ctx.kit, questionnaire, scale, b).map(String::from);
                let colour = names::band_colour(ctx, questionnaire, scale, b);
                html! {
                    <span class="band" title={label.clone()}>
                        { swatch(colour.map(|c| c.to_string())) }
                        <span aria-hidden="true">{ code.unwrap_or_else(|| label.clone()) }</span>
                        <span class="visually-hidden">{ label }</span>
                    </span>
                }
            });
            html! {
                <span class="score-cell">
                    <span class="score">{ names::number(score) }</span>
                    if prorated(cell) { <span class="muted">{ " " }{ ctx.t("assessor_prorated_mark") }</span> }
                    if let Some((t, cautions, against)) = t {
                        <span class="t-score" title={format!("{against}{cautions}")}>{ t }
                            // A caution is marked, not spelt out in every cell (the legend says so).
                            if !cautions.is_empty() { <span aria-hidden="true">{ "*" }</span> }
                            <span class="visually-hidden">{ format!("{cautions}, {against}") }</span>
                        </span>
                    }
                    if let Some(b) = band { { b } }
                </span>
            }
        }
    }
}
