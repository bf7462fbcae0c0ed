//! The rescue copy: beside the drafts, every stored sitting sealed to the accepted assessor keys
//! (age, as an export is), rewritten before each draft is. It is what a forgotten passphrase, or a
//! participant who wipes the laptop, cannot take away: "Remove all sittings" downloads it first,
//! and the assessor area and `qkit decrypt` open it with the team's identity.
//!
//! `qkit.rescue` is two lines: `covers <id>:<revision> …` (which sittings it holds, readable on
//! the lock screen without the passphrase) and the age file as base64. A removal keeps the copy
//! it downloaded as `qkit.rescue.kept.<time>` until staff say the file is safe.

use super::{stored, DraftStore, StoreError};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use qkit_export::at_rest::DraftKey;
use qkit_export::Recipient;
use qkit_web::browser::random::BrowserRng;
use zeroize::Zeroizing;

/// Key of the rescue copy.
pub const RESCUE_KEY: &str = "qkit.rescue";
/// Key prefix of rescue copies kept after a removal.
pub const KEPT_RESCUE_PREFIX: &str = "qkit.rescue.kept.";

/// What the rescue copy holds, compared with what is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RescueCover {
    /// Sittings stored on this laptop.
    pub stored: usize,
    /// Of those, the ones whose latest revision is in the rescue copy.
    pub covered: usize,
}

/// A sitting's change, for rewriting the rescue copy: its id, and its new revision and sealed
/// text (`None` when it is being removed).
pub struct Change<'a> {
    pub id: &'a str,
    pub now: Option<(u64, &'a str)>,
}

impl DraftStore {
    /// Rewrites the rescue copy with `change` applied, sealed to `team`; with no team key there
    /// is nothing to seal to, and the copy is removed.
    pub(super) fn write_rescue(
        &self,
        key: &DraftKey,
        change: &Change,
        team: &[Recipient],
    ) -> Result<(), StoreError> {
        let mut texts: Vec<Zeroizing<String>> = Vec::new();
        let mut covers = String::from("covers");
        if let Some((rev, text)) = change.now {
            texts.push(Zeroizing::new(text.to_owned()));
            covers.push_str(&format!(" {}:{rev}", change.id));
        }
        for id in self.sitting_ids()? {
            if id == change.id {
                continue;
            }
            let Some(value) = self.backend.get(&super::key(&id))? else {
                continue;
            };
            // Never shrink the copy: a stored sitting this key cannot open (damaged, or sealed
            // under another passphrase) would fall out of it, so the copy is left as it was and
            // staff are told until that sitting is dealt with.
            match stored::open_text(key, &id, &value) {
                Ok((rev, text)) => {
                    texts.push(text);
                    covers.push_str(&format!(" {id}:{rev}"));
                }
                Err(_) => {
                    return Err(StoreError::NotSealed(format!(
                        "sitting \"{id}\" cannot be opened, so the rescue copy was left as it was"
                    )))
                }
            }
        }
        if texts.is_empty() {
            // Nothing stored, nothing to rescue.
            return Ok(self.backend.remove(RESCUE_KEY)?);
        }
        if team.is_empty() {
            // No key to seal to (none accepted, or the list was changed outside qkit): what the
            // copy already holds stays; it is never thrown away for want of a key.
            return match self.backend.get(RESCUE_KEY)? {
                None => Ok(()),
                Some(_) => Err(StoreError::NotSealed(
                    "no assessor key is accepted, so the rescue copy was left as it was".into(),
                )),
            };
        }
        let refs: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
        let mut rng = BrowserRng::new().ok_or(StoreError::NoRandom)?;
        let sealed = qkit_export::rescue::seal_rescue(&refs, team, &mut rng)
            .map_err(|e| StoreError::NotSealed(e.to_string()))?;
        let value = format!("{covers}\n{}", STANDARD.encode(sealed));
        Ok(self.backend.set(RESCUE_KEY, &value)?)
    }

    /// Seals the rescue copy again (the accepted keys changed).
    pub fn reseal_rescue(&self, key: &DraftKey, team: &[Recipient]) -> Result<(), StoreError> {
        self.write_rescue(key, &Change { id: "", now: None }, team)
    }

    /// Whether any sitting or rescue copy is stored (kept copies after a removal do not count:
    /// they are the team's, sealed, and belong to no lock).
    pub fn holds_sittings(&self) -> bool {
        !self.sitting_ids().unwrap_or_default().is_empty()
            || self.backend.get(RESCUE_KEY).ok().flatten().is_some()
    }

    /// How much of what is stored the rescue copy holds (readable while locked).
    pub fn rescue_cover(&self) -> RescueCover {
        let text = self
            .backend
            .get(RESCUE_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        let covers: Vec<&str> = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("covers"))
            .map(|l| l.split_whitespace().collect())
            .unwrap_or_default();
        let ids = self.sitting_ids().unwrap_or_default();
        let covered = self
            .stored_revisions()
            .unwrap_or_default()
            .iter()
            .filter(|(id, rev)| covers.contains(&format!("{id}:{rev}").as_str()))
            .count();
        RescueCover {
            stored: ids.len(),
            covered,
        }
    }

    /// The rescue copy's age file, if there is one.
    pub fn rescue_file(&self) -> Option<Vec<u8>> {
        self.file_under(RESCUE_KEY)
    }

    /// Keeps the rescue copy under its own key (before everything else is removed); the key.
    pub fn keep_rescue(&self, now_ms: i64) -> Result<Option<String>, StoreError> {
        let Some(value) = self.backend.get(RESCUE_KEY)? else {
            return Ok(None);
        };
        let kept = format!("{KEPT_RESCUE_PREFIX}{now_ms}");
        self.backend.set(&kept, &value)?;
        Ok(Some(kept))
    }

    /// When a kept rescue copy was kept, from its storage key.
    pub fn kept_at(key: &str) -> Option<i64> {
        key.strip_prefix(KEPT_RESCUE_PREFIX)?.parse().ok()
    }

    /// Rescue copies kept after removals: their keys and when they were kept, oldest first.
    pub fn kept_rescues(&self) -> Vec<(String, i64)> {
        let mut kept: Vec<(String, i64)> = Vec::new();
        for k in self.backend.keys().unwrap_or_default() {
            let Some(ms) = DraftStore::kept_at(&k) else {
                continue;
            };
            // Placed in order as they come: rarely more than one, and a sort's code costs
            // the participant's bundle more than this loop.
            let at = kept.iter().position(|(_, m)| *m > ms).unwrap_or(kept.len());
            kept.insert(at, (k, ms));
        }
        kept
    }

    /// A kept rescue copy's age file.
    pub fn kept_rescue_file(&self, key: &str) -> Option<Vec<u8>> {
        key.starts_with(KEPT_RESCUE_PREFIX)
            .then(|| self.file_under(key))
            .flatten()
    }

    /// Removes a kept rescue copy (staff have the file safe).
    pub fn remove_kept_rescue(&self, key: &str) -> Result<(), StoreError> {
        if key.starts_with(KEPT_RESCUE_PREFIX) {
            self.backend.remove(key)?;
        }
        Ok(())
    }

    fn file_under(&self, key: &str) -> Option<Vec<u8>> {
        let text = self.backend.get(key).ok().flatten()?;
        let (_, body) = text.split_once('\n')?;
        STANDARD.decode(body.trim()).ok()
    }
}
