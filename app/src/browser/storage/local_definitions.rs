//! The local definition files staff loaded on this device (questionnaires that cannot be
//! shipped, and a local `batteries.json`).
//!
//! They are stored as plain JSON under [`LOCAL_DEFINITIONS_KEY`], not sealed: a definition holds
//! an instrument's questions and scoring, never anything about a participant, and the app needs
//! them before the staff passphrase is given, to build the kit.

use super::{DraftStore, StoreError};
use qkit_questionnaires::local_kit::LocalFile;

/// Key of the local definition files.
pub const LOCAL_DEFINITIONS_KEY: &str = "qkit.local_definitions";

impl DraftStore {
    /// The stored local definition files (none when there are none), or why the stored value
    /// cannot be read.
    pub fn local_definitions(&self) -> Result<Vec<LocalFile>, String> {
        match self.backend.get(LOCAL_DEFINITIONS_KEY) {
            Ok(Some(text)) => serde_json::from_str(&text)
                .map_err(|e| format!("the stored local files cannot be read: {e}")),
            Ok(None) => Ok(Vec::new()),
            Err(e) => Err(e.to_string()),
        }
    }

    /// Replaces the stored local definition files (removes the value when there are none).
    pub fn set_local_definitions(&self, files: &[LocalFile]) -> Result<(), StoreError> {
        if files.is_empty() {
            return Ok(self.backend.remove(LOCAL_DEFINITIONS_KEY)?);
        }
        // Plain strings always serialise.
        let text = serde_json::to_string(files).expect("strings serialise");
        Ok(self.backend.set(LOCAL_DEFINITIONS_KEY, &text)?)
    }
}
