//! Builders for small allocation scenarios.

#![allow(dead_code)]

use qkit_allocation::{
    Availability, Cohort, Date, Group, Intake, Intensity, Level, Participant, Slot, TimeOfDay,
    Weekday,
};

pub fn d(s: &str) -> Date {
    Date::parse(s).expect("a valid date")
}

/// A TSP general moderate participant at site_a, free any time, waiting since 2026-06-01.
pub fn man(id: &str) -> Participant {
    Participant {
        id: id.into(),
        programme: "tsp".into(),
        pathway: Intensity::Moderate,
        cohort: Cohort::General,
        need: Level::Medium,
        sites: vec!["site_a".into()],
        availability: Availability::Either,
        weekdays: vec![],
        in_work: false,
        adapted: false,
        waiting_since: d("2026-06-01"),
        keep_apart: vec![],
    }
}

/// A closed TSP general moderate group at site_a, Monday daytime, starting 2026-12-07, 8-10.
pub fn group(id: &str) -> Group {
    Group {
        id: id.into(),
        programme: "tsp".into(),
        pathway: Intensity::Moderate,
        cohort: Cohort::General,
        site: "site_a".into(),
        slot: Slot {
            weekday: Weekday::Mon,
            time: TimeOfDay::Day,
        },
        start: d("2026-12-07"),
        intake: Intake::Closed,
        min_size: 8,
        max_size: 10,
        adapted: false,
        members: vec![],
    }
}

pub fn today() -> Date {
    d("2026-11-23")
}
