//! The T-score profile: one row per scale with a norm, a marker per timepoint on a T axis from
//! 20 to 80, widened to take in any score beyond it, and the norm group's average range
//! (T 40–60) shaded. Beside it, a table with the
//! same numbers for screen readers and anyone who prefers text.

use crate::model::chart::{px, t_axis, ticks, Linear};
use crate::model::series::Series;
use crate::names;
use qkit_questionnaires::Timepoint;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`TChart`].
#[derive(Properties, PartialEq)]
pub struct TChartProps {
    pub series: Vec<Series>,
}

const WIDTH: f64 = 760.0;
const LABELS: f64 = 300.0;
const RIGHT: f64 = 740.0;
const TOP: f64 = 34.0;
const ROW: f64 = 34.0;
/// The norm group's average range.
const AVERAGE: (f64, f64) = (40.0, 60.0);

/// The chart and its table.
#[function_component(TChart)]
pub fn t_chart(props: &TChartProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let rows: Vec<&Series> = props
        .series
        .iter()
        .filter(|s| s.timepoints().any(|(_, sc)| sc.norm.is_some()))
        .collect();
    if rows.is_empty() {
        return html! { <p class="muted">{ ctx.t("assessor_t_none") }</p> };
    }
    let range = t_axis(rows.iter().flat_map(|s| {
        s.timepoints()
            .filter_map(|(_, sc)| sc.norm.as_ref().map(|n| n.t))
    }));
    let x = Linear::new(range, (LABELS, RIGHT));
    let height = TOP + ROW * rows.len() as f64 + 24.0;
    let bottom = height - 24.0;
    let grid = ticks(range.0, range.1, ((range.1 - range.0) / 10.0) as usize).into_iter().map(|t| {
        html! {
            <g>
                <line class="grid" x1={px(x.at(t))} x2={px(x.at(t))} y1={px(TOP - 6.0)} y2={px(bottom)} />
                <text class="tick" x={px(x.at(t))} y={px(TOP - 12.0)} text-anchor="middle">{ names::number(t) }</text>
            </g>
        }
    });
    let marks = rows.iter().enumerate().map(|(i, s)| {
        let y = TOP + ROW * (i as f64 + 0.5);
        let label = names::scale(&ctx, &s.questionnaire, &s.scale);
        let points = s.timepoints().filter_map(|(t, sc)| {
            sc.norm.as_ref().map(|n| marker(t, x.at(n.t), y))
        });
        html! {
            <g>
                <text class="row-label" x={px(LABELS - 10.0)} y={px(y + 5.0)} text-anchor="end">{ label }</text>
                <line class="row-line" x1={px(LABELS)} x2={px(RIGHT)} y1={px(y)} y2={px(y)} />
                { for points }
            </g>
        }
    });
    let table_rows = rows.iter().map(|s| {
        let cell = |t: Timepoint| {
            s.at[t as usize]
                .as_ref()
                .and_then(|sc| sc.norm.as_ref())
                .map_or("—".to_owned(), |n| {
                    format!("{}{}", names::number(n.t), names::norm_cautions(&ctx, n))
                })
        };
        html! {
            <tr>
                <th scope="row">{ names::scale(&ctx, &s.questionnaire, &s.scale) }</th>
                <td>{ cell(Timepoint::Pre) }</td>
                <td>{ cell(Timepoint::Mid) }</td>
                <td>{ cell(Timepoint::Post) }</td>
            </tr>
        }
    });
    let title = ctx.t("assessor_t_chart_title").to_owned();
    html! {
        <figure class="chart-pair" aria-labelledby="t-chart-caption">
            <figcaption id="t-chart-caption">{ ctx.t("assessor_t_chart_caption") }</figcaption>
            <svg class="chart t-chart" role="img" aria-labelledby="t-chart-title"
                viewBox={format!("0 0 {WIDTH} {}", px(height))}>
                <title id="t-chart-title">{ title }</title>
                <rect class="average" x={px(x.at(AVERAGE.0))} y={px(TOP - 6.0)}
                    width={px(x.at(AVERAGE.1) - x.at(AVERAGE.0))} height={px(bottom - TOP + 6.0)} />
                { for grid }
                { for marks }
                <text class="axis-label" x={px((x.at(AVERAGE.0) + x.at(AVERAGE.1)) / 2.0)} y={px(height - 6.0)}
                    text-anchor="middle">{ ctx.t("assessor_t_average") }</text>
            </svg>
            <div class="chart-side">
                { legend(&ctx) }
                <table class="chart-table">
                    <caption>{ ctx.t("assessor_t_table_caption") }</caption>
                    <thead><tr>
                        { scale_and_timepoints(&ctx) }
                    </tr></thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            </div>
        </figure>
    }
}

/// The marker of a timepoint: a circle before, a square part-way, a diamond after.
pub fn marker(t: Timepoint, x: f64, y: f64) -> Html {
    let class = format!("marker marker-{}", t.key());
    match t {
        Timepoint::Pre => html! { <circle {class} cx={px(x)} cy={px(y)} r="6" /> },
        Timepoint::Mid => {
            html! { <rect {class} x={px(x - 5.5)} y={px(y - 5.5)} width="11" height="11" /> }
        }
        Timepoint::Post => {
            let d = format!(
                "M{} {}L{} {}L{} {}L{} {}Z",
                px(x),
                px(y - 7.5),
                px(x + 7.5),
                px(y),
                px(x),
                px(y + 7.5),
                px(x - 7.5),
                px(y)
            );
            html! { <path {class} {d} /> }
        }
    }
}

/// The first header cells of every per-scale table: scale, then pre, mid and post.
pub fn scale_and_timepoints(ctx: &KitContext) -> Html {
    html! {
        <>
            <th scope="col">{ ctx.t("assessor_col_scale") }</th>
            <th scope="col">{ names::timepoint_short(ctx, Timepoint::Pre) }</th>
            <th scope="col">{ names::timepoint_short(ctx, Timepoint::Mid) }</th>
            <th scope="col">{ names::timepoint_short(ctx, Timepoint::Post) }</th>
        </>
    }
}

/// Which marker is which timepoint (shown as text beside small markers).
pub fn legend(ctx: &KitContext) -> Html {
    let items = Timepoint::ALL.into_iter().map(|t| {
        html! {
            <li>
                <svg class="legend-mark" viewBox="0 0 20 20" aria-hidden="true" focusable="false">{ marker(t, 10.0, 10.0) }</svg>
                { names::timepoint(ctx, t) }
            </li>
        }
    });
    html! { <ul class="legend">{ for items }</ul> }
}
