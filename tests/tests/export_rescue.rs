//! Rescue files across crates and tools: two sittings in progress, made with qkit-session and
//! stored as the app stores them, sealed in one rescue file to a fresh identity; the reference
//! `age -d` opens it (Debian's `age`, which must be installed: a missing tool fails the test)
//! and holds every answer of both sittings; qkit's own opening (`open_any`, what `qkit decrypt`
//! and the assessor area call) gives both as unfinished records that fit the kit.

#![cfg(not(target_arch = "wasm32"))]

mod export_common;
mod rescue_common;

use export_common::{age_ok, arg, Scratch};
use qkit_export::{open_any, seal_rescue, Identities, NewIdentity, Opened, Timestamp};
use qkit_questionnaires::Kit;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;
use rescue_common::{assert_answers_in, two_sittings};

#[test]
fn a_rescue_file_opens_with_age_d_and_holds_every_answer_of_both_sittings() {
    let kit = Kit::shipped().expect("the shipped definitions are valid");
    let sittings = two_sittings(&kit);
    let dir = Scratch::new("rescue-age-d");
    let identity = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(1));
    let key = dir.path("identity.txt");
    std::fs::write(&key, identity.file_text(Timestamp(0)).as_bytes()).unwrap();
    let inner: Vec<&str> = sittings.iter().map(|s| s.inner.as_str()).collect();
    let sealed = seal_rescue(
        &inner,
        &[identity.recipient()],
        &mut ChaCha20Rng::seed_from_u64(2),
    )
    .expect("seals");
    let file = dir.path("rescue.age");
    std::fs::write(&file, &sealed).unwrap();

    let plain = age_ok("age", &["-d", "-i", arg(&key), arg(&file)]);
    let text = String::from_utf8(plain).expect("the plaintext is text");
    for s in &sittings {
        assert!(
            text.contains(&s.inner),
            "a sitting is not embedded verbatim"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&text).expect("the plaintext is JSON");
    assert_eq!(json["qkit_rescue"], 1);
    for (i, s) in sittings.iter().enumerate() {
        let record = &json["sittings"][i]["draft"]["record"];
        let record: qkit_export::ResultRecord =
            serde_json::from_value(record.clone()).expect("a record");
        assert_answers_in(s, &record);
        assert!(s.answers.len() > 3, "{} answers", s.answers.len());
    }

    let ids = Identities::parse(&identity.secret_text()).expect("identity");
    let Ok(Opened::Rescue(opened)) = open_any(&sealed, &ids, &kit) else {
        panic!("the rescue file does not open as one");
    };
    assert_eq!(opened.len(), 2);
    for (s, record) in sittings.iter().zip(opened) {
        let record = record.expect("the sitting fits the kit");
        assert!(record.is_unfinished());
        assert!(record.questionnaires.iter().all(|q| q.report.is_none()));
        assert_answers_in(s, &record);
        assert_eq!(record, s.record);
    }
}
