//! Drafts bound to their place (sitting and revision): opened only there, an older revision put
//! back named as such, tampering refused; and the key's tags.

use super::*;

/// The context the app passes for sitting `id` at revision `rev`.
fn place(id: &str, rev: u64) -> String {
    format!("qkit sitting {id} revision {rev}")
}

#[test]
fn a_bound_draft_opens_only_in_its_place() {
    let (stored, key) = lock("pw", 20);
    let mut rng = ChaCha20Rng::seed_from_u64(21);
    let here = place("r1", 7);
    let sealed = seal_draft_in(&key, &here, b"{\"answers\": [1]}", &mut rng);
    let key = stored.unlock("pw").expect("right passphrase");
    assert_eq!(
        open_draft_in(&key, &here, &sealed)
            .expect("opens")
            .as_slice(),
        b"{\"answers\": [1]}"
    );
    for elsewhere in [
        place("r2", 7),
        place("r1", 8),
        place("r1", 6),
        String::new(),
    ] {
        assert_eq!(
            open_draft_in(&key, &elsewhere, &sealed).unwrap_err(),
            AtRestError::OtherPlace,
            "{elsewhere}"
        );
    }
    let text = seal_draft_text_in(&key, &here, b"x", &mut rng);
    assert_eq!(
        open_draft_text_in(&key, &here, &text)
            .expect("opens")
            .as_slice(),
        b"x"
    );
    assert_eq!(
        open_draft_text_in(&key, &place("r1", 6), &text).unwrap_err(),
        AtRestError::OtherPlace
    );
}

#[test]
fn an_older_revision_put_back_is_named_as_such() {
    let (_, key) = lock("pw", 22);
    let mut rng = ChaCha20Rng::seed_from_u64(23);
    let old = seal_draft_text_in(&key, &place("r1", 3), b"three answers", &mut rng);
    let new = seal_draft_text_in(&key, &place("r1", 4), b"four answers", &mut rng);
    assert!(open_draft_text_in(&key, &place("r1", 4), &new).is_ok());
    // Rolled back: the revision line says 4 but the value is revision 3's.
    assert_eq!(
        open_draft_text_in(&key, &place("r1", 4), &old).unwrap_err(),
        AtRestError::OtherPlace
    );
}

#[test]
fn a_bound_draft_refuses_tampering_and_another_key() {
    let (_, key) = lock("a", 24);
    let (_, other) = lock("b", 25);
    let here = place("r1", 1);
    let sealed = seal_draft_in(&key, &here, b"draft", &mut ChaCha20Rng::seed_from_u64(26));
    assert_eq!(
        open_draft_in(&other, &here, &sealed).unwrap_err(),
        AtRestError::OtherKey
    );
    // Any flipped byte after the key id: the context tag, the nonce or the ciphertext.
    for at in PREFIX_BYTES..sealed.len() {
        let mut bad = sealed.clone();
        bad[at] ^= 0x01;
        let e = open_draft_in(&key, &here, &bad).unwrap_err();
        let expected = if at < BOUND_PREFIX_BYTES {
            AtRestError::OtherPlace
        } else {
            AtRestError::Corrupted
        };
        assert_eq!(e, expected, "byte {at}");
    }
    assert_eq!(
        open_draft_in(&key, &here, &sealed[..BOUND_PREFIX_BYTES + 30]).unwrap_err(),
        AtRestError::Corrupted
    );
    // Each format through the other's function is named, not mistaken for damage.
    assert_eq!(open_draft(&key, &sealed).unwrap_err(), AtRestError::Bound);
    let legacy = seal_draft(&key, b"draft", &mut ChaCha20Rng::seed_from_u64(27));
    assert_eq!(
        open_draft_in(&key, &here, &legacy).unwrap_err(),
        AtRestError::Unbound
    );
}

#[test]
fn a_tag_fails_for_a_changed_byte_another_purpose_or_another_key() {
    let (stored, key) = lock("pw", 30);
    let (_, other) = lock("other", 31);
    let keys = b"age1abc\nage1def";
    let tag = key.tag("accepted keys", keys);
    assert_eq!(tag.len(), 43, "{tag}");
    let again = stored.unlock("pw").expect("right passphrase");
    assert!(again.verify("accepted keys", keys, &tag));
    let mut changed = keys.to_vec();
    changed[3] ^= 1;
    assert!(!key.verify("accepted keys", &changed, &tag));
    assert!(!key.verify("lock", keys, &tag));
    assert!(!other.verify("accepted keys", keys, &tag));
    // The purpose's length is tagged: moving bytes between purpose and data changes the tag.
    assert_ne!(key.tag("ab", b"c"), key.tag("a", b"bc"));
    for bad in ["", "not base64!", &tag[..42], "AAAA"] {
        assert!(!key.verify("accepted keys", keys, bad), "{bad}");
    }
}
