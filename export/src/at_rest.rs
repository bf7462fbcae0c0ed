//! Drafts at rest: an unfinished battery is stored on the device only encrypted under a key
//! derived from the staff passphrase.
//!
//! - [`DraftLock`] is what the device stores beside the drafts: the scrypt parameters, the salt
//!   and a check value, so a wrong passphrase is told apart from a corrupted draft. It holds no
//!   key.
//! - [`DraftKey`] is derived once per unlock (scrypt, then HKDF-SHA-256), kept in memory only and
//!   zeroed when dropped.
//! - A sealed draft is `"qkitd"`, a format byte, an 8-byte key id, a 24-byte random nonce and
//!   the XChaCha20-Poly1305 ciphertext; the first 14 bytes are authenticated as associated data.

use crate::error::AtRestError;
use crate::seal::hkdf_sha256;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand_core::CryptoRngCore;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

const MAGIC: &[u8; 5] = b"qkitd";
const FORMAT: u8 = 1;
const KEY_ID_BYTES: usize = 8;
const NONCE_BYTES: usize = 24;
const TAG_BYTES: usize = 16;
/// Magic, format and key id: authenticated, not encrypted.
const PREFIX_BYTES: usize = MAGIC.len() + 1 + KEY_ID_BYTES;
const SALT_BYTES: usize = 16;
const LOCK_PREFIX: &str = "qkit-lock-1";

/// scrypt cost parameters: N = 2^`log_n`, block size `r`, parallelism `p`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    pub log_n: u8,
    pub r: u32,
    pub p: u32,
}

impl KdfParams {
    /// The parameters new locks use: N = 2^15, r = 8, p = 1 (32 MiB of memory). See the
    /// crate's report on timings natively and in the browser.
    pub const DEFAULT: KdfParams = KdfParams {
        log_n: 15,
        r: 8,
        p: 1,
    };

    /// Checks the parameters are in the range qkit accepts (2^10 ≤ N ≤ 2^20, r ≤ 16, p ≤ 4): low
    /// enough that a tampered lock cannot make the browser allocate gigabytes.
    fn checked(self) -> Result<scrypt::Params, AtRestError> {
        let bad = AtRestError::BadParams {
            log_n: self.log_n,
            r: self.r,
            p: self.p,
        };
        let in_range = (10..=20).contains(&self.log_n)
            && (1..=16).contains(&self.r)
            && (1..=4).contains(&self.p);
        if !in_range {
            return Err(bad);
        }
        scrypt::Params::new(self.log_n, self.r, self.p, 32).map_err(|_| bad)
    }
}

/// What the device stores to unlock its drafts: parameters, salt and check value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftLock {
    params: KdfParams,
    salt: [u8; SALT_BYTES],
    check: [u8; 32],
}

/// The key that seals and opens drafts. Memory only; zeroed on drop.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct DraftKey {
    key: [u8; 32],
    id: [u8; KEY_ID_BYTES],
}

/// The secrets one passphrase derives.
struct Derived {
    key: DraftKey,
    check: Zeroizing<[u8; 32]>,
}

fn derive(passphrase: &str, params: KdfParams, salt: &[u8]) -> Result<Derived, AtRestError> {
    let mut master = Zeroizing::new([0u8; 32]);
    scrypt::scrypt(
        passphrase.as_bytes(),
        salt,
        &params.checked()?,
        master.as_mut(),
    )
    .expect("the output length 32 is valid for scrypt");
    let mut id = [0u8; KEY_ID_BYTES];
    id.copy_from_slice(&hkdf_sha256(&[], b"qkit draft id v1", master.as_ref())[..KEY_ID_BYTES]);
    Ok(Derived {
        key: DraftKey {
            key: *hkdf_sha256(&[], b"qkit draft key v1", master.as_ref()),
            id,
        },
        check: hkdf_sha256(&[], b"qkit draft check v1", master.as_ref()),
    })
}

impl DraftLock {
    /// Sets a new passphrase: returns the lock to store and the key to use now.
    pub fn create<R: CryptoRngCore + ?Sized>(
        passphrase: &str,
        params: KdfParams,
        rng: &mut R,
    ) -> Result<(DraftLock, DraftKey), AtRestError> {
        let mut salt = [0u8; SALT_BYTES];
        rng.fill_bytes(&mut salt);
        let derived = derive(passphrase, params, &salt)?;
        let lock = DraftLock {
            params,
            salt,
            check: *derived.check,
        };
        Ok((lock, derived.key))
    }

    /// Derives the key from the passphrase, or says the passphrase is wrong.
    pub fn unlock(&self, passphrase: &str) -> Result<DraftKey, AtRestError> {
        let derived = derive(passphrase, self.params, &self.salt)?;
        if bool::from(derived.check.ct_eq(&self.check)) {
            Ok(derived.key)
        } else {
            Err(AtRestError::WrongPassphrase)
        }
    }

    /// The scrypt parameters of this lock.
    pub fn params(&self) -> KdfParams {
        self.params
    }

    /// The lock as one line of text for storage:
    /// `qkit-lock-1:<log_n>:<r>:<p>:<salt, base64>:<check value, base64>`.
    pub fn to_text(&self) -> String {
        let KdfParams { log_n, r, p } = self.params;
        format!(
            "{LOCK_PREFIX}:{log_n}:{r}:{p}:{}:{}",
            STANDARD_NO_PAD.encode(self.salt),
            STANDARD_NO_PAD.encode(self.check)
        )
    }

    /// Reads a lock written by [`DraftLock::to_text`].
    pub fn from_text(text: &str) -> Result<DraftLock, AtRestError> {
        let fields: Vec<&str> = text.trim().split(':').collect();
        let [prefix, log_n, r, p, salt, check] = fields[..] else {
            return Err(AtRestError::BadLock("expected six fields separated by ':'"));
        };
        if prefix != LOCK_PREFIX {
            return Err(AtRestError::BadLock("not a qkit lock of format 1"));
        }
        fn number<T: std::str::FromStr>(s: &str) -> Result<T, AtRestError> {
            s.parse()
                .map_err(|_| AtRestError::BadLock("a parameter is not a number in range"))
        }
        let params = KdfParams {
            log_n: number(log_n)?,
            r: number(r)?,
            p: number(p)?,
        };
        params.checked()?;
        let bytes = |s: &str, what| {
            STANDARD_NO_PAD
                .decode(s)
                .ok()
                .ok_or(AtRestError::BadLock(what))
        };
        Ok(DraftLock {
            params,
            salt: bytes(salt, "the salt is not base64")?
                .try_into()
                .map_err(|_| AtRestError::BadLock("the salt is not 16 bytes"))?,
            check: bytes(check, "the check value is not base64")?
                .try_into()
                .map_err(|_| AtRestError::BadLock("the check value is not 32 bytes"))?,
        })
    }
}

/// Encrypts a draft (any bytes, usually the record's JSON) under the key.
pub fn seal_draft<R: CryptoRngCore + ?Sized>(
    key: &DraftKey,
    plaintext: &[u8],
    rng: &mut R,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(PREFIX_BYTES + NONCE_BYTES + plaintext.len() + TAG_BYTES);
    out.extend_from_slice(MAGIC);
    out.push(FORMAT);
    out.extend_from_slice(&key.id);
    let mut nonce = [0u8; NONCE_BYTES];
    rng.fill_bytes(&mut nonce);
    let sealed = XChaCha20Poly1305::new((&key.key).into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plaintext,
                aad: &out,
            },
        )
        .expect("a draft is far below XChaCha20-Poly1305's message limit");
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&sealed);
    out
}

/// Decrypts a draft sealed by [`seal_draft`].
pub fn open_draft(key: &DraftKey, bytes: &[u8]) -> Result<Zeroizing<Vec<u8>>, AtRestError> {
    if bytes.len() < MAGIC.len() + 1 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(AtRestError::NotADraft);
    }
    if bytes[MAGIC.len()] != FORMAT {
        return Err(AtRestError::UnsupportedVersion(bytes[MAGIC.len()]));
    }
    if bytes.len() < PREFIX_BYTES + NONCE_BYTES + TAG_BYTES {
        return Err(AtRestError::Corrupted);
    }
    let (prefix, rest) = bytes.split_at(PREFIX_BYTES);
    if prefix[MAGIC.len() + 1..] != key.id {
        return Err(AtRestError::OtherKey);
    }
    let (nonce, sealed) = rest.split_at(NONCE_BYTES);
    XChaCha20Poly1305::new((&key.key).into())
        .decrypt(
            XNonce::from_slice(nonce),
            Payload {
                msg: sealed,
                aad: prefix,
            },
        )
        .map(Zeroizing::new)
        .map_err(|_| AtRestError::Corrupted)
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
    let bytes = STANDARD
        .decode(text.trim())
        .map_err(|_| AtRestError::NotADraft)?;
    open_draft(key, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    /// Cheap parameters so the tests run fast, debug builds and wasm included.
    const FAST: KdfParams = KdfParams {
        log_n: 10,
        r: 8,
        p: 1,
    };

    fn lock(passphrase: &str, seed: u64) -> (DraftLock, DraftKey) {
        DraftLock::create(passphrase, FAST, &mut ChaCha20Rng::seed_from_u64(seed)).expect("valid")
    }

    #[test]
    fn a_draft_opens_with_the_key_of_the_same_passphrase() {
        let (stored, key) = lock("correct horse", 1);
        let mut rng = ChaCha20Rng::seed_from_u64(2);
        let sealed = seal_draft(&key, b"{\"answers\": []}", &mut rng);
        let reopened = stored.unlock("correct horse").expect("right passphrase");
        assert_eq!(
            open_draft(&reopened, &sealed).expect("opens").as_slice(),
            b"{\"answers\": []}"
        );
        let text = seal_draft_text(&key, b"", &mut rng);
        assert_eq!(
            open_draft_text(&reopened, &text).expect("opens").as_slice(),
            b""
        );
    }

    #[test]
    fn the_plaintext_does_not_appear_in_the_sealed_draft() {
        let (_, key) = lock("pw", 3);
        let sealed = seal_draft(
            &key,
            b"bis11_05 answered 4",
            &mut ChaCha20Rng::seed_from_u64(4),
        );
        assert!(!sealed.windows(8).any(|w| w == b"answered"));
    }

    #[test]
    fn a_wrong_passphrase_is_told_apart_from_a_corrupted_draft() {
        let (stored, key) = lock("right", 5);
        assert!(matches!(
            stored.unlock("wrong"),
            Err(AtRestError::WrongPassphrase)
        ));
        let mut sealed = seal_draft(&key, b"draft", &mut ChaCha20Rng::seed_from_u64(6));
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert_eq!(
            open_draft(&key, &sealed).unwrap_err(),
            AtRestError::Corrupted
        );
    }

    #[test]
    fn each_kind_of_bad_draft_has_its_own_error() {
        let (_, key) = lock("a", 7);
        let (_, other) = lock("b", 8);
        let sealed = seal_draft(&key, b"draft", &mut ChaCha20Rng::seed_from_u64(9));
        assert_eq!(
            open_draft(&other, &sealed).unwrap_err(),
            AtRestError::OtherKey
        );
        assert_eq!(open_draft(&key, b"").unwrap_err(), AtRestError::NotADraft);
        assert_eq!(
            open_draft(&key, b"{\"a\":1}").unwrap_err(),
            AtRestError::NotADraft
        );
        let mut newer = sealed.clone();
        newer[5] = 2;
        assert_eq!(
            open_draft(&key, &newer).unwrap_err(),
            AtRestError::UnsupportedVersion(2)
        );
        assert_eq!(
            open_draft(&key, &sealed[..30]).unwrap_err(),
            AtRestError::Corrupted
        );
        let mut relabelled = sealed.clone();
        relabelled[PREFIX_BYTES + NONCE_BYTES] ^= 0x80;
        assert_eq!(
            open_draft(&key, &relabelled).unwrap_err(),
            AtRestError::Corrupted
        );
        assert_eq!(
            open_draft_text(&key, "not base64!").unwrap_err(),
            AtRestError::NotADraft
        );
    }

    #[test]
    fn a_lock_round_trips_through_its_text_and_rejects_tampering() {
        let (stored, _) = lock("pw", 10);
        let text = stored.to_text();
        assert!(text.starts_with("qkit-lock-1:10:8:1:"), "{text}");
        assert_eq!(DraftLock::from_text(&text), Ok(stored.clone()));
        assert_eq!(stored.params(), FAST);
        for bad in [
            "",
            "qkit-lock-2:10:8:1:AAAA:AAAA",
            "qkit-lock-1:x:8:1:AAAA:AAAA",
            "qkit-lock-1:10:8:1:!!:AAAA",
            "qkit-lock-1:10:8:1:AAAA:AAAA",
            "qkit-lock-1:300:8:1:AAAA:AAAA",
        ] {
            assert!(
                matches!(DraftLock::from_text(bad), Err(AtRestError::BadLock(_))),
                "{bad}"
            );
        }
        let huge = text.replacen(":10:", ":30:", 1);
        assert!(matches!(
            DraftLock::from_text(&huge),
            Err(AtRestError::BadParams { .. })
        ));
    }

    #[test]
    fn out_of_range_parameters_are_refused_before_any_work() {
        let mut rng = ChaCha20Rng::seed_from_u64(11);
        for params in [
            KdfParams {
                log_n: 9,
                r: 8,
                p: 1,
            },
            KdfParams {
                log_n: 21,
                r: 8,
                p: 1,
            },
            KdfParams {
                log_n: 15,
                r: 0,
                p: 1,
            },
            KdfParams {
                log_n: 15,
                r: 8,
                p: 5,
            },
        ] {
            assert!(matches!(
                DraftLock::create("pw", params, &mut rng),
                Err(AtRestError::BadParams { .. })
            ));
        }
    }
}
