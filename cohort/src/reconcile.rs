//! Reconciling imported files: every record held, listed by the kit that wrote it and the day
//! it was done, so a missing or doubled sitting shows; the slots where a second, different
//! record is kept beside the one in use, with both days; and the assessor's choices of which
//! record to use, kept as entries in the workspace and applied to the record set.
//!
//! A record says which qkit version wrote it (`kit_version`) and when it was sat; it carries no
//! device id, so "by kit and date" is what the record can tell.

use crate::people::record_date;
use crate::Key;
use qkit_allocation::Date;
use qkit_export::record_set::RecordSet;
use qkit_questionnaires::Timepoint;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One record held, as the import screen lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sitting<'a> {
    pub participant: &'a str,
    pub programme: &'a str,
    pub timepoint: Timepoint,
    pub record_id: &'a str,
    pub source: &'a str,
    pub content: Option<&'a str>,
    /// Whether it is the record in use for its slot (else kept beside it).
    pub in_use: bool,
}

/// Every record written by one kit version on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch<'a> {
    pub kit_version: &'a str,
    pub date: Option<Date>,
    pub sittings: Vec<Sitting<'a>>,
}

/// Every record held, by kit version and day (both ascending), each batch by participant.
pub fn by_kit_and_date(set: &RecordSet) -> Vec<Batch<'_>> {
    let mut batches: BTreeMap<(&str, Option<Date>), Vec<Sitting<'_>>> = BTreeMap::new();
    let in_use: Vec<&str> = set
        .people()
        .flat_map(|(_, _, r)| r.iter().flatten())
        .map(|i| i.record.record_id.as_str())
        .collect();
    for i in set.all() {
        let r = &i.record;
        batches
            .entry((r.kit_version.as_str(), record_date(r)))
            .or_default()
            .push(Sitting {
                participant: &r.participant,
                programme: &r.programme,
                timepoint: r.timepoint,
                record_id: &r.record_id,
                source: &i.source,
                content: i.content.as_deref(),
                in_use: in_use.contains(&r.record_id.as_str()),
            });
    }
    batches
        .into_iter()
        .map(|((kit_version, date), mut sittings)| {
            sittings.sort_by_key(|s| (s.participant, s.programme, s.timepoint, !s.in_use));
            Batch {
                kit_version,
                date,
                sittings,
            }
        })
        .collect()
}

/// A timepoint with more than one record: the day of the one in use and of each kept beside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Twice {
    pub timepoint: Timepoint,
    pub in_use: Option<Date>,
    /// (record id, day) of each record kept beside, in the order added.
    pub beside: Vec<(String, Option<Date>)>,
}

/// Every man with a timepoint that has more than one record.
pub fn doubled(set: &RecordSet) -> BTreeMap<Key, Vec<Twice>> {
    let mut out: BTreeMap<Key, Vec<Twice>> = BTreeMap::new();
    for (p, programme, t) in set.doubled() {
        let in_use = set
            .get(p, programme)
            .and_then(|r| r[t as usize].as_ref())
            .and_then(|i| record_date(&i.record));
        let beside = set
            .beside(p, programme, t)
            .iter()
            .map(|i| (i.record.record_id.clone(), record_date(&i.record)))
            .collect();
        out.entry(Key::new(p, programme)).or_default().push(Twice {
            timepoint: t,
            in_use,
            beside,
        });
    }
    out
}

/// The assessor's choice of the record to use for a man's timepoint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub key: Key,
    /// `pre`, `mid` or `post`.
    pub timepoint: String,
    pub record_id: String,
}

/// Puts each chosen record in use (a choice naming a record the set does not hold changes
/// nothing). Applying the same choices again changes nothing.
pub fn apply(set: &mut RecordSet, choices: &[Choice]) {
    for c in choices {
        if let Some(t) = Timepoint::from_key(&c.timepoint) {
            set.choose(&c.key.participant, &c.key.programme, t, &c.record_id);
        }
    }
}

/// `choices` with `choice` in place of any earlier one for the same man and timepoint.
pub fn with_choice(choices: &[Choice], choice: Choice) -> Vec<Choice> {
    let mut out: Vec<Choice> = choices
        .iter()
        .filter(|c| !(c.key == choice.key && c.timepoint == choice.timepoint))
        .cloned()
        .collect();
    out.push(choice);
    out
}

#[cfg(test)]
#[path = "reconcile_tests.rs"]
mod tests;
