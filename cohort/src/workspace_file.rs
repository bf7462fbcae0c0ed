//! A workspace file: the whole workspace (entries and records) as one JSON document, to be
//! sealed to the team's recipients and opened on another computer or by a colleague with the
//! team key (`age -d` reads it too). `{"kind": "qkit-workspace", "format": 1, "entries": …,
//! "records": […]}`; reading checks the kind and format first, then every record against the
//! kit built with the file's local questionnaires.

use super::workspace::{check_format, checked, saved_refs, Entries, Saved, SavedRef};
use super::workspace::{WorkspaceError, WORKSPACE_FORMAT};
use qkit_export::record_set::RecordSet;
use qkit_questionnaires::Kit;
use serde::{Deserialize, Serialize};

/// What a workspace file says it is.
pub const FILE_KIND: &str = "qkit-workspace";

#[derive(Serialize)]
struct FileOut<'a> {
    kind: &'a str,
    format: u32,
    entries: &'a Entries,
    records: Vec<SavedRef<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    kind: String,
    #[serde(rename = "format")]
    _format: u32,
    entries: Entries,
    records: Vec<Saved>,
}

/// A workspace file read, its records not yet checked (they need the kit its entries make).
pub struct WorkspaceFile {
    pub entries: Entries,
    records: Vec<Saved>,
}

impl WorkspaceFile {
    /// The records, each checked against `kit` (the kit with the file's local questionnaires).
    pub fn records(self, kit: &Kit) -> Result<RecordSet, WorkspaceError> {
        checked(kit, self.records)
    }
}

/// The whole workspace as one JSON document.
pub fn file_json(entries: &Entries, records: &RecordSet) -> Vec<u8> {
    let out = FileOut {
        kind: FILE_KIND,
        format: WORKSPACE_FORMAT,
        entries,
        records: saved_refs(records),
    };
    serde_json::to_vec(&out).expect("a workspace serialises to JSON")
}

/// Reads a workspace file's plaintext.
pub fn read_file(bytes: &[u8]) -> Result<WorkspaceFile, WorkspaceError> {
    check_format("file", bytes)?;
    let file: FileIn = serde_json::from_slice(bytes).map_err(|e| WorkspaceError::Damaged {
        part: "file",
        reason: e.to_string(),
    })?;
    if file.kind != FILE_KIND {
        return Err(WorkspaceError::Damaged {
            part: "file",
            reason: format!("it is a \"{}\", not a workspace", file.kind),
        });
    }
    Ok(WorkspaceFile {
        entries: file.entries,
        records: file.records,
    })
}
