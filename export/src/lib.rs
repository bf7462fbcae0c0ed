//! qkit-export: the versioned result record, its validation against the kit, and its age
//! encryption. A finished battery leaves the device only as a sealed record.
//!
//! - [`ResultRecord`] ([`record`]): one participant's battery at one timepoint; JSON via
//!   [`ResultRecord::to_json`] and [`ResultRecord::from_json`].
//! - [`validate_record`]: the record fits the kit, and re-scoring it gives its reports exactly.
//! - [`seal_record`] / [`seal`]: the age v1 format (X25519 recipients), written with small
//!   RustCrypto crates so the participant's browser stays light. [`Recipient`] parses `age1…`.
//! - [`open()`] / [`open_any`] / [`decrypt`] (feature `open`, assessor side): through the
//!   reference `age` crate, with [`Identities`] from `age-keygen` text or a passphrase-protected identity file.
//! - [`at_rest`]: drafts encrypted on the device under a staff passphrase (scrypt, XChaCha20-Poly1305).
//! - [`rescue`]: every sitting stored on a device, sealed to the team in one file
//!   ([`seal_rescue`]), read back as records, most of them unfinished ([`read_rescue`]).
//! - [`RecordSet`]: records opened together, one in use per participant, programme and timepoint
//!   (the same record twice is counted once, a different one kept beside it until the assessor
//!   chooses); [`scores_csv()`] writes those in use as the scores CSV.
//! - [`device`]: the laptop's device id a record carries (`K7QD-2MXA`), made from random bytes.
//! - [`check_reference`]: the participant reference rule, the same for the start form, sealing
//!   and opening.
//! - [`file_name()`][file_name()] gives `qkit-<ref>-<programme>-<timepoint>-<date>.age`.
//!
//! Randomness and time are parameters, so everything here is deterministic under test.
//!
//! ```
//! use qkit_export::{seal_bytes, NewIdentity, Recipient};
//! use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};
//!
//! let mut rng = ChaCha20Rng::seed_from_u64(7); // in the app: the browser's CSPRNG
//! let assessor = NewIdentity::generate(&mut rng);
//! let recipient: Recipient = assessor.recipient().to_string().parse().expect("age1… text");
//! let sealed = seal_bytes(b"{\"format\":1}", &[recipient], &mut rng).expect("one recipient");
//! assert!(sealed.starts_with(b"age-encryption.org/v1\n-> X25519 "));
//! # #[cfg(feature = "open")] {
//! let identities = qkit_export::Identities::parse(&assessor.secret_text()).expect("identity");
//! let plain = qkit_export::decrypt(&sealed, &identities).expect("opens");
//! assert_eq!(plain.as_slice(), b"{\"format\":1}");
//! # }
//! ```

pub mod analysis;
pub mod at_rest;
pub mod device;
pub mod error;
pub mod file_name;
mod json;
pub mod keys;
#[cfg(feature = "open")]
pub mod open;
pub mod record;
pub mod record_set;
pub mod reference;
pub mod rescue;
pub mod scores_csv;
pub mod seal;
pub mod time;
mod validate;

pub use error::{
    AtRestError, IdentityError, OpenError, Part, RecipientError, RecordError, RecordErrorKind,
    SealError,
};
pub use file_name::{file_name, sealed_file_name};
pub use keys::{NewIdentity, Recipient};
#[cfg(feature = "open")]
pub use open::{decrypt, open, open_any, Identities, Opened};
pub use record::*;
pub use record_set::{Added, Imported, RecordSet};
pub use reference::{check_reference, ReferenceError};
pub use rescue::{is_rescue, is_rescue_code, read_rescue, rescue_code, seal_rescue, Rescued};
pub use scores_csv::{scores_csv, ScoresCsv};
pub use seal::{seal, seal_bytes, seal_record};
pub use time::Timestamp;
pub use validate::validate_record;
