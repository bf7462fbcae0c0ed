//! Errors of allocation's boundaries: inconsistent input, bad CSV, refused manual moves.

use thiserror::Error;

/// Allocation input that contradicts itself (each row may be fine on its own).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InputError {
    /// Two participants share an id.
    #[error("participant \"{0}\" is listed more than once")]
    DuplicateParticipant(String),
    /// Two groups share an id.
    #[error("group \"{0}\" is listed more than once")]
    DuplicateGroup(String),
    /// Someone is a current member of two groups.
    #[error("\"{member}\" is a member of both group \"{first}\" and group \"{second}\"")]
    MemberTwice {
        member: String,
        first: String,
        second: String,
    },
    /// A waiting participant is already a current member of a group.
    #[error(
        "participant \"{participant}\" is waiting but is already a member of group \"{group}\""
    )]
    AlreadyMember { participant: String, group: String },
    /// A group's sizes are impossible.
    #[error(
        "group \"{group}\": sizes must be 1 <= min_size <= max_size, found min {min}, max {max}"
    )]
    Sizes { group: String, min: u32, max: u32 },
    /// A rolling group's modules last zero weeks.
    #[error("group \"{0}\": module length must be at least 1 week")]
    ModuleLength(String),
}

/// A problem in an input CSV file, with its place.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CsvError {
    /// A problem in one cell; `line` counts from 1 (the header is line 1).
    #[error("{file}: line {line}, column \"{column}\": {message}")]
    Cell {
        file: String,
        line: u64,
        column: String,
        message: String,
    },
    /// A problem with the header row.
    #[error("{file}: line 1: {message}")]
    Header { file: String, message: String },
    /// The file is not readable CSV (bad quoting, uneven rows, not UTF-8).
    #[error("{file}: line {line}: {message}")]
    Syntax {
        file: String,
        line: u64,
        message: String,
    },
    /// The file holds no data rows.
    #[error("{file}: no rows after the header")]
    Empty { file: String },
    /// The rows contradict each other.
    #[error("{file}: {error}")]
    Input { file: String, error: InputError },
}

/// Why a move by hand was refused. (Breaking a hard constraint is not a refusal: the move is
/// made and the breaches are returned.)
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum MoveError {
    /// The move has no reason.
    #[error("a move by hand needs a reason")]
    EmptyReason,
    /// No waiting participant has this id.
    #[error("no waiting participant \"{0}\"")]
    UnknownParticipant(String),
    /// No group has this id.
    #[error("no group \"{0}\"")]
    UnknownGroup(String),
    /// The allocation was not made from this input.
    #[error("the allocation does not match the input: {0}")]
    Mismatch(String),
    /// The input contradicts itself.
    #[error(transparent)]
    Input(#[from] InputError),
}
