//! Target `draft`: drafts at rest. The input as a stored lock (`DraftLock::from_text`, which must
//! round-trip through `to_text`), as a sealed draft (`open_draft`, `open_draft_text`), and as a
//! plaintext sealed with `seal_draft`, which must open to the same bytes and refuse any single
//! flipped byte.

use qkit_export::at_rest::{
    open_draft, open_draft_text, seal_draft, DraftKey, DraftLock, KdfParams,
};
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
}
