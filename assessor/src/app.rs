//! The assessor area's root: loads the kit and the pathway rules once, reads the kit
//! configuration (for the idle time), holds the state (its workspace kept in the page's
//! storage), locks it when idle, turns the leave-page warning on while work is not saved, and
//! shows the header (language, navigation, lock), whether the work is saved, and the current
//! screen.

use crate::browser::leave::LeaveWarning;
use crate::browser::workspace::WorkspaceStore;
use crate::components::nav::Nav;
use crate::components::save_status::SaveStatus;
use crate::pages::{
    allocation::AllocationPage, cohort::CohortPage, import::ImportPage, merge::MergePage,
    person::PersonPage, tracking::TrackingPage, unlock::UnlockPage,
};
use crate::state::{Action, State, View};
use qkit_allocation::Rules;
use qkit_questionnaires::{Kit, Lang};
use qkit_web::browser::{dom, fetch};
use qkit_web::config::CONFIG_FILE;
use qkit_web::hooks::{use_focus_on, use_idle};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// The assessor area.
#[function_component(Assessor)]
pub fn assessor() -> Html {
    let loaded = use_memo((), |_| {
        let kit = Kit::shipped_with_assessor().map_err(|e| e.to_string())?;
        let rules = Rules::shipped(&kit).map_err(|e| e.to_string())?;
        Ok::<_, String>((Rc::new(kit), Rc::new(rules)))
    });
    match &*loaded {
        Ok((kit, rules)) => html! { <Shell kit={kit.clone()} rules={rules.clone()} /> },
        Err(problems) => html! {
            <main class="page" id="main">
                <h1>{ "The questionnaire or rules files have problems" }</h1>
                <p>{ "Ask the person who looks after qkit to fix these files." }</p>
                <pre>{ problems.clone() }</pre>
            </main>
        },
    }
}

#[derive(Properties)]
struct ShellProps {
    kit: Rc<Kit>,
    rules: Rc<Rules>,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.kit, &other.kit) && Rc::ptr_eq(&self.rules, &other.rules)
    }
}

#[function_component(Shell)]
fn shell(props: &ShellProps) -> Html {
    let state = {
        let (kit, rules) = (props.kit.clone(), props.rules.clone());
        use_reducer(move || {
            State::new(kit, rules, Lang::english()).with_store(WorkspaceStore::device())
        })
    };
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    use_effect_with(state.lang.clone(), |lang| {
        dom::set_page_language(lang.as_str())
    });
    {
        // The kit configuration sets the idle time, as for the participant app.
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            fetch::fetch_text(CONFIG_FILE, move |text| {
                dispatcher.dispatch(Action::Config(text))
            });
        });
    }
    // The same idle watch as the participant app's: while an identity is held, a stretch with
    // nobody at the computer locks the area and forgets everything.
    use_idle(
        state.identity.is_some().then_some(state.idle_lock_ms),
        dispatch.reform(|_| Action::IdleLock),
    );
    use_focus_on(state.view.clone());
    // While work is not saved, leaving the page asks first.
    use_effect_with(state.saved.unsaved(), |unsaved| {
        let warning = unsaved.then(LeaveWarning::on);
        move || drop(warning)
    });
    let ctx = KitContext {
        kit: state.kit.clone(),
        lang: state.lang.clone(),
    };
    let page = match &state.view {
        View::Unlock => html! {
            <UnlockPage locked_because={state.locked_because} on_unlock={dispatch.reform(Action::Unlock)} />
        },
        View::Import => html! { <ImportPage state={state.clone()} /> },
        View::Cohort => html! { <CohortPage state={state.clone()} /> },
        View::Person(key, tab) => {
            html! { <PersonPage state={state.clone()} person={key.clone()} tab={*tab} /> }
        }
        View::Allocation => html! { <AllocationPage state={state.clone()} /> },
        View::Merge => html! { <MergePage state={state.clone()} /> },
        View::Tracking => html! { <TrackingPage state={state.clone()} /> },
    };
    let unlocked = state.identity.is_some();
    let fingerprints: Vec<String> = state
        .identity
        .iter()
        .flat_map(|i| i.recipients())
        .map(|r| r.fingerprint())
        .collect();
    html! {
        <ContextProvider<KitContext> context={ctx}>
            <div class="assessor">
                <Nav view={state.view.clone()} {unlocked} records={state.records.len()} {fingerprints}
                    on_show={dispatch.reform(Action::Show)} on_lock={dispatch.reform(|_| Action::Lock)}
                    on_language={dispatch.reform(Action::SetLanguage)} />
                <SaveStatus saved={state.saved.clone()} others={state.keeping.others}
                    on_set_aside={dispatch.reform(|_| Action::SetAside)} />
                { page }
            </div>
        </ContextProvider<KitContext>>
    }
}
