//! What a merge finds and reports: the [`Conflict`]s with both sides, the [`Choice`]s they
//! offer, what became of each of their records ([`RecordOutcome`], from [`RecordSet::add`]'s
//! answer in one place) and what was taken without a choice ([`Taken`]).
//!
//! [`RecordSet::add`]: qkit_export::record_set::RecordSet::add

use crate::reconcile;
use crate::rules_file::RulesFile;
use crate::staff::StaffEntry;
use crate::workspace::Allocated;
use crate::Key;
use qkit_allocation::{Group, Participant};
use qkit_export::record_set::Added;
use qkit_questionnaires::local_kit::LocalFile;
use qkit_questionnaires::Timepoint;
use qkit_scoring::ReliableChangeChoice;

/// The same thing held differently by the two workspaces.
#[derive(Debug, Clone, PartialEq)]
pub enum Conflict {
    /// Staff entries for the same man on the same programme.
    Staff {
        key: Key,
        ours: StaffEntry,
        theirs: StaffEntry,
    },
    /// Report comments for the same man on the same programme.
    Comment {
        key: Key,
        ours: String,
        theirs: String,
    },
    /// Groups with the same id.
    Group { ours: Group, theirs: Group },
    /// The same man on the same programme on both waiting lists read from files.
    Listed {
        ours: Participant,
        theirs: Participant,
    },
    /// Both workspaces hold an allocation.
    Allocation {
        ours: Box<Allocated>,
        theirs: Box<Allocated>,
    },
    /// Local questionnaire files with the same name.
    LocalFile { ours: LocalFile, theirs: LocalFile },
    /// The local rules file in use (`None`: the shipped rules).
    RulesFile {
        ours: Option<RulesFile>,
        theirs: Option<RulesFile>,
    },
    /// How reliable change is judged.
    ReliableChange {
        ours: ReliableChangeChoice,
        theirs: ReliableChangeChoice,
    },
    /// For the same man and timepoint, each workspace chose a different record to use; with
    /// the file each chosen record was imported from.
    Chosen {
        ours: reconcile::Choice,
        theirs: reconcile::Choice,
        our_file: String,
        their_file: String,
    },
}

/// What the assessor chose for one conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Keep this workspace's.
    Ours,
    /// Take the other workspace's.
    Theirs,
    /// Keep both (report comments only: ours, a blank line, then theirs).
    Both,
}

impl Conflict {
    /// The choices this conflict offers.
    pub fn choices(&self) -> &'static [Choice] {
        match self {
            Conflict::Comment { .. } => &[Choice::Ours, Choice::Theirs, Choice::Both],
            _ => &[Choice::Ours, Choice::Theirs],
        }
    }
}

/// Two comments kept both: ours, a blank line, theirs.
pub fn both_comments(ours: &str, theirs: &str) -> String {
    format!("{ours}\n\n{theirs}")
}

/// What adding one of their records did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Added: ours held no record for that man, programme and timepoint.
    Added,
    /// The same record is already held (from the file `first`).
    AlreadyThere { first: String },
    /// It is the finished record of a sitting held unfinished (from `first`), which it replaces.
    Completed { first: String },
    /// A different record for the same man, programme and timepoint is held (from `first`) and
    /// stays in use; this one is kept beside it until the assessor chooses.
    Beside { first: String },
}

impl From<Added> for Outcome {
    fn from(added: Added) -> Outcome {
        match added {
            Added::New => Outcome::Added,
            Added::Again { first } => Outcome::AlreadyThere { first },
            Added::Finished { first } => Outcome::Completed { first },
            Added::Beside { first } => Outcome::Beside { first },
        }
    }
}

/// One of their records and what became of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordOutcome {
    pub key: Key,
    pub timepoint: Timepoint,
    /// The file it was first imported from (in their workspace).
    pub source: String,
    pub outcome: Outcome,
}

/// How much was taken from their workspace without a choice (held only by them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Taken {
    pub staff: usize,
    pub comments: usize,
    pub groups: usize,
    pub listed: usize,
    pub local_files: usize,
    /// Records chosen for a timepoint that holds more than one (none chosen here).
    pub chosen: usize,
    pub allocation: bool,
    pub rules_file: bool,
    pub reliable_change: bool,
}
