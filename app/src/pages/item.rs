//! What an item's screen shows: the progress bars, then the question with its options (with
//! pictograms in pictorial mode), read aloud question first, then every option, then the special
//! answers; `crate::components::question::Question` shows it.

use crate::browser::speech::Piece;
use crate::components::option_group::Choice;
use crate::components::progress_bar::ProgressBar;
use crate::components::question::Asked;
use crate::components::read_aloud::spoken;
use qkit_export::Support;
use qkit_questionnaires::{Item, Lang, Questionnaire, SpecialAnswer, Wording};
use qkit_scoring::Answer;
use qkit_session::ItemScreen;
use qkit_web::KitContext;
use yew::prelude::*;

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

/// What the item screen shows, or `None` when the kit has no such item.
pub fn item_question(ctx: &KitContext, s: &ItemScreen, support: &Support) -> Option<Asked> {
    let q = ctx.kit.questionnaire(&s.questionnaire)?;
    let item = q.item(&s.item)?;
    let lang = &s.language;
    let special = special_choices(ctx, q, item);
    let intro = html! {
        <>
            <ProgressBar title={q.short_title.get(&ctx.lang).to_owned()}
                questionnaire={s.progress.in_questionnaire} battery={s.progress.in_battery} />
            if s.staff_only {
                <p class="staff-note">{ ctx.t("staff_only_item") }</p>
            }
        </>
    };
    Some(Asked {
        intro,
        text: item.text_for(s.wording).get(lang).to_owned().into(),
        lang: (*lang != ctx.lang).then(|| AttrValue::from(lang.to_string())),
        pieces: item_pieces(item, s.wording, lang, &ctx.lang, &special),
        question_at: Some(0),
        options: option_choices(item, s.wording, lang, support.pictorial),
        special,
        selected: s.answer,
        can_go_back: s.can_go_back,
        after: Html::default(),
    })
}
