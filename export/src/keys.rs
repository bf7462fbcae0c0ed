//! age X25519 keys in their text forms: recipients (`age1…`, bech32, public) and newly generated
//! identities (`AGE-SECRET-KEY-1…`, secret) written the way `age-keygen` writes them.

use crate::error::RecipientError;
use crate::time::Timestamp;
use bech32::primitives::decode::CheckedHrpstring;
use bech32::{Bech32, Hrp};
use rand_core::CryptoRngCore;
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::Zeroizing;

/// Human-readable part of a recipient.
const RECIPIENT_HRP: Hrp = Hrp::parse_unchecked("age");
/// Human-readable part of an identity (written uppercase).
const IDENTITY_HRP: Hrp = Hrp::parse_unchecked("age-secret-key-");

/// An assessor's public key: files sealed to it open only with the matching identity.
#[derive(Clone, PartialEq, Eq)]
pub struct Recipient(PublicKey);

impl Recipient {
    /// The raw X25519 public key.
    pub(crate) fn public_key(&self) -> &PublicKey {
        &self.0
    }

    /// A short fingerprint for staff to read aloud and compare with the assessor team's:
    /// the first 8 bytes of SHA-256 of the `age1…` text, as four groups of four hex digits.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.to_string().as_bytes());
        let hex: Vec<String> = digest[..8]
            .chunks(2)
            .map(|pair| format!("{:02X}{:02X}", pair[0], pair[1]))
            .collect();
        hex.join("-")
    }
}

impl FromStr for Recipient {
    type Err = RecipientError;

    /// Parses `age1…` (surrounding whitespace is ignored).
    fn from_str(s: &str) -> Result<Recipient, RecipientError> {
        let s = s.trim();
        let shown = || match s.char_indices().nth(12) {
            Some((end, _)) => format!("{}…", &s[..end]),
            None => s.to_owned(),
        };
        // Bech32 (not Bech32m), one case throughout, zero padding bits: as age requires.
        let parsed =
            CheckedHrpstring::new::<Bech32>(s).map_err(|_| RecipientError::NotBech32(shown()))?;
        let hrp = parsed.hrp().to_lowercase();
        if hrp != RECIPIENT_HRP.as_str() {
            return Err(RecipientError::WrongKind(hrp));
        }
        parsed
            .validate_segwit_padding()
            .map_err(|_| RecipientError::NotBech32(shown()))?;
        let key: [u8; 32] = parsed
            .byte_iter()
            .collect::<Vec<u8>>()
            .try_into()
            .map_err(|_| RecipientError::WrongLength(shown()))?;
        Ok(Recipient(PublicKey::from(key)))
    }
}

impl fmt::Display for Recipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        bech32::encode_lower_to_fmt::<Bech32, _>(f, RECIPIENT_HRP, self.0.as_bytes())
            .map_err(|_| fmt::Error)
    }
}

impl fmt::Debug for Recipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Recipient({self})")
    }
}

/// A newly generated identity (secret key). It is only ever written out, for the assessor to
/// keep; reading identities back is [`crate::open`]'s job (feature `open`).
pub struct NewIdentity(StaticSecret);

impl NewIdentity {
    /// Generates a fresh X25519 identity from a cryptographic RNG.
    pub fn generate<R: CryptoRngCore + ?Sized>(rng: &mut R) -> NewIdentity {
        NewIdentity(StaticSecret::random_from_rng(rng))
    }

    /// The recipient (public key) that files for this identity are sealed to.
    pub fn recipient(&self) -> Recipient {
        Recipient(PublicKey::from(&self.0))
    }

    /// The identity as `AGE-SECRET-KEY-1…`, zeroed when dropped.
    pub fn secret_text(&self) -> Zeroizing<String> {
        let bytes = Zeroizing::new(self.0.to_bytes());
        Zeroizing::new(
            bech32::encode_upper::<Bech32>(IDENTITY_HRP, bytes.as_slice())
                .expect("32 bytes fit well within a bech32 string"),
        )
    }

    /// The identity file as `age-keygen` writes it: a creation comment, the public key comment,
    /// the secret line.
    pub fn file_text(&self, created: Timestamp) -> Zeroizing<String> {
        Zeroizing::new(format!(
            "# created: {}\n# public key: {}\n{}\n",
            created.rfc3339_seconds(),
            self.recipient(),
            self.secret_text().as_str()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::rand_core::SeedableRng;
    use rand_chacha::ChaCha20Rng;

    #[test]
    fn a_recipient_round_trips_through_its_text() {
        let id = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(1));
        let text = id.recipient().to_string();
        assert!(text.starts_with("age1") && text.len() == 62, "{text}");
        assert_eq!(text.parse::<Recipient>(), Ok(id.recipient()));
        assert_eq!(
            format!(" {text}\n").parse::<Recipient>(),
            Ok(id.recipient())
        );
    }

    #[test]
    fn identities_are_written_as_age_keygen_writes_them() {
        let id = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(2));
        let file = id.file_text(Timestamp(1_795_432_500_123));
        let lines: Vec<&str> = file.lines().collect();
        assert_eq!(lines[0], "# created: 2026-11-23T11:15:00Z");
        assert_eq!(lines[1], format!("# public key: {}", id.recipient()));
        assert!(lines[2].starts_with("AGE-SECRET-KEY-1") && lines[2].len() == 74);
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn fingerprints_are_short_and_tell_keys_apart() {
        let a = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(3)).recipient();
        let b = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(4)).recipient();
        assert_eq!(a.fingerprint().len(), 19);
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert_eq!(a.fingerprint(), a.clone().fingerprint());
    }

    #[test]
    fn other_strings_are_not_recipients() {
        let id = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(5));
        let secret = id.secret_text();
        assert_eq!(
            secret.parse::<Recipient>(),
            Err(RecipientError::WrongKind("age-secret-key-".into()))
        );
        // A pasted identity, whole or mistyped, never reaches an error message.
        let mut typo = secret.to_string();
        typo.replace_range(20..21, "!");
        for pasted in [secret.as_str(), typo.as_str()] {
            let message = pasted.parse::<Recipient>().unwrap_err().to_string();
            assert!(!message.contains(&pasted[12..]), "{message}");
        }
        for s in [
            "",
            "age1",
            "hello",
            "age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
        ] {
            assert!(s.parse::<Recipient>().is_err(), "{s}");
        }
        // Bech32m and mixed case are not age recipients; all upper case is.
        let key = [9u8; 32];
        let m = bech32::encode::<bech32::Bech32m>(RECIPIENT_HRP, &key).unwrap();
        assert!(matches!(
            m.parse::<Recipient>(),
            Err(RecipientError::NotBech32(_))
        ));
        let text = bech32::encode::<Bech32>(RECIPIENT_HRP, &key).unwrap();
        let mixed = text.replacen('a', "A", 1);
        assert!(mixed.parse::<Recipient>().is_err());
        assert_eq!(
            text.to_uppercase().parse::<Recipient>(),
            text.parse::<Recipient>()
        );
        let short = bech32::encode::<Bech32>(RECIPIENT_HRP, &[1u8; 31]).unwrap();
        assert!(matches!(
            short.parse::<Recipient>(),
            Err(RecipientError::WrongLength(_))
        ));
    }
}
