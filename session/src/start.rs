//! Starting a sitting: staff choose the participant reference, programme, timepoint, language and
//! support; the record is laid out for the battery and the sitting opens on the consent form.

use crate::draft::{Cursor, Draft, ItemClock, Mode, DRAFT_FORMAT};
use crate::error::StartError;
use crate::signature::item_signature;
use crate::sitting::Session;
use qkit_export::{
    check_reference, Consent, QuestionnaireResult, ResultRecord, Sitting, Support, Timestamp,
    RECORD_FORMAT,
};
use qkit_questionnaires::{Kit, Lang, QuestionnaireKind, Timepoint};

/// What staff choose on the start screen, plus the ids the app supplies.
#[derive(Debug, Clone, PartialEq)]
pub struct StartOptions {
    /// A random id for the record (the app draws it from the browser's random source).
    pub record_id: String,
    /// The qkit version writing the record.
    pub kit_version: String,
    /// The laptop's device id (the app keeps one per browser profile; see
    /// [`qkit_export::device`]), or `None` where there is none to give.
    pub device: Option<String>,
    /// The pseudonymous case reference, checked by [`check_reference`] (trimmed).
    pub participant: String,
    /// Programme id.
    pub programme: String,
    pub timepoint: Timepoint,
    pub language: Lang,
    pub support: Support,
}

impl Session {
    /// Opens a new sitting on the consent form at `now`.
    pub fn start(kit: &Kit, options: StartOptions, now: Timestamp) -> Result<Session, StartError> {
        let participant = check_reference(&options.participant)?.to_owned();
        let programme = kit
            .programme(&options.programme)
            .ok_or_else(|| StartError::UnknownProgramme(options.programme.clone()))?;
        if !kit.ui.has(&options.language) {
            return Err(StartError::UnknownLanguage(options.language.to_string()));
        }
        let battery = programme
            .battery(options.timepoint)
            .iter()
            .map(|id| {
                kit.questionnaire(id)
                    .ok_or_else(|| StartError::MissingQuestionnaire(id.clone()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        // Validation guarantees every battery starts with the consent form.
        debug_assert!(battery
            .first()
            .is_some_and(|q| q.kind == QuestionnaireKind::Consent));
        let record = ResultRecord {
            format: RECORD_FORMAT,
            kit_version: options.kit_version,
            device: options.device,
            record_id: options.record_id,
            participant,
            programme: programme.id.clone(),
            timepoint: options.timepoint,
            language: options.language.to_string(),
            support: options.support,
            consent: Consent {
                given: false,
                at: None,
            },
            sittings: vec![Sitting {
                started_at: now,
                ended_at: None,
            }],
            questionnaires: battery
                .iter()
                .map(|q| QuestionnaireResult {
                    id: q.id.clone(),
                    version: q.version.clone(),
                    content_hash: q.content_hash.clone(),
                    answers: Vec::new(),
                    report: None,
                    outdated: false,
                })
                .collect(),
            completed_at: None,
        };
        Ok(Session {
            draft: Draft {
                format: DRAFT_FORMAT,
                record,
                cursor: Cursor::Consent,
                mode: Mode::Participant,
                assisted: false,
                on_break: false,
                clock: ItemClock::started(now),
                last_activity: now,
                item_signatures: battery.iter().map(|q| item_signature(q)).collect(),
                outdated: Vec::new(),
                pending: None,
            },
            practice: None,
        })
    }
}
