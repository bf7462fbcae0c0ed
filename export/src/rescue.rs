//! Rescue files: every sitting stored on a device, sealed to the assessment team in one age file,
//! so that nothing is lost when staff forget the passphrase or the sittings must be removed.
//!
//! The plaintext is `{"qkit_rescue":1,"sittings":[S1,S2,…]}`, where each `S` is a sitting exactly
//! as the app stores it inside its sealed draft: `{"header":{…},"draft":{…}}`, embedded verbatim.
//! Sealing ([`seal_rescue`]) is the same age encryption as a record's ([`crate::seal_bytes`]) and
//! needs no JSON reader, so the participant's build carries nothing more than string joining.
//!
//! Reading ([`read_rescue`]) takes only `draft.record` of each sitting (a [`ResultRecord`] as
//! exported) and ignores everything else. Most rescued records are unfinished: answers so far,
//! no reports, no `completed_at`. Each sitting is read on its own, so one damaged sitting does
//! not cost the others; its error's path says which sitting it is
//! (`$.sittings[1].draft.record.questionnaires[2]…`). [`crate::open::open_any`] then checks
//! each against the kit.

use crate::error::{RecordError, RecordErrorKind, SealError};
use crate::keys::Recipient;
use crate::record::ResultRecord;
use crate::seal::seal_bytes;
use rand_core::CryptoRngCore;
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::Value;
use zeroize::Zeroizing;

/// The rescue format this qkit writes and reads.
pub const RESCUE_FORMAT: u32 = 1;

/// What a rescue file held: each sitting's record, or why that sitting cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Rescued {
    /// In the file's order.
    pub sittings: Vec<Result<ResultRecord, RecordError>>,
}

/// Seals the stored sittings (each the app's `{"header":…,"draft":…}` JSON text, embedded
/// verbatim) to the recipients as one age file. The caller guarantees each is a JSON object; a
/// text that does not even look like one is refused ([`SealError::NotASitting`]) rather than
/// making the whole file unreadable. No sittings is allowed: the file then says so.
pub fn seal_rescue<R: CryptoRngCore + ?Sized>(
    sittings: &[&str],
    recipients: &[Recipient],
    rng: &mut R,
) -> Result<Vec<u8>, SealError> {
    let mut plain = Zeroizing::new(Vec::with_capacity(
        64 + sittings.iter().map(|s| s.len() + 1).sum::<usize>(),
    ));
    plain.extend_from_slice(format!("{{\"qkit_rescue\":{RESCUE_FORMAT},\"sittings\":[").as_bytes());
    for (index, sitting) in sittings.iter().enumerate() {
        let s = sitting.trim();
        if !(s.starts_with('{') && s.ends_with('}')) {
            return Err(SealError::NotASitting { index });
        }
        if index > 0 {
            plain.push(b',');
        }
        plain.extend_from_slice(s.as_bytes());
    }
    plain.extend_from_slice(b"]}");
    seal_bytes(&plain, recipients, rng)
}

/// A rescue file's code: the first 4 bytes of the SHA-256 of the whole file, as two groups of
/// hex ("3F9A-0C12"). The assessor area and `qkit decrypt` show it when they open the file; staff
/// type it on the laptop to remove the copy kept there, which proves the team has that very file
/// (a person at the keyboard cannot see it: the laptop cannot open the file).
pub fn rescue_code(file: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(file);
    let hex: String = digest[..4].iter().map(|b| format!("{b:02X}")).collect();
    format!("{}-{}", &hex[..4], &hex[4..])
}

/// Whether `typed` is `code`, ignoring case, spaces and dashes.
pub fn is_rescue_code(typed: &str, code: &str) -> bool {
    let plain = |t: &str| -> String {
        t.chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    !typed.trim().is_empty() && plain(typed) == plain(code)
}

/// The one key that tells a rescue file from a record.
#[derive(Deserialize)]
struct Probe {
    qkit_rescue: Option<IgnoredAny>,
}

/// Whether a decrypted plaintext is a rescue file (a JSON object with `qkit_rescue`) rather than
/// a record.
pub fn is_rescue(plaintext: &[u8]) -> bool {
    std::str::from_utf8(plaintext)
        .ok()
        .and_then(|text| serde_json::from_str::<Probe>(text).ok())
        .is_some_and(|p| p.qkit_rescue.is_some())
}

/// The file's shape: the format, and the sittings still as JSON.
#[derive(Deserialize)]
struct File {
    qkit_rescue: Value,
    sittings: Vec<Value>,
}

/// Reads a rescue file's plaintext: each sitting's `draft.record`, structure only (see
/// [`crate::open::open_any`] for the checks against the kit). The whole file fails only when it
/// is not a rescue file of this format; a sitting that cannot be read is an `Err` in its place.
pub fn read_rescue(plaintext: &[u8]) -> Result<Rescued, RecordError> {
    let at_root = |kind| RecordError::new("$", kind);
    let text = std::str::from_utf8(plaintext).map_err(|_| at_root(RecordErrorKind::NotText))?;
    let file: File = serde_json::from_str(text).map_err(|e| {
        at_root(RecordErrorKind::Json(format!(
            "{e}: this is not a qkit rescue file"
        )))
    })?;
    if file.qkit_rescue.as_u64() != Some(RESCUE_FORMAT.into()) {
        return Err(RecordError::new(
            "$.qkit_rescue",
            RecordErrorKind::UnsupportedFormat {
                found: file.qkit_rescue.to_string(),
                supported: RESCUE_FORMAT,
            },
        ));
    }
    let sittings = file
        .sittings
        .iter()
        .enumerate()
        .map(|(i, sitting)| read_sitting(i, sitting))
        .collect();
    Ok(Rescued { sittings })
}

/// One sitting's `draft.record`, with errors placed inside the rescue file.
fn read_sitting(i: usize, sitting: &Value) -> Result<ResultRecord, RecordError> {
    let Some(record) = sitting.get("draft").and_then(|d| d.get("record")) else {
        return Err(RecordError::new(
            format!("$.sittings[{i}]"),
            RecordErrorKind::Json("no draft.record: this is not a stored sitting".into()),
        ));
    };
    let json = serde_json::to_vec(record).map_err(|e| {
        RecordError::new(
            format!("$.sittings[{i}].draft.record"),
            RecordErrorKind::Json(e.to_string()),
        )
    })?;
    ResultRecord::from_json(&json).map_err(|e| in_sitting(i, e))
}

/// A record's error, with its path moved under sitting `i` of the rescue file.
pub(crate) fn in_sitting(i: usize, e: RecordError) -> RecordError {
    let rest = e.path.strip_prefix('$').unwrap_or(&e.path);
    RecordError {
        path: format!("$.sittings[{i}].draft.record{rest}"),
        kind: e.kind,
    }
}

#[cfg(test)]
mod tests;
