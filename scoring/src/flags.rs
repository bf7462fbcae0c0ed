//! Response-quality flags. They describe how the questionnaire was answered and never feed
//! into a score.

use crate::report::{report_number, InconsistentPair, QualityFlag, ScaleScore};
use crate::responses::{self, ByItem};
use qkit_questionnaires::{Questionnaire, Wording};

/// The flags the answers alone raise, in a fixed order: too fast, straight-lining (per scale, in
/// definition order), inconsistent pairs, high missingness. `score` then adds the validity
/// concerns ([`validity_concerns`]) and adapted wording ([`adapted_wording`]).
pub(crate) fn quality_flags(q: &Questionnaire, answers: &ByItem<'_>) -> Vec<QualityFlag> {
    let mut flags = Vec::new();
    flags.extend(too_fast(q, answers));
    flags.extend(straight_lining(q, answers));
    flags.extend(inconsistent_pairs(q, answers));
    flags.extend(high_missingness(q, answers));
    flags
}

/// The median seconds per answered item is below the questionnaire's plausible minimum.
/// Only items answered with a value and timed (seconds > 0; 0 means not timed, as for answers
/// read from a CSV file) count; with none, there is no flag.
fn too_fast(q: &Questionnaire, answers: &ByItem<'_>) -> Option<QualityFlag> {
    let min_seconds = q.validity.min_seconds_per_item?;
    let mut seconds: Vec<f64> = answers
        .iter()
        .filter(|slot| responses::value(**slot).is_some())
        .filter_map(|slot| slot.map(|r| r.seconds))
        .filter(|s| *s > 0.0)
        .collect();
    let median_seconds = report_number(median(&mut seconds)?);
    (median_seconds < min_seconds).then_some(QualityFlag::TooFast {
        median_seconds,
        min_seconds,
    })
}

/// The median; the mean of the middle two for an even count; `None` when empty.
fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}

/// Fewer answered items than this on a scale never make a straight-lining flag: the same answer
/// to three or four items (BIS-11's perseverance factor, say) is too weak a sign of a response
/// style to put before staff. Eight is the smallest scale it was first checked on (BIS-11's
/// attentional impulsiveness).
pub const MIN_STRAIGHT_LINING_ITEMS: usize = 8;

/// The same raw answer on every answered item (at least [`MIN_STRAIGHT_LINING_ITEMS`]) of a scale
/// whose answered items include both reverse-keyed and plainly keyed ones (so the same answer
/// means opposite things).
fn straight_lining<'a>(
    q: &'a Questionnaire,
    answers: &'a ByItem<'_>,
) -> impl Iterator<Item = QualityFlag> + 'a {
    q.scales.iter().filter_map(move |scale| {
        let mut first: Option<i32> = None;
        let (mut reversed, mut plain, mut n) = (false, false, 0usize);
        for &index in &scale.items {
            let Some(value) = responses::value(answers[index]) else {
                continue;
            };
            if *first.get_or_insert(value) != value {
                return None;
            }
            n += 1;
            if q.items[index].reverse_keyed {
                reversed = true;
            } else {
                plain = true;
            }
        }
        (reversed && plain && n >= MIN_STRAIGHT_LINING_ITEMS).then(|| QualityFlag::StraightLining {
            scale: scale.id.clone(),
            value: first.expect("a reverse-keyed and a plain item were answered"),
            n_items: n,
        })
    })
}

/// Declared opposite pairs both given the same extreme raw value: both the lowest or both the
/// highest option of the item's response scale. The two items say opposite things, so after
/// keying such answers contradict each other outright ("strongly agree" to both "I am good at
/// resisting temptation" and "I do things that feel good in the moment"). Equal answers short
/// of an extreme (the midpoint, "occasionally") are consistent with an honest middling view
/// and are never flagged.
fn inconsistent_pairs(q: &Questionnaire, answers: &ByItem<'_>) -> Option<QualityFlag> {
    let at_extreme = |index: usize, value: i32| {
        let scale = &q.items[index].response_scale;
        value == scale.min || value == scale.max
    };
    let pairs: Vec<InconsistentPair> = q
        .validity
        .opposite_pairs
        .iter()
        .filter_map(|&(a, b)| {
            let va = responses::value(answers[a])?;
            let vb = responses::value(answers[b])?;
            (va == vb && at_extreme(a, va) && at_extreme(b, vb)).then(|| InconsistentPair {
                first: q.items[a].id.clone(),
                second: q.items[b].id.clone(),
                value: va,
            })
        })
        .collect();
    (!pairs.is_empty()).then_some(QualityFlag::InconsistentPairs { pairs })
}

/// More than `max_missing_proportion` of the questionnaire's items unanswered or given a
/// special answer.
fn high_missingness(q: &Questionnaire, answers: &ByItem<'_>) -> Option<QualityFlag> {
    let n_items = q.items.len();
    let answered = answers
        .iter()
        .filter(|s| responses::value(**s).is_some())
        .count();
    let missing = n_items - answered;
    let max_proportion = q.validity.max_missing_proportion;
    // Both sides are correctly rounded, so a proportion exactly at the limit never flags.
    (missing as f64 / n_items as f64 > max_proportion).then_some(QualityFlag::HighMissingness {
        missing,
        n_items,
        max_proportion,
    })
}

/// The flags that follow from the scores: each scale whose band the definition marks as a
/// validity concern.
pub(crate) fn validity_concerns<'a>(
    q: &'a Questionnaire,
    scales: &'a [ScaleScore],
) -> impl Iterator<Item = QualityFlag> + 'a {
    q.scales.iter().zip(scales).filter_map(|(scale, scored)| {
        let band_id = scored.band.as_deref()?;
        let band = scale
            .bands
            .as_ref()?
            .bands
            .iter()
            .find(|b| b.id == band_id)?;
        band.validity_concern.then(|| QualityFlag::ValidityConcern {
            scale: scale.id.clone(),
            band: band.id.clone(),
        })
    })
}

/// Items in any scale answered with a value in an easy-read wording that differs from the
/// published one (its text or its option labels).
pub(crate) fn adapted_wording(q: &Questionnaire, answers: &ByItem<'_>) -> Option<QualityFlag> {
    let items: Vec<String> = q
        .items
        .iter()
        .enumerate()
        .filter(|(index, item)| {
            let scored = q.scales.iter().any(|s| s.items.contains(index));
            let adapted = answers[*index].is_some_and(|r| {
                r.wording == Wording::EasyRead && responses::value(Some(r)).is_some()
            });
            scored && adapted && item.has_adapted_wording()
        })
        .map(|(_, item)| item.id.clone())
        .collect();
    (!items.is_empty()).then_some(QualityFlag::AdaptedWording { items })
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }
}
