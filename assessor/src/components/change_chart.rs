//! Change over the programme: a small chart per scale of the score before, part-way and after,
//! with the clinical cut-off dashed where the scale has one, the change from the first to the
//! last timepoint drawn bold when it is reliable and thin otherwise (never dotted, which reads as
//! a cut-off), and its category in words. The caption and legend speak of a cut-off only when a
//! chart has one. Beside them, a
//! table with every number (scores, change, reliable change index, category).

use crate::components::t_chart::{legend, marker, scale_and_timepoints};
use crate::model::chart::{px, ticks, Linear};
use crate::model::series::Series;
use crate::names;
use qkit_questionnaires::Timepoint;
use qkit_scoring::change::ScaleChange;
use qkit_scoring::csv_rows::fixed;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ChangeChart`].
#[derive(Properties, PartialEq)]
pub struct ChangeChartProps {
    pub series: Vec<Series>,
}

const W: f64 = 300.0;
const H: f64 = 190.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 284.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 150.0;

/// The charts and their table.
#[function_component(ChangeChart)]
pub fn change_chart(props: &ChangeChartProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let shown: Vec<&Series> = props
        .series
        .iter()
        .filter(|s| s.timepoints().count() >= 2)
        .collect();
    if shown.is_empty() {
        return html! { <p class="muted">{ ctx.t("assessor_change_none") }</p> };
    }
    let panels = shown.iter().enumerate().map(|(i, s)| panel(&ctx, s, i));
    let rows = shown.iter().map(|s| table_row(&ctx, s));
    let any_cutoff = shown
        .iter()
        .any(|s| change_of(s).is_some_and(|c| c.clinical_cutoff.is_some()));
    let line = |class: &'static str, key: &str| {
        html! {
            <li>
                <svg class="legend-line" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
                    <line class={class} x1="1" x2="27" y1="6" y2="6" />
                </svg>
                { ctx.t(key) }
            </li>
        }
    };
    html! {
        <figure class="chart-pair" aria-labelledby="change-chart-caption">
            <figcaption id="change-chart-caption">
                { ctx.t("assessor_change_caption") }
                if any_cutoff { { " " }{ ctx.t("assessor_change_caption_cutoff") } }
            </figcaption>
            <div class="panels">{ for panels }</div>
            <div class="chart-side">
                { legend(&ctx) }
                <ul class="legend">
                    { line("trend reliable", "assessor_legend_reliable") }
                    { line("trend", "assessor_legend_not_reliable") }
                    if any_cutoff { { line("cutoff", "assessor_legend_cutoff") } }
                </ul>
                <table class="chart-table">
                    <caption>{ ctx.t("assessor_change_table_caption") }</caption>
                    <thead><tr>
                        { scale_and_timepoints(&ctx) }
                        <th scope="col">{ ctx.t("assessor_col_change") }</th>
                        <th scope="col">{ ctx.t("assessor_col_rci") }</th>
                        <th scope="col">{ ctx.t("assessor_col_category") }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </figure>
    }
}

/// The change's category in words, with "reliable" or not, or why it was not judged.
pub fn verdict(ctx: &KitContext, s: &Series) -> String {
    match &s.change {
        None => ctx.t("assessor_change_one_timepoint").to_owned(),
        Some(Err(e)) => ctx.tf("assessor_change_failed", &[("reason", &e.to_string())]),
        Some(Ok(c)) => names::change_outcome(ctx, &c.outcome),
    }
}

fn change_of(s: &Series) -> Option<&ScaleChange> {
    s.change.as_ref().and_then(|c| c.as_ref().ok())
}

fn panel(ctx: &KitContext, s: &Series, i: usize) -> Html {
    let scale = ctx
        .kit
        .questionnaire(&s.questionnaire)
        .and_then(|q| q.scale(&s.scale));
    let (min, max) = scale.map_or((0.0, 1.0), |sc| (sc.score_min, sc.score_max));
    let y = Linear::new((min, max), (BOTTOM, TOP));
    let x = |t: Timepoint| LEFT + 30.0 + (t as usize as f64) * ((RIGHT - LEFT - 60.0) / 2.0);
    let points: Vec<(Timepoint, f64, f64)> = s
        .timepoints()
        .filter_map(|(t, sc)| sc.score.map(|v| (t, x(t), y.at(v))))
        .collect();
    let change = change_of(s);
    let reliable = change.and_then(|c| c.reliable).unwrap_or(false);
    let path: String = points
        .iter()
        .enumerate()
        .map(|(k, (_, px_, py))| {
            format!("{}{} {}", if k == 0 { "M" } else { "L" }, px(*px_), px(*py))
        })
        .collect();
    let grid = ticks(min, max, 4).into_iter().map(|v| {
        html! {
            <g>
                <line class="grid" x1={px(LEFT)} x2={px(RIGHT)} y1={px(y.at(v))} y2={px(y.at(v))} />
                <text class="tick" x={px(LEFT - 6.0)} y={px(y.at(v) + 4.0)} text-anchor="end">{ names::number(v) }</text>
            </g>
        }
    });
    let cutoff = change.and_then(|c| c.clinical_cutoff.as_ref()).map(|c| {
        html! {
            <g>
                <line class="cutoff" x1={px(LEFT)} x2={px(RIGHT)} y1={px(y.at(c.cutoff))} y2={px(y.at(c.cutoff))} />
                <text class="tick" x={px(RIGHT)} y={px(y.at(c.cutoff) - 4.0)} text-anchor="end">{ ctx.t("assessor_cutoff") }</text>
            </g>
        }
    });
    let axis = Timepoint::ALL.into_iter().map(|t| {
        html! { <text class="tick" x={px(x(t))} y={px(BOTTOM + 18.0)} text-anchor="middle">{ names::timepoint_short(ctx, t) }</text> }
    });
    let name = names::scale(ctx, &s.questionnaire, &s.scale);
    let described: Vec<String> = s
        .timepoints()
        .map(|(t, sc)| {
            format!(
                "{} {}",
                names::timepoint_short(ctx, t),
                sc.score.map_or("—".to_owned(), names::number)
            )
        })
        .collect();
    let title = format!("{name}: {}; {}", described.join(", "), verdict(ctx, s));
    let title_id = format!("change-panel-{i}");
    html! {
        <div class="panel">
            <p class="panel-title">{ name }</p>
            <svg class="chart change-chart" role="img" aria-labelledby={title_id.clone()} viewBox={format!("0 0 {W} {H}")}>
                <title id={title_id}>{ title }</title>
                { for grid }
                { for cutoff }
                { for axis }
                <path class={classes!("trend", reliable.then_some("reliable"))} d={path} />
                { for points.iter().map(|(t, a, b)| marker(*t, *a, *b)) }
            </svg>
            <p class={classes!("verdict", change.and_then(|c| match c.outcome {
                qkit_scoring::change::Outcome::Category(k) => Some(format!("category-{}", k.key())),
                _ => None,
            }))}>{ verdict(ctx, s) }
                if reliable { { " · " }{ ctx.t("assessor_reliable") } }
            </p>
        </div>
    }
}

fn table_row(ctx: &KitContext, s: &Series) -> Html {
    let score = |t: Timepoint| {
        s.at[t as usize].as_ref().map_or("—".to_owned(), |sc| {
            sc.score
                .map_or(ctx.t("assessor_not_scorable").to_owned(), names::number)
        })
    };
    let change = change_of(s);
    let diff = change
        .and_then(|c| c.diff)
        .map_or("—".to_owned(), |d| signed(names::number(d), d));
    let rci = change
        .and_then(|c| c.rci)
        .map_or("—".to_owned(), |r| signed(fixed(r, 2), r));
    let reliable = change.and_then(|c| c.reliable).map(|r| {
        ctx.t(if r {
            "assessor_reliable"
        } else {
            "assessor_not_reliable"
        })
        .to_owned()
    });
    html! {
        <tr>
            <th scope="row">{ names::scale(ctx, &s.questionnaire, &s.scale) }</th>
            <td>{ score(Timepoint::Pre) }</td>
            <td>{ score(Timepoint::Mid) }</td>
            <td>{ score(Timepoint::Post) }</td>
            <td>{ diff }</td>
            <td>{ rci }</td>
            <td>{ verdict(ctx, s) }{ reliable.map(|r| format!(" ({r})")).unwrap_or_default() }</td>
        </tr>
    }
}

/// A difference with its sign: "+3", "−2.5", "0".
pub fn signed(text: String, d: f64) -> String {
    if d > 0.0 && !text.starts_with('+') {
        format!("+{text}")
    } else if d < 0.0 {
        format!("−{}", text.trim_start_matches('-'))
    } else {
        text
    }
}
