//! Wrong passphrases, counted across reloads so that guessing at the keyboard gets slower: the
//! first [`FREE_GUESSES`] wrong ones cost nothing, then each wait doubles from
//! [`FIRST_WAIT_MS`] up to [`LONGEST_WAIT_MS`]. Stored under `qkit.guesses` as two numbers (wrong
//! guesses so far, and the time before which no guess is checked). Not secret: it slows a person
//! at the keyboard; someone who can copy storage attacks the lock offline, which is what the
//! scrypt cost and the passphrase length are for (docs/SECURITY.md).

use super::DraftStore;
use qkit_export::Timestamp;

/// Key of the wrong-guess record.
pub const GUESSES_KEY: &str = "qkit.guesses";
/// Wrong guesses allowed before the first wait.
pub const FREE_GUESSES: u32 = 3;
/// The first wait.
pub const FIRST_WAIT_MS: i64 = 10_000;
/// The longest wait (15 minutes).
pub const LONGEST_WAIT_MS: i64 = 15 * 60 * 1000;

/// Wrong guesses so far and when the next may be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Guesses {
    pub wrong: u32,
    /// No guess is checked before this time (milliseconds since 1970).
    pub until: i64,
}

impl Guesses {
    /// How long to wait after `wrong` wrong guesses.
    pub fn wait_after(wrong: u32) -> i64 {
        match wrong.checked_sub(FREE_GUESSES) {
            None => 0,
            Some(extra) => FIRST_WAIT_MS
                .saturating_mul(1_i64 << extra.min(20))
                .min(LONGEST_WAIT_MS),
        }
    }

    /// Whole seconds still to wait at `now`, if any.
    pub fn wait_seconds(&self, now: Timestamp) -> Option<u64> {
        let left = self.until.saturating_sub(now.0);
        // A wait longer than the longest means the clock moved back or the record was edited:
        // the longest wait still applies.
        let left = left.min(LONGEST_WAIT_MS);
        (left > 0).then(|| (left as u64).div_ceil(1000))
    }

    /// One more wrong guess at `now`.
    pub fn after_wrong(self, now: Timestamp) -> Guesses {
        let wrong = self.wrong.saturating_add(1);
        Guesses {
            wrong,
            until: now.0.saturating_add(Guesses::wait_after(wrong)),
        }
    }
}

impl DraftStore {
    /// The wrong-guess record (none when missing or unreadable).
    pub fn guesses(&self) -> Guesses {
        let text = self
            .backend
            .get(GUESSES_KEY)
            .ok()
            .flatten()
            .unwrap_or_default();
        let mut numbers = text.split(' ').map(str::parse::<i64>);
        match (numbers.next(), numbers.next()) {
            (Some(Ok(wrong)), Some(Ok(until))) => Guesses {
                wrong: u32::try_from(wrong).unwrap_or(u32::MAX),
                until,
            },
            _ => Guesses::default(),
        }
    }

    /// Stores the wrong-guess record; a correct passphrase stores the default (removes it).
    pub fn set_guesses(&self, g: Guesses) {
        // Failing to store it only makes guessing faster for this page's life: never a reason
        // to refuse staff their passphrase.
        let _ = if g == Guesses::default() {
            self.backend.remove(GUESSES_KEY)
        } else {
            self.backend
                .set(GUESSES_KEY, &format!("{} {}", g.wrong, g.until))
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_guesses_and_stop_at_fifteen_minutes() {
        let waits: Vec<i64> = (0..=12).map(Guesses::wait_after).collect();
        assert_eq!(&waits[..6], &[0, 0, 0, 10_000, 20_000, 40_000]);
        assert_eq!(waits[9], 640_000);
        assert_eq!(waits[10], LONGEST_WAIT_MS);
        assert_eq!(Guesses::wait_after(u32::MAX), LONGEST_WAIT_MS);
    }

    #[test]
    fn a_wait_is_rounded_up_to_whole_seconds_and_capped() {
        let g = Guesses {
            wrong: 4,
            until: 10_500,
        };
        assert_eq!(g.wait_seconds(Timestamp(0)), Some(11));
        assert_eq!(g.wait_seconds(Timestamp(10_500)), None);
        let edited = Guesses {
            wrong: 4,
            until: i64::MAX,
        };
        assert_eq!(edited.wait_seconds(Timestamp(0)), Some(900));
    }
}
