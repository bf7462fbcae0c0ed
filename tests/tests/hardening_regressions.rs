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

/// A definition or batteries file of thousands of distinct ids, under the 2 MiB file limit, took
/// a minute or two to validate in a release build (each id was compared with every earlier one).
/// Lists are now limited before any other check. Prints the time; asserts the refusal.
#[test]
fn huge_lists_in_definitions_are_refused_before_slow_checks() {
    let gad7 = qkit_questionnaires::KitSources::shipped()
        .definitions
        .iter()
        .find(|(name, _)| *name == "gad7.json")
        .map(|(_, text)| *text)
        .expect("gad7 ships");
    let ids: Vec<String> = (0..190_000).map(|n| format!("\"i{n}\"")).collect();
    let mut value: serde_json::Value = serde_json::from_str(gad7).expect("JSON");
    value["scales"][0]["items"] =
        serde_json::from_str(&format!("[{}]", ids.join(","))).expect("ids");
    let text = value.to_string();
    assert!(text.len() < qkit_questionnaires::MAX_FILE_BYTES);
    let started = std::time::Instant::now();
    let errors = qkit_questionnaires::load_questionnaire("gad7.json", &text).expect_err("too many");
    println!("190,000 scale items refused in {:?}", started.elapsed());
    assert_eq!(
        errors.to_string(),
        "gad7.json: $.scales[0].items: 190000 items in a scale; qkit reads at most 500"
    );
    let small = include_str!("../../fuzz/corpus/definition/regression-scale-items.json");
    let errors = qkit_questionnaires::load_questionnaire("gad7.json", small).expect_err("501");
    assert!(
        errors.to_string().contains("501 items in a scale"),
        "{errors}"
    );

    let mut sources = qkit_questionnaires::KitSources::shipped();
    let mut batteries: serde_json::Value = serde_json::from_str(sources.batteries.1).expect("JSON");
    let mut pre = vec![serde_json::json!("consent")];
    pre.extend((0..200_000).map(|n| serde_json::json!(format!("q{n}"))));
    batteries["programmes"][0]["pre"] = serde_json::Value::Array(pre);
    let text = batteries.to_string();
    assert!(text.len() < qkit_questionnaires::MAX_FILE_BYTES);
    sources.batteries = ("batteries.json", &text);
    let started = std::time::Instant::now();
    let errors = Kit::load(&sources).expect_err("too many");
    println!(
        "a battery of 200,001 questionnaires refused in {:?}",
        started.elapsed()
    );
    assert_eq!(
        errors.to_string(),
        "batteries.json: $.programmes[0].pre: 200001 questionnaires in a battery; qkit reads at most 100"
    );
}

/// Allocation time grows faster than participants × groups: 40,000 participants in 2,000 groups
/// took 12 s in a release build, and a 16 MiB participants file holds about 150,000. The readers
/// now take at most 10,000 participants and 1,000 groups.
#[test]
fn allocation_files_hold_a_bounded_number_of_rows() {
    let kit = Kit::shipped().expect("the shipped kit");
    let rules = Rules::shipped(&kit).expect("the shipped rules");
    let header =
        "id,programme,need,risk,requirement,sites,availability,in_work,adapted,waiting_since\n";
    let mut text = String::from(header);
    for n in 0..=qkit_allocation::MAX_PARTICIPANTS {
        text.push_str(&format!(
            "p{n},tsp,high,medium,programme_requirement,site_a,either,no,no,2026-09-01\n"
        ));
    }
    let error = qkit_allocation::read_participants("participants.csv", &text, &rules)
        .expect_err("one row too many");
    assert_eq!(
        error.to_string(),
        "participants.csv: line 10002: more than 10000 rows; qkit reads at most 10000"
    );
    let at_limit = text.rsplit_once("p10000,").expect("the last row").0;
    assert_eq!(
        qkit_allocation::read_participants("participants.csv", at_limit, &rules)
            .expect("the limit itself is fine")
            .len(),
        qkit_allocation::MAX_PARTICIPANTS
    );
}
