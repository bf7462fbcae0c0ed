//! The app's state and its reducer. Every rule lives in qkit-session; the reducer applies a verb
//! there, writes the resulting draft through the [`DraftStore`] (sealed under the staff key), and
//! only then shows the new screen. A write that fails leaves the old screen up with a clear
//! problem to resolve.
//!
//! - `lock.rs`: the staff passphrase. The key that seals drafts exists only while unlocked; the
//!   idle lock drops it with every plaintext sitting in memory.
//! - `sitting.rs`: starting, opening and driving a sitting; the staff steps.
//! - `keys.rs`: the assessor keys (recipients) and the kit configuration.
//! - `local.rs`: local definition files staff load on the start screen, and the kit they make.
//! - `export.rs`: sealing a finished record, and removing it once staff saved the file.

mod export;
mod keys;
mod local;
mod lock;
mod sitting;
mod speech;

pub use export::{ExportProblem, ExportStatus};
pub use keys::{Candidate, KeysView};
pub use local::{LocalProblem, LocalView};
pub use lock::{Held, PassphraseProblem, PassphraseView, UnlockProblem, UnlockView};
pub use lock::{MIN_PASSPHRASE_CHARS, STAFF_GRACE_MS};
pub use speech::RATE_RANGE;

use crate::browser::{self, storage::*};
use crate::config::KitConfig;
use qkit_export::at_rest::{DraftKey, KdfParams};
use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, Lang, Timepoint};
use qkit_session::{DefinitionChange, ResumeError, Session, StartError, Suggested, Verb};
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
}

impl Env {
    /// The real browser: localStorage (or memory when blocked), the wall clock, crypto ids.
    pub fn browser() -> Env {
        Env {
            store: DraftStore::device(),
            now: Rc::new(browser::clock::now),
            new_id: Rc::new(browser::random::record_id),
            kdf: KdfParams::DEFAULT,
        }
    }
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        self.store == other.store
            && Rc::ptr_eq(&self.now, &other.now)
            && Rc::ptr_eq(&self.new_id, &other.new_id)
            && self.kdf == other.kdf
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
    /// The drafts' key: only while unlocked, only in memory.
    key: Option<Rc<DraftKey>>,
    /// When staff last proved they know the passphrase (unlocking or a staff step).
    last_proof: Option<Timestamp>,
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
    /// What just happened (a record exported and removed).
    pub notice: Option<StartNotice>,
}

/// A message on the start screen about what just happened.
#[derive(Debug, Clone, PartialEq)]
pub enum StartNotice {
    /// The sealed file was saved and the sitting removed from this device.
    Exported { file_name: String },
}

/// Something that went wrong on the start screen.
#[derive(Debug, Clone, PartialEq)]
pub enum StartProblem {
    Start(StartError),
    Load(LoadError),
    Resume { id: String, error: ResumeError },
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
}

impl StaffStep {
    /// The verb the step applies once staff are confirmed.
    pub fn verb(self) -> Verb {
        match self {
            StaffStep::EnterStaffMode => Verb::EnterStaffMode,
            StaffStep::EndBreak => Verb::Resume,
            StaffStep::SeeSummary => Verb::ShowSummary,
        }
    }
}

/// A staff step on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StaffPrompt {
    pub step: StaffStep,
    /// The passphrase is asked for (no correct one in the last [`STAFF_GRACE_MS`]).
    pub needs_passphrase: bool,
    /// The last passphrase given was wrong.
    pub wrong: bool,
}

/// Everything that can happen in the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Switch the interface language.
    SetLanguage(Lang),
    /// First use: set the staff passphrase (typed twice).
    SetPassphrase {
        passphrase: Secret,
        repeated: Secret,
    },
    /// Unlock with the staff passphrase.
    Unlock(Secret),
    /// Lock now (idle, or staff leaving): drop the key and every plaintext sitting in memory.
    Lock,
    /// The passphrase is forgotten: remove every sitting on this device and the lock.
    RemoveEverything,
    /// The kit configuration file's text, or `None` when there is none.
    Config(Option<String>),
    /// Staff pasted or loaded text holding assessor keys: check them and show fingerprints.
    CheckKeys(String),
    /// Staff compared the fingerprint and accept this key (`age1…`) for exports.
    AcceptKey { recipient: String, label: String },
    /// Staff do not accept a key they were checking.
    DropCandidate(String),
    /// Staff remove an accepted key.
    RemoveKey(String),
    /// Staff set the speaking rate, in tenths of the normal rate.
    SetSpeechRate(u8),
    /// Staff choose the voice for a language (`None`: the first local voice that speaks it); a
    /// network voice is used only if `network` says staff allowed it after the warning.
    SetVoice {
        lang: String,
        voice: Option<String>,
        network: crate::voices::NetworkVoice,
    },
    /// Staff typed a participant reference: look for support needs he gave before.
    LookUp(String),
    /// Start a new sitting.
    Start(StartChoice),
    /// Open a stored sitting.
    Open(String),
    /// A verb for the open sitting.
    Verb(Verb),
    /// Staff want to take a staff step (staff mode, end a break, the summary).
    AskStaff(StaffStep),
    /// Staff confirm the step, with the passphrase when it is asked for.
    ConfirmStaff(Option<Secret>),
    /// Staff do not take the step after all.
    CancelStaff,
    /// Seal the finished record and download it.
    Export,
    /// Download the sealed file again.
    SaveAgain,
    /// Staff confirm the sealed file is saved: remove the sitting from this device.
    ExportSaved,
    /// Another tab stored this revision of the open sitting.
    ChangedElsewhere(u64),
    /// After a failed write: carry on with answers in memory only.
    CarryOnUnsaved,
    /// After a failed write: try writing again.
    RetrySave,
    /// Staff have read the definition-change notice.
    DismissChanges,
    /// Close the sitting and go back to the start screen.
    ToStart,
    /// Delete a stored sitting (after staff confirmed).
    Remove(String),
    /// Staff chose local definition files (name, what the browser read): add them to the kit.
    AddLocal(Vec<(String, crate::local_kit::Chosen)>),
    /// Staff remove a local definition file, by name.
    RemoveLocal(String),
    /// Staff remove the stored local files that no longer validate.
    RemoveStoredLocal,
}

impl AppState {
    /// The first state: the passphrase screen (set or unlock).
    pub fn new(kit: Rc<Kit>, env: Env) -> AppState {
        let recipients = Rc::new(env.store.recipients());
        let voicing = Rc::new(env.store.voicing());
        let mut state = AppState {
            kit,
            env,
            lang: Lang::english(),
            config: Rc::default(),
            recipients,
            voicing,
            local: Rc::default(),
            key: None,
            last_proof: None,
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
        let (drafts, list_error) = match listed {
            Ok(d) => (d, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        View::Start(Rc::new(StartView {
            drafts,
            list_error,
            problem,
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
            } => self.set_passphrase(&passphrase, &repeated),
            Action::Unlock(passphrase) => self.unlock(&passphrase),
            Action::Lock => self.lock(),
            Action::RemoveEverything => self.remove_everything(),
            Action::Config(text) => self.configure(text.as_deref()),
            Action::CheckKeys(text) => self.check_keys(&text),
            Action::AcceptKey { recipient, label } => self.accept_key(&recipient, &label),
            Action::DropCandidate(recipient) => self.drop_candidate(&recipient),
            Action::RemoveKey(recipient) => self.remove_key(&recipient),
            Action::SetSpeechRate(rate) => self.set_rate(rate),
            Action::SetVoice {
                lang,
                voice,
                network,
            } => self.set_voice(&lang, voice, network),
            // Everything below needs the key.
            _ if self.key.is_none() => {}
            Action::LookUp(reference) => self.look_up(&reference),
            Action::Start(choice) => self.start(choice),
            Action::Open(id) => self.open(&id),
            Action::ToStart => {
                // A sitting closed from staff mode opens again in the participant's hands.
                self.sitting_action(Action::Verb(Verb::LeaveStaffMode));
                // Forgetting the open sitting cannot lose answers: they are stored under its key.
                let _ = self.env.store.set_current(None);
                self.view = self.start_view(None);
            }
            Action::Remove(id) => {
                let _ = self.env.store.remove(&id);
                self.view = self.start_view(None);
            }
            Action::AddLocal(chosen) => self.add_local(chosen),
            Action::RemoveLocal(name) => self.remove_local(&name),
            Action::RemoveStoredLocal => self.remove_stored_local(),
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
