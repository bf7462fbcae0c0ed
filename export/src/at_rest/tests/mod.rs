//! Tests of drafts at rest: both formats, the lock and its bounds, and the key's tags. This
//! module holds what the test modules share: cheap scrypt parameters and a lock made with them.

use super::*;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

mod bound;
mod drafts;
mod passphrase;

/// Cheap parameters so the tests run fast, debug builds and wasm included.
const FAST: KdfParams = KdfParams {
    log_n: 10,
    r: 8,
    p: 1,
};

fn lock(passphrase: &str, seed: u64) -> (DraftLock, DraftKey) {
    DraftLock::create(passphrase, FAST, &mut ChaCha20Rng::seed_from_u64(seed)).expect("valid")
}
