//! Local definition files for the tests of local questionnaires, here and in the assessor's
//! tests (which take this file by path): the documented example questionnaire and a
//! `batteries.json` whose TSP pre battery is consent then that questionnaire.
#![allow(dead_code)]

use qkit_questionnaires::local_kit::Chosen;
use qkit_questionnaires::shipped::BATTERIES;
use qkit_questionnaires::BATTERIES_FILE;

/// The example questionnaire definition, version 1.0.0.
pub const EXAMPLE: &str = include_str!("../../../tests/definitions/valid/example.json");

/// A file chosen on the import screen: its name and text.
pub fn text(name: &str, text: &str) -> (String, Chosen) {
    (name.to_owned(), Chosen::Text(text.to_owned()))
}

/// The shipped batteries with TSP's pre battery as consent then the local questionnaire.
pub fn batteries() -> String {
    let mut b: serde_json::Value = serde_json::from_str(BATTERIES.1).expect("JSON");
    b["programmes"][0]["pre"] = serde_json::json!(["consent", "example"]);
    b.to_string()
}

/// The questionnaire `example` (a text of the example definition) and the batteries using it.
pub fn local_files(example: &str) -> Vec<(String, Chosen)> {
    vec![
        text("example.json", example),
        text(BATTERIES_FILE, &batteries()),
    ]
}
