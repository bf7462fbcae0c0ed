//! Reconciling imported files: every record held, listed by the laptop that wrote it and the
//! day it was done, so a missing or doubled sitting shows (a laptop whose files never arrived
//! has no batch that day); the slots where a second, different record is kept beside the one in
//! use, with both days; and the assessor's choices of which record to use, kept as entries in the
//! workspace and applied to the record set.
//!
//! A record names the laptop's browser profile that wrote it (`device`, e.g. `K7QD-2MXA`), the
//! qkit version (`kit_version`) and when it was sat. Records from a qkit before device ids name
//! no laptop: they are batched by kit version and day instead, as "device not recorded".

use crate::people::record_date;
use crate::Key;
use qkit_allocation::Date;
use qkit_export::record_set::RecordSet;
use qkit_questionnaires::Timepoint;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

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

/// Every record written on one laptop on one day, or, for records that name no laptop, by one
/// qkit version on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch<'a> {
    /// The laptop's device id; `None`: device not recorded (a qkit before device ids).
    pub device: Option<&'a str>,
    /// The qkit versions that wrote the batch, ascending: one, unless the laptop's qkit was
    /// updated that day (always one when the device is not recorded).
    pub kit_versions: Vec<&'a str>,
    pub date: Option<Date>,
    pub sittings: Vec<Sitting<'a>>,
}

/// Where a batch sorts: laptops by device id, then those with no device by kit version; each by
/// day.
type BatchKey<'a> = (bool, Option<&'a str>, Option<&'a str>, Option<Date>);

/// Every record held, by laptop and day (laptops by device id, days ascending), then the records
/// with no device by kit version and day; each batch by participant.
pub fn by_device_and_date(set: &RecordSet) -> Vec<Batch<'_>> {
    let mut batches: BTreeMap<BatchKey<'_>, (BTreeSet<&str>, Vec<Sitting<'_>>)> = BTreeMap::new();
    let in_use: Vec<&str> = set
        .people()
        .flat_map(|(_, _, r)| r.iter().flatten())
        .map(|i| i.record.record_id.as_str())
        .collect();
    for i in set.all() {
        let r = &i.record;
        let device = r.device.as_deref();
        let kit = device.is_none().then_some(r.kit_version.as_str());
        let (kits, sittings) = batches
            .entry((device.is_none(), device, kit, record_date(r)))
            .or_default();
        kits.insert(&r.kit_version);
        sittings.push(Sitting {
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
        .map(|((_, device, _, date), (kits, mut sittings))| {
            sittings.sort_by_key(|s| (s.participant, s.programme, s.timepoint, !s.in_use));
            Batch {
                device,
                kit_versions: kits.into_iter().collect(),
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
