//! Reliable and clinically significant change, against worked examples.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_questionnaires::{load_questionnaire, Direction, Kit, Questionnaire};
use qkit_scoring::change::{
    clinical_cutoff, in_clinical_range, reliable_change_index, reliable_change_threshold,
    standard_error_of_difference, ChangeCategory, CutoffMethod, NotAssessable, Outcome, Pair,
};
use qkit_scoring::{change, score, Answer, ChangeError, ItemResponse, NormChoice, Timepoints};

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

fn kit() -> Kit {
    Kit::shipped().expect("shipped definitions are valid")
}

fn all(q: &Questionnaire, values: &[i32]) -> Vec<ItemResponse> {
    q.items
        .iter()
        .zip(values)
        .map(|(item, &v)| ItemResponse {
            item: item.id.clone(),
            answer: Answer::Value(v),
            seconds: 3.0,
            assisted: false,
        })
        .collect()
}

/// RSES: higher is less need and no clinical cut-off, so a rise is improvement and never
/// "recovered". Norm us_adults: SD 5.8, alpha .91, S_diff = √2·5.8·0.3 = 2.4607.
#[test]
fn direction_decides_what_counts_as_improvement() {
    let kit = kit();
    let q = kit.questionnaire("rses").expect("rses ships");
    // Keyed totals: plain items 1, 3, 4, 7, 10; reversed 2, 5, 6, 8, 9 (keyed 3 - raw).
    let low = all(q, &[1, 2, 1, 1, 2, 2, 1, 2, 2, 1]); // 10 x 1 = 10
    let high = all(q, &[2, 0, 2, 3, 1, 1, 2, 1, 1, 2]); // 2+3+2+3+2+2+2+2+2+2 = 22
    let pre = score(q, &low, &NormChoice::Default).expect("fits");
    let post = score(q, &high, &NormChoice::Default).expect("fits");
    assert_eq!(pre.scales[0].score, Some(10.0));
    assert_eq!(post.scales[0].score, Some(22.0));
    let tp = Timepoints {
        pre: Some(&pre),
        mid: None,
        post: Some(&post),
    };
    let report = change(q, &tp).expect("comparable");
    assert_eq!(report.changes.len(), 1);
    let c = &report.changes[0];
    assert_eq!(c.pair, Pair::PrePost);
    assert_eq!(c.diff, Some(12.0));
    let rci = c.rci.expect("a norm");
    assert!((rci - 12.0 / 2.460_732).abs() < 1e-5, "{rci}");
    assert_eq!(c.outcome, Outcome::Category(ChangeCategory::Improved));
    assert_eq!(c.clinical_cutoff, None);

    // The same change the other way is deterioration, with the RCI negated.
    let back = Timepoints {
        pre: Some(&post),
        mid: None,
        post: Some(&pre),
    };
    let c2 = &change(q, &back).expect("comparable").changes[0];
    assert_eq!(c2.rci, Some(-rci));
    assert_eq!(c2.outcome, Outcome::Category(ChangeCategory::Deteriorated));
}

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
        change(phq9, &tp),
        Err(ChangeError::WrongQuestionnaire { .. })
    ));
}

#[test]
fn scores_against_different_norm_groups_are_not_compared() {
    let kit = kit();
    let q = kit.questionnaire("phq9").expect("ships");
    let answers = all(q, &[1; 9]);
    let a = score(q, &answers, &NormChoice::Default).expect("fits");
    let b = score(q, &answers, &NormChoice::Group("de_general_all".into())).expect("fits");
    let tp = Timepoints {
        pre: Some(&a),
        mid: None,
        post: Some(&b),
    };
    let c = &change(q, &tp).expect("comparable").changes[0];
    assert_eq!(c.diff, Some(0.0));
    assert_eq!(c.rci, None);
    assert_eq!(
        c.outcome,
        Outcome::NotAssessable(NotAssessable::NormsDiffer)
    );
}

/// A scale with a clinical and a functional norm, so the cut-offs c, a and b can be worked:
/// clinical mean 20, SD 5; functional mean 10, SD 4.
fn with_cutoff(method: &str, direction: &str) -> Questionnaire {
    let extra = match method {
        "c" => r#""clinical_norm": "clin", "functional_norm": "func""#,
        "a" => r#""clinical_norm": "clin""#,
        "b" => r#""functional_norm": "func""#,
        _ => unreachable!("only c, a and b are worked here"),
    };
    let text = format!(
        r##"{{"format": 1, "id": "cut", "version": "1", "kind": "instrument",
        "title": {{"en": "Cut"}}, "instructions": {{"en": "i"}}, "languages": ["en"],
        "licence": "test", "source": "test", "minutes": 1,
        "response_scales": [{{"id": "s", "options": [
          {{"value": 0, "label": {{"en": "a"}}, "colour": "#000000", "pictogram": "bars-0"}},
          {{"value": 10, "label": {{"en": "b"}}, "colour": "#ffffff", "pictogram": "bars-4"}}]}}],
        "items": [{{"id": "cut_01", "text": {{"en": "x"}}, "response_scale": "s"}},
                  {{"id": "cut_02", "text": {{"en": "y"}}, "response_scale": "s"}},
                  {{"id": "cut_03", "text": {{"en": "z"}}, "response_scale": "s"}}],
        "scales": [{{"id": "total", "kind": "total", "title": {{"en": "T"}},
          "items": ["cut_01", "cut_02", "cut_03"], "method": "sum",
          "min_answered": {{"count": 3}}, "prorate": false, "direction": "{direction}",
          "norms": [
            {{"id": "clin", "population": "p", "n": 50, "mean": 20, "sd": 5,
              "reliability": {{"kind": "alpha", "value": 0.8}}, "citation": "c", "role": "clinical"}},
            {{"id": "func", "population": "p", "n": 50, "mean": 10, "sd": 4,
              "reliability": {{"kind": "alpha", "value": 0.8}}, "citation": "c", "role": "functional"}}],
          "default_norm": "clin",
          "clinical_significance": {{"method": "{method}", {extra}}}}}]}}"##
    );
    load_questionnaire("cut.json", &text).unwrap_or_else(|e| panic!("fixture is valid: {e}"))
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
        let report = change(&q, &tp).expect("comparable");
        assert_eq!(report.changes.len(), 1, "only pre→mid has both reports");
        assert_eq!(report.changes[0].pair, Pair::PreMid);
        assert_eq!(
            report.changes[0].outcome,
            Outcome::Category(want),
            "{from:?} → {to:?}"
        );
    }
}
