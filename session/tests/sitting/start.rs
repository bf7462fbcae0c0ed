//! Starting a sitting: case references, unknown programmes and languages, and where a fresh
//! sitting stands.

use crate::common::*;
use qkit_questionnaires::Timepoint;
use qkit_session::{Cursor, Mode, Session, StartError};

#[test]
fn references_must_look_like_case_references() {
    // The rule is qkit_export::check_reference (tested there); the start form applies it.
    let kit = shipped();
    let start = |reference: &str| {
        let mut o = options("tsp", Timepoint::Pre);
        o.participant = reference.into();
        Session::start(&kit, o, t(0))
    };
    let started = start("  A1234BC ").expect("a case reference");
    assert_eq!(started.draft().record.participant, "A1234BC");
    assert_eq!(
        start("x-12_3").expect("starts").draft().record.participant,
        "x-12_3"
    );
    assert_eq!(start(" ").err(), Some(StartError::EmptyReference));
    for bad in [
        "John Smith",
        "Smith",
        "A1234BC/2",
        "É1",
        &"9".repeat(33),
        "A1\u{202E}CB",
        "\u{2066}A1",
        "-123",
        "=1+1",
        "@A1",
        "+44",
    ] {
        assert!(
            matches!(start(bad).err(), Some(StartError::NotAReference(_))),
            "{bad:?}"
        );
    }
    let kit = shipped();
    let mut o = options("nope", Timepoint::Pre);
    assert_eq!(
        Session::start(&kit, o.clone(), t(0)).err(),
        Some(StartError::UnknownProgramme("nope".into()))
    );
    o.programme = "tsp".into();
    o.language = qkit_questionnaires::Lang::parse("fr").expect("tag");
    assert!(matches!(
        Session::start(&kit, o, t(0)),
        Err(StartError::UnknownLanguage(_))
    ));
}

#[test]
fn a_fresh_sitting_is_on_the_consent_cursor_in_participant_mode() {
    let kit = shipped();
    let s = Session::start(&kit, options("tsp", Timepoint::Post), t(0)).expect("start");
    let d = s.draft();
    assert_eq!(d.cursor, Cursor::Consent);
    assert_eq!(d.mode, Mode::Participant);
    let ids: Vec<&str> = d
        .record
        .questionnaires
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, ["consent", "bis11", "bscs", "feedback"]);
    assert_eq!(d.item_signatures.len(), 4);
}
