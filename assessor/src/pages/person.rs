//! One participant's screens: his profile (scores and change), his pathway, and his
//! end-of-programme report, under one heading with a way back to the cohort table.

use crate::model::Key;
use crate::names;
use crate::pages::{pathway::PathwayTab, profile::ProfileTab, report::ReportTab};
use crate::state::{act, Action, Handle, PersonTab, View};
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`PersonPage`].
#[derive(Properties, PartialEq)]
pub struct PersonPageProps {
    pub state: Handle,
    pub person: Key,
    pub tab: PersonTab,
}

/// The participant's screens.
#[function_component(PersonPage)]
pub fn person_page(props: &PersonPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let key = &props.person;
    if state
        .records
        .get(&key.participant, &key.programme)
        .is_none()
    {
        return html! {
            <main class="page" id="main">
                <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("assessor_person_missing") }</h1>
            </main>
        };
    }
    let tab = |tab: PersonTab, label: &str| {
        let key = key.clone();
        let onclick = act(state, move |_: MouseEvent| {
            Action::Show(View::Person(key.clone(), tab))
        });
        html! {
            <li><button type="button" class="button quiet" aria-current={(props.tab == tab).then_some("page")} {onclick}>
                { ctx.t(label).to_owned() }
            </button></li>
        }
    };
    let body = match props.tab {
        PersonTab::Profile => html! { <ProfileTab state={state.clone()} person={key.clone()} /> },
        PersonTab::Pathway => html! { <PathwayTab state={state.clone()} person={key.clone()} /> },
        PersonTab::Report => html! { <ReportTab state={state.clone()} person={key.clone()} /> },
    };
    let tab_name = match props.tab {
        PersonTab::Profile => "assessor_tab_profile",
        PersonTab::Pathway => "assessor_tab_pathway",
        PersonTab::Report => "assessor_tab_report",
    };
    html! {
        <main class="page wide" id="main">
            <div class="no-print">
                <button type="button" class="button quiet" onclick={act(state, |_: MouseEvent| Action::Show(View::Cohort))}>
                    { ctx.t("assessor_back_to_cohort") }
                </button>
                <h1 id={HEADING_ID} tabindex="-1">
                    { ctx.tf("assessor_person_heading", &[
                        ("participant", &key.participant),
                        ("programme", &names::programme(&ctx, &key.programme)),
                        ("screen", ctx.t(tab_name)),
                    ]) }
                </h1>
                <nav aria-label={ctx.t("assessor_person_nav").to_owned()}>
                    <ul class="assessor-nav">
                        { tab(PersonTab::Profile, "assessor_tab_profile") }
                        { tab(PersonTab::Pathway, "assessor_tab_pathway") }
                        { tab(PersonTab::Report, "assessor_tab_report") }
                    </ul>
                </nav>
            </div>
            { body }
        </main>
    }
}
