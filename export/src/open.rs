//! Opening sealed records and rescue files (feature `open`, assessor side): identities in,
//! records out, through the reference `age` crate. Every way a file can be wrong becomes its own
//! [`OpenError`]; no input panics.

use crate::at_rest::DraftKey;
use crate::error::{IdentityError, OpenError, Part, RecordError};
use crate::keys::Recipient;
use crate::record::ResultRecord;
use crate::rescue::{in_sitting, is_rescue, read_rescue};
use crate::validate::validate_record;
use age::armor::ArmoredReader;
use age::secrecy::{ExposeSecret, SecretString};
use qkit_questionnaires::Kit;
use std::io::{self, Read};
use std::str::FromStr;
use zeroize::Zeroizing;

/// The largest plaintext qkit accepts from a sealed file; a record is tens of kilobytes.
pub const MAX_PLAINTEXT_BYTES: usize = 16 * 1024 * 1024;
/// The largest sealed file worth reading: the largest plaintext, armored (4/3 as large), with room
/// for the header. Callers reading files refuse bigger ones before reading them.
pub const MAX_SEALED_BYTES: usize = 2 * MAX_PLAINTEXT_BYTES;
/// The largest identity file worth reading: `age-keygen` writes about 200 bytes per identity.
pub const MAX_IDENTITY_BYTES: usize = 64 * 1024;
/// The largest scrypt work factor accepted for a passphrase-protected identity file (2^20: about
/// 1 GiB and a few seconds); `age -p` writes 2^18.
pub const MAX_PASSPHRASE_LOG_N: u8 = 20;

const AGE_MAGIC: &[u8] = b"age-encryption.org/";
const V1_LINE: &[u8] = b"age-encryption.org/v1\n";
const ARMOR_MAGIC: &[u8] = b"-----BEGIN AGE ENCRYPTED FILE-----";

/// One or more X25519 identities (the assessor team's secret keys).
pub struct Identities(Vec<age::x25519::Identity>);

impl Identities {
    /// Reads identity text as `age-keygen` writes it: `AGE-SECRET-KEY-1…` lines, with `#`
    /// comments and blank lines ignored.
    pub fn parse(text: &str) -> Result<Identities, IdentityError> {
        let mut identities = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if line.starts_with("AGE-PLUGIN-") {
                return Err(IdentityError::Plugin { line: i + 1 });
            }
            let identity = age::x25519::Identity::from_str(line)
                .map_err(|_| IdentityError::NotAnIdentity { line: i + 1 })?;
            identities.push(identity);
        }
        if identities.is_empty() {
            return Err(IdentityError::NoIdentities);
        }
        Ok(Identities(identities))
    }

    /// Reads an identity file's bytes: plain text, never a passphrase-protected file (see
    /// [`Identities::is_passphrase_protected`] and [`Identities::from_passphrase_file`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<Identities, IdentityError> {
        let text = std::str::from_utf8(bytes).map_err(|_| IdentityError::NotText)?;
        Identities::parse(text)
    }

    /// Whether the bytes are an age file (binary or armored) rather than identity text: a
    /// passphrase-protected identity file, as `age -p` writes it.
    pub fn is_passphrase_protected(bytes: &[u8]) -> bool {
        let start = trim_start(bytes);
        start.starts_with(AGE_MAGIC) || start.starts_with(ARMOR_MAGIC)
    }

    /// Decrypts a passphrase-protected identity file (an age file encrypted with `age -p` whose
    /// content is identity text) and reads the identities in it.
    pub fn from_passphrase_file(
        bytes: &[u8],
        passphrase: &str,
    ) -> Result<Identities, IdentityError> {
        let decryptor = decryptor(bytes).map_err(|e| IdentityError::Damaged(e.to_string()))?;
        if !decryptor.is_scrypt() {
            return Err(IdentityError::NotPassphraseProtected);
        }
        let mut identity = age::scrypt::Identity::new(SecretString::from(passphrase.to_owned()));
        identity.set_max_work_factor(MAX_PASSPHRASE_LOG_N);
        let reader = decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::DecryptionFailed | age::DecryptError::KeyDecryptionFailed => {
                    IdentityError::WrongPassphrase
                }
                age::DecryptError::ExcessiveWork { required, .. } => IdentityError::ExcessiveWork {
                    found: required,
                    max: MAX_PASSPHRASE_LOG_N,
                },
                other => IdentityError::Damaged(header_error(other).to_string()),
            })?;
        let text = read_limited(reader).map_err(|e| IdentityError::Damaged(e.to_string()))?;
        Identities::from_bytes(&text)
    }

    /// The key the assessor's workspace is kept under at rest: [`DraftKey::from_secret`] of
    /// these identities' secret keys (in the order given, one per line) under `label`. No new
    /// secret: the same identity file always gives the same key, another one another key.
    pub fn derive_key(&self, label: &str) -> DraftKey {
        let mut secrets = Zeroizing::new(String::new());
        for identity in &self.0 {
            secrets.push_str(identity.to_string().expose_secret());
            secrets.push('\n');
        }
        DraftKey::from_secret(secrets.as_bytes(), label)
    }

    /// The recipients (public keys) of these identities.
    pub fn recipients(&self) -> Vec<Recipient> {
        self.0
            .iter()
            .map(|i| {
                Recipient::from_str(&i.to_public().to_string())
                    .expect("the age crate writes valid X25519 recipients")
            })
            .collect()
    }
}

/// Shows the recipients only: an identity's secret never reaches a log.
impl std::fmt::Debug for Identities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Identities")
            .field(&self.recipients())
            .finish()
    }
}

/// Decrypts an age file with the identities: the plaintext, zeroed when dropped.
pub fn decrypt(bytes: &[u8], identities: &Identities) -> Result<Zeroizing<Vec<u8>>, OpenError> {
    let decryptor = decryptor(bytes)?;
    if decryptor.is_scrypt() {
        return Err(OpenError::PassphraseEncrypted);
    }
    let reader = decryptor
        .decrypt(identities.0.iter().map(|i| i as &dyn age::Identity))
        .map_err(header_error)?;
    read_limited(reader)
}

/// Decrypts a sealed record, reads it and validates it against the kit (re-scoring included).
/// A rescue file is not a record here; see [`open_any`].
pub fn open(bytes: &[u8], identities: &Identities, kit: &Kit) -> Result<ResultRecord, OpenError> {
    record(&decrypt(bytes, identities)?, kit)
}

/// Reads a record's plaintext and validates it against the kit.
fn record(plaintext: &[u8], kit: &Kit) -> Result<ResultRecord, OpenError> {
    let record = ResultRecord::from_json(plaintext)?;
    validate_record(kit, &record)?;
    Ok(record)
}

/// What a sealed file held, checked against the kit.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// A finished battery's record, exactly as [`open`] gives it (boxed: a record is ten times
    /// the size of the rescue variant).
    Record(Box<ResultRecord>),
    /// A rescue file ([`crate::rescue`]): each stored sitting's record in the file's order, or
    /// why that sitting cannot be read or does not fit the kit. Most are unfinished
    /// (`completed_at` is `None`); a battery finished but not yet exported is complete.
    Rescue(Vec<Result<ResultRecord, RecordError>>),
}

/// Decrypts a sealed record or a rescue file and checks what it holds against the kit.
///
/// Every rescued sitting goes through the same [`crate::validate_record`] as an exported record,
/// which already treats a record without `completed_at` as unfinished: the programme's battery,
/// each questionnaire's definition, every answer (current and earlier) against its item, consent
/// before answers, and times in order are checked; no report is required and nothing is scored,
/// but a report a sitting does carry must re-score exactly. A sitting that fails (say, answered
/// under a definition this kit has changed) is an `Err` in its place and costs the others nothing.
pub fn open_any(bytes: &[u8], identities: &Identities, kit: &Kit) -> Result<Opened, OpenError> {
    let plaintext = decrypt(bytes, identities)?;
    if !is_rescue(&plaintext) {
        return record(&plaintext, kit).map(|r| Opened::Record(Box::new(r)));
    }
    let sittings = read_rescue(&plaintext)?
        .sittings
        .into_iter()
        .enumerate()
        .map(|(i, sitting)| {
            let record = sitting?;
            validate_record(kit, &record).map_err(|e| in_sitting(i, e))?;
            Ok(record)
        })
        .collect();
    Ok(Opened::Rescue(sittings))
}

type Decryptor<'a> = age::Decryptor<ArmoredReader<io::BufReader<&'a [u8]>>>;

/// Recognises the file and reads its header.
fn decryptor(bytes: &[u8]) -> Result<Decryptor<'_>, OpenError> {
    if bytes.is_empty() {
        return Err(OpenError::Empty);
    }
    let start = trim_start(bytes);
    let armored = start.starts_with(ARMOR_MAGIC);
    if !bytes.starts_with(AGE_MAGIC) && !armored {
        return Err(OpenError::NotAgeFile {
            hint: looks_like(start),
        });
    }
    age::Decryptor::new_buffered(ArmoredReader::new(start)).map_err(|e| match e {
        age::DecryptError::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            OpenError::Truncated(Part::Header)
        }
        age::DecryptError::Io(_) if armored => OpenError::BadArmor,
        // The age crate calls any header it cannot parse an unknown format; a v1 version line
        // followed by damage is a malformed header.
        age::DecryptError::UnknownFormat if bytes.starts_with(V1_LINE) => OpenError::BadHeader,
        other => header_error(other),
    })
}

/// Maps the age crate's header and key errors.
fn header_error(e: age::DecryptError) -> OpenError {
    match e {
        age::DecryptError::NoMatchingKeys => OpenError::NoMatchingKey,
        age::DecryptError::InvalidMac => OpenError::HeaderTampered,
        age::DecryptError::UnknownFormat => OpenError::UnknownAgeVersion,
        age::DecryptError::Io(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
            OpenError::Truncated(Part::Header)
        }
        _ => OpenError::BadHeader,
    }
}

/// Reads the payload, at most [`MAX_PLAINTEXT_BYTES`].
fn read_limited(reader: impl Read) -> Result<Zeroizing<Vec<u8>>, OpenError> {
    let mut out = Zeroizing::new(Vec::new());
    reader
        .take(MAX_PLAINTEXT_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|e| match e.kind() {
            io::ErrorKind::UnexpectedEof => OpenError::Truncated(Part::Payload),
            _ => OpenError::PayloadTampered,
        })?;
    if out.len() > MAX_PLAINTEXT_BYTES {
        return Err(OpenError::TooLarge {
            limit: MAX_PLAINTEXT_BYTES,
        });
    }
    Ok(out)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &bytes[skip..]
}

/// What a file that is not an age file looks like, for the error message.
fn looks_like(start: &[u8]) -> &'static str {
    if start.starts_with(b"{") || start.starts_with(b"[") {
        " (it looks like plain JSON: a record must be sealed before it leaves a device)"
    } else if start.starts_with(b"AGE-SECRET-KEY-") || start.starts_with(b"# created:") {
        " (it looks like an age identity file, not a sealed record)"
    } else {
        ""
    }
}
