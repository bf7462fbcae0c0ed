//! The stored form of one sitting. A value under `qkit.draft.<record id>` is two lines:
//!
//! 1. `{"qkit_draft":2,"rev":N}`: the only plaintext, so that another tab can tell the sitting
//!    moved on without the key;
//! 2. the sealed draft (qkit-export's `at_rest`: XChaCha20-Poly1305 under the key derived from
//!    the staff passphrase), as base64. Inside: the sitting's index entry (participant
//!    reference, programme, timepoint, state, last change) and the draft itself, as JSON.

use super::Header;
use qkit_export::at_rest::{open_draft_text, seal_draft_text, DraftKey};
use qkit_session::Draft;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// The stored-value format this qkit writes.
pub const STORED_FORMAT: u32 = 2;

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

/// The stored value for a draft at revision `rev`.
pub fn encode(
    key: &DraftKey,
    rev: u64,
    header: &Header,
    draft: &Draft,
    rng: &mut crate::browser::random::BrowserRng,
) -> String {
    // Plain data types with string keys only: serialising cannot fail.
    let inner = Zeroizing::new(
        serde_json::to_vec(&Inner { header, draft }).expect("a draft serialises to JSON"),
    );
    let outer = serde_json::to_string(&Outer {
        qkit_draft: STORED_FORMAT,
        rev,
    })
    .expect("two numbers serialise");
    format!("{outer}\n{}", seal_draft_text(key, &inner, rng))
}

/// Reads a stored value: its revision, index entry and draft, which must be sitting `id`.
pub fn decode(key: &DraftKey, id: &str, value: &str) -> Result<(u64, Header, Draft), Unreadable> {
    let damaged = |why: String| Unreadable::Damaged(why);
    let (head, body) = value
        .split_once('\n')
        .ok_or_else(|| damaged("it has no first line".into()))?;
    let outer: Outer =
        serde_json::from_str(head).map_err(|e| damaged(format!("its first line: {e}")))?;
    let (header, draft) = match outer.qkit_draft {
        STORED_FORMAT => {
            let plain = open_draft_text(key, body).map_err(|e| match e {
                qkit_export::AtRestError::OtherKey => Unreadable::OtherPassphrase,
                other => damaged(other.to_string()),
            })?;
            // from_str, never from_slice: one JSON reader for drafts keeps the app small.
            let text = std::str::from_utf8(&plain)
                .map_err(|_| damaged("the answers are not text".into()))?;
            let inner: InnerOwned =
                serde_json::from_str(text).map_err(|e| damaged(format!("the answers: {e}")))?;
            (inner.header, inner.draft)
        }
        other => {
            return Err(damaged(format!(
                "stored format {other} is not one this qkit reads ({STORED_FORMAT})"
            )))
        }
    };
    if draft.record.record_id != id {
        return Err(damaged("it names another sitting".into()));
    }
    Ok((outer.rev, header, draft))
}
