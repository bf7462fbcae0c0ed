//! The device's settings beside its drafts: the passphrase lock, the assessor keys staff
//! accepted and the read-aloud settings. None is secret: the lock holds a salt and a check
//! value, never a key.

use super::{DraftStore, StoreError};
use crate::browser::speech::Voicing;
use qkit_export::at_rest::DraftLock;
use qkit_export::AtRestError;
use serde::{Deserialize, Serialize};

/// Key of the passphrase lock.
pub const LOCK_KEY: &str = "qkit.lock";
/// Key of the accepted assessor keys.
pub const RECIPIENTS_KEY: &str = "qkit.recipients";
/// Key of the read-aloud settings (speaking rate, voice per language, network voices allowed).
pub const SPEECH_KEY: &str = "qkit.speech";

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
        self.backend.set(LOCK_KEY, &lock.to_text())
    }

    /// The assessor keys accepted on this device (unreadable entries are dropped).
    pub fn recipients(&self) -> Vec<StoredRecipient> {
        self.backend
            .get(RECIPIENTS_KEY)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Replaces the accepted assessor keys.
    pub fn set_recipients(&self, list: &[StoredRecipient]) -> Result<(), StoreError> {
        // A list of plain strings always serialises.
        let text = serde_json::to_string(list).expect("strings serialise");
        self.backend.set(RECIPIENTS_KEY, &text)
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
        self.backend.set(SPEECH_KEY, &text)
    }
}
