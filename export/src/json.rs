//! A record as JSON text: written compactly, read in two steps so that a record of another
//! format version is told apart from one that does not parse.

use crate::error::{RecordError, RecordErrorKind};
use crate::record::{ResultRecord, RECORD_FORMAT};
use serde::Deserialize;

/// The one key read before anything else.
#[derive(Deserialize)]
struct FormatProbe {
    format: Option<serde_json::Value>,
}

impl ResultRecord {
    /// The record as compact JSON.
    pub fn to_json(&self) -> Result<Vec<u8>, serde_json::Error> {
        serde_json::to_vec(self)
    }

    /// The record as indented JSON, for people to read (`qkit decrypt`).
    pub fn to_json_pretty(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// Reads a record: the `format` first (a newer format is [`RecordErrorKind::UnsupportedFormat`],
    /// not a parse error), then the whole record. Structure only; see
    /// [`crate::validate_record`] for the checks against the kit.
    pub fn from_json(bytes: &[u8]) -> Result<ResultRecord, RecordError> {
        let at_root = |kind| RecordError::new("$", kind);
        let text = std::str::from_utf8(bytes).map_err(|_| at_root(RecordErrorKind::NotText))?;
        let probe: FormatProbe = serde_json::from_str(text)
            .map_err(|e| at_root(RecordErrorKind::Json(e.to_string())))?;
        match probe.format {
            None => {
                return Err(at_root(RecordErrorKind::Json(
                    "missing field `format`: this is not a qkit result record".into(),
                )))
            }
            Some(serde_json::Value::Number(n)) if n.as_u64() != Some(RECORD_FORMAT.into()) => {
                return Err(RecordError::new(
                    "$.format",
                    RecordErrorKind::UnsupportedFormat {
                        found: n.to_string(),
                        supported: RECORD_FORMAT,
                    },
                ))
            }
            Some(_) => {}
        }
        serde_json::from_str(text).map_err(|e| at_root(RecordErrorKind::Json(e.to_string())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> RecordErrorKind {
        *ResultRecord::from_json(text.as_bytes()).unwrap_err().kind
    }

    #[test]
    fn a_newer_format_is_not_a_parse_error() {
        assert_eq!(
            kind(r#"{"format": 2, "anything": "else"}"#),
            RecordErrorKind::UnsupportedFormat {
                found: "2".into(),
                supported: 1
            }
        );
    }

    #[test]
    fn other_content_does_not_parse() {
        for text in [
            "",
            "[]",
            "{}",
            r#"{"format": "1"}"#,
            r#"{"format": 1}"#,
            "{\"format\": 1",
        ] {
            assert!(matches!(kind(text), RecordErrorKind::Json(_)), "{text}");
        }
        assert_eq!(
            *ResultRecord::from_json(&[0xff, 0xfe]).unwrap_err().kind,
            RecordErrorKind::NotText
        );
    }
}
