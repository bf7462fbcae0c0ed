//! Cohort statistics for one questionnaire: per scale, n, mean, SD and Cronbach's alpha, so a
//! site can check that an instrument behaves as published in its own population.

use crate::answer::ItemResponse;
use crate::error::ScoreError;
use crate::norms::NormChoice;
use crate::responses;
use crate::score::score;
use crate::stats;
use qkit_questionnaires::Questionnaire;
use serde::Serialize;

/// Statistics for one subscale or total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CohortScale {
    pub scale: String,
    /// Respondents with a score on this scale (complete or prorated).
    pub n: usize,
    /// Mean of the scores; `None` when n is 0.
    pub mean: Option<f64>,
    /// Sample SD (divisor n − 1) of the scores; `None` when n < 2.
    pub sd: Option<f64>,
    /// Respondents who answered every item of the scale with a value.
    pub n_alpha: usize,
    /// Cronbach's alpha on the keyed item values of the complete cases; `None` when undefined
    /// (fewer than two items or complete cases, or no variance).
    pub alpha: Option<f64>,
}

/// Cohort statistics for every scale, in definition order.
///
/// Each respondent's answers are checked and scored exactly as [`score`] does (so an answer that
/// does not fit the questionnaire is the same error); scores use each scale's rule, including
/// prorating.
pub fn cohort<'a>(
    q: &Questionnaire,
    respondents: impl IntoIterator<Item = &'a [ItemResponse]>,
) -> Result<Vec<CohortScale>, ScoreError> {
    let mut scores: Vec<Vec<f64>> = vec![Vec::new(); q.scales.len()];
    let mut complete: Vec<Vec<Vec<f64>>> = vec![Vec::new(); q.scales.len()];
    for answers in respondents {
        let report = score(q, answers, &NormChoice::Default)?;
        let by_item = responses::by_item(q, answers)?;
        for (i, scale) in q.scales.iter().enumerate() {
            if let Some(s) = report.scales[i].score {
                scores[i].push(s);
            }
            let keyed: Option<Vec<f64>> = scale
                .items
                .iter()
                .map(|&index| {
                    let v = responses::value(by_item[index])?;
                    Some(f64::from(q.items[index].keyed(v)))
                })
                .collect();
            complete[i].extend(keyed);
        }
    }
    Ok(q.scales
        .iter()
        .enumerate()
        .map(|(i, scale)| CohortScale {
            scale: scale.id.clone(),
            n: scores[i].len(),
            mean: stats::mean(&scores[i]),
            sd: stats::sample_sd(&scores[i]),
            n_alpha: complete[i].len(),
            alpha: stats::cronbach_alpha(&complete[i]),
        })
        .collect())
}
