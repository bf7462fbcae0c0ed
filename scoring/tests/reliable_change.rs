//! Reliable change by each scale's stated rule, against worked examples: the Jacobson–Truax
//! arithmetic, NHS Talking Therapies' published thresholds, and the cohort's pre-programme SD.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod common;

use common::{all, kit, with_rules};
use qkit_questionnaires::Questionnaire;
use qkit_scoring::change::{ChangeCategory, NotAssessable, Outcome};
use qkit_scoring::reliable::{
    reliable_change_index, reliable_change_threshold, standard_error_of_difference,
};
use qkit_scoring::{
    change, score, CohortPre, ItemResponse, NormChoice, ReliableChangeChoice, Timepoints,
};

/// The worked example: SD 5.0 and reliability .85 give
/// SE = 5·√.15 = 1.9365, S_diff = √2·1.9365 = 2.7386, threshold 1.96 × 2.7386 = 5.37 points.
#[test]
fn literature_example_sd_5_r_85_needs_5_37_points() {
    let s_diff = standard_error_of_difference(5.0, 0.85);
    assert!((s_diff - 2.738_613).abs() < 1e-6, "{s_diff}");
    let threshold = reliable_change_threshold(5.0, 0.85);
    assert!((threshold - 5.37).abs() < 0.005, "{threshold}");
    // 5.3 points is not reliable, 5.4 is, either way.
    assert!(reliable_change_index(20.0, 14.7, 5.0, 0.85).abs() < 1.96);
    assert!(reliable_change_index(20.0, 14.6, 5.0, 0.85).abs() > 1.96);
    assert!(reliable_change_index(14.6, 20.0, 5.0, 0.85) > 1.96);
}

#[test]
fn rci_is_antisymmetric_and_zero_without_change() {
    let there = reliable_change_index(12.0, 7.0, 3.5, 0.87);
    let back = reliable_change_index(7.0, 12.0, 3.5, 0.87);
    assert_eq!(there, -back);
    assert_eq!(reliable_change_index(9.0, 9.0, 3.5, 0.87), 0.0);
}

fn phq9_total_answers(q: &Questionnaire, total: i32) -> Vec<ItemResponse> {
    // Fill items with 3s from the first, then the remainder: e.g. 11 = 3 + 3 + 3 + 2.
    let mut left = total;
    let values: Vec<i32> = (0..q.items.len())
        .map(|_| {
            let v = left.min(3);
            left -= v;
            v
        })
        .collect();
    all(q, &values)
}

/// `(from, to)` totals on one published-threshold scale, compared pre → post.
fn points_verdict(id: &str, from: i32, to: i32) -> qkit_scoring::change::ScaleChange {
    let kit = kit();
    let q = kit.questionnaire(id).expect("ships");
    let pre = score(q, &phq9_total_answers(q, from), &NormChoice::Default).expect("fits");
    let post = score(q, &phq9_total_answers(q, to), &NormChoice::Default).expect("fits");
    assert_eq!(pre.scales[0].score, Some(f64::from(from)));
    assert_eq!(post.scales[0].score, Some(f64::from(to)));
    let tp = Timepoints {
        pre: Some(&pre),
        mid: None,
        post: Some(&post),
    };
    let report = change(
        q,
        &tp,
        ReliableChangeChoice::Definition,
        &CohortPre::default(),
    )
    .expect("comparable");
    report.changes[0].clone()
}

/// NHS Talking Therapies (formerly IAPT): reliable change is a change of 6 or more points on the
/// PHQ-9 and 4 or more on the GAD-7; caseness is PHQ-9 10 or more and GAD-7 8 or more (NHS
/// Digital, IAPT data set guidance 2016; NHS Talking Therapies Manual v7.1; as reported in Table
/// 1 of PMC8411661).
#[test]
fn nhs_talking_therapies_thresholds_decide_phq9_and_gad7_change() {
    use ChangeCategory::*;
    for (id, from, to, reliable, want) in [
        // PHQ-9 11 → 7: 4 points, under 6: not reliable, though 11 is a case and 7 is not.
        ("phq9", 11, 7, false, Unchanged),
        // PHQ-9 16 → 8: 8 points, reliable, 16 a case and 8 not: recovered.
        ("phq9", 16, 8, true, Recovered),
        // PHQ-9 15 → 9: exactly 6 points is reliable ("6 or more"), and 9 is below caseness.
        ("phq9", 15, 9, true, Recovered),
        // PHQ-9 16 → 10: reliable, but 10 is still a case: improved, not recovered.
        ("phq9", 16, 10, true, Improved),
        // PHQ-9 5 → 11: 6 points worse: deteriorated.
        ("phq9", 5, 11, true, Deteriorated),
        // GAD-7 9 → 6: 3 points, under 4: not reliable.
        ("gad7", 9, 6, false, Unchanged),
        // GAD-7 12 → 5: 7 points, reliable, 12 a case (8 or more) and 5 not: recovered.
        ("gad7", 12, 5, true, Recovered),
        // GAD-7 12 → 8: exactly 4 points, reliable, 8 still a case: improved.
        ("gad7", 12, 8, true, Improved),
    ] {
        let c = points_verdict(id, from, to);
        assert_eq!(c.reliable, Some(reliable), "{id} {from} → {to}");
        assert_eq!(c.outcome, Outcome::Category(want), "{id} {from} → {to}");
        assert_eq!(c.rci, None, "a points rule has no RCI");
        let basis = c.basis.expect("a basis");
        assert_eq!(basis.key(), "points");
        assert!(basis.source().contains("NHS Talking Therapies"));
    }
}

/// RSES and BSCS take the cohort's SD by their definitions; with no cohort their change is not
/// assessable, and says why.
#[test]
fn a_cohort_rule_without_a_cohort_is_not_assessable() {
    let kit = kit();
    for id in ["rses", "bscs"] {
        let q = kit.questionnaire(id).expect("ships");
        let n = q.items.len();
        let r = score(q, &all(q, &vec![1; n]), &NormChoice::Default).expect("fits");
        let tp = Timepoints {
            pre: Some(&r),
            mid: None,
            post: Some(&r),
        };
        let c = &change(
            q,
            &tp,
            ReliableChangeChoice::Definition,
            &CohortPre::default(),
        )
        .expect("comparable")
        .changes[0];
        assert_eq!(c.diff, Some(0.0));
        assert_eq!(c.basis, None);
        assert_eq!(
            c.outcome,
            Outcome::NotAssessable(NotAssessable::CohortTooSmall),
            "{id}"
        );
    }
}

/// Jacobson & Truax with the cohort's own pre-programme SD. Ten pre totals 0, 0, 10, 10, 10, 20,
/// 20, 20, 30, 30: mean 15, squared deviations 4·225 + 6·25 = 1050, SD = √(1050/9) = 10.801;
/// with the clinical norm's reliability .8, S_diff = √2·10.801·√.2 = 6.831 and a change needs
/// more than 1.96 × 6.831 = 13.389 points. The clinical norm's own SD (5) needs only 6.198.
#[test]
fn the_cohort_pre_sd_rule_by_hand() {
    let q = with_rules(
        "c",
        "higher_is_more_need",
        r#""reliable_change": {"method": "cohort_pre", "reliability_norm": "clin", "citation": "cohort"}"#,
    );
    let report = |v: [i32; 3]| score(&q, &all(&q, &v), &NormChoice::Default).expect("fits");
    let pre_totals = [
        [0, 0, 0],
        [0, 0, 0],
        [10, 0, 0],
        [10, 0, 0],
        [10, 0, 0],
        [10, 10, 0],
        [10, 10, 0],
        [10, 10, 0],
        [10, 10, 10],
        [10, 10, 10],
    ];
    let pres: Vec<_> = pre_totals.iter().map(|v| report(*v)).collect();
    let cohort = CohortPre::from_reports(&q, &pres);
    let judge = |from: [i32; 3], to: [i32; 3], cohort: &CohortPre| {
        let (a, b) = (report(from), report(to));
        let tp = Timepoints {
            pre: Some(&a),
            mid: None,
            post: Some(&b),
        };
        change(&q, &tp, ReliableChangeChoice::Definition, cohort)
            .expect("comparable")
            .changes[0]
            .clone()
    };
    // 30 → 20: 10 points, not more than 13.389: unchanged (the clinical norm's SD would say
    // reliable).
    let c = judge([10, 10, 10], [10, 10, 0], &cohort);
    assert_eq!(c.outcome, Outcome::Category(ChangeCategory::Unchanged));
    let basis = c.basis.expect("a basis");
    assert_eq!(basis.key(), "cohort_pre");
    assert!(
        (basis.threshold() - 13.389).abs() < 5e-4,
        "{}",
        basis.threshold()
    );
    match basis {
        qkit_scoring::ReliableChangeBasis::CohortPre { n, sd, .. } => {
            assert_eq!(n, 10);
            assert!((sd - 10.801_234).abs() < 1e-5, "{sd}");
        }
        other => panic!("expected the cohort basis, got {other:?}"),
    }
    // 30 → 10: 20 points, reliable, 30 clinical → 10 not (c = 14.444): recovered.
    let c = judge([10, 10, 10], [10, 0, 0], &cohort);
    assert_eq!(c.outcome, Outcome::Category(ChangeCategory::Recovered));
    // Nine men at pre are too few.
    let nine = CohortPre::from_reports(&q, &pres[..9]);
    let c = judge([10, 10, 10], [10, 0, 0], &nine);
    assert_eq!(
        c.outcome,
        Outcome::NotAssessable(NotAssessable::CohortTooSmall)
    );
}

/// The assessor's choice of the cohort's SD applies to every scale, with the reliability of the
/// norm the scale's rule names; a scale without a rule is not judged by the definition.
#[test]
fn the_assessors_cohort_choice_and_a_scale_without_a_rule() {
    let q = with_rules("c", "higher_is_more_need", "");
    let report = |v: [i32; 3]| score(&q, &all(&q, &v), &NormChoice::Default).expect("fits");
    let (a, b) = (report([10, 10, 10]), report([10, 0, 0]));
    let tp = Timepoints {
        pre: Some(&a),
        mid: None,
        post: Some(&b),
    };
    let none = change(
        &q,
        &tp,
        ReliableChangeChoice::Definition,
        &CohortPre::default(),
    )
    .expect("comparable");
    assert_eq!(
        none.changes[0].outcome,
        Outcome::NotAssessable(NotAssessable::NoReliableChangeRule)
    );
    // Ten men at pre with totals 0 and 30 alternately: SD = √(10·225/9) = 15.811; default norm
    // "clin" reliability .8: threshold 1.96·√2·15.811·√.2 = 19.600. A 20-point fall is reliable.
    let pres: Vec<_> = (0..10)
        .map(|i| report(if i % 2 == 0 { [0, 0, 0] } else { [10, 10, 10] }))
        .collect();
    let cohort = CohortPre::from_reports(&q, &pres);
    let chosen = change(&q, &tp, ReliableChangeChoice::CohortPre, &cohort).expect("comparable");
    let c = &chosen.changes[0];
    assert_eq!(chosen.choice, ReliableChangeChoice::CohortPre);
    assert!((c.basis.as_ref().expect("basis").threshold() - 19.600).abs() < 5e-4);
    assert_eq!(c.outcome, Outcome::Category(ChangeCategory::Recovered));
}

/// Choosing the cohort's SD keeps a published threshold in points: PHQ-9 11 → 7 stays
/// unreliable under NHS Talking Therapies' 6 points, whatever the cohort's spread.
#[test]
fn the_cohort_choice_keeps_published_thresholds() {
    let kit = kit();
    let q = kit.questionnaire("phq9").expect("ships");
    let pre = score(q, &phq9_total_answers(q, 11), &NormChoice::Default).expect("fits");
    let post = score(q, &phq9_total_answers(q, 7), &NormChoice::Default).expect("fits");
    let wide: Vec<_> = (0..10)
        .map(|i| score(q, &phq9_total_answers(q, i * 3), &NormChoice::Default).expect("fits"))
        .collect();
    let tp = Timepoints {
        pre: Some(&pre),
        mid: None,
        post: Some(&post),
    };
    let c = &change(
        q,
        &tp,
        ReliableChangeChoice::CohortPre,
        &CohortPre::from_reports(q, &wide),
    )
    .expect("comparable")
    .changes[0];
    assert_eq!(c.basis.as_ref().map(|b| b.key()).as_deref(), Some("points"));
    assert_eq!(c.outcome, Outcome::Category(ChangeCategory::Unchanged));
}

/// Ten men who all scored the same give an SD of 0: no measure of error, and it says so.
#[test]
fn a_cohort_without_spread_is_not_assessable() {
    let q = with_rules(
        "c",
        "higher_is_more_need",
        r#""reliable_change": {"method": "cohort_pre", "reliability_norm": "clin", "citation": "cohort"}"#,
    );
    let report = |v: [i32; 3]| score(&q, &all(&q, &v), &NormChoice::Default).expect("fits");
    let same: Vec<_> = (0..10).map(|_| report([10, 0, 0])).collect();
    let (a, b) = (report([10, 10, 10]), report([0, 0, 0]));
    let tp = Timepoints {
        pre: Some(&a),
        mid: None,
        post: Some(&b),
    };
    let c = &change(
        &q,
        &tp,
        ReliableChangeChoice::Definition,
        &CohortPre::from_reports(&q, &same),
    )
    .expect("comparable")
    .changes[0];
    assert_eq!(
        c.outcome,
        Outcome::NotAssessable(NotAssessable::CohortNoSpread)
    );
}
