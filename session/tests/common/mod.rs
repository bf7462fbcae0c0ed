//! Shared helpers for the session tests: the shipped kit, a kit with a staff-only item, and a
//! clock that only moves when told.
#![allow(dead_code)]

use qkit_export::{Support, Timestamp};
use qkit_questionnaires::{Kit, KitSources, Lang, Timepoint};
use qkit_scoring::Answer;
use qkit_session::{Screen, Session, StartOptions, Verb};

pub fn shipped() -> Kit {
    Kit::shipped().expect("the shipped definitions are valid")
}

/// A small questionnaire whose second item is for staff only.
pub const STAFFQ: &str = r##"{
  "format": 1, "id": "staffq", "version": "1.0.0", "kind": "form",
  "title": {"en": "Staff check", "cy": "Gwiriad staff"},
  "instructions": {"en": "A few questions.", "cy": "Ychydig o gwestiynau."},
  "languages": ["en", "cy"], "licence": "test", "source": "qkit", "minutes": 1,
  "response_scales": [{"id": "yn", "options": [
    {"value": 1, "label": {"en": "Yes", "cy": "Ie"}, "colour": "#2f6a8f", "pictogram": "yes", "code": "yes"},
    {"value": 2, "label": {"en": "No", "cy": "Na"}, "colour": "#8c4a16", "pictogram": "no", "code": "no"}]}],
  "special_answers": [{"kind": "dont_know", "policy": "missing"}],
  "items": [
    {"id": "staffq_01", "text": {"en": "First?", "cy": "Cyntaf?"}, "response_scale": "yn"},
    {"id": "staffq_02", "text": {"en": "Staff: seen ID?", "cy": "Staff: gweld ID?"}, "response_scale": "yn", "staff_only": true},
    {"id": "staffq_03", "text": {"en": "Third?", "cy": "Trydydd?"}, "response_scale": "yn"}
  ]
}"##;

const BATTERIES: &str = r#"{"format": 1, "programmes": [
  {"id": "test", "name": {"en": "Test", "cy": "Prawf"},
   "pre": ["consent", "staffq", "bscs"], "mid": ["consent", "staffq"], "post": ["consent", "staffq", "phq9"]}]}"#;

/// The shipped questionnaires plus `staffq`, with one programme "test".
pub fn with_staff_item() -> Kit {
    with_definitions(&[])
}

/// The shipped questionnaires plus `staffq`, with some replaced, and programme "test".
pub fn with_definitions(extra: &[(&'static str, &'static str)]) -> Kit {
    let mut sources = KitSources::shipped();
    for (file, text) in [("staffq.json", STAFFQ)].iter().chain(extra) {
        sources.definitions.retain(|(f, _)| f != file);
        sources.definitions.push((file, text));
    }
    sources.batteries = ("batteries.json", BATTERIES);
    Kit::load(&sources).unwrap_or_else(|e| panic!("test kit is invalid:\n{e}"))
}

/// Seconds after a fixed moment.
pub fn t(seconds: i64) -> Timestamp {
    Timestamp(1_795_000_000_000 + seconds * 1000)
}

pub fn options(programme: &str, timepoint: Timepoint) -> StartOptions {
    StartOptions {
        record_id: "rec-1".into(),
        kit_version: "0.1.0".into(),
        device: Some("TEST-0001".into()),
        participant: "A1234BC".into(),
        programme: programme.into(),
        timepoint,
        language: Lang::english(),
        support: Support::default(),
    }
}

/// A sitting past consent, handover and the practice question, on the first section screen.
pub fn at_first_section(kit: &Kit, programme: &str, timepoint: Timepoint) -> Session {
    let mut s = Session::start(kit, options(programme, timepoint), t(0)).expect("start");
    s.apply(kit, Verb::RecordConsent(Answer::Value(1)), t(30))
        .expect("consent");
    s.apply(kit, Verb::Next, t(31)).expect("handover");
    s.apply(kit, Verb::Next, t(31)).expect("practice");
    assert!(matches!(s.screen(kit), Screen::Section(_)));
    s
}

/// The item id on screen, or a panic naming the screen.
pub fn item_on_screen(kit: &Kit, s: &Session) -> String {
    match s.screen(kit) {
        Screen::Item(i) => i.item,
        other => panic!("expected an item, got {other:?}"),
    }
}
