//! Sealed drafts: opened with the key of the same passphrase, the plaintext hidden, a wrong
//! passphrase told apart from damage, each kind of bad draft named, and legacy drafts.

use super::*;

#[test]
fn a_draft_opens_with_the_key_of_the_same_passphrase() {
    let (stored, key) = lock("correct horse", 1);
    let mut rng = ChaCha20Rng::seed_from_u64(2);
    let sealed = seal_draft(&key, b"{\"answers\": []}", &mut rng);
    let reopened = stored.unlock("correct horse").expect("right passphrase");
    assert_eq!(
        open_draft(&reopened, &sealed).expect("opens").as_slice(),
        b"{\"answers\": []}"
    );
    let text = seal_draft_text(&key, b"", &mut rng);
    assert_eq!(
        open_draft_text(&reopened, &text).expect("opens").as_slice(),
        b""
    );
}

#[test]
fn the_plaintext_does_not_appear_in_the_sealed_draft() {
    let (_, key) = lock("pw", 3);
    let sealed = seal_draft(
        &key,
        b"bis11_05 answered 4",
        &mut ChaCha20Rng::seed_from_u64(4),
    );
    assert!(!sealed.windows(8).any(|w| w == b"answered"));
}

#[test]
fn a_wrong_passphrase_is_told_apart_from_a_corrupted_draft() {
    let (stored, key) = lock("right", 5);
    assert!(matches!(
        stored.unlock("wrong"),
        Err(AtRestError::WrongPassphrase)
    ));
    let mut sealed = seal_draft(&key, b"draft", &mut ChaCha20Rng::seed_from_u64(6));
    let last = sealed.len() - 1;
    sealed[last] ^= 1;
    assert_eq!(
        open_draft(&key, &sealed).unwrap_err(),
        AtRestError::Corrupted
    );
}

#[test]
fn each_kind_of_bad_draft_has_its_own_error() {
    let (_, key) = lock("a", 7);
    let (_, other) = lock("b", 8);
    let sealed = seal_draft(&key, b"draft", &mut ChaCha20Rng::seed_from_u64(9));
    assert_eq!(
        open_draft(&other, &sealed).unwrap_err(),
        AtRestError::OtherKey
    );
    assert_eq!(open_draft(&key, b"").unwrap_err(), AtRestError::NotADraft);
    assert_eq!(
        open_draft(&key, b"{\"a\":1}").unwrap_err(),
        AtRestError::NotADraft
    );
    let mut newer = sealed.clone();
    newer[5] = 3;
    assert_eq!(
        open_draft(&key, &newer).unwrap_err(),
        AtRestError::UnsupportedVersion(3)
    );
    assert_eq!(
        open_draft(&key, &sealed[..30]).unwrap_err(),
        AtRestError::Corrupted
    );
    let mut relabelled = sealed.clone();
    relabelled[PREFIX_BYTES + NONCE_BYTES] ^= 0x80;
    assert_eq!(
        open_draft(&key, &relabelled).unwrap_err(),
        AtRestError::Corrupted
    );
    assert_eq!(
        open_draft_text(&key, "not base64!").unwrap_err(),
        AtRestError::NotADraft
    );
}

#[test]
fn a_legacy_draft_still_opens() {
    let (stored, key) = lock("pw", 28);
    let legacy = seal_draft_text(&key, b"written before", &mut ChaCha20Rng::seed_from_u64(29));
    let key = stored.unlock("pw").expect("right passphrase");
    assert_eq!(
        open_draft_text(&key, &legacy).expect("opens").as_slice(),
        b"written before"
    );
}
