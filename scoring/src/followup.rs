//! What staff must follow up: items to revisit ("I don't understand") and alerts.

use crate::answer::Answer;
use crate::report::AlertHit;
use crate::responses::ByItem;
use qkit_questionnaires::{Questionnaire, SpecialAnswerPolicy};

/// Items given a special answer whose policy is `missing_and_flag`, in definition order.
pub(crate) fn revisit(q: &Questionnaire, answers: &ByItem<'_>) -> Vec<String> {
    q.items
        .iter()
        .zip(answers)
        .filter_map(|(item, slot)| match (*slot)?.answer {
            Answer::Special(kind) => {
                let rule = q.special_answer(kind)?;
                (rule.policy == SpecialAnswerPolicy::MissingAndFlag).then(|| item.id.clone())
            }
            Answer::Value(_) => None,
        })
        .collect()
}

/// Alerts raised, in the order the questionnaire declares them: a value at or above
/// `at_least`, or, with `when_unanswered`, no answer or a special answer.
pub(crate) fn alerts(q: &Questionnaire, answers: &ByItem<'_>) -> Vec<AlertHit> {
    q.alerts
        .iter()
        .filter_map(|alert| {
            let answer = answers[alert.item].map(|r| r.answer);
            let hit = match answer {
                Some(Answer::Value(v)) => v >= alert.at_least,
                Some(Answer::Special(_)) | None => alert.when_unanswered,
            };
            hit.then(|| AlertHit {
                item: q.items[alert.item].id.clone(),
                answer,
            })
        })
        .collect()
}
