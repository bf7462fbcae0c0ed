//! Records opened together on the assessor's side (`qkit scores`, the assessor's screens): at
//! most one per participant, programme and timepoint. The same record imported twice is
//! recognised by its record id and counted once; a second, different record for the same
//! participant, programme and timepoint is refused, never merged. An unfinished record (a sitting
//! out of a rescue file) gives way to the finished record of the same sitting.

use crate::record::ResultRecord;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ScoreReport;
use std::collections::BTreeMap;

/// A record with the name of the file it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The file name (or path) it was read from, for messages.
    pub source: String,
    pub record: ResultRecord,
}

/// A participant's records on one programme, indexed by `Timepoint as usize`.
pub type ByTimepoint = [Option<Imported>; 3];

/// What adding a record did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// A new record, now in the set.
    New,
    /// The same record (same record id) is already in the set, from `first`; counted once.
    Again { first: String },
    /// The finished record of a sitting the set held unfinished (from `first`): it replaces the
    /// unfinished one.
    Finished { first: String },
    /// A different record for the same participant, programme and timepoint is already in the
    /// set, from `first`; this one was not added.
    Conflict { first: String },
}

/// Records keyed by (participant, programme), each with up to one record per timepoint.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordSet {
    people: BTreeMap<(String, String), ByTimepoint>,
}

impl RecordSet {
    /// An empty set.
    pub fn new() -> RecordSet {
        RecordSet::default()
    }

    /// Adds a record read from `source` (see [`Added`]).
    pub fn add(&mut self, source: &str, record: ResultRecord) -> Added {
        let key = (record.participant.clone(), record.programme.clone());
        let slot = &mut self.people.entry(key).or_default()[record.timepoint as usize];
        match slot {
            Some(kept)
                if kept.record.record_id == record.record_id
                    && kept.record.is_unfinished()
                    && !record.is_unfinished() =>
            {
                let first = std::mem::replace(&mut kept.source, source.to_owned());
                kept.record = record;
                Added::Finished { first }
            }
            Some(kept) if kept.record.record_id == record.record_id => Added::Again {
                first: kept.source.clone(),
            },
            Some(kept) => Added::Conflict {
                first: kept.source.clone(),
            },
            None => {
                *slot = Some(Imported {
                    source: source.to_owned(),
                    record,
                });
                Added::New
            }
        }
    }

    /// Every (participant, programme) with its records, sorted by participant then programme.
    pub fn people(&self) -> impl Iterator<Item = (&str, &str, &ByTimepoint)> {
        self.people
            .iter()
            .map(|((p, prog), r)| (p.as_str(), prog.as_str(), r))
    }

    /// One participant's records on one programme.
    pub fn get(&self, participant: &str, programme: &str) -> Option<&ByTimepoint> {
        self.people
            .get(&(participant.to_owned(), programme.to_owned()))
    }

    /// How many records the set holds.
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
    fn the_same_record_twice_is_counted_once_and_a_second_one_is_refused() {
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
            Added::Conflict {
                first: "a.age".into()
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
}
