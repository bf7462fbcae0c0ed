//! Target `record`: a result record's JSON through `ResultRecord::from_json` and
//! `validate_record` against the shipped kit. Every error has a message; any record that reads
//! writes as JSON and reads back equal, and a valid one stays valid (so a record decrypted and
//! sealed again still opens). Input that is a rescue file (`is_rescue`) is read with
//! `read_rescue`: its errors name the file (`$`) or the sitting (`$.sittings[…`), and each sitting
//! read goes through the same record checks.

use qkit_export::{is_rescue, read_rescue, validate_record, ResultRecord};

/// Reads and validates the input as a record, or each sitting of a rescue file.
pub fn check(data: &[u8]) {
    if is_rescue(data) {
        match read_rescue(data) {
            Ok(rescued) => {
                for sitting in rescued.sittings {
                    match sitting {
                        Ok(record) => check_record(record),
                        Err(e) => super::assert_message(&e, Some("$.sittings[")),
                    }
                }
            }
            Err(e) => super::assert_message(&e, Some("$")),
        }
        return;
    }
    let record = match ResultRecord::from_json(data) {
        Ok(r) => r,
        Err(e) => {
            super::assert_message(&e, Some("$"));
            return;
        }
    };
    check_record(record);
}

/// A record that reads: validated, and its JSON round trip keeps it (and its validity).
fn check_record(record: ResultRecord) {
    let kit = super::shipped_kit();
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
