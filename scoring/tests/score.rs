//! Scoring rules the vectors do not reach: answers that do not fit, timing, the mean method,
//! and straight-lining only where keys differ.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use qkit_questionnaires::{load_questionnaire, Kit, Questionnaire, SpecialAnswer};
use qkit_scoring::{score, Answer, ItemResponse, NormChoice, QualityFlag, ScoreError, ScoreStatus};

fn response(item: &str, answer: Answer, seconds: f64) -> ItemResponse {
    ItemResponse {
        item: item.to_owned(),
        answer,
        seconds,
        assisted: false,
        wording: qkit_questionnaires::Wording::Standard,
    }
}

/// Four items 1-5, item 4 reverse keyed, scored as a mean (at least 3 answered), no special
/// answers offered, plain and "odd" subscales, a too-fast limit of 2 seconds.
fn mean_scale() -> Questionnaire {
    let text = r##"{"format": 1, "id": "m4", "version": "1", "kind": "instrument",
      "title": {"en": "M"}, "instructions": {"en": "i"}, "languages": ["en"],
      "licence": "test", "source": "test", "minutes": 1,
      "response_scales": [{"id": "s", "options": [
        {"value": 1, "label": {"en": "1"}, "colour": "#000000", "pictogram": "bars-0"},
        {"value": 2, "label": {"en": "2"}, "colour": "#111111", "pictogram": "bars-1"},
        {"value": 3, "label": {"en": "3"}, "colour": "#222222", "pictogram": "bars-2"},
        {"value": 4, "label": {"en": "4"}, "colour": "#333333", "pictogram": "bars-3"},
        {"value": 5, "label": {"en": "5"}, "colour": "#444444", "pictogram": "bars-4"}]}],
      "items": [{"id": "m4_01", "text": {"en": "a"}, "response_scale": "s"},
                {"id": "m4_02", "text": {"en": "b"}, "response_scale": "s"},
                {"id": "m4_03", "text": {"en": "c"}, "response_scale": "s"},
                {"id": "m4_04", "text": {"en": "d"}, "response_scale": "s", "reverse_keyed": true}],
      "scales": [
        {"id": "plain", "kind": "subscale", "title": {"en": "P"}, "items": ["m4_01", "m4_02"],
         "method": "sum", "min_answered": {"count": 1}, "prorate": false,
         "direction": "higher_is_more_need"},
        {"id": "total", "kind": "total", "title": {"en": "T"},
         "items": ["m4_01", "m4_02", "m4_03", "m4_04"], "method": "mean",
         "min_answered": {"proportion": 0.75}, "prorate": true, "direction": "higher_is_more_need"}],
      "validity": {"min_seconds_per_item": 2}}"##;
    load_questionnaire("m4.json", text).unwrap_or_else(|e| panic!("fixture is valid: {e}"))
}

#[test]
fn the_mean_method_and_plain_sums_without_prorating() {
    let q = mean_scale();
    // 4 is reverse keyed: 1 + 5 - 2 = 4. Items 1-3 = 5, 3, 1.
    let all = [
        response("m4_01", Answer::Value(5), 3.0),
        response("m4_02", Answer::Value(3), 3.0),
        response("m4_03", Answer::Value(1), 3.0),
        response("m4_04", Answer::Value(2), 3.0),
    ];
    let r = score(&q, &all, &NormChoice::Default).expect("fits");
    assert_eq!(r.scales[1].raw_sum, 13);
    assert_eq!(r.scales[1].score, Some(13.0 / 4.0));
    assert_eq!(r.scales[1].status, ScoreStatus::Ok);
    // Without item 2: the mean of three answered (5 + 1 + 4) / 3 = 3.333 is "prorated"; the
    // plain subscale, which does not prorate, is the plain sum 5.
    let r = score(
        &q,
        &[all[0].clone(), all[2].clone(), all[3].clone()],
        &NormChoice::Default,
    )
    .expect("fits");
    // Report numbers keep 6 decimal places.
    assert_eq!(r.scales[1].score, Some(3.333333));
    assert_eq!(r.scales[1].status, ScoreStatus::Prorated);
    assert_eq!(r.scales[0].score, Some(5.0));
    assert_eq!(r.scales[0].status, ScoreStatus::Ok);
    // Two of four is below 0.75 × 4 = 3.
    let r = score(&q, &all[..2], &NormChoice::Default).expect("fits");
    assert_eq!(r.scales[1].score, None);
    assert_eq!(
        r.scales[1].status.to_string(),
        "not_scorable:too_few_answered_need_3"
    );
}

#[test]
fn answers_that_do_not_fit_are_typed_errors() {
    let q = mean_scale();
    let ok = |item: &str, v: i32| response(item, Answer::Value(v), 3.0);
    let cases: Vec<(Vec<ItemResponse>, &str, &str)> =
        vec![
        (vec![ok("m4_05", 1)], "unknown_item", "questionnaire \"m4\" has no item \"m4_05\""),
        (
            vec![ok("m4_01", 6)],
            "value_not_an_option",
            "item \"m4_01\": 6 is not one of its option values (1, 2, 3, 4, 5)",
        ),
        (
            vec![response("m4_01", Answer::Special(SpecialAnswer::DontKnow), 3.0)],
            "special_not_offered",
            "item \"m4_01\": the special answer \"dont_know\" is not offered by this questionnaire",
        ),
        (
            vec![ok("m4_02", 1), ok("m4_02", 2)],
            "duplicate_response",
            "item \"m4_02\" is answered more than once",
        ),
        (
            vec![response("m4_01", Answer::Value(1), f64::NAN)],
            "bad_seconds",
            "item \"m4_01\": seconds on screen is NaN",
        ),
        (
            vec![response("m4_01", Answer::Value(1), -1.0)],
            "bad_seconds",
            "item \"m4_01\": seconds on screen is -1",
        ),
    ];
    for (answers, key, message) in cases {
        let e = score(&q, &answers, &NormChoice::Default).expect_err(key);
        assert_eq!(e.key(), key);
        assert!(e.to_string().starts_with(message), "{e}");
    }
    let e = score(&q, &[], &NormChoice::Group("x".into())).expect_err("no norms");
    assert!(matches!(e, ScoreError::UnknownNormGroup { .. }));
    assert_eq!(
        e.to_string(),
        "questionnaire \"m4\" has no norm group \"x\" (it has: none)"
    );
}

#[test]
fn too_fast_uses_the_median_of_timed_value_answers_only() {
    let q = mean_scale();
    let timed = |secs: [f64; 4]| -> Vec<ItemResponse> {
        ["m4_01", "m4_02", "m4_03", "m4_04"]
            .iter()
            .zip(secs)
            .map(|(i, s)| response(i, Answer::Value(3), s))
            .collect()
    };
    let too_fast = |answers: &[ItemResponse]| {
        score(&q, answers, &NormChoice::Default)
            .expect("fits")
            .flags
            .into_iter()
            .find(|f| matches!(f, QualityFlag::TooFast { .. }))
    };
    // Even count: median of 1, 1.5, 2.5, 9 is (1.5 + 2.5) / 2 = 2.0, not below 2.
    assert_eq!(too_fast(&timed([9.0, 1.0, 2.5, 1.5])), None);
    // 1, 1.5, 2.4, 9: (1.5 + 2.4) / 2 = 1.95 < 2.
    assert_eq!(
        too_fast(&timed([9.0, 1.0, 2.4, 1.5])),
        Some(QualityFlag::TooFast {
            median_seconds: 1.95,
            min_seconds: 2.0
        })
    );
    // Untimed answers (0 seconds, e.g. from a CSV file) are left out; none timed, no flag.
    assert_eq!(too_fast(&timed([0.0; 4])), None);
    assert_eq!(
        too_fast(&timed([0.0, 0.0, 0.0, 1.0])),
        Some(QualityFlag::TooFast {
            median_seconds: 1.0,
            min_seconds: 2.0
        })
    );
}

#[test]
fn straight_lining_needs_reverse_and_plain_items_answered_alike() {
    let kit = Kit::shipped().expect("valid");
    let bscs = kit.questionnaire("bscs").expect("ships");
    let same = |q: &qkit_questionnaires::Questionnaire, items: &[&str]| -> Vec<QualityFlag> {
        let answers: Vec<ItemResponse> = items
            .iter()
            .map(|i| response(i, Answer::Value(2), 3.0))
            .collect();
        score(q, &answers, &NormChoice::Default)
            .expect("fits")
            .flags
            .into_iter()
            .filter(|f| matches!(f, QualityFlag::StraightLining { .. }))
            .collect()
    };
    let ids: Vec<String> = (1..=13).map(|i| format!("bscs_{i:02}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    // All 13 BSCS items (nine reverse keyed) answered 2: flagged.
    assert_eq!(
        same(bscs, &ids),
        vec![QualityFlag::StraightLining {
            scale: "total".into(),
            value: 2,
            n_items: 13
        }]
    );
    // Eight answered, plain and reverse keyed among them: flagged; seven: too few to say.
    assert_eq!(same(bscs, &ids[..8]).len(), 1);
    assert_eq!(same(bscs, &ids[..7]), vec![]);
    // Only plainly keyed items answered alike (1, 6, 8, 11): the same answer means the same
    // thing, never flagged.
    assert_eq!(
        same(bscs, &["bscs_01", "bscs_06", "bscs_08", "bscs_11"]),
        vec![]
    );
    // A four-item scale is never flagged, even with a reverse-keyed item among them.
    let q = mean_scale();
    assert_eq!(same(&q, &["m4_01", "m4_02", "m4_03", "m4_04"]), vec![]);
}

#[test]
fn answers_in_any_order_score_the_same() {
    let kit = Kit::shipped().expect("valid");
    let q = kit.questionnaire("bis11").expect("ships");
    let mut answers: Vec<ItemResponse> = q
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| response(&item.id, Answer::Value(1 + (i as i32 * 7) % 4), 3.0))
        .collect();
    let in_order = score(q, &answers, &NormChoice::Default).expect("fits");
    answers.reverse();
    answers.swap(3, 17);
    assert_eq!(score(q, &answers, &NormChoice::Default), Ok(in_order));
}
