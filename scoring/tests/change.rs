//! Clinically significant change and the change categories, against worked examples.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{all, kit, with_cutoff};
use qkit_questionnaires::Direction;
use qkit_scoring::change::{
    clinical_cutoff, in_clinical_range, ChangeCategory, CutoffMethod, Outcome, Pair,
};
use qkit_scoring::{
    change, score, ChangeError, CohortPre, NormChoice, ReliableChangeChoice, Timepoints,
};

#[test]
fn reports_of_another_questionnaire_are_refused() {
    let kit = kit();
    let phq9 = kit.questionnaire("phq9").expect("ships");
    let gad7 = kit.questionnaire("gad7").expect("ships");
    let r = score(gad7, &all(gad7, &[1; 7]), &NormChoice::Default).expect("fits");
    let tp = Timepoints {
        pre: Some(&r),
        mid: None,
        post: Some(&r),
    };
    assert!(matches!(
        change(
            phq9,
            &tp,
            ReliableChangeChoice::Definition,
            &CohortPre::default()
        ),
        Err(ChangeError::WrongQuestionnaire { .. })
    ));
}

#[test]
fn clinical_cutoffs_c_a_and_b_by_hand() {
    // c = (SD_clin·M_func + SD_func·M_clin) / (SD_clin + SD_func) = (5·10 + 4·20) / 9 = 14.444
    // a = two clinical SDs towards the functional side: 20 − 10 = 10 (or 20 + 10 = 30)
    // b = two functional SDs towards the clinical side: 10 + 8 = 18 (or 10 − 8 = 2)
    for (method, direction, kind, want) in [
        ("c", "higher_is_more_need", CutoffMethod::C, 130.0 / 9.0),
        ("a", "higher_is_more_need", CutoffMethod::A, 10.0),
        ("b", "higher_is_more_need", CutoffMethod::B, 18.0),
        ("c", "higher_is_less_need", CutoffMethod::C, 130.0 / 9.0),
        ("a", "higher_is_less_need", CutoffMethod::A, 30.0),
        ("b", "higher_is_less_need", CutoffMethod::B, 2.0),
    ] {
        let q = with_cutoff(method, direction);
        let cut = clinical_cutoff(&q.scales[0]).expect("declared");
        assert_eq!(cut.method, kind);
        assert!(
            (cut.cutoff - want).abs() < 1e-12,
            "{method} {direction}: {}",
            cut.cutoff
        );
    }
    assert!(in_clinical_range(10.0, 10.0, Direction::HigherIsMoreNeed));
    assert!(!in_clinical_range(9.0, 10.0, Direction::HigherIsMoreNeed));
    assert!(in_clinical_range(10.0, 10.0, Direction::HigherIsLessNeed));
    assert!(!in_clinical_range(11.0, 10.0, Direction::HigherIsLessNeed));
}

#[test]
fn recovered_needs_reliable_improvement_across_the_cutoff() {
    // Cut-off c = 14.444; clinical norm SD 5, r .8: S_diff = √2·5·√.2 = 3.1623, so a change
    // needs more than 1.96 × 3.1623 = 6.198 points.
    let q = with_cutoff("c", "higher_is_more_need");
    let at = |total: [i32; 3]| {
        let answers = all(&q, &total);
        score(&q, &answers, &NormChoice::Default).expect("fits")
    };
    let cases = [
        // 30 → 10: −20, reliable, 30 clinical → 10 not: recovered
        ([10, 10, 10], [10, 0, 0], ChangeCategory::Recovered),
        // 30 → 20: −10, reliable, still clinical: improved
        ([10, 10, 10], [10, 10, 0], ChangeCategory::Improved),
        // 20 → 10: −10, reliable, 20 clinical → 10 not: recovered
        ([10, 10, 0], [10, 0, 0], ChangeCategory::Recovered),
        // 10 → 10: unchanged
        ([10, 0, 0], [0, 10, 0], ChangeCategory::Unchanged),
        // 10 → 30: reliable worsening
        ([10, 0, 0], [10, 10, 10], ChangeCategory::Deteriorated),
    ];
    for (from, to, want) in cases {
        let (a, b) = (at(from), at(to));
        let tp = Timepoints {
            pre: Some(&a),
            mid: Some(&b),
            post: None,
        };
        let report = change(
            &q,
            &tp,
            ReliableChangeChoice::Definition,
            &CohortPre::default(),
        )
        .expect("comparable");
        assert_eq!(report.changes.len(), 1, "only pre→mid has both reports");
        assert_eq!(report.changes[0].pair, Pair::PreMid);
        assert_eq!(
            report.changes[0].outcome,
            Outcome::Category(want),
            "{from:?} → {to:?}"
        );
    }
}
