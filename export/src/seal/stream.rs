//! The age v1 payload: a 16-byte nonce, then the plaintext in 64 KiB chunks sealed with
//! ChaCha20-Poly1305 under the payload key (STREAM). Each chunk's nonce is an 11-byte big-endian
//! counter and a last-chunk flag byte. Only an empty plaintext has an empty (last) chunk.

use super::hkdf_sha256;
use chacha20poly1305::aead::{Aead, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Nonce};
use rand_core::CryptoRngCore;

/// Plaintext bytes per chunk.
pub(crate) const CHUNK_SIZE: usize = 64 * 1024;
const PAYLOAD_LABEL: &[u8] = b"payload";

/// Appends the payload nonce and the encrypted chunks to `out`.
pub(super) fn encrypt<R: CryptoRngCore + ?Sized>(
    file_key: &[u8],
    plaintext: &[u8],
    rng: &mut R,
    out: &mut Vec<u8>,
) {
    let mut nonce = [0u8; 16];
    rng.fill_bytes(&mut nonce);
    out.extend_from_slice(&nonce);
    let key = hkdf_sha256(&nonce, PAYLOAD_LABEL, file_key);
    let aead = ChaCha20Poly1305::new(key.as_ref().into());
    let n_chunks = plaintext.len().div_ceil(CHUNK_SIZE).max(1);
    for counter in 0..n_chunks {
        let start = counter * CHUNK_SIZE;
        let chunk = &plaintext[start..plaintext.len().min(start + CHUNK_SIZE)];
        let sealed = aead
            .encrypt(&chunk_nonce(counter as u64, counter + 1 == n_chunks), chunk)
            .expect("a 64 KiB chunk is far below ChaCha20-Poly1305's message limit");
        out.extend_from_slice(&sealed);
    }
}

/// The 12-byte nonce of chunk `counter`: 11 bytes of big-endian counter, then 1 for the last.
fn chunk_nonce(counter: u64, last: bool) -> Nonce {
    let mut nonce = Nonce::default();
    nonce[3..11].copy_from_slice(&counter.to_be_bytes());
    nonce[11] = u8::from(last);
    nonce
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_count_big_endian_and_flag_the_last_chunk() {
        assert_eq!(chunk_nonce(0, false).as_slice(), &[0; 12]);
        assert_eq!(chunk_nonce(1, true)[10..], [1, 1]);
        assert_eq!(chunk_nonce(0x0102, false)[9..], [1, 2, 0]);
    }
}
