//! The start of a questionnaire: what comes next, roughly how long it takes, and its
//! instructions. Enter or → goes on, ← goes back.

use crate::components::nav_buttons::NavButtons;
use crate::components::prose::Prose;
use crate::components::read_aloud::{spoken, ReadAloud};
use crate::hooks::use_keys;
use crate::keys::KeyCommand;
use qkit_questionnaires::Wording;
use qkit_session::SectionScreen;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`SectionPage`].
#[derive(Properties, PartialEq)]
pub struct SectionPageProps {
    pub screen: SectionScreen,
    pub on_next: Callback<()>,
    pub on_back: Callback<()>,
}

/// The section break.
#[function_component(SectionPage)]
pub fn section_page(props: &SectionPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("App provides KitContext");
    let s = &props.screen;
    let on_key = {
        let (next, back, can_go_back) =
            (props.on_next.clone(), props.on_back.clone(), s.can_go_back);
        Callback::from(move |c: KeyCommand| match c {
            KeyCommand::Next => next.emit(()),
            KeyCommand::Back if can_go_back => back.emit(()),
            _ => {}
        })
    };
    use_keys(0, on_key);
    let Some(q) = ctx.kit.questionnaire(&s.questionnaire) else {
        return html! {};
    };
    let lang = &s.language;
    let text_lang = (*lang != ctx.lang).then(|| AttrValue::from(lang.to_string()));
    let instructions = match (s.wording, &q.easy_read_instructions) {
        (Wording::EasyRead, Some(t)) => t,
        _ => &q.instructions,
    };
    let part = ctx.tf(
        "section_part",
        &[
            ("n", &s.number.to_string()),
            ("count", &s.count.to_string()),
        ],
    );
    let minutes = ctx.tc("section_minutes", s.minutes as usize, &[]);
    let mut pieces = Vec::new();
    if !s.first {
        pieces.push(spoken(ctx.t("section_well_done"), ctx.lang.as_str()));
    }
    pieces.extend([
        spoken(q.title.get(lang), lang.as_str()),
        spoken(minutes.clone(), ctx.lang.as_str()),
        spoken(instructions.get(lang), lang.as_str()),
    ]);
    html! {
        <section class="screen section">
            if !s.first {
                <p class="lead">{ ctx.t("section_well_done") }</p>
            }
            <p class="eyebrow">{ part }</p>
            <h1 id={HEADING_ID} tabindex="-1" lang={text_lang.clone()}>{ q.title.get(lang).to_owned() }</h1>
            <ReadAloud {pieces} />
            <p>{ minutes }</p>
            <Prose text={instructions.get(lang).to_owned()} lang={text_lang} />
            <NavButtons can_go_back={s.can_go_back} on_back={props.on_back.clone()} on_next={props.on_next.clone()} />
        </section>
    }
}
