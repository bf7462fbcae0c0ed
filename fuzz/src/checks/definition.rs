//! Target `definition`: one questionnaire file through `load_questionnaire`. A file that loads
//! is a valid model, so answers that fit it must score, every score must lie within the scale's
//! range, norms must give finite numbers, and change and cohort statistics must not fail on it.

use qkit_questionnaires::{load_questionnaire, Questionnaire};
use qkit_scoring::{
    change, cohort, score, Answer, CohortPre, ItemResponse, NormChoice, ReliableChangeChoice,
    ScoreReport, Timepoints,
};

/// Loads the input as a definition file; checks what a valid one promises.
pub fn check(data: &[u8]) {
    let text = super::text(data);
    let file = file_name(&text);
    match load_questionnaire(&file, &text) {
        Ok(q) => scores_keep_their_promises(&q),
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an error list with no error");
            for e in &errors.0 {
                assert_eq!(e.file, file, "an error names another file: {e}");
                super::assert_message(e, Some(&file));
            }
        }
    }
}

/// `<id>.json` for the file's own id, so that a mutated file is not refused for its name alone.
pub(super) fn file_name(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("id")?.as_str().map(|id| format!("{id}.json")))
        .unwrap_or_else(|| "fuzz.json".to_owned())
}

/// Answer sets that fit any valid questionnaire: none, every first option, every last option,
/// options in turn, and the first special answer offered.
pub fn fitting_answers(q: &Questionnaire) -> Vec<Vec<ItemResponse>> {
    let answer = |item: &qkit_questionnaires::Item, answer: Answer| ItemResponse {
        item: item.id.clone(),
        answer,
        seconds: 3.0,
        assisted: false,
        wording: qkit_questionnaires::Wording::Standard,
    };
    let options = |pick: &dyn Fn(usize, usize) -> usize| {
        q.items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let opts = &item.response_scale.options;
                answer(item, Answer::Value(opts[pick(i, opts.len())].value))
            })
            .collect::<Vec<_>>()
    };
    let mut sets = vec![
        Vec::new(),
        options(&|_, _| 0),
        options(&|_, n| n - 1),
        options(&|i, n| i % n),
    ];
    if let Some(rule) = q.special_answers.first() {
        sets.push(
            q.items
                .iter()
                .map(|item| answer(item, Answer::Special(rule.kind)))
                .collect(),
        );
    }
    sets
}

fn scores_keep_their_promises(q: &Questionnaire) {
    assert!(
        q.items.iter().all(|i| !i.response_scale.options.is_empty()),
        "a valid item has options"
    );
    let sets = fitting_answers(q);
    let reports: Vec<ScoreReport> = sets
        .iter()
        .map(|answers| {
            score(q, answers, &NormChoice::Default)
                .unwrap_or_else(|e| panic!("answers that fit a valid definition do not score: {e}"))
        })
        .collect();
    for report in &reports {
        check_report(q, report);
    }
    for pair in reports.windows(2) {
        if let Err(e) = change(
            q,
            &Timepoints {
                pre: Some(&pair[0]),
                mid: None,
                post: Some(&pair[1]),
            },
            ReliableChangeChoice::CohortPre,
            &CohortPre::from_reports(q, &reports),
        ) {
            super::assert_message(&e, None);
        }
    }
    cohort(q, sets.iter().map(Vec::as_slice))
        .unwrap_or_else(|e| panic!("answers that fit a valid definition fail cohort: {e}"));
}

/// Every score within its scale's range; norm numbers finite, percentiles 0–100.
pub fn check_report(q: &Questionnaire, report: &ScoreReport) {
    for s in &report.scales {
        let scale = q
            .scale(&s.scale)
            .unwrap_or_else(|| panic!("a report names unknown scale {}", s.scale));
        if let Some(x) = s.score {
            assert!(
                x.is_finite() && x >= scale.score_min - 1e-6 && x <= scale.score_max + 1e-6,
                "scale {}: score {x} outside {}..={}",
                s.scale,
                scale.score_min,
                scale.score_max
            );
        }
        if let Some(n) = &s.norm {
            assert!(
                n.z.is_finite()
                    && n.t.is_finite()
                    && n.percentile.is_none_or(|p| (0.0..=100.0).contains(&p)),
                "scale {}: norm numbers {n:?}",
                s.scale
            );
        }
    }
}
