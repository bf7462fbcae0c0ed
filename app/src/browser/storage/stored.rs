//! The stored form of one sitting. A value under `qkit.draft.<record id>` is two lines:
//!
//! 1. `{"qkit_draft":3,"rev":N}`: the only plaintext, so that another tab can tell the sitting
//!    moved on without the key;
//! 2. the sealed draft (qkit-export's `at_rest`: XChaCha20-Poly1305 under the key derived from
//!    the staff passphrase), as base64, with `qkit sitting <id> revision <N>` bound in the
//!    associated data: a value moved to another sitting's key, or a first line edited to another
//!    revision, does not open. Inside: the sitting's index entry (participant reference,
//!    programme, timepoint, state, last change) and the draft itself, as JSON.
//!
//! Format 2 (the same without the bound context) is still read; the next change writes 3.

use super::Header;
use qkit_export::at_rest::{open_draft_text, open_draft_text_in, seal_draft_text_in, DraftKey};
use qkit_export::AtRestError;
use qkit_session::Draft;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// The stored-value format this qkit writes.
pub const STORED_FORMAT: u32 = 3;
/// The format before the sitting and revision were bound in (still read).
const UNBOUND_FORMAT: u32 = 2;

/// Line 1: the format and the revision.
#[derive(Serialize, Deserialize)]
struct Outer {
    qkit_draft: u32,
    rev: u64,
}

/// What is sealed: the index entry and the draft.
#[derive(Serialize)]
struct Inner<'a> {
    header: &'a Header,
    draft: &'a Draft,
}

#[derive(Deserialize)]
struct InnerOwned {
    header: Header,
    draft: Draft,
}

/// Why a stored value cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Sealed under another passphrase (the lock was reset since it was written).
    OtherPassphrase,
    /// Not a value this qkit can read, or damaged; the reason says how.
    Damaged(String),
}

/// The revision on line 1, if the value has a readable first line.
pub fn revision(value: &str) -> Option<u64> {
    let head = value.split_once('\n').map_or(value, |(h, _)| h);
    serde_json::from_str::<Outer>(head).ok().map(|o| o.rev)
}

/// Whether a stored value is in the bound format (written by a qkit that keeps the revision
/// index).
pub fn is_bound(value: &str) -> bool {
    let head = value.split_once('\n').map_or(value, |(h, _)| h);
    serde_json::from_str::<Outer>(head).is_ok_and(|o| o.qkit_draft == STORED_FORMAT)
}

/// What a stored value is bound to: its sitting and revision.
pub fn context(id: &str, rev: u64) -> String {
    format!("qkit sitting {id} revision {rev}")
}

/// The plaintext kept sealed: the index entry and the draft, as JSON text (also what the rescue
/// copy holds for each sitting).
pub fn inner_text(header: &Header, draft: &Draft) -> Zeroizing<String> {
    // Plain data types with string keys only: serialising cannot fail.
    Zeroizing::new(serde_json::to_string(&Inner { header, draft }).expect("a draft serialises"))
}

/// The stored value for a sitting's sealed text `inner` at revision `rev`.
pub fn encode(
    key: &DraftKey,
    id: &str,
    rev: u64,
    inner: &str,
    rng: &mut qkit_web::browser::random::BrowserRng,
) -> String {
    let outer = serde_json::to_string(&Outer {
        qkit_draft: STORED_FORMAT,
        rev,
    })
    .expect("two numbers serialise");
    let sealed = seal_draft_text_in(key, &context(id, rev), inner.as_bytes(), rng);
    format!("{outer}\n{sealed}")
}

/// Opens a stored value of sitting `id`: its revision and sealed JSON text.
pub fn open_text(
    key: &DraftKey,
    id: &str,
    value: &str,
) -> Result<(u64, Zeroizing<String>), Unreadable> {
    let damaged = |why: String| Unreadable::Damaged(why);
    let (head, body) = value
        .split_once('\n')
        .ok_or_else(|| damaged("it has no first line".into()))?;
    let outer: Outer =
        serde_json::from_str(head).map_err(|e| damaged(format!("its first line: {e}")))?;
    let plain = match outer.qkit_draft {
        STORED_FORMAT => open_draft_text_in(key, &context(id, outer.rev), body),
        UNBOUND_FORMAT => open_draft_text(key, body),
        other => {
            return Err(damaged(format!(
                "stored format {other} is not one this qkit reads ({STORED_FORMAT})"
            )))
        }
    }
    .map_err(|e| match e {
        AtRestError::OtherKey => Unreadable::OtherPassphrase,
        AtRestError::OtherPlace => damaged(
            "it was sealed for another sitting or another revision (moved, swapped or rolled back outside qkit)".into(),
        ),
        other => damaged(other.to_string()),
    })?;
    let mut plain = plain;
    // Moved out, not copied: the text is zeroed when its Zeroizing wrapper drops.
    let text = String::from_utf8(std::mem::take(&mut *plain))
        .map_err(|_| damaged("the answers are not text".into()))?;
    Ok((outer.rev, Zeroizing::new(text)))
}

/// Reads a stored value: its revision, index entry and draft, which must be sitting `id`.
pub fn decode(key: &DraftKey, id: &str, value: &str) -> Result<(u64, Header, Draft), Unreadable> {
    let (rev, text) = open_text(key, id, value)?;
    // from_str, never from_slice: one JSON reader for drafts keeps the app small.
    let inner: InnerOwned = serde_json::from_str(&text)
        .map_err(|e| Unreadable::Damaged(format!("the answers: {e}")))?;
    if inner.draft.record.record_id != id {
        return Err(Unreadable::Damaged("it names another sitting".into()));
    }
    Ok((rev, inner.header, inner.draft))
}
