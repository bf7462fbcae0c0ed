//! Reading a screen aloud: a button that reads its texts (large on items: "Hear the question
//! again"), reading them by itself when the participant has read-aloud on, and a plain message
//! for staff when a text can be read neither from a recording nor by a voice. What is being
//! read is reported to the screen, to highlight it ([`marked`] marks the word).

use crate::browser::speech::{Piece, Reader, Report, Voice, Voicing};
use crate::state::reading::{split_word, ReadEvent};
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
    /// Reads `pieces`, reporting to `report` what it reads; returns the reading's number (see
    /// [`Reader::stop_if`]).
    pub fn say(&self, pieces: Vec<Piece>, report: Report) -> u32 {
        self.reader.say(pieces, (*self.voicing).clone(), report)
    }
}

/// Where a reading reports: `on_read`, with piece `i` of it counted as piece `first + i` of the
/// screen's (a single option read on its own is still that option).
pub fn report_to(on_read: &Callback<ReadEvent>, first: usize) -> Report {
    let on_read = on_read.clone();
    Rc::new(move |e| {
        on_read.emit(match e {
            ReadEvent::Started(i) => ReadEvent::Started(first + i),
            ReadEvent::Word { piece, start, len } => ReadEvent::Word {
                piece: first + piece,
                start,
                len,
            },
            e => e,
        })
    })
}

/// `text`, with the word being read (see [`Reading::word_of`]) marked: underlined by the
/// stylesheet, so not by colour alone.
pub fn marked(text: &str, word: Option<(u32, u32)>) -> Html {
    match word.and_then(|(start, len)| split_word(text, start, len)) {
        Some((before, word, after)) => html! {
            <>{ before.to_owned() }<span class="reading-word">{ word.to_owned() }</span>{ after.to_owned() }</>
        },
        None => html! { text.to_owned() },
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
    /// Told what is being read, when the screen highlights it (see `crate::hooks::use_reading`).
    #[prop_or_default]
    pub on_read: Callback<ReadEvent>,
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
        let on_read = props.on_read.clone();
        Callback::from(move |_: ()| {
            flag.set(false);
            let flag = flag.clone();
            let on_read = on_read.clone();
            let report = report_to(
                &Callback::from(move |e| {
                    if e == ReadEvent::Unavailable {
                        flag.set(true);
                    }
                    on_read.emit(e);
                }),
                0,
            );
            let number = speech.say(pieces.clone(), report);
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
