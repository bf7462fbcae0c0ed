//! Cohort statistics against a hand-computed example.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_questionnaires::Kit;
use qkit_scoring::{cohort, Answer, ItemResponse};

#[test]
fn gad7_cohort_by_hand() {
    let kit = Kit::shipped().expect("valid");
    let q = kit.questionnaire("gad7").expect("ships");
    let people: [&[Option<i32>]; 6] = [
        &[
            Some(0),
            Some(1),
            Some(0),
            Some(0),
            Some(1),
            Some(0),
            Some(0),
        ], // 2
        &[
            Some(1),
            Some(1),
            Some(2),
            Some(1),
            Some(1),
            Some(0),
            Some(1),
        ], // 7
        &[
            Some(2),
            Some(3),
            Some(2),
            Some(2),
            Some(1),
            Some(2),
            Some(2),
        ], // 14
        &[
            Some(3),
            Some(2),
            Some(3),
            Some(3),
            Some(3),
            Some(2),
            Some(3),
        ], // 19
        &[Some(1), Some(1), Some(1), Some(1), Some(1), Some(1), None], // 6 x 7 / 6 = 7
        &[Some(1), Some(1), Some(1), None, None, None, None],          // not scorable
    ];
    let answers: Vec<Vec<ItemResponse>> = people
        .iter()
        .map(|values| {
            q.items
                .iter()
                .zip(values.iter())
                .filter_map(|(item, v)| {
                    v.map(|v| ItemResponse {
                        item: item.id.clone(),
                        answer: Answer::Value(v),
                        seconds: 3.0,
                        assisted: false,
                        wording: qkit_questionnaires::Wording::Standard,
                    })
                })
                .collect()
        })
        .collect();
    let stats = cohort(q, answers.iter().map(Vec::as_slice)).expect("answers fit");
    assert_eq!(stats.len(), 1);
    let total = &stats[0];
    // Scores 2, 7, 14, 19, 7: n 5, mean 49 / 5 = 9.8; squared deviations 60.84 + 7.84 + 17.64
    // + 84.64 + 7.84 = 178.8; SD = sqrt(178.8 / 4) = sqrt(44.7) = 6.6858.
    assert_eq!(total.n, 5);
    assert!((total.mean.expect("n > 0") - 9.8).abs() < 1e-12);
    assert!((total.sd.expect("n > 1") - 44.7f64.sqrt()).abs() < 1e-12);
    assert!((total.sd.expect("n > 1") - 6.6858).abs() < 1e-4);
    // Alpha on the four complete cases. Item sums of squared deviations 5, 2.75, 4.75, 5, 3, 4,
    // 5 = 29.5; totals 2, 7, 14, 19 (mean 10.5): 72.25 + 12.25 + 12.25 + 72.25 = 169.
    // alpha = 7/6 × (1 − 29.5/169) = 976.5 / 1014 = 0.96302.
    assert_eq!(total.n_alpha, 4);
    let alpha = total.alpha.expect("four complete cases");
    assert!((alpha - 976.5 / 1014.0).abs() < 1e-12, "{alpha}");
    assert!((alpha - 0.96302).abs() < 1e-5);
}

#[test]
fn an_empty_cohort_has_no_statistics() {
    let kit = Kit::shipped().expect("valid");
    let q = kit.questionnaire("bis11").expect("ships");
    let stats = cohort(q, std::iter::empty()).expect("nothing to check");
    assert_eq!(stats.len(), 10);
    assert!(stats
        .iter()
        .all(|s| s.n == 0 && s.mean.is_none() && s.sd.is_none() && s.alpha.is_none()));
}
