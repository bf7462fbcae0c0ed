//! Identities: `age-keygen` text with comments, passphrase-protected identity files (`age -p`),
//! and errors that say which line is wrong without ever showing a secret.

#![cfg(all(feature = "open", not(target_arch = "wasm32")))]

mod common;

use common::rng;
use qkit_export::{decrypt, seal_bytes, Identities, IdentityError, NewIdentity, Timestamp};
use std::io::Write;

/// An age file encrypted with a passphrase at scrypt work factor 2^`log_n`, as `age -p` writes.
fn passphrase_file(content: &[u8], passphrase: &str, log_n: u8) -> Vec<u8> {
    let mut recipient =
        age::scrypt::Recipient::new(age::secrecy::SecretString::from(passphrase.to_owned()));
    recipient.set_work_factor(log_n);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut out = vec![];
    let mut w = encryptor.wrap_output(&mut out).unwrap();
    w.write_all(content).unwrap();
    w.finish().unwrap();
    out
}

#[test]
fn an_identity_file_with_comments_and_two_keys_opens_files_for_either() {
    let a = NewIdentity::generate(&mut rng(1));
    let b = NewIdentity::generate(&mut rng(2));
    let text = format!(
        "{}\n\n   # backup key\n{}\n",
        a.file_text(Timestamp(0)).as_str(),
        b.secret_text().as_str()
    );
    let ids = Identities::parse(&text).unwrap();
    assert_eq!(ids.recipients(), vec![a.recipient(), b.recipient()]);
    for r in [a.recipient(), b.recipient()] {
        let sealed = seal_bytes(b"hi", &[r], &mut rng(3)).unwrap();
        assert_eq!(decrypt(&sealed, &ids).unwrap().as_slice(), b"hi");
    }
}

#[test]
fn bad_identity_text_names_the_line_and_never_the_secret() {
    let a = NewIdentity::generate(&mut rng(4));
    let secret = a.secret_text();
    let mut typo = secret.to_string();
    typo.pop();
    let text = format!("# comment\n{typo}\n");
    let e = Identities::parse(&text).unwrap_err();
    assert_eq!(e, IdentityError::NotAnIdentity { line: 2 });
    assert!(!e.to_string().contains(&typo[16..]), "{e}");
    assert_eq!(
        Identities::parse("# only a comment\n\n").unwrap_err(),
        IdentityError::NoIdentities
    );
    assert_eq!(
        Identities::parse("AGE-PLUGIN-YUBIKEY-1QQQ").unwrap_err(),
        IdentityError::Plugin { line: 1 }
    );
    assert_eq!(
        Identities::from_bytes(&[0xff, 0x00]).unwrap_err(),
        IdentityError::NotText
    );
    let recipient_line = a.recipient().to_string();
    assert!(Identities::parse(&recipient_line).is_err());
}

#[test]
fn a_passphrase_protected_identity_file_opens_with_its_passphrase() {
    let a = NewIdentity::generate(&mut rng(5));
    let file = passphrase_file(a.file_text(Timestamp(0)).as_bytes(), "staff only", 10);
    assert!(Identities::is_passphrase_protected(&file));
    assert!(!Identities::is_passphrase_protected(
        a.secret_text().as_bytes()
    ));
    let ids = Identities::from_passphrase_file(&file, "staff only").unwrap();
    assert_eq!(ids.recipients(), vec![a.recipient()]);
    assert_eq!(
        Identities::from_passphrase_file(&file, "staff onl").unwrap_err(),
        IdentityError::WrongPassphrase
    );
}

#[test]
fn passphrase_files_that_are_not_one_are_refused_clearly() {
    let a = NewIdentity::generate(&mut rng(6));
    // Encrypted to a key, not a passphrase.
    let to_key = seal_bytes(a.secret_text().as_bytes(), &[a.recipient()], &mut rng(7)).unwrap();
    assert_eq!(
        Identities::from_passphrase_file(&to_key, "pw").unwrap_err(),
        IdentityError::NotPassphraseProtected
    );
    // A passphrase file whose content is not an identity.
    let not_identity = passphrase_file(b"just a note", "pw", 10);
    assert_eq!(
        Identities::from_passphrase_file(&not_identity, "pw").unwrap_err(),
        IdentityError::NotAnIdentity { line: 1 }
    );
    // Damaged.
    assert!(matches!(
        Identities::from_passphrase_file(b"age-encryption.org/v1\n-> scr", "pw").unwrap_err(),
        IdentityError::Damaged(_)
    ));
}

#[test]
fn an_excessive_work_factor_is_refused_before_the_work() {
    let file = passphrase_file(b"AGE-SECRET-KEY-1", "pw", 10);
    // Rewrite the stanza's work factor from 10 to 30 (2^30: 1 TiB of scrypt memory).
    let text = String::from_utf8_lossy(&file).into_owned();
    let line_end = text.find("\n-> scrypt ").unwrap();
    let stanza_end = line_end + 1 + text[line_end + 1..].find('\n').unwrap();
    assert_eq!(&file[stanza_end - 3..stanza_end], b" 10");
    let mut bad = file.clone();
    bad[stanza_end - 2..stanza_end].copy_from_slice(b"30");
    assert_eq!(
        Identities::from_passphrase_file(&bad, "pw").unwrap_err(),
        IdentityError::ExcessiveWork { found: 30, max: 20 }
    );
}

#[test]
fn a_passphrase_protected_identity_made_by_the_age_tool_opens() {
    let file = include_bytes!("fixtures/age-p-identity.age");
    let recipient = include_str!("fixtures/age-p-identity.recipient").trim();
    assert!(Identities::is_passphrase_protected(file));
    let ids = Identities::from_passphrase_file(file, "test passphrase").unwrap();
    assert_eq!(ids.recipients()[0].to_string(), recipient);
}

#[test]
fn an_identity_derives_the_same_workspace_key_every_time_and_another_identity_another() {
    use qkit_export::at_rest::{open_draft_in, seal_draft_in};
    use qkit_export::AtRestError;
    let a = NewIdentity::generate(&mut rng(1));
    let b = NewIdentity::generate(&mut rng(2));
    let with_comments = Identities::parse(a.file_text(Timestamp(0)).as_str()).unwrap();
    let bare = Identities::parse(a.secret_text().as_str()).unwrap();
    let other = Identities::parse(b.secret_text().as_str()).unwrap();
    const LABEL: &str = "qkit assessor workspace v1";
    let key = with_comments.derive_key(LABEL);
    // Comments and blank lines in the file do not change the key; only the secret does.
    assert_eq!(key.id_hex(), bare.derive_key(LABEL).id_hex());
    assert_eq!(key.id_hex().len(), 16);
    assert_ne!(key.id_hex(), other.derive_key(LABEL).id_hex());
    assert_ne!(key.id_hex(), bare.derive_key("another label").id_hex());
    let sealed = seal_draft_in(&key, "workspace", b"entries", &mut rng(3));
    let reopened = open_draft_in(&bare.derive_key(LABEL), "workspace", &sealed).unwrap();
    assert_eq!(reopened.as_slice(), b"entries");
    assert_eq!(
        open_draft_in(&other.derive_key(LABEL), "workspace", &sealed).unwrap_err(),
        AtRestError::OtherKey
    );
}
