//! The timed work shared by the native benchmark (`benches/seal.rs`) and the browser one
//! (`tests/wasm_bench.rs`). Each function runs its work and returns a value so nothing is
//! optimised away; the caller times it with its platform's clock.

#![allow(dead_code)]

use qkit_export::at_rest::{open_draft, seal_draft, DraftLock, KdfParams};
use qkit_export::{decrypt, seal, Identities, NewIdentity, Recipient, ResultRecord};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// The example record shipped in the docs: a real TSP pre battery.
pub const RECORD: &str = include_str!("../../../docs/examples/record.json");

pub struct Setup {
    pub record: ResultRecord,
    pub recipients: Vec<Recipient>,
    pub identities: Identities,
    pub rng: ChaCha20Rng,
}

pub fn setup() -> Setup {
    let mut rng = ChaCha20Rng::seed_from_u64(1);
    let a = NewIdentity::generate(&mut rng);
    let b = NewIdentity::generate(&mut rng);
    Setup {
        record: ResultRecord::from_json(RECORD.as_bytes()).expect("the example parses"),
        identities: Identities::parse(&a.secret_text()).expect("identity"),
        recipients: vec![a.recipient(), b.recipient()],
        rng,
    }
}

/// Seals the record to two recipients `n` times; returns the bytes written.
pub fn seal_n(s: &mut Setup, n: usize) -> usize {
    (0..n)
        .map(|_| {
            seal(&s.record, &s.recipients, &mut s.rng)
                .expect("seals")
                .len()
        })
        .sum()
}

/// Opens a sealed record `n` times (the assessor side, through the age crate).
pub fn open_n(s: &mut Setup, n: usize) -> usize {
    let sealed = seal(&s.record, &s.recipients, &mut s.rng).expect("seals");
    (0..n)
        .map(|_| decrypt(&sealed, &s.identities).expect("opens").len())
        .sum()
}

/// A draft lock with `params` (setting it up costs one scrypt too).
pub fn lock(params: KdfParams) -> DraftLock {
    let mut rng = ChaCha20Rng::seed_from_u64(2);
    DraftLock::create("staff passphrase", params, &mut rng)
        .expect("valid parameters")
        .0
}

/// Unlocks the lock: the scrypt cost a member of staff waits for once per unlock.
pub fn unlock(lock: &DraftLock) -> bool {
    lock.unlock("staff passphrase").is_ok()
}

/// Seals and opens the record as a draft `n` times.
pub fn draft_n(s: &mut Setup, n: usize) -> usize {
    let mut rng = ChaCha20Rng::seed_from_u64(3);
    let (_, key) = DraftLock::create(
        "pw",
        KdfParams {
            log_n: 10,
            r: 8,
            p: 1,
        },
        &mut rng,
    )
    .expect("valid");
    let json = s.record.to_json().expect("json");
    (0..n)
        .map(|_| {
            let sealed = seal_draft(&key, &json, &mut rng);
            open_draft(&key, &sealed).expect("opens").len()
        })
        .sum()
}
