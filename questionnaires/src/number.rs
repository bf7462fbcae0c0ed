//! How a number read from a definition file is written in a message about it.
//!
//! Rust's own float printing (`{}` of an `f64`) brings about 15 KB of code into the participant
//! app's WebAssembly for what is only ever an error message about a bad definition, so messages
//! write numbers with [`number_text`]: integer arithmetic, at most six decimals, trailing zeros
//! dropped, and tiny values in `e` notation so that a small positive number never reads as 0.

/// `v` for a person to read: `0.35`, `-2`, `76.3`, `1e-9`, `inf`, `NaN`. Exact for every value
/// a definition can sensibly hold (up to six decimals); beyond that, rounded.
pub fn number_text(v: f64) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    let sign = if v.is_sign_negative() && v != 0.0 {
        "-"
    } else {
        ""
    };
    let a = v.abs();
    if a.is_infinite() {
        return format!("{sign}inf");
    }
    if a != 0.0 && a < 0.000_000_5 {
        // Scale up to [1, 10): then it is written as a mantissa and a negative exponent.
        let (mut m, mut exp) = (a, 0u32);
        while m < 1.0 {
            m *= 10.0;
            exp += 1;
        }
        return format!("{sign}{}e-{exp}", trimmed(m));
    }
    format!("{sign}{}", trimmed(a))
}

/// `v` rounded to `places` decimals (at most six), written with exactly that many, as
/// `format!("{v:.places$}")` writes it (`3.00`, `-0.50`, `12`), except that a value that rounds
/// to zero has no minus sign. Non-finite values as [`number_text`].
pub fn decimals_text(v: f64, places: u32) -> String {
    if !v.is_finite() {
        return number_text(v);
    }
    let places = places.min(6);
    let (whole, frac) = split(v.abs(), places);
    let sign = if v.is_sign_negative() && (whole, frac) != (0, 0) {
        "-"
    } else {
        ""
    };
    if places == 0 {
        return format!("{sign}{whole}");
    }
    format!("{sign}{whole}.{frac:0width$}", width = places as usize)
}

/// A non-negative finite `a` with at most six decimals, trailing zeros dropped.
fn trimmed(a: f64) -> String {
    match split(a, 6) {
        (whole, 0) => whole.to_string(),
        (whole, micro) => {
            let digits = format!("{micro:06}");
            format!("{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

/// A non-negative finite `a` as its whole part and its fraction rounded to `places` (≤ 6)
/// decimals (halves to the even digit, as Rust's formatting does), carried into the whole part
/// when it rounds up to 1. Whole parts beyond u128 (above about 3.4e38) come back as the
/// largest u128.
fn split(a: f64, places: u32) -> (u128, u32) {
    let scale = 10_u32.pow(places);
    let whole = a.trunc();
    // `as` saturates beyond u128's range; `a` is finite and not negative, and every whole f64
    // within the range converts exactly. The fraction `a - whole` is exact in f64, so only the
    // rounding to `places` decimals happens here.
    let whole_part = whole as u128;
    let scaled = (a - whole) * f64::from(scale);
    let below = scaled.floor();
    let up = match (scaled - below).partial_cmp(&0.5) {
        Some(std::cmp::Ordering::Greater) => true,
        // A tie goes to the even last digit: the whole part's when there are no decimals.
        Some(std::cmp::Ordering::Equal) if places == 0 => whole_part % 2 == 1,
        Some(std::cmp::Ordering::Equal) => below % 2.0 == 1.0,
        _ => false,
    };
    let frac = below as u32 + u32::from(up);
    if frac == scale {
        (whole_part.saturating_add(1), 0)
    } else {
        (whole_part, frac)
    }
}

#[cfg(test)]
mod tests {
    use super::{decimals_text, number_text};

    /// Rust's own precision formatting, less the minus sign of a value that rounds to zero
    /// (Rust keeps it; qkit does not).
    fn rust(v: f64, places: u32) -> String {
        let p = places as usize;
        let text = format!("{v:.p$}");
        match text.strip_prefix('-') {
            Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_owned(),
            _ => text,
        }
    }

    #[test]
    fn writes_numbers_as_rusts_display_does_for_values_definitions_hold() {
        for v in [
            0.0,
            1.0,
            -2.0,
            0.35,
            0.2,
            76.3,
            11.9,
            63.82,
            22.62,
            0.91,
            1.96,
            600.0,
            -0.5,
            0.000_001,
            123_456.789,
            1e15,
            1e20,
        ] {
            assert_eq!(number_text(v), v.to_string(), "{v}");
        }
    }

    /// A fixed pseudo-random walk (64-bit LCG): each call gives the next 53-bit number.
    fn walk(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            state >> 11
        }
    }

    #[test]
    fn equals_rusts_display_for_200_000_numbers_of_up_to_six_decimals() {
        // Numbers k / 10^6 with |k| < 10^15, cut to 0 to 6 decimals, either sign.
        let mut next = walk(20_261_123);
        for _ in 0..200_000 {
            let sign = if next().is_multiple_of(2) { 1 } else { -1 };
            let k = (next() % 1_000_000_000_000_000) as i64 * sign;
            let digits = (next() % 7) as i32;
            let v = (k / 10_i64.pow(6 - digits as u32)) as f64 / 10_f64.powi(digits);
            assert_eq!(number_text(v), v.to_string(), "{v}");
        }
    }

    #[test]
    fn decimals_as_rusts_precision_formatting() {
        for v in [
            0.0,
            3.0,
            2.999,
            -0.5,
            0.125,
            1.005,
            76.25,
            12.345_678,
            -3.999,
            1e12 + 0.5,
            2.5,
            -1.5,
        ] {
            for places in 0..=6 {
                assert_eq!(decimals_text(v, places), rust(v, places), "{v} to {places}");
            }
        }
        assert_eq!(decimals_text(-0.001, 2), "0.00");
        assert_eq!(decimals_text(f64::NAN, 2), "NaN");
    }

    #[test]
    fn decimals_equal_rusts_for_200_000_numbers() {
        let mut next = walk(11_232_026);
        for _ in 0..200_000 {
            // Scores and z-scores: up to a million, any fraction, either sign.
            let v = (next() as f64 / (1u64 << 53) as f64)
                * 10_f64.powi((next() % 7) as i32)
                * if next().is_multiple_of(2) { 1.0 } else { -1.0 };
            let places = (next() % 7) as u32;
            assert_eq!(decimals_text(v, places), rust(v, places), "{v} to {places}");
        }
    }

    #[test]
    fn rounds_to_six_decimals() {
        assert_eq!(number_text(0.123_456_789), "0.123457");
        assert_eq!(number_text(2.000_000_4), "2");
        assert_eq!(number_text(-0.999_999_9), "-1");
    }

    #[test]
    fn tiny_values_never_read_as_zero() {
        assert_eq!(number_text(1e-9), "1e-9");
        assert_eq!(number_text(-2.5e-7), "-2.5e-7");
        assert_eq!(number_text(5e-324), "4.940656e-324");
    }

    #[test]
    fn non_finite_and_negative_zero() {
        assert_eq!(number_text(f64::NAN), "NaN");
        assert_eq!(number_text(f64::INFINITY), "inf");
        assert_eq!(number_text(f64::NEG_INFINITY), "-inf");
        assert_eq!(number_text(-0.0), "0");
    }

    #[test]
    fn huge_values_are_whole_numbers() {
        assert_eq!(number_text(1e20), "100000000000000000000");
        assert_eq!(number_text(f64::MAX), u128::MAX.to_string());
    }
}
