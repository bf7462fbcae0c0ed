//! Variable names that R and SPSS both accept, stable from one export to the next.
//!
//! The rule (also in the README): a name is built from ids in the definition files only, never
//! from the records, so the same kit always gives the same names.
//!
//! 1. An item's name is its id when the id already starts with `<questionnaire>_` (the kit's
//!    convention, `phq9_01`), else `<questionnaire>_<item>`. A scale's score is
//!    `<questionnaire>_<scale>`, its band `<questionnaire>_<scale>_band`; a questionnaire's
//!    version and wording are `<questionnaire>_version` and `<questionnaire>_wording`.
//! 2. The name is lowercased; anything but `a`–`z`, `0`–`9` and `_` becomes `_`; a name not
//!    starting with a letter gets a `v` in front; trailing `_` are dropped; it is cut to 64
//!    bytes (SPSS's limit; R has none).
//! 3. A name already taken (compared without case, as SPSS does) or reserved (SPSS's `ALL`, `AND`,
//!    `BY`, …; R's `if`, `TRUE`, …) gets `_2`, `_3`, … (cutting the base so the whole stays
//!    within 64 bytes). Names are given in a fixed order: the record columns, then each
//!    questionnaire of the kit by id, its version, wording, items and scales in definition order.
//!    So a collision always resolves the same way.

use std::collections::BTreeSet;

/// The longest name SPSS accepts, in bytes.
pub const MAX_NAME_BYTES: usize = 64;

/// Words neither R nor SPSS accepts as a variable name (compared lowercased).
const RESERVED: [&str; 30] = [
    // SPSS's reserved keywords.
    "all",
    "and",
    "by",
    "eq",
    "ge",
    "gt",
    "le",
    "lt",
    "ne",
    "not",
    "or",
    "to",
    "with",
    // R's reserved words (lowercased; `NA_integer_` and friends lowercase to these too).
    "if",
    "else",
    "repeat",
    "while",
    "function",
    "for",
    "in",
    "next",
    "break",
    "true",
    "false",
    "null",
    "inf",
    "nan",
    "na",
    "na_integer_",
    "na_real_",
];

/// Hands out unique names in the order asked.
#[derive(Debug, Default)]
pub struct Names {
    taken: BTreeSet<String>,
}

impl Names {
    /// No names taken yet.
    pub fn new() -> Names {
        Names::default()
    }

    /// A valid name for `wanted` (rule 2), made unique (rule 3), and marked as taken.
    pub fn take(&mut self, wanted: &str) -> String {
        let base = clean(wanted);
        let mut name = base.clone();
        let mut n = 1;
        while self.taken.contains(&name) || RESERVED.contains(&name.as_str()) {
            n += 1;
            let suffix = format!("_{n}");
            name = format!("{}{suffix}", cut(&base, MAX_NAME_BYTES - suffix.len()));
        }
        self.taken.insert(name.clone());
        name
    }
}

/// The name for an item of questionnaire `questionnaire` (rule 1), before rules 2 and 3.
pub fn item_name(questionnaire: &str, item: &str) -> String {
    if item.starts_with(&format!("{questionnaire}_")) {
        item.to_owned()
    } else {
        format!("{questionnaire}_{item}")
    }
}

/// Rule 2: lowercase ASCII letters, digits and `_`, starting with a letter, at most 64 bytes.
fn clean(wanted: &str) -> String {
    let mut s: String = wanted
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '_') => c,
            _ => '_',
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_lowercase()) {
        s.insert(0, 'v');
    }
    let s = cut(&s, MAX_NAME_BYTES).trim_end_matches('_').to_owned();
    if s.is_empty() {
        "v".to_owned()
    } else {
        s
    }
}

/// The first `max` bytes of an ASCII name, without a trailing `_`.
fn cut(name: &str, max: usize) -> &str {
    name[..name.len().min(max)].trim_end_matches('_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_that_follow_the_convention_are_kept() {
        assert_eq!(item_name("phq9", "phq9_01"), "phq9_01");
        assert_eq!(item_name("local", "q1"), "local_q1");
        // Only the questionnaire's own prefix counts.
        assert_eq!(item_name("phq", "phq9_01"), "phq_phq9_01");
    }

    #[test]
    fn names_are_cleaned_for_r_and_spss() {
        let mut n = Names::new();
        assert_eq!(n.take("PHQ9 total"), "phq9_total");
        assert_eq!(n.take("9lives"), "v9lives");
        assert_eq!(n.take("café_"), "caf");
        assert_eq!(n.take("__"), "v");
    }

    #[test]
    fn clashes_and_reserved_words_get_a_number() {
        let mut n = Names::new();
        assert_eq!(n.take("phq9_total"), "phq9_total");
        assert_eq!(n.take("PHQ9_TOTAL"), "phq9_total_2");
        assert_eq!(n.take("phq9_total"), "phq9_total_3");
        assert_eq!(n.take("by"), "by_2");
        assert_eq!(n.take("TRUE"), "true_2");
        assert_eq!(n.take("NA"), "na_2");
    }

    #[test]
    fn long_names_are_cut_to_64_bytes_and_still_unique() {
        let long = "a".repeat(100);
        let mut n = Names::new();
        let first = n.take(&long);
        let second = n.take(&long);
        assert_eq!(first, "a".repeat(64));
        assert_eq!(second, format!("{}_2", "a".repeat(62)));
        for name in [first, second] {
            assert!(name.len() <= MAX_NAME_BYTES);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn every_name_is_valid_short_and_new(ids in proptest::collection::vec(".{0,80}", 1..20)) {
            let mut n = Names::new();
            let mut seen = BTreeSet::new();
            for id in &ids {
                let name = n.take(id);
                proptest::prop_assert!(name.len() <= MAX_NAME_BYTES);
                proptest::prop_assert!(name.starts_with(|c: char| c.is_ascii_lowercase()));
                proptest::prop_assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'));
                proptest::prop_assert!(!name.ends_with('_'));
                proptest::prop_assert!(seen.insert(name));
            }
        }
    }

    #[test]
    fn the_same_ids_in_the_same_order_give_the_same_names() {
        let ids = ["participant", "phq9_01", "phq9_01", "x y", "x_y"];
        let run = || {
            let mut n = Names::new();
            ids.iter().map(|i| n.take(i)).collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
        assert_eq!(
            run(),
            ["participant", "phq9_01", "phq9_01_2", "x_y", "x_y_2"]
        );
    }
}
