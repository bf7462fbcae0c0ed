//! The pictograms built into the app, one small SVG per [`Pictogram`], drawn in the option's
//! colour with a dark outline (`currentColor`), so each answer differs by shape as well as by
//! colour. No external files: everything is drawn here.

use qkit_questionnaires::{Colour, Pictogram};
use yew::prelude::*;

/// Properties of [`PictogramIcon`].
#[derive(Properties, PartialEq)]
pub struct PictogramProps {
    pub pictogram: Pictogram,
    pub colour: Colour,
}

/// A 48×48 pictogram, hidden from screen readers (the option's label says the same).
#[function_component(PictogramIcon)]
pub fn pictogram_icon(props: &PictogramProps) -> Html {
    let fill = props.colour.to_string();
    html! {
        <svg class="pictogram" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true"
            focusable="false" fill="none" stroke="currentColor" stroke-width="2.5"
            stroke-linecap="round" stroke-linejoin="round">
            { shape(props.pictogram, &fill) }
        </svg>
    }
}

fn path(d: &str, fill: &str) -> Html {
    html! { <path d={d.to_owned()} fill={fill.to_owned()} /> }
}

fn circle(cx: u32, cy: u32, r: u32, fill: &str) -> Html {
    html! { <circle cx={cx.to_string()} cy={cy.to_string()} r={r.to_string()} fill={fill.to_owned()} /> }
}

fn shape(p: Pictogram, fill: &str) -> Html {
    const NONE: &str = "none";
    match p {
        Pictogram::Bars(n) => html! {
            // Four bars of rising height; the first `n` are filled.
            { for (0..4u8).map(|i| {
                let h = 10 + u32::from(i) * 9;
                let x = 5 + u32::from(i) * 10;
                let f = if i < n { fill } else { NONE };
                html! { <rect x={x.to_string()} y={(44 - h).to_string()} width="8" height={h.to_string()} rx="1.5" fill={f.to_owned()} /> }
            }) }
        },
        Pictogram::Face(n) => {
            // The mouth curves from a frown (1) to a broad smile (5).
            let bend = (i32::from(n) - 3) * 5;
            let mouth = format!("M15 {} Q24 {} 33 {}", 31, 31 + bend, 31);
            html! {
                <>
                    { circle(24, 24, 20, fill) }
                    { circle(17, 19, 2, "currentColor") }
                    { circle(31, 19, 2, "currentColor") }
                    { path(&mouth, NONE) }
                </>
            }
        }
        Pictogram::Yes => html! {
            <>{ circle(24, 24, 20, fill) }{ path("M14 25 L21 32 L35 17", NONE) }</>
        },
        Pictogram::No => html! {
            <>{ circle(24, 24, 20, fill) }{ path("M16 16 L32 32 M32 16 L16 32", NONE) }</>
        },
        Pictogram::Maybe => html! {
            <>
                { circle(24, 24, 20, fill) }
                { path("M18 19 Q18 12 24 12 Q30 12 30 18 Q30 23 24 25 L24 29", NONE) }
                { circle(24, 35, 2, "currentColor") }
            </>
        },
        Pictogram::Day => html! {
            <>
                { circle(24, 24, 9, fill) }
                { path("M24 4v6M24 38v6M4 24h6M38 24h6M10 10l4 4M34 34l4 4M38 10l-4 4M14 34l-4 4", NONE) }
            </>
        },
        Pictogram::Evening => html! {
            <>
                { path("M30 6 A18 18 0 1 0 42 32 A14 14 0 0 1 30 6 Z", fill) }
                { path("M12 10l1 3l3 1l-3 1l-1 3l-1-3l-3-1l3-1z", NONE) }
            </>
        },
        Pictogram::AnyTime => html! {
            <>{ circle(24, 24, 19, fill) }{ path("M24 13 L24 24 L32 29", NONE) }</>
        },
        Pictogram::Book => html! {
            <>
                { path("M24 12 Q15 7 5 10 L5 38 Q15 35 24 40 Q33 35 43 38 L43 10 Q33 7 24 12 Z", fill) }
                { path("M24 12 L24 40", NONE) }
            </>
        },
        Pictogram::Speech => html! {
            <>
                { path("M6 10 H42 V32 H20 L11 40 L12 32 H6 Z", fill) }
                { path("M13 19h22M13 25h14", NONE) }
            </>
        },
        Pictogram::Place => html! {
            <>
                { path("M24 44 C16 33 10 26 10 18 A14 14 0 0 1 38 18 C38 26 32 33 24 44 Z", fill) }
                { circle(24, 18, 5, "white") }
            </>
        },
        Pictogram::Person => html! {
            <>{ circle(24, 14, 8, fill) }{ path("M8 44 C8 32 15 26 24 26 C33 26 40 32 40 44 Z", fill) }</>
        },
    }
}
