//! Moves by hand: an assessor puts a participant in another group or in 1:1. The move is always
//! made (with a reason); every hard constraint it breaks is returned so the app can warn, and is
//! recorded with the move. Others stay where they are; the unplaced are explained again.

use crate::allocate::{explain, summaries};
use crate::constraints::Board;
use crate::error::MoveError;
use crate::input::AllocationInput;
use crate::output::{Allocation, Breach, ManualMove, Outcome, Unplaced};

/// Where a participant is moved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveTarget {
    /// The group with this id.
    Group(String),
    /// 1:1 delivery.
    OneToOne,
}

/// A move made by hand: the new allocation and the hard constraints the move breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Moved {
    pub allocation: Allocation,
    /// Empty when the move breaks nothing.
    pub breaches: Vec<Breach>,
}

/// Moves `participant` to `target` in `allocation` (made from `input`), with the assessor's
/// `reason`.
pub fn move_by_hand(
    input: &AllocationInput,
    allocation: &Allocation,
    participant: &str,
    target: &MoveTarget,
    reason: &str,
) -> Result<Moved, MoveError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(MoveError::EmptyReason);
    }
    let mut board = board_for(input, allocation)?;
    let p = *board
        .person
        .get(participant)
        .filter(|&&p| p < input.participants.len())
        .ok_or_else(|| MoveError::UnknownParticipant(participant.to_owned()))?;
    let (to, breaches) = match target {
        MoveTarget::OneToOne => (None, Vec::new()),
        MoveTarget::Group(id) => {
            let g = *board
                .group
                .get(id.as_str())
                .ok_or_else(|| MoveError::UnknownGroup(id.clone()))?;
            (Some(g), board.breaches(p, g))
        }
    };
    board.set(p, to);
    let mut out = allocation.clone();
    out.assignments[p].outcome = match to {
        Some(g) => Outcome::Group {
            group: input.groups[g].id.clone(),
            start: board.join_date[g].unwrap_or(input.groups[g].start),
            choices: 0,
            by_hand: Some(reason.to_owned()),
        },
        None => Outcome::OneToOne {
            reason: Unplaced::ByHand {
                reason: reason.to_owned(),
            },
        },
    };
    for (i, a) in out.assignments.iter_mut().enumerate() {
        if let Outcome::OneToOne {
            reason: r @ (Unplaced::Blocked { .. } | Unplaced::Fits { .. }),
        } = &mut a.outcome
        {
            *r = explain(&board, i);
        }
    }
    out.groups = summaries(&board);
    out.moves.push(ManualMove {
        participant: participant.to_owned(),
        to: to.map(|g| input.groups[g].id.clone()),
        reason: reason.to_owned(),
        breaches: breaches.clone(),
    });
    Ok(Moved {
        allocation: out,
        breaches,
    })
}

/// The board with everyone where `allocation` puts them, joiners in the allocation's order.
fn board_for<'a>(
    input: &'a AllocationInput,
    allocation: &Allocation,
) -> Result<Board<'a>, MoveError> {
    let mut board = Board::new(input, allocation.today)?;
    let ids_match = allocation.assignments.len() == input.participants.len()
        && allocation
            .assignments
            .iter()
            .zip(&input.participants)
            .all(|(a, p)| a.participant == p.id);
    if !ids_match || allocation.groups.len() != input.groups.len() {
        return Err(MoveError::Mismatch(
            "participants or groups differ".to_owned(),
        ));
    }
    for summary in &allocation.groups {
        let g = *board
            .group
            .get(summary.group.as_str())
            .ok_or_else(|| MoveError::Mismatch(format!("no group \"{}\"", summary.group)))?;
        for j in &summary.joiners {
            let p = *board
                .person
                .get(j.as_str())
                .filter(|&&p| p < input.participants.len())
                .ok_or_else(|| MoveError::Mismatch(format!("no participant \"{j}\"")))?;
            board.set(p, Some(g));
        }
    }
    Ok(board)
}
