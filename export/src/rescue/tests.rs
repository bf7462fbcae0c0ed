//! Tests of rescue files: the plaintext's shape, reading each sitting on its own, and errors
//! placed in the file.

use super::*;
use crate::keys::NewIdentity;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha20Rng;

const EXAMPLE: &str = include_str!("../../../docs/examples/record.json");

/// The example record as it stood before it was finished: no reports, not completed.
fn unfinished(participant: &str) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    r.participant = participant.to_owned();
    r.record_id = format!("id-{participant}");
    r.completed_at = None;
    for q in &mut r.questionnaires {
        q.report = None;
    }
    r
}

/// A stored sitting as the app writes it, with fields the reader must ignore.
fn stored(record: &ResultRecord) -> String {
    let json = String::from_utf8(record.to_json().expect("writes")).expect("text");
    format!(
        r#"{{"header":{{"participant":"{}","state":"in_progress","updated":1}},"draft":{{"format":1,"record":{json},"cursor":"consent","anything":[1,2]}}}}"#,
        record.participant
    )
}

#[test]
fn sittings_are_embedded_verbatim_and_read_back() {
    let (a, b) = (unfinished("A1"), unfinished("B2"));
    let (sa, sb) = (stored(&a), stored(&b));
    let id = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(1));
    let sealed = seal_rescue(
        &[&sa, &sb],
        &[id.recipient()],
        &mut ChaCha20Rng::seed_from_u64(2),
    )
    .expect("seals");
    assert!(sealed.starts_with(b"age-encryption.org/v1\n"));
    #[cfg(feature = "open")]
    {
        let ids = crate::Identities::parse(&id.secret_text()).expect("identity");
        let plain = crate::decrypt(&sealed, &ids).expect("opens");
        let expected = format!("{{\"qkit_rescue\":1,\"sittings\":[{sa},{sb}]}}");
        assert_eq!(plain.as_slice(), expected.as_bytes());
        assert!(is_rescue(&plain));
        let rescued = read_rescue(&plain).expect("a rescue file");
        assert_eq!(rescued.sittings, vec![Ok(a), Ok(b)]);
    }
}

#[test]
fn an_empty_rescue_is_a_rescue_with_no_sittings() {
    let plain = br#"{"qkit_rescue":1,"sittings":[]}"#;
    assert!(is_rescue(plain));
    assert_eq!(read_rescue(plain).expect("reads").sittings, vec![]);
}

#[test]
fn a_record_is_not_a_rescue() {
    assert!(!is_rescue(EXAMPLE.as_bytes()));
    for other in [&b""[..], b"[]", b"{", b"\xff", b"{\"format\":1}"] {
        assert!(!is_rescue(other));
    }
}

#[test]
fn a_damaged_sitting_costs_only_itself_and_says_where_it_is() {
    let good = stored(&unfinished("A1"));
    let text = format!(
        r#"{{"qkit_rescue":1,"sittings":[{{"header":{{}}}},{good},{{"draft":{{"record":{{"format":1,"participant":7}}}}}},{{"draft":{{"record":{{"format":9}}}}}}]}}"#
    );
    let rescued = read_rescue(text.as_bytes()).expect("a rescue file");
    let paths: Vec<String> = rescued
        .sittings
        .iter()
        .map(|s| match s {
            Ok(r) => format!("ok {}", r.participant),
            Err(e) => e.path.clone(),
        })
        .collect();
    assert_eq!(
        paths,
        [
            "$.sittings[0]",
            "ok A1",
            "$.sittings[2].draft.record",
            "$.sittings[3].draft.record.format"
        ]
    );
    assert!(matches!(
        *rescued.sittings[3].as_ref().unwrap_err().kind,
        RecordErrorKind::UnsupportedFormat { .. }
    ));
}

#[test]
fn only_a_rescue_file_of_this_format_is_read() {
    let newer = read_rescue(br#"{"qkit_rescue":2,"sittings":[]}"#).unwrap_err();
    assert_eq!(newer.path, "$.qkit_rescue");
    for bad in [&b"{}"[..], b"[]", br#"{"qkit_rescue":1}"#, b"\xff"] {
        assert_eq!(read_rescue(bad).unwrap_err().path, "$");
    }
}

#[test]
fn a_text_that_is_no_sitting_is_refused_when_sealing() {
    let id = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(3));
    let good = stored(&unfinished("A1"));
    let e = seal_rescue(
        &[&good, "not json"],
        &[id.recipient()],
        &mut ChaCha20Rng::seed_from_u64(4),
    )
    .unwrap_err();
    assert_eq!(e, SealError::NotASitting { index: 1 });
    assert_eq!(
        seal_rescue(&[&good], &[], &mut ChaCha20Rng::seed_from_u64(5)).unwrap_err(),
        SealError::NoRecipients
    );
}

#[cfg(feature = "open")]
#[test]
fn open_any_checks_each_rescued_sitting_against_the_kit() {
    use crate::open::{open_any, Opened};
    let kit = qkit_questionnaires::Kit::shipped().expect("the shipped definitions are valid");
    let id = NewIdentity::generate(&mut ChaCha20Rng::seed_from_u64(6));
    let ids = crate::Identities::parse(&id.secret_text()).expect("identity");
    let good = unfinished("A1");
    let mut bad = unfinished("B2");
    bad.questionnaires[1].answers[0].answer = qkit_scoring::Answer::Value(99);
    let (sg, sb) = (stored(&good), stored(&bad));
    let sealed = seal_rescue(
        &[&sb, &sg],
        &[id.recipient()],
        &mut ChaCha20Rng::seed_from_u64(7),
    )
    .expect("seals");
    let Opened::Rescue(sittings) = open_any(&sealed, &ids, &kit).expect("opens") else {
        panic!("a rescue file opens as one");
    };
    assert_eq!(sittings.len(), 2);
    let e = sittings[0].as_ref().unwrap_err();
    assert_eq!(
        e.path,
        "$.sittings[0].draft.record.questionnaires[1].answers[0].answer"
    );
    assert!(matches!(
        *e.kind,
        RecordErrorKind::NotAnOption { value: 99, .. }
    ));
    assert_eq!(sittings[1], Ok(good));
    // A record still opens as a record.
    let record = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("parses");
    let sealed = crate::seal(
        &record,
        &[id.recipient()],
        &mut ChaCha20Rng::seed_from_u64(8),
    )
    .expect("seals");
    assert_eq!(
        open_any(&sealed, &ids, &kit),
        Ok(Opened::Record(Box::new(record)))
    );
}

#[test]
fn a_rescue_code_is_the_files_hash_and_is_typed_loosely() {
    // SHA-256("abc") begins ba7816bf (FIPS 180-2, appendix B.1).
    assert_eq!(super::rescue_code(b"abc"), "BA78-16BF");
    assert!(super::is_rescue_code(" ba78 16bf ", "BA78-16BF"));
    assert!(super::is_rescue_code("BA7816BF", "BA78-16BF"));
    assert!(!super::is_rescue_code("BA78-16BE", "BA78-16BF"));
    assert!(!super::is_rescue_code("", "BA78-16BF"));
}
