//! The same core, compiled to WebAssembly and run in headless Chromium: a record sealed and
//! opened, validated against the shipped kit, drafts at rest, and a passphrase-protected
//! identity from the `age` tool.

#![cfg(all(feature = "open", target_arch = "wasm32"))]

mod common;

use common::{keys, rng, workload};
use qkit_export::at_rest::{
    open_draft, open_draft_in, seal_draft, seal_draft_in, DraftLock, KdfParams,
};
use qkit_export::{decrypt, open, seal_record, AtRestError, Identities, OpenError, ResultRecord};
use qkit_questionnaires::Kit;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_record_seals_opens_and_validates_in_the_browser() {
    let kit = Kit::shipped().expect("the shipped definitions are valid");
    let record = ResultRecord::from_json(workload::RECORD.as_bytes()).expect("parses");
    let (ids, recipient) = keys(1);
    let sealed = seal_record(&kit, &record, &[recipient], &mut rng(2)).expect("valid record");
    assert_eq!(open(&sealed, &ids, &kit).expect("opens"), record);
    let (other, _) = keys(3);
    assert_eq!(
        decrypt(&sealed, &other).unwrap_err(),
        OpenError::NoMatchingKey
    );
    let mut bad = sealed.clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    assert_eq!(decrypt(&bad, &ids).unwrap_err(), OpenError::PayloadTampered);
}

#[wasm_bindgen_test]
fn drafts_lock_and_open_in_the_browser() {
    let fast = KdfParams {
        log_n: 10,
        r: 8,
        p: 1,
    };
    let (lock, key) = DraftLock::create("pw", fast, &mut rng(4)).expect("valid");
    let sealed = seal_draft(&key, b"draft", &mut rng(5));
    let key = DraftLock::from_text(&lock.to_text())
        .unwrap()
        .unlock("pw")
        .expect("right passphrase");
    assert_eq!(open_draft(&key, &sealed).unwrap().as_slice(), b"draft");
    assert!(matches!(
        lock.unlock("wrong"),
        Err(AtRestError::WrongPassphrase)
    ));
}

#[wasm_bindgen_test]
fn bound_drafts_open_only_in_their_place_and_tags_verify_in_the_browser() {
    let fast = KdfParams {
        log_n: 10,
        r: 8,
        p: 1,
    };
    let (_, key) = DraftLock::create("pw", fast, &mut rng(6)).expect("valid");
    let here = "qkit sitting r1 revision 2";
    let sealed = seal_draft_in(&key, here, b"draft", &mut rng(7));
    assert_eq!(
        open_draft_in(&key, here, &sealed).unwrap().as_slice(),
        b"draft"
    );
    assert_eq!(
        open_draft_in(&key, "qkit sitting r1 revision 1", &sealed).unwrap_err(),
        AtRestError::OtherPlace
    );
    let tag = key.tag("accepted keys", b"age1");
    assert!(key.verify("accepted keys", b"age1", &tag));
    assert!(!key.verify("accepted keys", b"age2", &tag));
    let huge =
        "qkit-lock-1:20:16:1:AAAAAAAAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    assert!(matches!(
        DraftLock::from_text(huge),
        Err(AtRestError::BadParams { .. })
    ));
}

#[wasm_bindgen_test]
fn a_passphrase_protected_identity_from_age_p_opens_in_the_browser() {
    let file = include_bytes!("fixtures/age-p-identity.age");
    let recipient = include_str!("fixtures/age-p-identity.recipient").trim();
    let ids = Identities::from_passphrase_file(file, "test passphrase").expect("opens");
    assert_eq!(ids.recipients()[0].to_string(), recipient);
}
