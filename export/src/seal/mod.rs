//! Sealing: a record in, an age v1 file out (age-encryption.org/v1, X25519 recipients).
//!
//! This composes RustCrypto primitives exactly as the age specification lays them out, so the
//! participant's browser does not carry the whole `age` crate; the files open with the standard
//! `age` tool and with the `age` crate (see the interop and differential tests).
//!
//! 1. A random 16-byte file key is wrapped for each recipient ([`header`]).
//! 2. The header is authenticated with an HMAC keyed from the file key.
//! 3. The payload is encrypted in 64 KiB chunks with ChaCha20-Poly1305 STREAM ([`stream`]).

mod header;
mod stream;

use crate::error::SealError;
use crate::keys::Recipient;
use crate::record::ResultRecord;
use crate::validate::validate_record;
use hkdf::Hkdf;
use qkit_questionnaires::Kit;
use rand_core::CryptoRngCore;
use sha2::Sha256;
use zeroize::Zeroizing;

/// Validates a record against the kit, then seals it. This is what the app and the CLI call:
/// an invalid record never leaves the device.
pub fn seal_record<R: CryptoRngCore + ?Sized>(
    kit: &Kit,
    record: &ResultRecord,
    recipients: &[Recipient],
    rng: &mut R,
) -> Result<Vec<u8>, SealError> {
    validate_record(kit, record)?;
    seal(record, recipients, rng)
}

/// Seals a record (as JSON) to one or more recipients, without checking it against a kit.
/// Prefer [`seal_record`].
pub fn seal<R: CryptoRngCore + ?Sized>(
    record: &ResultRecord,
    recipients: &[Recipient],
    rng: &mut R,
) -> Result<Vec<u8>, SealError> {
    let json = Zeroizing::new(
        record
            .to_json()
            .map_err(|e| SealError::Json(e.to_string()))?,
    );
    seal_bytes(&json, recipients, rng)
}

/// Seals any bytes to one or more recipients as an age v1 file.
pub fn seal_bytes<R: CryptoRngCore + ?Sized>(
    plaintext: &[u8],
    recipients: &[Recipient],
    rng: &mut R,
) -> Result<Vec<u8>, SealError> {
    if recipients.is_empty() {
        return Err(SealError::NoRecipients);
    }
    let mut file_key = Zeroizing::new([0u8; header::FILE_KEY_BYTES]);
    rng.fill_bytes(file_key.as_mut());
    let mut out = header::write(&file_key, recipients, rng)?;
    stream::encrypt(file_key.as_slice(), plaintext, rng, &mut out);
    Ok(out)
}

/// HKDF-SHA-256 with a 32-byte output, as age (and the drafts at rest) use it.
pub(crate) fn hkdf_sha256(salt: &[u8], info: &[u8], ikm: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut okm = Zeroizing::new([0u8; 32]);
    Hkdf::<Sha256>::new(Some(salt), ikm)
        .expand(info, okm.as_mut())
        .expect("32 bytes is far below HKDF-SHA-256's 8160-byte output limit");
    okm
}
