//! The staff passphrase. Set on first use; entered to unlock; asked again for staff steps unless
//! it was entered in the last [`STAFF_GRACE_MS`]. Unlocking derives the drafts' key once (scrypt)
//! and keeps it in memory only; locking drops it together with every sitting in memory.

use super::{AppState, Secret, SittingProblem, SittingView, View};
use crate::browser::random::BrowserRng;
use crate::browser::storage::StoreError;
use qkit_export::at_rest::{open_draft, seal_draft, DraftKey, DraftLock};
use qkit_export::{AtRestError, Timestamp};
use qkit_session::{Draft, Session};
use std::rc::Rc;

/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// A correct passphrase (unlock or staff step) this recently lets staff take a staff step with a
/// confirmation only, so staff who have just unlocked are not asked twice in a row.
pub const STAFF_GRACE_MS: i64 = 30_000;

/// The first-use screen's data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PassphraseView {
    pub problem: Option<PassphraseProblem>,
    /// Every sitting was removed because the passphrase was forgotten.
    pub after_removal: bool,
}

/// Why a new passphrase was not set.
#[derive(Debug, Clone, PartialEq)]
pub enum PassphraseProblem {
    TooShort,
    /// The two entries differ.
    Mismatch,
    /// The lock could not be stored.
    NotSaved(StoreError),
    /// No secure random source, or the key could not be derived.
    Failed(String),
}

/// The lock screen's data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UnlockView {
    pub problem: Option<UnlockProblem>,
    /// A sitting that could not be stored when the app locked, sealed in memory under the key.
    pub held: Option<Rc<Held>>,
}

/// Why unlocking failed.
#[derive(Debug, Clone, PartialEq)]
pub enum UnlockProblem {
    /// The passphrase does not match this device's lock.
    Wrong,
    /// The stored lock is damaged (the drafts cannot be opened).
    BadLock(String),
    /// Removing everything failed.
    NotRemoved(StoreError),
}

/// An unsaved sitting kept through a lock: sealed under the key, so no plaintext stays.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    pub sealed: Vec<u8>,
    pub revision: u64,
}

impl AppState {
    /// The screen when locked: set a passphrase (first use) or enter it.
    pub(super) fn locked_view(&self, held: Option<Rc<Held>>) -> View {
        match self.env.store.lock() {
            None => View::SetPassphrase(Rc::default()),
            Some(Ok(_)) => View::Unlock(Rc::new(UnlockView {
                problem: None,
                held,
            })),
            Some(Err(e)) => View::Unlock(Rc::new(UnlockView {
                problem: Some(UnlockProblem::BadLock(e.to_string())),
                held,
            })),
        }
    }

    pub(super) fn set_passphrase(&mut self, passphrase: &Secret, repeated: &Secret) {
        let View::SetPassphrase(_) = &self.view else {
            return;
        };
        let problem = if passphrase.expose().chars().count() < MIN_PASSPHRASE_CHARS {
            PassphraseProblem::TooShort
        } else if passphrase.expose() != repeated.expose() {
            PassphraseProblem::Mismatch
        } else {
            let created = BrowserRng::new()
                .ok_or_else(|| StoreError::NoRandom.to_string())
                .and_then(|mut rng| {
                    DraftLock::create(passphrase.expose(), self.env.kdf, &mut rng)
                        .map_err(|e| e.to_string())
                });
            match created {
                Ok((lock, key)) => match self.env.store.set_lock(&lock) {
                    Ok(()) => return self.unlocked(key, None),
                    Err(e) => PassphraseProblem::NotSaved(e),
                },
                Err(e) => PassphraseProblem::Failed(e),
            }
        };
        self.view = View::SetPassphrase(Rc::new(PassphraseView {
            problem: Some(problem),
            after_removal: false,
        }));
    }

    pub(super) fn unlock(&mut self, passphrase: &Secret) {
        let View::Unlock(view) = &self.view else {
            return;
        };
        let held = view.held.clone();
        let problem = match self.env.store.lock() {
            None => {
                self.view = View::SetPassphrase(Rc::default());
                return;
            }
            Some(Err(e)) => UnlockProblem::BadLock(e.to_string()),
            Some(Ok(lock)) => match lock.unlock(passphrase.expose()) {
                Ok(key) => return self.unlocked(key, held),
                Err(AtRestError::WrongPassphrase) => UnlockProblem::Wrong,
                Err(e) => UnlockProblem::BadLock(e.to_string()),
            },
        };
        self.view = View::Unlock(Rc::new(UnlockView {
            problem: Some(problem),
            held,
        }));
    }

    /// Whether staff proved they know the passphrase within the grace time.
    pub(super) fn recently_proved(&self, now: Timestamp) -> bool {
        self.last_proof
            .is_some_and(|t| (0..=STAFF_GRACE_MS).contains(&(now.0 - t.0)))
    }

    /// Checks the passphrase for a staff step (the same scrypt work as unlocking).
    pub(super) fn prove(&mut self, passphrase: &Secret) -> bool {
        let ok = matches!(self.env.store.lock(), Some(Ok(lock)) if lock.unlock(passphrase.expose()).is_ok());
        if ok {
            self.last_proof = Some(self.now());
        }
        ok
    }

    /// Unlocked: keep the key and return to where the device was (the open sitting, or a
    /// sitting held in memory through the lock).
    fn unlocked(&mut self, key: DraftKey, held: Option<Rc<Held>>) {
        let now = self.now();
        let restored = held.and_then(|h| restore(&self.kit, &key, &h, now));
        self.key = Some(Rc::new(key));
        self.last_proof = Some(now);
        if let Some((session, revision)) = restored {
            let mut view = SittingView {
                session: session.clone(),
                revision,
                changes: Vec::new(),
                problem: None,
                unsaved: true,
                staff: None,
                export: None,
            };
            self.commit(&mut view, session);
            self.view = View::Sitting(Rc::new(view));
            return;
        }
        self.view = self.start_view(None);
        if let Some(id) = self.env.store.current() {
            self.open(&id);
        }
    }

    /// Locks: the key and every plaintext sitting leave memory. A sitting whose latest answers
    /// could not be stored is sealed under the key first and kept, sealed, for the unlock.
    pub(super) fn lock(&mut self) {
        let Some(key) = self.key.take() else { return };
        let held = match &self.view {
            View::Sitting(v) => hold(&key, v),
            _ => None,
        };
        self.last_proof = None;
        self.view = self.locked_view(held.map(Rc::new));
    }

    pub(super) fn remove_everything(&mut self) {
        match self.env.store.remove_all() {
            Ok(()) => {
                self.key = None;
                self.last_proof = None;
                self.view = View::SetPassphrase(Rc::new(PassphraseView {
                    problem: None,
                    after_removal: true,
                }));
            }
            Err(e) => {
                self.view = View::Unlock(Rc::new(UnlockView {
                    problem: Some(UnlockProblem::NotRemoved(e)),
                    held: None,
                }))
            }
        }
    }
}

/// The sitting to keep sealed in memory through a lock: one with answers not yet stored.
fn hold(key: &DraftKey, v: &SittingView) -> Option<Held> {
    let session = match &v.problem {
        Some(SittingProblem::NotSaved { held, .. }) => held.as_ref(),
        _ if v.unsaved => &v.session,
        _ => return None,
    };
    let json = zeroize::Zeroizing::new(serde_json::to_vec(session.draft()).ok()?);
    let mut rng = BrowserRng::new()?;
    Some(Held {
        sealed: seal_draft(key, &json, &mut rng),
        revision: v.revision,
    })
}

/// The held sitting, opened again after unlocking.
fn restore(
    kit: &qkit_questionnaires::Kit,
    key: &DraftKey,
    h: &Held,
    now: Timestamp,
) -> Option<(Session, u64)> {
    let json = open_draft(key, &h.sealed).ok()?;
    // from_str, as everywhere drafts are read: one JSON reader keeps the app small.
    let draft: Draft = serde_json::from_str(std::str::from_utf8(&json).ok()?).ok()?;
    let resumed = Session::resume(kit, draft, now).ok()?;
    Some((resumed.session, h.revision))
}
