//! Pathway rules on the import screen: which rules are in use (the shipped ones or a local rules
//! file, by name), a file input to load a local rules file at any time but during an import
//! (saying, once results are held, that the pathways are decided again and an allocation made
//! before is out of date), and every problem found in a refused file, each naming it.

use crate::browser::files::{read_first, ReadError};
use crate::components::local_files::refused_notice;
use crate::model::local::Refused;
use qkit_allocation::{Rules, MAX_RULES_BYTES};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`RulesFileView`].
#[derive(Properties, PartialEq)]
pub struct RulesFileProps {
    /// The rules in use.
    pub rules: Rc<Rules>,
    /// The local rules file's name, if the rules in use came from one.
    pub file: Option<String>,
    pub problem: Option<Refused>,
    /// Whether a rules file may be loaded (no import is running).
    pub open: bool,
    /// Whether results are held.
    pub held: bool,
    /// A file was chosen: its name, and its bytes or why they were not read.
    pub on_choose: Callback<(String, Result<Vec<u8>, ReadError>)>,
}

/// The pathway rules region.
#[function_component(RulesFileView)]
pub fn rules_file_view(props: &RulesFileProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let load = {
        let cb = props.on_choose.clone();
        Callback::from(move |e: Event| read_first(&e, MAX_RULES_BYTES, cb.clone()))
    };
    let rules = format!("{} {}", props.rules.id, props.rules.version);
    let in_use = match &props.file {
        Some(file) => ctx.tf(
            "assessor_rules_in_use_local",
            &[("file", file), ("rules", &rules)],
        ),
        None => ctx.tf("assessor_rules_in_use_shipped", &[("rules", &rules)]),
    };
    let problem = props.problem.as_ref().map(|p| {
        refused_notice(
            p,
            ctx.t("assessor_rules_held"),
            ctx.t("assessor_rules_refused"),
        )
    });
    html! {
        <section class="local-definitions" aria-labelledby="rules-heading">
            <h2 id="rules-heading">{ ctx.t("assessor_rules_heading") }</h2>
            <p>{ ctx.t("assessor_rules_intro") }</p>
            <p>{ in_use }</p>
            { for problem }
            if props.open {
                <div class="field">
                    <label for="rules-file">{ ctx.t("assessor_rules_file") }</label>
                    if props.held {
                        <p class="hint" id="rules-file-hint">{ ctx.t("assessor_rules_held") }</p>
                    }
                    <input id="rules-file" type="file" accept=".json,application/json" onchange={load}
                        aria-describedby={props.held.then_some("rules-file-hint")} />
                </div>
            }
        </section>
    }
}
