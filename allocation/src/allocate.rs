//! Group allocation: every waiting participant to a group or to 1:1, never breaking a hard
//! constraint, deterministically (same input and `today`, same output).
//!
//! 1. The longest waiting choose first (ties by id). Each takes, among the groups he fits, the
//!    one with the earliest joining date; ties go to a group still below its minimum size, then
//!    to the group where his need level is least represented among the joiners, then by id.
//! 2. Groups that have not started and are still below their minimum size would not run: their
//!    joiners move, smallest group first, to a group at least as big that they fit.
//! 3. Anyone still unplaced is tried once more (step 2 can free places), so nobody is left out
//!    who fits a group.
//! 4. Everyone unplaced is explained: the first constraint, in [`Constraint::ORDER`], that every
//!    remaining group fails.

use crate::constraints::{Board, Constraint};
use crate::date::Date;
use crate::error::InputError;
use crate::input::AllocationInput;
use crate::levels::Intensity;
use crate::output::{Allocation, Assignment, GroupSummary, Outcome, Unplaced};
use std::cmp::Ordering;

/// Allocates every waiting participant, as seen from `today`.
pub fn allocate(input: &AllocationInput, today: Date) -> Result<Allocation, InputError> {
    let mut board = Board::new(input, today)?;
    let order = waiting_order(input);
    let mut choices = vec![0; input.participants.len()];
    place_all(&mut board, &order, &mut choices);
    consolidate(&mut board, &mut choices);
    place_all(&mut board, &order, &mut choices);
    let assignments = input
        .participants
        .iter()
        .enumerate()
        .map(|(p, pp)| Assignment {
            participant: pp.id.clone(),
            outcome: match board.group_of[p] {
                _ if pp.pathway == Intensity::NotRecommended => Outcome::NotRecommended,
                Some(g) => Outcome::Group {
                    group: input.groups[g].id.clone(),
                    start: board.join_date[g].unwrap_or(input.groups[g].start),
                    choices: choices[p],
                    by_hand: None,
                },
                None => Outcome::OneToOne {
                    reason: explain(&board, p),
                },
            },
        })
        .collect();
    Ok(Allocation {
        today,
        assignments,
        groups: summaries(&board),
        moves: Vec::new(),
    })
}

/// Participants wanting a group, longest waiting first, ties by id.
fn waiting_order(input: &AllocationInput) -> Vec<usize> {
    let ps = &input.participants;
    let mut order: Vec<usize> = (0..ps.len())
        .filter(|&p| ps[p].pathway != Intensity::NotRecommended)
        .collect();
    order.sort_by(|&a, &b| (ps[a].waiting_since, &ps[a].id).cmp(&(ps[b].waiting_since, &ps[b].id)));
    order
}

/// Places each unplaced participant in `order` in his best group, if he fits any.
fn place_all(board: &mut Board, order: &[usize], choices: &mut [usize]) {
    for &p in order {
        if board.group_of[p].is_none() {
            if let Some((g, n)) = best_group(board, p, |_| true) {
                board.set(p, Some(g));
                choices[p] = n;
            }
        }
    }
}

/// The best group `p` fits among those `allowed`, and how many he fits.
fn best_group(board: &Board, p: usize, allowed: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
    let mut best: Option<usize> = None;
    let mut n = 0;
    for g in 0..board.input.groups.len() {
        if Some(g) == board.group_of[p] || !allowed(g) || !board.fits(p, g) {
            continue;
        }
        n += 1;
        best = match best {
            Some(b) if preference(board, p, b, g) != Ordering::Greater => Some(b),
            _ => Some(g),
        };
    }
    best.map(|g| (g, n))
}

/// Orders two groups `p` fits: earliest joining date, then a group below its minimum, then the
/// smaller share of joiners at his need level, then id.
fn preference(board: &Board, p: usize, a: usize, b: usize) -> Ordering {
    let groups = &board.input.groups;
    let below_min = |g: usize| board.size[g] < groups[g].min_size;
    let need = board.input.participants[p].need;
    // Share of joiners with his need level, as a fraction same / (joiners + 1), compared by
    // cross-multiplying so no floating point enters the decision.
    let same = |g: usize| {
        let n = board.joiners[g]
            .iter()
            .filter(|&&j| board.input.participants[j].need == need)
            .count();
        (n, board.joiners[g].len() + 1)
    };
    let ((sa, na), (sb, nb)) = (same(a), same(b));
    board.join_date[a]
        .cmp(&board.join_date[b])
        .then(below_min(b).cmp(&below_min(a)))
        .then((sa * nb).cmp(&(sb * na)))
        .then(groups[a].id.cmp(&groups[b].id))
}

/// Moves joiners out of groups that have not started and would not run (below minimum size),
/// smallest first, into a group at least as big that they fit.
fn consolidate(board: &mut Board, choices: &mut [usize]) {
    let groups = &board.input.groups;
    let mut weak: Vec<usize> = (0..groups.len())
        .filter(|&g| {
            groups[g].start >= board.today
                && board.size[g] < groups[g].min_size
                && !board.joiners[g].is_empty()
        })
        .collect();
    weak.sort_by_key(|&g| (board.size[g], &groups[g].id));
    for g in weak {
        for p in board.joiners[g].clone() {
            let size = board.size[g];
            if let Some((h, _)) = best_group(board, p, |h| board.size[h] >= size) {
                board.set(p, Some(h));
                // 0 marks "moved so that a group can run" in the output.
                choices[p] = 0;
            }
        }
    }
}

/// Why `p` is in no group: the first constraint in [`Constraint::ORDER`] that every group still
/// left fails, or the groups he fits (possible only after moves by hand).
pub(crate) fn explain(board: &Board, p: usize) -> Unplaced {
    let mut left: Vec<usize> = (0..board.input.groups.len()).collect();
    for c in Constraint::ORDER {
        let next: Vec<usize> = left
            .iter()
            .copied()
            .filter(|&g| !board.fails(c, p, g))
            .collect();
        if next.is_empty() {
            return Unplaced::Blocked {
                constraint: c,
                groups_left: left.len(),
            };
        }
        left = next;
    }
    Unplaced::Fits {
        groups: left
            .iter()
            .map(|&g| board.input.groups[g].id.clone())
            .collect(),
    }
}

/// How each group stands on the board.
pub(crate) fn summaries(board: &Board) -> Vec<GroupSummary> {
    let ps = &board.input.participants;
    board
        .input
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let mut need_mix = [0; 3];
            for &j in &board.joiners[g] {
                need_mix[ps[j].need as usize] += 1;
            }
            GroupSummary {
                group: group.id.clone(),
                members: group.members.len(),
                joiners: board.joiners[g].iter().map(|&j| ps[j].id.clone()).collect(),
                min_size: group.min_size,
                max_size: group.max_size,
                need_mix,
                joining_date: board.join_date[g],
            }
        })
        .collect()
}
