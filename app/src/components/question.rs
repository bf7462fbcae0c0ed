//! A question screen, the same for the items and the practice question ([`Asked`] says what
//! it shows): the question as the
//! screen's heading, "Hear the question again", the options as a radio group, and Back and
//! Next. Number keys choose an option, Enter or → is Next, ← is Back. With read-aloud on, the
//! screen's pieces are read when it appears, pointing at or focusing an option (once that
//! reading is over) reads its label, and what is being read is highlighted (see
//! `crate::state::reading`): the question and each option, its word underlined when a
//! synthetic voice says where it is. Focus never moves with the reading.

use crate::browser::speech::Piece;
use crate::components::nav_buttons::NavButtons;
use crate::components::option_group::{Choice, OptionGroup};
use crate::components::read_aloud::{marked, report_to, ReadAloud, SpeechContext};
use crate::hooks::{use_keys, use_reading};
use crate::keys::KeyCommand;
use qkit_scoring::Answer;
use qkit_web::hooks::HEADING_ID;
use yew::prelude::*;

/// What a question screen shows: an item, or the practice question.
#[derive(Clone, PartialEq)]
pub struct Asked {
    /// What comes above the question (progress bars, notes).
    pub intro: Html,
    pub text: AttrValue,
    /// Language of the question and its option labels, when it differs from the page's.
    pub lang: Option<AttrValue>,
    /// What read-aloud reads, in order.
    pub pieces: Vec<Piece>,
    /// Which of `pieces` is the question, its options and special answers following it in
    /// order; `None` when the pieces are about something else.
    pub question_at: Option<usize>,
    pub options: Vec<Choice>,
    pub special: Vec<Choice>,
    pub selected: Option<Answer>,
    /// Whether there is a screen to go back to.
    pub can_go_back: bool,
    /// What comes between the options and Back and Next.
    pub after: Html,
}

/// Properties of [`Question`].
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub asked: Asked,
    pub on_choose: Callback<Answer>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

/// The question, its options, and Back and Next.
#[function_component(Question)]
pub fn question(props: &QuestionProps) -> Html {
    let speech = use_context::<SpeechContext>().expect("App provides SpeechContext");
    let (reading, on_read) = use_reading();
    let a = &props.asked;
    let on_key = {
        let answers: Vec<Answer> = a.options.iter().map(|c| c.answer).collect();
        let (choose, next) = (props.on_choose.clone(), props.on_next.clone());
        let back = a.can_go_back.then(|| props.on_back.clone());
        Callback::from(move |c: KeyCommand| match c {
            KeyCommand::Choose(i) => {
                if let Some(a) = answers.get(i) {
                    choose.emit(*a);
                }
            }
            KeyCommand::Next => next.emit(()),
            KeyCommand::Back => {
                if let Some(back) = &back {
                    back.emit(());
                }
            }
        })
    };
    use_keys(a.options.len(), on_key);
    let at = a.question_at;
    let on_point = {
        let (speech, pieces, on_read) = (speech.clone(), a.pieces.clone(), on_read.clone());
        // Pointing never cuts the question short: a label is read only when nothing else is.
        Callback::from(move |i: usize| {
            let Some(first) = at.map(|q| q + 1 + i) else {
                return;
            };
            if speech.auto && !speech.reader.is_busy() {
                if let Some(p) = pieces.get(first) {
                    let _ = speech.say(vec![p.clone()], report_to(&on_read, first));
                }
            }
        })
    };
    let reads_question = at.is_some_and(|q| reading.reads(q));
    let option_read = at.and_then(|q| reading.piece?.checked_sub(q + 1));
    html! {
        <section class="screen item">
            { a.intro.clone() }
            <h1 id={HEADING_ID} tabindex="-1" class="question" lang={a.lang.clone()}
                aria-current={reads_question.then_some("true")}>
                { marked(&a.text, reading.word.filter(|_| reads_question)) }
            </h1>
            <ReadAloud pieces={a.pieces.clone()} question=true {on_read} />
            <OptionGroup labelled_by={HEADING_ID} options={a.options.clone()}
                special={a.special.clone()} selected={a.selected} lang={a.lang.clone()}
                on_choose={props.on_choose.clone()} {on_point} reading={option_read}
                word={reading.word} />
            { a.after.clone() }
            <NavButtons can_go_back={a.can_go_back} on_back={props.on_back.clone()}
                on_next={props.on_next.clone()} />
        </section>
    }
}
