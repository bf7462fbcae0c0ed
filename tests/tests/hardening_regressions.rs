//! One named test for each problem the fuzzers and the hardening tests found, beside the
//! minimised input kept in the fuzz corpus (`fuzz/corpus/<target>/regression-*`).

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../../fuzz/src/checks/mod.rs"]
mod checks;

use qkit_allocation::Rules;
use qkit_questionnaires::Kit;

/// Rules whose points add up past `u32::MAX` made `decide` overflow (a panic in debug builds, a
/// wrong overall need in release). Points are now bounded when the rules are loaded.
#[test]
fn rules_with_huge_points_are_refused_when_loaded() {
    let kit = Kit::shipped().expect("the shipped kit");
    let text = include_str!("../../fuzz/corpus/rules/regression-points-overflow.json");
    let errors = Rules::load("rules.json", text, &kit).expect_err("points above 1000");
    assert_eq!(
        errors.to_string(),
        "rules.json: $.overall.points.high: points must be a whole number from 0 to 1000, \
         found 4000000000"
    );
    // The most points allowed load, and decide (for answers from lowest to highest, every risk
    // and requirement) without overflow.
    let most = text.replace("4000000000", "1000");
    Rules::load("rules.json", &most, &kit).expect("points up to 1000 are fine");
    checks::rules::check(most.as_bytes());
}
