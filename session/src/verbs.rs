//! The verbs themselves: what each one does to a draft. Every function here changes a working
//! copy; [`crate::Session::apply`] keeps it only when the verb succeeds.

use crate::draft::{Cursor, Draft, ItemClock, Mode, Pending};
use crate::error::SessionError;
use crate::finish::{close_sitting, finish};
use crate::route::{self, Stop};
use crate::sitting::{consent_item, shown_language, wording, NEW_SITTING_AFTER_MS};
use crate::verb::Verb;
use qkit_export::{PreviousAnswer, RecordedAnswer, Sitting, Timestamp, WordingKey};
use qkit_questionnaires::{Item, Kit, Questionnaire, SpecialAnswer, Wording};
use qkit_scoring::Answer;

fn wording_key(w: Wording) -> WordingKey {
    match w {
        Wording::Standard => WordingKey::Standard,
        Wording::EasyRead => WordingKey::EasyRead,
    }
}

pub(crate) fn step(
    kit: &Kit,
    d: &mut Draft,
    practice: &mut Option<usize>,
    verb: Verb,
    now: Timestamp,
) -> Result<(), SessionError> {
    if d.on_break && !matches!(verb, Verb::Resume | Verb::Reopen) {
        return Err(SessionError::OnBreak);
    }
    let not_here = |d: &Draft, verb: &Verb| {
        if d.cursor.is_final() {
            SessionError::Finished
        } else {
            SessionError::NotHere {
                verb: verb.name(),
                screen: d.cursor.name(),
            }
        }
    };
    match verb {
        Verb::RecordConsent(answer) => match d.cursor {
            Cursor::Consent => record_consent(kit, d, answer, now),
            _ => Err(not_here(d, &verb)),
        },
        Verb::Answer(answer) => match &d.cursor {
            Cursor::Item { .. } => choose(kit, d, answer, now),
            Cursor::Practice => {
                *practice = Some(practice_option(answer)?);
                Ok(())
            }
            _ => Err(not_here(d, &verb)),
        },
        Verb::Next => match d.cursor {
            Cursor::Handover => {
                d.cursor = Cursor::Practice;
                Ok(())
            }
            Cursor::Practice => {
                go_to_first(kit, d, now);
                Ok(())
            }
            Cursor::Section { .. } | Cursor::Item { .. } => {
                next(kit, d, now);
                Ok(())
            }
            _ => Err(not_here(d, &verb)),
        },
        Verb::Back => match d.cursor {
            Cursor::Section { .. } | Cursor::Item { .. } => back(kit, d, now),
            Cursor::Consent | Cursor::Handover | Cursor::Practice => {
                Err(SessionError::NothingBefore)
            }
            _ => Err(not_here(d, &verb)),
        },
        Verb::TakeBreak => match d.cursor {
            Cursor::Handover | Cursor::Practice | Cursor::Section { .. } | Cursor::Item { .. } => {
                d.on_break = true;
                d.clock.pause(now);
                close_sitting(d, now);
                Ok(())
            }
            _ => Err(not_here(d, &verb)),
        },
        Verb::Resume if d.on_break => {
            d.on_break = false;
            d.record.sittings.push(Sitting {
                started_at: now,
                ended_at: None,
            });
            if matches!(d.cursor, Cursor::Item { .. }) {
                d.clock.since = Some(now);
            }
            Ok(())
        }
        Verb::Resume => Err(not_here(d, &verb)),
        Verb::EnterStaffMode if d.cursor.is_final() => Err(SessionError::Finished),
        Verb::EnterStaffMode => {
            d.mode = Mode::Staff;
            Ok(())
        }
        Verb::LeaveStaffMode => {
            leave_staff_mode(kit, d, now);
            Ok(())
        }
        Verb::SetPresentation { .. } if d.cursor.is_final() => Err(SessionError::Finished),
        Verb::SetPresentation { .. } if d.mode != Mode::Staff => Err(SessionError::NotStaff),
        Verb::SetPresentation { language, .. } if !kit.ui.has(&language) => {
            Err(SessionError::UnknownLanguage(language.to_string()))
        }
        Verb::SetPresentation { language, support } => {
            d.record.language = language.to_string();
            d.record.support = support;
            Ok(())
        }
        Verb::SetAssisted(_) if d.mode != Mode::Staff => Err(SessionError::NotStaff),
        Verb::SetAssisted(on) => {
            d.assisted = on;
            Ok(())
        }
        Verb::ShowSummary => match d.cursor {
            Cursor::ThankYou => {
                d.cursor = Cursor::Summary;
                Ok(())
            }
            _ => Err(not_here(d, &verb)),
        },
        Verb::Reopen => {
            reopen(d, now);
            Ok(())
        }
    }
}

fn record_consent(
    kit: &Kit,
    d: &mut Draft,
    answer: Answer,
    now: Timestamp,
) -> Result<(), SessionError> {
    let (qi, q, item) =
        consent_item(kit, d).ok_or_else(|| SessionError::MissingQuestionnaire("consent".into()))?;
    let Answer::Value(v) = answer else {
        return Err(SessionError::ConsentUndecided);
    };
    let option = item
        .response_scale
        .option(v)
        .ok_or_else(|| SessionError::NotAnOption {
            item: item.id.clone(),
            value: v,
        })?;
    match option.code.as_deref() {
        Some("yes") => {
            let recorded = RecordedAnswer {
                item: item.id.clone(),
                answer,
                wording: wording_key(wording(d, item)),
                language: shown_language(d, q).to_string(),
                seconds: d.clock.seconds(now),
                // Staff read the form and record the decision.
                assisted: true,
                answered_at: now,
                history: Vec::new(),
            };
            d.record.questionnaires[qi].answers = vec![recorded];
            d.record.consent.given = true;
            d.record.consent.at = Some(now);
            d.cursor = Cursor::Handover;
            d.clock = ItemClock::default();
            Ok(())
        }
        Some("no") => {
            // The record says so, and holds no answers at all.
            for r in &mut d.record.questionnaires {
                r.answers.clear();
            }
            d.record.consent.given = false;
            d.record.consent.at = Some(now);
            d.record.completed_at = Some(now);
            close_sitting(d, now);
            d.cursor = Cursor::Declined;
            d.clock = ItemClock::default();
            d.mode = Mode::Participant;
            Ok(())
        }
        _ => Err(SessionError::ConsentUndecided),
    }
}

/// The practice option an answer means (1-based), or why it is none.
fn practice_option(answer: Answer) -> Result<usize, SessionError> {
    const PRACTICE: &str = "practice";
    let count = qkit_questionnaires::recordings::spoken_keys::PRACTICE_OPTIONS.len();
    match answer {
        Answer::Value(v) => usize::try_from(v)
            .ok()
            .filter(|n| (1..=count).contains(n))
            .ok_or(SessionError::NotAnOption {
                item: PRACTICE.into(),
                value: v,
            }),
        Answer::Special(s) => Err(SessionError::SpecialNotOffered {
            item: PRACTICE.into(),
            answer: SpecialAnswer::key(s),
        }),
    }
}

/// The current item with its questionnaire.
fn current_item<'k>(kit: &'k Kit, d: &Draft) -> Option<(usize, &'k Questionnaire, &'k Item)> {
    let Cursor::Item {
        questionnaire,
        item,
    } = &d.cursor
    else {
        return None;
    };
    let q = kit.questionnaire(&d.record.questionnaires.get(*questionnaire)?.id)?;
    Some((*questionnaire, q, q.item(item)?))
}

fn choose(kit: &Kit, d: &mut Draft, answer: Answer, now: Timestamp) -> Result<(), SessionError> {
    let (_, q, item) = current_item(kit, d).ok_or(SessionError::NotHere {
        verb: "answer",
        screen: "item",
    })?;
    match answer {
        Answer::Value(v) if item.response_scale.option(v).is_none() => {
            return Err(SessionError::NotAnOption {
                item: item.id.clone(),
                value: v,
            })
        }
        Answer::Special(s) if q.special_answer(s).is_none() => {
            return Err(SessionError::SpecialNotOffered {
                item: item.id.clone(),
                answer: SpecialAnswer::key(s),
            })
        }
        _ => {}
    }
    d.pending = Some(Pending {
        answer,
        seconds: d.clock.seconds(now),
        at: now,
    });
    Ok(())
}

/// Records the answer chosen on the current item, keeping the one it replaces in the history.
fn commit(kit: &Kit, d: &mut Draft) {
    let Some(p) = d.pending.take() else { return };
    let Some((qi, q, item)) = current_item(kit, d) else {
        return;
    };
    let now = RecordedAnswer {
        item: item.id.clone(),
        answer: p.answer,
        wording: wording_key(wording(d, item)),
        language: shown_language(d, q).to_string(),
        seconds: p.seconds,
        assisted: d.assisted || item.staff_only,
        answered_at: p.at,
        history: Vec::new(),
    };
    let answers = &mut d.record.questionnaires[qi].answers;
    match answers.iter_mut().find(|a| a.item == item.id) {
        Some(old) if old.answer == now.answer => {}
        Some(old) => {
            let mut history = std::mem::take(&mut old.history);
            history.push(PreviousAnswer {
                answer: old.answer,
                wording: old.wording,
                language: old.language.clone(),
                seconds: old.seconds,
                assisted: old.assisted,
                answered_at: old.answered_at,
            });
            *old = RecordedAnswer { history, ..now };
        }
        None => answers.push(now),
    }
}

fn move_to(kit: &Kit, d: &mut Draft, stop: Stop, now: Timestamp) {
    d.cursor = route::cursor_for(kit, d, stop);
    d.pending = None;
    d.clock = match stop {
        Stop::Item(..) => ItemClock::started(now),
        Stop::Section(_) => ItemClock::default(),
    };
}

fn go_to_first(kit: &Kit, d: &mut Draft, now: Timestamp) {
    match route::route(kit, d, d.mode).first() {
        Some(&stop) => move_to(kit, d, stop, now),
        None => finish(kit, d, now),
    }
}

fn next(kit: &Kit, d: &mut Draft, now: Timestamp) {
    commit(kit, d);
    let route = route::route(kit, d, d.mode);
    let target = match route::stop_of(kit, d, &d.cursor).map(|s| route::locate(&route, s)) {
        Some(Ok(i)) => i + 1,
        Some(Err(i)) => i,
        None => route.len(),
    };
    match route.get(target) {
        Some(&stop) => move_to(kit, d, stop, now),
        None => finish(kit, d, now),
    }
}

fn back(kit: &Kit, d: &mut Draft, now: Timestamp) -> Result<(), SessionError> {
    let route = route::route(kit, d, d.mode);
    let here = route::stop_of(kit, d, &d.cursor).map(|s| route::locate(&route, s));
    let target = match here {
        Some(Ok(i) | Err(i)) if i > 0 => i - 1,
        _ => return Err(SessionError::NothingBefore),
    };
    commit(kit, d);
    move_to(kit, d, route[target], now);
    Ok(())
}

/// Back to the participant. On a staff-only item, the cursor moves to the next screen the
/// participant may see (or the last one before it, at the end of the battery). Leaving staff
/// mode never finishes the battery.
fn leave_staff_mode(kit: &Kit, d: &mut Draft, now: Timestamp) {
    d.mode = Mode::Participant;
    d.assisted = false;
    let on_hidden_item = current_item(kit, d).is_some_and(|(_, _, item)| item.staff_only);
    if !on_hidden_item {
        return;
    }
    commit(kit, d);
    let route = route::route(kit, d, Mode::Participant);
    let at = route::stop_of(kit, d, &d.cursor).map(|s| route::locate(&route, s));
    match at {
        Some(Err(i)) if i < route.len() => move_to(kit, d, route[i], now),
        // The questionnaire's own section screen always comes before its items.
        Some(Err(i)) if i > 0 => move_to(kit, d, route[i - 1], now),
        _ => {}
    }
}

/// The sitting was loaded again. After a short gap (a reload) the item clock runs on; after a
/// long one (a crash, a closed browser) the time away is not counted, and the sitting that was
/// cut off is closed at the last thing that happened and a new one opens.
fn reopen(d: &mut Draft, now: Timestamp) {
    if d.cursor.is_final() {
        return;
    }
    let long_gap = now.0 - d.last_activity.0 > NEW_SITTING_AFTER_MS;
    if let Some(since) = d.clock.since {
        let until = if long_gap { d.last_activity } else { now };
        d.clock.counted_ms += (until.0 - since.0).max(0);
        d.clock.since = Some(now);
    }
    let open = d
        .record
        .sittings
        .last()
        .is_some_and(|s| s.ended_at.is_none());
    if open && long_gap {
        let at = d.last_activity;
        close_sitting(d, at);
        d.record.sittings.push(Sitting {
            started_at: now,
            ended_at: None,
        });
    }
}
