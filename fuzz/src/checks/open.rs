//! Target `open`: a sealed file through `open()` and `open_any()` (decrypt with the age crate,
//! read the record or the rescue file's sittings, validate them against the shipped kit), and the same bytes as an identity file
//! (`Identities::from_bytes`, and `from_passphrase_file` when the file asks for little scrypt
//! work). The identity is a test key kept beside the fuzz crate (`fuzz/identity.txt`), so seeds
//! sealed to it reach the record reader. Every error has a message; a record that opens is valid.

use qkit_export::{open, open_any, validate_record, Identities, Opened};
use std::sync::OnceLock;

/// The test identity, `fuzz/identity.txt` (for fuzzing only; it never seals a real record).
pub const IDENTITY: &str = include_str!("../../identity.txt");

/// The test identity, parsed once per process.
pub fn identities() -> &'static Identities {
    static IDS: OnceLock<Identities> = OnceLock::new();
    IDS.get_or_init(|| Identities::parse(IDENTITY).expect("the fuzz identity is valid"))
}

/// Opens the input as a sealed record and reads it as an identity file.
pub fn check(data: &[u8]) {
    let kit = super::shipped_kit();
    match open(data, identities(), kit) {
        Ok(record) => assert_eq!(validate_record(kit, &record), Ok(())),
        Err(e) => super::assert_message(&e, None),
    }
    match open_any(data, identities(), kit) {
        Ok(Opened::Record(record)) => assert_eq!(validate_record(kit, &record), Ok(())),
        Ok(Opened::Rescue(sittings)) => {
            for sitting in sittings {
                match sitting {
                    Ok(record) => assert_eq!(validate_record(kit, &record), Ok(())),
                    Err(e) => super::assert_message(&e, Some("$.sittings[")),
                }
            }
        }
        Err(e) => super::assert_message(&e, None),
    }
    match Identities::from_bytes(data) {
        Ok(found) => assert!(!found.recipients().is_empty()),
        Err(e) => super::assert_message(&e, None),
    }
    if Identities::is_passphrase_protected(data) && cheap_scrypt(data) {
        if let Err(e) = Identities::from_passphrase_file(data, "fuzz") {
            super::assert_message(&e, None);
        }
    }
}

/// Whether a binary age file asks for at most 2^12 scrypt work in every scrypt stanza it has, so
/// an execution stays in milliseconds. (qkit itself allows up to 2^20, seconds of work: correct
/// but too slow for a fuzzer. Armored files hide their header, so they are left out here; the
/// armor itself is read by `open` above.)
fn cheap_scrypt(data: &[u8]) -> bool {
    let start = data.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|s| !data[s..].starts_with(b"age-encryption.org/")) {
        return false;
    }
    data.split(|&b| b == b'\n')
        .filter(|line| line.starts_with(b"-> scrypt "))
        .all(|line| {
            let last = line.rsplit(|&b| b == b' ').next().unwrap_or_default();
            std::str::from_utf8(last)
                .ok()
                .and_then(|s| s.parse::<u32>().ok())
                .is_none_or(|log_n| log_n <= 12)
        })
}
