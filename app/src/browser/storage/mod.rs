//! Drafts on this device. Every read and write of a sitting goes through [`DraftStore`].
//!
//! Each sitting is one value under `qkit.draft.<record id>`, sealed under the key derived from
//! the staff passphrase (see `stored.rs` for the format): nothing about the participant or his
//! answers is stored in plaintext, only a revision counter. `qkit.current` names the sitting open
//! on this device, so a reload or a reopened browser returns to it (after the passphrase).
//! `qkit.lock` holds the [`DraftLock`] (salt, scrypt parameters, check value: no key) and
//! `qkit.recipients` the assessor keys staff accepted (public keys, tagged under the drafts' key
//! so a change made outside qkit is refused), `qkit.speech` the read-aloud settings
//! (with any network voice staff allowed),
//! `qkit.local_definitions` the local definition files staff loaded, `qkit.revisions` the latest
//! revision of each sitting (tagged; `revisions.rs`), `qkit.rescue` every sitting sealed to the
//! assessment team (`rescue.rs`), `qkit.guesses` the count of wrong passphrases (`guesses.rs`)
//! and `qkit.device` this laptop's device id (kept when every sitting is removed).
//!
//! The revision guards against two tabs on one sitting: a write names the revision it was based
//! on, and is refused (never applied) when the stored one has moved on. It is also bound into
//! the sealed draft, and the index names the latest, so an older copy put back is caught.

mod error;
mod guesses;
mod local_definitions;
mod rescue;
mod revisions;
mod settings;
mod stored;
mod watch;

pub use error::{LoadError, SaveError, StoreError};
pub use guesses::{Guesses, GUESSES_KEY};
pub use local_definitions::LOCAL_DEFINITIONS_KEY;
use qkit_web::browser::storage::StorageError;
pub use qkit_web::browser::storage::{Backend, LocalBackend, MemoryBackend};
pub use rescue::{RescueCover, KEPT_RESCUE_PREFIX, RESCUE_KEY};
pub use revisions::{Index, Stale, REVISIONS_KEY};
pub use settings::{KeysRead, StoredRecipient, DEVICE_KEY, LOCK_KEY, RECIPIENTS_KEY, SPEECH_KEY};
pub use stored::{Unreadable, STORED_FORMAT};
pub use watch::watch;

use qkit_export::at_rest::DraftKey;
use qkit_export::{Recipient, Timestamp};
use qkit_session::{Cursor, Draft};
use qkit_web::browser::random::BrowserRng;
use serde::{Deserialize, Serialize};
use std::rc::Rc;

/// Key prefix of stored drafts.
pub const DRAFT_PREFIX: &str = "qkit.draft.";
/// The key of the trial write in [`DraftStore::has_room`].
pub const ROOM_CHECK_KEY: &str = "qkit.room_check";
/// Characters a long sitting may need: the 75-item TC pre battery, finished and sealed, is
/// about 25,000; this leaves room for ten times that.
pub const ROOM_FOR_A_SITTING: usize = 256 * 1024;
/// Key naming the sitting open on this device.
pub const CURRENT_KEY: &str = "qkit.current";

/// What a write seals with: the drafts' key, and the assessor keys for the rescue copy.
#[derive(Clone, Copy)]
pub struct Sealing<'a> {
    pub key: &'a DraftKey,
    pub team: &'a [Recipient],
}

/// Where a sitting stands, for lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DraftState {
    InProgress,
    Finished,
    Declined,
}

/// A sitting's entry in the device's index (stored sealed with its draft).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
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
    /// The index entry, when the sitting can be read.
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
    /// Why the latest rewrite of the rescue copy failed, if it did (staff see it on the start
    /// screen; the participant's screen never stops for it).
    rescue_failure: Rc<std::cell::RefCell<Option<StoreError>>>,
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
            Err(e) => DraftStore::new(
                Rc::new(MemoryBackend::default()),
                Medium::Memory(Some(e.into())),
            ),
        }
    }

    /// A store over any backend (tests use [`MemoryBackend`]).
    pub fn new(backend: Rc<dyn Backend>, medium: Medium) -> DraftStore {
        DraftStore {
            backend,
            medium,
            rescue_failure: Rc::default(),
        }
    }

    /// Why the latest rewrite of the rescue copy failed, if it did.
    pub fn rescue_failure(&self) -> Option<StoreError> {
        self.rescue_failure.borrow().clone()
    }

    /// Where drafts are kept.
    pub fn medium(&self) -> &Medium {
        &self.medium
    }

    /// Whether this device's storage has room for a long sitting: a trial write of
    /// [`ROOM_FOR_A_SITTING`] characters under [`ROOM_CHECK_KEY`], removed at once. Only a
    /// full store says no; memory-only storage (already said on the start screen) says yes.
    pub fn has_room(&self) -> bool {
        if let Medium::Memory(_) = self.medium {
            return true;
        }
        let full = matches!(
            self.backend
                .set(ROOM_CHECK_KEY, &"0".repeat(ROOM_FOR_A_SITTING)),
            Err(StorageError::Full)
        );
        // A failed removal leaves only filler that the next check overwrites.
        let _ = self.backend.remove(ROOM_CHECK_KEY);
        !full
    }

    /// The ids of every stored sitting.
    pub fn sitting_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(self
            .backend
            .keys()?
            .into_iter()
            .filter_map(|k| k.strip_prefix(DRAFT_PREFIX).map(str::to_owned))
            .collect())
    }

    /// Every stored sitting, most recently changed first; unreadable ones last.
    pub fn list(&self, key: &DraftKey) -> Result<Vec<Listed>, StoreError> {
        let mut listed = Vec::new();
        for id in self.sitting_ids()? {
            let Some(value) = self.backend.get(&self::key(&id))? else {
                continue;
            };
            let (header, problem) = match stored::decode(key, &id, &value) {
                Ok((_, h, _)) => (Some(h), None),
                Err(Unreadable::OtherPassphrase) => (
                    None,
                    Some("it was saved under a different staff passphrase".to_owned()),
                ),
                Err(Unreadable::Damaged(reason)) => (None, Some(reason)),
            };
            listed.push(Listed {
                id,
                header,
                problem,
            });
        }
        listed.sort_by_key(|l| {
            (
                l.problem.is_some(),
                std::cmp::Reverse(l.header.as_ref().map_or(0, |h| h.updated.0)),
            )
        });
        Ok(listed)
    }

    /// Reads one draft.
    pub fn load(&self, id: &str, key: &DraftKey) -> Result<Loaded, LoadError> {
        let storage_key = self::key(id);
        let value = self
            .backend
            .get(&storage_key)
            .map_err(StoreError::from)?
            .ok_or_else(|| LoadError::Missing(id.to_owned()))?;
        match stored::decode(key, id, &value) {
            Ok((revision, _, draft)) => match self.staleness(key, id, revision) {
                Some(why) => Err(LoadError::Stale {
                    id: id.to_owned(),
                    why,
                }),
                None => Ok(Loaded { draft, revision }),
            },
            Err(Unreadable::OtherPassphrase) => Err(LoadError::OtherPassphrase(id.to_owned())),
            Err(Unreadable::Damaged(reason)) => Err(LoadError::Corrupt {
                key: storage_key,
                reason,
            }),
        }
    }

    /// Writes a draft, sealed under the key, that was based on revision `expected` (0 for a new
    /// one) and returns its new revision. Refused, with nothing written, when the stored
    /// revision differs. The rescue copy is rewritten first (a failure there never stops the
    /// draft: it is kept for [`DraftStore::rescue_failure`]), the revision index after.
    pub fn save(
        &self,
        draft: &Draft,
        expected: u64,
        now: Timestamp,
        sealing: Sealing,
    ) -> Result<u64, SaveError> {
        let id = draft.record.record_id.as_str();
        let storage_key = self::key(id);
        let stored = match self.backend.get(&storage_key).map_err(StoreError::from)? {
            None => 0,
            // An unreadable first line is a damaged value: never overwrite it silently either.
            Some(v) => stored::revision(&v).unwrap_or(u64::MAX),
        };
        if stored != expected {
            return Err(SaveError::Conflict { stored, expected });
        }
        let rev = expected
            .checked_add(1)
            .ok_or(SaveError::Conflict { stored, expected })?;
        let header = Header {
            participant: draft.record.participant.clone(),
            programme: draft.record.programme.clone(),
            timepoint: draft.record.timepoint.key().to_owned(),
            state: state_of(draft),
            updated: now,
        };
        let inner = stored::inner_text(&header, draft);
        let change = rescue::Change {
            id,
            now: Some((rev, &inner)),
        };
        let rescued = self.write_rescue(sealing.key, &change, sealing.team);
        *self.rescue_failure.borrow_mut() = rescued.err();
        let mut rng = BrowserRng::new().ok_or(StoreError::NoRandom)?;
        let value = stored::encode(sealing.key, id, rev, &inner, &mut rng);
        self.backend
            .set(&storage_key, &value)
            .map_err(StoreError::from)?;
        // The draft is stored; a failed index write only weakens the rollback check.
        let _ = self.note_revision(sealing.key, id, Some(rev));
        Ok(rev)
    }

    /// Removes a stored sitting (and its place in the rescue copy and the index).
    pub fn remove(&self, id: &str, sealing: Sealing) -> Result<(), StoreError> {
        if self.current().as_deref() == Some(id) {
            self.set_current(None)?;
        }
        self.write_rescue(sealing.key, &rescue::Change { id, now: None }, sealing.team)?;
        self.backend.remove(&key(id))?;
        self.note_revision(sealing.key, id, None)
    }

    /// Removes every sitting on this device with everything tied to the passphrase: the lock,
    /// the revision index, the rescue copy and the accepted keys (their tag was made under the
    /// old key). Rescue copies kept from this or an earlier removal stay, as does the device id.
    pub fn remove_all(&self) -> Result<(), StoreError> {
        for id in self.sitting_ids()? {
            self.backend.remove(&key(&id))?;
        }
        for k in [
            CURRENT_KEY,
            REVISIONS_KEY,
            RESCUE_KEY,
            RECIPIENTS_KEY,
            GUESSES_KEY,
        ] {
            self.backend.remove(k)?;
        }
        Ok(self.backend.remove(LOCK_KEY)?)
    }

    /// The sitting open on this device, if any.
    pub fn current(&self) -> Option<String> {
        self.backend.get(CURRENT_KEY).ok().flatten()
    }

    /// Records which sitting is open (or none).
    pub fn set_current(&self, id: Option<&str>) -> Result<(), StoreError> {
        match id {
            Some(id) => self.backend.set(CURRENT_KEY, id)?,
            None => self.backend.remove(CURRENT_KEY)?,
        }
        Ok(())
    }
}

/// The storage key of a sitting.
pub fn key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

/// The revision on a stored value's first line, if it has one.
pub fn revision_of(value: &str) -> Option<u64> {
    stored::revision(value)
}

fn state_of(d: &Draft) -> DraftState {
    match d.cursor {
        Cursor::Declined => DraftState::Declined,
        Cursor::ThankYou | Cursor::Summary => DraftState::Finished,
        _ => DraftState::InProgress,
    }
}
