//! Programme tracking: for each programme cohort (a group, or the waiting list), which of its
//! men have done each timepoint (pre, mid, post), which are due and when, which are overdue and
//! which are not expected yet. The dates come from the man's first session (his group's start, or
//! the module boundary he joined at) and the programme's schedule in `batteries.json`
//! ([`qkit_questionnaires::schedule`]); a programme whose length the organisation has not set
//! gives no mid or post due date, and the table says so rather than guess.
//!
//! Rules (each a hand-checked case in the tests):
//! - a finished record at a timepoint: done, with the day it was completed;
//! - no group: pre is due today; mid and post are not expected yet;
//! - in a group starting on day S: pre is due by S, mid by S + 7 × mid_week, post by
//!   S + 7 × post_week; a due date before today is overdue (by how many days);
//! - placed 1:1 by the allocation: a cohort of its own; pre is due today, and mid and post are
//!   expected with no due date (1:1 work has no first session in qkit to count from);
//! - not recommended for a group programme: a cohort of its own; pre is due today, and mid and
//!   post are not expected.
//!
//! "Today" is a parameter, so the table is the same on the screen, in print and from the CLI.

use crate::people::record_date;
use crate::workspace::Entries;
use crate::Key;
use qkit_allocation::{Date, Outcome};
use qkit_export::record_set::RecordSet;
use qkit_questionnaires::{Kit, Timepoint};
use std::collections::{BTreeMap, BTreeSet};

/// The cohort a man is tracked in (in the table's order).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cohort {
    /// A group, by id.
    Group(String),
    /// Placed for 1:1 delivery by the allocation.
    OneToOne,
    /// Not recommended for a group programme (the allocation says so).
    NotRecommended,
    /// Not (yet) in a group.
    Waiting,
}

/// Where a man stands at one timepoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// A finished record, completed on this day.
    Done(Date),
    /// Not done; due on this day (today or later).
    Due(Date),
    /// Not done; was due on this day, `days` days before today.
    Overdue { due: Date, days: i64 },
    /// Expected, with no due date: in a group whose programme's length is not set, or 1:1.
    NoDueDate,
    /// Not expected (yet): waiting for a group, or not recommended for one.
    NotExpected,
}

impl Status {
    /// Whether the timepoint is expected and not done yet (due, overdue, or due on a day not
    /// yet known): the "still needs" filters.
    pub fn still_needed(self) -> bool {
        matches!(
            self,
            Status::Due(_) | Status::Overdue { .. } | Status::NoDueDate
        )
    }
}

/// One man on one programme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub key: Key,
    pub cohort: Cohort,
    /// His first session, when he is in a group.
    pub start: Option<Date>,
    /// Pre, mid and post, indexed by `Timepoint as usize`.
    pub status: [Status; 3],
}

/// The tracking table: rows sorted by programme, cohort (groups by id, 1:1, not recommended,
/// then the waiting list) and participant.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tracking {
    pub rows: Vec<Row>,
}

/// Which rows to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    #[default]
    All,
    /// Men who still need this timepoint.
    StillNeeds(Timepoint),
}

impl Filter {
    /// Whether `row` passes.
    pub fn keeps(self, row: &Row) -> bool {
        match self {
            Filter::All => true,
            Filter::StillNeeds(t) => row.status[t as usize].still_needed(),
        }
    }
}

/// Counts of each kind of status at one timepoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub done: usize,
    pub due: usize,
    pub overdue: usize,
    pub no_due_date: usize,
    pub not_expected: usize,
}

impl Tracking {
    /// The rows `filter` keeps.
    pub fn filtered(&self, filter: Filter) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(move |r| filter.keeps(r))
    }

    /// The row of the man with `key`.
    pub fn row(&self, key: &Key) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == *key)
    }

    /// How many rows have each status at timepoint `t`.
    pub fn counts(&self, t: Timepoint) -> Counts {
        let mut c = Counts::default();
        for row in &self.rows {
            match row.status[t as usize] {
                Status::Done(_) => c.done += 1,
                Status::Due(_) => c.due += 1,
                Status::Overdue { .. } => c.overdue += 1,
                Status::NoDueDate => c.no_due_date += 1,
                Status::NotExpected => c.not_expected += 1,
            }
        }
        c
    }
}

/// Every man the workspace knows on each programme: those with records, staff entries, a place
/// on the waiting list read from a file, or a place from a group or the allocation.
fn everyone(
    records: &RecordSet,
    entries: &Entries,
    placed: &BTreeMap<Key, Place>,
) -> BTreeSet<Key> {
    let mut keys: BTreeSet<Key> = records.people().map(|(p, g, _)| Key::new(p, g)).collect();
    keys.extend(entries.staff.keys().cloned());
    keys.extend(entries.listed.iter().map(|p| Key::new(&p.id, &p.programme)));
    keys.extend(placed.keys().cloned());
    keys
}

/// Where a man is placed: his cohort and, in a group, his first session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub cohort: Cohort,
    pub start: Option<Date>,
}

/// Each man's place: a current member of a group starts with it; a man the allocation placed
/// in a group starts at his joining date; the allocation's 1:1 and not recommended men are
/// their own cohorts. A later source wins (the allocation, with its moves by hand, over the
/// groups' member lists).
pub fn placements(entries: &Entries) -> BTreeMap<Key, Place> {
    let mut out = BTreeMap::new();
    for g in &entries.groups {
        for m in &g.members {
            let place = Place {
                cohort: Cohort::Group(g.id.clone()),
                start: Some(g.start),
            };
            out.insert(Key::new(m, &g.programme), place);
        }
    }
    if let Some(allocated) = &entries.allocated {
        let group_programme: BTreeMap<&str, &str> = entries
            .groups
            .iter()
            .map(|g| (g.id.as_str(), g.programme.as_str()))
            .collect();
        let programme_of: BTreeMap<&str, &str> = allocated
            .input
            .participants
            .iter()
            .map(|p| (p.id.as_str(), p.programme.as_str()))
            .collect();
        for a in &allocated.allocation.assignments {
            let (programme, place) = match &a.outcome {
                Outcome::Group { group, start, .. } => (
                    group_programme.get(group.as_str()),
                    Place {
                        cohort: Cohort::Group(group.clone()),
                        start: Some(*start),
                    },
                ),
                Outcome::OneToOne { .. } => (
                    programme_of.get(a.participant.as_str()),
                    Place {
                        cohort: Cohort::OneToOne,
                        start: None,
                    },
                ),
                Outcome::NotRecommended => (
                    programme_of.get(a.participant.as_str()),
                    Place {
                        cohort: Cohort::NotRecommended,
                        start: None,
                    },
                ),
            };
            if let Some(programme) = programme {
                out.insert(Key::new(&a.participant, programme), place);
            }
        }
    }
    out
}

/// The status at one timepoint of a man in `cohort` without a record for it.
fn expected(
    t: Timepoint,
    (cohort, start): (&Cohort, Option<Date>),
    weeks: Option<[u32; 2]>,
    today: Date,
) -> Status {
    let due = match (t, start, weeks) {
        (Timepoint::Pre, None, _) => return Status::Due(today),
        (_, None, _) if *cohort == Cohort::OneToOne => return Status::NoDueDate,
        (_, None, _) => return Status::NotExpected,
        (Timepoint::Pre, Some(s), _) => Some(s),
        (_, Some(_), None) => None,
        (t, Some(s), Some([mid, post])) => {
            let w = if t == Timepoint::Mid { mid } else { post };
            s.add_days(7 * i64::from(w))
        }
    };
    match due {
        None => Status::NoDueDate,
        Some(due) if due < today => Status::Overdue {
            due,
            days: today.days_since(due),
        },
        Some(due) => Status::Due(due),
    }
}

/// The tracking table for everyone in the workspace on `today`.
pub fn tracking(kit: &Kit, records: &RecordSet, entries: &Entries, today: Date) -> Tracking {
    let placed = placements(entries);
    let mut rows: Vec<Row> = everyone(records, entries, &placed)
        .into_iter()
        .map(|key| {
            let (cohort, start) = placed
                .get(&key)
                .map_or((Cohort::Waiting, None), |p| (p.cohort.clone(), p.start));
            let weeks = kit
                .programme(&key.programme)
                .and_then(|p| p.schedule.weeks())
                .map(|w| [w.mid, w.post]);
            let held = records.get(&key.participant, &key.programme);
            let status = Timepoint::ALL.map(|t| {
                let done = held
                    .and_then(|r| r[t as usize].as_ref())
                    .filter(|i| !i.record.is_unfinished())
                    .and_then(|i| record_date(&i.record));
                match done {
                    Some(day) => Status::Done(day),
                    None => expected(t, (&cohort, start), weeks, today),
                }
            });
            Row {
                cohort,
                key,
                start,
                status,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (&a.key.programme, &a.cohort, &a.key.participant).cmp(&(
            &b.key.programme,
            &b.cohort,
            &b.key.participant,
        ))
    });
    Tracking { rows }
}

#[cfg(test)]
#[path = "tracking_tests.rs"]
mod tests;
