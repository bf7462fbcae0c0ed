//! One subscale or total: keyed sum, prorating, norms and band.

use crate::norms::{self, NormChoice};
use crate::report::{
    report_number, DirectionKey, NotScorable, ScaleKindKey, ScaleScore, ScoreStatus,
};
use crate::responses::{self, ByItem};
use qkit_questionnaires::{
    BandBasis, Direction, Method, Prorate, Questionnaire, Rounding, Scale, ScaleKind,
};

/// Scores one scale from answers already checked against the questionnaire.
pub(crate) fn score_scale(
    q: &Questionnaire,
    scale: &Scale,
    answers: &ByItem<'_>,
    norms: &NormChoice,
) -> ScaleScore {
    let mut raw_sum: i64 = 0;
    let mut n_answered = 0usize;
    for &index in &scale.items {
        if let Some(value) = responses::value(answers[index]) {
            raw_sum += i64::from(q.items[index].keyed(value));
            n_answered += 1;
        }
    }
    let n_items = scale.items.len();
    let item_mean = (n_answered > 0).then(|| report_number(raw_sum as f64 / n_answered as f64));
    let (score, status) = official_score(scale, raw_sum, n_answered, item_mean);
    let norm = score.and_then(|s| norms.norm_for(scale).map(|n| norms::normed(s, n)));
    let band = score.and_then(|s| band(scale, s));
    ScaleScore {
        scale: scale.id.clone(),
        kind: match scale.kind {
            ScaleKind::Subscale => ScaleKindKey::Subscale,
            ScaleKind::Total => ScaleKindKey::Total,
        },
        n_items,
        n_answered,
        raw_sum,
        item_mean,
        score,
        status,
        norm,
        band,
        direction: direction_key(scale.direction),
    }
}

/// The score by the scale's rule (see `questionnaires/README.md`, "Scale"):
/// - fewer answered than `min_answered` requires: not scorable;
/// - every item answered: the sum, or the mean, of the keyed answers;
/// - some missing, prorating on: a sum becomes `raw_sum × n_items / n_answered` and a mean is
///   the mean of the answered items, then the rounding rule applies; status `prorated`;
/// - some missing, prorating off: the plain sum (or mean) of the answered items; status `ok`.
fn official_score(
    scale: &Scale,
    raw_sum: i64,
    n_answered: usize,
    item_mean: Option<f64>,
) -> (Option<f64>, ScoreStatus) {
    let n_items = scale.items.len();
    let required = scale.min_answered.required(n_items);
    let Some(mean) = item_mean.filter(|_| n_answered >= required) else {
        let reason = NotScorable::TooFewAnswered {
            answered: n_answered,
            required,
        };
        return (None, ScoreStatus::NotScorable(reason));
    };
    let complete = n_answered == n_items;
    let plain = match scale.method {
        Method::Sum => raw_sum as f64,
        Method::Mean => mean,
    };
    if complete || scale.prorate == Prorate::Off {
        return (Some(plain), ScoreStatus::Ok);
    }
    let prorated = match scale.method {
        Method::Sum => (raw_sum * n_items as i64) as f64 / n_answered as f64,
        Method::Mean => mean,
    };
    let rounded = match scale.rounding {
        // f64::round rounds half away from zero, as the format specifies.
        Rounding::Integer => prorated.round(),
        Rounding::None => report_number(prorated),
    };
    (Some(rounded), ScoreStatus::Prorated)
}

/// The band a score falls in, on the basis the bands declare (T against the default norm for
/// `t_score`, whatever norm group was chosen for the report).
fn band(scale: &Scale, score: f64) -> Option<String> {
    let bands = scale.bands.as_ref()?;
    let value = match bands.basis {
        BandBasis::Score => score,
        BandBasis::TScore => norms::t_score(norms::z_score(score, scale.default_norm()?)),
    };
    bands.band_for(value).map(|b| b.id.clone())
}

/// The report key for a direction.
pub(crate) fn direction_key(d: Direction) -> DirectionKey {
    match d {
        Direction::HigherIsMoreNeed => DirectionKey::HigherIsMoreNeed,
        Direction::HigherIsLessNeed => DirectionKey::HigherIsLessNeed,
    }
}
