//! On the profile: a timepoint with more than one record says so, with each one's day and file,
//! which one the scores shown use, and a button to use another instead (the choice is saved in
//! the workspace).

use crate::model::people::record_date;
use crate::model::reconcile::Choice;
use crate::model::Key;
use crate::names;
use crate::state::{Action, Handle};
use qkit_questionnaires::Timepoint;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`RecordChoice`].
#[derive(Properties, PartialEq)]
pub struct RecordChoiceProps {
    pub state: Handle,
    pub person: Key,
    pub timepoint: Timepoint,
}

/// The records of one timepoint, or nothing when it has one.
#[function_component(RecordChoice)]
pub fn record_choice(props: &RecordChoiceProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let (state, key, t) = (&props.state, &props.person, props.timepoint);
    let beside = state.records.beside(&key.participant, &key.programme, t);
    let in_use = state
        .records
        .get(&key.participant, &key.programme)
        .and_then(|r| r[t as usize].as_ref());
    let (Some(in_use), false) = (in_use, beside.is_empty()) else {
        return html! {};
    };
    let day = |i: &qkit_export::Imported| {
        record_date(&i.record)
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let others = beside.iter().map(|other| {
        let choice = Choice {
            key: key.clone(),
            timepoint: t.key().to_owned(),
            record_id: other.record.record_id.clone(),
        };
        let onclick = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.dispatch(Action::UseRecord(choice.clone())))
        };
        let text = ctx.tf(
            "assessor_record_other",
            &[("date", &day(other)), ("file", &other.source)],
        );
        html! {
            <li>
                { text.clone() }{ " " }
                <button type="button" class="button secondary" {onclick}
                    aria-label={ctx.tf("assessor_record_use_label", &[("record", &text)])}>
                    { ctx.t("assessor_record_use") }
                </button>
            </li>
        }
    });
    html! {
        <div class="notice warning record-choice">
            <p>{ ctx.tc("assessor_record_twice", beside.len() + 1, &[
                ("timepoint", &names::timepoint(&ctx, t)),
                ("date", &day(in_use)),
                ("file", &in_use.source),
            ]) }</p>
            <ul>{ for others }</ul>
        </div>
    }
}
