//! "Not on track": the alerts qkit-cohort's `alerts` raises for a man (reliable deterioration at
//! mid or post, a new item alert such as PHQ-9 item 9, a response-quality flag), each in words
//! saying which questionnaire, which timepoint and which rule. On the cohort table's row, short
//! (which questionnaires at which timepoints), the rules in a tooltip tied to the mark by
//! `aria-describedby`: the mark takes keyboard focus, a screen reader reads the rules with it, and
//! focus or the pointer shows them; Escape hides them again without moving focus (WCAG 1.4.13,
//! content on hover or focus is dismissible) until focus or the pointer leaves; on the profile, a
//! list under a heading.

use crate::model::alerts::{Alert, Why};
use crate::names;
use qkit_web::KitContext;
use yew::prelude::*;

/// One alert in words.
pub fn alert_words(ctx: &KitContext, a: &Alert) -> String {
    let questionnaire = names::questionnaire(ctx, &a.questionnaire);
    let timepoint = names::timepoint_short(ctx, a.timepoint);
    let q = ctx.kit.questionnaire(&a.questionnaire);
    match &a.why {
        Why::Deteriorated {
            scale,
            pair,
            from,
            to,
        } => ctx.tf(
            "assessor_not_on_track_worse",
            &[
                ("questionnaire", &questionnaire),
                ("timepoint", &timepoint),
                ("scale", &names::scale(ctx, &a.questionnaire, scale)),
                ("since", &names::timepoint_short(ctx, pair.timepoints().0)),
                ("from", &names::number(*from)),
                ("to", &names::number(*to)),
            ],
        ),
        Why::NewAlert { item } => {
            let number = q
                .and_then(|q| q.item_index(item))
                .map_or(item.clone(), |i| (i + 1).to_string());
            ctx.tf(
                "assessor_not_on_track_alert",
                &[
                    ("questionnaire", &questionnaire),
                    ("timepoint", &timepoint),
                    ("item", &number),
                ],
            )
        }
        Why::Flag(flag) => {
            let what = match q {
                Some(q) => qkit_web::words::flag_line(ctx, q, flag),
                None => flag.key().to_owned(),
            };
            format!("{questionnaire}, {timepoint}: {what}")
        }
    }
}

/// Properties of [`NotOnTrack`].
#[derive(Properties, PartialEq)]
pub struct NotOnTrackProps {
    pub alerts: Vec<Alert>,
    /// On a table row: the short mark, its tooltip with this id (unique on the page); `None`
    /// for the profile's list.
    #[prop_or_default]
    pub row: Option<AttrValue>,
}

/// The alerts, or nothing when there are none.
#[function_component(NotOnTrack)]
pub fn not_on_track(props: &NotOnTrackProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let dismissed = use_state(|| false);
    if props.alerts.is_empty() {
        return html! {};
    }
    let lines = props.alerts.iter().map(|a| alert_words(&ctx, a));
    if let Some(id) = &props.row {
        // One line on the row: which questionnaires at which timepoints; the whole of why is
        // in the mark's tooltip (out of the line's flow) and on the profile.
        let why: Vec<String> = lines.collect();
        let mut which: Vec<String> = Vec::new();
        for a in &props.alerts {
            let w = format!(
                "{} {}",
                names::questionnaire(&ctx, &a.questionnaire),
                names::timepoint_short(&ctx, a.timepoint)
            );
            if !which.contains(&w) {
                which.push(w);
            }
        }
        let onkeydown = {
            let dismissed = dismissed.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    dismissed.set(true);
                }
            })
        };
        let shown_again = {
            let dismissed = dismissed.clone();
            Callback::from(move |_: FocusEvent| dismissed.set(false))
        };
        let pointer_left = {
            let dismissed = dismissed.clone();
            Callback::from(move |_: MouseEvent| dismissed.set(false))
        };
        return html! {
            <span class={classes!("not-on-track", dismissed.then_some("dismissed"))} tabindex="0"
                aria-describedby={id.clone()} {onkeydown} onblur={shown_again}
                onmouseleave={pointer_left}>
                <span aria-hidden="true">{ "⚠ " }</span>
                { ctx.t("assessor_not_on_track") }{ ": " }{ which.join("; ") }
                <span class="why" role="tooltip" id={id.clone()}>{ why.join("; ") }</span>
            </span>
        };
    }
    html! {
        <section class="notice warning" aria-labelledby="not-on-track-heading">
            <h2 id="not-on-track-heading">{ ctx.t("assessor_not_on_track") }</h2>
            <ul>{ for lines.map(|l| html! { <li>{ l }</li> }) }</ul>
        </section>
    }
}
