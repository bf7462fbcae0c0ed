//! Group allocation: the assessor sets up groups (a form, or a `groups.csv` file), qkit-allocation
//! places every waiting participant (today from this computer's clock), the screen shows each
//! group with its members and start dates and everyone unplaced with the constraint that blocked
//! him, moves by hand warn about every hard constraint they break, and the allocation CSV is
//! downloaded.

use crate::allocation_words;
use crate::browser::files::from_input;
use crate::browser::timing::{now_ms, today};
use crate::components::allocation_notes::{self, OutOfDateNotice};
use crate::components::group_form::GroupForm;
use crate::components::group_list::GroupList;
use crate::components::move_form::MoveForm;
use crate::model::staff::participant;
use crate::model::Key;
use crate::names;
use crate::state::{act, Action, Allocated, Handle, PersonTab, View};
use qkit_allocation::{read_groups, read_participants, write_allocation, GroupSummary, Outcome};
use qkit_web::browser::download::save_file;
use qkit_web::hooks::HEADING_ID;
use qkit_web::KitContext;
use yew::prelude::*;

/// Properties of [`AllocationPage`].
#[derive(Properties, PartialEq)]
pub struct AllocationPageProps {
    pub state: Handle,
}

/// The allocation screen.
#[function_component(AllocationPage)]
pub fn allocation_page(props: &AllocationPageProps) -> Html {
    let ctx = use_context::<KitContext>().expect("the assessor provides KitContext");
    let state = &props.state;
    let sites = names::sites(&ctx);
    let on_groups_file = read_csv(state, &ctx, |name, text, state| {
        read_groups(name, text, &state.rules).map(Action::AddGroups)
    });
    let on_listed_file = read_csv(state, &ctx, |name, text, state| {
        read_participants(name, text, &state.rules).map(Action::Listed)
    });
    let waiting = state.waiting();
    let not_ready: Vec<(Key, String)> = waiting
        .iter()
        .filter_map(|k| {
            let records = state.records.get(&k.participant, &k.programme)?;
            participant(&state.rules, k, records, &state.staff_entry(k))
                .err()
                .map(|why| (k.clone(), names::not_ready(&ctx, &why)))
        })
        .collect();
    let ready = waiting.len() - not_ready.len();
    // Why allocating cannot run now, said beside the button.
    let why_not = if state.groups.is_empty() {
        Some("assessor_allocate_needs_group")
    } else if ready + state.listed.len() == 0 {
        Some("assessor_allocate_needs_ready")
    } else {
        None
    };
    let on_allocate = {
        let (state, ctx) = (state.clone(), ctx.clone());
        Callback::from(move |_: MouseEvent| match today() {
            Some(today) => state.dispatch(Action::Allocate { today, now_ms }),
            None => state.dispatch(Action::AllocationProblem(Some(
                ctx.t("assessor_no_date").to_owned(),
            ))),
        })
    };
    let not_ready_items = not_ready.iter().map(|(k, why)| {
        let key = k.clone();
        let open = act(state, move |_: MouseEvent| Action::Show(View::Person(key.clone(), PersonTab::Pathway)));
        html! {
            <li>
                <button type="button" class="link" onclick={open}
                    aria-label={ctx.tf("assessor_open_pathway", &[("participant", &k.participant)])}>{ k.participant.clone() }</button>
                { format!(": {why}") }
            </li>
        }
    });
    let taken: Vec<String> = state.groups.iter().map(|g| g.id.clone()).collect();
    html! {
        <main class="page wide" id="main">
            <h1 id={HEADING_ID} tabindex="-1">{ ctx.t("assessor_allocation_heading") }</h1>
            <p>{ ctx.t("assessor_allocation_intro") }</p>
            <section aria-labelledby="groups-heading">
                <h2 id="groups-heading">{ ctx.t("assessor_groups_heading") }</h2>
                <GroupList groups={state.groups.clone()} on_remove={act(state, Action::RemoveGroup)} />
                <div class="field">
                    <label for="groups-file">{ ctx.t("assessor_groups_file") }</label>
                    <p class="hint" id="groups-file-hint">{ ctx.t("assessor_groups_file_hint") }</p>
                    <input type="file" id="groups-file" accept=".csv,text/csv" aria-describedby="groups-file-hint" onchange={on_groups_file} />
                </div>
                <GroupForm rules={state.rules.clone()} sites={sites} {taken} on_add={act(state, Action::AddGroups)} />
            </section>
            <section aria-labelledby="waiting-heading">
                <h2 id="waiting-heading">{ ctx.t("assessor_waiting_heading") }</h2>
                <p>{ ctx.tf("assessor_waiting_counts", &[("waiting", &waiting.len().to_string()), ("ready", &ready.to_string())]) }</p>
                if !not_ready.is_empty() {
                    <p>{ ctx.t("assessor_not_ready_heading") }</p>
                    <ul>{ for not_ready_items }</ul>
                }
                <div class="field">
                    <label for="listed-file">{ ctx.t("assessor_listed_file") }</label>
                    <p class="hint" id="listed-file-hint">{ ctx.t("assessor_listed_file_hint") }</p>
                    <input type="file" id="listed-file" accept=".csv,text/csv" aria-describedby="listed-file-hint" onchange={on_listed_file} />
                    if !state.listed.is_empty() {
                        <p>{ ctx.tc("assessor_listed_count", state.listed.len(), &[]) }
                            { " " }<button type="button" class="button quiet" onclick={act(state, |_: MouseEvent| Action::Listed(Vec::new()))}>
                                { ctx.t("assessor_listed_forget") }</button></p>
                    }
                </div>
                <button type="button" class="button primary" onclick={on_allocate.clone()}
                    disabled={why_not.is_some()} aria-describedby={why_not.is_some().then_some("allocate-why-not")}>
                    { ctx.t("assessor_allocate") }</button>
                if let Some(why) = why_not {
                    <p class="hint" id="allocate-why-not">{ ctx.t(why) }</p>
                }
            </section>
            if let Some(p) = &state.allocation_problem {
                <p class="notice problem" role="alert">{ p.clone() }</p>
            }
            if let Some(a) = &state.allocated {
                <OutOfDateNotice allocated={a.clone()} table={state.table.clone()}
                    on_allocate={on_allocate} can_allocate={why_not.is_none()} />
                { result(&ctx, state, a) }
            }
        </main>
    }
}

/// A file input's callback: reads the chosen CSV file and dispatches what `read` makes of it, or
/// the problem.
fn read_csv(
    state: &Handle,
    ctx: &KitContext,
    read: fn(&str, &str, &Handle) -> Result<Action, qkit_allocation::CsvError>,
) -> Callback<Event> {
    let (state, ctx) = (state.clone(), ctx.clone());
    Callback::from(move |e: Event| {
        let Some(file) = from_input(&e).into_iter().next() else {
            return;
        };
        let (state, ctx) = (state.clone(), ctx.clone());
        yew::platform::spawn_local(async move {
            let name = file.name();
            let outcome = match file.bytes_at_most(qkit_allocation::MAX_CSV_BYTES).await {
                Err(e) => Err(names::file_problem(
                    &ctx,
                    &name,
                    &names::read_error(&ctx, &e),
                )),
                Ok(bytes) => match String::from_utf8(bytes) {
                    Err(_) => Err(ctx.tf("assessor_groups_not_text", &[("file", &name)])),
                    Ok(text) => read(&name, &text, &state).map_err(|e| e.to_string()),
                },
            };
            match outcome {
                Ok(action) => state.dispatch(action),
                Err(p) => state.dispatch(Action::AllocationProblem(Some(p))),
            }
        });
    })
}

fn result(ctx: &KitContext, state: &Handle, a: &std::rc::Rc<Allocated>) -> Html {
    let al = &a.allocation;
    let groups = al.groups.iter().map(|g| group_card(ctx, a, g));
    let one_to_one = al.assignments.iter().filter_map(|x| match &x.outcome {
        Outcome::OneToOne { reason } => Some(html! {
            <li><strong>{ x.participant.clone() }</strong>{ ": " }{ names::unplaced(ctx, reason) }</li>
        }),
        _ => None,
    });
    let not_recommended: Vec<&str> = al
        .assignments
        .iter()
        .filter(|x| matches!(x.outcome, Outcome::NotRecommended))
        .map(|x| x.participant.as_str())
        .collect();
    let unplaced_count = al
        .assignments
        .iter()
        .filter(|x| matches!(x.outcome, Outcome::OneToOne { .. }))
        .count();
    let on_export = {
        let (a, ctx, state) = (a.clone(), ctx.clone(), state.clone());
        Callback::from(move |_: MouseEvent| {
            let name = format!("qkit-allocation-{}.csv", a.allocation.today);
            if !save_file(&name, write_allocation(&a.allocation).as_bytes()) {
                state.dispatch(Action::AllocationProblem(Some(
                    ctx.t("assessor_download_failed").to_owned(),
                )));
            }
        })
    };
    let on_move = act(state, |(participant, target, reason)| Action::Move {
        participant,
        target,
        reason,
    });
    html! {
        <section aria-labelledby="result-heading">
            <h2 id="result-heading">{ ctx.t("assessor_result_heading") }</h2>
            { allocation_notes::summary(ctx, a) }
            { allocation_notes::merged_list(ctx, &a.merged) }
            <div class="nav">
                <button type="button" class="button secondary" onclick={on_export}>{ ctx.t("assessor_allocation_export") }</button>
            </div>
            <div class="group-cards">{ for groups }</div>
            <h3 id="unplaced-heading">{ ctx.tf("assessor_unplaced_heading", &[("count", &unplaced_count.to_string())]) }</h3>
            if unplaced_count == 0 {
                <p>{ ctx.t("assessor_unplaced_none") }</p>
            } else {
                <ul class="unplaced" aria-labelledby="unplaced-heading">{ for one_to_one }</ul>
            }
            if !not_recommended.is_empty() {
                <h3>{ ctx.t("assessor_not_recommended_heading") }</h3>
                <p>{ not_recommended.join(", ") }</p>
            }
            if !al.moves.is_empty() {
                <h3>{ ctx.t("assessor_moves_heading") }</h3>
                <ul>{ for al.moves.iter().map(|m| html! {
                    <li>{ ctx.tf("assessor_move_recorded", &[
                        ("participant", &m.participant),
                        ("to", &m.to.clone().unwrap_or_else(|| ctx.t("assessor_one_to_one").to_owned())),
                        ("reason", &m.reason),
                    ]) }
                    if !m.breaches.is_empty() {
                        <ul>{ for m.breaches.iter().map(|b| html! { <li>{ allocation_words::breach(ctx, a, &m.participant, m.to.as_deref().unwrap_or_default(), b) }</li> }) }</ul>
                    }</li>
                }) }</ul>
            }
            <MoveForm allocated={a.clone()} {on_move} />
        </section>
    }
}

fn group_card(ctx: &KitContext, a: &Allocated, g: &GroupSummary) -> Html {
    let def = a.input.groups.iter().find(|x| x.id == g.group);
    let starts = |p: &str| {
        a.allocation.assignment(p).and_then(|x| match &x.outcome {
            Outcome::Group { start, by_hand, .. } => Some((start.to_string(), by_hand.clone())),
            _ => None,
        })
    };
    let joiners = g.joiners.iter().map(|p| {
        let (start, by_hand) = starts(p).unwrap_or_default();
        html! {
            <li>{ ctx.tf("assessor_joiner", &[("participant", p), ("start", &start)]) }
                if let Some(r) = by_hand { { " — " }{ ctx.tf("assessor_moved_by_hand", &[("reason", &r)]) } }
            </li>
        }
    });
    let when = def.map(|d| {
        format!(
            "{}, {}, {}, {}",
            names::site(ctx, &d.site),
            names::weekday(ctx, d.slot.weekday),
            ctx.t(&format!("assessor_time_{}", d.slot.time.key())),
            names::intensity(ctx, d.pathway)
        )
    });
    let heading_id = format!("allocated-{}", g.group);
    html! {
        <section class="group-card" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ ctx.tf("assessor_group_heading", &[("id", &g.group)]) }</h3>
            if let Some(w) = when { <p>{ w }</p> }
            <p>{ ctx.tc("assessor_group_size", g.members, &[
                ("size", &g.size().to_string()),
                ("min", &g.min_size.to_string()),
                ("max", &g.max_size.to_string()),
            ]) }</p>
            <p>{ match g.joining_date {
                Some(d) => ctx.tf("assessor_group_joining", &[("date", &d.to_string())]),
                None => ctx.t("assessor_group_full_or_closed").to_owned(),
            } }</p>
            if g.below_minimum() {
                <p class="notice warning">{ ctx.t("assessor_group_below_min") }</p>
            }
            if g.joiners.is_empty() {
                <p class="muted">{ ctx.t("assessor_group_no_joiners") }</p>
            } else {
                <ul>{ for joiners }</ul>
            }
        </section>
    }
}
