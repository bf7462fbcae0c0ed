//! One question: the progress bars, the question, "Hear the question again", its options as a
//! radio group (with pictograms in pictorial mode), Back and Next. Number keys choose an option,
//! Enter or → is Next, ← is Back. With read-aloud on, each new question is read, then its
//! options, and pointing at or focusing an option (once that reading is over) reads its label.
//! What is being read is highlighted (see `crate::state::reading`); focus never moves with it.

use crate::browser::speech::Piece;
use crate::components::nav_buttons::NavButtons;
use crate::components::option_group::{Choice, OptionGroup};
use crate::components::progress_bar::ProgressBar;
use crate::components::read_aloud::{marked, report_to, spoken, ReadAloud, SpeechContext};
use crate::hooks::use_keys;
use crate::keys::KeyCommand;
use crate::state::reading::Reading;
use qkit_export::Support;
use qkit_questionnaires::{Item, Lang, Questionnaire, SpecialAnswer, Wording};
use qkit_scoring::Answer;
use qkit_session::ItemScreen;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ItemPage`].
#[derive(Properties, PartialEq)]
pub struct ItemPageProps {
    pub screen: ItemScreen,
    /// The participant's support options (pictorial answers, read-aloud).
    #[prop_or_default]
    pub support: Support,
    pub on_choose: Callback<Answer>,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

/// The label of a special answer, from the interface strings.
pub fn special_label(ctx: &KitContext, kind: SpecialAnswer) -> String {
    ctx.t(&format!("special_{}", kind.key())).to_owned()
}

/// The special answers the questionnaire offers for an item, leaving out any that one of the
/// item's own options already means (an option coded `prefer_not_to_say`, say).
pub fn special_choices(ctx: &KitContext, q: &Questionnaire, item: &Item) -> Vec<Choice> {
    q.special_answers
        .iter()
        .filter(|r| item.response_scale.option_with_code(r.kind.key()).is_none())
        .map(|r| Choice {
            answer: Answer::Special(r.kind),
            label: special_label(ctx, r.kind).into(),
            key: None,
            picture: None,
        })
        .collect()
}

/// The item's options as choices, with pictograms when `pictorial`.
pub fn option_choices(item: &Item, wording: Wording, lang: &Lang, pictorial: bool) -> Vec<Choice> {
    item.response_scale
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| Choice {
            answer: Answer::Value(o.value),
            label: o.label_for(wording).get(lang).to_owned().into(),
            key: Some(i + 1),
            picture: pictorial.then_some((o.pictogram, o.colour)),
        })
        .collect()
}

/// What a key press does on a screen of `options`: a number chooses, Enter or → goes on, ← goes
/// back when there is a `back`.
pub fn option_keys(
    options: &[Choice],
    choose: &Callback<Answer>,
    next: &Callback<()>,
    back: Option<Callback<()>>,
) -> Callback<KeyCommand> {
    let answers: Vec<Answer> = options.iter().map(|c| c.answer).collect();
    let (choose, next) = (choose.clone(), next.clone());
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
}

/// What read-aloud reads for an item: the question, then every option, then the special
/// answers. Recordings are used where the definition declares them for this text.
pub fn item_pieces(
    item: &Item,
    wording: Wording,
    lang: &Lang,
    ui_lang: &Lang,
    special: &[Choice],
) -> Vec<Piece> {
    let tag = lang.as_str();
    let mut pieces = vec![Piece {
        text: item.text_for(wording).get(lang).to_owned(),
        lang: tag.to_owned(),
        recording: item.audio_for(lang, wording).map(str::to_owned),
    }];
    for o in &item.response_scale.options {
        // A recording is of the standard label; an easy-read label differs, so it is spoken.
        let easy = wording == Wording::EasyRead && o.easy_read_label.is_some();
        pieces.push(Piece {
            text: o.label_for(wording).get(lang).to_owned(),
            lang: tag.to_owned(),
            recording: (!easy)
                .then(|| {
                    o.audio
                        .iter()
                        .find(|(l, _)| l == lang)
                        .map(|(_, p)| p.clone())
                })
                .flatten(),
        });
    }
    pieces.extend(
        special
            .iter()
            .map(|c| spoken(c.label.to_string(), ui_lang.as_str())),
    );
    pieces
}

/// The item screen.
#[function_component(ItemPage)]
pub fn item_page(props: &ItemPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let speech = use_context::<SpeechContext>().expect("App provides SpeechContext");
    let reading = use_reducer(Reading::default);
    let s = &props.screen;
    let q = ctx.kit.questionnaire(&s.questionnaire);
    let item = q.and_then(|q| q.item(&s.item));
    let lang = &s.language;
    let options = item
        .map(|item| option_choices(item, s.wording, lang, props.support.pictorial))
        .unwrap_or_default();
    let back = s.can_go_back.then(|| props.on_back.clone());
    let on_key = option_keys(&options, &props.on_choose, &props.on_next, back);
    use_keys(options.len(), on_key);
    let (Some(q), Some(item)) = (q, item) else {
        return html! {};
    };
    let special = special_choices(&ctx, q, item);
    let pieces = item_pieces(item, s.wording, lang, &ctx.lang, &special);
    let on_point = {
        let (speech, pieces, reading) = (speech.clone(), pieces.clone(), reading.clone());
        // Pointing never cuts the question short: a label is read only when nothing else is.
        Callback::from(move |i: usize| {
            if speech.auto && !speech.reader.is_busy() {
                if let Some(p) = pieces.get(i + 1) {
                    let _ = speech.say(vec![p.clone()], report_to(&reading, i + 1));
                }
            }
        })
    };
    let text_lang = (*lang != ctx.lang).then(|| AttrValue::from(lang.to_string()));
    html! {
        <section class="screen item">
            <ProgressBar title={q.short_title.get(&ctx.lang).to_owned()}
                questionnaire={s.progress.in_questionnaire} battery={s.progress.in_battery} />
            if s.staff_only {
                <p class="staff-note">{ ctx.t("staff_only_item") }</p>
            }
            <h1 id={HEADING_ID} tabindex="-1" class="question" lang={text_lang.clone()}
                aria-current={reading.reads(0).then_some("true")}>
                { marked(item.text_for(s.wording).get(lang), reading.word_of(0)) }
            </h1>
            <ReadAloud {pieces} question=true reading={reading.clone()} />
            <OptionGroup labelled_by={HEADING_ID} {options} {special} selected={s.answer}
                lang={text_lang} on_choose={props.on_choose.clone()} {on_point}
                reading={reading.piece.and_then(|p| p.checked_sub(1))} word={reading.word} />
            <NavButtons can_go_back={s.can_go_back} on_back={props.on_back.clone()} on_next={props.on_next.clone()} />
        </section>
    }
}
