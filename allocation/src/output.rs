//! The result of allocation: where each participant goes and why, and how each group stands.
//! Serialisable, so the app can store it and the CLI can write it as CSV.

use crate::constraints::Constraint;
use crate::date::Date;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An allocation of every waiting participant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Allocation {
    /// The day the allocation was made for; joining dates are on or after it.
    pub today: Date,
    /// One per participant, in the input's order.
    pub assignments: Vec<Assignment>,
    /// One per group, in the input's order.
    pub groups: Vec<GroupSummary>,
    /// Moves made by hand, in the order made.
    pub moves: Vec<ManualMove>,
}

impl Allocation {
    /// The assignment of the participant with this id.
    pub fn assignment(&self, participant: &str) -> Option<&Assignment> {
        self.assignments
            .iter()
            .find(|a| a.participant == participant)
    }
}

/// Where one participant goes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub participant: String,
    pub outcome: Outcome,
}

/// A group place, 1:1 delivery, or no programme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// A place in a group.
    Group {
        group: String,
        /// His first session: the group's start or the module boundary he joins at.
        start: Date,
        /// How many groups he could have joined when he was placed (1 = the only one; 0 = moved
        /// out of a group that would have stayed below its minimum, or moved by hand).
        choices: usize,
        /// Set when an assessor put him there by hand.
        by_hand: Option<String>,
    },
    /// No group can take him: 1:1 delivery.
    OneToOne { reason: Unplaced },
    /// His pathway is "not recommended": no group programme.
    NotRecommended,
}

/// Why a participant is not in a group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Unplaced {
    /// Checking the constraints in [`Constraint::ORDER`], `constraint` is the first that every
    /// remaining group fails; `groups_left` groups had passed all the earlier ones.
    Blocked {
        constraint: Constraint,
        groups_left: usize,
    },
    /// An assessor moved him to 1:1 by hand.
    ByHand { reason: String },
    /// After moves by hand, these groups could now take him (allocate again or move him).
    Fits { groups: Vec<String> },
}

impl fmt::Display for Unplaced {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unplaced::Blocked {
                constraint,
                groups_left,
            } => constraint.explain(*groups_left, f),
            Unplaced::ByHand { reason } => write!(f, "moved to 1:1 by hand: {reason}"),
            Unplaced::Fits { groups } => {
                write!(
                    f,
                    "after moves by hand these groups can take him: {}",
                    groups.join(", ")
                )
            }
        }
    }
}

/// How a group stands after allocation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupSummary {
    pub group: String,
    /// Current members.
    pub members: usize,
    /// Participants allocated to join, in allocation order.
    pub joiners: Vec<String>,
    pub min_size: u32,
    pub max_size: u32,
    /// Joiners' need levels: low, medium, high.
    pub need_mix: [u32; 3],
    /// The date new joiners start; `None` if it takes no more joiners.
    pub joining_date: Option<Date>,
}

impl GroupSummary {
    /// Members plus joiners.
    pub fn size(&self) -> usize {
        self.members + self.joiners.len()
    }

    /// Whether the group is below its minimum size (and would not run as it stands).
    pub fn below_minimum(&self) -> bool {
        self.size() < self.min_size as usize
    }
}

/// A move an assessor made by hand, with the hard constraints it breaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManualMove {
    pub participant: String,
    /// The group moved to; `None` for 1:1.
    pub to: Option<String>,
    pub reason: String,
    pub breaches: Vec<Breach>,
}

/// A hard constraint a placement breaks, with the specifics.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breach {
    pub constraint: Constraint,
    /// What exactly, e.g. `kept apart from "p12", a member`.
    pub detail: String,
}

impl fmt::Display for Breach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.constraint, self.detail)
    }
}
