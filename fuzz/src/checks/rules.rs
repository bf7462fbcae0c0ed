//! Target `rules`: a pathway rules file through `Rules::load` against the shipped kit. Every
//! error names the file; rules that load give a pathway decision, for every risk level and
//! requirement, from the reports of answers that fit the shipped questionnaires.

use super::definition::fitting_answers;
use qkit_allocation::{decide, Level, Rules, StaffInput};
use qkit_scoring::{score, NormChoice, ScoreReport};
use std::sync::OnceLock;

/// Loads the input as a rules file; checks that rules that load can decide.
pub fn check(data: &[u8]) {
    let kit = super::shipped_kit();
    match Rules::load("rules.json", &super::text(data), kit) {
        Ok(rules) => decides(&rules),
        Err(errors) => {
            assert!(!errors.0.is_empty(), "an error list with no error");
            for e in &errors.0 {
                super::assert_message(e, Some("rules.json: "));
            }
        }
    }
}

/// Decides for every set of fitting answers, risk level and requirement.
pub fn decides(rules: &Rules) {
    for reports in report_sets() {
        for &risk in Level::ALL {
            for requirement in &rules.requirements {
                let staff = StaffInput {
                    risk,
                    requirement: requirement.code.clone(),
                };
                let decision = decide(rules, reports, &[], &staff)
                    .unwrap_or_else(|e| panic!("a known requirement does not decide: {e}"));
                assert!(decision.need.points <= decision.need.max_points);
            }
        }
    }
}

/// Reports of every shipped scored questionnaire for each kind of fitting answers (the set at
/// one index across questionnaires: none, all lowest, all highest, …), computed once.
fn report_sets() -> &'static [Vec<ScoreReport>] {
    static SETS: OnceLock<Vec<Vec<ScoreReport>>> = OnceLock::new();
    SETS.get_or_init(|| {
        let kit = super::shipped_kit();
        (0..4)
            .map(|k| {
                kit.questionnaires
                    .values()
                    .filter(|q| q.is_scored())
                    .filter_map(|q| {
                        let answers = fitting_answers(q).into_iter().nth(k)?;
                        score(q, &answers, &NormChoice::Default).ok()
                    })
                    .collect()
            })
            .collect()
    })
}
