//! Tests of drafts at rest: both formats, the lock and its bounds, and the key's tags.

use super::*;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// Cheap parameters so the tests run fast, debug builds and wasm included.
const FAST: KdfParams = KdfParams {
    log_n: 10,
    r: 8,
    p: 1,
};

fn lock(passphrase: &str, seed: u64) -> (DraftLock, DraftKey) {
    DraftLock::create(passphrase, FAST, &mut ChaCha20Rng::seed_from_u64(seed)).expect("valid")
}

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
fn a_lock_round_trips_through_its_text_and_rejects_tampering() {
    let (stored, _) = lock("pw", 10);
    let text = stored.to_text();
    assert!(text.starts_with("qkit-lock-1:10:8:1:"), "{text}");
    assert_eq!(DraftLock::from_text(&text), Ok(stored.clone()));
    assert_eq!(stored.params(), FAST);
    for bad in [
        "",
        "qkit-lock-2:10:8:1:AAAA:AAAA",
        "qkit-lock-1:x:8:1:AAAA:AAAA",
        "qkit-lock-1:10:8:1:!!:AAAA",
        "qkit-lock-1:10:8:1:AAAA:AAAA",
        "qkit-lock-1:300:8:1:AAAA:AAAA",
    ] {
        assert!(
            matches!(DraftLock::from_text(bad), Err(AtRestError::BadLock(_))),
            "{bad}"
        );
    }
    let huge = text.replacen(":10:", ":30:", 1);
    assert!(matches!(
        DraftLock::from_text(&huge),
        Err(AtRestError::BadParams { .. })
    ));
}

#[test]
fn out_of_range_parameters_are_refused_before_any_work() {
    let mut rng = ChaCha20Rng::seed_from_u64(11);
    for params in [
        KdfParams {
            log_n: 9,
            r: 8,
            p: 1,
        },
        KdfParams {
            log_n: 21,
            r: 8,
            p: 1,
        },
        KdfParams {
            log_n: 15,
            r: 0,
            p: 1,
        },
        KdfParams {
            log_n: 15,
            r: 8,
            p: 5,
        },
    ] {
        assert!(matches!(
            DraftLock::create("pw", params, &mut rng),
            Err(AtRestError::BadParams { .. })
        ));
    }
}

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
fn a_legacy_draft_still_opens() {
    let (stored, key) = lock("pw", 28);
    let legacy = seal_draft_text(&key, b"written before", &mut ChaCha20Rng::seed_from_u64(29));
    let key = stored.unlock("pw").expect("right passphrase");
    assert_eq!(
        open_draft_text(&key, &legacy).expect("opens").as_slice(),
        b"written before"
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

#[test]
fn a_tampered_lock_asking_for_2_gib_is_refused_before_any_work() {
    let (stored, _) = lock("pw", 32);
    let text = stored.to_text();
    assert!(KdfParams::DEFAULT.checked().is_ok());
    #[cfg(not(target_arch = "wasm32"))]
    let started = std::time::Instant::now();
    for (from, to, field) in [
        (":10:8:1:", ":20:16:1:", "64 MiB"),
        (":10:8:1:", ":14:1024:1:", "64 MiB"),
        (":10:8:1:", ":63:8:1:", "64 MiB"),
        (":10:8:1:", ":10:8:3:", "p must"),
        (":10:8:1:", ":10:0:1:", "r must"),
        (":10:8:1:", ":9:8:1:", "log_n"),
    ] {
        let tampered = text.replacen(from, to, 1);
        let e = DraftLock::from_text(&tampered).unwrap_err();
        assert!(
            matches!(e, AtRestError::BadParams { reason, .. } if reason.contains(field)),
            "{tampered}: {e}"
        );
    }
    // Through unlock as well: a lock made in memory with such parameters never runs scrypt.
    assert!(matches!(
        DraftLock::create(
            "pw",
            KdfParams {
                log_n: 20,
                r: 16,
                p: 1
            },
            &mut ChaCha20Rng::seed_from_u64(33)
        ),
        Err(AtRestError::BadParams { .. })
    ));
    // Refusing six locks takes no derivation: far below one scrypt of 2 GiB.
    #[cfg(not(target_arch = "wasm32"))]
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert_eq!(
        KdfParams {
            log_n: 20,
            r: 16,
            p: 1
        }
        .memory_bytes(),
        Some(2 << 30)
    );
    assert_eq!(
        KdfParams {
            log_n: 200,
            r: 1,
            p: 1
        }
        .memory_bytes(),
        None
    );
}

#[test]
fn the_secret_is_scrypt_as_published_and_the_split_steps_match_the_whole() {
    // RFC 7914 section 12, third vector (P = "pleaseletmein", S = "SodiumChloride", N = 16384,
    // r = 8, p = 1): the first 32 of its 64 bytes, as PBKDF2's first block does not depend on
    // the length asked for.
    let params = KdfParams {
        log_n: 14,
        r: 8,
        p: 1,
    };
    let secret = derive_secret("pleaseletmein", params, b"SodiumChloride").expect("in range");
    let expected = "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2";
    let hex: String = secret.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, expected);

    // A lock made from a secret derived elsewhere (the app's worker) unlocks with the
    // passphrase, and the key is the same either way.
    let salt = DraftLock::new_salt(&mut ChaCha20Rng::seed_from_u64(7));
    let secret = derive_secret("a long passphrase", FAST, &salt).expect("in range");
    let (lock, key) = DraftLock::create_with(FAST, salt, &secret).expect("in range");
    let text = lock.to_text();
    let again = DraftLock::from_text(&text).expect("reads back");
    let unlocked = again.unlock("a long passphrase").expect("right passphrase");
    assert_eq!(unlocked.tag("t", b"x"), key.tag("t", b"x"));
    assert_eq!(again.salt(), salt);
    let wrong = derive_secret("another passphrase", FAST, &salt).expect("in range");
    assert!(matches!(
        again.unlock_with(&wrong),
        Err(AtRestError::WrongPassphrase)
    ));
    // Out-of-range parameters are refused by every step, before any work.
    let greedy = KdfParams {
        log_n: 20,
        r: 8,
        p: 1,
    };
    assert!(matches!(
        derive_secret("x", greedy, &salt),
        Err(AtRestError::BadParams { .. })
    ));
    assert!(matches!(
        DraftLock::create_with(greedy, salt, &secret),
        Err(AtRestError::BadParams { .. })
    ));
}

#[test]
fn a_lock_made_before_the_worker_still_unlocks_to_the_same_key() {
    // Made by `DraftLock::create("correct horse", FAST, seed 11)` and `key.tag("t", b"x")` at
    // commit 39757bd, before scrypt moved into the worker and derivation was split in two: a
    // laptop's stored lock must keep opening its drafts with the same key.
    const LOCK: &str =
        "qkit-lock-1:10:8:1:+kIuS5KIL90TxhX3vP/4gg:X3x4/Um4igbQ7uXOab0cf3MysX00jJiDyvzHlQ4lQ9Y";
    const TAG: &str = "6OmLGFhMadFNcoRFV/oW/aCRW07DwbqXNqLQTaLTQuk";
    let stored = DraftLock::from_text(LOCK).expect("reads");
    let key = stored.unlock("correct horse").expect("right passphrase");
    assert_eq!(key.tag("t", b"x"), TAG);
    let secret = derive_secret("correct horse", stored.params(), &stored.salt()).expect("in range");
    assert_eq!(
        stored.unlock_with(&secret).expect("right").tag("t", b"x"),
        TAG
    );
    let (made, _) = lock("correct horse", 11);
    assert_eq!(
        made.to_text(),
        LOCK,
        "the same salt and check value from the same seed"
    );
}
