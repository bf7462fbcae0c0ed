//! The errors of qkit-export, one enum per boundary: reading a recipient, sealing, reading an
//! identity, opening a sealed file, checking a record, and drafts at rest. Messages say what and
//! where, lowercase, and never contain secret material.

use crate::reference::ReferenceError;
use thiserror::Error;

/// A recipient (`age1…`) that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RecipientError {
    /// Not a bech32 string at all. Holds the start of the text only (a pasted secret key must
    /// never reach a log).
    #[error("\"{0}\" is not an age recipient (expected age1… as written by age-keygen)")]
    NotBech32(String),
    /// A bech32 string of another kind (an identity, a plugin recipient, …).
    #[error("not an X25519 age recipient: it starts with \"{0}1\", expected \"age1\"")]
    WrongKind(String),
    /// An `age1…` string that does not hold a 32-byte key.
    #[error("\"{0}\" holds a key of the wrong length for an age recipient")]
    WrongLength(String),
}

/// Why a record could not be sealed.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum SealError {
    /// Sealing needs at least one recipient.
    #[error("no recipients: a record can only be sealed to at least one age1… recipient")]
    NoRecipients,
    /// The recipient is a low-order point: the shared secret would be all zeros, so nobody could
    /// open the file.
    #[error("recipient {0} is not a usable public key (all-zero shared secret)")]
    LowOrderRecipient(String),
    /// The record failed validation against the kit, so it is not sealed. (Not a `#[from]`
    /// source: the message already holds the cause, and a source would repeat it in a chain.)
    #[error("the record is not valid: {0}")]
    Invalid(RecordError),
    /// The record could not be written as JSON.
    #[error("the record could not be written as JSON: {0}")]
    Json(String),
    /// A sitting given to a rescue file is not a JSON object (counted from 0).
    #[error("sitting {index} of the rescue file is not a stored sitting (a JSON object)")]
    NotASitting { index: usize },
}

impl From<RecordError> for SealError {
    fn from(e: RecordError) -> Self {
        SealError::Invalid(e)
    }
}

/// Why an identity (the assessor's secret key) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IdentityError {
    /// The identity file is not UTF-8 text.
    #[error("the identity file is not text")]
    NotText,
    /// Only comments and blank lines.
    #[error("the identity file holds no identity (expected a line AGE-SECRET-KEY-1…)")]
    NoIdentities,
    /// A line that is not an X25519 identity. The line itself is never shown: it may be a secret.
    #[error(
        "line {line} of the identity file is not an age identity (expected AGE-SECRET-KEY-1…)"
    )]
    NotAnIdentity { line: usize },
    /// A plugin identity; qkit reads only X25519 identities.
    #[error("line {line} of the identity file is a plugin identity, which qkit does not support")]
    Plugin { line: usize },
    /// The passphrase does not open the passphrase-protected identity file.
    #[error("wrong passphrase for the identity file")]
    WrongPassphrase,
    /// The passphrase-protected identity file asks for more scrypt work than qkit allows.
    #[error("the identity file's passphrase work factor 2^{found} is above the limit 2^{max}")]
    ExcessiveWork { found: u8, max: u8 },
    /// The file is age-encrypted, but to recipients rather than a passphrase.
    #[error("the identity file is encrypted to a key, not with a passphrase")]
    NotPassphraseProtected,
    /// The passphrase-protected identity file could not be decrypted.
    #[error("the passphrase-protected identity file cannot be read: {0}")]
    Damaged(String),
}

/// Which part of a sealed file a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The age header: version line, recipient stanzas and MAC.
    Header,
    /// The encrypted payload after the header.
    Payload,
}

impl std::fmt::Display for Part {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Part::Header => "header",
            Part::Payload => "payload",
        })
    }
}

/// Why a sealed file could not be opened.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum OpenError {
    /// The file has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The file does not start like an age file. `hint` says what it looks like instead.
    #[error("not an age-encrypted file{hint}")]
    NotAgeFile { hint: &'static str },
    /// An age file of a version this qkit does not read.
    #[error("unsupported age format (qkit reads age-encryption.org/v1)")]
    UnknownAgeVersion,
    /// The header is not well formed.
    #[error("the age header is malformed")]
    BadHeader,
    /// The armored (PEM) wrapping is not well formed.
    #[error("the armored age text is malformed")]
    BadArmor,
    /// The file was encrypted with a passphrase rather than to recipients.
    #[error("the file is encrypted with a passphrase, not to an age1… recipient")]
    PassphraseEncrypted,
    /// None of the identities can open the file: it was sealed for someone else.
    #[error("no matching key: the file was sealed for other recipients than this identity")]
    NoMatchingKey,
    /// The header MAC does not verify: the header was altered.
    #[error("the file was altered: its header fails authentication")]
    HeaderTampered,
    /// The file stops before the end of the named part.
    #[error("the file is cut short in its {0}")]
    Truncated(Part),
    /// A payload chunk fails authentication: altered, or cut short inside a chunk.
    #[error("the file was altered or cut short: its payload fails authentication")]
    PayloadTampered,
    /// The plaintext is larger than any record qkit writes.
    #[error("the decrypted content is larger than {limit} bytes, far more than any record")]
    TooLarge { limit: usize },
    /// The file decrypted, but its content is not a valid record.
    #[error(transparent)]
    Record(#[from] RecordError),
}

/// A problem with a result record: where it is (a JSON path into the record) and what it is.
///
/// Displayed as `path: message`, e.g.
/// `$.questionnaires[2].answers[4].answer: value 7 is not an option of item "bis11_05" (1, 2, 3, 4)`.
#[derive(Debug, Clone, PartialEq, Error)]
#[error("{path}: {kind}")]
pub struct RecordError {
    /// JSON path of the offending value, `$` for the whole record.
    pub path: String,
    /// What is wrong (boxed: some kinds carry several strings, and errors travel in `Result`s).
    pub kind: Box<RecordErrorKind>,
}

impl RecordError {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, kind: RecordErrorKind) -> RecordError {
        RecordError {
            path: path.into(),
            kind: Box::new(kind),
        }
    }
}

/// What is wrong with a record. Each variant is one class of problem.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RecordErrorKind {
    /// The content is not UTF-8 text.
    #[error("the record is not UTF-8 text")]
    NotText,
    /// The record does not parse as JSON of the record's shape.
    #[error("the record does not parse: {0}")]
    Json(String),
    /// The record's `format` is one this qkit does not read.
    #[error("record format {found} is not supported; this qkit reads format {supported}")]
    UnsupportedFormat { found: String, supported: u32 },
    /// A required text field is empty, too long, or holds characters it may not.
    #[error("{0}")]
    BadField(String),
    /// The participant reference is not one the start form would accept.
    #[error("{0}")]
    BadReference(ReferenceError),
    /// The programme is not in the kit's batteries.
    #[error("programme \"{0}\" is not in this kit")]
    UnknownProgramme(String),
    /// The questionnaires are not the programme's battery for the timepoint, in order.
    #[error("questionnaires [{found}] are not the {programme} {timepoint} battery [{expected}]")]
    BatteryMismatch {
        programme: String,
        timepoint: String,
        expected: String,
        found: String,
    },
    /// A questionnaire's definition in this kit differs from the one it was answered under.
    #[error("questionnaire \"{id}\" was answered under version {record_version} (hash {record_hash}) but this kit has version {kit_version} (hash {kit_hash}); load the definition it was answered under")]
    DefinitionChanged {
        id: String,
        record_version: String,
        record_hash: String,
        kit_version: String,
        kit_hash: String,
    },
    /// An answer names an item the questionnaire does not have.
    #[error("item \"{item}\" is not in questionnaire \"{questionnaire}\"")]
    UnknownItem { questionnaire: String, item: String },
    /// Two answers to the same item.
    #[error("item \"{0}\" is answered twice")]
    DuplicateAnswer(String),
    /// A value that is not one of the item's options.
    #[error("value {value} is not an option of item \"{item}\" ({options})")]
    NotAnOption {
        item: String,
        value: i32,
        options: String,
    },
    /// A special answer the questionnaire does not offer.
    #[error("special answer \"{special}\" is not offered by questionnaire \"{questionnaire}\"")]
    SpecialNotOffered {
        questionnaire: String,
        special: String,
    },
    /// A language the questionnaire is not given in.
    #[error("language \"{language}\" is not one of questionnaire \"{questionnaire}\"'s languages")]
    UnknownLanguage {
        questionnaire: String,
        language: String,
    },
    /// Seconds on screen that are negative or not a number.
    #[error("seconds must be a finite number ≥ 0, found {}", qkit_questionnaires::number::number_text(*.0))]
    BadSeconds(f64),
    /// Times that run backwards (answer history, sittings, completion).
    #[error("{0}")]
    TimeOrder(String),
    /// Answers beyond the consent form without recorded consent.
    #[error("questionnaire \"{0}\" has answers but consent was not given")]
    NoConsent(String),
    /// A completed record lacks the report of a scored questionnaire.
    #[error("questionnaire \"{0}\" is scored but the completed record has no report")]
    ReportMissing(String),
    /// The stored report is not what scoring the answers gives.
    #[error("the stored report differs from re-scoring the answers at {at}: stored {stored}, re-scored {rescored}")]
    ReportMismatch {
        at: String,
        stored: String,
        rescored: String,
    },
    /// Scoring refused the answers.
    #[error("the answers cannot be scored: {0}")]
    Unscorable(String),
    /// A questionnaire marked as answered under an older definition carries a report; such
    /// answers are never scored.
    #[error("questionnaire \"{0}\" is marked outdated (answered under an older definition) but has a report; outdated answers are never scored")]
    OutdatedWithReport(String),
}

/// Why a draft at rest could not be locked, unlocked or opened.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AtRestError {
    /// The passphrase does not match the device's lock.
    #[error("wrong passphrase")]
    WrongPassphrase,
    /// The stored lock text is not one this qkit wrote.
    #[error("the stored lock is not readable: {0}")]
    BadLock(&'static str),
    /// The scrypt parameters are out of the range qkit accepts; `reason` names the field.
    #[error("scrypt parameters log_n {log_n}, r {r}, p {p} are refused: {reason}")]
    BadParams {
        log_n: u8,
        r: u32,
        p: u32,
        reason: &'static str,
    },
    /// The bytes are not a qkit draft.
    #[error("not a qkit draft")]
    NotADraft,
    /// A draft written by a newer qkit.
    #[error("draft format {0} is not supported; this qkit reads formats 1 and 2")]
    UnsupportedVersion(u8),
    /// The draft was sealed under another passphrase (the lock was reset since).
    #[error("the draft was saved under a different passphrase")]
    OtherKey,
    /// The key is right but the draft was sealed for another sitting or revision: it was moved
    /// from another sitting, swapped, or rolled back to an older copy.
    #[error("the draft was sealed for another sitting or revision: moved, swapped or rolled back")]
    OtherPlace,
    /// A draft bound to its sitting and revision (format 2) was opened without them.
    #[error("the draft is bound to its sitting and revision; it opens only with them")]
    Bound,
    /// A draft of format 1, sealed without its sitting and revision, was opened as one bound
    /// to them.
    #[error("the draft was saved without its sitting and revision (format 1)")]
    Unbound,
    /// The draft fails authentication: corrupted or cut short.
    #[error("the draft is corrupted")]
    Corrupted,
}
