//! The worked allocation example in `tests/allocation/example/` (reasoned by hand in
//! `tests/allocation/README.md`) gives exactly its expected allocation CSV.

#![cfg(not(target_arch = "wasm32"))]

use qkit_allocation::{
    allocate, read_groups, read_participants, write_allocation, AllocationInput, Date, Rules,
};
use qkit_questionnaires::Kit;
use std::fs;
use std::path::{Path, PathBuf};

fn example(file: &str) -> (String, String) {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("allocation/example")
        .join(file);
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    (file.to_owned(), text)
}

#[test]
fn the_worked_example_gives_the_expected_allocation() {
    let kit = Kit::shipped().expect("shipped kit");
    let (name, text) = example("rules.json");
    let rules = Rules::load(&name, &text, &kit).unwrap_or_else(|e| panic!("{e}"));
    let (name, text) = example("participants.csv");
    let participants = read_participants(&name, &text, &rules).unwrap_or_else(|e| panic!("{e}"));
    let (name, text) = example("groups.csv");
    let groups = read_groups(&name, &text, &rules).unwrap_or_else(|e| panic!("{e}"));
    let input = AllocationInput {
        participants,
        groups,
    };
    let today = Date::parse("2026-11-23").expect("a date");
    let allocation = allocate(&input, today).unwrap_or_else(|e| panic!("{e}"));
    let got = write_allocation(&allocation);
    let (_, expected) = example("expected.csv");
    if got != expected {
        panic!("allocation differs from expected.csv\n--- expected\n{expected}--- got\n{got}");
    }
}
