//! The codebook's published codes (LOINC): those a definition cites for an item, its options, a
//! score and the questionnaire itself, as text.

use super::codebook::cell;
use super::About;
use qkit_questionnaires::{Code, Questionnaire, LOINC};

/// The published codes behind a column: an item's and its options', or a score's.
pub(super) fn codes(q: &Questionnaire, about: &About) -> String {
    let list = |codes: &[Code]| codes.iter().map(code_text).collect::<Vec<_>>();
    match about {
        About::Item { item, .. } => {
            let def = &q.items[*item];
            let mut parts = list(&def.codes);
            let options: Vec<String> = def
                .response_scale
                .options
                .iter()
                .flat_map(|o| {
                    o.codes
                        .iter()
                        .map(move |c| format!("{}={}", o.value, code_text(c)))
                })
                .collect();
            if !options.is_empty() {
                parts.push(format!("options {}", options.join(", ")));
            }
            parts.join("; ")
        }
        About::Score { scale, .. } => list(&q.scales[*scale].codes).join("; "),
        _ => String::new(),
    }
}

/// The questionnaire's own codes (a LOINC panel) for its section's heading.
pub(super) fn panel(q: &Questionnaire) -> String {
    let named: Vec<String> = q
        .codes
        .iter()
        .map(|c| format!("{} ({})", code_text(c), c.display))
        .collect();
    if named.is_empty() {
        return String::new();
    }
    format!(
        " Codes: {}; every code's source is cited in the definition.",
        cell(&named.join("; "))
    )
}

/// `LOINC 44249-1`, or `system|code` for another terminology.
fn code_text(c: &Code) -> String {
    if c.system == LOINC {
        format!("LOINC {}", c.code)
    } else {
        format!("{}|{}", c.system, c.code)
    }
}
