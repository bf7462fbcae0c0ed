//! Merging a second workspace (another site's, from a workspace file) into the open one, "ours"
//! and "theirs". What only one side holds is taken; what both hold alike is kept once; what both
//! hold differently is a [`Conflict`], listed with both sides for the assessor to choose. Nothing
//! is dropped without a choice, and [`Plan::resolve`] gives the merged workspace only when every
//! conflict is chosen.
//!
//! - Staff entries and report comments are keyed by participant and programme; groups by id; the
//!   waiting list by participant and programme; local questionnaire files by name.
//! - The allocation, the local rules file and the way reliable change is judged are one value per
//!   workspace. An allocation only one side holds is taken. The rules file and reliable change are
//!   settings the other side's work was made under, so when they differ it is a conflict, unless
//!   our workspace holds no work yet (then theirs are taken, so merging into an empty workspace
//!   gives theirs). Two allocations that differ only in how long allocating took are the same.
//! - Their records go through [`RecordSet::add`] one by one onto ours, with its rules (the same
//!   record is counted once, a finished record completes an unfinished one, a different record
//!   for the same man and timepoint is kept beside ours, which stays in use until the assessor
//!   chooses), and each outcome is listed ([`RecordOutcome`]).

mod conflict;

pub use conflict::{both_comments, Choice, Conflict, Outcome, RecordOutcome, Taken};

use crate::reconcile;
use crate::workspace::{Allocated, Entries};
use crate::Key;
use qkit_allocation::Participant;
use qkit_export::record_set::RecordSet;
use std::collections::BTreeMap;
use thiserror::Error;

/// A merge worked out, waiting for the assessor's choices.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Every conflict, in a stable order (staff, comments, groups, waiting list, allocation,
    /// local files, rules file, reliable change).
    pub conflicts: Vec<Conflict>,
    /// What was taken from theirs without a choice.
    pub taken: Taken,
    /// Each of their records and what became of it.
    pub records: Vec<RecordOutcome>,
    /// Ours with everything taken and every conflict still ours.
    base: Entries,
    merged_records: RecordSet,
}

/// A merge with every conflict chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub entries: Entries,
    pub records: RecordSet,
    /// How many conflicts were resolved each way: kept ours, took theirs, kept both.
    pub chosen: [usize; 3],
}

/// Why a merge was not applied.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MergeError {
    /// Not one choice per conflict.
    #[error("{choices} choice(s) for {conflicts} conflict(s)")]
    Count { conflicts: usize, choices: usize },
    /// Some conflicts are not chosen yet.
    #[error("{unchosen} conflict(s) not chosen yet")]
    Unchosen { unchosen: usize },
    /// A choice the conflict does not offer ("keep both" for anything but a comment).
    #[error("conflict {index}: that choice is not offered")]
    NotOffered { index: usize },
}

/// A workspace: its entries and its records.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub entries: &'a Entries,
    pub records: &'a RecordSet,
}

impl<'a> Side<'a> {
    /// The workspace of `entries` and `records`.
    pub fn new(entries: &'a Entries, records: &'a RecordSet) -> Side<'a> {
        Side { entries, records }
    }

    /// Whether nothing is imported or entered (local files and settings aside).
    pub fn holds_nothing(&self) -> bool {
        let e = self.entries;
        self.records.is_empty()
            && e.staff.is_empty()
            && e.comments.is_empty()
            && e.groups.is_empty()
            && e.listed.is_empty()
            && e.allocated.is_none()
    }
}

/// Works out merging `theirs` into `ours`.
pub fn plan(ours: Side<'_>, theirs: Side<'_>) -> Plan {
    let (o, t) = (ours.entries, theirs.entries);
    let mut conflicts = Vec::new();
    let mut taken = Taken::default();
    let staff = keyed(&o.staff, &t.staff, &mut taken.staff, |key, ours, theirs| {
        Conflict::Staff { key, ours, theirs }
    });
    let comments = keyed(
        &o.comments,
        &t.comments,
        &mut taken.comments,
        |key, ours, theirs| Conflict::Comment { key, ours, theirs },
    );
    let groups = by_id(
        &o.groups,
        &t.groups,
        |g| g.id.clone(),
        &mut taken.groups,
        |ours, theirs| Conflict::Group { ours, theirs },
    );
    let listed_key = |p: &Participant| Key::new(&p.id, &p.programme);
    let listed = by_id(
        &o.listed,
        &t.listed,
        listed_key,
        &mut taken.listed,
        |ours, theirs| Conflict::Listed { ours, theirs },
    );
    // The file a chosen record came from (its record id when neither side holds it).
    let file_of = |c: &reconcile::Choice| {
        (ours.records.all().chain(theirs.records.all()))
            .find(|i| i.record.record_id == c.record_id)
            .map_or_else(|| c.record_id.clone(), |i| i.source.clone())
    };
    let chosen = by_id(
        &o.chosen,
        &t.chosen,
        |c| (c.key.clone(), c.timepoint.clone()),
        &mut taken.chosen,
        |ours, theirs| Conflict::Chosen {
            our_file: file_of(&ours),
            their_file: file_of(&theirs),
            ours,
            theirs,
        },
    );
    for c in [staff.1, comments.1, groups.1, listed.1, chosen.1] {
        conflicts.extend(c);
    }
    let allocated = match (&o.allocated, &t.allocated) {
        (None, Some(theirs)) => {
            taken.allocation = true;
            Some(theirs.clone())
        }
        (Some(ours), Some(theirs)) if !same_allocation(ours, theirs) => {
            conflicts.push(Conflict::Allocation {
                ours: Box::new(ours.clone()),
                theirs: Box::new(theirs.clone()),
            });
            Some(ours.clone())
        }
        (ours, _) => ours.clone(),
    };
    // Settings: ours give way when our workspace holds no work made under them.
    let (local_files, mut settings) = by_id(
        &o.local_files,
        &t.local_files,
        |f| f.name.clone(),
        &mut taken.local_files,
        |ours, theirs| Conflict::LocalFile { ours, theirs },
    );
    if o.rules_file != t.rules_file {
        settings.push(Conflict::RulesFile {
            ours: o.rules_file.clone(),
            theirs: t.rules_file.clone(),
        });
    }
    if o.reliable_change != t.reliable_change {
        settings.push(Conflict::ReliableChange {
            ours: o.reliable_change,
            theirs: t.reliable_change,
        });
    }
    let (merged_records, records) = add_records(ours.records, theirs.records);
    let mut base = Entries {
        staff: staff.0,
        comments: comments.0,
        groups: groups.0,
        listed: listed.0,
        allocated,
        local_files,
        rules_file: o.rules_file.clone(),
        reliable_change: o.reliable_change,
        chosen: chosen.0,
    };
    if ours.holds_nothing() {
        for setting in &settings {
            match setting {
                Conflict::RulesFile { .. } => taken.rules_file = true,
                Conflict::ReliableChange { .. } => taken.reliable_change = true,
                _ => taken.local_files += 1,
            }
            take(&mut base, setting, Choice::Theirs);
        }
    } else {
        conflicts.extend(settings);
    }
    Plan {
        conflicts,
        taken,
        records,
        base,
        merged_records,
    }
}

impl Plan {
    /// The merged workspace with `choices` (one per conflict, in order), or why not: every
    /// conflict must be chosen, with a choice it offers.
    pub fn resolve(&self, choices: &[Option<Choice>]) -> Result<Merged, MergeError> {
        if choices.len() != self.conflicts.len() {
            return Err(MergeError::Count {
                conflicts: self.conflicts.len(),
                choices: choices.len(),
            });
        }
        let unchosen = choices.iter().filter(|c| c.is_none()).count();
        if unchosen > 0 {
            return Err(MergeError::Unchosen { unchosen });
        }
        let mut entries = self.base.clone();
        let mut chosen = [0; 3];
        for (index, (conflict, choice)) in self
            .conflicts
            .iter()
            .zip(choices.iter().flatten())
            .enumerate()
        {
            if !conflict.choices().contains(choice) {
                return Err(MergeError::NotOffered { index });
            }
            chosen[*choice as usize] += 1;
            if *choice != Choice::Ours {
                take(&mut entries, conflict, *choice);
            }
        }
        // The records chosen (ours, theirs where ours chose none, and each conflict's choice) are
        // the ones in use.
        let mut records = self.merged_records.clone();
        reconcile::apply(&mut records, &entries.chosen);
        Ok(Merged {
            entries,
            records,
            chosen,
        })
    }
}

/// Puts their side of `conflict` (or both comments) into `entries`.
fn take(entries: &mut Entries, conflict: &Conflict, choice: Choice) {
    fn replace<T: Clone>(list: &mut [T], new: &T, same: impl Fn(&T) -> bool) {
        if let Some(slot) = list.iter_mut().find(|x| same(x)) {
            *slot = new.clone();
        }
    }
    match conflict {
        Conflict::Staff { key, theirs, .. } => {
            entries.staff.insert(key.clone(), theirs.clone());
        }
        Conflict::Comment { key, ours, theirs } => {
            let text = match choice {
                Choice::Both => both_comments(ours, theirs),
                _ => theirs.clone(),
            };
            entries.comments.insert(key.clone(), text);
        }
        Conflict::Group { theirs, .. } => {
            replace(&mut entries.groups, theirs, |g| g.id == theirs.id)
        }
        Conflict::Listed { theirs, .. } => replace(&mut entries.listed, theirs, |p| {
            p.id == theirs.id && p.programme == theirs.programme
        }),
        Conflict::Allocation { theirs, .. } => entries.allocated = Some((**theirs).clone()),
        Conflict::LocalFile { theirs, .. } => {
            replace(&mut entries.local_files, theirs, |f| f.name == theirs.name)
        }
        Conflict::RulesFile { theirs, .. } => entries.rules_file = theirs.clone(),
        Conflict::ReliableChange { theirs, .. } => entries.reliable_change = *theirs,
        Conflict::Chosen { theirs, .. } => replace(&mut entries.chosen, theirs, |c| {
            c.key == theirs.key && c.timepoint == theirs.timepoint
        }),
    }
}

/// Two allocations are the same when they were made from the same input with the same result
/// (how long allocating took aside).
fn same_allocation(a: &Allocated, b: &Allocated) -> bool {
    a.input == b.input && a.allocation == b.allocation && a.not_ready == b.not_ready
}

/// A keyed map merged: ours, with theirs added where ours has none; conflicts where both differ.
fn keyed<T: Clone + PartialEq>(
    ours: &BTreeMap<Key, T>,
    theirs: &BTreeMap<Key, T>,
    taken: &mut usize,
    conflict: impl Fn(Key, T, T) -> Conflict,
) -> (BTreeMap<Key, T>, Vec<Conflict>) {
    let mut merged = ours.clone();
    let mut conflicts = Vec::new();
    for (key, value) in theirs {
        match ours.get(key) {
            None => {
                merged.insert(key.clone(), value.clone());
                *taken += 1;
            }
            Some(mine) if mine != value => {
                conflicts.push(conflict(key.clone(), mine.clone(), value.clone()))
            }
            Some(_) => {}
        }
    }
    (merged, conflicts)
}

/// A list with ids merged: ours in order, then theirs whose id ours lack; conflicts where the
/// same id differs.
fn by_id<T: Clone + PartialEq, K: PartialEq>(
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> K,
    taken: &mut usize,
    conflict: impl Fn(T, T) -> Conflict,
) -> (Vec<T>, Vec<Conflict>) {
    let mut merged = ours.to_vec();
    let mut conflicts = Vec::new();
    for value in theirs {
        match ours.iter().find(|x| id(x) == id(value)) {
            None => {
                merged.push(value.clone());
                *taken += 1;
            }
            Some(mine) if mine != value => conflicts.push(conflict(mine.clone(), value.clone())),
            Some(_) => {}
        }
    }
    (merged, conflicts)
}

/// Their records (those in use and those kept beside) added onto ours one by one, with their
/// content ids, and what became of each.
fn add_records(ours: &RecordSet, theirs: &RecordSet) -> (RecordSet, Vec<RecordOutcome>) {
    let mut merged = ours.clone();
    let mut outcomes = Vec::new();
    for imported in theirs.all() {
        let r = &imported.record;
        let added = merged.add_file(&imported.source, imported.content.clone(), r.clone());
        outcomes.push(RecordOutcome {
            key: Key::new(&r.participant, &r.programme),
            timepoint: r.timepoint,
            source: imported.source.clone(),
            outcome: added.into(),
        });
    }
    (merged, outcomes)
}
