//! The participant reference: the one check every way a reference comes in applies. The
//! participant app's start form (through `qkit_session::Session::start`), sealing a record
//! (`seal_record`, behind `qkit seal` and the app's export) and opening one (`open`, behind the
//! assessor's import, `qkit decrypt` and `qkit scores`) all call [`check_reference`] — the latter
//! two through [`crate::validate_record`].
//!
//! A reference ends up in file names, CSV cells, page text and terminal output, so it is kept
//! plain: ASCII letters, digits, `-` and `_` only, which leaves out control characters and the
//! bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F) that could make it read
//! as another; it may not start with a character a spreadsheet runs as a formula.

use thiserror::Error;

/// Longest participant reference accepted.
pub const MAX_REFERENCE_LEN: usize = 32;

/// Why a text is not a participant reference. The reference is shown escaped (`{:?}`), so a
/// control character in it can neither hide nor reorder the message.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReferenceError {
    /// Empty, or only spaces.
    #[error("participant reference is empty")]
    Empty,
    /// Longer than [`MAX_REFERENCE_LEN`] characters.
    #[error("participant reference {reference:?} is longer than {MAX_REFERENCE_LEN} characters")]
    TooLong { reference: String },
    /// Starts with `=`, `+`, `-` or `@`, which a spreadsheet would run as a formula.
    #[error("participant reference {reference:?} starts with {first:?}, which a spreadsheet would run as a formula")]
    FormulaStart { reference: String, first: char },
    /// Holds a character other than an ASCII letter, digit, `-` or `_` (a space, an accent, a
    /// control or bidirectional control character, …).
    #[error("participant reference {reference:?} holds {character:?}: use only letters, digits, - and _")]
    Character { reference: String, character: char },
    /// Has no digit: names have none, so a name typed by mistake is refused.
    #[error(
        "participant reference {reference:?} has no digit: use the case reference, never a name"
    )]
    NoDigit { reference: String },
}

/// Checks a participant reference and returns it without surrounding spaces. A case reference
/// is 1 to [`MAX_REFERENCE_LEN`] ASCII letters, digits, `-` or `_`, with at least one digit, and
/// does not start with `-` (nor `=`, `+`, `@`, which are refused anyway).
///
/// ```
/// use qkit_export::reference::{check_reference, ReferenceError};
///
/// assert_eq!(check_reference(" A1234BC "), Ok("A1234BC"));
/// assert!(matches!(check_reference("-1+2"), Err(ReferenceError::FormulaStart { .. })));
/// assert!(matches!(check_reference("A1\u{202E}CB"), Err(ReferenceError::Character { .. })));
/// ```
pub fn check_reference(reference: &str) -> Result<&str, ReferenceError> {
    let r = reference.trim();
    let owned = || r.to_owned();
    let Some(first) = r.chars().next() else {
        return Err(ReferenceError::Empty);
    };
    if matches!(first, '=' | '+' | '-' | '@') {
        return Err(ReferenceError::FormulaStart {
            reference: owned(),
            first,
        });
    }
    if let Some(character) = r
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '_'))
    {
        return Err(ReferenceError::Character {
            reference: owned(),
            character,
        });
    }
    // Only ASCII is left, so bytes are characters.
    if r.len() > MAX_REFERENCE_LEN {
        return Err(ReferenceError::TooLong { reference: owned() });
    }
    if !r.bytes().any(|b| b.is_ascii_digit()) {
        return Err(ReferenceError::NoDigit { reference: owned() });
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_references_pass_trimmed() {
        assert_eq!(check_reference("  A1234BC "), Ok("A1234BC"));
        assert_eq!(check_reference("x-12_3"), Ok("x-12_3"));
        assert_eq!(check_reference("_7"), Ok("_7"));
        assert_eq!(
            check_reference(&"9".repeat(32)),
            Ok("9".repeat(32).as_str())
        );
    }

    #[test]
    fn each_kind_of_bad_reference_is_named() {
        assert_eq!(check_reference(" \t"), Err(ReferenceError::Empty));
        assert!(matches!(
            check_reference(&"9".repeat(33)),
            Err(ReferenceError::TooLong { .. })
        ));
        assert!(matches!(
            check_reference("Smith"),
            Err(ReferenceError::NoDigit { .. })
        ));
        for (bad, character) in [
            ("John Smith1", ' '),
            ("É1", 'É'),
            ("A1234BC/2", '/'),
            ("a\nb1", '\n'),
            ("A1\u{0}", '\u{0}'),
        ] {
            assert_eq!(
                check_reference(bad),
                Err(ReferenceError::Character {
                    reference: bad.trim().to_owned(),
                    character
                }),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn bidirectional_controls_are_refused_wherever_they_are() {
        let bidi = ('\u{202A}'..='\u{202E}')
            .chain('\u{2066}'..='\u{2069}')
            .chain(['\u{200E}', '\u{200F}']);
        for c in bidi {
            for bad in [format!("A1{c}B2"), format!("{c}A1"), format!("A1{c}")] {
                assert!(
                    matches!(check_reference(&bad), Err(ReferenceError::Character { character, .. }) if character == c),
                    "{bad:?}"
                );
            }
        }
    }

    #[test]
    fn a_leading_formula_character_is_refused() {
        for first in ['=', '+', '-', '@'] {
            let bad = format!("{first}A1234");
            assert_eq!(
                check_reference(&bad),
                Err(ReferenceError::FormulaStart {
                    reference: bad.clone(),
                    first
                })
            );
        }
        assert_eq!(check_reference("A-1"), Ok("A-1"), "a dash inside is fine");
    }

    #[test]
    fn messages_show_control_characters_escaped() {
        let e = check_reference("A1\u{202E}CB").expect_err("refused");
        let message = e.to_string();
        assert!(!message.contains('\u{202E}'), "{message}");
        assert!(message.contains("\\u{202e}"), "{message}");
    }
}
