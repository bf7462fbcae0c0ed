//! The device id a record carries: a record from a qkit before device ids (no `device` key)
//! still opens and validates, one with a device id keeps it through sealing and opening, and a
//! device id that is not a short line of text is refused at `$.device`.

#![cfg(all(feature = "open", not(target_arch = "wasm32")))]

mod common;

use common::{keys, rng, workload::RECORD};
use qkit_export::{open, seal_record, validate_record, RecordErrorKind, ResultRecord};
use qkit_questionnaires::Kit;

fn kit() -> Kit {
    Kit::shipped().expect("the shipped definitions are valid")
}

/// The example record as a qkit before device ids wrote it: the same JSON without `device`.
fn old_json() -> String {
    let mut json: serde_json::Value = serde_json::from_str(RECORD).expect("the example is JSON");
    let fields = json.as_object_mut().expect("a record is an object");
    assert!(
        fields.remove("device").is_some(),
        "the example names its device"
    );
    serde_json::to_string_pretty(&json).expect("JSON writes")
}

#[test]
fn a_record_without_a_device_opens_and_is_written_without_one() {
    let kit = kit();
    let old = ResultRecord::from_json(old_json().as_bytes()).expect("an old record reads");
    assert_eq!(old.device, None);
    validate_record(&kit, &old).expect("an old record is valid");
    let (ids, recipient) = keys(1);
    let sealed = seal_record(&kit, &old, &[recipient], &mut rng(2)).expect("seals");
    assert_eq!(open(&sealed, &ids, &kit).expect("opens"), old);
    assert!(!old.to_json_pretty().expect("writes").contains("\"device\""));
}

#[test]
fn a_record_keeps_its_device_through_seal_and_open() {
    let kit = kit();
    let record = ResultRecord::from_json(RECORD.as_bytes()).expect("the example reads");
    assert_eq!(record.device.as_deref(), Some("K7QD-2MXA"));
    let (ids, recipient) = keys(3);
    let sealed = seal_record(&kit, &record, &[recipient], &mut rng(4)).expect("seals");
    let opened = open(&sealed, &ids, &kit).expect("opens");
    assert_eq!(opened.device.as_deref(), Some("K7QD-2MXA"));
    assert_eq!(opened, record);
}

#[test]
fn a_device_id_must_be_a_short_line() {
    let kit = kit();
    for (bad, why) in [
        ("", "device id is empty"),
        ("K7QD\n2MXA", "device id contains a control character"),
        (
            &"K".repeat(65)[..],
            "device id is longer than 64 characters",
        ),
    ] {
        let mut record = ResultRecord::from_json(RECORD.as_bytes()).expect("reads");
        record.device = Some(bad.to_owned());
        let e = validate_record(&kit, &record).expect_err("refused");
        assert_eq!(e.path, "$.device");
        assert!(
            matches!(&*e.kind, RecordErrorKind::BadField(w) if w == why),
            "{}",
            e.kind
        );
    }
}
