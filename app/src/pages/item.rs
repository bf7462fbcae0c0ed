//! One question: the progress bars, the question, its options as a radio group, Back and Next.
//! Number keys choose an option, Enter or → is Next, ← is Back.

use crate::app::KitContext;
use crate::components::nav_buttons::NavButtons;
use crate::components::option_group::{Choice, OptionGroup};
use crate::components::progress_bar::ProgressBar;
use crate::hooks::{use_keys, HEADING_ID};
use crate::keys::KeyCommand;
use qkit_questionnaires::{Item, Questionnaire, SpecialAnswer};
use qkit_scoring::Answer;
use qkit_session::ItemScreen;
use yew::prelude::*;

/// Properties of [`ItemPage`].
#[derive(Properties, PartialEq)]
pub struct ItemPageProps {
    pub screen: ItemScreen,
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
        })
        .collect()
}

/// The item screen.
#[function_component(ItemPage)]
pub fn item_page(props: &ItemPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let s = &props.screen;
    let q = ctx.kit.questionnaire(&s.questionnaire);
    let item = q.and_then(|q| q.item(&s.item));
    let lang = &s.language;
    let options: Vec<Choice> = item
        .map(|item| &item.response_scale.options[..])
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, o)| Choice {
            answer: Answer::Value(o.value),
            label: o.label_for(s.wording).get(lang).to_owned().into(),
            key: Some(i + 1),
        })
        .collect();
    let on_key = {
        let answers: Vec<Answer> = options.iter().map(|c| c.answer).collect();
        let (choose, next, back) = (
            props.on_choose.clone(),
            props.on_next.clone(),
            props.on_back.clone(),
        );
        let can_go_back = s.can_go_back;
        Callback::from(move |c: KeyCommand| match c {
            KeyCommand::Choose(i) => {
                if let Some(a) = answers.get(i) {
                    choose.emit(*a);
                }
            }
            KeyCommand::Next => next.emit(()),
            KeyCommand::Back if can_go_back => back.emit(()),
            KeyCommand::Back => {}
        })
    };
    use_keys(options.len(), on_key);
    let (Some(q), Some(item)) = (q, item) else {
        return html! {};
    };
    let special = special_choices(&ctx, q, item);
    let text_lang = (*lang != ctx.lang).then(|| AttrValue::from(lang.to_string()));
    html! {
        <section class="screen item">
            <ProgressBar title={q.short_title.get(&ctx.lang).to_owned()}
                questionnaire={s.progress.in_questionnaire} battery={s.progress.in_battery} />
            if s.staff_only {
                <p class="staff-note">{ ctx.t("staff_only_item") }</p>
            }
            <h1 id={HEADING_ID} tabindex="-1" class="question" lang={text_lang.clone()}>
                { item.text_for(s.wording).get(lang).to_owned() }
            </h1>
            <OptionGroup labelled_by={HEADING_ID} {options} {special} selected={s.answer}
                lang={text_lang} on_choose={props.on_choose.clone()} />
            <NavButtons can_go_back={s.can_go_back} on_back={props.on_back.clone()} on_next={props.on_next.clone()} />
        </section>
    }
}
