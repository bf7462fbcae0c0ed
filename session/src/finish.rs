//! Finishing a battery: every questionnaire is scored by qkit-scoring (as a record's reports
//! always are, see `QuestionnaireResult::score`) and the record is closed.

use crate::draft::{Cursor, Draft, ItemClock, Mode};
use qkit_export::Timestamp;
use qkit_questionnaires::Kit;

/// Scores every questionnaire still current (outdated ones keep their answers unscored), marks
/// the record complete at `now` and moves to the thank-you screen.
///
/// Answers recorded through the session always fit their questionnaire, so scoring fails only
/// for a damaged draft; that questionnaire then keeps its answers with no report, and the
/// completion summary says it could not be scored.
pub(crate) fn finish(kit: &Kit, d: &mut Draft, now: Timestamp) {
    score_reports(kit, d);
    d.record.completed_at = Some(now);
    close_sitting(d, now);
    d.cursor = Cursor::ThankYou;
    d.mode = Mode::Participant;
    d.assisted = false;
    d.on_break = false;
    d.clock = ItemClock::default();
    d.pending = None;
}

/// Scores each questionnaire still current that has no report yet, under the kit's definition
/// it was answered under (outdated ones keep their answers unscored). At the finish that is every
/// one; when a finished draft is reopened, it is those whose reports the read skipped (the
/// participant's build reads drafts without them: qkit-export's `reports` feature), which come
/// out as they were, as scoring is deterministic.
pub(crate) fn score_reports(kit: &Kit, d: &mut Draft) {
    for (i, result) in d.record.questionnaires.iter_mut().enumerate() {
        if d.outdated.contains(&i) || result.report.is_some() {
            continue;
        }
        let Some(q) = kit
            .questionnaire(&result.id)
            .filter(|q| q.content_hash == result.content_hash)
        else {
            continue;
        };
        result.report = result.score(q).ok();
    }
}

/// Ends the open sitting, if any, at `at`.
pub(crate) fn close_sitting(d: &mut Draft, at: Timestamp) {
    if let Some(s) = d.record.sittings.last_mut() {
        if s.ended_at.is_none() {
            s.ended_at = Some(at.max(s.started_at));
        }
    }
}
