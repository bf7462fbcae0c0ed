//! Hardening mirrors of the `definition` and `kit_files` fuzz targets: the shipped definition,
//! batteries and interface-string files, mutated (and random bytes), through the same checks the
//! fuzzer runs (`fuzz/src/checks/`): no panic, a typed error naming the file, or a model that
//! scores within its ranges. Also replays each target's committed corpus.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../../fuzz/src/checks/mod.rs"]
mod checks;
mod hardening_common;

use hardening_common::{mutated, replay, with_selector};
use proptest::prelude::*;
use qkit_questionnaires::KitSources;

fn definitions() -> Vec<Vec<u8>> {
    KitSources::shipped()
        .definitions
        .iter()
        .map(|(_, text)| text.as_bytes().to_vec())
        .collect()
}

fn kit_files() -> Vec<Vec<u8>> {
    let s = KitSources::shipped();
    let ui = |name: &str| {
        s.ui.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_bytes())
            .expect("the shipped strings")
    };
    vec![
        with_selector(0, s.batteries.1.as_bytes()),
        with_selector(1, ui("en.json")),
        with_selector(2, ui("cy.json")),
        with_selector(3, s.definitions[0].1.as_bytes()),
    ]
}

#[test]
fn the_seeds_pass_their_checks() {
    for seed in definitions() {
        checks::definition::check(&seed);
    }
    for seed in kit_files() {
        checks::kit_files::check(&seed);
    }
}

#[test]
fn the_definition_corpus_passes() {
    replay("definition", checks::definition::check);
}

#[test]
fn the_kit_files_corpus_passes() {
    replay("kit_files", checks::kit_files::check);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn mutated_definitions_never_panic(bytes in mutated(definitions())) {
        checks::definition::check(&bytes);
    }
}

proptest! {
    // Each case loads and validates the whole kit: fewer cases keep this to seconds.
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn mutated_kit_files_never_panic(bytes in mutated(kit_files())) {
        checks::kit_files::check(&bytes);
    }
}
