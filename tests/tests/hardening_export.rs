//! Hardening mirrors of the `open`, `record`, `draft` and `seal_roundtrip` fuzz targets: the
//! example record (as JSON and sealed to the fuzz identity), the fuzz identity file, a draft lock
//! and a sealed draft, mutated (and random bytes), through the same checks the fuzzer runs
//! (`fuzz/src/checks/`). Also replays each target's committed corpus.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../../fuzz/src/checks/mod.rs"]
mod checks;
mod hardening_common;

use hardening_common::{mutated, replay, with_selector};
use proptest::prelude::*;
use qkit_export::at_rest::{seal_draft, seal_draft_in, DraftLock, KdfParams};
use qkit_export::{seal_bytes, seal_rescue};
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const RECORD: &str = include_str!("../../docs/examples/record.json");

/// A rescue file's plaintext holding the example record as a stored sitting.
fn rescue() -> Vec<u8> {
    format!(r#"{{"qkit_rescue":1,"sittings":[{{"header":{{}},"draft":{{"record":{RECORD}}}}}]}}"#)
        .into_bytes()
}

fn records() -> Vec<Vec<u8>> {
    let compact: serde_json::Value = serde_json::from_str(RECORD).expect("the example is JSON");
    vec![
        RECORD.as_bytes().to_vec(),
        serde_json::to_vec(&compact).expect("JSON writes"),
        rescue(),
    ]
}

fn sealed_files() -> Vec<Vec<u8>> {
    let recipients = checks::open::identities().recipients();
    let sealed = seal_bytes(
        RECORD.as_bytes(),
        &recipients,
        &mut ChaCha20Rng::seed_from_u64(1),
    )
    .expect("seals");
    let sitting = format!(r#"{{"header":{{}},"draft":{{"record":{RECORD}}}}}"#);
    let rescue =
        seal_rescue(&[&sitting], &recipients, &mut ChaCha20Rng::seed_from_u64(4)).expect("seals");
    vec![sealed, rescue, checks::open::IDENTITY.as_bytes().to_vec()]
}

fn drafts() -> Vec<Vec<u8>> {
    let cheap = KdfParams {
        log_n: 10,
        r: 8,
        p: 1,
    };
    let (lock, _) = DraftLock::create("pw", cheap, &mut ChaCha20Rng::seed_from_u64(2))
        .expect("valid parameters");
    let sealed = seal_draft(
        checks::draft::key(),
        br#"{"answers":[]}"#,
        &mut ChaCha20Rng::seed_from_u64(3),
    );
    let bound = seal_draft_in(
        checks::draft::key(),
        checks::draft::PLACE,
        br#"{"answers":[]}"#,
        &mut ChaCha20Rng::seed_from_u64(5),
    );
    vec![lock.to_text().into_bytes(), sealed, bound]
}

fn plaintexts() -> Vec<Vec<u8>> {
    vec![
        with_selector(0, b""),
        with_selector(1, &RECORD.as_bytes()[..400]),
        with_selector(2, &[0xff; 300]),
    ]
}

#[test]
fn the_seeds_pass_their_checks() {
    for seed in records() {
        checks::record::check(&seed);
    }
    for seed in sealed_files() {
        checks::open::check(&seed);
    }
    for seed in drafts() {
        checks::draft::check(&seed);
    }
    for seed in plaintexts() {
        checks::seal_roundtrip::check(&seed);
    }
}

#[test]
fn the_open_corpus_passes() {
    replay("open", checks::open::check);
}

#[test]
fn the_record_corpus_passes() {
    replay("record", checks::record::check);
}

#[test]
fn the_draft_corpus_passes() {
    replay("draft", checks::draft::check);
}

#[test]
fn the_seal_roundtrip_corpus_passes() {
    replay("seal_roundtrip", checks::seal_roundtrip::check);
}

proptest! {
    // Most mutations break the JSON early, so a record case is cheap.
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mutated_records_never_panic(bytes in mutated(records())) {
        checks::record::check(&bytes);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn mutated_sealed_files_never_panic(bytes in mutated(sealed_files())) {
        checks::open::check(&bytes);
    }
}

proptest! {
    // Each case seals and opens the draft twice (XChaCha20-Poly1305 in a debug build).
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mutated_drafts_never_panic(bytes in mutated(drafts())) {
        checks::draft::check(&bytes);
    }
}

proptest! {
    // Each case is several X25519 operations, slow in a debug build.
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn what_qkit_seals_the_age_crate_opens(bytes in mutated(plaintexts())) {
        checks::seal_roundtrip::check(&bytes);
    }
}
