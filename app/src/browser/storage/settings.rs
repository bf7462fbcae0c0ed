//! The device's settings beside its drafts: the passphrase lock, the assessor keys staff
//! accepted, the read-aloud settings and the device id. None is secret: the lock holds a salt
//! and a check value, never a key. The accepted keys decide who can read every export, so they
//! are stored with a tag under the drafts' key (`<tag>` line, then the JSON list): a list changed
//! outside qkit (or stored by a qkit before the tag) is not used until staff accept the keys
//! again. The lock needs no tag: its check value already fails for any other passphrase or
//! parameters, and a lock replaced wholesale derives a key that opens nothing stored here.

use super::{DraftStore, StoreError};
use crate::browser::speech::Voicing;
use qkit_export::at_rest::{DraftKey, DraftLock};
use qkit_export::AtRestError;
use serde::{Deserialize, Serialize};

/// Key of the passphrase lock.
pub const LOCK_KEY: &str = "qkit.lock";
/// Key of the accepted assessor keys.
pub const RECIPIENTS_KEY: &str = "qkit.recipients";
/// Key of the read-aloud settings (speaking rate, voice per language, network voices allowed).
pub const SPEECH_KEY: &str = "qkit.speech";
/// Key of this browser profile's device id.
pub const DEVICE_KEY: &str = "qkit.device";
/// What the key list's tag is for.
const PURPOSE: &str = "qkit recipients";

/// The accepted assessor keys as read under the drafts' key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeysRead {
    /// Their tag verifies (or none were ever accepted).
    Trusted(Vec<StoredRecipient>),
    /// A list is stored but its tag does not verify: changed outside qkit, stored by an
    /// earlier qkit, or under another passphrase.
    NotConfirmed,
}

/// An assessor key staff accepted on this device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRecipient {
    /// The `age1…` text.
    pub recipient: String,
    /// Who it belongs to, as staff or the configuration named it (may be empty).
    #[serde(default)]
    pub label: String,
}

impl DraftStore {
    /// The stored lock: `None` before a passphrase was ever set, else the lock or why it cannot
    /// be read.
    pub fn lock(&self) -> Option<Result<DraftLock, AtRestError>> {
        match self.backend.get(LOCK_KEY) {
            Ok(Some(text)) => Some(DraftLock::from_text(&text)),
            Ok(None) => None,
            Err(_) => Some(Err(AtRestError::BadLock(
                "the lock cannot be read from storage",
            ))),
        }
    }

    /// Stores a new lock (a passphrase set for the first time, or after everything was removed).
    pub fn set_lock(&self, lock: &DraftLock) -> Result<(), StoreError> {
        Ok(self.backend.set(LOCK_KEY, &lock.to_text())?)
    }

    /// The assessor keys accepted on this device, checked under the drafts' key.
    pub fn recipients(&self, key: &DraftKey) -> KeysRead {
        let Ok(Some(text)) = self.backend.get(RECIPIENTS_KEY) else {
            return KeysRead::Trusted(Vec::new());
        };
        let Some((tag, list)) = text.split_once('\n') else {
            return KeysRead::NotConfirmed;
        };
        if !key.verify(PURPOSE, list.as_bytes(), tag) {
            return KeysRead::NotConfirmed;
        }
        serde_json::from_str(list).map_or(KeysRead::NotConfirmed, KeysRead::Trusted)
    }

    /// Replaces the accepted assessor keys, tagged under the drafts' key.
    pub fn set_recipients(
        &self,
        list: &[StoredRecipient],
        key: &DraftKey,
    ) -> Result<(), StoreError> {
        // A list of plain strings always serialises.
        let text = serde_json::to_string(list).expect("strings serialise");
        let tag = key.tag(PURPOSE, text.as_bytes());
        Ok(self
            .backend
            .set(RECIPIENTS_KEY, &format!("{tag}\n{text}"))?)
    }
}

impl DraftStore {
    /// The read-aloud settings staff chose on this device (the defaults when none).
    pub fn voicing(&self) -> Voicing {
        self.backend
            .get(SPEECH_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Stores the read-aloud settings.
    pub fn set_voicing(&self, voicing: &Voicing) -> Result<(), StoreError> {
        let text = serde_json::to_string(voicing).expect("numbers and strings serialise");
        Ok(self.backend.set(SPEECH_KEY, &text)?)
    }
}

impl DraftStore {
    /// This laptop's device id (`K7QD-2MXA`), drawn from the browser's random source the first
    /// time it is asked for and kept from then on, for every record sealed here to carry and for
    /// staff to write on the laptop's label. It names this browser profile on this laptop, not a
    /// person, so it is stored in plaintext, and removing every sitting keeps it (staff wiping
    /// sittings do not rename the laptop). A stored value that is not a device id (changed
    /// outside qkit) is replaced by a new one. `None` when it cannot be stored: a record then
    /// carries none rather than an id no later record would share.
    pub fn device_id(&self) -> Option<String> {
        if let Ok(Some(id)) = self.backend.get(DEVICE_KEY) {
            if qkit_export::device::is_device_id(&id) {
                return Some(id);
            }
        }
        let id = qkit_web::browser::random::device_id();
        self.backend.set(DEVICE_KEY, &id).ok()?;
        Some(id)
    }
}
