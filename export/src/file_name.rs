//! The name a sealed record is saved under: `qkit-<ref>-<programme>-<timepoint>-<YYYY-MM-DD>.age`.
//! It carries nothing beyond the pseudonymous reference, and only the characters
//! `A-Z a-z 0-9 _ -`, so a name can never hold a path, a space or anything a shell reads.

use crate::record::ResultRecord;
use crate::time::Timestamp;

/// Longest reference kept in a file name; longer ones are cut.
const MAX_REF_CHARS: usize = 64;

/// The file name for a sealed record, dated by its completion (else its last sitting's start).
pub fn file_name(record: &ResultRecord) -> String {
    let date = record
        .completed_at
        .or_else(|| record.sittings.last().map(|s| s.started_at));
    sealed_file_name(
        &record.participant,
        &record.programme,
        record.timepoint.key(),
        date,
    )
}

/// The file name from its parts; `date` `None` writes `undated`.
pub fn sealed_file_name(
    reference: &str,
    programme: &str,
    timepoint: &str,
    date: Option<Timestamp>,
) -> String {
    let date = date.map_or_else(|| "undated".to_owned(), Timestamp::date);
    format!(
        "qkit-{}-{}-{}-{date}.age",
        sanitise(reference),
        sanitise(programme),
        sanitise(timepoint)
    )
}

/// Keeps `A-Z a-z 0-9 _ -`, replaces anything else with `_`, cuts to 64 characters; an empty
/// part becomes `none`.
fn sanitise(part: &str) -> String {
    let kept: String = part
        .chars()
        .take(MAX_REF_CHARS)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if kept.is_empty() {
        "none".to_owned()
    } else {
        kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(reference: &str) -> String {
        sealed_file_name(reference, "tsp", "pre", Some(Timestamp(1_795_432_500_123)))
    }

    #[test]
    fn names_follow_the_pattern() {
        assert_eq!(name("AB-1234_x"), "qkit-AB-1234_x-tsp-pre-2026-11-23.age");
        assert_eq!(
            sealed_file_name("r1", "bbr", "post", None),
            "qkit-r1-bbr-post-undated.age"
        );
    }

    #[test]
    fn a_reference_cannot_carry_paths_spaces_or_other_characters() {
        assert_eq!(
            name("../../etc/passwd"),
            "qkit-______etc_passwd-tsp-pre-2026-11-23.age"
        );
        assert_eq!(
            name("Jo Bloggs\n"),
            "qkit-Jo_Bloggs_-tsp-pre-2026-11-23.age"
        );
        assert_eq!(name("Siân"), "qkit-Si_n-tsp-pre-2026-11-23.age");
        assert_eq!(name(""), "qkit-none-tsp-pre-2026-11-23.age");
        assert_eq!(
            name(&"x".repeat(500)).len(),
            "qkit--tsp-pre-2026-11-23.age".len() + 64
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn every_name_uses_only_safe_characters(reference in ".*", programme in ".*") {
            let n = sealed_file_name(&reference, &programme, "mid", None);
            let stem = n.strip_suffix(".age").expect("ends in .age");
            proptest::prop_assert!(stem.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
            proptest::prop_assert!(n.starts_with("qkit-"));
        }
    }
}
