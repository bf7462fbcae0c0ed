//! The assessor's workspace at rest: its two parts (`model::workspace`), each sealed with
//! `qkit_export::at_rest` under the key derived from the team identity, in the page's storage.
//!
//! Each identity has its own place, named by its key id (not secret), so a workspace saved with
//! another identity is never opened, overwritten or removed: `qkit.workspace.<key id>` holds
//! the entries and `qkit.workspace.<key id>.records.<records id>` the records they name, packed
//! (DEFLATE, about a sixth of the JSON) before they are sealed. An import writes the new records
//! part first, then the entries naming it, and only then removes the old records part: a failed
//! write leaves the last saved workspace whole.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use qkit_export::at_rest::{open_draft_text_in, seal_draft_text_in, DraftKey};
use qkit_export::AtRestError;
use qkit_web::browser::random::BrowserRng;
use qkit_web::browser::storage::{Backend, LocalBackend, MemoryBackend, StorageError};
use std::rc::Rc;
use thiserror::Error;
use zeroize::Zeroizing;

/// The label the workspace key is derived under (see `Identities::derive_key`).
pub const KEY_LABEL: &str = "qkit assessor workspace v1";
const PREFIX: &str = "qkit.workspace.";
const RECORDS: &str = ".records.";
const SET_ASIDE: &str = "qkit.workspace-set-aside.";
/// DEFLATE level for the records part: fast, and about as small as the slower levels.
const PACK_LEVEL: u8 = 1;
/// The largest records part unpacked (2,000 records are about 26 MB of JSON).
const MAX_RECORDS_BYTES: usize = 256 * 1024 * 1024;

/// Why the workspace could not be read or saved.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WorkspaceStoreError {
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The stored workspace does not open under this key in its place: damaged, or changed
    /// outside qkit.
    #[error("the saved workspace is damaged ({0})")]
    Damaged(String),
    /// The entries name a records part that is not there.
    #[error("the saved workspace's results are missing")]
    RecordsMissing,
    /// The browser has no secure random source, so nothing can be encrypted.
    #[error(
        "this browser has no secure random source, so the workspace cannot be saved encrypted"
    )]
    NoRandom,
}

/// The page's storage for workspaces.
#[derive(Clone)]
pub struct WorkspaceStore {
    backend: Rc<dyn Backend>,
}

impl PartialEq for WorkspaceStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.backend, &other.backend)
    }
}

impl std::fmt::Debug for WorkspaceStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WorkspaceStore")
    }
}

fn entries_key(key: &DraftKey) -> String {
    format!("{PREFIX}{}", key.id_hex())
}

fn records_key(key: &DraftKey, records: &str) -> String {
    format!("{PREFIX}{}{RECORDS}{records}", key.id_hex())
}

const ENTRIES_CONTEXT: &str = "qkit workspace entries";

fn records_context(records: &str) -> String {
    format!("qkit workspace records {records}")
}

fn damaged(e: AtRestError) -> WorkspaceStoreError {
    WorkspaceStoreError::Damaged(e.to_string())
}

impl WorkspaceStore {
    /// localStorage, or why it cannot be used.
    pub fn device() -> Result<WorkspaceStore, StorageError> {
        Ok(WorkspaceStore::new(Rc::new(LocalBackend::open()?)))
    }

    /// A store over any backend (tests use a [`MemoryBackend`]).
    pub fn new(backend: Rc<dyn Backend>) -> WorkspaceStore {
        WorkspaceStore { backend }
    }

    /// A store in memory only.
    pub fn memory() -> WorkspaceStore {
        WorkspaceStore::new(Rc::new(MemoryBackend::default()))
    }

    /// The saved entries part for this key, opened; `None` when nothing is saved under it.
    pub fn entries(
        &self,
        key: &DraftKey,
    ) -> Result<Option<Zeroizing<Vec<u8>>>, WorkspaceStoreError> {
        match self.backend.get(&entries_key(key))? {
            None => Ok(None),
            Some(text) => open_draft_text_in(key, ENTRIES_CONTEXT, &text)
                .map(Some)
                .map_err(damaged),
        }
    }

    /// The saved records part with this id, opened.
    pub fn records(
        &self,
        key: &DraftKey,
        records: &str,
    ) -> Result<Zeroizing<Vec<u8>>, WorkspaceStoreError> {
        let text = self
            .backend
            .get(&records_key(key, records))?
            .ok_or(WorkspaceStoreError::RecordsMissing)?;
        let packed = open_draft_text_in(key, &records_context(records), &text).map_err(damaged)?;
        decompress_to_vec_with_limit(&packed, MAX_RECORDS_BYTES)
            .map(Zeroizing::new)
            .map_err(|e| WorkspaceStoreError::Damaged(format!("the results do not unpack: {e}")))
    }

    /// How many workspaces saved under other keys are on this computer (never opened).
    pub fn others(&self, key: &DraftKey) -> usize {
        let own = entries_key(key);
        self.backend
            .keys()
            .unwrap_or_default()
            .iter()
            .filter(|k| k.starts_with(PREFIX) && !k.contains(RECORDS) && **k != own)
            .count()
    }

    /// Saves the entries; with `records` (its id and JSON), the new records part first. Once the
    /// entries name the new records, the part they named before (`old_records`) is removed. On
    /// a failure the workspace saved before stays as it was.
    pub fn save(
        &self,
        key: &DraftKey,
        entries: &[u8],
        records: Option<(&str, &[u8])>,
        old_records: &str,
    ) -> Result<(), WorkspaceStoreError> {
        let mut rng = BrowserRng::new().ok_or(WorkspaceStoreError::NoRandom)?;
        if let Some((id, json)) = records {
            let packed = Zeroizing::new(compress_to_vec(json, PACK_LEVEL));
            let sealed = seal_draft_text_in(key, &records_context(id), &packed, &mut rng);
            self.backend.set(&records_key(key, id), &sealed)?;
        }
        let sealed = seal_draft_text_in(key, ENTRIES_CONTEXT, entries, &mut rng);
        if let Err(e) = self.backend.set(&entries_key(key), &sealed) {
            if let Some((id, _)) = records.filter(|(id, _)| *id != old_records) {
                // The entries still name the old records part; the new one is not needed.
                let _ = self.backend.remove(&records_key(key, id));
            }
            return Err(e.into());
        }
        if records.is_some_and(|(id, _)| id != old_records) {
            // The new workspace is whole; a failed removal only leaves an unused part.
            let _ = self.backend.remove(&records_key(key, old_records));
        }
        Ok(())
    }

    /// Moves a workspace that cannot be opened out of this key's place, unchanged, so a new one
    /// can be saved there: its entries (and every records part under the key) are kept under
    /// `qkit.workspace-set-aside.<key id>…`.
    pub fn set_aside(&self, key: &DraftKey) -> Result<(), WorkspaceStoreError> {
        let own = entries_key(key);
        let keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| *k == own || k.starts_with(&format!("{own}{RECORDS}")))
            .collect();
        for k in &keys {
            if let Some(value) = self.backend.get(k)? {
                let aside = format!("{SET_ASIDE}{}", &k[PREFIX.len()..]);
                self.backend.set(&aside, &value)?;
            }
        }
        for k in &keys {
            self.backend.remove(k)?;
        }
        Ok(())
    }
}
