//! A participant's profile: his timepoints and when they were done, the T-score profile against
//! the norm's average range, change across the programme, and response-quality notes; first, if
//! he is not on track, why; and a timepoint with two records says so, with which one is used.

use crate::components::change_basis::ChangeBasis;
use crate::components::change_chart::ChangeChart;
use crate::components::not_on_track::NotOnTrack;
use crate::components::record_choice::RecordChoice;
use crate::components::t_chart::TChart;
use crate::model::alerts::not_on_track;
use crate::model::people::{present, record_date};
use crate::model::series::{notes, outdated_questionnaires, series, Note};
use crate::model::Key;
use crate::names;
use crate::state::Handle;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`ProfileTab`].
#[derive(Properties, PartialEq)]
pub struct ProfileTabProps {
    pub state: Handle,
    pub person: Key,
}

/// The profile.
#[function_component(ProfileTab)]
pub fn profile_tab(props: &ProfileTabProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let key = &props.person;
    let Some(records) = state.records.get(&key.participant, &key.programme) else {
        return html! {};
    };
    let all = series(
        &state.kit,
        &state.records,
        (&key.programme, records),
        state.reliable_change,
    );
    let timepoints = present(records).map(|(t, r)| {
        let date = record_date(r).map(|d| d.to_string()).unwrap_or_default();
        html! { <li>{ format!("{}: {date}", names::timepoint(&ctx, t)) }</li> }
    });
    let outdated = outdated_questionnaires(&state.kit, records);
    let notes = notes(records);
    let alerts = not_on_track(
        &state.kit,
        &state.records,
        (&key.programme, records),
        state.reliable_change,
    );
    html! {
        <>
            <NotOnTrack {alerts} />
            <section aria-labelledby="timepoints-heading">
                <h2 id="timepoints-heading">{ ctx.t("assessor_timepoints") }</h2>
                <ul>{ for timepoints }</ul>
                { for present(records).map(|(t, _)| html! {
                    <RecordChoice state={state.clone()} person={key.clone()} timepoint={t} />
                }) }
                { outdated_list(&ctx, &outdated) }
            </section>
            <section aria-labelledby="t-heading">
                <h2 id="t-heading">{ ctx.t("assessor_t_heading") }</h2>
                <TChart series={all.clone()} />
            </section>
            <section aria-labelledby="change-heading">
                <h2 id="change-heading">{ ctx.t("assessor_change_heading") }</h2>
                <p class="muted">{ ctx.t("assessor_change_method") }</p>
                <ChangeChart series={all.clone()} />
                <ChangeBasis series={all} />
            </section>
            <section aria-labelledby="notes-heading">
                <h2 id="notes-heading">{ ctx.t("assessor_notes_heading") }</h2>
                { notes_list(&ctx, &notes) }
            </section>
        </>
    }
}

/// "BIS-11 (after the programme): answered under an older version; not scored".
pub fn outdated_list(ctx: &KitContext, outdated: &[crate::model::series::OutdatedAt]) -> Html {
    if outdated.is_empty() {
        return html! {};
    }
    let items = outdated.iter().map(|o| {
        html! {
            <li>{ ctx.tf("assessor_outdated_long", &[
                ("questionnaire", &names::questionnaire(ctx, &o.questionnaire)),
                ("timepoint", &names::timepoint(ctx, o.timepoint)),
                ("version", &o.version),
            ]) }</li>
        }
    });
    html! { <ul class="notice warning">{ for items }</ul> }
}

/// Response-quality flags, items to revisit and alerts, in plain words.
pub fn notes_list(
    ctx: &KitContext,
    notes: &[(qkit_questionnaires::Timepoint, String, Note)],
) -> Html {
    if notes.is_empty() {
        return html! { <p>{ ctx.t("assessor_notes_none") }</p> };
    }
    let items = notes.iter().map(|(t, q, note)| {
        let title = names::questionnaire(ctx, q);
        let what = note_text(ctx, q, note);
        html! { <li>{ format!("{} — {title}: {what}", names::timepoint(ctx, *t)) }</li> }
    });
    html! { <ul class="notes">{ for items }</ul> }
}

/// One note in words (the same words as the completion summary's flags).
pub fn note_text(ctx: &KitContext, questionnaire: &str, note: &Note) -> String {
    let q = ctx.kit.questionnaire(questionnaire);
    let item_numbers = |items: &[String]| -> String {
        items
            .iter()
            .map(|id| {
                q.and_then(|q| q.item_index(id))
                    .map_or(id.clone(), |i| (i + 1).to_string())
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    match note {
        Note::Alert(items) => ctx.tc(
            "assessor_note_alert",
            items.len(),
            &[("items", &item_numbers(items))],
        ),
        Note::Revisit(items) => ctx.tc(
            "assessor_note_revisit",
            items.len(),
            &[("items", &item_numbers(items))],
        ),
        Note::Language { shown, sitting } => {
            // The language's name in the interface language; an unknown tag as it is.
            let name = |tag: &str| {
                let key = format!("assessor_language_{tag}");
                match ctx.t(&key) {
                    n if n == key => tag.to_owned(),
                    n => n.to_owned(),
                }
            };
            let shown: Vec<String> = shown.split('+').map(name).collect();
            ctx.tf(
                "assessor_note_language",
                &[("shown", &shown.join(" + ")), ("sitting", &name(sitting))],
            )
        }
        Note::Flag(flag) => match q {
            Some(q) => qkit_web::words::flag_line(ctx, q, flag),
            None => flag.key().to_owned(),
        },
    }
}
