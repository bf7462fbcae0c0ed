//! A record error inside a sealing or opening error is said once. (Both used to carry it as a
//! `source` as well as in their message, so the CLI's error chain printed it twice.)

use qkit_export::{OpenError, RecordError, RecordErrorKind, SealError};
use std::error::Error;

#[test]
fn a_record_error_inside_a_seal_or_open_error_is_said_once() {
    let cause = RecordError::new("$.format", RecordErrorKind::BadField("bad".into()));
    let sealed = SealError::from(cause.clone());
    assert!(sealed.source().is_none());
    assert_eq!(sealed.to_string(), "the record is not valid: $.format: bad");
    let opened = OpenError::from(cause);
    assert!(opened.source().is_none());
    assert_eq!(opened.to_string(), "$.format: bad");
}
