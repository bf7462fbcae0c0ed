//! A small questionnaire model read with serde_json, unknown keys refused: the least JSON
//! reading a questionnaire app needs.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerOption {
    label: String,
    value: i32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
enum Keying {
    Forward,
    Reverse,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: String,
    text: String,
    keying: Keying,
    options: Vec<AnswerOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Questionnaire {
    id: String,
    items: Vec<Item>,
    notes: Option<String>,
}

/// The first item's text and options, or that it is not a questionnaire.
pub fn first_item(text: &str) -> String {
    match serde_json::from_str::<Questionnaire>(text) {
        Ok(q) => q
            .items
            .first()
            .map(|i| {
                let keyed = matches!(i.keying, Keying::Reverse);
                let options: Vec<String> = i
                    .options
                    .iter()
                    .map(|o| format!("{} {}", o.label, o.value))
                    .collect();
                format!(
                    "{} {} {} {keyed} {options:?} {:?}",
                    q.id, i.id, i.text, q.notes
                )
            })
            .unwrap_or_default(),
        // Not the error's text, so that the measure is a floor: the app does print it.
        Err(_) => "not a questionnaire".into(),
    }
}
