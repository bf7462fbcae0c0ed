//! The staff passphrase. Set on first use; entered to unlock; asked again for every staff step
//! (no grace period: a hand-over must never leave staff powers behind). Unlocking derives the
//! drafts' key once (scrypt, run in a worker: see `derive.rs`) and keeps it in memory only;
//! locking drops it together with every sitting in memory. Wrong guesses are counted across
//! reloads and make the next one wait.

use super::derive::Purpose;
use super::{AppState, OutsideChange, Secret, SittingProblem, SittingView, View};
use crate::browser::storage::{KeysRead, RescueCover, StoreError};
use qkit_export::at_rest::{open_draft, seal_draft, DraftKey};
use qkit_export::Timestamp;
use qkit_session::{Draft, Session};
use qkit_web::browser::random::BrowserRng;
use std::rc::Rc;

/// The shortest passphrase accepted, in characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;
/// The longest a completion summary or a declined record stays on screen with nobody touching
/// the laptop before qkit locks (the kit configuration may make it shorter, never longer).
pub const SUMMARY_IDLE_MS: i64 = 120_000;

/// Why the lock screen cannot unlock when the lock is gone but sittings remain.
const LOCK_MISSING: &str = "the lock is missing although sittings are stored";

/// The first-use screen's data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PassphraseView {
    pub problem: Option<PassphraseProblem>,
    /// Every sitting was removed because the passphrase was forgotten.
    pub after_removal: bool,
    /// The new passphrase is being derived (scrypt, in the worker).
    pub checking: bool,
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
    /// qkit locked after staff saved this sealed file and its sitting left the laptop.
    pub exported: Option<String>,
    /// How much of what is stored the rescue copy holds (said before removing everything).
    pub cover: RescueCover,
    /// The passphrase given is being checked (scrypt, in the worker).
    pub checking: bool,
}

/// Why unlocking failed.
#[derive(Debug, Clone, PartialEq)]
pub enum UnlockProblem {
    /// The passphrase does not match this device's lock.
    Wrong,
    /// Too many wrong guesses: no passphrase is checked for this many seconds.
    Wait(u64),
    /// The word typed to confirm removing everything was not the one asked for.
    NotConfirmed,
    /// The rescue file could not be made or downloaded, so nothing was removed.
    RescueNotSaved(String),
    /// The stored lock is damaged (the drafts cannot be opened).
    BadLock(String),
    /// Removing everything failed.
    NotRemoved(StoreError),
    /// The passphrase could not be checked at all (scrypt refused, or the lock changed
    /// meanwhile): nothing was counted.
    NotChecked(String),
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
            // No lock but sittings stored: the lock was taken away, not never set. A new
            // passphrase here would open nothing and let the old sittings be removed one by one;
            // only the way out for a forgotten passphrase (rescue file first) goes on from here.
            None if self.env.store.holds_sittings() => {
                self.unlock_view(Some(UnlockProblem::BadLock(LOCK_MISSING.into())), held)
            }
            None => View::SetPassphrase(Rc::default()),
            Some(Ok(_)) => self.unlock_view(None, held),
            Some(Err(e)) => self.unlock_view(Some(UnlockProblem::BadLock(e.to_string())), held),
        }
    }

    /// The lock screen with `problem`.
    pub(super) fn unlock_view(
        &self,
        problem: Option<UnlockProblem>,
        held: Option<Rc<Held>>,
    ) -> View {
        View::Unlock(Rc::new(UnlockView {
            problem,
            held,
            exported: None,
            cover: self.env.store.rescue_cover(),
            checking: false,
        }))
    }

    pub(super) fn set_passphrase(&mut self, passphrase: Secret, repeated: &Secret) {
        let View::SetPassphrase(view) = &self.view else {
            return;
        };
        if view.checking {
            return;
        }
        if self.env.store.lock().is_some() || self.env.store.holds_sittings() {
            // Another tab set one, or sittings appeared: never replace a lock from here.
            self.view = self.locked_view(None);
            return;
        }
        let problem = if passphrase.expose().chars().count() < MIN_PASSPHRASE_CHARS {
            PassphraseProblem::TooShort
        } else if passphrase.expose() != repeated.expose() {
            PassphraseProblem::Mismatch
        } else {
            match self.begin_derivation(Purpose::SetPassphrase, passphrase, None) {
                Ok(()) => {
                    self.view = View::SetPassphrase(Rc::new(PassphraseView {
                        checking: true,
                        ..PassphraseView::default()
                    }));
                    return;
                }
                Err(e) => PassphraseProblem::Failed(e),
            }
        };
        self.view = View::SetPassphrase(Rc::new(PassphraseView {
            problem: Some(problem),
            ..PassphraseView::default()
        }));
    }

    /// Staff gave the passphrase on the lock screen: check it (in the worker), unless wrong
    /// guesses mean it must wait.
    pub(super) fn unlock(&mut self, passphrase: Secret) {
        let View::Unlock(view) = &self.view else {
            return;
        };
        if view.checking {
            return;
        }
        let (held, view) = (view.held.clone(), view.clone());
        let problem = match self.env.store.lock() {
            None if self.env.store.holds_sittings() => UnlockProblem::BadLock(LOCK_MISSING.into()),
            None => {
                self.view = View::SetPassphrase(Rc::default());
                return;
            }
            Some(Err(e)) => UnlockProblem::BadLock(e.to_string()),
            Some(Ok(lock)) => match self.guess_wait() {
                Some(seconds) => UnlockProblem::Wait(seconds),
                None => match self.begin_derivation(Purpose::Unlock, passphrase, Some(lock)) {
                    Ok(()) => {
                        let mut view = Rc::unwrap_or_clone(view);
                        view.problem = None;
                        view.checking = true;
                        self.view = View::Unlock(Rc::new(view));
                        return;
                    }
                    Err(e) => UnlockProblem::NotChecked(e),
                },
            },
        };
        self.view = self.unlock_view(Some(problem), held);
    }

    /// The lock screen's passphrase was judged: unlock, or say why not.
    pub(super) fn unlock_judged(&mut self, judged: Result<DraftKey, UnlockProblem>) {
        let View::Unlock(view) = &self.view else {
            return;
        };
        let held = view.held.clone();
        match judged {
            Ok(key) => self.unlocked(key, held),
            Err(problem) => self.view = self.unlock_view(Some(problem), held),
        }
    }

    /// Unlocked: keep the key and return to where the device was (the open sitting, or a
    /// sitting held in memory through the lock).
    pub(super) fn unlocked(&mut self, key: DraftKey, held: Option<Rc<Held>>) {
        let now = self.now();
        self.check_outside_changes(&key);
        let restored = held.and_then(|h| restore(&self.kit, &key, &h, now));
        self.key = Some(Rc::new(key));
        if let Some((session, revision)) = restored {
            let mut view = SittingView {
                session: session.clone(),
                revision,
                changes: Vec::new(),
                problem: None,
                unsaved: true,
                staff: None,
                staff_present: false,
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
    /// `exported` names a file just saved, for the lock screen to say so.
    pub(super) fn lock(&mut self, exported: Option<String>) {
        // A staff step being checked ends with the lock: its result is dropped when it comes.
        self.drop_derivation();
        let Some(key) = self.key.take() else { return };
        let held = match &self.view {
            View::Sitting(v) => hold(&key, v),
            _ => None,
        };
        self.view = self.locked_view(held.map(Rc::new));
        if let View::Unlock(v) = &mut self.view {
            Rc::make_mut(v).exported = exported;
        }
    }
}

impl AppState {
    /// What changed outside qkit since it last wrote: the accepted keys (only trusted ones are
    /// used) and the revision index (a sitting removed, or the index itself changed).
    fn check_outside_changes(&mut self, key: &DraftKey) {
        let store = &self.env.store;
        let mut changes = Vec::new();
        self.recipients = Rc::new(match store.recipients(key) {
            KeysRead::Trusted(list) => list,
            KeysRead::NotConfirmed => {
                changes.push(OutsideChange::AssessorKeys);
                Vec::new()
            }
        });
        match store.check_index(key) {
            Ok((gone, index_changed)) => {
                if index_changed {
                    changes.push(OutsideChange::Revisions);
                }
                if !gone.is_empty() {
                    changes.push(OutsideChange::Removed(gone));
                }
                // Told once: from now on the index matches what is stored.
                if !changes.is_empty() {
                    let _ = store.accept_index(key);
                }
            }
            Err(_) => changes.push(OutsideChange::Revisions),
        }
        self.outside_changes = Rc::new(changes);
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
