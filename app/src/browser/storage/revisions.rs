//! The revision of every stored sitting, authenticated under the drafts' key, so that a draft
//! put back to an older copy, or removed, outside qkit is noticed and named. Stored under
//! `qkit.revisions` as a tag line and then one `<record id> <revision>` line per sitting.
//!
//! Each draft binds its own sitting and revision (see `stored.rs`); this index says which
//! revision is the latest. It cannot tell when *all* of storage (index and drafts together) is put
//! back to an earlier copy: docs/SECURITY.md says so.

use super::{DraftStore, StoreError};
use qkit_export::at_rest::DraftKey;

/// Each sitting's latest revision. A list, not a map: a laptop holds a handful of sittings, and
/// a map's code costs the participant's bundle about 2 KB gzip.
pub type Revisions = Vec<(String, u64)>;

/// Key of the revision index.
pub const REVISIONS_KEY: &str = "qkit.revisions";
/// What the index's tag is for (no other tag under the key verifies as this one).
const PURPOSE: &str = "qkit revisions";

/// What the index says, read under the key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Index {
    /// There is none yet (first use, or written by a qkit before the index).
    Missing,
    /// Its tag verifies: the latest revision of each sitting.
    Trusted(Revisions),
    /// It was changed outside qkit, or written under another passphrase.
    NotConfirmed,
}

/// Why a stored draft is not the one qkit last wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stale {
    /// An older copy was put back: revision `found`, where qkit wrote `expected`.
    RolledBack { found: u64, expected: u64 },
    /// It is gone, but qkit never removed it.
    Removed,
}

impl DraftStore {
    /// The revision index, checked under `key`.
    pub fn index(&self, key: &DraftKey) -> Index {
        let Ok(Some(text)) = self.backend.get(REVISIONS_KEY) else {
            return Index::Missing;
        };
        let (tag, body) = text.split_once('\n').unwrap_or((&text, ""));
        if !key.verify(PURPOSE, body.as_bytes(), tag) {
            return Index::NotConfirmed;
        }
        let parsed: Option<Revisions> = body
            .lines()
            .map(|line| {
                let (id, rev) = line.split_once(' ')?;
                Some((id.to_owned(), rev.parse().ok()?))
            })
            .collect();
        parsed.map_or(Index::NotConfirmed, Index::Trusted)
    }

    /// Writes the index: every sitting's latest revision.
    pub fn set_index(&self, key: &DraftKey, map: &[(String, u64)]) -> Result<(), StoreError> {
        let body: String = map
            .iter()
            .map(|(id, rev)| format!("{id} {rev}\n"))
            .collect();
        let tag = key.tag(PURPOSE, body.as_bytes());
        Ok(self.backend.set(REVISIONS_KEY, &format!("{tag}\n{body}"))?)
    }

    /// Records that sitting `id` is now at `rev` (or removed, with `None`). An index that does
    /// not verify is started again from the sittings stored now: the change outside qkit was
    /// already reported when it was found (`check_index`).
    pub fn note_revision(
        &self,
        key: &DraftKey,
        id: &str,
        rev: Option<u64>,
    ) -> Result<(), StoreError> {
        let mut map = match self.index(key) {
            Index::Trusted(map) => map,
            Index::Missing | Index::NotConfirmed => self.stored_revisions()?,
        };
        map.retain(|(k, _)| k != id);
        if let Some(rev) = rev {
            map.push((id.to_owned(), rev));
        }
        self.set_index(key, &map)
    }

    /// Whether the stored draft of `id`, at revision `found`, is older than the index says.
    pub fn staleness(&self, key: &DraftKey, id: &str, found: u64) -> Option<Stale> {
        match self.index(key) {
            Index::Trusted(map) => match map.iter().find(|(k, _)| k == id) {
                Some(&(_, expected)) if found < expected => {
                    Some(Stale::RolledBack { found, expected })
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// At unlock: sittings the index names that are no longer stored (removed outside qkit),
    /// and whether the index itself was changed. A missing index is made from what is stored.
    pub fn check_index(&self, key: &DraftKey) -> Result<(Vec<String>, bool), StoreError> {
        match self.index(key) {
            Index::Trusted(map) => {
                let stored = self.sitting_ids()?;
                let gone = map
                    .into_iter()
                    .map(|(id, _)| id)
                    .filter(|id| !stored.contains(id))
                    .collect();
                Ok((gone, false))
            }
            Index::Missing => {
                // Only a qkit that keeps the index writes bound drafts: one stored without an
                // index means the index was taken away.
                let removed = self.sitting_ids()?.iter().any(|id| {
                    let value = self.backend.get(&super::key(id)).ok().flatten();
                    value.as_deref().is_some_and(super::stored::is_bound)
                });
                self.set_index(key, &self.stored_revisions()?)?;
                Ok((Vec::new(), removed))
            }
            Index::NotConfirmed => Ok((Vec::new(), true)),
        }
    }

    /// Forgets sittings removed outside qkit once staff were told (the index then matches).
    pub fn accept_index(&self, key: &DraftKey) -> Result<(), StoreError> {
        self.set_index(key, &self.stored_revisions()?)
    }

    /// The revision on each stored draft's first line.
    pub(super) fn stored_revisions(&self) -> Result<Revisions, StoreError> {
        let mut map = Vec::new();
        for id in self.sitting_ids()? {
            let value = self.backend.get(&super::key(&id))?;
            if let Some(rev) = value.as_deref().and_then(super::revision_of) {
                map.push((id, rev));
            }
        }
        Ok(map)
    }
}
