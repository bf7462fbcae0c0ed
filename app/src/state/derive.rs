//! Passphrases waiting for scrypt. scrypt is the one slow step of unlocking, of setting a
//! passphrase and of every staff step; in the browser it runs in a worker (`browser::kdf`), so
//! the lock screen stays responsive and scrypt's 32 MiB never become the page's own memory
//! (WebAssembly memory never shrinks). The reducer asks for a derivation ([`Derivation`]), the
//! shell runs it and dispatches [`Action::Derived`] with the secret, and only then is the guess
//! judged, counted and shown. A result for a derivation no longer wanted (the app locked, staff
//! cancelled, another tab set a lock meanwhile) is dropped unseen.

use super::*;
use qkit_export::at_rest::{DraftLock, SALT_BYTES};
use qkit_export::AtRestError;
use qkit_web::browser::random::BrowserRng;

/// What a passphrase is being derived for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The lock screen.
    Unlock,
    /// First use: the new passphrase.
    SetPassphrase,
    /// This staff step within the sitting on screen.
    Staff(StaffStep),
}

/// A passphrase waiting for scrypt, with the parameters and salt to run it with.
#[derive(Debug, Clone)]
pub struct Derivation {
    /// Tells this derivation's result from an earlier one's.
    pub id: u64,
    pub purpose: Purpose,
    pub passphrase: Secret,
    pub params: KdfParams,
    pub salt: [u8; SALT_BYTES],
    /// The lock the passphrase is checked against (none when setting a new one).
    lock: Option<DraftLock>,
}

impl PartialEq for Derivation {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// scrypt's output for a derivation: zeroed when dropped, never printed.
#[derive(Clone)]
pub struct DerivedSecret(pub Rc<Zeroizing<[u8; 32]>>);

impl DerivedSecret {
    /// Wraps scrypt's output.
    pub fn new(secret: Zeroizing<[u8; 32]>) -> DerivedSecret {
        DerivedSecret(Rc::new(secret))
    }
}

impl PartialEq for DerivedSecret {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for DerivedSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DerivedSecret(…)")
    }
}

/// Runs a derivation here, on this thread: the tests' way (the browser always uses a worker).
/// The error says why scrypt was refused.
pub fn derive_here(d: &Derivation) -> Result<DerivedSecret, String> {
    qkit_export::at_rest::derive_secret(d.passphrase.expose(), d.params, &d.salt)
        .map(DerivedSecret::new)
        .map_err(|e| e.to_string())
}

impl AppState {
    /// The derivation the shell should run now, if any.
    pub fn derivation(&self) -> Option<Rc<Derivation>> {
        self.deriving.clone()
    }

    /// Asks for `passphrase` to be derived against `lock`, or for a new lock when `None`.
    pub(super) fn begin_derivation(
        &mut self,
        purpose: Purpose,
        passphrase: Secret,
        lock: Option<DraftLock>,
    ) -> Result<(), String> {
        let (params, salt) = match &lock {
            Some(lock) => (lock.params(), lock.salt()),
            None => {
                let mut rng = BrowserRng::new().ok_or_else(|| StoreError::NoRandom.to_string())?;
                (self.env.kdf, DraftLock::new_salt(&mut rng))
            }
        };
        self.derivations += 1;
        self.deriving = Some(Rc::new(Derivation {
            id: self.derivations,
            purpose,
            passphrase,
            params,
            salt,
            lock,
        }));
        Ok(())
    }

    /// Forgets the derivation under way: its result, when it comes, is dropped.
    pub(super) fn drop_derivation(&mut self) {
        self.deriving = None;
    }

    /// A derivation finished: judge the passphrase for what it was derived for.
    pub(super) fn derived(&mut self, id: u64, result: Result<DerivedSecret, String>) {
        let Some(d) = self.deriving.take_if(|d| d.id == id) else {
            return;
        };
        let Some(lock) = &d.lock else {
            return self.passphrase_derived(&d, result);
        };
        let judged = result
            .map_err(UnlockProblem::NotChecked)
            .and_then(|secret| self.judge(lock, &secret));
        match d.purpose {
            Purpose::Staff(step) => self.staff_judged(step, judged.map(drop)),
            _ => self.unlock_judged(judged),
        }
    }

    /// Whether wrong guesses mean the next one must wait, and for how many seconds.
    pub(super) fn guess_wait(&self) -> Option<u64> {
        self.env.store.guesses().wait_seconds(self.now())
    }

    /// The key, when the secret matches the lock and the lock is still the one stored (another
    /// tab may have changed it meanwhile). A wrong one is counted and may make the next wait; a
    /// right one clears the count. No guess is judged while wrong guesses made elsewhere (another
    /// tab) mean waiting.
    fn judge(&self, lock: &DraftLock, secret: &DerivedSecret) -> Result<DraftKey, UnlockProblem> {
        if let Some(seconds) = self.guess_wait() {
            return Err(UnlockProblem::Wait(seconds));
        }
        match self.env.store.lock() {
            Some(Ok(stored)) if stored == *lock => {}
            Some(Ok(_)) => {
                return Err(UnlockProblem::NotChecked(
                    "the lock changed while the passphrase was checked".into(),
                ))
            }
            Some(Err(e)) => return Err(UnlockProblem::BadLock(e.to_string())),
            None => return Err(UnlockProblem::Wrong),
        }
        let (store, now) = (&self.env.store, self.now());
        match lock.unlock_with(&secret.0) {
            Ok(key) => {
                store.set_guesses(Guesses::default());
                Ok(key)
            }
            Err(AtRestError::WrongPassphrase) => {
                let next = store.guesses().after_wrong(now);
                store.set_guesses(next);
                Err(match next.wait_seconds(now) {
                    Some(seconds) => UnlockProblem::Wait(seconds),
                    None => UnlockProblem::Wrong,
                })
            }
            Err(e) => Err(UnlockProblem::BadLock(e.to_string())),
        }
    }

    /// A new passphrase derived: store its lock and unlock, unless a lock or sittings appeared
    /// meanwhile (never replace a lock from the first-use screen).
    fn passphrase_derived(&mut self, d: &Derivation, result: Result<DerivedSecret, String>) {
        let View::SetPassphrase(_) = &self.view else {
            return;
        };
        if self.env.store.lock().is_some() || self.env.store.holds_sittings() {
            self.view = self.locked_view(None);
            return;
        }
        let made = result.and_then(|secret| {
            DraftLock::create_with(d.params, d.salt, &secret.0).map_err(|e| e.to_string())
        });
        let problem = match made {
            Ok((lock, key)) => match self.env.store.set_lock(&lock) {
                Ok(()) => return self.unlocked(key, None),
                Err(e) => PassphraseProblem::NotSaved(e),
            },
            Err(e) => PassphraseProblem::Failed(e),
        };
        self.view = View::SetPassphrase(Rc::new(PassphraseView {
            problem: Some(problem),
            ..PassphraseView::default()
        }));
    }
}
