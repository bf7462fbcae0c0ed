//! Target `seal_roundtrip` (differential): the input sealed by qkit's own age writer
//! (`seal_bytes`, RustCrypto primitives) to one, two or three recipients (the first byte picks
//! how many), then decrypted through the reference `age` crate with each recipient's identity,
//! must give the input back; an identity that is not a recipient must get "no matching key".

use qkit_export::{decrypt, seal_bytes, Identities, NewIdentity, OpenError, Recipient};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use std::sync::OnceLock;

/// Three fixed identities and their recipients, made once per process.
fn people() -> &'static [(Recipient, Identities)] {
    static PEOPLE: OnceLock<Vec<(Recipient, Identities)>> = OnceLock::new();
    PEOPLE.get_or_init(|| {
        (0..3)
            .map(|seed| {
                let id = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(seed));
                let identities = Identities::parse(&id.secret_text()).expect("a new identity");
                (id.recipient(), identities)
            })
            .collect()
    })
}

/// Seals the input and opens it with the age crate.
pub fn check(data: &[u8]) {
    let (which, plain) = super::selector(data);
    let n = 1 + usize::from(which) % 3;
    let people = people();
    let recipients: Vec<Recipient> = people[..n].iter().map(|(r, _)| r.clone()).collect();
    let mut rng = ChaCha20Rng::seed_from_u64(u64::from(which) << 32 | plain.len() as u64);
    let sealed = seal_bytes(plain, &recipients, &mut rng).expect("sealing to recipients works");
    for (_, identities) in &people[..n] {
        let opened = decrypt(&sealed, identities).expect("a recipient opens what qkit seals");
        assert_eq!(opened.as_slice(), plain);
    }
    if let Some((_, outsider)) = people.get(n) {
        assert!(matches!(
            decrypt(&sealed, outsider),
            Err(OpenError::NoMatchingKey)
        ));
    }
}
