//! Files from our `seal` open with the reference `age` crate, at every chunk boundary, for every
//! recipient, and never for anyone else.

#![cfg(all(feature = "open", not(target_arch = "wasm32")))]

mod common;

use common::{keys, rng};
use qkit_export::{decrypt, seal_bytes, OpenError, SealError};
use std::io::Read;
use std::str::FromStr;

/// Opens with the `age` crate directly (not through qkit's `open`).
fn age_crate_opens(sealed: &[u8], secret: &str) -> Vec<u8> {
    let identity = age::x25519::Identity::from_str(secret).expect("identity");
    let decryptor = age::Decryptor::new(sealed).expect("the age crate reads our header");
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .expect("the age crate finds its stanza");
    let mut out = Vec::new();
    reader
        .read_to_end(&mut out)
        .expect("the age crate reads our payload");
    out
}

#[test]
fn every_chunk_boundary_opens_with_the_age_crate() {
    let id = qkit_export::NewIdentity::generate(&mut rng(1));
    let secret = id.secret_text();
    const K: usize = 64 * 1024;
    for size in [0, 1, 100, K - 1, K, K + 1, 2 * K, 2 * K + 17] {
        let plaintext: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
        let sealed = seal_bytes(&plaintext, &[id.recipient()], &mut rng(size as u64)).unwrap();
        assert_eq!(age_crate_opens(&sealed, &secret), plaintext, "size {size}");
    }
}

#[test]
fn the_payload_has_one_chunk_per_64_kib_and_an_empty_chunk_only_when_empty() {
    let (_, recipient) = keys(2);
    let header_len = |sealed: &[u8]| {
        let end = sealed.windows(4).position(|w| w == b"\n---").unwrap();
        end + sealed[end + 1..].iter().position(|&b| b == b'\n').unwrap() + 2
    };
    const K: usize = 64 * 1024;
    for (size, chunks) in [(0, 1), (1, 1), (K, 1), (K + 1, 2), (3 * K, 3)] {
        let sealed = seal_bytes(
            &vec![0; size],
            std::slice::from_ref(&recipient),
            &mut rng(3),
        )
        .unwrap();
        let payload = sealed.len() - header_len(&sealed) - 16;
        assert_eq!(payload, size + 16 * chunks, "size {size}");
    }
}

#[test]
fn each_of_several_recipients_can_open_and_no_one_else() {
    let (a_ids, a) = keys(10);
    let (b_ids, b) = keys(11);
    let (c_ids, _) = keys(12);
    let sealed = seal_bytes(b"both of us", &[a, b], &mut rng(13)).unwrap();
    assert_eq!(sealed.windows(9).filter(|w| w == b"-> X25519").count(), 2);
    for ids in [&a_ids, &b_ids] {
        assert_eq!(decrypt(&sealed, ids).unwrap().as_slice(), b"both of us");
    }
    assert_eq!(
        decrypt(&sealed, &c_ids).unwrap_err(),
        OpenError::NoMatchingKey
    );
}

#[test]
fn sealing_needs_a_usable_recipient() {
    assert_eq!(
        seal_bytes(b"x", &[], &mut rng(20)),
        Err(SealError::NoRecipients)
    );
    // The all-zero point gives an all-zero shared secret whatever the ephemeral key.
    let zero =
        bech32::encode::<bech32::Bech32>(bech32::Hrp::parse("age").unwrap(), &[0u8; 32]).unwrap();
    let zero = zero.parse().expect("32 bytes is a well-formed recipient");
    assert!(matches!(
        seal_bytes(b"x", &[zero], &mut rng(21)),
        Err(SealError::LowOrderRecipient(_))
    ));
}

#[test]
fn the_same_seed_gives_the_same_file_and_another_seed_another() {
    let (_, r) = keys(30);
    let one = seal_bytes(b"record", std::slice::from_ref(&r), &mut rng(31)).unwrap();
    assert_eq!(
        one,
        seal_bytes(b"record", std::slice::from_ref(&r), &mut rng(31)).unwrap()
    );
    assert_ne!(one, seal_bytes(b"record", &[r], &mut rng(32)).unwrap());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    #[test]
    fn any_plaintext_round_trips_through_the_age_crate(
        plaintext in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..140_000),
        seed in 0u64..1000,
        n_recipients in 1usize..4,
    ) {
        let ids: Vec<_> = (0..n_recipients).map(|i| qkit_export::NewIdentity::generate(&mut rng(seed * 10 + i as u64))).collect();
        let recipients: Vec<_> = ids.iter().map(|i| i.recipient()).collect();
        let sealed = seal_bytes(&plaintext, &recipients, &mut rng(seed)).unwrap();
        for id in &ids {
            proptest::prop_assert_eq!(&age_crate_opens(&sealed, &id.secret_text()), &plaintext);
        }
    }
}
