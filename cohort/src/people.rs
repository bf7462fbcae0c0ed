//! What the assessor's screens read from one participant's records: his answers to a kit form,
//! where he can attend, the reports in timepoint order, dates, and questionnaires answered under
//! an older definition.

use qkit_allocation::{attendance, Attendance, Date};
use qkit_export::record_set::ByTimepoint;
use qkit_export::{QuestionnaireResult, ResultRecord, Timestamp};
use qkit_questionnaires::{Kit, Questionnaire, Timepoint};
use qkit_scoring::{Answer, ScoreReport};

/// The id of the kit form that asks where and when he can attend.
pub const ABOUT_YOU: &str = "about_you";

/// The records present, earliest timepoint first.
pub fn present(records: &ByTimepoint) -> impl Iterator<Item = (Timepoint, &ResultRecord)> {
    Timepoint::ALL
        .into_iter()
        .filter_map(|t| records[t as usize].as_ref().map(|i| (t, &i.record)))
}

/// His current answers to questionnaire `id`, from the latest record that has any, as (item id,
/// answer) pairs.
pub fn answers_to<'a>(records: &'a ByTimepoint, id: &str) -> Vec<(&'a str, Answer)> {
    let latest = present(records)
        .filter_map(|(_, r)| r.questionnaires.iter().find(|q| q.id == id))
        .filter(|q| !q.answers.is_empty())
        .last();
    latest
        .map(|q| {
            q.answers
                .iter()
                .map(|a| (a.item.as_str(), a.answer))
                .collect()
        })
        .unwrap_or_default()
}

/// Where and when he said he can attend (the kit's `about_you` form), if the kit has it.
pub fn attendance_of(kit: &Kit, records: &ByTimepoint) -> Attendance {
    match kit.questionnaire(ABOUT_YOU) {
        Some(form) => attendance(form, &answers_to(records, ABOUT_YOU)),
        None => Attendance::default(),
    }
}

/// Every score report, earliest timepoint first (so the latest of a questionnaire comes last,
/// as the pathway decision wants).
pub fn reports(records: &ByTimepoint) -> Vec<ScoreReport> {
    present(records)
        .flat_map(|(_, r)| r.questionnaires.iter().filter_map(|q| q.report.clone()))
        .collect()
}

/// The day a record was completed (UTC), or its first sitting began if it has no completion.
pub fn record_date(record: &ResultRecord) -> Option<Date> {
    let when: Option<Timestamp> = record
        .completed_at
        .or_else(|| record.sittings.first().map(|s| s.started_at));
    when.and_then(|t| Date::parse(&t.date()))
}

/// Whether a questionnaire was answered under another definition than this kit's (the record
/// marks it outdated, or its version or hash differs): its answers are kept but it is not scored.
pub fn outdated(result: &QuestionnaireResult, q: Option<&Questionnaire>) -> bool {
    result.outdated
        || match q {
            Some(q) => result.version != q.version || result.content_hash != q.content_hash,
            None => true,
        }
}

pub use qkit_export::record_set::latest as latest_record;
