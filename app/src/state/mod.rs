//! The app's state and its reducer. Every rule lives in qkit-session; the reducer applies a verb
//! there, writes the resulting draft through the [`DraftStore`] (sealed under the staff key), and
//! only then shows the new screen. A write that fails leaves the old screen up with a clear
//! problem to resolve.
//!
//! - `action.rs`: every action, and which screen each is taken from.
//! - `lock.rs`: the staff passphrase. The key that seals drafts exists only while unlocked; the
//!   idle lock drops it with every plaintext sitting in memory. Wrong guesses make it wait.
//! - `derive.rs`: passphrases waiting for scrypt, which the shell runs in a worker; the guess is
//!   judged and counted when the result comes back.
//! - `rescue.rs`: the forgotten-passphrase way out; `screens.rs`: what each screen allows.
//! - `sitting.rs`: starting, opening and driving a sitting; the staff steps.
//! - `reading.rs`: what read-aloud is reading on a screen, for the screen to highlight.
//! - `keys.rs`: the assessor keys (recipients) and the kit configuration.
//! - `local.rs`: local definition files staff load on the start screen, and the kit they make.
//! - `export.rs`: sealing a finished record, and removing it once staff saved the file.

mod action;
mod derive;
mod export;
mod keys;
mod local;
mod lock;
pub mod reading;
mod rescue;
mod screens;
mod sitting;
mod speech;

pub use action::Action;
pub use derive::{derive_here, Derivation, DerivedSecret, Purpose};
pub use export::{ExportProblem, ExportStatus};
pub use keys::{Candidate, KeysView};
pub use local::{LocalProblem, LocalView};
pub use lock::{Held, PassphraseProblem, PassphraseView, UnlockProblem, UnlockView};
pub use lock::{MIN_PASSPHRASE_CHARS, SUMMARY_IDLE_MS};
pub use rescue::rescue_file_name;
pub use speech::RATE_RANGE;

use crate::browser::{self, storage::*};
use qkit_export::at_rest::{DraftKey, KdfParams};
use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_session::{Cursor, DefinitionChange, ResumeError, Session, StartError, Suggested, Verb};
use qkit_web::config::KitConfig;
use std::rc::Rc;
use yew::Reducible;
use zeroize::Zeroizing;

/// What the app needs from the outside world: storage, the clock, random ids and how hard the
/// passphrase is to guess. Tests pass stand-ins.
#[derive(Clone)]
pub struct Env {
    pub store: DraftStore,
    pub now: Rc<dyn Fn() -> Timestamp>,
    pub new_id: Rc<dyn Fn() -> String>,
    /// scrypt parameters for a new passphrase (tests use cheap ones).
    pub kdf: KdfParams,
    /// Runs a derivation and calls back with scrypt's output: in a worker in the browser,
    /// [`derive_here`] in tests. Returns what stops it when nobody waits for it any more.
    pub derive: Deriver,
}

/// What a derivation calls when scrypt is done.
pub type DerivationDone = Box<dyn FnOnce(Result<DerivedSecret, String>)>;

/// Stops a derivation nobody waits for any more.
pub type CancelDerivation = Box<dyn FnOnce()>;

/// Runs a derivation, then calls back (see [`Env::derive`]).
pub type Deriver = Rc<dyn Fn(&Derivation, DerivationDone) -> CancelDerivation>;

/// An [`Env::derive`] that runs scrypt here and calls back at once.
pub fn derive_now() -> Deriver {
    Rc::new(|d, done| {
        done(derive_here(d));
        Box::new(|| ())
    })
}

impl Env {
    /// The real browser: localStorage (or memory when blocked), the wall clock, crypto ids.
    pub fn browser() -> Env {
        Env {
            store: DraftStore::device(),
            now: Rc::new(browser::clock::now),
            new_id: Rc::new(qkit_web::browser::random::record_id),
            kdf: KdfParams::DEFAULT,
            derive: Rc::new(browser::kdf::derive),
        }
    }
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        self.store == other.store
            && Rc::ptr_eq(&self.now, &other.now)
            && Rc::ptr_eq(&self.new_id, &other.new_id)
            && self.kdf == other.kdf
            && Rc::ptr_eq(&self.derive, &other.derive)
    }
}

/// A passphrase typed by staff: never shown by `Debug`, zeroed when dropped.
#[derive(Clone, PartialEq)]
pub struct Secret(pub Zeroizing<String>);

impl Secret {
    /// Wraps typed text.
    pub fn new(text: String) -> Secret {
        Secret(Zeroizing::new(text))
    }

    /// The text.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

/// What staff choose on the start screen.
#[derive(Debug, Clone, PartialEq)]
pub struct StartChoice {
    pub participant: String,
    pub programme: String,
    pub timepoint: Timepoint,
    pub language: Lang,
    pub support: Support,
}

/// The whole app.
#[derive(Clone)]
pub struct AppState {
    pub kit: Rc<Kit>,
    pub env: Env,
    /// The interface language.
    pub lang: Lang,
    /// The kit configuration (the defaults until it has been fetched, or when it is missing).
    pub config: Rc<KitConfig>,
    /// Assessor keys accepted on this device.
    pub recipients: Rc<Vec<StoredRecipient>>,
    /// Read-aloud settings on this device.
    pub voicing: Rc<browser::speech::Voicing>,
    /// Local definition files the kit was loaded with.
    pub local: Rc<LocalView>,
    /// What was changed on this laptop outside qkit, found at unlock (shown to staff).
    pub outside_changes: Rc<Vec<OutsideChange>>,
    /// The drafts' key: only while unlocked, only in memory.
    key: Option<Rc<DraftKey>>,
    /// The passphrase being derived, if any (see `derive.rs`).
    deriving: Option<Rc<Derivation>>,
    /// How many derivations were asked for: the next one's id.
    derivations: u64,
    pub view: View,
}

/// What is on screen.
#[derive(Clone)]
pub enum View {
    /// First use: staff set the passphrase that unlocks this device's drafts.
    SetPassphrase(Rc<PassphraseView>),
    /// Locked: staff enter the passphrase.
    Unlock(Rc<UnlockView>),
    Start(Rc<StartView>),
    Sitting(Rc<SittingView>),
}

/// The staff start screen's data.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StartView {
    /// Sittings stored on this device.
    pub drafts: Vec<Listed>,
    /// Why the list could not be read.
    pub list_error: Option<StoreError>,
    pub problem: Option<StartProblem>,
    /// Support suggested from a participant's earlier answers: (reference, suggestion).
    pub suggestion: Option<(String, Suggested)>,
    /// Assessor keys being checked.
    pub keys: KeysView,
    /// Rescue files kept after a removal: their storage keys and when they were kept.
    pub kept_rescues: Vec<(String, i64)>,
    /// Why the rescue copy could not be updated, if the latest update failed.
    pub rescue_failure: Option<StoreError>,
    /// The kept rescue file (its storage key) whose code, as typed, was not its code.
    pub wrong_code: Option<String>,
    /// This laptop's device id, for staff to write on its label (`None` while locked).
    pub device: Option<String>,
}

/// Something changed in this laptop's storage that qkit did not do, found at unlock.
#[derive(Debug, Clone, PartialEq)]
pub enum OutsideChange {
    /// The accepted assessor keys do not verify: they are not used until accepted again.
    AssessorKeys,
    /// The revision index does not verify (or was taken away): rollback checks start afresh.
    Revisions,
    /// These sittings were removed without qkit.
    Removed(Vec<String>),
}

/// Something that went wrong on the start screen.
#[derive(Debug, Clone, PartialEq)]
pub enum StartProblem {
    Start(StartError),
    Load(LoadError),
    Resume {
        id: String,
        error: ResumeError,
    },
    /// A sitting could not be removed.
    NotRemoved(StoreError),
}

/// An open sitting.
#[derive(Debug, Clone, PartialEq)]
pub struct SittingView {
    pub session: Session,
    /// The stored revision this tab's session is based on.
    pub revision: u64,
    /// Definitions that changed since the sitting began (shown to staff until dismissed).
    pub changes: Vec<DefinitionChange>,
    pub problem: Option<SittingProblem>,
    /// Staff chose to carry on although answers cannot be saved.
    pub unsaved: bool,
    /// A staff step waiting for staff to prove they are staff.
    pub staff: Option<StaffPrompt>,
    /// Staff gave the passphrase to see this staff screen (a declined sitting's export). Cleared
    /// whenever the sitting moves on: a hand-over never keeps it.
    pub staff_present: bool,
    /// The export of a finished record.
    pub export: Option<ExportStatus>,
}

/// Something that stops the sitting until staff act.
#[derive(Debug, Clone, PartialEq)]
pub enum SittingProblem {
    /// A change could not be written; `held` is the sitting with the change, kept in memory.
    NotSaved {
        error: StoreError,
        held: Box<Session>,
    },
    /// Another tab or window changed this sitting; this tab stopped so as not to overwrite it.
    Conflict,
}

/// What staff are about to do from a participant's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffStep {
    EnterStaffMode,
    EndBreak,
    SeeSummary,
    /// The staff side of a declined consent: its record, export and "done".
    SeeDeclined,
}

impl StaffStep {
    /// The verb the step applies once staff are confirmed, if it applies one.
    pub fn verb(self) -> Option<Verb> {
        match self {
            StaffStep::EnterStaffMode => Some(Verb::EnterStaffMode),
            StaffStep::EndBreak => Some(Verb::Resume),
            StaffStep::SeeSummary => Some(Verb::ShowSummary),
            StaffStep::SeeDeclined => None,
        }
    }
}

/// A staff step on screen: it always asks for the passphrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffPrompt {
    pub step: StaffStep,
    /// What became of the last passphrase given, if anything is to be said.
    pub note: Option<PromptNote>,
}

/// What the staff prompt says about the passphrase given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptNote {
    /// It is being checked (scrypt, in the worker).
    Checking,
    /// It was wrong.
    Wrong,
    /// Too many wrong guesses: seconds to wait before the next one is checked.
    Wait(u64),
    /// It could not be checked at all; nothing was counted.
    NotChecked,
}

impl AppState {
    /// The first state: the passphrase screen (set or unlock).
    pub fn new(kit: Rc<Kit>, env: Env) -> AppState {
        let voicing = Rc::new(env.store.voicing());
        let mut state = AppState {
            kit,
            env,
            lang: Lang::english(),
            config: Rc::default(),
            // Read under the key at unlock: before that nothing seals to them.
            recipients: Rc::default(),
            voicing,
            local: Rc::default(),
            outside_changes: Rc::default(),
            key: None,
            deriving: None,
            derivations: 0,
            view: View::Unlock(Rc::default()),
        };
        state.view = state.locked_view(None);
        state
    }

    fn now(&self) -> Timestamp {
        (self.env.now)()
    }

    /// Whether the drafts' key is in memory.
    pub fn is_unlocked(&self) -> bool {
        self.key.is_some()
    }

    fn start_view(&self, problem: Option<StartProblem>) -> View {
        let listed = match &self.key {
            Some(key) => self.env.store.list(key),
            None => Ok(Vec::new()),
        };
        let (drafts, list_error) = listed.map_or_else(|e| (Vec::new(), Some(e)), |d| (d, None));
        View::Start(Rc::new(StartView {
            drafts,
            list_error,
            problem,
            device: self.key.as_ref().and_then(|_| self.env.store.device_id()),
            kept_rescues: self.env.store.kept_rescues(),
            rescue_failure: self.env.store.rescue_failure(),
            ..StartView::default()
        }))
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::SetLanguage(lang) if self.kit.ui.has(&lang) => self.lang = lang,
            Action::SetLanguage(_) => {}
            Action::SetPassphrase {
                passphrase,
                repeated,
            } => self.set_passphrase(passphrase, &repeated),
            Action::Unlock(passphrase) => self.unlock(passphrase),
            Action::Derived { id, secret } => self.derived(id, secret),
            Action::Lock => self.lock(None),
            Action::RemoveEverything { typed } => self.remove_everything(&typed),
            Action::SaveKeptRescue(key) => self.save_kept_rescue(&key),
            Action::RemoveKeptRescue { key, code } => self.remove_kept_rescue(&key, &code),
            Action::Config(text) => self.configure(text.as_deref()),
            // Everything below needs the key.
            _ if self.key.is_none() => {}
            Action::Open(id) if self.shows_sitting(&id) => self.reopen(&id),
            action @ (Action::LookUp(_)
            | Action::Start(_)
            | Action::Open(_)
            | Action::Remove(_)
            | Action::CheckKeys(_)
            | Action::AcceptKey { .. }
            | Action::DropCandidate(_)
            | Action::RemoveKey(_)
            | Action::SetSpeechRate(_)
            | Action::SetVoice { .. }
            | Action::AddLocal(_)
            | Action::RemoveLocal(_)
            | Action::RemoveStoredLocal) => self.start_action(action),
            Action::ToStart if self.in_staff_mode() => {
                // A sitting closed from staff mode opens again in the participant's hands.
                self.sitting_action(Action::Verb(Verb::LeaveStaffMode));
                // Forgetting the open sitting cannot lose answers: they are stored under its key.
                let _ = self.env.store.set_current(None);
                self.view = self.start_view(None);
            }
            Action::ToStart => {}
            Action::Done => self.done(),
            Action::Export => self.export(),
            Action::SaveAgain => self.save_again(),
            Action::ExportSaved => self.export_saved(),
            action => self.sitting_action(action),
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        next.apply(action);
        Rc::new(next)
    }
}
