//! The small vocabularies of pathway and allocation: need and risk levels, pathway intensity,
//! cohort and times of day. Each is written in files and CSV by a fixed lowercase key.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Declares a fieldless enum with its file keys, `key()`, `from_key()`, `KEYS` and `Display`.
macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $key:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];
            /// The keys accepted in files, for messages and docs.
            pub const KEYS: &'static str = concat!($($key, " "),+);

            /// The key written in files and CSV.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// Parses a key.
            pub fn from_key(key: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.key() == key)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.key())
            }
        }
    };
}

keyed_enum! {
    /// A need or risk level.
    Level {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

keyed_enum! {
    /// The pathway a participant is recommended for: the programme's intensity.
    Intensity {
        /// High-intensity delivery.
        High = "high_intensity",
        /// Moderate-intensity delivery.
        Moderate = "moderate_intensity",
        /// No accredited group programme is recommended.
        NotRecommended = "not_recommended",
    }
}

keyed_enum! {
    /// Which offence cohort a participant or group belongs to. Domestic-abuse and
    /// sexual-offence participants never share a group, and general groups take neither.
    Cohort {
        General = "general",
        DomesticAbuse = "domestic_abuse",
        SexualOffence = "sexual_offence",
    }
}

keyed_enum! {
    /// When a group meets.
    TimeOfDay {
        Day = "day",
        Evening = "evening",
    }
}

keyed_enum! {
    /// When a participant says he can come to sessions (the `about_you` availability codes).
    Availability {
        Day = "day",
        Evening = "evening",
        Either = "either",
    }
}

impl Availability {
    /// Whether a session at `time` suits this availability.
    pub fn allows(self, time: TimeOfDay) -> bool {
        matches!(
            (self, time),
            (Availability::Either, _)
                | (Availability::Day, TimeOfDay::Day)
                | (Availability::Evening, TimeOfDay::Evening)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip() {
        for l in Level::ALL {
            assert_eq!(Level::from_key(l.key()), Some(*l));
        }
        assert_eq!(Intensity::from_key("high_intensity"), Some(Intensity::High));
        assert_eq!(
            Cohort::from_key("sexual_offence"),
            Some(Cohort::SexualOffence)
        );
        assert_eq!(Cohort::from_key("Sexual_offence"), None);
        assert_eq!(Level::KEYS.trim(), "low medium high");
    }

    #[test]
    fn availability_allows_its_times() {
        assert!(Availability::Either.allows(TimeOfDay::Day));
        assert!(Availability::Day.allows(TimeOfDay::Day));
        assert!(!Availability::Day.allows(TimeOfDay::Evening));
        assert!(!Availability::Evening.allows(TimeOfDay::Day));
    }
}
