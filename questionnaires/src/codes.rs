//! Codes from published terminologies that a definition cites for a questionnaire, an item, an
//! answer option or a scale (LOINC for PHQ-9 and GAD-7). qkit never makes one up: each carries
//! the source it was checked against, and a LOINC code's check digit is verified on loading.
//! The codes are for exports (FHIR, the codebook); they are not part of a definition's content
//! hash, so citing or correcting one leaves results answered before still matching.

/// The FHIR system URI of LOINC.
pub const LOINC: &str = "http://loinc.org";

/// A code from a terminology, with where it was checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The code system's URI, e.g. [`LOINC`].
    pub system: String,
    pub code: String,
    /// The code's name in its terminology (for LOINC, the long common name).
    pub display: String,
    /// Where the code was checked: the terminology's own page or a specification that uses it.
    pub source: String,
}

/// The codes the model keeps: with the `codes` feature a list; without it (the participant's
/// app, which never shows them) always none, at no cost.
#[cfg(feature = "codes")]
pub type Codes = Vec<Code>;
/// See the `codes` feature's version.
#[cfg(not(feature = "codes"))]
pub type Codes = NoCodes;

/// No codes: what the model keeps without the `codes` feature. Reads as an empty list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NoCodes;

impl std::ops::Deref for NoCodes {
    type Target = [Code];

    fn deref(&self) -> &[Code] {
        &[]
    }
}

/// Why a LOINC code is not well formed, or `None` when it is.
///
/// A LOINC term code is 1 to 7 digits, `-` and a check digit (`44249-1`); the check digit is
/// LOINC's mod 10 (Users' Guide, "Calculating Mod 10 check digits"): double the number made of
/// the digits in odd places counting from the right, put the digits in even places in front,
/// add up all the digits, and take what is needed to reach the next multiple of 10. Answer
/// codes (`LA6568-5`) and answer-list codes (`LL358-3`) are two letters, digits, `-` and one
/// digit; their last digit is not checked (LOINC documents the calculation only for term codes).
pub fn loinc_problem(code: &str) -> Option<&'static str> {
    let Some((body, check)) = code.split_once('-') else {
        return Some("a LOINC code has a - before its check digit");
    };
    let well_formed = |digits: &str| {
        !digits.is_empty() && digits.len() <= 7 && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if check.len() != 1 || !check.bytes().all(|b| b.is_ascii_digit()) {
        return Some("a LOINC code ends in - and one check digit");
    }
    if let Some(answer) = body.strip_prefix("LA").or_else(|| body.strip_prefix("LL")) {
        return (!well_formed(answer))
            .then_some("a LOINC answer code is LA or LL, digits, - and a digit");
    }
    if !well_formed(body) {
        return Some("a LOINC code is 1 to 7 digits, - and a check digit");
    }
    (loinc_check_digit(body) != check.as_bytes()[0] - b'0')
        .then_some("its check digit does not match (LOINC's mod 10)")
}

/// LOINC's mod 10 check digit of 1 to 7 ASCII digits, step by step as the Users' Guide gives it.
pub fn loinc_check_digit(digits: &str) -> u8 {
    let (mut odd, mut even) = (String::new(), String::new());
    // Places are counted from the right, the rightmost being the first (odd) place.
    for (place, c) in digits.chars().rev().enumerate() {
        if place % 2 == 0 {
            odd.insert(0, c)
        } else {
            even.insert(0, c)
        }
    }
    // At most 4 digits in odd places, so the number fits easily.
    let doubled = odd.parse::<u64>().unwrap_or(0) * 2;
    let joined = format!("{even}{doubled}");
    let total: u32 = joined.bytes().map(|b| u32::from(b - b'0')).sum();
    ((10 - total % 10) % 10) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_users_guide_example_gives_5() {
        // LOINC Users' Guide: 12345 -> odd places 531 (read left to right: 135), doubled 270;
        // even places 24 in front: 24270; digits add to 15; next multiple of 10 is 20: 5.
        assert_eq!(loinc_check_digit("12345"), 5);
        assert_eq!(loinc_problem("12345-5"), None);
    }

    #[test]
    fn the_cited_phq9_and_gad7_codes_pass() {
        let codes = [
            "44249-1", "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
            "44253-3", "44260-8", "44261-6", "69737-5", "69725-0", "68509-9", "69733-4", "69734-2",
            "69735-9", "69689-8", "69736-7", "70274-6",
        ];
        for code in codes {
            assert_eq!(loinc_problem(code), None, "{code}");
        }
        for answer in ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9", "LL358-3"] {
            assert_eq!(loinc_problem(answer), None, "{answer}");
        }
    }

    #[test]
    fn a_wrong_check_digit_or_shape_is_named() {
        assert_eq!(
            loinc_problem("44249-2"),
            Some("its check digit does not match (LOINC's mod 10)")
        );
        for bad in [
            "44249",
            "44249-12",
            "4424a-1",
            "12345678-0",
            "-1",
            "LA-5",
            "LX6568-5",
        ] {
            assert!(loinc_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn every_single_digit_change_is_caught() {
        // Mod 10 catches any one wrong digit: change each digit of 44261-6 in turn.
        let body = "44261";
        for i in 0..body.len() {
            for d in b'0'..=b'9' {
                let mut b = body.as_bytes().to_vec();
                if b[i] == d {
                    continue;
                }
                b[i] = d;
                let changed = String::from_utf8(b).unwrap_or_default();
                assert_ne!(loinc_check_digit(&changed), 6, "{changed}");
            }
        }
    }
}
