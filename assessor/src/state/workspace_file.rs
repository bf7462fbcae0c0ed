//! Workspace files in the assessor's reducer: the whole workspace sealed to the unlocked
//! identity's recipients (so anyone holding the team key can open it), and a workspace file
//! opened into an empty workspace (merging one into a workspace that holds work is `merge.rs`).

use super::State;
use crate::browser::files::ReadError;
use crate::model::workspace_file::{file_json, read_file, WorkspaceFile};
use qkit_export::{seal_bytes, OpenError, SealError};
use rand_core::CryptoRngCore;
use zeroize::Zeroizing;

/// Why a workspace file was not opened; nothing changed.
#[derive(Debug, Clone, PartialEq)]
pub enum FileProblem {
    /// This workspace already holds results or entries (the file can be merged into it).
    NotEmpty,
    /// Results are being imported.
    Busy,
    /// The file could not be read.
    Unread(ReadError),
    /// It does not open with this identity, or is not an age file.
    Open(OpenError),
    /// It opens but is not a workspace this qkit reads, or its records do not fit the kit.
    Workspace(String),
}

impl State {
    /// The whole workspace as an age file sealed to the unlocked identity's recipients, or
    /// `None` while locked.
    pub fn workspace_file<R: CryptoRngCore + ?Sized>(
        &self,
        rng: &mut R,
    ) -> Option<Result<Vec<u8>, SealError>> {
        let identity = self.identity.as_ref()?;
        let json = Zeroizing::new(file_json(&self.entries(), &self.records));
        Some(seal_bytes(&json, &identity.recipients(), rng))
    }

    /// Whether nothing is imported or entered (local questionnaires and rules aside).
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
            && self.staff.is_empty()
            && self.comments.is_empty()
            && self.groups.is_empty()
            && self.listed.is_empty()
            && self.allocated.is_none()
    }

    /// Opens the workspace file `name` into this empty workspace and saves it, or says why not
    /// (nothing changes then).
    pub(super) fn open_file(&mut self, name: String, read: Result<Vec<u8>, ReadError>) {
        let opened = self.opened(read);
        let ok = opened.is_ok();
        self.keeping.file = Some((name, opened.map(|()| self.records.len())));
        if ok {
            self.save(true);
        }
    }

    fn opened(&mut self, read: Result<Vec<u8>, ReadError>) -> Result<(), FileProblem> {
        if !self.is_empty() {
            return Err(FileProblem::NotEmpty);
        }
        let file = self.read_workspace_file(read)?;
        let entries = file.entries.clone();
        self.apply(entries, |kit| file.records(kit))
            .map_err(FileProblem::Workspace)
    }

    /// The workspace file `read`, opened with the unlocked identity (its records not yet
    /// checked); not while an import runs.
    pub(super) fn read_workspace_file(
        &self,
        read: Result<Vec<u8>, ReadError>,
    ) -> Result<WorkspaceFile, FileProblem> {
        let identity = match &self.identity {
            Some(identity) if self.import.running.is_none() => identity,
            _ => return Err(FileProblem::Busy),
        };
        let bytes = read.map_err(FileProblem::Unread)?;
        let plain = qkit_export::decrypt(&bytes, identity).map_err(FileProblem::Open)?;
        read_file(&plain).map_err(|e| FileProblem::Workspace(e.to_string()))
    }
}
