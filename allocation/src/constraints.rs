//! The hard constraints, and the board they are checked on: who is in which group, indexed so
//! that a check is a few comparisons. Allocation, moves by hand and explanations all use these
//! checks, so they cannot disagree.

use crate::date::Date;
use crate::error::InputError;
use crate::input::{AllocationInput, Group, Intake, ModuleBoundaries, Participant};
use crate::output::Breach;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// A hard constraint: allocation never breaks one; a move by hand may, with a warning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Constraint {
    /// The group runs his programme.
    Programme,
    /// Same cohort: general, domestic abuse and sexual offence never mix.
    Cohort,
    /// Same pathway intensity.
    Pathway,
    /// Adapted groups take exactly the men flagged for adapted delivery.
    Adapted,
    /// A site he can get to.
    Site,
    /// A weekday and time he can attend; evenings only for men in work.
    Slot,
    /// The group still takes joiners: closed before its start, rolling at a module boundary.
    Intake,
    /// Nobody he must be kept apart from is in the group.
    KeepApart,
    /// Room below the group's maximum size.
    Capacity,
}

impl Constraint {
    /// The order constraints are checked in when explaining why someone is unplaced: fixed
    /// facts first, the contended places last.
    pub const ORDER: [Constraint; 9] = [
        Constraint::Programme,
        Constraint::Cohort,
        Constraint::Pathway,
        Constraint::Adapted,
        Constraint::Site,
        Constraint::Slot,
        Constraint::Intake,
        Constraint::KeepApart,
        Constraint::Capacity,
    ];

    /// The key written in files.
    pub fn key(self) -> &'static str {
        match self {
            Constraint::Programme => "programme",
            Constraint::Cohort => "cohort",
            Constraint::Pathway => "pathway",
            Constraint::Adapted => "adapted",
            Constraint::Site => "site",
            Constraint::Slot => "slot",
            Constraint::Intake => "intake",
            Constraint::KeepApart => "keep_apart",
            Constraint::Capacity => "capacity",
        }
    }

    /// Says why nobody could be placed, given how many groups passed the earlier checks.
    pub(crate) fn explain(self, groups_left: usize, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = self.key();
        if groups_left == 0 {
            return write!(f, "{key}: there are no groups");
        }
        let what = match self {
            Constraint::Programme => "runs his programme",
            Constraint::Cohort => "is for his cohort",
            Constraint::Pathway => "is for his pathway",
            Constraint::Adapted => "matches his adapted-delivery flag",
            Constraint::Site => "is at a site he can get to",
            Constraint::Slot => "meets on a day and at a time he can attend",
            Constraint::Intake => "still takes joiners",
            Constraint::KeepApart => "is free of people he must be kept apart from",
            Constraint::Capacity => "has room",
        };
        if self == Constraint::Programme {
            return write!(f, "{key}: none of the {groups_left} groups {what}");
        }
        write!(
            f,
            "{key}: none of the {groups_left} group(s) that fit him otherwise {what}"
        )
    }
}

impl fmt::Display for Constraint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Who is where, indexed. Persons are the waiting participants (`0..P`, in input order) and then
/// every other current member or keep-apart name.
#[derive(Debug, Clone)]
pub(crate) struct Board<'a> {
    pub input: &'a AllocationInput,
    pub today: Date,
    pub person: BTreeMap<&'a str, usize>,
    /// Person ids by index.
    pub names: Vec<&'a str>,
    pub group: BTreeMap<&'a str, usize>,
    /// Keep-apart lists over persons, both directions, sorted and without repeats.
    pub keep: Vec<Vec<usize>>,
    /// The group each person is in (current members and placed joiners).
    pub group_of: Vec<Option<usize>>,
    pub size: Vec<u32>,
    /// Joiners per group, in the order they were placed.
    pub joiners: Vec<Vec<usize>>,
    pub join_date: Vec<Option<Date>>,
}

impl<'a> Board<'a> {
    /// Indexes the input, with only current members in groups. Checks that it is consistent.
    pub fn new(input: &'a AllocationInput, today: Date) -> Result<Board<'a>, InputError> {
        let mut person = BTreeMap::new();
        let mut names = Vec::new();
        for p in &input.participants {
            if person.insert(p.id.as_str(), names.len()).is_some() {
                return Err(InputError::DuplicateParticipant(p.id.clone()));
            }
            names.push(p.id.as_str());
        }
        let mut group = BTreeMap::new();
        for g in &input.groups {
            check_group(g)?;
            if group.insert(g.id.as_str(), group.len()).is_some() {
                return Err(InputError::DuplicateGroup(g.id.clone()));
            }
        }
        let mut group_of: Vec<Option<usize>> = vec![None; names.len()];
        let mut size = vec![0; input.groups.len()];
        for (gi, g) in input.groups.iter().enumerate() {
            for m in &g.members {
                if let Some(&pi) = person.get(m.as_str()) {
                    if pi < input.participants.len() {
                        return Err(InputError::AlreadyMember {
                            participant: m.clone(),
                            group: g.id.clone(),
                        });
                    }
                }
                let pi = intern(&mut person, &mut names, &mut group_of, m);
                if let Some(first) = group_of[pi] {
                    return Err(InputError::MemberTwice {
                        member: m.clone(),
                        first: input.groups[first].id.clone(),
                        second: g.id.clone(),
                    });
                }
                group_of[pi] = Some(gi);
                size[gi] += 1;
            }
        }
        let mut keep = vec![Vec::new(); names.len()];
        for (pi, p) in input.participants.iter().enumerate() {
            for other in &p.keep_apart {
                let oi = intern(&mut person, &mut names, &mut group_of, other);
                keep.resize(names.len(), Vec::new());
                if oi != pi {
                    keep[pi].push(oi);
                    keep[oi].push(pi);
                }
            }
        }
        for list in &mut keep {
            list.sort_unstable();
            list.dedup();
        }
        Ok(Board {
            input,
            today,
            person,
            names,
            group,
            keep,
            group_of,
            size,
            joiners: vec![Vec::new(); input.groups.len()],
            join_date: input.groups.iter().map(|g| g.joining_date(today)).collect(),
        })
    }

    /// Puts participant `p` into group `g` (or takes him out with `None`).
    pub fn set(&mut self, p: usize, g: Option<usize>) {
        if let Some(old) = self.group_of[p] {
            self.size[old] -= 1;
            self.joiners[old].retain(|&x| x != p);
        }
        if let Some(new) = g {
            self.size[new] += 1;
            self.joiners[new].push(p);
        }
        self.group_of[p] = g;
    }

    /// Whether participant `p` fails constraint `c` for group `g`, given who is where now (as if
    /// he were moved there from wherever he is).
    pub fn fails(&self, c: Constraint, p: usize, g: usize) -> bool {
        let (pp, gg) = (&self.input.participants[p], &self.input.groups[g]);
        match c {
            Constraint::Programme => pp.programme != gg.programme,
            Constraint::Cohort => pp.cohort != gg.cohort,
            Constraint::Pathway => pp.pathway != gg.pathway,
            Constraint::Adapted => pp.adapted != gg.adapted,
            Constraint::Site => !pp.sites.contains(&gg.site),
            Constraint::Slot => !pp.can_attend(gg.slot),
            Constraint::Intake => self.join_date[g].is_none(),
            Constraint::KeepApart => self.keep[p].iter().any(|&o| self.group_of[o] == Some(g)),
            Constraint::Capacity => {
                let others = self.size[g] - u32::from(self.group_of[p] == Some(g));
                others >= gg.max_size
            }
        }
    }

    /// Whether `p` passes every constraint for `g`.
    pub fn fits(&self, p: usize, g: usize) -> bool {
        Constraint::ORDER.iter().all(|&c| !self.fails(c, p, g))
    }

    /// Every constraint `p` would break in `g`, with the specifics.
    pub fn breaches(&self, p: usize, g: usize) -> Vec<Breach> {
        Constraint::ORDER
            .iter()
            .filter(|&&c| self.fails(c, p, g))
            .map(|&c| Breach {
                constraint: c,
                detail: self.detail(c, p, g),
            })
            .collect()
    }

    fn detail(&self, c: Constraint, p: usize, g: usize) -> String {
        let (pp, gg) = (&self.input.participants[p], &self.input.groups[g]);
        match c {
            Constraint::Programme => {
                format!("group runs {}, he is on {}", gg.programme, pp.programme)
            }
            Constraint::Cohort => format!("group is {}, he is {}", gg.cohort, pp.cohort),
            Constraint::Pathway => format!("group is {}, he is {}", gg.pathway, pp.pathway),
            Constraint::Adapted if pp.adapted => {
                "he is flagged for adapted delivery; the group is not adapted".to_owned()
            }
            Constraint::Adapted => "the group is adapted; he is not flagged for it".to_owned(),
            Constraint::Site => format!(
                "group is at {}, he can get to {}",
                gg.site,
                pp.sites.join(", ")
            ),
            Constraint::Slot => slot_detail(pp, gg),
            Constraint::Intake => format!("group started {} and takes no more joiners", gg.start),
            Constraint::KeepApart => {
                let names: Vec<String> = self.keep[p]
                    .iter()
                    .filter(|&&o| self.group_of[o] == Some(g))
                    .map(|&o| format!("\"{}\"", self.names[o]))
                    .collect();
                format!("must be kept apart from {}", names.join(", "))
            }
            Constraint::Capacity => format!("group is full ({} of {})", self.size[g], gg.max_size),
        }
    }
}

fn slot_detail(p: &Participant, g: &Group) -> String {
    let when = format!("group meets {} {}", g.slot.weekday, g.slot.time);
    if p.in_work && g.slot.time == crate::levels::TimeOfDay::Day {
        return format!("{when}; he is in work, so evenings only");
    }
    let days: Vec<&str> = p.weekdays.iter().map(|d| d.key()).collect();
    let days = if days.is_empty() {
        "any day".to_owned()
    } else {
        days.join(", ")
    };
    format!("{when}; he can attend {days}, {}", p.availability)
}

fn check_group(g: &Group) -> Result<(), InputError> {
    if g.min_size == 0 || g.min_size > g.max_size {
        return Err(InputError::Sizes {
            group: g.id.clone(),
            min: g.min_size,
            max: g.max_size,
        });
    }
    if g.intake == Intake::Rolling(ModuleBoundaries::EveryWeeks(0)) {
        return Err(InputError::ModuleLength(g.id.clone()));
    }
    Ok(())
}

/// The index of person `id`, adding him (in no group) if new.
fn intern<'a>(
    person: &mut BTreeMap<&'a str, usize>,
    names: &mut Vec<&'a str>,
    group_of: &mut Vec<Option<usize>>,
    id: &'a str,
) -> usize {
    *person.entry(id).or_insert_with(|| {
        names.push(id);
        group_of.push(None);
        names.len() - 1
    })
}
