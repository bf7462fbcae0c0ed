//! Carrying on a stored draft, possibly under newer definitions than it was started with.
//!
//! For each questionnaire whose definition changed since the draft was written:
//! - no answers yet, or the items are unchanged (same ids, wording and options): the draft moves
//!   to the new version and carries on;
//! - answers were given and the items changed: the old answers are kept in the record as they
//!   are, under the old version, marked `outdated` (so the record still validates and seals),
//!   and the questionnaire is neither asked nor scored on this device. Staff are told which
//!   questionnaire changed.

use crate::draft::{Cursor, Draft, ItemClock, DRAFT_FORMAT};
use crate::error::ResumeError;
use crate::finish::{finish, score_reports};
use crate::route::{self, Stop};
use crate::signature::item_signature;
use crate::sitting::Session;
use crate::verb::Verb;
use qkit_export::Timestamp;
use qkit_questionnaires::Kit;

/// What happened to one questionnaire whose definition changed since the draft was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionChange {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// The version the draft was started with.
    pub old_version: String,
    /// The version in this kit; `None` when the kit no longer has the questionnaire.
    pub new_version: Option<String>,
    pub outcome: ChangeOutcome,
}

/// How a changed definition was handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeOutcome {
    /// The items are the same (or nothing was answered yet): the sitting carries on under the
    /// new version.
    Updated,
    /// The items changed after `answers` answers were given: they are kept under the old
    /// version; the questionnaire is not asked or scored on this device.
    KeptOld { answers: usize },
}

/// A draft ready to carry on, with what changed in the definitions.
#[derive(Debug, Clone, PartialEq)]
pub struct Resumed {
    pub session: Session,
    pub changes: Vec<DefinitionChange>,
}

impl Session {
    /// Carries on a stored draft at `now` (a reopening: see [`Verb::Reopen`]).
    pub fn resume(kit: &Kit, draft: Draft, now: Timestamp) -> Result<Resumed, ResumeError> {
        if draft.format != DRAFT_FORMAT {
            return Err(ResumeError::UnsupportedFormat {
                found: draft.format,
                expected: DRAFT_FORMAT,
            });
        }
        let mut d = draft;
        check_shape(&d)?;
        // Drafts written before the record carried the mark have it only in `outdated`.
        for &i in &d.outdated {
            d.record.questionnaires[i].outdated = true;
        }
        let changes = if d.cursor.is_final() {
            // A finished record was scored under the definitions it names; it is never moved.
            if matches!(d.cursor, Cursor::ThankYou | Cursor::Summary) {
                score_reports(kit, &mut d);
            }
            Vec::new()
        } else {
            reconcile(kit, &mut d)
        };
        if !d.cursor.is_final() {
            leave_outdated(kit, &mut d, now);
        }
        check_cursor(kit, &d)?;
        let mut session = Session { draft: d };
        // Reopen is valid on every screen, including a break.
        let reopened = session.apply(kit, Verb::Reopen, now);
        debug_assert!(reopened.is_ok());
        Ok(Resumed { session, changes })
    }
}

fn check_shape(d: &Draft) -> Result<(), ResumeError> {
    let n = d.record.questionnaires.len();
    if d.item_signatures.len() != n {
        return Err(ResumeError::Inconsistent(format!(
            "{} item signatures for {n} questionnaires",
            d.item_signatures.len()
        )));
    }
    if let Some(bad) = d.outdated.iter().find(|&&i| i >= n) {
        return Err(ResumeError::Inconsistent(format!(
            "outdated questionnaire {bad} is out of range"
        )));
    }
    Ok(())
}

fn reconcile(kit: &Kit, d: &mut Draft) -> Vec<DefinitionChange> {
    let mut changes = Vec::new();
    for i in 0..d.record.questionnaires.len() {
        if d.outdated.contains(&i) {
            continue;
        }
        let result = &d.record.questionnaires[i];
        let current = kit.questionnaire(&result.id);
        if current.is_some_and(|q| q.content_hash == result.content_hash) {
            continue;
        }
        let change = |new_version: Option<String>, outcome| DefinitionChange {
            questionnaire: result.id.clone(),
            old_version: result.version.clone(),
            new_version,
            outcome,
        };
        let answers = result.answers.len();
        match current {
            Some(q) if answers == 0 || item_signature(q) == d.item_signatures[i] => {
                changes.push(change(Some(q.version.clone()), ChangeOutcome::Updated));
                let result = &mut d.record.questionnaires[i];
                result.version = q.version.clone();
                result.content_hash = q.content_hash.clone();
                d.item_signatures[i] = item_signature(q);
            }
            other => {
                changes.push(change(
                    other.map(|q| q.version.clone()),
                    ChangeOutcome::KeptOld { answers },
                ));
                d.outdated.push(i);
                d.record.questionnaires[i].outdated = true;
            }
        }
    }
    changes
}

/// A cursor inside a questionnaire that is no longer asked moves on to the next one (or the
/// battery finishes, if it was the last).
fn leave_outdated(kit: &Kit, d: &mut Draft, now: Timestamp) {
    let inside = match &d.cursor {
        Cursor::Section { questionnaire } | Cursor::Item { questionnaire, .. } => *questionnaire,
        _ => return,
    };
    let gone = d.outdated.contains(&inside)
        || d.record
            .questionnaires
            .get(inside)
            .is_none_or(|r| kit.questionnaire(&r.id).is_none());
    if !gone {
        return;
    }
    d.pending = None;
    let route = route::route(kit, d, d.mode);
    match route
        .iter()
        .find(|s| matches!(s, Stop::Section(q) if *q > inside))
    {
        Some(&stop) => {
            d.cursor = route::cursor_for(kit, d, stop);
            d.clock = ItemClock::default();
        }
        None => finish(kit, d, now),
    }
}

fn check_cursor(kit: &Kit, d: &Draft) -> Result<(), ResumeError> {
    let ok = match &d.cursor {
        Cursor::Section { questionnaire } => {
            route::asked(kit, d).iter().any(|(i, _)| i == questionnaire)
        }
        Cursor::Item { .. } => route::stop_of(kit, d, &d.cursor).is_some(),
        _ => true,
    };
    if ok {
        Ok(())
    } else {
        Err(ResumeError::Inconsistent(format!(
            "the {} screen it was on is not part of the battery",
            d.cursor.name()
        )))
    }
}
