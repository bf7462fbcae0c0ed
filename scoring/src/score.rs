//! Scoring one completed questionnaire: the entry point that ties the parts together.

use crate::answer::ItemResponse;
use crate::error::ScoreError;
use crate::norms::NormChoice;
use crate::report::ScoreReport;
use crate::{flags, followup, responses, scale};

/// Scores one questionnaire's answers.
///
/// `responses` holds at most one response per item (the current answer); items without one are
/// unanswered. Special answers count as missing. The result is deterministic: the same inputs
/// always give an equal report, so a stored record re-scores to the report it holds.
///
/// Errors are answers that do not fit the questionnaire (see [`ScoreError`]); they are never
/// skipped or scored. Incomplete answers are not errors: they give `prorated` or
/// `not_scorable` scales.
pub fn score(
    q: &qkit_questionnaires::Questionnaire,
    responses: &[ItemResponse],
    norms: &NormChoice,
) -> Result<ScoreReport, ScoreError> {
    norms.check(q)?;
    let answers = responses::by_item(q, responses)?;
    let n_answered = answers
        .iter()
        .filter(|s| responses::value(**s).is_some())
        .count();
    let scales: Vec<_> = q
        .scales
        .iter()
        .map(|s| scale::score_scale(q, s, &answers, norms))
        .collect();
    let mut flags = flags::quality_flags(q, &answers);
    flags.extend(flags::validity_concerns(q, &scales));
    flags.extend(flags::adapted_wording(q, &answers));
    Ok(ScoreReport {
        questionnaire: q.id.clone(),
        version: q.version.clone(),
        content_hash: q.content_hash.clone(),
        n_items: q.items.len(),
        n_answered,
        scales,
        flags,
        revisit: followup::revisit(q, &answers),
        alerts: followup::alerts(q, &answers),
    })
}
