//! Drafts at rest: an unfinished battery is stored on the device only encrypted under a key
//! derived from the staff passphrase.
//!
//! - [`DraftLock`] is what the device stores beside the drafts: the scrypt parameters, the salt
//!   and a check value, so a wrong passphrase is told apart from a corrupted draft. It holds no
//!   key, and its parameters are bounded before use ([`KdfParams`]).
//! - [`DraftKey`] is derived once per unlock (scrypt, then HKDF-SHA-256), kept in memory only and
//!   zeroed when dropped. It also tags small plaintext records ([`DraftKey::tag`]).
//! - A sealed draft of format 2 ([`seal_draft_in`]) is bound to its place: `"qkitd"`, the format
//!   byte 2, an 8-byte key id, a 16-byte context tag (an HMAC of the context under the key), a
//!   24-byte random nonce and the XChaCha20-Poly1305 ciphertext. The associated data is the
//!   first 30 bytes followed by the context itself (the app passes
//!   `qkit sitting <id> revision <n>`), so a draft moved to another sitting, swapped or rolled
//!   back to an older revision does not open: [`AtRestError::OtherPlace`].
//! - Format 1 ([`seal_draft`], kept for drafts stored before) has no context: `"qkitd"`, the
//!   format byte 1, the key id, the nonce and the ciphertext, the first 14 bytes authenticated.

mod lock;
#[cfg(test)]
mod tests;

pub use lock::{
    derive_secret, DraftKey, DraftLock, KdfParams, MAX_KDF_MEMORY, MAX_KDF_P, SALT_BYTES,
};

use crate::error::AtRestError;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use lock::KEY_ID_BYTES;
use rand_core::CryptoRngCore;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

const MAGIC: &[u8; 5] = b"qkitd";
/// Format 1: no context.
const UNBOUND: u8 = 1;
/// Format 2: bound to a context.
const BOUND: u8 = 2;
const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;
const CONTEXT_TAG_BYTES: usize = 16;
/// Format 1's magic, format and key id: authenticated, not encrypted.
const PREFIX_BYTES: usize = MAGIC.len() + 1 + KEY_ID_BYTES;
/// Format 2's magic, format, key id and context tag: authenticated, not encrypted.
const BOUND_PREFIX_BYTES: usize = PREFIX_BYTES + CONTEXT_TAG_BYTES;
/// The purpose under which a context is tagged.
const CONTEXT_PURPOSE: &str = "qkit draft context v2";

/// Encrypts a draft (any bytes, usually the record's JSON) under the key, in format 1 (no
/// context). Prefer [`seal_draft_in`], which binds the draft to its place.
pub fn seal_draft<R: CryptoRngCore + ?Sized>(
    key: &DraftKey,
    plaintext: &[u8],
    rng: &mut R,
) -> Vec<u8> {
    let mut prefix = Vec::with_capacity(PREFIX_BYTES);
    prefix.extend_from_slice(MAGIC);
    prefix.push(UNBOUND);
    prefix.extend_from_slice(&key.id);
    encrypt(key, prefix, &[], plaintext, rng)
}

/// Encrypts a draft under the key, bound to `context` (format 2): it opens only through
/// [`open_draft_in`] with the same context, e.g. `qkit sitting <id> revision <n>`.
pub fn seal_draft_in<R: CryptoRngCore + ?Sized>(
    key: &DraftKey,
    context: &str,
    plaintext: &[u8],
    rng: &mut R,
) -> Vec<u8> {
    let mut prefix = Vec::with_capacity(BOUND_PREFIX_BYTES);
    prefix.extend_from_slice(MAGIC);
    prefix.push(BOUND);
    prefix.extend_from_slice(&key.id);
    prefix.extend_from_slice(&context_tag(key, context));
    encrypt(key, prefix, context.as_bytes(), plaintext, rng)
}

/// Decrypts a draft sealed by [`seal_draft`] (format 1). A draft bound to a context is
/// [`AtRestError::Bound`]: open it with [`open_draft_in`].
pub fn open_draft(key: &DraftKey, bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>, AtRestError> {
    match format(bytes)? {
        UNBOUND => {}
        BOUND => return Err(AtRestError::Bound),
        other => return Err(AtRestError::UnsupportedVersion(other)),
    }
    let (prefix, rest) = split(key, bytes, PREFIX_BYTES)?;
    decrypt(key, prefix, &[], rest)
}

/// Decrypts a draft sealed by [`seal_draft_in`] for `context`. With the right key but another
/// context it is [`AtRestError::OtherPlace`] (moved, swapped or rolled back); with another key,
/// [`AtRestError::OtherKey`]; a format 1 draft is [`AtRestError::Unbound`]. The context tag is
/// compared before decrypting, so a draft whose tag bytes were altered also reads as another
/// place; any other altered byte is [`AtRestError::Corrupted`].
pub fn open_draft_in(
    key: &DraftKey,
    context: &str,
    bytes: &[u8],
) -> Result<Zeroizing<Vec<u8>>, AtRestError> {
    match format(bytes)? {
        BOUND => {}
        UNBOUND => return Err(AtRestError::Unbound),
        other => return Err(AtRestError::UnsupportedVersion(other)),
    }
    let (prefix, rest) = split(key, bytes, BOUND_PREFIX_BYTES)?;
    let expected = context_tag(key, context);
    if !bool::from(prefix[PREFIX_BYTES..].ct_eq(&expected)) {
        return Err(AtRestError::OtherPlace);
    }
    decrypt(key, prefix, context.as_bytes(), rest)
}

/// [`seal_draft`], as base64 text for string storage (localStorage).
pub fn seal_draft_text<R: CryptoRngCore + ?Sized>(
    key: &DraftKey,
    plaintext: &[u8],
    rng: &mut R,
) -> String {
    STANDARD.encode(seal_draft(key, plaintext, rng))
}

/// [`open_draft`] of text written by [`seal_draft_text`].
pub fn open_draft_text(key: &DraftKey, text: &str) -> Result<Zeroizing<Vec<u8>>, AtRestError> {
    open_draft(key, &from_text(text)?)
}

/// [`seal_draft_in`], as base64 text for string storage (localStorage).
pub fn seal_draft_text_in<R: CryptoRngCore + ?Sized>(
    key: &DraftKey,
    context: &str,
    plaintext: &[u8],
    rng: &mut R,
) -> String {
    STANDARD.encode(seal_draft_in(key, context, plaintext, rng))
}

/// [`open_draft_in`] of text written by [`seal_draft_text_in`].
pub fn open_draft_text_in(
    key: &DraftKey,
    context: &str,
    text: &str,
) -> Result<Zeroizing<Vec<u8>>, AtRestError> {
    open_draft_in(key, context, &from_text(text)?)
}

fn from_text(text: &str) -> Result<Vec<u8>, AtRestError> {
    STANDARD
        .decode(text.trim())
        .map_err(|_| AtRestError::NotADraft)
}

/// The first 16 bytes of the key's tag of the context.
fn context_tag(key: &DraftKey, context: &str) -> [u8; CONTEXT_TAG_BYTES] {
    let mut tag = [0u8; CONTEXT_TAG_BYTES];
    tag.copy_from_slice(&key.mac(CONTEXT_PURPOSE, context.as_bytes())[..CONTEXT_TAG_BYTES]);
    tag
}

/// Encrypts after `prefix`; the associated data is the prefix followed by the context.
fn encrypt<R: CryptoRngCore + ?Sized>(
    key: &DraftKey,
    mut out: Vec<u8>,
    context: &[u8],
    plaintext: &[u8],
    rng: &mut R,
) -> Vec<u8> {
    let aad = [out.as_slice(), context].concat();
    let mut nonce = [0u8; NONCE_BYTES];
    rng.fill_bytes(&mut nonce);
    let sealed = XChaCha20Poly1305::new((&key.key).into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: &aad,
            },
        )
        .expect("a draft is far below XChaCha20-Poly1305's message limit");
    out.reserve(NONCE_BYTES + sealed.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    out
}

/// The format byte of something that starts like a draft.
fn format(bytes: &[u8]) -> Result<u8, AtRestError> {
    match bytes.get(MAGIC.len()) {
        Some(&f) if bytes.starts_with(MAGIC) => Ok(f),
        _ => Err(AtRestError::NotADraft),
    }
}

/// Splits off the prefix of `prefix_bytes`, checking the length and the key id.
fn split<'a>(
    key: &DraftKey,
    bytes: &'a [u8],
    prefix_bytes: usize,
) -> Result<(&'a [u8], &'a [u8]), AtRestError> {
    if bytes.len() < prefix_bytes + NONCE_BYTES + TAG_BYTES {
        return Err(AtRestError::Corrupted);
    }
    let split = bytes.split_at(prefix_bytes);
    if split.0[MAGIC.len() + 1..PREFIX_BYTES] != key.id {
        return Err(AtRestError::OtherKey);
    }
    Ok(split)
}

/// Decrypts the nonce and ciphertext after the prefix.
fn decrypt(
    key: &DraftKey,
    prefix: &[u8],
    context: &[u8],
    rest: &[u8],
) -> Result<Zeroizing<Vec<u8>>, AtRestError> {
    let (nonce, sealed) = rest.split_at(NONCE_BYTES);
    let aad = [prefix, context].concat();
    XChaCha20Poly1305::new((&key.key).into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: &aad,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| AtRestError::Corrupted)
}
