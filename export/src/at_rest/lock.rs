//! The staff passphrase's lock and the key it unlocks: [`KdfParams`] (bounded before any
//! derivation runs), [`DraftLock`] (what the device stores) and [`DraftKey`] (memory only), with
//! the key's tags for small plaintext records ([`DraftKey::tag`], [`DraftKey::verify`]).

use crate::error::AtRestError;
use crate::seal::hkdf_sha256;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use rand_core::CryptoRngCore;
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub(super) const KEY_ID_BYTES: usize = 8;
/// The length of a lock's salt, in bytes.
pub const SALT_BYTES: usize = 16;
const LOCK_PREFIX: &str = "qkit-lock-1";
/// The most memory a lock may ask scrypt for (128·r·N bytes): 64 MiB.
pub const MAX_KDF_MEMORY: u64 = 64 * 1024 * 1024;
/// The most parallelism a lock may ask for.
pub const MAX_KDF_P: u32 = 2;
/// The least work a lock may ask for: N = 2^10.
const MIN_LOG_N: u8 = 10;

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

    /// The memory scrypt needs for these parameters, 128·r·2^log_n bytes, or `None` when it does
    /// not even fit in 64 bits.
    pub fn memory_bytes(self) -> Option<u64> {
        let n = 1u64.checked_shl(u32::from(self.log_n))?;
        128u64.checked_mul(u64::from(self.r))?.checked_mul(n)
    }

    /// Checks the parameters are in the range qkit accepts, so a tampered lock cannot make the
    /// browser allocate gigabytes: 2^10 ≤ N, r ≥ 1, 1 ≤ p ≤ [`MAX_KDF_P`], and memory
    /// 128·r·N ≤ [`MAX_KDF_MEMORY`]. The error names the field at fault.
    pub(super) fn checked(self) -> Result<scrypt::Params, AtRestError> {
        let refuse = |reason| AtRestError::BadParams {
            log_n: self.log_n,
            r: self.r,
            p: self.p,
            reason,
        };
        if self.log_n < MIN_LOG_N {
            return Err(refuse("log_n is below 10: too little work"));
        }
        if self.r == 0 {
            return Err(refuse("r must be at least 1"));
        }
        if !(1..=MAX_KDF_P).contains(&self.p) {
            return Err(refuse("p must be 1 or 2"));
        }
        if self.memory_bytes().is_none_or(|m| m > MAX_KDF_MEMORY) {
            return Err(refuse(
                "log_n and r ask for more than 64 MiB of memory (128·r·2^log_n)",
            ));
        }
        scrypt::Params::new(self.log_n, self.r, self.p, 32)
            .map_err(|_| refuse("scrypt does not accept them"))
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
    pub(super) key: [u8; 32],
    pub(super) id: [u8; KEY_ID_BYTES],
}

type HmacSha256 = Hmac<Sha256>;

impl DraftKey {
    /// A key derived from a secret its holder already keeps (no passphrase, no scrypt): the key
    /// and its id are HKDF-SHA-256 of `secret` under `label` (`"<label> key"`, `"<label> id"`).
    /// The assessor's workspace is kept under such a key from the team identity, so the same
    /// identity always opens it and another identity reads as [`AtRestError::OtherKey`].
    pub fn from_secret(secret: &[u8], label: &str) -> DraftKey {
        let mut id = [0u8; KEY_ID_BYTES];
        id.copy_from_slice(
            &hkdf_sha256(&[], format!("{label} id").as_bytes(), secret)[..KEY_ID_BYTES],
        );
        DraftKey {
            key: *hkdf_sha256(&[], format!("{label} key").as_bytes(), secret),
            id,
        }
    }

    /// The key's id as 16 lowercase hex digits: not secret (every sealed draft carries it), and
    /// the same for the same key, so storage can keep one place per key.
    pub fn id_hex(&self) -> String {
        self.id.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A tag authenticating `bytes` for `purpose` under this key: HMAC-SHA-256 under a subkey
    /// derived from the key (HKDF, label `qkit record tag v1`), over the purpose's length, the
    /// purpose and the bytes; base64 without padding (43 characters). For small records stored
    /// in plaintext beside the drafts (the accepted keys, the lock), so a change made outside
    /// qkit is noticed. Another purpose or another key gives another tag.
    pub fn tag(&self, purpose: &str, bytes: &[u8]) -> String {
        STANDARD_NO_PAD.encode(self.mac(purpose, bytes))
    }

    /// Whether `tag` is [`DraftKey::tag`] of `purpose` and `bytes` under this key, compared in
    /// constant time. Text that is not a tag is simply `false`.
    pub fn verify(&self, purpose: &str, bytes: &[u8], tag: &str) -> bool {
        let Ok(given) = STANDARD_NO_PAD.decode(tag.trim()) else {
            return false;
        };
        let expected = self.mac(purpose, bytes);
        given.len() == expected.len() && bool::from(given.as_slice().ct_eq(expected.as_slice()))
    }

    /// HMAC-SHA-256 of (purpose length, purpose, bytes) under the tag subkey.
    pub(super) fn mac(&self, purpose: &str, bytes: &[u8]) -> [u8; 32] {
        let subkey = hkdf_sha256(&[], b"qkit record tag v1", &self.key);
        let mut mac =
            HmacSha256::new_from_slice(subkey.as_ref()).expect("HMAC takes a key of any length");
        mac.update(&(purpose.len() as u64).to_be_bytes());
        mac.update(purpose.as_bytes());
        mac.update(bytes);
        mac.finalize().into_bytes().into()
    }
}

/// The secrets one passphrase derives.
struct Derived {
    key: DraftKey,
    check: Zeroizing<[u8; 32]>,
}

/// The slow step, and the only one: scrypt of the passphrase with the lock's salt, after the
/// parameters are checked (a lock out of range never reaches scrypt). Every key comes from this
/// secret by HKDF ([`DraftLock::unlock_with`], [`DraftLock::create_with`]), so the participant
/// app can run this part in a worker and keep scrypt's memory out of the page.
pub fn derive_secret(
    passphrase: &str,
    params: KdfParams,
    salt: &[u8],
) -> Result<Zeroizing<[u8; 32]>, AtRestError> {
    let checked = params.checked()?;
    let mut secret = Zeroizing::new([0u8; 32]);
    scrypt::scrypt(passphrase.as_bytes(), salt, &checked, secret.as_mut())
        .expect("the output length 32 is valid for scrypt");
    Ok(secret)
}

/// The key, its id and the check value, from the secret scrypt derived.
fn from_secret(secret: &[u8; 32]) -> Derived {
    let mut id = [0u8; KEY_ID_BYTES];
    id.copy_from_slice(&hkdf_sha256(&[], b"qkit draft id v1", secret)[..KEY_ID_BYTES]);
    Derived {
        key: DraftKey {
            key: *hkdf_sha256(&[], b"qkit draft key v1", secret),
            id,
        },
        check: hkdf_sha256(&[], b"qkit draft check v1", secret),
    }
}

impl DraftLock {
    /// A new lock's salt: 16 random bytes.
    pub fn new_salt<R: CryptoRngCore + ?Sized>(rng: &mut R) -> [u8; SALT_BYTES] {
        let mut salt = [0u8; SALT_BYTES];
        rng.fill_bytes(&mut salt);
        salt
    }

    /// Sets a new passphrase: returns the lock to store and the key to use now.
    pub fn create<R: CryptoRngCore + ?Sized>(
        passphrase: &str,
        params: KdfParams,
        rng: &mut R,
    ) -> Result<(DraftLock, DraftKey), AtRestError> {
        let salt = DraftLock::new_salt(rng);
        let secret = derive_secret(passphrase, params, &salt)?;
        DraftLock::create_with(params, salt, &secret)
    }

    /// [`DraftLock::create`] from the secret [`derive_secret`] gave for `params` and `salt`.
    /// The parameters are checked again, so a lock this makes can always be read back.
    pub fn create_with(
        params: KdfParams,
        salt: [u8; SALT_BYTES],
        secret: &[u8; 32],
    ) -> Result<(DraftLock, DraftKey), AtRestError> {
        params.checked()?;
        let derived = from_secret(secret);
        let lock = DraftLock {
            params,
            salt,
            check: *derived.check,
        };
        Ok((lock, derived.key))
    }

    /// Derives the key from the passphrase, or says the passphrase is wrong. Parameters out of
    /// range are refused before scrypt runs.
    pub fn unlock(&self, passphrase: &str) -> Result<DraftKey, AtRestError> {
        let secret = derive_secret(passphrase, self.params, &self.salt)?;
        self.unlock_with(&secret)
    }

    /// [`DraftLock::unlock`] from the secret [`derive_secret`] gave for this lock's parameters
    /// and salt: the key, or [`AtRestError::WrongPassphrase`] (the check value is compared in
    /// constant time).
    pub fn unlock_with(&self, secret: &[u8; 32]) -> Result<DraftKey, AtRestError> {
        let derived = from_secret(secret);
        if bool::from(derived.check.ct_eq(&self.check)) {
            Ok(derived.key)
        } else {
            Err(AtRestError::WrongPassphrase)
        }
    }

    /// This lock's salt, for [`derive_secret`].
    pub fn salt(&self) -> [u8; SALT_BYTES] {
        self.salt
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

    /// Reads a lock written by [`DraftLock::to_text`]. Parameters out of range
    /// ([`AtRestError::BadParams`], naming the field) are refused here, before any derivation.
    pub fn from_text(text: &str) -> Result<DraftLock, AtRestError> {
        let fields: Vec<&str> = text.trim().split(':').collect();
        let [prefix, log_n, r, p, salt, check] = fields[..] else {
            return Err(AtRestError::BadLock("expected six fields separated by ':'"));
        };
        if prefix != LOCK_PREFIX {
            return Err(AtRestError::BadLock("not a qkit lock of format 1"));
        }
        fn number<T: std::str::FromStr>(s: &str, what: &'static str) -> Result<T, AtRestError> {
            s.parse().map_err(|_| AtRestError::BadLock(what))
        }
        let params = KdfParams {
            log_n: number(log_n, "log_n is not a number in range")?,
            r: number(r, "r is not a number in range")?,
            p: number(p, "p is not a number in range")?,
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
