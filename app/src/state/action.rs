//! Everything that can happen in the app: the verbs the reducer in `mod.rs` applies. Which
//! screen each action is taken from is part of its meaning: start-screen actions are applied
//! only while the staff start screen is showing (see `AppState::start_action`).

use super::{DerivedSecret, Secret, StaffStep, StartChoice};
use qkit_questionnaires::Lang;
use qkit_session::Verb;

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
    /// The derivation `id` finished (scrypt's output, or why it was refused): judge the
    /// passphrase it was for.
    Derived {
        id: u64,
        secret: Result<DerivedSecret, String>,
    },
    /// Lock now (idle, or staff leaving): drop the key and every plaintext sitting in memory.
    Lock,
    /// The passphrase is forgotten: download the rescue file, then remove every sitting on this
    /// device and the lock. `typed` is the word staff typed to confirm (see `remove_all_word`).
    RemoveEverything { typed: String },
    /// Staff saved a rescue file kept from an earlier removal (download it again).
    SaveKeptRescue(String),
    /// The team has a kept rescue file: remove it from this device. `code` is the file's code as
    /// the assessor area showed it ([`qkit_export::rescue_code`]); nothing else removes it.
    RemoveKeptRescue { key: String, code: String },
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
    /// Staff confirm the step with the passphrase.
    ConfirmStaff(Secret),
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
    /// Close the sitting and go back to the start screen (from staff mode only).
    ToStart,
    /// Staff are done with a finished or declined sitting: lock qkit.
    Done,
    /// Delete a stored sitting (after staff confirmed).
    Remove(String),
    /// Staff chose local definition files (name, what the browser read): add them to the kit.
    AddLocal(Vec<(String, qkit_questionnaires::local_kit::Chosen)>),
    /// Staff remove a local definition file, by name.
    RemoveLocal(String),
    /// Staff remove the stored local files that no longer validate.
    RemoveStoredLocal,
}
