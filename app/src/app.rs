//! The root component: loads the kit once (the shipped files plus the local ones stored on this
//! device), fetches the kit configuration, holds the app state, locks it when idle, and shows the
//! passphrase screens, the start screen or the open sitting.

use crate::browser::speech::Reader;
use crate::components::read_aloud::SpeechContext;
use crate::hooks::use_voices;
use crate::pages::{
    set_passphrase::SetPassphrasePage, sitting::SittingPage, start::StartPage, unlock::UnlockPage,
};
use crate::state::{Action, AppState, Env, View};
use qkit_questionnaires::local_kit::{self, LocalFile};
use qkit_questionnaires::{DefinitionErrors, Kit};
use qkit_web::browser::{dom, fetch};
use qkit_web::config::CONFIG_FILE;
use qkit_web::hooks::use_idle;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// The root component's properties: the outside world (tests pass stand-ins).
#[derive(Properties, PartialEq)]
pub struct AppProps {
    #[prop_or_else(Env::browser)]
    pub env: Env,
}

impl Default for AppProps {
    fn default() -> Self {
        AppProps {
            env: Env::browser(),
        }
    }
}

/// The root component.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // The shipped files plus the local ones stored on this device (the shipped kit alone, with
    // the problem, when those no longer validate).
    let boot = use_memo((), |_| {
        local_kit::boot(props.env.store.local_definitions()).map(|b| {
            Rc::new(Booted {
                kit: Rc::new(b.kit),
                files: b.files,
                problem: b.problem,
            })
        })
    });
    match &*boot {
        Ok(boot) => html! { <Shell boot={boot.clone()} env={props.env.clone()} /> },
        Err(errors) => kit_error(errors),
    }
}

/// The booted kit, shared rather than copied: the state holds the same `Rc<Kit>`.
struct Booted {
    kit: Rc<Kit>,
    files: Vec<LocalFile>,
    problem: Option<DefinitionErrors>,
}

#[derive(Properties)]
struct ShellProps {
    boot: Rc<Booted>,
    env: Env,
}

impl PartialEq for ShellProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.boot, &other.boot) && self.env == other.env
    }
}

#[function_component(Shell)]
fn shell(props: &ShellProps) -> Html {
    let state = {
        let (boot, env) = (props.boot.clone(), props.env.clone());
        use_reducer(move || {
            AppState::new(boot.kit.clone(), env)
                .with_local(boot.files.clone(), boot.problem.clone())
        })
    };
    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |a: Action| dispatcher.dispatch(a))
    };
    use_effect_with(state.lang.clone(), |lang| {
        dom::set_page_language(lang.as_str())
    });
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            fetch::fetch_text(CONFIG_FILE, move |text| {
                dispatcher.dispatch(Action::Config(text))
            });
        });
    }
    {
        // A passphrase to derive: scrypt runs away from the reducer (in a worker in the
        // browser), and its result comes back as an action.
        let dispatcher = state.dispatcher();
        let derive = state.env.derive.clone();
        use_effect_with(state.derivation(), move |d| {
            let cancel = d.as_ref().map(|d| {
                let id = d.id;
                derive(
                    d,
                    Box::new(move |secret| dispatcher.dispatch(Action::Derived { id, secret })),
                )
            });
            // The derivation is no longer wanted (answered, cancelled, locked, replaced): its
            // worker, if still running, ends now.
            move || {
                if let Some(cancel) = cancel {
                    cancel();
                }
            }
        });
    }
    use_idle(
        state.is_unlocked().then(|| state.idle_lock_ms()),
        on_action.reform(|_| Action::Lock),
    );
    let ctx = KitContext {
        kit: state.kit.clone(),
        lang: state.lang.clone(),
    };
    let reader = use_memo((), |_| Reader::default());
    {
        let reader = reader.clone();
        use_effect_with(state.is_unlocked(), move |unlocked| {
            if *unlocked {
                reader.load_recordings();
            }
        });
    }
    let voices = use_voices();
    let support = match &state.view {
        View::Sitting(v) => v.session.draft().record.support.clone(),
        _ => Default::default(),
    };
    let speech = SpeechContext {
        voicing: state.voicing.clone(),
        voices,
        reader: reader.clone(),
        auto: support.read_aloud,
    };
    // Room in storage is checked each time the start screen is shown: a trial write, so in an
    // effect rather than while rendering.
    let room = use_state(|| true);
    {
        let (room, store) = (room.clone(), state.env.store.clone());
        let on_start = matches!(state.view, View::Start(_));
        use_effect_with(on_start, move |on_start| {
            if *on_start {
                room.set(store.has_room());
            }
        });
    }
    let medium = state.env.store.medium().clone();
    let page = match &state.view {
        View::SetPassphrase(view) => {
            html! { <SetPassphrasePage view={view.clone()} on_action={on_action} /> }
        }
        View::Unlock(view) => html! { <UnlockPage view={view.clone()} on_action={on_action} /> },
        View::Start(view) => html! {
            <StartPage view={view.clone()} {medium} room={*room} config={state.config.clone()}
                recipients={state.recipients.clone()} voicing={state.voicing.clone()}
                local={state.local.clone()} outside={state.outside_changes.clone()} on_action={on_action} />
        },
        View::Sitting(view) => html! {
            <SittingPage view={view.clone()} {medium} keys={state.recipients.len()} on_action={on_action} />
        },
    };
    let size = if support.very_large_text {
        Some("very-large-text")
    } else {
        support.large_text.then_some("large-text")
    };
    html! {
        <ContextProvider<KitContext> context={ctx}>
            <ContextProvider<SpeechContext> context={speech}>
                <div class={classes!("app", size, support.high_contrast.then_some("high-contrast"))}>
                    { page }
                </div>
            </ContextProvider<SpeechContext>>
        </ContextProvider<KitContext>>
    }
}

/// Shown when the shipped definitions do not validate: a build problem, explained plainly. The
/// interface strings may be what is broken, so this one screen is in English in the code.
fn kit_error(errors: &DefinitionErrors) -> Html {
    html! {
        <main class="page" id="main">
            <h1>{ "The questionnaire files have problems" }</h1>
            <p>{ "Ask the person who looks after qkit to fix these files. No answers have been lost." }</p>
            <ul>{ for errors.0.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }</ul>
        </main>
    }
}
