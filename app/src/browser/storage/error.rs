//! Why a drafts store failed: the storage itself, a draft that cannot be read (missing,
//! damaged, another passphrase, changed outside qkit), or a write refused because another tab
//! moved on.

use super::revisions::Stale;
use qkit_web::browser::storage::StorageError;
use thiserror::Error;

/// The storage itself failed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    /// The browser refuses storage (settings, a private window, a policy).
    #[error("storage is blocked: {0}")]
    Blocked(String),
    /// The storage quota is used up.
    #[error("storage is full")]
    Full,
    /// The browser has no secure random source, so nothing can be encrypted.
    #[error("this browser has no secure random source, so answers cannot be stored encrypted")]
    NoRandom,
    /// The rescue copy could not be sealed to the assessor keys.
    #[error("the rescue copy could not be sealed: {0}")]
    NotSealed(String),
}

impl From<StorageError> for StoreError {
    fn from(e: StorageError) -> StoreError {
        match e {
            StorageError::Blocked(why) => StoreError::Blocked(why),
            StorageError::Full => StoreError::Full,
        }
    }
}

/// A draft could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    #[error("no draft \"{0}\" on this device")]
    Missing(String),
    /// The stored value is not a draft this qkit can read, or it is damaged.
    #[error("draft \"{key}\" cannot be read: {reason}")]
    Corrupt { key: String, reason: String },
    /// The draft was sealed under another staff passphrase.
    #[error("draft \"{0}\" was saved under a different staff passphrase")]
    OtherPassphrase(String),
    /// The stored draft is not the one qkit last wrote: changed outside qkit.
    #[error("{}", stale_message(id, why))]
    Stale { id: String, why: Stale },
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

fn stale_message(id: &str, why: &Stale) -> String {
    match why {
        Stale::RolledBack { found, expected } => format!(
            "draft \"{id}\" was put back to an older copy outside qkit (revision {found}; qkit last saved {expected})"
        ),
        Stale::Removed => format!("draft \"{id}\" was removed outside qkit"),
    }
}
