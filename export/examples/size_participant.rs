//! Size probe, not a program: everything a participant's device does with records — drafts at
//! rest (both formats: bound to their place, and the older one still read), tags, sealing and
//! the rescue file — on top of `size_baseline.rs`. See `size_seal.rs` for how to build and
//! compare.

#![cfg(target_arch = "wasm32")]

use qkit_export::at_rest::{open_draft, open_draft_in, seal_draft, seal_draft_in, DraftLock};
use qkit_export::{seal, seal_rescue, Recipient, ResultRecord};
use rand_core::OsRng;
use wasm_bindgen::prelude::wasm_bindgen;

const RECORD: &str = include_str!("../../docs/examples/record.json");

/// Keeps the record as a draft, opens it, and seals it to `recipient`.
#[wasm_bindgen]
pub fn run(lock: &str, passphrase: &str, recipient: &str) -> usize {
    let record = ResultRecord::from_json(RECORD.as_bytes()).expect("parses");
    let key = DraftLock::from_text(lock)
        .expect("lock")
        .unlock(passphrase)
        .expect("key");
    let draft = seal_draft(&key, &record.to_json().expect("writes"), &mut OsRng);
    let record =
        ResultRecord::from_json(&open_draft(&key, &draft).expect("opens")).expect("parses");
    let json = record.to_json().expect("writes");
    let place = "qkit sitting r1 revision 1";
    let bound = seal_draft_in(&key, place, &json, &mut OsRng);
    let opened = open_draft_in(&key, place, &bound).expect("opens");
    assert!(key.verify(
        "accepted keys",
        recipient.as_bytes(),
        &key.tag("accepted keys", recipient.as_bytes())
    ));
    let recipient: Recipient = recipient.parse().expect("a recipient");
    let inner = format!(
        r#"{{"header":{{}},"draft":{{"record":{}}}}}"#,
        String::from_utf8_lossy(&opened)
    );
    let rescue =
        seal_rescue(&[&inner], std::slice::from_ref(&recipient), &mut OsRng).expect("seals");
    seal(&record, &[recipient], &mut OsRng)
        .expect("seals")
        .len()
        + rescue.len()
}
