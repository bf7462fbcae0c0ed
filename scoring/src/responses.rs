//! Checks answers against the questionnaire and lines them up with its items.

use crate::answer::{Answer, ItemResponse};
use crate::error::ScoreError;
use qkit_questionnaires::Questionnaire;

/// The answers of one questionnaire, one slot per item in definition order; `None` where the
/// item has no response at all.
pub(crate) type ByItem<'r> = Vec<Option<&'r ItemResponse>>;

/// Checks every response and returns them by item index.
///
/// Errors (never skipped, never scored): an unknown item, a value that is not one of the item's
/// options, a special answer the questionnaire does not offer, a second response for an item,
/// and seconds that are negative or not a number.
pub(crate) fn by_item<'r>(
    q: &Questionnaire,
    responses: &'r [ItemResponse],
) -> Result<ByItem<'r>, ScoreError> {
    let mut slots: ByItem<'r> = vec![None; q.items.len()];
    for (position, r) in responses.iter().enumerate() {
        let index = item_index(q, position, &r.item).ok_or_else(|| ScoreError::UnknownItem {
            questionnaire: q.id.clone(),
            item: r.item.clone(),
        })?;
        let item = &q.items[index];
        match r.answer {
            Answer::Value(value) if item.response_scale.option(value).is_none() => {
                return Err(ScoreError::ValueNotAnOption {
                    item: r.item.clone(),
                    value,
                    options: item
                        .response_scale
                        .options
                        .iter()
                        .map(|o| o.value.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                });
            }
            Answer::Special(answer) if q.special_answer(answer).is_none() => {
                return Err(ScoreError::SpecialNotOffered {
                    item: r.item.clone(),
                    answer,
                });
            }
            _ => {}
        }
        if !(r.seconds.is_finite() && r.seconds >= 0.0) {
            return Err(ScoreError::BadSeconds {
                item: r.item.clone(),
                seconds: r.seconds,
            });
        }
        let slot = &mut slots[index];
        if slot.is_some() {
            return Err(ScoreError::DuplicateResponse {
                item: r.item.clone(),
            });
        }
        *slot = Some(r);
    }
    Ok(slots)
}

/// The index of item `id`; answers usually come in item order, so `position` is tried first.
fn item_index(q: &Questionnaire, position: usize, id: &str) -> Option<usize> {
    match q.items.get(position) {
        Some(item) if item.id == id => Some(position),
        _ => q.item_index(id),
    }
}

/// The option value answered, if the response is a value (not special, not missing).
pub(crate) fn value(slot: Option<&ItemResponse>) -> Option<i32> {
    match slot?.answer {
        Answer::Value(v) => Some(v),
        Answer::Special(_) => None,
    }
}
