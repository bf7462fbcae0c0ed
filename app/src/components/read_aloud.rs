//! Reading a screen aloud: a button that reads its texts (large on items: "Hear the question
//! again"), reading them by itself when the participant has read-aloud on, and a plain message
//! for staff when a text can be read neither from a recording nor by a voice.

use crate::browser::speech::{Piece, Reader, Voice, Voicing};
use qkit_web::KitContext;
use std::rc::Rc;
use yew::prelude::*;

/// What reading aloud needs, shared by every screen.
#[derive(Clone)]
pub struct SpeechContext {
    pub voicing: Rc<Voicing>,
    /// The browser's voices now.
    pub voices: Rc<Vec<Voice>>,
    pub reader: Rc<Reader>,
    /// The open sitting's participant has read-aloud on: screens read themselves.
    pub auto: bool,
}

impl PartialEq for SpeechContext {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.voicing, &other.voicing)
            && Rc::ptr_eq(&self.voices, &other.voices)
            && Rc::ptr_eq(&self.reader, &other.reader)
            && self.auto == other.auto
    }
}

impl SpeechContext {
    /// Reads `pieces`, calling `unavailable` for any that cannot be read; returns the reading's
    /// number (see [`Reader::stop_if`]).
    pub fn say(&self, pieces: Vec<Piece>, unavailable: Rc<dyn Fn(&Piece)>) -> u32 {
        self.reader
            .say(pieces, (*self.voicing).clone(), unavailable)
    }
}

/// Properties of [`ReadAloud`].
#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// The screen's texts in reading order.
    pub pieces: Vec<Piece>,
    /// The large "Hear the question again" button of an item, rather than "Read this aloud".
    #[prop_or_default]
    pub question: bool,
}

/// The button, the reading when read-aloud is on, and the message when it cannot be read.
#[function_component(ReadAloud)]
pub fn read_aloud(props: &ReadAloudProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let speech = use_context::<SpeechContext>().expect("App provides SpeechContext");
    let unavailable = use_state(|| false);
    // The reading this screen started last, so that leaving stops only its own.
    let mine = use_mut_ref(|| None::<u32>);
    let say = {
        let (speech, pieces, flag, mine) = (
            speech.clone(),
            props.pieces.clone(),
            unavailable.setter(),
            mine.clone(),
        );
        Callback::from(move |_: ()| {
            flag.set(false);
            let flag = flag.clone();
            let number = speech.say(pieces.clone(), Rc::new(move |_: &Piece| flag.set(true)));
            *mine.borrow_mut() = Some(number);
        })
    };
    {
        let (say, reader, auto) = (say.clone(), speech.reader.clone(), speech.auto);
        use_effect_with(props.pieces.clone(), move |_| {
            if auto {
                say.emit(());
            }
            move || {
                if let Some(n) = mine.borrow_mut().take() {
                    reader.stop_if(n);
                }
            }
        });
    }
    let (key, class) = if props.question {
        ("hear_again", "button secondary hear question-audio")
    } else {
        ("read_this", "button quiet hear")
    };
    html! {
        <div class="read-aloud">
            <button type="button" class={class} onclick={say.reform(|_: MouseEvent| ())}>
                <svg class="speaker" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"
                    focusable="false" fill="currentColor">
                    <path d="M3 9h4l5-4v14l-5-4H3z" />
                    <path d="M15 8.5a5 5 0 0 1 0 7M17.5 6a8.5 8.5 0 0 1 0 12" fill="none"
                        stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
                { ctx.t(key) }
            </button>
            if *unavailable {
                <p class="notice warning" role="status">{ ctx.t("speech_unavailable") }</p>
            }
        </div>
    }
}

/// A piece in the language `lang` with no recording.
pub fn spoken(text: impl Into<String>, lang: &str) -> Piece {
    Piece {
        text: text.into(),
        lang: lang.to_owned(),
        recording: None,
    }
}
