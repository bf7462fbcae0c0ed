//! The first screen: the programmes and the questionnaires in each battery.

use crate::app::KitContext;
use qkit_questionnaires::{Programme, Timepoint};
use yew::prelude::*;

/// Lists every programme with its pre, mid and post batteries.
#[function_component(Home)]
pub fn home() -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    html! {
        <main class="page" id="main">
            <h1>{ ctx.t("app_title") }</h1>
            <section aria-labelledby="batteries-heading">
                <h2 id="batteries-heading">{ ctx.t("batteries_heading") }</h2>
                <ul class="battery-list">
                    { for ctx.kit.programmes.iter().map(|p| programme(&ctx, p)) }
                </ul>
            </section>
        </main>
    }
}

fn programme(ctx: &KitContext, p: &Programme) -> Html {
    html! {
        <li class="programme">
            <h3>{ p.name.get(&ctx.lang) }</h3>
            <dl>
                { for Timepoint::ALL.iter().map(|&tp| battery(ctx, p, tp)) }
            </dl>
        </li>
    }
}

fn battery(ctx: &KitContext, p: &Programme, tp: Timepoint) -> Html {
    let ids = p.battery(tp);
    let questionnaires: Vec<_> = ids
        .iter()
        .filter_map(|id| ctx.kit.questionnaire(id))
        .collect();
    let minutes: u32 = questionnaires.iter().map(|q| q.minutes).sum();
    let names = questionnaires
        .iter()
        .map(|q| q.short_title.get(&ctx.lang).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <>
            <dt>{ ctx.t(&format!("timepoint_{}", tp.key())) }</dt>
            <dd>
                { names }
                <span class="muted">{ " — " }{ ctx.tf("battery_summary", &[("count", &ids.len().to_string()), ("minutes", &minutes.to_string())]) }</span>
            </dd>
        </>
    }
}
