//! Target `responses_csv`: a responses file through `read_responses` for one of the shipped
//! scored questionnaires (the first byte picks which). Every error names its line; a file that
//! reads gives unique, non-empty respondents whose answers score, and the rows go through cohort
//! statistics and change without failing.

use qkit_questionnaires::Questionnaire;
use qkit_scoring::responses_csv::read_responses;
use qkit_scoring::{
    change, cohort, score, CohortPre, NormChoice, ReliableChangeChoice, Timepoints,
};
use std::collections::BTreeSet;

/// The shipped questionnaires that have scales, in id order.
pub fn scored() -> Vec<&'static Questionnaire> {
    super::shipped_kit()
        .questionnaires
        .values()
        .filter(|q| q.is_scored())
        .collect()
}

/// Reads the input as a responses file; checks what a file that reads promises.
pub fn check(data: &[u8]) {
    let (which, bytes) = super::selector(data);
    let questionnaires = scored();
    let q = questionnaires[usize::from(which) % questionnaires.len()];
    let rows = match read_responses(q, bytes) {
        Ok(rows) => rows,
        Err(e) => {
            // Only a file over the size limit has no line to name; fuzz inputs are far smaller.
            super::assert_message(&e, Some("line "));
            return;
        }
    };
    let mut seen = BTreeSet::new();
    let mut reports = Vec::new();
    for row in &rows {
        assert!(
            !row.respondent.is_empty(),
            "line {}: empty respondent",
            row.line
        );
        assert!(seen.insert(&row.respondent), "line {}: repeated", row.line);
        let report = score(q, &row.responses, &NormChoice::Default)
            .unwrap_or_else(|e| panic!("line {}: a row that reads does not score: {e}", row.line));
        super::definition::check_report(q, &report);
        reports.push(report);
    }
    cohort(q, rows.iter().map(|r| r.responses.as_slice()))
        .unwrap_or_else(|e| panic!("rows that read fail cohort: {e}"));
    if let [pre, .., post] = reports.as_slice() {
        if let Err(e) = change(
            q,
            &Timepoints {
                pre: Some(pre),
                mid: None,
                post: Some(post),
            },
            ReliableChangeChoice::CohortPre,
            &CohortPre::from_reports(q, &reports),
        ) {
            super::assert_message(&e, None);
        }
    }
}
