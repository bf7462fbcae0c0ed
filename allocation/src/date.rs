//! Calendar dates (`YYYY-MM-DD`) and weekdays: enough arithmetic for group start dates and
//! module boundaries. No clock: "today" is always passed in.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A civil date (proleptic Gregorian), stored as days since 1970-01-01 so that dates compare and
/// add cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The date for a year, month (1–12) and day (1–31); `None` if there is no such day.
    pub fn from_ymd(y: i32, m: u32, d: u32) -> Option<Date> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        // Days from 1970-01-01 (H. Hinnant's days_from_civil).
        let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        // Years 1..=9999 keep this well inside i32.
        i32::try_from(era * 146_097 + doe - 719_468).ok().map(Date)
    }

    /// Parses `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let y = i32::try_from(digits(0..4)?).ok()?;
        Date::from_ymd(y, digits(5..7)?, digits(8..10)?)
    }

    /// Year, month and day.
    pub fn ymd(self) -> (i32, u32, u32) {
        // H. Hinnant's civil_from_days.
        let z = i64::from(self.0) + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        // A Date is only built for years 1..=9999 and days within them.
        (y as i32, m as u32, d as u32)
    }

    /// The date `days` later (earlier if negative); `None` outside years 1–9999.
    pub fn add_days(self, days: i64) -> Option<Date> {
        let n = i32::try_from(i64::from(self.0) + days).ok()?;
        let out = Date(n);
        (1..=9999).contains(&out.ymd().0).then_some(out)
    }

    /// Whole days from `earlier` to `self` (negative if `self` is before it).
    pub fn days_since(self, earlier: Date) -> i64 {
        i64::from(self.0) - i64::from(earlier.0)
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(i64::from(self.0) + 3).rem_euclid(7) as usize]
    }
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("\"{s}\" is not a date written YYYY-MM-DD"))
        })
    }
}

/// A day of the week, written `mon` … `sun`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    /// Monday to Sunday.
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// `mon` … `sun`.
    pub fn key(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self as usize]
    }

    /// Parses `mon` … `sun`.
    pub fn from_key(key: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|w| w.key() == key)
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_know_their_weekday() {
        let d = Date::parse("2026-11-23").expect("valid");
        assert_eq!(d.to_string(), "2026-11-23");
        assert_eq!(d.weekday(), Weekday::Mon);
        assert_eq!(
            Date::parse("1970-01-01").expect("epoch").weekday(),
            Weekday::Thu
        );
        assert_eq!(d.add_days(7).expect("in range").to_string(), "2026-11-30");
        assert_eq!(
            Date::parse("2028-02-28").and_then(|d| d.add_days(1)),
            Date::parse("2028-02-29")
        );
        assert_eq!(
            Date::parse("2026-12-01")
                .expect("valid")
                .days_since(Date::parse("2026-11-23").expect("valid")),
            8
        );
    }

    #[test]
    fn malformed_dates_are_refused() {
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "0000-01-01",
            "2026-01-00",
            "+026-01-01",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(Date::parse("9999-12-31").and_then(|d| d.add_days(1)), None);
    }
}
