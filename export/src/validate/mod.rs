//! Checking a result record against the kit it claims to come from: the battery, each
//! questionnaire's definition, every answer and its history, consent, times, and — the key
//! guarantee — that re-scoring the answers gives exactly the stored reports.
//!
//! The first problem found is returned, with the JSON path where it is.

mod answers;
mod rescore;

use crate::error::{RecordError, RecordErrorKind};
use crate::record::{QuestionnaireResult, ResultRecord, RECORD_FORMAT};
use qkit_questionnaires::{Kit, Lang, Questionnaire, QuestionnaireKind};

/// Longest participant reference, record id or kit version accepted.
const MAX_FIELD_CHARS: usize = 64;

/// Checks a record against the kit. `Ok` means it can be sealed, imported and trusted: every
/// answer fits the definition it was given under and the reports are what scoring says.
pub fn validate_record(kit: &Kit, record: &ResultRecord) -> Result<(), RecordError> {
    if record.format != RECORD_FORMAT {
        return Err(RecordError::new(
            "$.format",
            RecordErrorKind::UnsupportedFormat {
                found: record.format.to_string(),
                supported: RECORD_FORMAT,
            },
        ));
    }
    check_field("$.kit_version", "kit version", &record.kit_version)?;
    check_field("$.record_id", "record id", &record.record_id)?;
    check_field(
        "$.participant",
        "participant reference",
        &record.participant,
    )?;
    check_language(kit, &record.language)?;
    let battery = battery(kit, record)?;
    check_times(record)?;
    if record.consent.given && record.consent.at.is_none() {
        return Err(RecordError::new(
            "$.consent.at",
            RecordErrorKind::BadField("consent is given but has no time".into()),
        ));
    }
    for (i, (result, q)) in record.questionnaires.iter().zip(battery).enumerate() {
        let path = format!("$.questionnaires[{i}]");
        check_definition(&path, result, q)?;
        if !record.consent.given
            && q.kind != QuestionnaireKind::Consent
            && !result.answers.is_empty()
        {
            return Err(RecordError::new(
                format!("{path}.answers"),
                RecordErrorKind::NoConsent(q.id.clone()),
            ));
        }
        answers::check(&path, result, q)?;
        let needs_report = record.completed_at.is_some() && record.consent.given && q.is_scored();
        rescore::check(&path, result, q, needs_report)?;
    }
    Ok(())
}

/// A short text field: non-empty, at most 64 characters, no control characters.
fn check_field(path: &str, what: &str, value: &str) -> Result<(), RecordError> {
    let problem = if value.trim().is_empty() {
        Some(format!("{what} is empty"))
    } else if value.chars().count() > MAX_FIELD_CHARS {
        Some(format!(
            "{what} is longer than {MAX_FIELD_CHARS} characters"
        ))
    } else if value.chars().any(char::is_control) {
        Some(format!("{what} contains a control character"))
    } else {
        None
    };
    match problem {
        Some(p) => Err(RecordError::new(path, RecordErrorKind::BadField(p))),
        None => Ok(()),
    }
}

fn check_language(kit: &Kit, language: &str) -> Result<(), RecordError> {
    let known = Lang::parse(language).is_some_and(|l| kit.ui.languages().any(|(k, _)| *k == l));
    if known {
        Ok(())
    } else {
        Err(RecordError::new(
            "$.language",
            RecordErrorKind::BadField(format!(
                "interface language \"{language}\" is not in this kit"
            )),
        ))
    }
}

/// The programme's battery for the record's timepoint, which the record's questionnaires must
/// follow exactly.
fn battery<'k>(kit: &'k Kit, record: &ResultRecord) -> Result<Vec<&'k Questionnaire>, RecordError> {
    let unknown = || {
        RecordError::new(
            "$.programme",
            RecordErrorKind::UnknownProgramme(record.programme.clone()),
        )
    };
    let battery = kit
        .battery(&record.programme, record.timepoint)
        .ok_or_else(unknown)?;
    let expected: Vec<&str> = battery.iter().map(|q| q.id.as_str()).collect();
    let found: Vec<&str> = record
        .questionnaires
        .iter()
        .map(|q| q.id.as_str())
        .collect();
    if expected != found {
        return Err(RecordError::new(
            "$.questionnaires",
            RecordErrorKind::BatteryMismatch {
                programme: record.programme.clone(),
                timepoint: record.timepoint.to_string(),
                expected: expected.join(", "),
                found: found.join(", "),
            },
        ));
    }
    Ok(battery)
}

/// The record was answered under this kit's definition: same version, same content hash.
fn check_definition(
    path: &str,
    result: &QuestionnaireResult,
    q: &Questionnaire,
) -> Result<(), RecordError> {
    if result.version == q.version && result.content_hash == q.content_hash {
        return Ok(());
    }
    Err(RecordError::new(
        format!("{path}.content_hash"),
        RecordErrorKind::DefinitionChanged {
            id: q.id.clone(),
            record_version: result.version.clone(),
            record_hash: short_hash(&result.content_hash),
            kit_version: q.version.clone(),
            kit_hash: short_hash(&q.content_hash),
        },
    ))
}

fn short_hash(hash: &str) -> String {
    hash.chars().take(12).collect()
}

/// Sittings start in order and end after they start.
fn check_times(record: &ResultRecord) -> Result<(), RecordError> {
    for (i, s) in record.sittings.iter().enumerate() {
        let path = format!("$.sittings[{i}]");
        if s.ended_at.is_some_and(|end| end < s.started_at) {
            return Err(RecordError::new(
                format!("{path}.ended_at"),
                RecordErrorKind::TimeOrder("the sitting ends before it starts".into()),
            ));
        }
        if i > 0 && s.started_at < record.sittings[i - 1].started_at {
            return Err(RecordError::new(
                format!("{path}.started_at"),
                RecordErrorKind::TimeOrder(
                    "the sitting starts before the one listed before it".into(),
                ),
            ));
        }
    }
    Ok(())
}
