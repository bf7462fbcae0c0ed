//! What the allocation screen says about the allocation in hand, as plain data: whether it is
//! out of date (men placed who now have results from after the start, men waiting who are not in
//! it, rules changed since), how a `participants.csv` row naming a man already imported is
//! merged with the entries made on screen, exactly what the allocation did (placed, 1:1, not
//! recommended), and which placed men have started their group ([`keep_started`]), so
//! allocating again keeps them.

use super::cohort::Table;
use super::Key;
use qkit_allocation::{Allocation, Group, Outcome, Participant};
use qkit_questionnaires::Timepoint;
use serde::{Deserialize, Serialize};

/// Why an allocation no longer matches the records held. Empty when it still does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OutOfDate {
    /// Men in the allocation whose latest results are now from part-way or after, with that
    /// timepoint.
    pub moved_on: Vec<(String, Timepoint)>,
    /// Men waiting (latest results before the programme) who are not in the allocation.
    pub not_in_it: Vec<String>,
    /// The pathway rules changed after the allocation was made (`Allocated::out_of_date`).
    pub rules_changed: bool,
}

impl OutOfDate {
    /// Whether the allocation still matches the records and the rules.
    pub fn is_current(&self) -> bool {
        self.moved_on.is_empty() && self.not_in_it.is_empty() && !self.rules_changed
    }
}

/// Compares the men an allocation was made for with the cohort table now (the rules are
/// `Allocated::out_of_date`'s to add).
pub fn out_of_date(placed: &[Participant], table: &Table) -> OutOfDate {
    let in_it = |k: &Key| {
        placed
            .iter()
            .any(|p| p.id == k.participant && p.programme == k.programme)
    };
    let mut out = OutOfDate::default();
    for row in &table.rows {
        match (in_it(&row.key), row.latest) {
            (true, Timepoint::Pre) | (false, Timepoint::Mid | Timepoint::Post) => {}
            (true, later) => out.moved_on.push((row.key.participant.clone(), later)),
            (false, Timepoint::Pre) => out.not_in_it.push(row.key.participant.clone()),
        }
    }
    out
}

/// The groups with every man who has started his place as a member. An allocation is a
/// proposal until the group runs: a man `allocation` placed in a group (by the allocator or
/// moved there by hand) who now has a result from part-way or after the programme (his row's
/// latest timepoint in `table` is mid or post) has started that group, so he becomes one of its
/// members. Allocating again then keeps him in it (tracking lists him there, and he counts
/// against its size) instead of dropping him; men placed who have not started are allocated
/// again. Returns the groups and the men added, by group, in the allocation's order. Members
/// start with the group: the allocation's joining date is not kept beyond it.
pub fn keep_started(
    groups: &[Group],
    allocation: &Allocation,
    table: &Table,
) -> (Vec<Group>, Vec<(String, String)>) {
    let mut out = groups.to_vec();
    let mut added = Vec::new();
    for a in &allocation.assignments {
        let Outcome::Group { group, .. } = &a.outcome else {
            continue;
        };
        let Some(g) = out.iter_mut().find(|g| g.id == *group) else {
            continue;
        };
        let started = table.rows.iter().any(|r| {
            r.key.participant == a.participant
                && r.key.programme == g.programme
                && r.latest != Timepoint::Pre
        });
        if started && !g.members.contains(&a.participant) {
            g.members.push(a.participant.clone());
            added.push((group.clone(), a.participant.clone()));
        }
    }
    (out, added)
}

/// Which entries were used for a man both imported and named in a `participants.csv` file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merged {
    pub participant: String,
    pub used: Used,
    /// The fields in which the file and the screen disagree (the allocation participant's field
    /// names: `pathway`, `sites`, …); empty when they agree or the screen had too little.
    pub differs: Vec<String>,
}

/// Whose entries were used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Used {
    /// The entries made on screen: an assessor's entry is never replaced by a file unasked.
    Screen,
    /// The file's row: the entries on screen are not complete enough to allocate him.
    File,
}

/// Merges the men ready from the screen with those listed in a file: one participant per man
/// and programme. Where both have him, the screen's entries are used (the assessor made them
/// here, so a file never overrides them silently) and where they disagree is said; a man listed
/// in the file whose entries on screen are not complete (`not_ready`) is taken from the file.
/// Returns the participants, and what was done for each man on both sides.
pub fn merge_listed(
    from_screen: Vec<Participant>,
    not_ready: &[Key],
    listed: &[Participant],
) -> (Vec<Participant>, Vec<Merged>) {
    let mut out = from_screen;
    let mut merged = Vec::new();
    for row in listed {
        let same = |p: &Participant| p.id == row.id && p.programme == row.programme;
        if let Some(screen) = out.iter().find(|p| same(p)) {
            merged.push(Merged {
                participant: row.id.clone(),
                used: Used::Screen,
                differs: differences(screen, row),
            });
            continue;
        }
        if not_ready
            .iter()
            .any(|k| k.participant == row.id && k.programme == row.programme)
        {
            merged.push(Merged {
                participant: row.id.clone(),
                used: Used::File,
                differs: Vec::new(),
            });
        }
        out.push(row.clone());
    }
    (out, merged)
}

/// The fields in which two participants for the same man differ.
fn differences(a: &Participant, b: &Participant) -> Vec<String> {
    let sorted = |v: &[String]| {
        let mut v = v.to_vec();
        v.sort();
        v
    };
    let mut days = (a.weekdays.clone(), b.weekdays.clone());
    days.0.sort();
    days.1.sort();
    [
        ("pathway", a.pathway != b.pathway),
        ("cohort", a.cohort != b.cohort),
        ("need", a.need != b.need),
        ("sites", sorted(&a.sites) != sorted(&b.sites)),
        ("availability", a.availability != b.availability),
        ("weekdays", days.0 != days.1),
        ("in_work", a.in_work != b.in_work),
        ("adapted", a.adapted != b.adapted),
        ("waiting_since", a.waiting_since != b.waiting_since),
        ("keep_apart", sorted(&a.keep_apart) != sorted(&b.keep_apart)),
    ]
    .into_iter()
    .filter(|(_, differ)| *differ)
    .map(|(name, _)| name.to_owned())
    .collect()
}

/// What an allocation did, counted: men placed in a group, to 1:1, and with no group programme,
/// and how many groups took at least one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub placed: usize,
    pub groups_used: usize,
    pub one_to_one: usize,
    pub not_recommended: usize,
}

/// Counts what `allocation` did.
pub fn counts(allocation: &Allocation) -> Counts {
    let mut c = Counts::default();
    let mut used: Vec<&str> = Vec::new();
    for a in &allocation.assignments {
        match &a.outcome {
            Outcome::Group { group, .. } => {
                c.placed += 1;
                if !used.contains(&group.as_str()) {
                    used.push(group);
                }
            }
            Outcome::OneToOne { .. } => c.one_to_one += 1,
            Outcome::NotRecommended => c.not_recommended += 1,
        }
    }
    c.groups_used = used.len();
    c
}

#[cfg(test)]
#[path = "allocation_check_tests.rs"]
mod tests;
