//! The pictograms built into the app, one small SVG per [`Pictogram`], drawn in the option's
//! colour with a dark outline (`currentColor`), so each answer differs by shape as well as by
//! colour. No external files: the shapes are path data here, and the SVG is written as markup
//! (far smaller in the app than building each element).

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
    Html::from_html_unchecked(svg(props.pictogram, props.colour).into())
}

/// The pictogram as SVG markup. Only numbers and the colour's `#rrggbb` are written into it.
pub fn svg(p: Pictogram, colour: Colour) -> String {
    format!(
        "<svg class=\"pictogram\" viewBox=\"0 0 48 48\" width=\"48\" height=\"48\" aria-hidden=\"true\" \
         focusable=\"false\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2.5\" \
         stroke-linecap=\"round\" stroke-linejoin=\"round\">{}</svg>",
        shapes(p).replace('F', &colour.to_string())
    )
}

/// The shapes of a pictogram; `F` stands for the option's colour.
fn shapes(p: Pictogram) -> String {
    let c = |x, y, r, fill| format!("<circle cx=\"{x}\" cy=\"{y}\" r=\"{r}\" fill=\"{fill}\"/>");
    let path = |d: &str, fill: &str| format!("<path d=\"{d}\" fill=\"{fill}\"/>");
    match p {
        // Four bars of rising height; the first `n` are filled.
        Pictogram::Bars(n) => (0..4u8)
            .map(|i| {
                let h = 10 + u32::from(i) * 9;
                let fill = if i < n { "F" } else { "none" };
                format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"8\" height=\"{h}\" rx=\"1.5\" fill=\"{fill}\"/>",
                    5 + u32::from(i) * 10,
                    44 - h
                )
            })
            .collect(),
        // The mouth curves from a frown (1) to a broad smile (5).
        Pictogram::Face(n) => {
            let y = 31 + (i32::from(n) - 3) * 5;
            let eyes = c(17, 19, 2, "currentColor") + &c(31, 19, 2, "currentColor");
            c(24, 24, 20, "F") + &eyes + &path(&format!("M15 31Q24 {y} 33 31"), "none")
        }
        Pictogram::Yes => c(24, 24, 20, "F") + &path("M14 25L21 32L35 17", "none"),
        Pictogram::No => c(24, 24, 20, "F") + &path("M16 16L32 32M32 16L16 32", "none"),
        Pictogram::Maybe => {
            c(24, 24, 20, "F")
                + &path("M18 19Q18 12 24 12Q30 12 30 18Q30 23 24 25L24 29", "none")
                + &c(24, 35, 2, "currentColor")
        }
        Pictogram::Day => {
            c(24, 24, 9, "F")
                + &path(
                    "M24 4v6M24 38v6M4 24h6M38 24h6M10 10l4 4M34 34l4 4M38 10l-4 4M14 34l-4 4",
                    "none",
                )
        }
        Pictogram::Evening => {
            path("M30 6A18 18 0 1 0 42 32A14 14 0 0 1 30 6Z", "F")
                + &path("M12 10l1 3l3 1l-3 1l-1 3l-1-3l-3-1l3-1z", "none")
        }
        Pictogram::AnyTime => c(24, 24, 19, "F") + &path("M24 13L24 24L32 29", "none"),
        Pictogram::Book => {
            path("M24 12Q15 7 5 10L5 38Q15 35 24 40Q33 35 43 38L43 10Q33 7 24 12Z", "F")
                + &path("M24 12L24 40", "none")
        }
        Pictogram::Speech => {
            path("M6 10H42V32H20L11 40L12 32H6Z", "F") + &path("M13 19h22M13 25h14", "none")
        }
        Pictogram::Place => {
            path("M24 44C16 33 10 26 10 18A14 14 0 0 1 38 18C38 26 32 33 24 44Z", "F")
                + &c(24, 18, 5, "white")
        }
        Pictogram::Person => {
            c(24, 14, 8, "F") + &path("M8 44C8 32 15 26 24 26C33 26 40 32 40 44Z", "F")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pictogram_is_svg_in_the_options_colour() {
        let colour = Colour([0x12, 0xab, 0xef]);
        let mut all: Vec<Pictogram> = (0..=4).map(Pictogram::Bars).collect();
        all.extend((1..=5).map(Pictogram::Face));
        all.extend([
            Pictogram::Yes,
            Pictogram::No,
            Pictogram::Maybe,
            Pictogram::Day,
            Pictogram::Evening,
            Pictogram::AnyTime,
            Pictogram::Book,
            Pictogram::Speech,
            Pictogram::Place,
            Pictogram::Person,
        ]);
        let mut seen = std::collections::BTreeSet::new();
        for p in all {
            let s = svg(p, colour);
            assert!(s.starts_with("<svg ") && s.ends_with("</svg>"), "{p:?}");
            assert!(!s.contains("\"F\""), "{p:?}: the colour is filled in");
            assert!(seen.insert(s.clone()), "{p:?} differs from every other");
            if p != Pictogram::Bars(0) {
                assert!(s.contains("#12abef"), "{p:?} uses the colour");
            }
        }
    }
}
