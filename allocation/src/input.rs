//! What allocation works on: the waiting participants and the groups the assessor has set up.
//! Plain data, so the app can build it from records and the CLI from CSV files.

use crate::date::{Date, Weekday};
use crate::levels::{Availability, Cohort, Intensity, Level, TimeOfDay};
use serde::{Deserialize, Serialize};

/// Default smallest group that runs.
pub const DEFAULT_MIN_SIZE: u32 = 8;
/// Default largest group.
pub const DEFAULT_MAX_SIZE: u32 = 10;

/// The waiting participants and the groups, with every id unique.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AllocationInput {
    pub participants: Vec<Participant>,
    pub groups: Vec<Group>,
}

/// A participant waiting for a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// The pseudonymous case reference.
    pub id: String,
    /// Programme id from `batteries.json`.
    pub programme: String,
    /// The pathway in force (recommendation or override).
    pub pathway: Intensity,
    pub cohort: Cohort,
    /// Overall need, used to balance the mix of need levels in groups.
    pub need: Level,
    /// Sites he can get to.
    pub sites: Vec<String>,
    pub availability: Availability,
    /// Weekdays he can attend; empty means any.
    pub weekdays: Vec<Weekday>,
    /// In paid work: evening groups only.
    pub in_work: bool,
    /// Flagged for adapted delivery.
    pub adapted: bool,
    /// When he started waiting; the longest waiting choose first.
    pub waiting_since: Date,
    /// People he must never share a group with (co-defendants, victim or perpetrator links,
    /// conflicts). The relation is symmetric: one side listing it is enough.
    pub keep_apart: Vec<String>,
}

impl Participant {
    /// Whether he can attend a session at `slot`: his availability, evenings only when in work,
    /// and his weekdays if he gave any.
    pub fn can_attend(&self, slot: Slot) -> bool {
        self.availability.allows(slot.time)
            && !(self.in_work && slot.time == TimeOfDay::Day)
            && (self.weekdays.is_empty() || self.weekdays.contains(&slot.weekday))
    }
}

/// A group set up by the assessor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub id: String,
    pub programme: String,
    /// High or moderate intensity.
    pub pathway: Intensity,
    pub cohort: Cohort,
    pub site: String,
    pub slot: Slot,
    /// The first session.
    pub start: Date,
    pub intake: Intake,
    /// The group runs only with at least this many.
    pub min_size: u32,
    pub max_size: u32,
    /// An adapted-delivery group.
    pub adapted: bool,
    /// Current members (ids), who stay.
    pub members: Vec<String>,
}

impl Group {
    /// The date a new joiner would start, seen from `today`: a closed group's start if it has
    /// not started; a rolling group's start, or else its next module boundary on or after today.
    /// `None` when the group takes no more joiners.
    pub fn joining_date(&self, today: Date) -> Option<Date> {
        if self.start >= today {
            return Some(self.start);
        }
        match &self.intake {
            Intake::Closed => None,
            Intake::Rolling(ModuleBoundaries::Dates(dates)) => {
                dates.iter().copied().filter(|d| *d >= today).min()
            }
            Intake::Rolling(ModuleBoundaries::EveryWeeks(weeks)) => {
                let step = i64::from(*weeks).max(1) * 7;
                let behind = today.days_since(self.start);
                let k = (behind + step - 1) / step;
                self.start.add_days(k * step)
            }
        }
    }
}

/// When a group meets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub weekday: Weekday,
    pub time: TimeOfDay,
}

/// Whether a group takes joiners once it has started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Intake {
    /// Joiners only before the start.
    Closed,
    /// Joiners at the start or at any later module boundary.
    Rolling(ModuleBoundaries),
}

/// Where a rolling group's modules begin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ModuleBoundaries {
    /// Listed dates.
    Dates(Vec<Date>),
    /// Every so many weeks from the start (at least 1).
    EveryWeeks(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).expect("valid date")
    }

    fn group(start: &str, intake: Intake) -> Group {
        Group {
            id: "g".into(),
            programme: "tsp".into(),
            pathway: Intensity::Moderate,
            cohort: Cohort::General,
            site: "site_a".into(),
            slot: Slot {
                weekday: Weekday::Mon,
                time: TimeOfDay::Day,
            },
            start: d(start),
            intake,
            min_size: 8,
            max_size: 10,
            adapted: false,
            members: vec![],
        }
    }

    #[test]
    fn closed_groups_take_joiners_only_before_they_start() {
        let g = group("2026-12-07", Intake::Closed);
        assert_eq!(g.joining_date(d("2026-12-01")), Some(d("2026-12-07")));
        assert_eq!(g.joining_date(d("2026-12-07")), Some(d("2026-12-07")));
        assert_eq!(g.joining_date(d("2026-12-08")), None);
    }

    #[test]
    fn rolling_groups_take_joiners_at_the_next_boundary() {
        let g = group(
            "2026-11-02",
            Intake::Rolling(ModuleBoundaries::EveryWeeks(4)),
        );
        assert_eq!(g.joining_date(d("2026-11-03")), Some(d("2026-11-30")));
        assert_eq!(g.joining_date(d("2026-11-30")), Some(d("2026-11-30")));
        let listed = Intake::Rolling(ModuleBoundaries::Dates(vec![
            d("2027-01-11"),
            d("2026-12-07"),
        ]));
        let g = group("2026-11-02", listed);
        assert_eq!(g.joining_date(d("2026-11-10")), Some(d("2026-12-07")));
        assert_eq!(g.joining_date(d("2026-12-08")), Some(d("2027-01-11")));
        assert_eq!(g.joining_date(d("2027-01-12")), None);
    }

    #[test]
    fn men_in_work_attend_evenings_only() {
        let slot = |time| Slot {
            weekday: Weekday::Tue,
            time,
        };
        let mut p = Participant {
            id: "p".into(),
            programme: "tsp".into(),
            pathway: Intensity::Moderate,
            cohort: Cohort::General,
            need: Level::Medium,
            sites: vec!["site_a".into()],
            availability: Availability::Either,
            weekdays: vec![],
            in_work: true,
            adapted: false,
            waiting_since: d("2026-01-01"),
            keep_apart: vec![],
        };
        assert!(!p.can_attend(slot(TimeOfDay::Day)));
        assert!(p.can_attend(slot(TimeOfDay::Evening)));
        p.weekdays = vec![Weekday::Wed];
        assert!(!p.can_attend(slot(TimeOfDay::Evening)));
    }
}
