//! What the assessor enters for each participant (risk level, order or licence requirement,
//! an override with its reason, attendance, people to keep apart, waiting since), the pathway
//! decision made from it by qkit-allocation, and the allocation participant built from both.

use super::people::{answers_to, attendance_of, present, record_date, reports};
use super::Key;
use qkit_allocation::{
    decide, override_pathway, Availability, Date, Intensity, Level, Participant, PathwayDecision,
    PathwayError, Rules, StaffInput, Weekday,
};
use qkit_export::record_set::ByTimepoint;
use qkit_questionnaires::Kit;
use serde::{Deserialize, Serialize};

/// The assessor's entries for one participant. Attendance starts from his own answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffEntry {
    /// From the organisation's risk tools; qkit never calculates it.
    pub risk: Option<Level>,
    /// An order or licence requirement code from the rules.
    pub requirement: Option<String>,
    /// The assessor's override of the recommended pathway, with the reason.
    pub pathway_override: Option<(Intensity, String)>,
    /// Site codes he can get to.
    pub sites: Vec<String>,
    pub availability: Option<Availability>,
    pub in_work: Option<bool>,
    /// Weekdays he can attend; empty means any.
    pub weekdays: Vec<Weekday>,
    /// Case references he must never share a group with.
    pub keep_apart: Vec<String>,
    /// When he started waiting for a group.
    pub waiting_since: Option<Date>,
}

impl StaffEntry {
    /// A first entry: attendance from his `about_you` answers, waiting since his earliest record.
    pub fn from_records(kit: &Kit, records: &ByTimepoint) -> StaffEntry {
        let a = attendance_of(kit, records);
        StaffEntry {
            sites: a.sites,
            availability: a.availability,
            in_work: a.in_work,
            waiting_since: present(records).next().and_then(|(_, r)| record_date(r)),
            ..StaffEntry::default()
        }
    }
}

/// The pathway decision for his records and the entries, once risk and requirement are given;
/// the override, if any, is applied.
pub fn decision(
    rules: &Rules,
    records: &ByTimepoint,
    entry: &StaffEntry,
) -> Option<Result<PathwayDecision, PathwayError>> {
    let (risk, requirement) = (entry.risk?, entry.requirement.clone()?);
    let staff = StaffInput { risk, requirement };
    let answers = answers_to(records, &rules.adapted.questionnaire);
    let made = decide(rules, &reports(records), &answers, &staff);
    Some(made.and_then(|d| match &entry.pathway_override {
        Some((pathway, reason)) => override_pathway(&d, *pathway, reason),
        None => Ok(d),
    }))
}

/// Why a participant cannot be allocated yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "why")]
pub enum NotReady {
    /// Risk level or requirement not entered.
    NoStaffEntry,
    /// The decision could not be made.
    Decision(PathwayError),
    /// No domain could be assessed and there is no override.
    NoPathway,
    NoSites,
    NoAvailability,
    NoInWork,
    NoWaitingSince,
}

/// The allocation participant for `key`, or why he is not ready.
pub fn participant(
    rules: &Rules,
    key: &Key,
    records: &ByTimepoint,
    entry: &StaffEntry,
) -> Result<Participant, NotReady> {
    let d = decision(rules, records, entry)
        .ok_or(NotReady::NoStaffEntry)?
        .map_err(NotReady::Decision)?;
    let pathway = d.pathway().ok_or(NotReady::NoPathway)?;
    if entry.sites.is_empty() {
        return Err(NotReady::NoSites);
    }
    Ok(Participant {
        id: key.participant.clone(),
        programme: key.programme.clone(),
        pathway,
        cohort: d.cohort.cohort,
        // Without an assessed domain the override decided; medium keeps the mix neutral.
        need: d.need.level.unwrap_or(Level::Medium),
        sites: entry.sites.clone(),
        availability: entry.availability.ok_or(NotReady::NoAvailability)?,
        weekdays: entry.weekdays.clone(),
        in_work: entry.in_work.ok_or(NotReady::NoInWork)?,
        adapted: d.adapted.flagged,
        waiting_since: entry.waiting_since.ok_or(NotReady::NoWaitingSince)?,
        keep_apart: entry.keep_apart.clone(),
    })
}
