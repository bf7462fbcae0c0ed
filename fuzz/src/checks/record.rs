//! Target `record`: a result record's JSON through `ResultRecord::from_json` and
//! `validate_record` against the shipped kit. Every error has a message; any record that reads
//! writes as JSON and reads back equal, and a valid one stays valid (so a record decrypted and
//! sealed again still opens).

use qkit_export::{validate_record, ResultRecord};

/// Reads and validates the input as a record.
pub fn check(data: &[u8]) {
    let kit = super::shipped_kit();
    let record = match ResultRecord::from_json(data) {
        Ok(r) => r,
        Err(e) => {
            super::assert_message(&e, Some("$"));
            return;
        }
    };
    let valid = validate_record(kit, &record);
    if let Err(e) = &valid {
        super::assert_message(e, Some("$"));
    }
    let json = record.to_json().expect("a record writes as JSON");
    let again = ResultRecord::from_json(&json).expect("a record's own JSON reads back");
    if valid.is_ok() {
        assert_eq!(
            validate_record(kit, &again),
            Ok(()),
            "a valid record is not valid after a JSON round trip"
        );
        assert_eq!(again, record, "a valid record changes in a JSON round trip");
    }
}
