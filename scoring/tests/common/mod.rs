//! Fixtures shared by the change tests: the shipped kit, answers, and a small scale with a
//! clinical and a functional norm whose cut-offs and rules can be worked by hand.

#![allow(dead_code)]

use qkit_questionnaires::{load_questionnaire, Kit, Questionnaire};
use qkit_scoring::{Answer, ItemResponse};

pub fn kit() -> Kit {
    Kit::shipped().expect("shipped definitions are valid")
}

pub fn all(q: &Questionnaire, values: &[i32]) -> Vec<ItemResponse> {
    q.items
        .iter()
        .zip(values)
        .map(|(item, &v)| ItemResponse {
            item: item.id.clone(),
            answer: Answer::Value(v),
            seconds: 3.0,
            assisted: false,
            wording: qkit_questionnaires::Wording::Standard,
        })
        .collect()
}

/// A scale with a clinical and a functional norm, so the cut-offs c, a and b can be worked:
/// clinical mean 20, SD 5; functional mean 10, SD 4.
pub fn with_cutoff(method: &str, direction: &str) -> Questionnaire {
    with_rules(
        method,
        direction,
        r#""reliable_change": {"method": "norm", "norm": "clin", "citation": "test"}"#,
    )
}

/// The same scale with `rule` as its reliable change key (or none, for `""`).
pub fn with_rules(method: &str, direction: &str, rule: &str) -> Questionnaire {
    let rule = if rule.is_empty() {
        String::new()
    } else {
        format!(", {rule}")
    };
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
          "clinical_significance": {{"method": "{method}", {extra}}}{rule}}}]}}"##
    );
    load_questionnaire("cut.json", &text).unwrap_or_else(|e| panic!("fixture is valid: {e}"))
}
