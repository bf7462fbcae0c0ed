//! The key guarantee: the report a record carries is exactly what scoring its answers gives.
//! When it is not, the error names the first place the two differ.

use crate::error::{RecordError, RecordErrorKind};
use crate::record::QuestionnaireResult;
use qkit_questionnaires::Questionnaire;
use serde_json::Value;

/// Re-scores one questionnaire and compares with the stored report. `needs_report`: a completed
/// record must carry the report of every scored questionnaire.
pub(super) fn check(
    path: &str,
    result: &QuestionnaireResult,
    q: &Questionnaire,
    needs_report: bool,
) -> Result<(), RecordError> {
    let Some(stored) = &result.report else {
        if needs_report {
            return Err(RecordError::new(
                format!("{path}.report"),
                RecordErrorKind::ReportMissing(q.id.clone()),
            ));
        }
        return Ok(());
    };
    let rescored = result.score(q).map_err(|e| {
        RecordError::new(
            format!("{path}.answers"),
            RecordErrorKind::Unscorable(e.to_string()),
        )
    })?;
    if *stored == rescored {
        return Ok(());
    }
    let (at, stored, rescored) = first_difference(
        &as_value(stored),
        &as_value(&rescored),
        format!("{path}.report"),
    );
    Err(RecordError::new(
        at.clone(),
        RecordErrorKind::ReportMismatch {
            at,
            stored,
            rescored,
        },
    ))
}

/// A report as a JSON value, through the same JSON writer and reader records use (rather than
/// `serde_json::to_value`, which would add a second serialiser to the browser bundle).
fn as_value(report: &qkit_scoring::ScoreReport) -> Value {
    serde_json::to_string(report)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or(Value::Null)
}

/// The JSON path of the first place two values differ, and both values there (shortened).
fn first_difference(a: &Value, b: &Value, path: String) -> (String, String, String) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, va) in x {
                match y.get(k) {
                    Some(vb) if va == vb => continue,
                    Some(vb) => return first_difference(va, vb, format!("{path}.{k}")),
                    None => return (format!("{path}.{k}"), show(va), "nothing".into()),
                }
            }
            if let Some((k, vb)) = y.iter().find(|(k, _)| !x.contains_key(*k)) {
                return (format!("{path}.{k}"), "nothing".into(), show(vb));
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            if let Some(i) = (0..x.len()).find(|&i| x[i] != y[i]) {
                return first_difference(&x[i], &y[i], format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
    (path, show(a), show(b))
}

/// A value as compact JSON, cut to 80 characters.
fn show(v: &Value) -> String {
    let s = v.to_string();
    match s.char_indices().nth(80) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_first_difference_is_found_by_path() {
        let a = json!({"scales": [{"score": 12.0, "band": "low"}, {"score": 3}], "n": 1});
        let b = json!({"scales": [{"score": 13.0, "band": "low"}, {"score": 3}], "n": 1});
        assert_eq!(
            first_difference(&a, &b, "$.r".into()),
            ("$.r.scales[0].score".into(), "12.0".into(), "13.0".into())
        );
        let c = json!({"flags": [1, 2]});
        let d = json!({"flags": [1]});
        assert_eq!(
            first_difference(&c, &d, "$".into()),
            ("$.flags".into(), "[1,2]".into(), "[1]".into())
        );
    }
}
