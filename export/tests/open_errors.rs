//! Every way a sealed file can be wrong gives its own clear error, and no input panics. The
//! property tests mirror the fuzz targets: random bytes, and sealed files with bytes flipped,
//! cut or inserted.

#![cfg(all(feature = "open", not(target_arch = "wasm32")))]

mod common;

use common::{keys, rng};
use qkit_export::{decrypt, seal_bytes, Identities, OpenError, Part};
use std::io::Write;

fn sealed(plaintext: &[u8]) -> (Vec<u8>, Identities) {
    let (ids, recipient) = keys(1);
    (
        seal_bytes(plaintext, &[recipient], &mut rng(2)).unwrap(),
        ids,
    )
}

/// Where the header's MAC line starts.
fn mac_line(file: &[u8]) -> usize {
    file.windows(4).position(|w| w == b"\n---").unwrap() + 1
}

#[test]
fn an_empty_file() {
    let (_, ids) = sealed(b"x");
    assert_eq!(decrypt(b"", &ids).unwrap_err(), OpenError::Empty);
}

#[test]
fn a_plain_json_file_says_it_looks_like_json() {
    let (_, ids) = sealed(b"x");
    let e = decrypt(b"  {\"format\": 1}", &ids).unwrap_err();
    assert!(matches!(e, OpenError::NotAgeFile { .. }));
    assert!(e.to_string().contains("plain JSON"), "{e}");
    let e = decrypt(b"hello", &ids).unwrap_err();
    assert_eq!(e.to_string(), "not an age-encrypted file");
    let e = decrypt(b"# created: 2026\nAGE-SECRET-KEY-1", &ids).unwrap_err();
    assert!(e.to_string().contains("identity file"), "{e}");
}

#[test]
fn the_wrong_identity() {
    let (file, _) = sealed(b"x");
    let (other, _) = keys(99);
    assert_eq!(
        decrypt(&file, &other).unwrap_err(),
        OpenError::NoMatchingKey
    );
}

#[test]
fn a_flipped_byte_in_the_header_mac_or_version() {
    let (file, ids) = sealed(b"x");
    let mut bad = file.clone();
    bad[mac_line(&file) + 6] ^= 0x01; // inside the MAC's base64
    assert_eq!(decrypt(&bad, &ids).unwrap_err(), OpenError::HeaderTampered);
    let mut bad = file.clone();
    bad[20] = b'2'; // age-encryption.org/v2
    assert_eq!(
        decrypt(&bad, &ids).unwrap_err(),
        OpenError::UnknownAgeVersion
    );
    let mut bad = file.clone();
    bad[22] = b'X'; // the "->" of the first stanza
    assert_eq!(decrypt(&bad, &ids).unwrap_err(), OpenError::BadHeader);
}

#[test]
fn a_flipped_byte_in_a_stanza_hides_the_key() {
    // The wrapped key no longer decrypts, which age cannot tell from a stanza for someone else.
    let (file, ids) = sealed(b"x");
    let body = file.iter().skip(23).position(|&b| b == b'\n').unwrap() + 24 + 3;
    let mut bad = file.clone();
    bad[body] = if bad[body] == b'A' { b'B' } else { b'A' };
    assert_eq!(decrypt(&bad, &ids).unwrap_err(), OpenError::NoMatchingKey);
}

#[test]
fn a_flipped_byte_in_the_payload() {
    let (file, ids) = sealed(&[7; 1000]);
    for at in [file.len() - 1, file.len() - 500, file.len() - 1016] {
        let mut bad = file.clone();
        bad[at] ^= 0x40;
        assert_eq!(
            decrypt(&bad, &ids).unwrap_err(),
            OpenError::PayloadTampered,
            "byte {at}"
        );
    }
}

#[test]
fn a_truncated_file() {
    let (file, ids) = sealed(&[7; 70_000]);
    let header_end = mac_line(&file) + 48;
    assert_eq!(file[header_end - 1], b'\n');
    // Inside the header.
    assert_eq!(
        decrypt(&file[..30], &ids).unwrap_err(),
        OpenError::Truncated(Part::Header)
    );
    // Cut at the end of the header, or inside the payload nonce.
    for cut in [header_end, header_end + 8] {
        assert_eq!(
            decrypt(&file[..cut], &ids).unwrap_err(),
            OpenError::Truncated(Part::Header),
            "cut {cut}"
        );
    }
    // Cut exactly after the first (full) chunk: the stream ends without its last chunk.
    let first_chunk_end = header_end + 16 + 64 * 1024 + 16;
    assert_eq!(
        decrypt(&file[..first_chunk_end], &ids).unwrap_err(),
        OpenError::Truncated(Part::Payload)
    );
    // Cut inside a chunk: authentication fails.
    assert_eq!(
        decrypt(&file[..file.len() - 10], &ids).unwrap_err(),
        OpenError::PayloadTampered
    );
}

#[test]
fn armored_files_open_and_passphrase_files_are_told_apart() {
    let (ids, recipient) = keys(5);
    let age_recipient: age::x25519::Recipient = recipient.to_string().parse().unwrap();
    let mut armored = vec![];
    {
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&age_recipient as &dyn age::Recipient))
                .unwrap();
        let armor =
            age::armor::ArmoredWriter::wrap_output(&mut armored, age::armor::Format::AsciiArmor)
                .unwrap();
        let mut w = encryptor.wrap_output(armor).unwrap();
        w.write_all(b"armored").unwrap();
        w.finish().unwrap().finish().unwrap();
    }
    assert_eq!(decrypt(&armored, &ids).unwrap().as_slice(), b"armored");
    let mut damaged = armored.clone();
    let at = damaged.len() / 2;
    damaged[at] = b'*';
    assert!(decrypt(&damaged, &ids).is_err());

    let mut scrypt = age::scrypt::Recipient::new(age::secrecy::SecretString::from("pw".to_owned()));
    scrypt.set_work_factor(10);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&scrypt as &dyn age::Recipient)).unwrap();
    let mut pw = vec![];
    let mut w = encryptor.wrap_output(&mut pw).unwrap();
    w.write_all(b"x").unwrap();
    w.finish().unwrap();
    assert_eq!(
        decrypt(&pw, &ids).unwrap_err(),
        OpenError::PassphraseEncrypted
    );
}

#[test]
fn every_error_reads_differently() {
    let all = [
        OpenError::Empty,
        OpenError::NotAgeFile { hint: "" },
        OpenError::UnknownAgeVersion,
        OpenError::BadHeader,
        OpenError::BadArmor,
        OpenError::PassphraseEncrypted,
        OpenError::NoMatchingKey,
        OpenError::HeaderTampered,
        OpenError::Truncated(Part::Header),
        OpenError::Truncated(Part::Payload),
        OpenError::PayloadTampered,
    ];
    let messages: std::collections::BTreeSet<String> = all.iter().map(|e| e.to_string()).collect();
    assert_eq!(messages.len(), all.len());
    for m in &messages {
        assert!(
            m.chars().next().unwrap().is_lowercase() && !m.ends_with('.'),
            "{m}"
        );
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
        let (_, ids) = sealed(b"x");
        let _ = decrypt(&bytes, &ids);
        let mut prefixed = b"age-encryption.org/v1\n".to_vec();
        prefixed.extend(&bytes);
        proptest::prop_assert!(decrypt(&prefixed, &ids).is_err());
    }

    #[test]
    fn a_mutated_sealed_file_never_panics_and_never_opens_to_other_content(
        flips in proptest::collection::vec((0usize..2000, 1u8..=255), 1..4),
        cut in proptest::option::of(0usize..2000),
        insert in proptest::option::of((0usize..2000, proptest::prelude::any::<u8>())),
    ) {
        let (file, ids) = sealed(&[42; 1200]);
        let mut bad = file.clone();
        for (at, mask) in flips {
            let at = at % bad.len();
            bad[at] ^= mask;
        }
        if let Some((at, byte)) = insert {
            bad.insert(at % bad.len(), byte);
        }
        if let Some(cut) = cut {
            bad.truncate(cut % (file.len() + 1));
        }
        if let Ok(plain) = decrypt(&bad, &ids) {
            // Only a change age ignores can open (none is expected), and never to other bytes.
            proptest::prop_assert_eq!(plain.as_slice(), &[42u8; 1200][..]);
        }
    }
}
