//! The passphrase lock: its text form, its parameter bounds checked before any work, scrypt as
//! published, and locks made before the worker.

use super::*;

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
