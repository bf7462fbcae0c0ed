//! The assessor keys on the start screen: the keys finished sittings are sealed to, with their
//! fingerprints; keys the kit configuration offers; and pasting or loading a key. Every key is
//! used only after staff compare its fingerprint and accept it.

use crate::browser::file;
use crate::browser::storage::StoredRecipient;
use crate::key_text::KeyTextProblem;
use crate::state::{Action, KeysView};
use qkit_export::Recipient;
use qkit_web::browser::dom;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`AssessorKeys`].
#[derive(Properties, PartialEq)]
pub struct AssessorKeysProps {
    pub accepted: Vec<StoredRecipient>,
    /// Keys the kit configuration offers, each with its label.
    pub offered: Vec<(Recipient, String)>,
    pub keys: KeysView,
    pub on_action: Callback<Action>,
}

/// The keys panel.
#[function_component(AssessorKeys)]
pub fn assessor_keys(props: &AssessorKeysProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let removing = use_state(|| None::<String>);
    let pasted = use_node_ref();
    let name = |label: &str| {
        if label.is_empty() {
            ctx.t("keys_unnamed").to_owned()
        } else {
            label.to_owned()
        }
    };
    let accepted = props.accepted.iter().map(|r| {
        let fingerprint = r
            .recipient
            .parse::<Recipient>()
            .map(|k| k.fingerprint())
            .unwrap_or_default();
        let sure = removing.as_deref() == Some(r.recipient.as_str());
        let press = {
            let (cb, key, removing) = (props.on_action.clone(), r.recipient.clone(), removing.clone());
            Callback::from(move |_: MouseEvent| {
                if sure {
                    cb.emit(Action::RemoveKey(key.clone()));
                    removing.set(None);
                } else {
                    removing.set(Some(key.clone()));
                }
            })
        };
        html! {
            <li class="draft">
                <span>{ ctx.tf("keys_accepted_item", &[("name", &name(&r.label))]) }{ " " }<code>{ fingerprint }</code></span>
                <button type="button" class="button secondary" onclick={press}>
                    { ctx.t(if sure { "keys_remove_confirm" } else { "keys_remove" }) }
                </button>
            </li>
        }
    });
    let offer = |recipient: String, fingerprint: String, label: String, offered: bool| {
        let accept = {
            let (cb, recipient, label) =
                (props.on_action.clone(), recipient.clone(), label.clone());
            Callback::from(move |_: MouseEvent| {
                cb.emit(Action::AcceptKey {
                    recipient: recipient.clone(),
                    label: label.clone(),
                })
            })
        };
        let drop = props
            .on_action
            .reform(move |_: MouseEvent| Action::DropCandidate(recipient.clone()));
        let intro = if offered {
            "keys_offered"
        } else {
            "keys_candidate"
        };
        html! {
            <li class="notice info">
                <p>{ ctx.tf(intro, &[("name", &name(&label))]) }</p>
                <p class="fingerprint"><code>{ fingerprint.clone() }</code></p>
                <div class="nav">
                    <button type="button" class="button primary" onclick={accept}>
                        { ctx.tf("keys_accept", &[("fingerprint", &fingerprint)]) }
                    </button>
                    if !offered {
                        <button type="button" class="button secondary" onclick={drop}>{ ctx.t("keys_drop") }</button>
                    }
                </div>
            </li>
        }
    };
    let is_accepted = |r: &Recipient| {
        let text = r.to_string();
        props.accepted.iter().any(|a| a.recipient == text)
    };
    let offered: Vec<Html> = props
        .offered
        .iter()
        .filter(|(r, _)| !is_accepted(r))
        .map(|(r, label)| offer(r.to_string(), r.fingerprint(), label.clone(), true))
        .collect();
    let candidates = props.keys.candidates.iter().map(|c| {
        offer(
            c.recipient.clone(),
            c.fingerprint.clone(),
            c.label.clone(),
            false,
        )
    });
    let check = {
        let (cb, pasted) = (props.on_action.clone(), pasted.clone());
        Callback::from(move |_: MouseEvent| {
            cb.emit(Action::CheckKeys(dom::take_input_area(&pasted)))
        })
    };
    let load = {
        let cb = props.on_action.clone();
        Callback::from(move |e: Event| {
            let cb = cb.clone();
            file::read_chosen_text(&e, move |text| {
                cb.emit(Action::CheckKeys(text.unwrap_or_default()))
            });
        })
    };
    let problem = props.keys.problem.as_ref().map(|p| match p {
        KeyTextProblem::SecretKey => ctx.t("keys_secret").to_owned(),
        KeyTextProblem::NotAKey { line, reason } => ctx.tf(
            "keys_not_a_key",
            &[("line", &line.to_string()), ("reason", reason)],
        ),
        KeyTextProblem::Empty => ctx.t("keys_empty").to_owned(),
    });
    html! {
        <section class="keys" aria-labelledby="keys-heading">
            <h2 id="keys-heading">{ ctx.t("keys_heading") }</h2>
            <p>{ ctx.t("keys_intro") }</p>
            if props.accepted.is_empty() {
                <p>{ ctx.t("keys_none") }</p>
            } else {
                <ul class="draft-list">{ for accepted }</ul>
            }
            if !offered.is_empty() || !props.keys.candidates.is_empty() {
                <ul class="key-offers">{ for offered }{ for candidates }</ul>
            }
            if let Some(p) = problem {
                <p class="notice problem" role="alert">{ p }</p>
            }
            if let Some(e) = &props.keys.not_saved {
                <p class="notice problem" role="alert">{ ctx.tf("keys_not_saved", &[("reason", &e.to_string())]) }</p>
            }
            <div class="field">
                <label for="keys-paste">{ ctx.t("keys_paste") }</label>
                <textarea id="keys-paste" rows="2" spellcheck="false" autocomplete="off" ref={pasted} />
                <div class="nav">
                    <button type="button" class="button secondary" onclick={check}>{ ctx.t("keys_check") }</button>
                </div>
            </div>
            <div class="field">
                <label for="keys-file">{ ctx.t("keys_file") }</label>
                <input id="keys-file" type="file" accept=".txt,.pub,.json,.age-recipient,text/plain,application/json" onchange={load} />
            </div>
        </section>
    }
}
