//! Read-aloud settings on the start screen (staff): the speaking rate and, for each language,
//! the voice ([`VoiceField`]: this computer's voices only, unless staff allow a network voice
//! after a warning), with a button to try it.

use crate::app::KitContext;
use crate::browser::{dom, speech::Voicing};
use crate::components::read_aloud::{spoken, SpeechContext};
use crate::components::voice_field::VoiceField;
use crate::state::{Action, RATE_RANGE};
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
                    Rc::new(move |_: &_| flag.set(true)),
                );
            })
        };
        html! {
            <VoiceField lang={tag} language={name.to_owned()} voicing={props.voicing.clone()}
                on_action={props.on_action.clone()} {on_try} />
        }
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
