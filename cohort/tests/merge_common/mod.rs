//! Workspaces to merge in the tests: records from the documented example record, and staff
//! entries, groups, waiting-list men, allocations and rules files small enough to work by hand.
#![allow(dead_code)]

use qkit_allocation::{
    Allocation, AllocationInput, Cohort, Date, Intake, Intensity, Level, Slot, TimeOfDay, Weekday,
};
use qkit_allocation::{Group, Participant};
use qkit_cohort::rules_file::RulesFile;
use qkit_cohort::staff::StaffEntry;
use qkit_cohort::workspace::Allocated;
use qkit_cohort::Key;
use qkit_export::record_set::RecordSet;
use qkit_export::ResultRecord;
use qkit_questionnaires::Timepoint;

const EXAMPLE: &str = include_str!("../../../docs/examples/record.json");

pub fn record(participant: &str, id: &str, t: Timepoint) -> ResultRecord {
    let mut r = ResultRecord::from_json(EXAMPLE.as_bytes()).expect("the example parses");
    r.participant = participant.to_owned();
    r.record_id = id.to_owned();
    r.timepoint = t;
    r
}

pub fn key(p: &str) -> Key {
    Key::new(p, "tsp")
}

pub fn staff(risk: Level) -> StaffEntry {
    StaffEntry {
        risk: Some(risk),
        ..StaffEntry::default()
    }
}

pub fn group(id: &str, site: &str) -> Group {
    Group {
        id: id.to_owned(),
        programme: "tsp".to_owned(),
        pathway: Intensity::Moderate,
        cohort: Cohort::General,
        site: site.to_owned(),
        slot: Slot {
            weekday: Weekday::Tue,
            time: TimeOfDay::Evening,
        },
        start: Date::parse("2027-01-05").expect("a date"),
        intake: Intake::Closed,
        min_size: 8,
        max_size: 10,
        adapted: false,
        members: Vec::new(),
    }
}

pub fn listed(id: &str, need: Level) -> Participant {
    Participant {
        id: id.to_owned(),
        programme: "tsp".to_owned(),
        pathway: Intensity::Moderate,
        cohort: Cohort::General,
        need,
        sites: vec!["site_a".to_owned()],
        availability: qkit_allocation::Availability::Either,
        weekdays: Vec::new(),
        in_work: false,
        adapted: false,
        waiting_since: Date::parse("2026-10-01").expect("a date"),
        keep_apart: Vec::new(),
    }
}

pub fn allocated(today: &str, ms: f64) -> Allocated {
    Allocated {
        input: AllocationInput {
            participants: Vec::new(),
            groups: Vec::new(),
        },
        allocation: Allocation {
            today: Date::parse(today).expect("a date"),
            assignments: Vec::new(),
            groups: Vec::new(),
            moves: Vec::new(),
        },
        not_ready: Vec::new(),
        ms,
        merged: Vec::new(),
        rules_changed: false,
    }
}

pub fn rules_file(name: &str) -> RulesFile {
    serde_json::from_value(serde_json::json!({ "name": name, "text": "{}" })).expect("a rules file")
}

pub fn set(records: &[(&str, &str, Timepoint)]) -> RecordSet {
    let mut set = RecordSet::new();
    for (p, id, t) in records {
        set.add(&format!("{id}.age"), record(p, id, *t));
    }
    set
}
