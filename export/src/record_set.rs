//! Records opened together on the assessor's side (`qkit scores`, the assessor's screens): one
//! in use per participant, programme and timepoint, and any different records for the same
//! participant, programme and timepoint kept beside it. The same record imported twice is
//! recognised by its record id and counted once. A second, different record for a slot is kept
//! beside the first (never replacing it, never refused): the first stays in use, and so is the
//! one scored, until the assessor chooses another ([`RecordSet::choose`]). An unfinished record
//! (a sitting out of a rescue file) gives way to the finished record of the same sitting.
//!
//! Every file's content id (the SHA-256 of its bytes, [`content_id`]) is kept with what came
//! from it, so the assessor can tell files apart; records kept by an older qkit have none.

use crate::record::ResultRecord;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ScoreReport;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A record with the name of the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The file name (or path) it was read from, for messages.
    pub source: String,
    /// The SHA-256 of the file's bytes, in hex ([`content_id`]); `None` when not known (kept by
    /// an older qkit).
    pub content: Option<String>,
    pub record: ResultRecord,
}

/// A file's content id: the SHA-256 of its bytes, in lowercase hex.
pub fn content_id(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A content id as shown: its first 12 hex digits.
pub fn short_id(content: &str) -> &str {
    content.get(..12).unwrap_or(content)
}

/// A participant's records in use on one programme, indexed by `Timepoint as usize`.
pub type ByTimepoint = [Option<Imported>; 3];

/// What adding a record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// A new record, now in the set (in use).
    New,
    /// The same record (same record id) is already in the set, from `first`; counted once.
    Again { first: String },
    /// The finished record of a sitting the set held unfinished (from `first`): it replaces the
    /// unfinished one.
    Finished { first: String },
    /// A different record for the same participant, programme and timepoint is already in the
    /// set, from `first`, and stays in use; this one is kept beside it.
    Beside { first: String },
}

/// Records keyed by (participant, programme): one in use per timepoint, others kept beside.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordSet {
    people: BTreeMap<(String, String), ByTimepoint>,
    beside: BTreeMap<(String, String, Timepoint), Vec<Imported>>,
}

impl RecordSet {
    /// An empty set.
    pub fn new() -> RecordSet {
        RecordSet::default()
    }

    /// Adds a record read from `source` whose content id is not known (see [`Added`]).
    pub fn add(&mut self, source: &str, record: ResultRecord) -> Added {
        self.add_file(source, None, record)
    }

    /// Adds a record read from `source`, a file with content id `content` (see [`Added`]).
    pub fn add_file(
        &mut self,
        source: &str,
        content: Option<String>,
        record: ResultRecord,
    ) -> Added {
        let key = (record.participant.clone(), record.programme.clone());
        let t = record.timepoint;
        let slot = &mut self.people.entry(key.clone()).or_default()[t as usize];
        let beside = self.beside.entry((key.0, key.1, t)).or_default();
        let imported = Imported {
            source: source.to_owned(),
            content,
            record,
        };
        let record = &imported.record;
        if let Some(kept) = beside
            .iter()
            .find(|k| k.record.record_id == record.record_id)
        {
            return Added::Again {
                first: kept.source.clone(),
            };
        }
        let added = match slot {
            Some(kept)
                if kept.record.record_id == record.record_id
                    && kept.record.is_unfinished()
                    && !record.is_unfinished() =>
            {
                let first = std::mem::replace(kept, imported).source;
                Added::Finished { first }
            }
            Some(kept) if kept.record.record_id == record.record_id => Added::Again {
                first: kept.source.clone(),
            },
            Some(kept) => {
                let first = kept.source.clone();
                beside.push(imported);
                Added::Beside { first }
            }
            None => {
                *slot = Some(imported);
                Added::New
            }
        };
        self.beside.retain(|_, v| !v.is_empty());
        added
    }

    /// The different records kept beside the one in use for this participant, programme and
    /// timepoint, in the order they were added.
    pub fn beside(&self, participant: &str, programme: &str, t: Timepoint) -> &[Imported] {
        self.beside
            .get(&(participant.to_owned(), programme.to_owned(), t))
            .map_or(&[], Vec::as_slice)
    }

    /// Every slot with records kept beside the one in use: (participant, programme, timepoint).
    pub fn doubled(&self) -> impl Iterator<Item = (&str, &str, Timepoint)> {
        self.beside
            .keys()
            .map(|(p, g, t)| (p.as_str(), g.as_str(), *t))
    }

    /// Puts the record with `record_id` in use for this participant, programme and timepoint,
    /// the one in use until now going beside it. `false` (nothing changed) when no record with
    /// that id is kept beside; `true` when it is in use (already, or now).
    pub fn choose(
        &mut self,
        participant: &str,
        programme: &str,
        t: Timepoint,
        record_id: &str,
    ) -> bool {
        let key = (participant.to_owned(), programme.to_owned());
        let Some(slot) = self.people.get_mut(&key).map(|r| &mut r[t as usize]) else {
            return false;
        };
        if slot
            .as_ref()
            .is_some_and(|i| i.record.record_id == record_id)
        {
            return true;
        }
        let Some(list) = self.beside.get_mut(&(key.0, key.1, t)) else {
            return false;
        };
        let Some(at) = list.iter().position(|i| i.record.record_id == record_id) else {
            return false;
        };
        let chosen = list.remove(at);
        if let Some(was) = slot.replace(chosen) {
            list.insert(at, was);
        }
        true
    }

    /// Every (participant, programme) with its records in use, sorted by participant then
    /// programme.
    pub fn people(&self) -> impl Iterator<Item = (&str, &str, &ByTimepoint)> {
        self.people
            .iter()
            .map(|((p, prog), r)| (p.as_str(), prog.as_str(), r))
    }

    /// Every record held, in use and beside: those in use first (as [`RecordSet::people`] lists
    /// them), then those kept beside, so adding them again in this order makes the same set.
    pub fn all(&self) -> impl Iterator<Item = &Imported> {
        let in_use = self.people.values().flatten().flatten();
        in_use.chain(self.beside.values().flatten())
    }

    /// One participant's records on one programme.
    pub fn get(&self, participant: &str, programme: &str) -> Option<&ByTimepoint> {
        self.people
            .get(&(participant.to_owned(), programme.to_owned()))
    }

    /// How many records are in use.
    pub fn len(&self) -> usize {
        self.people.values().flatten().flatten().count()
    }

    /// Whether the set holds no record.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The latest timepoint a participant has a record for, with that record.
pub fn latest(records: &ByTimepoint) -> Option<(Timepoint, &Imported)> {
    Timepoint::ALL
        .into_iter()
        .rev()
        .find_map(|t| records[t as usize].as_ref().map(|r| (t, r)))
}

/// The report of questionnaire `id` at timepoint `t`, if that record has one.
pub fn report_at<'a>(records: &'a ByTimepoint, t: Timepoint, id: &str) -> Option<&'a ScoreReport> {
    records[t as usize]
        .as_ref()?
        .record
        .questionnaires
        .iter()
        .find(|q| q.id == id)?
        .report
        .as_ref()
}

/// The cohort's pre-programme SDs for one questionnaire on one programme: each participant's
/// pre-programme report of it (one each; a questionnaire kept unscored under an older definition
/// has no report and is left out), the basis of `cohort_pre` reliable change.
pub fn cohort_pre(
    set: &RecordSet,
    programme: &str,
    q: &qkit_questionnaires::Questionnaire,
) -> qkit_scoring::CohortPre {
    qkit_scoring::CohortPre::from_reports(
        q,
        set.people()
            .filter(|(_, p, _)| *p == programme)
            .filter_map(|(_, _, records)| report_at(records, Timepoint::Pre, &q.id)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = include_str!("../../docs/examples/record.json");

    fn record(participant: &str, id: &str, t: Timepoint) -> ResultRecord {
        let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
        r.participant = participant.to_owned();
        r.record_id = id.to_owned();
        r.timepoint = t;
        r
    }

    #[test]
    fn the_same_record_twice_is_counted_once_and_a_second_one_is_kept_beside() {
        let mut set = RecordSet::new();
        assert_eq!(
            set.add("a.age", record("A1", "r1", Timepoint::Pre)),
            Added::New
        );
        assert_eq!(
            set.add("copy.age", record("A1", "r1", Timepoint::Pre)),
            Added::Again {
                first: "a.age".into()
            }
        );
        assert_eq!(
            set.add("other.age", record("A1", "r2", Timepoint::Pre)),
            Added::Beside {
                first: "a.age".into()
            }
        );
        assert_eq!(
            set.add("other-copy.age", record("A1", "r2", Timepoint::Pre)),
            Added::Again {
                first: "other.age".into()
            }
        );
        assert_eq!(
            set.add("b.age", record("A1", "r3", Timepoint::Post)),
            Added::New
        );
        assert_eq!(
            set.add("c.age", record("B2", "r4", Timepoint::Pre)),
            Added::New
        );
        assert_eq!(set.len(), 3);
        let mut unfinished = record("C3", "r5", Timepoint::Pre);
        unfinished.completed_at = None;
        assert_eq!(set.add("rescue.age", unfinished.clone()), Added::New);
        assert_eq!(
            set.add("rescue-again.age", unfinished),
            Added::Again {
                first: "rescue.age".into()
            }
        );
        assert_eq!(
            set.add("c3.age", record("C3", "r5", Timepoint::Pre)),
            Added::Finished {
                first: "rescue.age".into()
            }
        );
        let c3 = &set.get("C3", "tsp").expect("C3 is in the set")[0];
        assert!(c3
            .as_ref()
            .is_some_and(|i| i.source == "c3.age" && !i.record.is_unfinished()));
        assert_eq!(
            set.add("rescue.age", record("C3", "r5", Timepoint::Pre)),
            Added::Again {
                first: "c3.age".into()
            }
        );
        assert_eq!(set.len(), 4);
        let a1 = set.get("A1", "tsp").expect("A1 is in the set");
        assert_eq!(a1[0].as_ref().map(|i| i.source.as_str()), Some("a.age"));
        let (t, latest) = latest(a1).expect("A1 has records");
        assert_eq!((t, latest.source.as_str()), (Timepoint::Post, "b.age"));
        assert!(report_at(a1, Timepoint::Pre, "bis11").is_some());
        assert!(report_at(a1, Timepoint::Mid, "bis11").is_none());
        let order: Vec<&str> = set.people().map(|(p, _, _)| p).collect();
        assert_eq!(order, ["A1", "B2", "C3"]);
    }

    #[test]
    fn a_record_kept_beside_is_put_in_use_only_when_chosen_and_the_set_rebuilds_in_order() {
        let mut set = RecordSet::new();
        let first = content_id(b"first file");
        assert_eq!(
            short_id(&first),
            &content_id(b"first file")[..12],
            "a short id is the first 12 hex digits"
        );
        assert_eq!(first.len(), 64);
        set.add_file(
            "a.age",
            Some(first.clone()),
            record("A1", "r1", Timepoint::Post),
        );
        set.add_file("b.age", None, record("A1", "r2", Timepoint::Post));
        set.add("c.age", record("A1", "r3", Timepoint::Post));
        let in_use = |set: &RecordSet| {
            set.get("A1", "tsp").expect("A1")[2]
                .as_ref()
                .map(|i| i.record.record_id.clone())
        };
        assert_eq!(in_use(&set).as_deref(), Some("r1"));
        let beside: Vec<&str> = set
            .beside("A1", "tsp", Timepoint::Post)
            .iter()
            .map(|i| i.record.record_id.as_str())
            .collect();
        assert_eq!(beside, ["r2", "r3"]);
        assert_eq!(
            set.doubled().collect::<Vec<_>>(),
            [("A1", "tsp", Timepoint::Post)]
        );
        assert!(!set.choose("A1", "tsp", Timepoint::Post, "r9"));
        assert!(set.choose("A1", "tsp", Timepoint::Post, "r3"));
        assert_eq!(in_use(&set).as_deref(), Some("r3"));
        let beside: Vec<&str> = set
            .beside("A1", "tsp", Timepoint::Post)
            .iter()
            .map(|i| i.record.record_id.as_str())
            .collect();
        assert_eq!(beside, ["r2", "r1"]);
        assert!(
            set.choose("A1", "tsp", Timepoint::Post, "r3"),
            "already in use"
        );
        assert_eq!(set.len(), 1);
        let mut again = RecordSet::new();
        for i in set.all() {
            again.add_file(&i.source, i.content.clone(), i.record.clone());
        }
        assert_eq!(again, set);
        assert_eq!(
            again.beside("A1", "tsp", Timepoint::Post)[1]
                .content
                .as_deref(),
            Some(first.as_str())
        );
    }
}
