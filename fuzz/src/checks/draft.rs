//! Target `draft`: drafts at rest. The input as a stored lock (`DraftLock::from_text`, which must
//! round-trip through `to_text`), as a sealed draft of either format (`open_draft`,
//! `open_draft_text`, `open_draft_in`), and as a plaintext sealed with `seal_draft` and
//! `seal_draft_in`, which must open to the same bytes (the bound one only in its own place) and
//! refuse any single flipped byte.

use qkit_export::at_rest::{
    open_draft, open_draft_in, open_draft_text, seal_draft, seal_draft_in, DraftKey, DraftLock,
    KdfParams,
};
use qkit_export::AtRestError;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use std::sync::OnceLock;

/// A draft key from cheap scrypt parameters, derived once per process.
pub fn key() -> &'static DraftKey {
    static KEY: OnceLock<DraftKey> = OnceLock::new();
    KEY.get_or_init(|| {
        let cheap = KdfParams {
            log_n: 10,
            r: 8,
            p: 1,
        };
        DraftLock::create("fuzz", cheap, &mut ChaCha20Rng::seed_from_u64(1))
            .expect("valid parameters")
            .1
    })
}

/// The place the bound drafts of this check are sealed for.
pub const PLACE: &str = "qkit sitting fuzz revision 1";

/// Reads the input as a lock and as a draft; seals it and opens it again.
pub fn check(data: &[u8]) {
    let text = super::text(data);
    match DraftLock::from_text(&text) {
        Ok(lock) => assert_eq!(DraftLock::from_text(&lock.to_text()), Ok(lock)),
        Err(e) => super::assert_message(&e, None),
    }
    if let Err(e) = open_draft(key(), data) {
        super::assert_message(&e, None);
    }
    if let Err(e) = open_draft_text(key(), &text) {
        super::assert_message(&e, None);
    }
    if let Err(e) = open_draft_in(key(), PLACE, data) {
        super::assert_message(&e, None);
    }
    let mut rng = ChaCha20Rng::seed_from_u64(data.len() as u64);
    let mut sealed = seal_draft(key(), data, &mut rng);
    assert_eq!(
        open_draft(key(), &sealed)
            .expect("a sealed draft opens")
            .as_slice(),
        data
    );
    let at = data.first().map_or(0, |&b| usize::from(b)) % sealed.len();
    sealed[at] ^= 1 << (data.len() % 8);
    assert!(
        open_draft(key(), &sealed).is_err(),
        "a draft with byte {at} flipped opens"
    );
    let mut rng = ChaCha20Rng::seed_from_u64(!(data.len() as u64));
    let mut bound = seal_draft_in(key(), PLACE, data, &mut rng);
    assert_eq!(
        open_draft_in(key(), PLACE, &bound)
            .expect("a bound draft opens in its place")
            .as_slice(),
        data
    );
    assert_eq!(
        open_draft_in(key(), "qkit sitting fuzz revision 0", &bound),
        Err(AtRestError::OtherPlace)
    );
    let at = data.last().map_or(0, |&b| usize::from(b)) % bound.len();
    bound[at] ^= 1 << (data.len() % 8);
    assert!(
        open_draft_in(key(), PLACE, &bound).is_err(),
        "a bound draft with byte {at} flipped opens"
    );
}
