//! The voice for one language in the read-aloud settings: a list of this computer's voices and
//! the network ones (marked as sending the text away), a button to try the voice in use, a
//! plain warning and a confirming checkbox before a network voice is used, and a notice when no
//! voice may read the language (read-aloud in it is then off; recordings still play).

use crate::app::KitContext;
use crate::browser::dom;
use crate::components::read_aloud::SpeechContext;
use crate::state::Action;
use crate::voices::{choose, speaking, NetworkVoice, Voicing};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`VoiceField`].
#[derive(Properties, PartialEq)]
pub struct VoiceFieldProps {
    /// Primary language tag, e.g. `cy`.
    pub lang: AttrValue,
    /// The language's own name, e.g. `Cymraeg`.
    pub language: AttrValue,
    pub voicing: Rc<Voicing>,
    pub on_action: Callback<Action>,
    /// Staff want to hear the voice in use.
    pub on_try: Callback<MouseEvent>,
}

/// The voice choice for one language.
#[function_component(VoiceField)]
pub fn voice_field(props: &VoiceFieldProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let speech = use_context::<SpeechContext>().expect("App provides SpeechContext");
    let (tag, name) = (props.lang.to_string(), props.language.as_str());
    let off = html! {
        <p class="notice warning">{ ctx.tf("speech_no_voice", &[("language", name)]) }</p>
    };
    let voices: Vec<_> = speaking(&speech.voices, &tag).collect();
    if voices.is_empty() {
        return off;
    }
    let chosen = props.voicing.voice(&tag);
    let network = voices
        .iter()
        .find(|v| Some(v.uri.as_str()) == chosen && !v.is_local());
    let in_use = choose(&tag, &speech.voices, &props.voicing);
    let id = format!("voice-{tag}");
    let on_voice = {
        let tag = tag.clone();
        props.on_action.reform(move |e: Event| {
            let v = dom::select_value(&e);
            Action::SetVoice {
                lang: tag.clone(),
                voice: (!v.is_empty()).then_some(v),
                network: NetworkVoice::NotAllowed,
            }
        })
    };
    let confirm = network.map(|v| {
        let (uri, tag) = (v.uri.clone(), tag.clone());
        let on_allow = props.on_action.reform(move |e: Event| Action::SetVoice {
            lang: tag.clone(),
            voice: Some(uri.clone()),
            network: if dom::checked(&e) {
                NetworkVoice::Allowed
            } else {
                NetworkVoice::NotAllowed
            },
        });
        let allowed = props.voicing.network(&props.lang, &v.uri) == NetworkVoice::Allowed;
        let args = [("voice", v.name.as_str()), ("language", name)];
        let warning = format!("{id}-warning");
        html! {
            <div class="notice warning">
                <p id={warning.clone()} role="status">{ ctx.tf("speech_network_warning", &args) }</p>
                <label class="check">
                    <input type="checkbox" checked={allowed} onchange={on_allow}
                        aria-describedby={warning} />
                    <span>{ ctx.tf("speech_network_allow", &args) }</span>
                </label>
            </div>
        }
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{ ctx.tf("speech_voice_for", &[("language", name)]) }</label>
            <select {id} onchange={on_voice}>
                <option value="" selected={chosen.is_none()}>{ ctx.t("speech_voice_auto") }</option>
                { for voices.iter().map(|v| {
                    let label = format!("{} ({})", v.name, v.lang);
                    let label = if v.is_local() {
                        label
                    } else {
                        ctx.tf("speech_voice_online", &[("voice", &label)])
                    };
                    html! {
                        <option value={v.uri.clone()} selected={chosen == Some(v.uri.as_str())}>
                            { label }
                        </option>
                    }
                }) }
            </select>
            { for confirm }
            if in_use.is_some() {
                <button type="button" class="button secondary" onclick={props.on_try.clone()}>
                    { ctx.tf("speech_try", &[("language", name)]) }
                </button>
            } else {
                { off }
            }
        </div>
    }
}
