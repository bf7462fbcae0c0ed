//! The root component: loads the kit once and shows the current screen.

use crate::pages::home::Home;
use qkit_questionnaires::{DefinitionErrors, Kit, Lang};
use std::rc::Rc;
use yew::prelude::*;

/// The kit and the interface language, shared with every screen.
#[derive(Clone, PartialEq)]
pub struct KitContext {
    pub kit: Rc<Kit>,
    pub lang: Lang,
}

impl KitContext {
    /// An interface string in the current language.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.kit.ui.get(&self.lang, key)
    }

    /// An interface string with `{placeholders}` filled in.
    pub fn tf(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.kit.ui.format(&self.lang, key, args)
    }
}

/// The root component.
#[function_component(App)]
pub fn app() -> Html {
    let kit = use_memo((), |_| Kit::shipped().map(Rc::new));
    match &*kit {
        Ok(kit) => {
            let ctx = KitContext {
                kit: kit.clone(),
                lang: Lang::english(),
            };
            html! {
                <ContextProvider<KitContext> context={ctx}>
                    <Home />
                </ContextProvider<KitContext>>
            }
        }
        Err(errors) => kit_error(errors),
    }
}

/// Shown when the shipped definitions do not validate: a build problem, explained plainly.
fn kit_error(errors: &DefinitionErrors) -> Html {
    html! {
        <main class="page" id="main">
            <h1>{ "The questionnaire files have problems" }</h1>
            <p>{ "Ask the person who looks after qkit to fix these files. No answers have been lost." }</p>
            <ul>{ for errors.0.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }</ul>
        </main>
    }
}
