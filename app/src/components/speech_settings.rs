//! Read-aloud settings on the start screen (staff): the speaking rate and, for each language,
//! the voice: this computer's voices only, unless staff choose a network voice and, warned that
//! the text then leaves the computer, allow it. With no voice allowed for a language, staff are
//! told that read-aloud in it is off (texts with a recording are still played).

use crate::components::read_aloud::{spoken, SpeechContext};
use crate::state::reading::ReadEvent;
use crate::state::{Action, RATE_RANGE};
use crate::voices::{choose, speaking, NetworkVoice, Voice, Voicing};
use qkit_web::browser::dom;
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SpeechSettings`].
#[derive(Properties, PartialEq)]
pub struct SpeechSettingsProps {
    pub voicing: Rc<Voicing>,
    pub on_action: Callback<Action>,
}

/// The read-aloud settings section.
#[function_component(SpeechSettings)]
pub fn speech_settings(props: &SpeechSettingsProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let speech = use_context::<SpeechContext>().expect("App provides SpeechContext");
    let unavailable = use_state(|| false);
    let tenths = props.voicing.rate_tenths;
    let rate = format!("{}.{}", tenths / 10, tenths % 10);
    let on_rate = props.on_action.reform(|e: Event| {
        Action::SetSpeechRate(
            dom::range_value(&e).unwrap_or(crate::browser::speech::DEFAULT_RATE_TENTHS),
        )
    });
    let languages = ctx.kit.ui.languages().map(|(lang, name)| {
        let tag = lang.to_string();
        let sample = ctx.kit.ui.get(lang, "speech_sample").to_owned();
        let on_try = {
            let (speech, tag, flag) = (speech.clone(), tag.clone(), unavailable.setter());
            Callback::from(move |_: MouseEvent| {
                flag.set(false);
                let flag = flag.clone();
                let _ = speech.say(
                    vec![spoken(sample.clone(), &tag)],
                    Rc::new(move |e| {
                        if e == ReadEvent::Unavailable {
                            flag.set(true);
                        }
                    }),
                );
            })
        };
        voice_field(
            &ctx,
            &speech.voices,
            (tag, name),
            &props.voicing,
            &props.on_action,
            on_try,
        )
    });
    html! {
        <section class="speech-settings" aria-labelledby="speech-heading">
            <h2 id="speech-heading">{ ctx.t("speech_heading") }</h2>
            <p>{ ctx.t("speech_intro") }</p>
            <div class="field">
                <label for="speech-rate">{ ctx.t("speech_rate") }</label>
                <input id="speech-rate" type="range" min={RATE_RANGE.0.to_string()} max={RATE_RANGE.1.to_string()}
                    step="1" value={tenths.to_string()} onchange={on_rate}
                    aria-valuetext={rate} />
            </div>
            { for languages }
            if *unavailable {
                <p class="notice warning" role="status">{ ctx.t("speech_unavailable") }</p>
            }
        </section>
    }
}

/// The voice for one language: this computer's voices and the network ones (marked as sending
/// the text away), a plain warning and a confirming checkbox before a network voice is used, a
/// button to try the voice in use, and a notice when no voice may read the language (read-aloud
/// in it is then off; recordings still play).
fn voice_field(
    ctx: &KitContext,
    voices_here: &[Voice],
    (tag, name): (String, &str),
    voicing: &Voicing,
    on_action: &Callback<Action>,
    on_try: Callback<MouseEvent>,
) -> Html {
    let off = html! {
        <p class="notice warning">{ ctx.tf("speech_no_voice", &[("language", name)]) }</p>
    };
    let voices: Vec<_> = speaking(voices_here, &tag).collect();
    if voices.is_empty() {
        return off;
    }
    let chosen = voicing.voice(&tag);
    let network = voices
        .iter()
        .find(|v| Some(v.uri.as_str()) == chosen && !v.is_local());
    let in_use = choose(&tag, voices_here, voicing);
    let id = format!("voice-{tag}");
    let on_voice = {
        let tag = tag.clone();
        on_action.reform(move |e: Event| {
            let v = dom::select_value(&e);
            Action::SetVoice {
                lang: tag.clone(),
                voice: (!v.is_empty()).then_some(v),
                network: NetworkVoice::NotAllowed,
            }
        })
    };
    let confirm = network.map(|v| {
        let allowed = voicing.network(&tag, &v.uri) == NetworkVoice::Allowed;
        let (uri, tag) = (v.uri.clone(), tag.clone());
        let on_allow = on_action.reform(move |e: Event| Action::SetVoice {
            lang: tag.clone(),
            voice: Some(uri.clone()),
            network: if dom::checked(&e) {
                NetworkVoice::Allowed
            } else {
                NetworkVoice::NotAllowed
            },
        });
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
                <button type="button" class="button secondary" onclick={on_try}>
                    { ctx.tf("speech_try", &[("language", name)]) }
                </button>
            } else {
                { off }
            }
        </div>
    }
}
