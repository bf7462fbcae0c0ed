//! Timestamps in records: milliseconds since the Unix epoch, written as RFC 3339 UTC
//! (`2026-11-23T10:15:00.123Z`) so a decrypted record reads plainly. The clock is never read
//! here; callers pass the time in.

use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A moment, in whole milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(pub i64);

/// Days from 1970-01-01 to the civil date (proleptic Gregorian); H. Hinnant's algorithm.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01; inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl Timestamp {
    /// The calendar date, `YYYY-MM-DD` (UTC), e.g. for file names.
    pub fn date(self) -> String {
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400_000));
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// The moment to the whole second, `YYYY-MM-DDTHH:MM:SSZ` (as `age-keygen` writes
    /// `# created:` lines).
    pub fn rfc3339_seconds(self) -> String {
        let full = self.to_string();
        // Display always writes `….fffZ`: 4 bytes of milliseconds before the final `Z`.
        format!("{}Z", &full[..full.len() - 5])
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fff]Z`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Timestamp> {
        let b = s.as_bytes();
        if b.len() < 20 || *b.last()? != b'Z' || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if b[10] != b'T' || b[13] != b':' || b[16] != b':' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<i64> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (h, mi, sec) = (num(11..13)?, num(14..16)?, num(17..19)?);
        let ms = match &s[19..s.len() - 1] {
            "" => 0,
            frac if frac.len() == 4 && frac.starts_with('.') => num(20..23)?,
            _ => return None,
        };
        let valid = (1..=12).contains(&mo)
            && (1..=31).contains(&d)
            && h < 24
            && mi < 60
            && sec < 60
            && civil_from_days(days_from_civil(y, mo, d)) == (y, mo, d);
        valid.then(|| {
            Timestamp(((days_from_civil(y, mo, d) * 24 + h) * 60 + mi) * 60_000 + sec * 1000 + ms)
        })
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = self.0.rem_euclid(1000);
        let secs = self.0.div_euclid(1000);
        let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
        let sod = secs.rem_euclid(86_400);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
            sod / 3600,
            sod / 60 % 60,
            sod % 60
        )
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Timestamp::parse(&s).ok_or_else(|| {
            D::Error::custom(format!(
                "\"{s}\" is not a UTC time like 2026-11-23T10:15:00.000Z"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_moments_print_and_parse() {
        for (ms, s) in [
            (0, "1970-01-01T00:00:00.000Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (1_795_432_500_123, "2026-11-23T11:15:00.123Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
        ] {
            assert_eq!(Timestamp(ms).to_string(), s);
            assert_eq!(Timestamp::parse(s), Some(Timestamp(ms)));
        }
        assert_eq!(Timestamp(1_795_432_500_123).date(), "2026-11-23");
        assert_eq!(
            Timestamp(1_795_432_500_123).rfc3339_seconds(),
            "2026-11-23T11:15:00Z"
        );
        assert_eq!(Timestamp(-1).rfc3339_seconds(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn malformed_times_are_refused() {
        for s in [
            "",
            "2026-11-23",
            "2026-02-30T00:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T10:15:00+01:00",
            "2026-11-23T10:15:00.1Z",
            "2026-11-23T10:15:0xZ",
        ] {
            assert_eq!(Timestamp::parse(s), None, "{s}");
        }
        assert_eq!(
            Timestamp::parse("2026-11-23T10:15:00Z"),
            Timestamp::parse("2026-11-23T10:15:00.000Z")
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn every_moment_round_trips(ms in -62_135_596_800_000i64..253_402_300_799_999) {
            let s = Timestamp(ms).to_string();
            proptest::prop_assert_eq!(Timestamp::parse(&s), Some(Timestamp(ms)));
        }
    }
}
