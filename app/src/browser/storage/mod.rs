//! Drafts on this device. Every read and write of a sitting goes through [`DraftStore`], so the
//! stored form can change in one place (issue 6 encrypts the body).
//!
//! Each sitting is one value under `qkit.draft.<record id>`: a header line (JSON: revision,
//! participant reference, programme, timepoint, state, last change) and then the draft as JSON.
//! The header is the device's index of sittings; it is written in the same `setItem` as the
//! draft, so the two never disagree. `qkit.current` names the sitting open on this device, so a
//! reload or a reopened browser returns to it.
//!
//! The revision guards against two tabs on one sitting: a write names the revision it was based
//! on, and is refused (never applied) when the stored one has moved on.

mod backend;
mod watch;

pub use backend::{Backend, LocalBackend, MemoryBackend};
pub use watch::watch;

use qkit_export::Timestamp;
use qkit_session::{Cursor, Draft};
use serde::{Deserialize, Serialize};
use std::rc::Rc;
use thiserror::Error;

/// Key prefix of stored drafts.
pub const DRAFT_PREFIX: &str = "qkit.draft.";
/// Key naming the sitting open on this device.
pub const CURRENT_KEY: &str = "qkit.current";
/// The stored-value format this qkit writes.
pub const STORED_FORMAT: u32 = 1;

/// The storage itself failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    /// The browser refuses storage (settings, a private window, a policy).
    #[error("storage is blocked: {0}")]
    Blocked(String),
    /// The storage quota is used up.
    #[error("storage is full")]
    Full,
}

/// A draft could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("no draft \"{0}\" on this device")]
    Missing(String),
    /// The stored value is not a draft this qkit can read.
    #[error("draft \"{key}\" cannot be read: {reason}")]
    Corrupt { key: String, reason: String },
    #[error(transparent)]
    Storage(#[from] StoreError),
}

/// A draft could not be written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SaveError {
    /// Another tab or window saved this sitting since this one read it.
    #[error("draft was changed elsewhere (stored revision {stored}, this tab has {expected})")]
    Conflict { stored: u64, expected: u64 },
    #[error(transparent)]
    Storage(#[from] StoreError),
}

/// Where a sitting stands, for lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftState {
    InProgress,
    Finished,
    Declined,
}

/// The header line of a stored draft.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// Always [`STORED_FORMAT`].
    pub qkit_draft: u32,
    /// Counts writes; a write must name the revision it replaces.
    pub rev: u64,
    pub participant: String,
    pub programme: String,
    pub timepoint: String,
    pub state: DraftState,
    pub updated: Timestamp,
}

/// One stored sitting as listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub id: String,
    /// The header, when it can be read.
    pub header: Option<Header>,
    /// Why the sitting cannot be read, if it cannot.
    pub problem: Option<String>,
}

/// A draft read from storage with the revision it had.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub draft: Draft,
    pub revision: u64,
}

/// Where drafts are kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Medium {
    /// This device's storage: drafts survive a reload or a closed browser.
    Device,
    /// Memory only (storage is blocked): drafts last while the page stays open.
    Memory(Option<StoreError>),
}

/// Drafts on this device.
#[derive(Clone)]
pub struct DraftStore {
    backend: Rc<dyn Backend>,
    medium: Medium,
}

impl PartialEq for DraftStore {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.backend, &other.backend)
    }
}

impl DraftStore {
    /// localStorage, or memory (with the reason) when it is blocked.
    pub fn device() -> DraftStore {
        match LocalBackend::open() {
            Ok(b) => DraftStore::new(Rc::new(b), Medium::Device),
            Err(e) => DraftStore::new(Rc::new(MemoryBackend::default()), Medium::Memory(Some(e))),
        }
    }

    /// A store over any backend (tests use [`MemoryBackend`]).
    pub fn new(backend: Rc<dyn Backend>, medium: Medium) -> DraftStore {
        DraftStore { backend, medium }
    }

    /// Where drafts are kept.
    pub fn medium(&self) -> &Medium {
        &self.medium
    }

    /// Every stored sitting, most recently changed first; unreadable ones last.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let mut listed = Vec::new();
        for key in self.backend.keys()? {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            let Some(value) = self.backend.get(&key)? else {
                continue;
            };
            let (header, problem) = match decode(id, &value) {
                Ok((h, _)) => (Some(h), None),
                Err(reason) => (split(&value).ok().map(|(h, _)| h), Some(reason)),
            };
            listed.push(Listed {
                id: id.to_owned(),
                header,
                problem,
            });
        }
        listed.sort_by_key(|l| {
            (
                l.problem.is_some(),
                -l.header.as_ref().map_or(0, |h| h.updated.0),
            )
        });
        Ok(listed)
    }

    /// Reads one draft.
    pub fn load(&self, id: &str) -> Result<Loaded, LoadError> {
        let key = key(id);
        let value = self
            .backend
            .get(&key)?
            .ok_or_else(|| LoadError::Missing(id.to_owned()))?;
        let (header, draft) = decode(id, &value).map_err(|reason| LoadError::Corrupt {
            key: key.clone(),
            reason,
        })?;
        Ok(Loaded {
            draft,
            revision: header.rev,
        })
    }

    /// Writes a draft that was based on revision `expected` (0 for a new one) and returns its
    /// new revision. Refused, with nothing written, when the stored revision differs.
    pub fn save(&self, draft: &Draft, expected: u64, now: Timestamp) -> Result<u64, SaveError> {
        let key = key(&draft.record.record_id);
        let stored = match self.backend.get(&key)? {
            None => 0,
            // An unreadable header is a damaged value: never overwrite it silently either.
            Some(v) => split(&v).map(|(h, _)| h.rev).unwrap_or(u64::MAX),
        };
        if stored != expected {
            return Err(SaveError::Conflict { stored, expected });
        }
        let rev = expected + 1;
        let header = Header {
            qkit_draft: STORED_FORMAT,
            rev,
            participant: draft.record.participant.clone(),
            programme: draft.record.programme.clone(),
            timepoint: draft.record.timepoint.key().to_owned(),
            state: state_of(draft),
            updated: now,
        };
        // Serialising these plain data types cannot fail (no maps with non-string keys).
        let value = format!(
            "{}\n{}",
            serde_json::to_string(&header).expect("header serialises"),
            serde_json::to_string(draft).expect("draft serialises")
        );
        self.backend.set(&key, &value)?;
        Ok(rev)
    }

    /// Removes a stored sitting.
    pub fn remove(&self, id: &str) -> Result<(), StoreError> {
        if self.current().as_deref() == Some(id) {
            self.set_current(None)?;
        }
        self.backend.remove(&key(id))
    }

    /// The sitting open on this device, if any.
    pub fn current(&self) -> Option<String> {
        self.backend.get(CURRENT_KEY).ok().flatten()
    }

    /// Records which sitting is open (or none).
    pub fn set_current(&self, id: Option<&str>) -> Result<(), StoreError> {
        match id {
            Some(id) => self.backend.set(CURRENT_KEY, id),
            None => self.backend.remove(CURRENT_KEY),
        }
    }
}

/// The storage key of a sitting.
pub fn key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The revision in a stored value's header, if it has one.
pub fn revision_of(value: &str) -> Option<u64> {
    split(value).ok().map(|(h, _)| h.rev)
}

fn state_of(d: &Draft) -> DraftState {
    match d.cursor {
        Cursor::Declined => DraftState::Declined,
        Cursor::ThankYou | Cursor::Summary => DraftState::Finished,
        _ => DraftState::InProgress,
    }
}

/// Reads a stored value: its header and the draft, which must be the sitting `id`.
fn decode(id: &str, value: &str) -> Result<(Header, Draft), String> {
    let (header, body) = split(value)?;
    let draft: Draft = serde_json::from_str(body).map_err(|e| format!("the answers: {e}"))?;
    if draft.record.record_id != id {
        return Err("it names another sitting".into());
    }
    Ok((header, draft))
}

/// Splits a stored value into its header and body.
fn split(value: &str) -> Result<(Header, &str), String> {
    let (head, body) = value
        .split_once('\n')
        .ok_or_else(|| "it has no header line".to_owned())?;
    let header: Header = serde_json::from_str(head).map_err(|e| format!("its header: {e}"))?;
    if header.qkit_draft != STORED_FORMAT {
        return Err(format!(
            "stored format {} is not the format this qkit reads ({STORED_FORMAT})",
            header.qkit_draft
        ));
    }
    Ok((header, body))
}
