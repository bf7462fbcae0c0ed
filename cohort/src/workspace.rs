//! The assessor's workspace as plain data: everything imported and entered, kept as one value
//! so that it can be saved, reopened exactly as it was, written to a workspace file and, later,
//! merged with another site's. Two parts, because they change at different rates:
//!
//! - [`Entries`]: what the assessor entered (staff entries, report comments, groups, the waiting
//!   list read from a file, the allocation with its moves and reasons, local questionnaires and
//!   a local rules file, how reliable change is judged). Small; saved after every change.
//! - the records (a [`RecordSet`]): what was imported, each with its file's name and content id,
//!   records kept beside another after the ones in use. Large; saved only when an import ends.
//!
//! Each part is versioned JSON (`"format": 1`; a newer format is refused, not misread). Every
//! collection is keyed (entries by participant and programme, records by record id), so two
//! workspaces can be compared item by item. Records read back are checked against the kit
//! exactly as an imported file is ([`qkit_export::validate_record`]).

use super::allocation_check::{out_of_date, Merged, OutOfDate};
use super::cohort::Table;
use super::staff::{NotReady, StaffEntry};
use super::Key;
use crate::rules_file::RulesFile;
use qkit_allocation::{Allocation, AllocationInput, Group, Participant};
use qkit_export::record_set::RecordSet;
use qkit_export::{validate_record, RecordError, ResultRecord};
use qkit_questionnaires::local_kit::LocalFile;
use qkit_questionnaires::Kit;
use qkit_scoring::ReliableChangeChoice;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use thiserror::Error;

/// The format this qkit writes and reads.
pub const WORKSPACE_FORMAT: u32 = 1;

/// An allocation and what it was made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Allocated {
    pub input: AllocationInput,
    /// The allocation, with the moves made by hand and their reasons.
    pub allocation: Allocation,
    /// Waiting participants who could not be included, and why.
    pub not_ready: Vec<(Key, NotReady)>,
    /// Men both imported and named in the `participants.csv` file, with whose entries were used.
    #[serde(default)]
    pub merged: Vec<Merged>,
    /// How long allocating took, in milliseconds.
    pub ms: f64,
    /// The pathway rules in use changed after this allocation was made (a rules file, or local
    /// questionnaires that changed the rules), so its pathways may no longer be the rules'.
    /// Written only when true, so a workspace without it still opens in an older qkit.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rules_changed: bool,
}

impl Allocated {
    /// Whether this allocation still matches the records in `table` and the rules in use.
    pub fn out_of_date(&self, table: &Table) -> OutOfDate {
        OutOfDate {
            rules_changed: self.rules_changed,
            ..out_of_date(&self.input.participants, table)
        }
    }
}

/// Everything the assessor entered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entries {
    #[serde(with = "keyed")]
    pub staff: BTreeMap<Key, StaffEntry>,
    #[serde(with = "keyed")]
    pub comments: BTreeMap<Key, String>,
    pub groups: Vec<Group>,
    /// Waiting participants read from a `participants.csv` file.
    pub listed: Vec<Participant>,
    pub allocated: Option<Allocated>,
    /// Local questionnaire files the kit is built with.
    pub local_files: Vec<LocalFile>,
    /// The local rules file in use; `None` means the shipped rules.
    pub rules_file: Option<RulesFile>,
    /// How reliable change is judged on the profile, the report and the scores CSV.
    pub reliable_change: ReliableChangeChoice,
    /// Which record to use where a timepoint has more than one (`reconcile.rs`). Absent in
    /// workspaces saved before records were kept beside each other; written only when there is
    /// a choice, so such a workspace still opens in the qkit that saved it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chosen: Vec<crate::reconcile::Choice>,
}

/// Why a saved workspace part cannot be read.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum WorkspaceError {
    /// Not JSON of the expected shape.
    #[error("the workspace's {part} cannot be read: {reason}")]
    Damaged { part: &'static str, reason: String },
    /// Written by a newer qkit.
    #[error(
        "the workspace's {part} has format {found}; this qkit reads format {WORKSPACE_FORMAT}"
    )]
    NewerFormat { part: &'static str, found: u32 },
    /// A record no longer fits the kit in use (e.g. a local questionnaire was not loaded).
    #[error("record from \"{source_name}\" does not fit the kit: {error}")]
    Record {
        source_name: String,
        error: RecordError,
    },
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct EntriesPart {
    format: u32,
    /// The id of the records part these entries go with ([`records_id`]).
    records: String,
    entries: Entries,
}

#[derive(Serialize)]
struct RecordsOut<'a> {
    format: u32,
    records: Vec<SavedRef<'a>>,
}

/// A record with the file it came from, as written.
#[derive(Serialize)]
pub(super) struct SavedRef<'a> {
    source: &'a str,
    /// The file's content id; not written when not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    content: Option<&'a str>,
    record: &'a ResultRecord,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordsIn {
    /// Checked by [`check_format`] before the whole part is read.
    #[serde(rename = "format")]
    _format: u32,
    records: Vec<Saved>,
}

/// A record with the file it came from, as read (not yet checked against the kit).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Saved {
    source: String,
    /// Absent in workspaces saved before content ids were kept.
    #[serde(default)]
    content: Option<String>,
    record: ResultRecord,
}

#[derive(Deserialize)]
struct Probe {
    format: Option<u32>,
}

/// The records part: every record with the name of the file it came from, as JSON.
pub fn records_json(records: &RecordSet) -> Vec<u8> {
    let out = RecordsOut {
        format: WORKSPACE_FORMAT,
        records: saved_refs(records),
    };
    serde_json::to_vec(&out).expect("records serialise to JSON")
}

/// Every record in the set (in use, then kept beside), with the file it came from.
pub(super) fn saved_refs(records: &RecordSet) -> Vec<SavedRef<'_>> {
    records
        .all()
        .map(|i| SavedRef {
            source: &i.source,
            content: i.content.as_deref(),
            record: &i.record,
        })
        .collect()
}

/// The id of a records part: the first 16 hex digits of its SHA-256, so the entries can name
/// the records they go with and a stale or swapped records part is noticed.
pub fn records_id(records_json: &[u8]) -> String {
    Sha256::digest(records_json)[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The entries part, naming the records part `records` it goes with.
pub fn entries_json(entries: &Entries, records: &str) -> Vec<u8> {
    let part = EntriesPart {
        format: WORKSPACE_FORMAT,
        records: records.to_owned(),
        entries: entries.clone(),
    };
    serde_json::to_vec(&part).expect("entries serialise to JSON")
}

/// Checks the format first, so a newer workspace says so instead of failing to parse.
pub(super) fn check_format(part: &'static str, bytes: &[u8]) -> Result<(), WorkspaceError> {
    let probe: Probe = serde_json::from_slice(bytes).map_err(|e| WorkspaceError::Damaged {
        part,
        reason: e.to_string(),
    })?;
    match probe.format {
        Some(WORKSPACE_FORMAT) => Ok(()),
        Some(found) => Err(WorkspaceError::NewerFormat { part, found }),
        None => Err(WorkspaceError::Damaged {
            part,
            reason: "no format".into(),
        }),
    }
}

/// Reads the entries part: the entries and the id of the records part they go with.
pub fn read_entries(bytes: &[u8]) -> Result<(Entries, String), WorkspaceError> {
    check_format("entries", bytes)?;
    let part: EntriesPart = serde_json::from_slice(bytes).map_err(|e| WorkspaceError::Damaged {
        part: "entries",
        reason: e.to_string(),
    })?;
    Ok((part.entries, part.records))
}

/// Reads the records part and checks every record against `kit` (the kit with the workspace's
/// local questionnaires), as an imported file is checked.
pub fn read_records(kit: &Kit, bytes: &[u8]) -> Result<RecordSet, WorkspaceError> {
    check_format("records", bytes)?;
    let part: RecordsIn = serde_json::from_slice(bytes).map_err(|e| WorkspaceError::Damaged {
        part: "records",
        reason: e.to_string(),
    })?;
    checked(kit, part.records)
}

/// Whether the record from the file `source` fits `kit`, checked as an imported file is.
fn fits(kit: &Kit, source: &str, record: &ResultRecord) -> Result<(), WorkspaceError> {
    validate_record(kit, record).map_err(|error| WorkspaceError::Record {
        source_name: source.to_owned(),
        error,
    })
}

/// The records, each checked against `kit` as an imported file is.
pub(super) fn checked(kit: &Kit, records: Vec<Saved>) -> Result<RecordSet, WorkspaceError> {
    let mut set = RecordSet::new();
    for saved in records {
        fits(kit, &saved.source, &saved.record)?;
        set.add_file(&saved.source, saved.content, saved.record);
    }
    Ok(set)
}

/// Every record of `set` (in use or kept beside) that would not fit `kit`, each naming its
/// file: empty when the kit can replace the one the records were checked against.
pub fn unfit(kit: &Kit, set: &RecordSet) -> Vec<WorkspaceError> {
    set.all()
        .filter_map(|i| fits(kit, &i.source, &i.record).err())
        .collect()
}

/// Every record of `set` checked again against `kit` (after a merge changed the kit's local
/// questionnaires), as an imported file is.
pub fn check_records(kit: &Kit, set: &RecordSet) -> Result<RecordSet, WorkspaceError> {
    let saved = saved_refs(set)
        .into_iter()
        .map(|r| Saved {
            source: r.source.to_owned(),
            content: r.content.map(str::to_owned),
            record: r.record.clone(),
        })
        .collect();
    checked(kit, saved)
}

/// A map keyed by [`Key`] as a JSON list of `[key, value]` pairs (JSON object keys are strings).
mod keyed {
    use super::Key;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::collections::BTreeMap;

    pub fn serialize<T: Serialize, S: Serializer>(
        map: &BTreeMap<Key, T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(map.iter())
    }

    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<BTreeMap<Key, T>, D::Error> {
        Ok(Vec::<(Key, T)>::deserialize(d)?.into_iter().collect())
    }
}
