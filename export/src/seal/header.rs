//! The age v1 header: the version line, one X25519 stanza per recipient, and the MAC.
//!
//! ```text
//! age-encryption.org/v1
//! -> X25519 <ephemeral share, base64>
//! <file key wrapped for the recipient, base64, lines of 64 columns>
//! --- <HMAC-SHA-256 of everything up to and including "---", base64>
//! ```

use super::hkdf_sha256;
use crate::error::SealError;
use crate::keys::Recipient;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use hmac::{Hmac, Mac};
use rand_core::CryptoRngCore;
use sha2::Sha256;
use x25519_dalek::{EphemeralSecret, PublicKey};

/// Bytes in a file key.
pub(super) const FILE_KEY_BYTES: usize = 16;
const VERSION_LINE: &str = "age-encryption.org/v1\n";
const X25519_LABEL: &[u8] = b"age-encryption.org/v1/X25519";
const HEADER_LABEL: &[u8] = b"header";
/// Stanza bodies are wrapped at this many base64 characters a line.
const COLUMNS: usize = 64;

/// Writes the whole header, MAC line included.
pub(super) fn write<R: CryptoRngCore + ?Sized>(
    file_key: &[u8; FILE_KEY_BYTES],
    recipients: &[Recipient],
    rng: &mut R,
) -> Result<Vec<u8>, SealError> {
    let mut header = String::from(VERSION_LINE);
    for recipient in recipients {
        let (share, body) = wrap_for(file_key, recipient, rng)?;
        write_stanza(
            &mut header,
            &["X25519", &STANDARD_NO_PAD.encode(share)],
            &body,
        );
    }
    header.push_str("---");
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(hkdf_sha256(&[], HEADER_LABEL, file_key).as_ref())
            .expect("HMAC takes a key of any length");
    mac.update(header.as_bytes());
    header.push(' ');
    header.push_str(&STANDARD_NO_PAD.encode(mac.finalize().into_bytes()));
    header.push('\n');
    Ok(header.into_bytes())
}

/// Wraps the file key for one X25519 recipient: returns the ephemeral share and the wrapped key.
fn wrap_for<R: CryptoRngCore + ?Sized>(
    file_key: &[u8; FILE_KEY_BYTES],
    recipient: &Recipient,
    rng: &mut R,
) -> Result<([u8; 32], Vec<u8>), SealError> {
    let ephemeral = EphemeralSecret::random_from_rng(rng);
    let share = PublicKey::from(&ephemeral);
    let shared = ephemeral.diffie_hellman(recipient.public_key());
    if !shared.was_contributory() {
        return Err(SealError::LowOrderRecipient(recipient.to_string()));
    }
    let mut salt = [0u8; 64];
    salt[..32].copy_from_slice(share.as_bytes());
    salt[32..].copy_from_slice(recipient.public_key().as_bytes());
    let wrap_key = hkdf_sha256(&salt, X25519_LABEL, shared.as_bytes());
    let body = ChaCha20Poly1305::new(wrap_key.as_ref().into())
        .encrypt(&Nonce::default(), file_key.as_slice())
        .expect("16 bytes is far below ChaCha20-Poly1305's message limit");
    Ok((share.to_bytes(), body))
}

/// Appends `-> args…\n` and the body in base64, 64 columns a line; the last line is always
/// shorter than 64 columns, so a body of a multiple of 48 bytes ends with an empty line.
fn write_stanza(header: &mut String, args: &[&str], body: &[u8]) {
    header.push_str("->");
    for arg in args {
        header.push(' ');
        header.push_str(arg);
    }
    header.push('\n');
    let encoded = STANDARD_NO_PAD.encode(body);
    let mut rest = encoded.as_str();
    loop {
        let (line, tail) = rest.split_at(rest.len().min(COLUMNS));
        header.push_str(line);
        header.push('\n');
        if line.len() < COLUMNS {
            break;
        }
        rest = tail;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stanza(body_len: usize) -> String {
        let mut s = String::new();
        write_stanza(&mut s, &["X", "a"], &vec![7u8; body_len]);
        s
    }

    #[test]
    fn bodies_wrap_at_64_columns_and_end_with_a_short_line() {
        assert_eq!(stanza(0), "-> X a\n\n");
        let lines = |n| stanza(n).lines().map(str::len).collect::<Vec<_>>();
        assert_eq!(lines(32), [6, 43]);
        assert_eq!(lines(48), [6, 64, 0]);
        assert_eq!(lines(49), [6, 64, 2]);
        assert_eq!(lines(96), [6, 64, 64, 0]);
    }
}
