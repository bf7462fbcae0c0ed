//! The shipped interface strings, checked for what the loader cannot see: a Welsh string left
//! as the English text (untranslated, or not redone after the English changed and copied
//! over), and a number followed by a plural noun in a string with no plural forms ("1
//! results"). Both areas' strings, the participant's and the assessor's.

use qkit_questionnaires::{Kit, Lang};

/// Keys whose Welsh is rightly the same as the English, each with why.
const SAME_IN_WELSH: &[(&str, &str)] = &[
    (
        "staff_button",
        "\"Staff\" is the Welsh word too (staff, Geiriadur Prifysgol Cymru)",
    ),
    (
        "score_value",
        "only placeholders and punctuation: \"{scale}: {score}\"",
    ),
    (
        "assessor_filter_band",
        "\"Band\" is the Welsh word too (band, as in band sgôr)",
    ),
    (
        "assessor_import_loaded_one",
        "only placeholders and punctuation",
    ),
    ("assessor_file_problem", "only placeholders and punctuation"),
    (
        "assessor_t_score",
        "\"T\" is the T-score's symbol in every language",
    ),
    (
        "assessor_person_heading",
        "only placeholders and punctuation",
    ),
    (
        "assessor_evidence_band",
        "only placeholders, punctuation and an arrow",
    ),
];

/// Placeholders that hold something other than a whole number, so a plural-looking word after
/// them says nothing about plural forms, each with why.
const NOT_WHOLE_NUMBERS: &[(&str, &str)] = &[
    ("language", "a language's name: \"the {language} texts\""),
    (
        "fingerprint",
        "a key's fingerprint: \"{fingerprint} matches\"",
    ),
    // FIXME: a decimal needs its visible fraction digits for CLDR's plural rules, and
    // `UiStrings::count` takes whole numbers only. The plural noun is right for every value
    // shown with a fraction ("2.5 seconds", "5.20 points") and wrong only for exactly 1.
    ("median", "a median in seconds, a decimal"),
    ("points", "a published reliable change in points, a decimal"),
    (
        "threshold",
        "a reliable change threshold, shown with two decimals",
    ),
];

fn kit() -> Kit {
    Kit::shipped_with_assessor().expect("the shipped kit is valid")
}

#[test]
fn every_welsh_string_is_translated() {
    let kit = kit();
    let (en, cy) = (Lang::english(), Lang::parse("cy").expect("a language tag"));
    let mut same: Vec<&str> = kit
        .ui
        .keys()
        .filter(|k| kit.ui.get(&en, k) == kit.ui.get(&cy, k))
        .collect();
    same.sort_unstable();
    let mut allowed: Vec<&str> = SAME_IN_WELSH.iter().map(|(k, _)| *k).collect();
    allowed.sort_unstable();
    assert_eq!(
        same, allowed,
        "Welsh strings equal to the English: translate them, or add the key to SAME_IN_WELSH \
         with why (and drop a key that no longer is)"
    );
}

/// The heuristic: in an English string with no plural forms (no `|`), a `{placeholder}` (one
/// not in [`NOT_WHOLE_NUMBERS`]) followed, within its next two words, by a plural noun: a word
/// of three letters or more ending in "s" that is not a verb or pronoun qkit's strings put there
/// ("is", "was", "has", "its", "this", "his", "matches", "takes"), or "men" or "people". A word after
/// punctuation (":", "(", ",", ".") does not count: "Groups: {count}" says its number as a
/// figure, with no noun to agree. Welsh puts the singular after a number, so only the English is
/// read; the Welsh forms are checked against English's in `assessor/tests/allocation_check.rs`.
fn number_before_plural(text: &str) -> Vec<String> {
    const NOT_NOUNS: &[&str] = &["is", "was", "has", "its", "this", "his", "matches", "takes"];
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        rest = &after[end + 1..];
        if NOT_WHOLE_NUMBERS.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let next_words = rest
            .split(|c: char| !c.is_alphabetic() && c != ' ' && c != '-')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .take(2);
        for word in next_words {
            let w = word.to_lowercase();
            let plural = (w.len() >= 3 && w.ends_with('s') && !NOT_NOUNS.contains(&w.as_str()))
                || w == "men"
                || w == "people";
            if plural {
                found.push(format!("{{{name}}} {word}"));
            }
        }
    }
    found
}

#[test]
fn a_number_before_a_plural_noun_has_plural_forms() {
    let kit = kit();
    let en = Lang::english();
    let mut missing: Vec<String> = kit
        .ui
        .keys()
        .filter_map(|k| {
            let text = kit.ui.get(&en, k);
            let hits = number_before_plural(text);
            (!text.contains('|') && !hits.is_empty()).then(|| format!("{k}: {}", hits.join(", ")))
        })
        .collect();
    missing.sort();
    assert!(
        missing.is_empty(),
        "counts with no singular form (give the string one form per plural category, \
         the number as {{count}}, and call UiStrings::count):\n{}",
        missing.join("\n")
    );
}

/// The heuristic catches the strings the review of 2026-12-06 named, as they were then, and
/// leaves alone the shapes that need no forms.
#[test]
fn the_heuristic_catches_the_counts_once_written_without_forms() {
    for text in [
        "{file} is open: {records} results and everything entered with them.",
        "Downloaded {file}: {rows} rows, one per participant and timepoint.",
        "{count} questionnaire results were left out: they were answered under another definition.",
        "{count} questionnaires, about {minutes} minutes",
        "{count} sittings were removed from this computer outside qkit: {list}.",
        "Size {size} ({members} members now); runs with {min} to {max}",
        "The rescue file holds the latest answers of {covered} of the {total} sittings stored here.",
        "Jacobson and Truax with this cohort's pre-programme SD {sd} ({n} men)",
    ] {
        assert!(!number_before_plural(text).is_empty(), "{text}");
    }
    for text in [
        "Groups: {count}",
        "Files imported ({count})",
        "{title} has a new version ({old} → {new}).",
        "{people} now has results from part-way",
        "Allocated on {today} ({ms} ms), for {people} waiting:",
        "Made for {date}: {placed} placed in groups, {others} not in a group",
        "Use {voice} and send the {language} texts over the internet",
        "about {median} seconds a question",
    ] {
        assert_eq!(number_before_plural(text), Vec::<String>::new(), "{text}");
    }
}
