//! The laptop's device id: the app gives it in the start options, the record carries it from the
//! first screen to the end, and a stored draft reopened keeps it; without one the record is
//! written as a qkit before device ids wrote it.

mod common;

use common::*;
use qkit_export::validate_record;
use qkit_questionnaires::Timepoint;
use qkit_scoring::Answer;
use qkit_session::{Session, StartOptions, Verb};

#[test]
fn the_record_carries_the_device_given_to_the_end_and_after_reopening() {
    let kit = shipped();
    let mut s = Session::start(&kit, options("tsp", Timepoint::Pre), t(0)).expect("start");
    assert_eq!(s.draft().record.device.as_deref(), Some("TEST-0001"));
    s.apply(&kit, Verb::RecordConsent(Answer::Value(0)), t(20))
        .expect("a recorded no ends the battery");
    let record = &s.draft().record;
    assert!(record.completed_at.is_some());
    assert_eq!(record.device.as_deref(), Some("TEST-0001"));
    validate_record(&kit, record).expect("a finished record with a device is valid");
    let reopened = Session::resume(&kit, s.draft().clone(), t(60)).expect("reopens");
    assert_eq!(
        reopened.session.draft().record.device.as_deref(),
        Some("TEST-0001")
    );
}

#[test]
fn without_a_device_the_record_has_none_and_writes_no_device_key() {
    let kit = shipped();
    let options = StartOptions {
        device: None,
        ..options("tsp", Timepoint::Pre)
    };
    let s = Session::start(&kit, options, t(0)).expect("start");
    let record = &s.draft().record;
    assert_eq!(record.device, None);
    let json = record.to_json_pretty().expect("writes");
    assert!(!json.contains("\"device\""), "{json}");
}
