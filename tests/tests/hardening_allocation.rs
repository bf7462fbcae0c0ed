//! Hardening mirrors of the `allocation_csv`, `responses_csv` and `rules` fuzz targets:
//! the allocation example's participants and groups files, responses files made from the shipped
//! questionnaires, and the shipped rules, mutated (and random bytes), through the same checks the
//! fuzzer runs (`fuzz/src/checks/`). Also replays each target's committed corpus.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../../fuzz/src/checks/mod.rs"]
mod checks;
mod hardening_common;

use hardening_common::{mutated, replay, with_selector};
use proptest::prelude::*;

const PARTICIPANTS: &str = include_str!("../allocation/example/participants.csv");
const GROUPS: &str = include_str!("../allocation/example/groups.csv");

fn allocation_files() -> Vec<Vec<u8>> {
    let mut both = with_selector(2, PARTICIPANTS.as_bytes());
    both.push(0);
    both.extend_from_slice(GROUPS.as_bytes());
    vec![
        with_selector(0, PARTICIPANTS.as_bytes()),
        with_selector(1, GROUPS.as_bytes()),
        both,
    ]
}

/// A responses file for each shipped scored questionnaire: every item, four respondents, with
/// options in turn, an empty cell and a special answer where offered.
fn responses_files() -> Vec<Vec<u8>> {
    checks::responses_csv::scored()
        .iter()
        .enumerate()
        .map(|(index, q)| {
            let mut text = String::from("respondent");
            for item in &q.items {
                text.push(',');
                text.push_str(&item.id);
            }
            for r in 0..4 {
                text.push_str(&format!("\np{r}"));
                for (n, item) in q.items.iter().enumerate() {
                    let options = &item.response_scale.options;
                    let cell = match (r, n % 3) {
                        (3, 0) if !q.special_answers.is_empty() => "DK".to_owned(),
                        (3, 0) => String::new(),
                        _ => options[(n + r) % options.len()].value.to_string(),
                    };
                    text.push(',');
                    text.push_str(&cell);
                }
            }
            text.push('\n');
            with_selector(
                u8::try_from(index).expect("few questionnaires"),
                text.as_bytes(),
            )
        })
        .collect()
}

fn rules_files() -> Vec<Vec<u8>> {
    vec![qkit_allocation::rules::SHIPPED.1.as_bytes().to_vec()]
}

#[test]
fn the_seeds_pass_their_checks() {
    for seed in allocation_files() {
        checks::allocation_csv::check(&seed);
    }
    for seed in responses_files() {
        checks::responses_csv::check(&seed);
    }
    for seed in rules_files() {
        checks::rules::check(&seed);
    }
}

#[test]
fn the_allocation_csv_corpus_passes() {
    replay("allocation_csv", checks::allocation_csv::check);
}

#[test]
fn the_responses_csv_corpus_passes() {
    replay("responses_csv", checks::responses_csv::check);
}

#[test]
fn the_rules_corpus_passes() {
    replay("rules", checks::rules::check);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn mutated_allocation_files_never_panic(bytes in mutated(allocation_files())) {
        checks::allocation_csv::check(&bytes);
    }

    #[test]
    fn mutated_responses_files_never_panic(bytes in mutated(responses_files())) {
        checks::responses_csv::check(&bytes);
    }

    #[test]
    fn mutated_rules_never_panic(bytes in mutated(rules_files())) {
        checks::rules::check(&bytes);
    }
}
