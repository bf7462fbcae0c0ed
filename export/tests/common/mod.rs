//! Helpers shared by the integration tests: seeded randomness and key pairs.

#![allow(dead_code)]

pub mod workload;

use qkit_export::{Identities, NewIdentity, Recipient};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// A deterministic cryptographic RNG.
pub fn rng(seed: u64) -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(seed)
}

/// A key pair: the identities to open with and the recipient to seal to.
pub fn keys(seed: u64) -> (Identities, Recipient) {
    let id = NewIdentity::generate(&mut rng(seed));
    let identities = Identities::parse(&id.secret_text()).expect("a generated identity parses");
    (identities, id.recipient())
}
