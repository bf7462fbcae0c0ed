//! The path through a battery: each questionnaire's section screen, then its items, skipping the
//! consent form (recorded before the route starts), outdated questionnaires and, outside staff
//! mode, staff-only items.

use crate::draft::{Cursor, Draft, Mode};
use qkit_questionnaires::{Kit, Questionnaire, QuestionnaireKind};

/// One stop on the route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    /// The section screen before questionnaire `q` (index into the record).
    Section(usize),
    /// Item `i` (index into the definition's items) of questionnaire `q`.
    Item(usize, usize),
}

/// How far along the participant is: 1-based position and total, for the current questionnaire
/// and for the whole battery (consent not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub in_questionnaire: (usize, usize),
    pub in_battery: (usize, usize),
}

/// The questionnaires of a draft that are asked, each with its definition.
pub(crate) fn asked<'k>(kit: &'k Kit, draft: &Draft) -> Vec<(usize, &'k Questionnaire)> {
    draft
        .record
        .questionnaires
        .iter()
        .enumerate()
        .filter(|(i, _)| !draft.outdated.contains(i))
        .filter_map(|(i, r)| kit.questionnaire(&r.id).map(|q| (i, q)))
        .filter(|(_, q)| q.kind != QuestionnaireKind::Consent)
        .collect()
}

/// Whether an item is shown in this mode.
pub(crate) fn visible(q: &Questionnaire, i: usize, mode: Mode) -> bool {
    q.items
        .get(i)
        .is_some_and(|item| mode == Mode::Staff || !item.staff_only)
}

/// Every stop in order.
pub(crate) fn route(kit: &Kit, draft: &Draft, mode: Mode) -> Vec<Stop> {
    let mut stops = Vec::new();
    for (qi, q) in asked(kit, draft) {
        stops.push(Stop::Section(qi));
        stops.extend(
            (0..q.items.len())
                .filter(|&i| visible(q, i, mode))
                .map(|i| Stop::Item(qi, i)),
        );
    }
    stops
}

/// The stop a cursor is on, if it is on the route.
pub(crate) fn stop_of(kit: &Kit, draft: &Draft, cursor: &Cursor) -> Option<Stop> {
    match cursor {
        Cursor::Section { questionnaire } => Some(Stop::Section(*questionnaire)),
        Cursor::Item {
            questionnaire,
            item,
        } => {
            let id = &draft.record.questionnaires.get(*questionnaire)?.id;
            let i = kit.questionnaire(id)?.item_index(item)?;
            Some(Stop::Item(*questionnaire, i))
        }
        _ => None,
    }
}

/// Where a stop sits in the route: its index, or, for a stop that is not on it (a staff-only item
/// outside staff mode), the index of the first stop after it.
pub(crate) fn locate(route: &[Stop], stop: Stop) -> Result<usize, usize> {
    route.iter().position(|s| *s == stop).ok_or_else(|| {
        route
            .iter()
            .take_while(|s| order(**s) < order(stop))
            .count()
    })
}

/// Stops sort by questionnaire, then section before items, then item order.
fn order(s: Stop) -> (usize, usize) {
    match s {
        Stop::Section(q) => (q, 0),
        Stop::Item(q, i) => (q, i + 1),
    }
}

/// The cursor for a stop.
pub(crate) fn cursor_for(kit: &Kit, draft: &Draft, stop: Stop) -> Cursor {
    match stop {
        Stop::Section(q) => Cursor::Section { questionnaire: q },
        Stop::Item(q, i) => {
            let id = &draft.record.questionnaires[q].id;
            // Route stops come from `route`, which only names items that exist.
            let item = kit
                .questionnaire(id)
                .and_then(|def| def.items.get(i))
                .map(|it| it.id.clone())
                .unwrap_or_default();
            Cursor::Item {
                questionnaire: q,
                item,
            }
        }
    }
}

/// Progress at an item stop.
pub(crate) fn progress(route: &[Stop], stop: Stop) -> Progress {
    let items: Vec<Stop> = route
        .iter()
        .copied()
        .filter(|s| matches!(s, Stop::Item(..)))
        .collect();
    let q = match stop {
        Stop::Item(q, _) | Stop::Section(q) => q,
    };
    let in_q: Vec<&Stop> = items
        .iter()
        .filter(|s| matches!(s, Stop::Item(sq, _) if *sq == q))
        .collect();
    let pos = |list: &[&Stop]| list.iter().position(|s| **s == stop).map_or(0, |p| p + 1);
    let all: Vec<&Stop> = items.iter().collect();
    Progress {
        in_questionnaire: (pos(&in_q), in_q.len()),
        in_battery: (pos(&all), all.len()),
    }
}
