//! Checking a result record against the kit it claims to come from: the battery, each
//! questionnaire's definition, every answer and its history, consent, times, and — the key
//! guarantee — that re-scoring the answers gives exactly the stored reports.
//!
//! The first problem found is returned, with the JSON path where it is.

mod answers;
mod rescore;

use crate::error::{RecordError, RecordErrorKind};
use crate::record::{QuestionnaireResult, ResultRecord, RECORD_FORMAT};
use crate::reference::check_reference;
use qkit_questionnaires::{Kit, Lang, Questionnaire, QuestionnaireKind};

/// Longest record id or kit version accepted.
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
    if let Some(device) = &record.device {
        check_field("$.device", "device id", device)?;
    }
    check_participant(&record.participant)?;
    check_language(kit, &record.language)?;
    let battery = battery(kit, record)?;
    check_times(record)?;
    if record.consent.given && record.consent.at.is_none() {
        return Err(RecordError::new(
            "$.consent.at",
            RecordErrorKind::BadField("consent is given but has no time".into()),
        ));
    }
    for (i, result) in record.questionnaires.iter().enumerate() {
        let path = format!("$.questionnaires[{i}]");
        let q = battery.get(i).copied().flatten();
        let consent_form = q.is_some_and(|q| q.kind == QuestionnaireKind::Consent);
        if !record.consent.given && !consent_form && !result.answers.is_empty() {
            return Err(RecordError::new(
                format!("{path}.answers"),
                RecordErrorKind::NoConsent(result.id.clone()),
            ));
        }
        if result.outdated {
            check_outdated(&path, result, q)?;
            continue;
        }
        // `battery` pairs every questionnaire that is not outdated with its definition.
        let Some(q) = q else { continue };
        check_definition(&path, result, q)?;
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

/// The participant reference passes [`check_reference`], the start form's own check, as it
/// stands: a record made by qkit never has spaces around it.
fn check_participant(reference: &str) -> Result<(), RecordError> {
    const PATH: &str = "$.participant";
    match check_reference(reference) {
        Ok(r) if r == reference => Ok(()),
        Ok(_) => Err(RecordError::new(
            PATH,
            RecordErrorKind::BadField("participant reference has spaces around it".into()),
        )),
        Err(e) => Err(RecordError::new(PATH, RecordErrorKind::BadReference(e))),
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
/// follow exactly, paired with them by position. A questionnaire marked outdated that this kit no
/// longer has is left out of the comparison and paired with nothing.
fn battery<'k>(
    kit: &'k Kit,
    record: &ResultRecord,
) -> Result<Vec<Option<&'k Questionnaire>>, RecordError> {
    let unknown = || {
        RecordError::new(
            "$.programme",
            RecordErrorKind::UnknownProgramme(record.programme.clone()),
        )
    };
    let battery = kit
        .battery(&record.programme, record.timepoint)
        .ok_or_else(unknown)?;
    let removed = |r: &QuestionnaireResult| r.outdated && kit.questionnaire(&r.id).is_none();
    let expected: Vec<&str> = battery.iter().map(|q| q.id.as_str()).collect();
    let found: Vec<&str> = record
        .questionnaires
        .iter()
        .filter(|r| !removed(r))
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
    let mut definitions = battery.into_iter();
    Ok(record
        .questionnaires
        .iter()
        .map(|r| if removed(r) { None } else { definitions.next() })
        .collect())
}

/// A questionnaire answered under an older definition: it carries no report and is never
/// re-scored. Its answers are checked against the definition when this kit has the very one they
/// were given under, else for their structure only (see [`answers::check_structure`]).
fn check_outdated(
    path: &str,
    result: &QuestionnaireResult,
    q: Option<&Questionnaire>,
) -> Result<(), RecordError> {
    if result.report.is_some() {
        return Err(RecordError::new(
            format!("{path}.report"),
            RecordErrorKind::OutdatedWithReport(result.id.clone()),
        ));
    }
    match q {
        Some(q) if result.version == q.version && result.content_hash == q.content_hash => {
            answers::check(path, result, q)
        }
        _ => answers::check_structure(path, result),
    }
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
